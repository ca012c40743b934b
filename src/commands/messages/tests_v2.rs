//! The rules of checklist format 2 (cited claims) and of hostile strings, each with its exact
//! message and place, as `validate` prints them.

use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::checklist::{Confidence, Rules, parse_with};
use crate::i18n::Lang;

/// A small valid format-2 checklist; tests replace parts of it.
const BASE: &str = r#"schema = 2
id = "demo"
name = { en = "Demo", zh-CN = "演示" }
provider = "Demo"
network = "Orange"
aliases = ["démo", "演示卡"]
country = "FR"
kinds = ["postpaid"]
difficulty = "easy"
verified = 2026-11-25
summary = { en = "Cancel, then get money back within 10 days.", zh-CN = "注销后 10 天内退款。" }
cite = ["law"]

[[sources]]
id = "law"
title = "Article L224-35"
publisher = "Légifrance"
url = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000032226842"
retrieved = 2026-11-25
quote = "au plus tard dans un délai de dix jours"
confidence = "high"

[[sources]]
id = "shop"
title = "Aide"
publisher = "Demo"
url = "https://example.org/aide"
retrieved = 2026-11-25
quote = """
Appelez le 3900.
Du lundi au samedi."""
confidence = "low"

[contacts]
phone = "3900"
note = { en = "Free from a French line.", zh-CN = "从法国线路拨打免费。" }
cite = ["shop"]

[[questions]]
id = "keep"
kind = "yes-no"
text = { en = "Keep the number?", zh-CN = "保留号码？" }
help = { en = "Porting takes 1 working day.", zh-CN = "携号转网需要 1 个工作日。" }
cite = ["law"]

[[steps]]
id = "login"
phase = "login"
title = "Log in"
body = """
Log in.
	Then look around."""

[[steps]]
id = "find"
phase = "find-option"
title = "Find"
body = "Find it."

[[steps]]
id = "confirm"
phase = "confirm"
title = "Confirm"
body = "Confirm."

[[steps]]
id = "submit"
phase = "submit"
title = "Submit"
body = "Call 3900 to submit."
cite = ["shop"]

[[steps]]
id = "wait"
phase = "wait"
title = "Wait"
body = "Wait."
wait = "10d"
"#;

fn path() -> &'static Path {
    Path::new("demo.toml")
}

/// The rendered problems of `src` held to `rules`, one per line, in `lang`.
fn problems_in(src: &str, rules: Rules, lang: Lang) -> Vec<String> {
    let s = lang.strings();
    match parse_with(src, path(), rules) {
        Ok((_, warnings)) => warnings.iter().map(|d| diagnostic(d, s)).collect(),
        Err(diags) => diags.iter().map(|d| diagnostic(d, s)).collect(),
    }
}

/// The problems of `src` as a user checklist, in English.
fn problems(src: &str) -> Vec<String> {
    problems_in(src, Rules::USER, Lang::En)
}

/// The problems of `src` as a bundled checklist, in English.
fn bundled(src: &str) -> Vec<String> {
    problems_in(src, Rules::BUNDLED, Lang::En)
}

/// `BASE` with `from` replaced by `to` (which must occur).
fn with(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from:?} not in BASE");
    BASE.replacen(from, to, 1)
}

#[test]
fn the_format_2_fixture_is_valid_even_as_a_bundled_checklist() {
    for rules in [Rules::USER, Rules::BUNDLED] {
        let (c, warnings) = parse_with(BASE, path(), rules).expect("valid");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(c.schema, 2);
        assert_eq!(c.network.as_deref(), Some("Orange"));
        assert_eq!(c.aliases, ["démo", "演示卡"]);
        assert_eq!(c.cite, ["law"]);
        assert_eq!(c.sources.len(), 2);
        let shop = c.source("shop").expect("the shop source");
        assert_eq!(shop.confidence, Some(Confidence::Low));
        assert_eq!(
            shop.quote.as_deref(),
            Some("Appelez le 3900.\nDu lundi au samedi.")
        );
        assert_eq!(shop.retrieved, NaiveDate::from_ymd_opt(2026, 11, 25));
        assert_eq!(c.contacts.cite, ["shop"]);
        assert_eq!(c.questions[0].cite, ["law"]);
        assert_eq!(c.steps[3].cite, ["shop"]);
        assert!(c.steps[0].cite.is_empty());
        assert_eq!(c.steps[0].body.get("en"), "Log in.\n\tThen look around.");
    }
}

