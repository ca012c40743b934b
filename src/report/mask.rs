//! What `--with-text` does to the person's own words (skip reasons, notes) before they go
//! into a report: every value recorded in the session (and each longer word of one) is
//! masked wherever it appears, a link keeps only its site, an e-mail address and every
//! digit are masked. Names a person types freely cannot be recognised reliably, which is
//! why free text is left out unless asked for, and the person reads the report first.

use std::sync::LazyLock;

use regex::Regex;

use crate::export::MASK;

/// A link: its scheme and authority are captured, the rest (path, query) is dropped.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([a-z][a-z0-9+.-]*)://([^\s/?#]+)\S*").expect("a valid pattern")
});

/// An e-mail address, loosely: something@something.
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^\s@<>()\[\]]+@[^\s@<>()\[\]]+").expect("a valid pattern"));

/// The shortest recorded value masked wherever it appears; shorter ones would mask parts
/// of ordinary words (and are digits, masked anyway, or single letters).
const MIN_VALUE: usize = 3;

/// The shortest word of a recorded value masked on its own ("Dupont" of "Jean Dupont").
const MIN_WORD: usize = 4;

/// Masks free text against the values recorded in one session.
#[derive(Debug)]
pub struct Masker {
    /// The recorded values and their longer words, longest first, any case.
    values: Option<Regex>,
}

impl Masker {
    /// A masker for text written alongside these recorded values.
    pub fn new<'a>(values: impl IntoIterator<Item = &'a str>) -> Masker {
        let mut needles: Vec<String> = Vec::new();
        for value in values {
            let value = value.trim();
            if value.chars().count() >= MIN_VALUE {
                needles.push(value.to_string());
            }
            needles.extend(
                value
                    .split(|c: char| c.is_whitespace() || ",;:/()".contains(c))
                    .filter(|w| w.chars().count() >= MIN_WORD)
                    .map(str::to_string),
            );
        }
        needles.sort_by_key(|n| std::cmp::Reverse(n.len()));
        needles.dedup();
        let pattern = needles
            .iter()
            .map(|n| regex::escape(n))
            .collect::<Vec<_>>()
            .join("|");
        Masker {
            values: (!needles.is_empty())
                .then(|| Regex::new(&format!("(?i){pattern}")).ok())
                .flatten(),
        }
    }

    /// `text` with recorded values, links, e-mail addresses and digits masked.
    pub fn mask(&self, text: &str) -> String {
        let text = match &self.values {
            Some(values) => values.replace_all(text, MASK).into_owned(),
            None => text.to_string(),
        };
        let text = LINK.replace_all(&text, |c: &regex::Captures<'_>| {
            // A user name or password before `@` is not part of the site.
            let host = c[2].rsplit('@').next().unwrap_or_default();
            format!("{}://{host}/{MASK}", &c[1])
        });
        let text = EMAIL.replace_all(&text, format!("{MASK}@{MASK}").as_str());
        text.chars()
            .map(|c| if c.is_numeric() { '•' } else { c })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recorded_values_and_their_words_are_masked_in_any_case() {
        let m = Masker::new(["Jean-Pierre Dupont", "12 rue des Lilas; 75011 Paris", "AB"]);
        assert_eq!(
            m.mask("jean-pierre dupont called; Dupont lives rue des lilas"),
            format!("{MASK} called; {MASK} lives rue des {MASK}")
        );
        // Too short to mask on its own: it would hide parts of words.
        assert_eq!(m.mask("ABOUT"), "ABOUT");
    }

    #[test]
    fn links_keep_their_site_and_addresses_and_digits_go() {
        let m = Masker::new([]);
        assert_eq!(
            m.mask("see https://jean:pw@www.orange.fr/espace-client?id=42 now"),
            format!("see https://www.orange.fr/{MASK} now")
        );
        assert_eq!(
            m.mask("wrote to jp.dupont@example.org"),
            format!("wrote to {MASK}@{MASK}")
        );
        assert_eq!(m.mask("call 06 12 34, ref ４２"), "call •• •• ••, ref ••");
        assert_eq!(m.mask("客服说不收费"), "客服说不收费");
    }
}
