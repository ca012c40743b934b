//! Where a checklist's facts come from: `[[sources]]` entries (format 2) or the plain
//! strings of format 1, and how a session's copy of them is read back.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::vocabulary::vocabulary;

/// The longest `quote` of a source, in characters.
pub const MAX_QUOTE_CHARS: usize = 300;

vocabulary! {
    /// How far a source can be trusted (format 2).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Confidence {
        /// Official (operator, service-public.fr, legifrance, ARCEP), or two independent
        /// sources.
        High => "high",
        /// One reputable secondary source, or an old copy of an official page.
        Medium => "medium",
        /// One secondary or old source: the text citing it says "one source says…; check".
        Low => "low",
    }
}

/// Where a fact comes from: a `[[sources]]` entry of format 2, or a schema-1 string.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// `[a-z0-9-]+`, what `cite` names; empty for a schema-1 source.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// The page's title (a schema-1 string is kept here whole).
    pub title: String,
    /// The https address the quote was read on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Who published the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The day the stored copy was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<NaiveDate>,
    /// The sentence that supports the claim, in its own language, at most
    /// [`MAX_QUOTE_CHARS`] characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// How far it can be trusted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

impl Source {
    /// A schema-1 source: a URL or the title of a page.
    pub fn legacy(s: impl Into<String>) -> Source {
        let s = s.into();
        Source {
            id: String::new(),
            url: s.starts_with("https://").then(|| s.clone()),
            title: s,
            publisher: None,
            retrieved: None,
            quote: None,
            confidence: None,
        }
    }
}

/// Reads `sources` as sessions store it: tables (format 2), or the plain strings of
/// sessions begun with a schema-1 checklist.
pub(super) mod source_list {
    use serde::{Deserialize, Deserializer};

    use super::Source;

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Stored {
        Legacy(String),
        Full(Source),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Source>, D::Error> {
        let stored = Vec::<Stored>::deserialize(d)?;
        Ok(stored
            .into_iter()
            .map(|s| match s {
                Stored::Legacy(s) => Source::legacy(s),
                Stored::Full(s) => s,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::checklist::Checklist;

    /// Sessions keep a copy of the checklist: one saved before format 2 (sources as
    /// strings, no `cite`, `network`, ...) still reads, and a format-2 copy reads back as it
    /// was written.
    #[test]
    fn a_session_copy_made_before_format_2_still_reads() {
        let old = serde_json::json!({
            "schema": 1, "id": "x", "name": {"en": "X"}, "provider": "X", "country": "FR",
            "kinds": ["prepaid"], "difficulty": "easy", "flags": [], "verified": "2026-11-01",
            "sources": ["https://example.org/terms", "service-public.fr F22486"],
            "links": {}, "contacts": {"phone": "3900"}, "questions": [],
            "steps": [{"id": "s", "phase": "login", "title": {"en": "T"}, "body": {"en": "B"}}]
        });
        let c: Checklist = serde_json::from_value(old).expect("an old snapshot reads");
        assert_eq!(c.sources[0], Source::legacy("https://example.org/terms"));
        assert_eq!(
            c.sources[0].url.as_deref(),
            Some("https://example.org/terms")
        );
        assert_eq!(c.sources[1].title, "service-public.fr F22486");
        assert_eq!(c.sources[1].url, None);
        assert!(c.cite.is_empty() && c.aliases.is_empty() && c.network.is_none());
        assert!(c.steps[0].cite.is_empty() && c.contacts.cite.is_empty());

        let mut v2 = c.clone();
        v2.schema = 2;
        v2.sources = vec![Source {
            id: "terms".into(),
            title: "Terms".into(),
            url: Some("https://example.org/terms".into()),
            publisher: Some("X".into()),
            retrieved: NaiveDate::from_ymd_opt(2026, 11, 26),
            quote: Some("Résiliation : 10 jours.".into()),
            confidence: Some(Confidence::Medium),
        }];
        v2.steps[0].cite = vec!["terms".into()];
        let json = serde_json::to_value(&v2).expect("serializes");
        assert_eq!(json["sources"][0]["confidence"], "medium");
        assert_eq!(json["steps"][0]["cite"][0], "terms");
        assert_eq!(
            serde_json::from_value::<Checklist>(json).expect("reads back"),
            v2
        );
    }
}