#[test]
fn a_cite_must_name_a_defined_source() {
    let p = problems(&with(
        "body = \"Call 3900 to submit.\"\ncite = [\"shop\"]",
        "body = \"Call 3900 to submit.\"\ncite = [\"shop\", \"shops\"]",
    ));
    assert_eq!(
        p,
        [
            "demo.toml:71:17: error: `cite` names the source `shops`, which is not defined in [[sources]]"
        ]
    );
}

#[test]
fn a_fact_without_a_cite_is_an_error_in_a_bundled_checklist_and_a_warning_elsewhere() {
    let src = with(
        "body = \"Call 3900 to submit.\"\ncite = [\"shop\"]",
        "body = \"Call 3900 to submit.\"",
    );
    assert_eq!(
        bundled(&src),
        [
            "demo.toml:70:8: error: `body` states a number, amount, delay, date, phone number or address (`3900`) without a source: add `cite = [\"…\"]` to step `submit`, naming the [[sources]] that support it"
        ]
    );
    assert_eq!(
        problems(&src),
        [
            "demo.toml:70:8: warning: `body` states a number, amount, delay, date, phone number or address (`3900`) without a source: add `cite = [\"…\"]` to step `submit`, naming the [[sources]] that support it"
        ]
    );
    assert_eq!(
        problems_in(&src, Rules::BUNDLED, Lang::ZhCn),
        [
            "demo.toml:70:8: 错误: `body` 写有数字、金额、期限、日期、电话号码或地址（`3900`），但没有注明来源：请在步骤 `submit` 中加上 `cite = [\"…\"]`，指向支持它的 [[sources]]"
        ]
    );
}

#[test]
fn every_kind_of_text_with_a_fact_needs_a_cite() {
    // A question's help.
    let p = bundled(&with(
        "help = { en = \"Porting takes 1 working day.\", zh-CN = \"携号转网需要 1 个工作日。\" }\ncite = [\"law\"]",
        "help = { en = \"Porting takes 1 working day.\", zh-CN = \"携号转网需要 1 个工作日。\" }",
    ));
    assert_eq!(
        p,
        [
            "demo.toml:43:8: error: `help` states a number, amount, delay, date, phone number or address (`1`) without a source: add `cite = [\"…\"]` to question `keep`, naming the [[sources]] that support it"
        ]
    );
    // The summary, at the top level (the source it cited is then unused).
    let p = bundled(&with("cite = [\"law\"]\n\n[[sources]]", "\n[[sources]]"));
    assert_eq!(
        p,
        [
            "demo.toml:11:11: error: `summary` states a number, amount, delay, date, phone number or address (`10`) without a source: add `cite = [\"…\"]` to the top level, naming the [[sources]] that support it",
        ]
    );
    // A choice label (the question's own text has none).
    let src = with(
        "kind = \"yes-no\"",
        "kind = \"choice\"\nchoices = [{ id = \"a\", label = \"Within 24 hours\" }]",
    );
    let p = problems(&src.replace("help = { en = \"Porting takes 1 working day.\", zh-CN = \"携号转网需要 1 个工作日。\" }\ncite = [\"law\"]", ""));
    assert_eq!(
        p,
        [
            "demo.toml:42:32: warning: `label` states a number, amount, delay, date, phone number or address (`24`) without a source: add `cite = [\"…\"]` to question `keep`, naming the [[sources]] that support it"
        ]
    );
    // A currency sign is a fact too; a step title.
    let p = bundled(&with("title = \"Find\"", "title = \"Pay the €5 fee\""));
    assert_eq!(
        p,
        [
            "demo.toml:57:9: error: `title` states a number, amount, delay, date, phone number or address (`€5`) without a source: add `cite = [\"…\"]` to step `find`, naming the [[sources]] that support it"
        ]
    );
}

#[test]
fn contact_details_need_a_cite_whatever_they_say() {
    let src = with("cite = [\"shop\"]\n\n[[questions]]", "\n[[questions]]").replace(
        "note = { en = \"Free from a French line.\"",
        "email = \"help@example.org\"\nnote = { en = \"Open 9:00 to 18:00.\"",
    );
    assert_eq!(
        bundled(&src),
        [
            "demo.toml:35:9: error: contact `phone` has no source: add `cite = [\"…\"]` to [contacts], naming the [[sources]] that give it",
            "demo.toml:36:9: error: contact `email` has no source: add `cite = [\"…\"]` to [contacts], naming the [[sources]] that give it",
            "demo.toml:37:8: error: `note` states a number, amount, delay, date, phone number or address (`9:00`) without a source: add `cite = [\"…\"]` to [contacts], naming the [[sources]] that support it",
        ]
    );
}

