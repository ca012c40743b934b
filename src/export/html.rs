//! HTML: one self-contained file to print or keep. Inline CSS with an A4 print stylesheet,
//! no scripts, no external resources of any kind, every value escaped, UTF-8 declared so
//! Chinese text renders. The only links are the footnote markers (to the list of sources
//! in the file) and each source's https address: something to click, nothing fetched.

use std::fmt::Write as _;

use super::{Error, Exporter, Record, Value, human_time};
use crate::i18n::fill;

/// The HTML renderer.
#[derive(Clone, Copy, Debug)]
pub struct Html;

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes a value that may span lines: each line break becomes `<br>`.
fn escape_lines(s: &str) -> String {
    escape(s.trim_end())
        .replace("\r\n", "\n")
        .replace('\n', "<br>")
}

/// A time or date for a table cell: it may wrap between its parts (date, time, offset) but
/// never inside one, so a narrow column never shows `2026-` on one line and `11-03` below.
fn time_cell(s: &str) -> String {
    s.split(' ')
        .map(|part| format!("<span class=\"nw\">{}</span>", escape(part)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The stylesheet. System fonts only (with common CJK families), so nothing is fetched.
/// Chinese records put a CJK family first, so Latin and Chinese come from one font instead
/// of a wide Latin face beside narrower CJK glyphs; the fonts are set on the root element so
/// that the page numbers (a page margin box) use them too. On paper the first page is the
/// summary (title, INCOMPLETE box, facts, answers), the steps start on a new page and the
/// rest flows; table headers repeat on each page and every page is numbered, so a loose page
/// can be placed. On a narrow screen, step details and waiting periods stack.
const CSS: &str = r#"
:root { color-scheme: light; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
html:lang(zh) { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
body { line-height: 1.45; color: #111; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .5rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: .3rem 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f1f1f1; overflow-wrap: break-word; }
table.facts th { width: 25%; }
.nw { white-space: nowrap; }
.time { white-space: nowrap; }
.incomplete { border: 3px solid #b00020; color: #b00020; padding: .6rem .8rem; font-size: 1.1rem; }
.incomplete strong { font-size: 1.4rem; letter-spacing: .08em; }
.redacted { border: 1px dashed #555; padding: .4rem .8rem; }
.step { border-left: 4px solid #999; padding: .3rem .8rem .4rem; margin: .6rem 0; break-inside: avoid; }
.step.done { border-color: #2e7d32; }
.step.skipped { border-color: #ef6c00; }
.step.pending { border-color: #b00020; }
.step.not-applicable { border-color: #ccc; color: #555; }
dl { display: grid; grid-template-columns: 10em 1fr; gap: .15rem 1rem; margin: .3rem 0; }
html:lang(zh) dl { grid-template-columns: 6em 1fr; }
dt { font-weight: 600; }
dd { margin: 0; }
ul { margin: 0; padding-left: 1.2rem; }
.mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
.watermark { display: none; }
footer { margin-top: 2rem; font-size: .85rem; color: #555; }
@media screen and (max-width: 40rem) {
  th { overflow-wrap: anywhere; }
  dl, html:lang(zh) dl { grid-template-columns: 1fr; gap: 0; }
  dd { margin: 0 0 .3rem 1rem; }
  #waits thead { display: none; }
  #waits tr, #waits td { display: block; }
  #waits tr { border: 1px solid #bbb; padding: .3rem 0; }
  #waits td { border: 0; padding: .1rem .5rem; }
  #waits td::before { content: attr(data-label); font-weight: 600; }
}
@page { size: A4; margin: 16mm 14mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  #steps { break-before: page; }
  h2 { margin-top: 1.2rem; }
  h2, h3 { break-after: avoid; }
  tr { break-inside: avoid; }
  th { background: none; }
  .watermark { display: block; position: fixed; top: 45%; left: 0; right: 0; text-align: center; font-size: 72pt; font-weight: 700; color: rgba(176, 0, 32, .1); transform: rotate(-30deg); z-index: -1; }
}
"#;

/// Footnote markers after a cited value, each a link to its source in the list at the end.
fn marks(cite: &[usize]) -> String {
    cite.iter()
        .map(|n| format!("<sup><a href=\"#source-{n}\">[{n}]</a></sup>"))
        .collect()
}

/// A value as HTML: identifiers in monospace, one line per line.
fn value(v: &Value) -> String {
    let mono = |s: &str| format!("<span class=\"mono\">{}</span>", escape(s));
    match v {
        Value::Text(s) => escape(s),
        Value::Prose(s) => escape_lines(s),
        Value::Code(s) => mono(s),
        Value::Named { name, id } => format!("{} ({})", escape(name), mono(id)),
        Value::Lines(lines) => lines
            .iter()
            .map(|s| escape(s))
            .collect::<Vec<_>>()
            .join("<br>"),
    }
}

impl Exporter for Html {
    fn render(&self, r: &Record) -> Result<String, Error> {
        let x = &r.strings.export;
        let none = x.none;
        let colon = x.colon;
        let e = escape;
        let mut o = String::with_capacity(8192 + r.events.len() * 120);
        let title = format!("{}{colon}{}", x.title, r.checklist.name);
        let _ = write!(
            o,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
            r.strings.tag(),
            e(&title)
        );
        if !r.complete {
            let _ = writeln!(
                o,
                "<div class=\"watermark\" aria-hidden=\"true\">{}</div>",
                e(x.incomplete)
            );
        }
        let _ = writeln!(o, "<header>\n<h1>{}</h1>", e(&title));
        if !r.complete {
            let _ = writeln!(
                o,
                "<p class=\"incomplete\" role=\"alert\"><strong>{}</strong><br>{}</p>",
                e(x.incomplete),
                e(&r.incomplete_note())
            );
        }
        if r.redacted {
            let _ = writeln!(o, "<p class=\"redacted\">{}</p>", e(x.redacted_note));
        }

        o.push_str("<table class=\"facts\">\n");
        for f in r.facts() {
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\">{}</th><td>{}{}</td></tr>",
                e(f.label),
                value(&f.value),
                marks(f.cite)
            );
        }
        o.push_str("</table>\n</header>\n");

        let _ = writeln!(o, "<section id=\"answers\">\n<h2>{}</h2>", e(x.answers));
        if r.answers.is_empty() {
            let _ = writeln!(o, "<p>{}</p>", e(none));
        } else {
            let _ = writeln!(
                o,
                "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr>\
                 </thead>\n<tbody>",
                e(x.question),
                e(x.answer)
            );
            for a in &r.answers {
                let _ = writeln!(
                    o,
                    "<tr><td>{}</td><td>{}</td></tr>",
                    e(&a.question),
                    e(&a.label)
                );
            }
            o.push_str("</tbody>\n</table>\n");
        }
        o.push_str("</section>\n");

        let _ = writeln!(o, "<section id=\"steps\">\n<h2>{}</h2>", e(x.steps));
        for st in &r.steps {
            let class = match st.status {
                crate::session::StepStatus::Pending => "pending",
                crate::session::StepStatus::Done => "done",
                crate::session::StepStatus::Skipped => "skipped",
                crate::session::StepStatus::NotApplicable => "not-applicable",
            };
            let _ = writeln!(
                o,
                "<article class=\"step {class}\" id=\"step-{}\">\n<h3>{}. {}{}</h3>\n<dl>",
                e(&st.id),
                st.number,
                e(&st.title),
                marks(&st.cite)
            );
            for f in r.step_fields(st) {
                let _ = writeln!(o, "<dt>{}</dt><dd>{}</dd>", e(f.label), value(&f.value));
            }
            for g in r.step_groups(st) {
                let _ = write!(o, "<dt>{}</dt><dd><ul>", e(g.label));
                for (label, text) in &g.items {
                    let _ = write!(o, "<li>{}{colon}{}</li>", e(label), escape_lines(text));
                }
                o.push_str("</ul></dd>\n");
            }
            o.push_str("</dl>\n</article>\n");
        }
        o.push_str("</section>\n");

        let _ = writeln!(o, "<section id=\"waits\">\n<h2>{}</h2>", e(x.waits));
        let mut waits = r.waits().peekable();
        if waits.peek().is_none() {
            let _ = writeln!(o, "<p>{}</p>", e(none));
        } else {
            o.push_str("<table>\n<thead><tr>");
            for h in [x.step, x.expected, x.began, x.due, x.received, x.outcome] {
                let _ = write!(o, "<th scope=\"col\">{}</th>", e(h));
            }
            o.push_str("</tr></thead>\n<tbody>\n");
            for (st, w) in waits {
                // data-label: a narrow screen shows each cell under its label instead of
                // five squeezed columns.
                let _ = write!(
                    o,
                    "<tr><td data-label=\"{}{}\">{}. {}</td>",
                    e(x.step),
                    e(colon),
                    st.number,
                    e(&st.title)
                );
                for f in r.wait_fields(st, w) {
                    let cell = match &f.value {
                        // A length (`5 天`) is one unit: not broken between number and word.
                        Value::Text(t) if f.label == x.expected => {
                            format!("<span class=\"nw\">{}</span>", escape(t))
                        }
                        Value::Text(t) => time_cell(t),
                        other => value(other),
                    };
                    let _ = write!(
                        o,
                        "<td data-label=\"{}{}\">{cell}</td>",
                        e(f.label),
                        e(colon)
                    );
                }
                o.push_str("</tr>\n");
            }
            o.push_str("</tbody>\n</table>\n");
        }
        o.push_str("</section>\n");

        if !r.sources.is_empty() {
            let _ = writeln!(
                o,
                "<section id=\"sources\">\n<h2>{}</h2>\n<ul class=\"sources\">",
                e(x.sources)
            );
            for row in &r.sources {
                let t = row.text();
                let id = row
                    .number
                    .map(|n| format!(" id=\"source-{n}\""))
                    .unwrap_or_default();
                // A link to click, nothing the file fetches; only https (a session file may
                // have been edited by hand), else the address as text.
                let heading = t.heading_with(r.strings, escape, |url| {
                    if url.starts_with("https://") {
                        format!("<a href=\"{}\">{}</a>", e(url), e(url))
                    } else {
                        e(url)
                    }
                });
                let _ = write!(o, "<li{id}>{heading}");
                if let Some(quote) = t.quote(r.strings) {
                    let _ = write!(
                        o,
                        "<br><span class=\"quote\">{}</span>",
                        escape_lines(&quote)
                    );
                }
                o.push_str("</li>\n");
            }
            o.push_str("</ul>\n</section>\n");
        }

        // The count goes in the heading: a caption under it would repeat "Event log".
        let count = fill(x.events_count, &[("n", &r.events.len())]);
        let _ = writeln!(
            o,
            "<section id=\"events\">\n<h2>{}</h2>\n<table>\n\
             <thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
            e(&count),
            e(x.time),
            e(x.event)
        );
        for ev in &r.events {
            let _ = writeln!(
                o,
                "<tr><td class=\"time\">{}</td><td>{}</td></tr>",
                e(&human_time(&ev.event.at)),
                e(&ev.text)
            );
        }
        o.push_str("</tbody>\n</table>\n</section>\n");
        let _ = writeln!(
            o,
            "<footer>{}{colon}{} · simcancel</footer>\n</body>\n</html>",
            e(x.exported),
            e(&human_time(&r.exported))
        );
        Ok(o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Format;
    use crate::export::testing::render;
    use crate::fixtures;
    use crate::i18n::Lang;

    #[test]
    fn escape_covers_the_five_special_characters() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape_lines("a<\nb"), "a&lt;<br>b");
    }

    #[test]
    fn values_are_escaped_and_nothing_is_fetched() {
        let html = render(Format::Html, &fixtures::completed(), Lang::En);
        assert!(html.contains("Demo Mobile &lt;Prepaid&gt; &amp; Co"));
        assert!(html.contains("&lt;b&gt;no fee&lt;/b&gt;"));
        for bad in ["<script", "src=", "url(", "@import"] {
            assert!(!html.contains(bad), "found {bad}");
        }
        // Links only to the sources in the file and to their https pages.
        let hrefs: Vec<&str> = html
            .split("href=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert_eq!(hrefs.len(), 5, "{hrefs:?}");
        for href in hrefs {
            assert!(
                href.starts_with("#source-") || href.starts_with("https://"),
                "{href}"
            );
        }
    }

    #[test]
    fn a_source_url_that_is_not_https_is_shown_not_linked() {
        let mut s = fixtures::completed();
        s.checklist.snapshot.sources[1].url = Some("javascript:alert(1)".into());
        let html = render(Format::Html, &s, Lang::En);
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(html.contains("javascript:alert(1)"));
    }

    #[test]
    fn snapshot_completed() {
        insta::assert_snapshot!(render(Format::Html, &fixtures::completed(), Lang::En));
    }

    #[test]
    fn snapshot_unfinished() {
        let html = render(Format::Html, &fixtures::unfinished(), Lang::En);
        assert!(html.contains("class=\"incomplete\""));
        insta::assert_snapshot!(html);
    }

    #[test]
    fn snapshot_chinese() {
        let html = render(Format::Html, &fixtures::chinese(), Lang::ZhCn);
        assert!(html.contains("<html lang=\"zh-CN\">"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        insta::assert_snapshot!(html);
    }
}
