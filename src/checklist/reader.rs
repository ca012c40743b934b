//! The span-keeping reader: reads values out of toml's spanned tree and reports every
//! problem at the place it was found, instead of stopping at the first one. It knows TOML
//! types, texts and vocabularies, not the checklist format ([`super::schema`] does).

use std::cell::OnceCell;
use std::path::Path;

use chrono::NaiveDate;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use super::diagnostic::{Diagnostic, Problem, Severity};
use super::load::Rules;
use super::position::{LineIndex, Span};
use super::text::Text;
use crate::visible::find_hidden;
use crate::vocabulary::Vocabulary;

/// The walk's state: the source, the rules it is held to and the problems found so far.
pub(super) struct Reader<'a> {
    src: &'a str,
    path: &'a Path,
    /// Where the lines of `src` start: built at the first problem, then shared by all.
    lines: OnceCell<LineIndex>,
    /// The rules beyond the format (bundled or not, staleness).
    pub(super) rules: Rules,
    /// The file's `schema`, once read (format-2 rules apply only to format-2 files).
    pub(super) version: Option<u32>,
    /// The problems found so far, in the order found.
    pub(super) diags: Vec<Diagnostic>,
}

impl<'a> Reader<'a> {
    /// A reader of `src`, which is the file `path`, held to `rules`.
    pub(super) fn new(src: &'a str, path: &'a Path, rules: Rules) -> Reader<'a> {
        Reader {
            src,
            path,
            lines: OnceCell::new(),
            rules,
            version: None,
            diags: Vec::new(),
        }
    }

    /// The `line:col` of byte `offset`.
    fn place(&self, offset: usize) -> (usize, usize) {
        self.lines
            .get_or_init(|| LineIndex::new(self.src))
            .line_col(self.src, offset)
    }

    pub(super) fn error(&mut self, span: Span, problem: Problem) {
        let at = self.place(span.start);
        self.diags
            .push(Diagnostic::at(Severity::Error, self.path, at, problem));
    }

    pub(super) fn warning(&mut self, span: Span, problem: Problem) {
        let at = self.place(span.start);
        self.diags
            .push(Diagnostic::at(Severity::Warning, self.path, at, problem));
    }

    pub(super) fn line_of(&self, span: &Span) -> usize {
        self.place(span.start).0
    }

    /// Reports keys of `table` that are not in `allowed`.
    pub(super) fn known_keys(
        &mut self,
        table: &DeTable,
        allowed: &'static [&'static str],
        where_: &str,
    ) {
        for (k, _) in table.iter() {
            if !allowed.contains(&k.get_ref().as_ref()) {
                self.error(
                    k.span(),
                    Problem::UnknownKey {
                        key: k.get_ref().to_string(),
                        table: where_.to_string(),
                        expected: allowed,
                    },
                );
            }
        }
    }

    pub(super) fn get<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &'static str,
        required: bool,
        where_: &str,
        table_span: &Span,
    ) -> Option<&'t Spanned<DeValue<'i>>> {
        let v = table.get(key);
        if v.is_none() && required {
            self.error(
                table_span.clone(),
                Problem::MissingKey {
                    key,
                    table: where_.to_string(),
                },
            );
        }
        v
    }

    /// A one-line string: no control character at all.
    pub(super) fn string(&mut self, v: &Spanned<DeValue>, key: &str) -> Option<String> {
        self.string_of(v, key, false)
    }

    /// A string that may span lines (texts, quotes): newlines and tabs are allowed, no other
    /// control character.
    pub(super) fn prose(&mut self, v: &Spanned<DeValue>, key: &str) -> Option<String> {
        self.string_of(v, key, true)
    }

    fn string_of(&mut self, v: &Spanned<DeValue>, key: &str, multiline: bool) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => {
                if s.trim().is_empty() {
                    self.error(v.span(), Problem::EmptyValue { key: key.into() });
                    None
                } else if let Some(c) = forbidden_char(s, multiline) {
                    let span = self.char_span(v.span(), c);
                    self.error(
                        span,
                        Problem::ControlCharacter {
                            key: key.into(),
                            code: c,
                        },
                    );
                    None
                } else {
                    Some(s.to_string())
                }
            }
            _ => {
                self.wrong_type(v, key, "a string");
                None
            }
        }
    }

    pub(super) fn wrong_type(&mut self, v: &Spanned<DeValue>, key: &str, expected: &'static str) {
        self.error(
            v.span(),
            Problem::WrongType {
                key: key.into(),
                expected,
            },
        );
    }

    pub(super) fn boolean(&mut self, v: &Spanned<DeValue>, key: &str) -> Option<bool> {
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(v, key, "true or false");
                None
            }
        }
    }

    pub(super) fn array<'t, 'i>(
        &mut self,
        v: &'t Spanned<DeValue<'i>>,
        key: &str,
    ) -> Option<&'t DeArray<'i>> {
        match v.get_ref() {
            DeValue::Array(a) => Some(a),
            _ => {
                self.wrong_type(v, key, "an array");
                None
            }
        }
    }

    pub(super) fn table<'t, 'i>(
        &mut self,
        v: &'t Spanned<DeValue<'i>>,
        key: &str,
    ) -> Option<&'t DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(v, key, "a table");
                None
            }
        }
    }

    pub(super) fn strings(
        &mut self,
        v: &Spanned<DeValue>,
        key: &str,
    ) -> Option<Vec<Spanned<String>>> {
        let arr = self.array(v, key)?;
        let mut out = Vec::new();
        for item in arr.iter() {
            if let Some(s) = self.string(item, key) {
                out.push(Spanned::new(item.span(), s));
            }
        }
        Some(out)
    }

    /// A value of vocabulary `T` (a phase, a kind, ...), given by its name.
    pub(super) fn one_of<T: Vocabulary>(&mut self, v: &Spanned<DeValue>, key: &str) -> Option<T> {
        let s = self.string(v, key)?;
        let found = T::from_name(&s);
        if found.is_none() {
            self.error(
                v.span(),
                Problem::UnknownValue {
                    key: key.into(),
                    value: s,
                    allowed: T::NAMES,
                },
            );
        }
        found
    }

    /// An array of values of vocabulary `T`; `None` if any is unknown.
    pub(super) fn many_of<T: Vocabulary>(
        &mut self,
        v: &Spanned<DeValue>,
        key: &str,
    ) -> Option<Vec<T>> {
        let arr = self.array(v, key)?;
        let mut out = Vec::new();
        let mut ok = true;
        for item in arr.iter() {
            match self.one_of(item, key) {
                Some(x) => out.push(x),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// A text: a string (English) or a table of language tag → string.
    pub(super) fn text(&mut self, v: &Spanned<DeValue>, key: &str) -> Option<Text> {
        match v.get_ref() {
            DeValue::String(_) => self.prose(v, key).map(Text::plain),
            DeValue::Table(t) => {
                let mut out = Vec::new();
                for (tag, val) in t.iter() {
                    let tag_str = tag.get_ref().to_string();
                    if !is_language_tag(&tag_str) {
                        self.error(tag.span(), Problem::BadLanguageTag { tag: tag_str });
                        continue;
                    }
                    if let Some(s) = self.prose(val, key) {
                        out.push((tag_str, s));
                    }
                }
                let text = Text(out);
                if !["en", "zh-CN", "zh"].iter().any(|t| text.has(t)) {
                    self.error(v.span(), Problem::NoEnglishOrChinese { key: key.into() });
                    return None;
                }
                Some(text)
            }
            _ => {
                self.wrong_type(v, key, "a string or a table of language = text");
                None
            }
        }
    }

    pub(super) fn date(&mut self, v: &Spanned<DeValue>, key: &str) -> Option<NaiveDate> {
        let DeValue::Datetime(dt) = v.get_ref() else {
            self.wrong_type(v, key, "a date like 2026-11-25 (without quotes)");
            return None;
        };
        match (dt.date, dt.time) {
            (Some(d), None) => {
                NaiveDate::from_ymd_opt(i32::from(d.year), d.month.into(), d.day.into())
            }
            _ => {
                self.wrong_type(v, key, "a date like 2026-11-25 (without quotes)");
                None
            }
        }
    }
}

impl Reader<'_> {
    /// Where control character `c` is written inside the string at `span`: raw, or as one of
    /// TOML's escapes (`\e`, `\x1b`, `\u001b`, `\U0000001b`, ...); the whole value when it
    /// cannot be found.
    fn char_span(&self, span: Span, c: char) -> Span {
        let Some(raw) = self.src.get(span.clone()) else {
            return span;
        };
        // A multi-line string drops the newline right after its opening quotes.
        let skip = ["\"\"\"\r\n", "\"\"\"\n", "'''\r\n", "'''\n", "\"", "'"]
            .iter()
            .find(|q| raw.starts_with(**q))
            .map_or(0, |q| q.len());
        let body = &raw[skip..];
        let lower = body.to_ascii_lowercase();
        let code = u32::from(c);
        let mut spellings = vec![format!("\\u{code:04x}"), format!("\\u{code:08x}")];
        if code < 0x100 {
            spellings.push(format!("\\x{code:02x}"));
        }
        let short = match c {
            '\u{1b}' => Some("\\e"),
            '\u{8}' => Some("\\b"),
            '\u{c}' => Some("\\f"),
            '\r' => Some("\\r"),
            '\n' => Some("\\n"),
            '\t' => Some("\\t"),
            _ => None,
        };
        spellings.extend(short.map(String::from));
        let found = body
            .find(c)
            .into_iter()
            .chain(spellings.iter().filter_map(|k| lower.find(k.as_str())))
            .min();
        match found {
            Some(at) => {
                let start = span.start + skip + at;
                start..start + 1
            }
            None => span,
        }
    }
}

/// The first character of `s` that a checklist string may not hold: a control character
/// or a bidirectional override ([`find_hidden`]), except newlines (also `\r\n`) and tabs in
/// multi-line texts.
fn forbidden_char(s: &str, multiline: bool) -> Option<char> {
    find_hidden(s, multiline).map(|(_, c)| c)
}

/// Whether `s` looks like a BCP 47 language tag (`en`, `zh-CN`, `fr`).
fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
