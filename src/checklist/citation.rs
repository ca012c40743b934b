//! Format 2's cited claims: reading `[[sources]]` and `cite`, and the rules that tie them
//! together — every fact cited, every cite known, every source used, every quote short.
//!
//! A fact is what a reader could act on wrongly: a number, an amount, a delay, a date, a
//! phone number or an address. In a text they all show as an ASCII digit or a currency
//! sign, which is what [`first_fact`] looks for.

use std::collections::{HashMap, HashSet};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{CiteOwner, Problem, Severity};
use super::model::Checklist;
use super::position::{Span, Spans};
use super::reader::Reader;
use super::schema::ID_PATTERN;
use super::source::{Confidence, MAX_QUOTE_CHARS, Source};

/// The keys of a `[[sources]]` table, all required.
pub(super) const SOURCE_KEYS: &[&str] = &[
    "id",
    "title",
    "publisher",
    "url",
    "retrieved",
    "quote",
    "confidence",
];

/// The contact details that are facts by themselves and need a source whatever they say.
const CONTACT_DETAILS: &[&str] = &["phone", "phone_abroad", "email", "postal"];

impl Reader<'_> {
    /// `sources`: an array of strings in schema 1, of `[[sources]]` tables in schema 2.
    pub(super) fn sources(
        &mut self,
        v: &Spanned<DeValue>,
        spans: &mut Spans,
    ) -> Option<Vec<Source>> {
        let arr = self.array(v, "sources")?;
        let schema = self.version?;
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in arr.iter().enumerate() {
            let source = match (schema, item.get_ref()) {
                (1, DeValue::String(_)) => self.string(item, "sources").map(|s| {
                    if s.contains("://") && !s.starts_with("https://") {
                        self.error(item.span(), Problem::NotHttps { url: s.clone() });
                    }
                    Source::legacy(s)
                }),
                (1, _) | (_, DeValue::String(_)) => {
                    self.error(item.span(), Problem::SourcesForm { schema });
                    None
                }
                _ => self.source(item, i, spans),
            };
            match source {
                Some(s) => out.push(s),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// One `[[sources]]` table.
    fn source(&mut self, v: &Spanned<DeValue>, i: usize, spans: &mut Spans) -> Option<Source> {
        let where_ = format!("sources[{i}]");
        let t = self.table(v, "sources")?;
        self.known_keys(t, SOURCE_KEYS, &where_);
        let span = v.span();
        let id = self.get(t, "id", true, &where_, &span).and_then(|v| {
            spans.sources.push(v.span());
            self.id(v, "id", ID_PATTERN)
        });
        let title = self
            .get(t, "title", true, &where_, &span)
            .and_then(|v| self.string(v, "title"));
        let publisher = self
            .get(t, "publisher", true, &where_, &span)
            .and_then(|v| self.string(v, "publisher"));
        let url = self.get(t, "url", true, &where_, &span).and_then(|v| {
            let url = self.string(v, "url")?;
            if url.starts_with("https://") {
                Some(url)
            } else {
                self.error(v.span(), Problem::NotHttps { url });
                None
            }
        });
        let retrieved = self
            .get(t, "retrieved", true, &where_, &span)
            .and_then(|v| self.date(v, "retrieved"));
        let quote = self.get(t, "quote", true, &where_, &span).and_then(|v| {
            let quote = self.prose(v, "quote")?;
            let chars = quote.chars().count();
            if chars > MAX_QUOTE_CHARS {
                self.error(v.span(), Problem::QuoteTooLong { chars });
                return None;
            }
            Some(quote)
        });
        let confidence = self
            .get(t, "confidence", true, &where_, &span)
            .and_then(|v| self.one_of::<Confidence>(v, "confidence"));
        Some(Source {
            id: id?,
            title: title?,
            url: Some(url?),
            publisher: Some(publisher?),
            retrieved: Some(retrieved?),
            quote: Some(quote?),
            confidence: Some(confidence?),
        })
    }

    /// The `cite` of table `t`: absent is an empty list; each entry's place goes to `spans`.
    pub(super) fn cite(&mut self, t: &DeTable, spans: &mut Vec<Span>) -> Option<Vec<String>> {
        let Some(v) = t.get("cite") else {
            return Some(vec![]);
        };
        let list = self.strings(v, "cite")?;
        spans.extend(list.iter().map(Spanned::span));
        Some(list.into_iter().map(Spanned::into_inner).collect())
    }

    /// The rule of cited facts for the texts of one table: in a format-2 file whose table
    /// has no `cite`, the first text whose English states a fact is reported.
    pub(super) fn facts(
        &mut self,
        owner: CiteOwner,
        cite: &Option<Vec<String>>,
        texts: &[(&'static str, Option<&Spanned<DeValue>>)],
    ) {
        let Some(severity) = self.uncited_severity(cite) else {
            return;
        };
        let found = texts.iter().find_map(|(key, v)| {
            let v = (*v)?;
            let found = first_fact(english(v.get_ref())?)?;
            Some((*key, v.span(), Box::from(found)))
        });
        if let Some((key, span, found)) = found {
            self.report(severity, span, Problem::UncitedFact { owner, key, found });
        }
    }

    /// The rule of cited contacts: a phone number, e-mail or postal address is a fact
    /// whatever it says; the note is a text like any other.
    pub(super) fn contacts_cited(&mut self, t: &DeTable, cite: &Option<Vec<String>>) {
        let Some(severity) = self.uncited_severity(cite) else {
            return;
        };
        for (k, v) in t.iter() {
            let key = k.get_ref().as_ref();
            if CONTACT_DETAILS.contains(&key) {
                self.report(
                    severity,
                    v.span(),
                    Problem::UncitedContact {
                        key: key.to_string(),
                    },
                );
            }
        }
        self.facts(CiteOwner::Contacts, cite, &[("note", t.get("note"))]);
    }

    /// How a missing `cite` is reported, or `None` when it is not: the table cites
    /// something (or its `cite` is itself wrong), or the file is not in format 2.
    fn uncited_severity(&self, cite: &Option<Vec<String>>) -> Option<Severity> {
        let cited = cite.as_ref().is_none_or(|c| !c.is_empty());
        if cited || self.version != Some(2) {
            return None;
        }
        Some(if self.rules.bundled {
            Severity::Error
        } else {
            Severity::Warning
        })
    }

    fn report(&mut self, severity: Severity, span: Span, problem: Problem) {
        match severity {
            Severity::Error => self.error(span, problem),
            Severity::Warning => self.warning(span, problem),
        }
    }
}

/// The English of a text value as written: the string itself, or its `en` entry (else
/// `zh-CN`, `zh`, the first one), as [`super::Text::get`] would read it.
fn english<'a>(v: &'a DeValue) -> Option<&'a str> {
    match v {
        DeValue::String(s) => Some(s),
        DeValue::Table(t) => ["en", "zh-CN", "zh"]
            .iter()
            .find_map(|tag| t.get(*tag))
            .or_else(|| t.iter().next().map(|(_, v)| v))
            .and_then(|v| match v.get_ref() {
                DeValue::String(s) => Some(s.as_ref()),
                _ => None,
            }),
        _ => None,
    }
}

/// The word of `s` holding its first ASCII digit or currency sign (€ $ £ ¥), if any.
pub fn first_fact(s: &str) -> Option<&str> {
    let at = s.find(|c: char| c.is_ascii_digit() || matches!(c, '€' | '$' | '£' | '¥'))?;
    let start = s[..at]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let end = s[at..]
        .find(char::is_whitespace)
        .map_or(s.len(), |i| at + i);
    Some(&s[start..end])
}

/// The cross-checks of format 2: every `cite` names a source, every source is cited, no
/// two sources share an id, and (`validate --strict`) the checklist is not stale.
pub(super) fn check(reader: &mut Reader, c: &Checklist, spans: &Spans) {
    if let (Some(today), Some(span)) = (reader.rules.stale_on, &spans.verified)
        && let Some(days) = c.stale_days(today)
    {
        reader.error(
            span.clone(),
            Problem::Stale {
                days,
                verified: c.verified,
            },
        );
    }
    if c.schema < 2 {
        return;
    }
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (source, span) in c.sources.iter().zip(&spans.sources) {
        match first.get(source.id.as_str()) {
            Some(&first_line) => reader.error(
                span.clone(),
                Problem::Duplicate {
                    what: "source",
                    id: source.id.clone(),
                    first_line,
                },
            ),
            None => {
                first.insert(&source.id, reader.line_of(span));
            }
        }
    }
    let cites = c
        .cite
        .iter()
        .zip(&spans.cite)
        .chain(c.contacts.cite.iter().zip(&spans.contacts_cite))
        .chain(
            c.questions
                .iter()
                .zip(&spans.questions)
                .flat_map(|(q, s)| q.cite.iter().zip(&s.cite)),
        )
        .chain(
            c.steps
                .iter()
                .zip(&spans.steps)
                .flat_map(|(st, s)| st.cite.iter().zip(&s.cite)),
        );
    let mut used: HashSet<&str> = HashSet::new();
    for (id, span) in cites {
        if first.contains_key(id.as_str()) {
            used.insert(id);
        } else {
            reader.error(span.clone(), Problem::UnknownSource { id: id.clone() });
        }
    }
    for (source, span) in c.sources.iter().zip(&spans.sources) {
        if !used.contains(source.id.as_str()) {
            reader.warning(
                span.clone(),
                Problem::UnusedSource {
                    id: source.id.clone(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fact_is_the_word_holding_a_digit_or_a_currency_sign() {
        assert_eq!(first_fact("Call 3179 from the line."), Some("3179"));
        assert_eq!(first_fact("within 10 days"), Some("10"));
        assert_eq!(first_fact("costs €5, then"), Some("€5,"));
        assert_eq!(first_fact("the 12th month"), Some("12th"));
        assert_eq!(first_fact("至多 20% 的金额"), Some("20%"));
        assert_eq!(first_fact("价格：¥"), Some("价格：¥"));
        assert_eq!(first_fact("No number here."), None);
        assert_eq!(first_fact("二〇二三年"), None);
    }
}