#[test]
fn a_source_nothing_cites_is_a_warning() {
    let src = with(
        "[contacts]",
        "[[sources]]\nid = \"spare\"\ntitle = \"T\"\npublisher = \"P\"\nurl = \"https://example.org/\"\nretrieved = 2026-11-25\nquote = \"Q\"\nconfidence = \"medium\"\n\n[contacts]",
    );
    let (_, warnings) = parse_with(&src, path(), Rules::BUNDLED).expect("only a warning");
    assert_eq!(
        warnings
            .iter()
            .map(|d| diagnostic(d, Lang::En.strings()))
            .collect::<Vec<_>>(),
        [
            "demo.toml:35:6: warning: source `spare` is never cited; cite it where it supports a claim, or remove it"
        ]
    );
    let dup = src.replace("id = \"spare\"", "id = \"law\"");
    assert_eq!(
        problems(&dup),
        ["demo.toml:35:6: error: duplicate source id `law` (first defined on line 15)"]
    );
}

#[test]
fn quotes_urls_and_confidence_of_sources() {
    let p = problems(&with(
        "quote = \"au plus tard dans un délai de dix jours\"",
        "quote = \" \"",
    ));
    assert_eq!(p, ["demo.toml:20:9: error: `quote` is empty"]);
    let at_most = format!("quote = \"{}\"", "é".repeat(300));
    assert!(
        problems(&with(
            "quote = \"au plus tard dans un délai de dix jours\"",
            &at_most
        ))
        .is_empty()
    );
    let too_long = format!("quote = \"{}\"", "é".repeat(301));
    let p = problems(&with(
        "quote = \"au plus tard dans un délai de dix jours\"",
        &too_long,
    ));
    assert_eq!(
        p,
        [
            "demo.toml:20:9: error: `quote` has 301 characters; quote at most 300: the sentence that supports the claim"
        ]
    );
    let p = problems(&with(
        "url = \"https://example.org/aide\"",
        "url = \"http://example.org/aide\"",
    ));
    assert_eq!(
        p,
        [
            "demo.toml:27:7: error: `http://example.org/aide` is not an https:// URL; only https links are allowed"
        ]
    );
    let p = problems(&with("confidence = \"low\"", "confidence = \"certain\""));
    assert_eq!(
        p,
        ["demo.toml:32:14: error: unknown confidence `certain`; use one of: high, medium, low"]
    );
    let p = problems(&with("publisher = \"Demo\"\n", ""));
    assert_eq!(
        p,
        ["demo.toml:23:1: error: missing key `publisher` in sources[1]"]
    );
}

#[test]
fn sources_and_keys_of_the_other_format() {
    let p = problems(&with("schema = 2", "schema = 1"));
    assert!(
        p.contains(&"demo.toml:5:1: error: `network` belongs to checklist format 2: set `schema = 2` and write `sources` as [[sources]] tables".to_string()),
        "{p:#?}"
    );
    assert!(
        p.contains(&"demo.toml:14:1: error: in schema 1, `sources` is an array of strings (URLs or page titles); [[sources]] tables need `schema = 2`".to_string()),
        "{p:#?}"
    );
    assert!(
        p.contains(&"demo.toml:71:1: error: `cite` belongs to checklist format 2: set `schema = 2` and write `sources` as [[sources]] tables".to_string()),
        "{p:#?}"
    );
    let v2_strings = "schema = 2\nid = \"demo\"\nname = \"Demo\"\nprovider = \"Demo\"\ncountry = \"FR\"\nkinds = [\"prepaid\"]\ndifficulty = \"easy\"\nverified = 2026-11-25\nsources = [\"https://example.org/\"]\n\n[[steps]]\nid = \"s\"\nphase = \"login\"\ntitle = \"T\"\nbody = \"B\"\n";
    let p = problems(v2_strings);
    assert_eq!(
        p[0],
        "demo.toml:9:12: error: in schema 2, each source is a [[sources]] table with id, title, publisher, url, retrieved, quote and confidence; plain strings are schema 1"
    );
}

#[test]
fn control_characters_and_bidi_overrides_are_refused_where_they_are() {
    let p = problems(&with(
        "provider = \"Demo\"",
        "provider = \"G\\u001b]0;pwned\\u0007\\u001b[2J\"",
    ));
    assert_eq!(
        p,
        [
            "demo.toml:4:14: error: `provider` contains the control character U+001B; checklist strings may hold no control character (newlines and tabs only in multi-line texts) and no bidirectional override, as these can change what a terminal shows"
        ]
    );
    // Raw, in a text, after other text: the column is the character's own.
    let p = problems(&with("body = \"Find it.\"", "body = \"Find \u{202e}it.\""));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("demo.toml:58:14: error: `body` contains the control character U+202E;"),
        "{p:?}"
    );
    // A tab is fine in a text, not in a one-line string; so is an isolate anywhere.
    let p = problems(&with("network = \"Orange\"", "network = \"Ora\\tnge\""));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("demo.toml:5:15: error: `network` contains the control character U+0009;"),
        "{p:?}"
    );
    let p = problems(&with("aliases = [\"démo\"", "aliases = [\"d\\u2066émo\""));
    assert!(
        p[0].starts_with("demo.toml:6:14: error: `aliases` contains the control character U+2066;"),
        "{p:?}"
    );
    // C1 controls and DEL, in a quote (multi-line, but still no control but newline and tab).
    let p = problems(&with(
        "Du lundi au samedi.",
        "Du lundi\\u0085 au samedi\\u007f.",
    ));
    assert!(
        p[0].starts_with("demo.toml:31:9: error: `quote` contains the control character U+0085;"),
        "{p:?}"
    );
    // Carriage returns: only as part of a Windows line end in a multi-line text.
    let crlf = with("Log in.\n\tThen", "Log in.\r\n\tThen");
    assert!(problems(&crlf).is_empty(), "{:?}", problems(&crlf));
    let p = problems(&with("title = \"Find\"", "title = \"Fi\\rnd\""));
    assert!(
        p[0].starts_with("demo.toml:57:12: error: `title` contains the control character U+000D;"),
        "{p:?}"
    );
    // And in Chinese.
    let p = problems_in(
        &with("provider = \"Demo\"", "provider = \"G\\e[2J\""),
        Rules::USER,
        Lang::ZhCn,
    );
    assert_eq!(
        p,
        [
            "demo.toml:4:14: 错误: `provider` 含有控制字符 U+001B；清单中的字符串不得含有控制字符（多行文本中的换行符和制表符除外），也不得含有双向文本覆盖字符，因为它们会改变终端显示的内容"
        ]
    );
}

#[test]
fn validate_quotes_at_most_one_escaped_line_of_80_characters() {
    // A multi-line value where one line is expected: one short message at the first newline.
    let huge = format!("phase = \"\"\"\nconfirm{}\"\"\"", "\nline".repeat(5000));
    let p = problems(&with("phase = \"confirm\"", &huge));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("demo.toml:63:8: error: `phase` contains the control character U+000A;"),
        "{p:?}"
    );
    let long = format!("phase = \"{}\"", "x".repeat(100));
    let p = problems(&with("phase = \"confirm\"", &long));
    assert_eq!(
        p,
        [format!(
            "demo.toml:62:9: error: unknown phase `{}…`; use one of: prepare, login, find-option, confirm, submit, wait, after",
            "x".repeat(80)
        )]
    );
    // A key is not a string value: it is quoted escaped.
    let p = problems(&with(
        "provider = \"Demo\"",
        "provider = \"Demo\"\n\"bad\\u001b[2Jkey\" = 1",
    ));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("demo.toml:5:1: error: unknown key `bad\\u{1b}[2Jkey` in top level;"),
        "{p:?}"
    );
    let p = problems(&with(
        "wait = \"10d\"",
        &format!("wait = \"{}d\"", "9".repeat(200)),
    ));
    assert_eq!(
        p,
        [format!(
            "demo.toml:78:8: error: bad wait duration: `{}…` does not start with a number: write it like 48h, 5d or 2w",
            "9".repeat(80)
        )]
    );
}

#[test]
fn validate_strict_refuses_a_checklist_verified_more_than_180_days_ago() {
    let verified = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    let on = |days| Rules::strict(verified + chrono::Days::new(days));
    assert!(problems_in(BASE, on(180), Lang::En).is_empty());
    assert_eq!(
        problems_in(BASE, on(181), Lang::En),
        [
            "demo.toml:10:12: error: `verified` is 2026-11-25, 181 days ago (more than 180): check the checklist against its sources again, then update `verified`"
        ]
    );
    assert_eq!(
        problems_in(BASE, on(400), Lang::ZhCn),
        [
            "demo.toml:10:12: 错误: `verified` 为 2026-11-25，已过去 400 天（超过 180 天）：请对照来源重新核对本清单，然后更新 `verified`"
        ]
    );
    // Without --strict, age is not a problem of the file.
    assert!(problems(BASE).is_empty());
}
