//! Footnote numbers for a checklist's sources: `[1]` is the first source a reader meets,
//! going through the checklist as every view shows it — the top level (summary and
//! description), the contacts, the questions, then the steps, in file order.
//!
//! One numbering per checklist, so `show`, the guide and every export give a source the
//! same number.

use std::collections::HashMap;

use super::model::Checklist;
use super::source::Source;

/// The cited sources of a checklist, numbered from 1.
#[derive(Clone, Debug, Default)]
pub struct Footnotes<'a> {
    /// The cited sources, in the order of their numbers.
    cited: Vec<&'a Source>,
    /// Source id → number.
    numbers: HashMap<&'a str, usize>,
    /// The sources nothing cites (every source of a schema-1 checklist), in file order.
    uncited: Vec<&'a Source>,
}

impl<'a> Footnotes<'a> {
    /// Numbers the sources of `c` in reading order.
    pub fn of(c: &'a Checklist) -> Footnotes<'a> {
        let mut f = Footnotes::default();
        let cites = std::iter::once(&c.cite)
            .chain(std::iter::once(&c.contacts.cite))
            .chain(c.questions.iter().map(|q| &q.cite))
            .chain(c.steps.iter().map(|s| &s.cite));
        for id in cites.flatten() {
            if f.numbers.contains_key(id.as_str()) {
                continue;
            }
            if let Some(source) = c.source(id) {
                f.cited.push(source);
                f.numbers.insert(source.id.as_str(), f.cited.len());
            }
        }
        f.uncited = c
            .sources
            .iter()
            .filter(|s| !f.numbers.contains_key(s.id.as_str()))
            .collect();
        f
    }

    /// The numbers of the sources in `cite`, ascending, without repeats; an id that names
    /// no source (a hand-edited session) has none.
    pub fn numbers(&self, cite: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = cite
            .iter()
            .filter_map(|id| self.numbers.get(id.as_str()).copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Every cited source with its number, in order.
    pub fn cited(&self) -> impl Iterator<Item = (usize, &'a Source)> + '_ {
        self.cited.iter().enumerate().map(|(i, s)| (i + 1, *s))
    }

    /// The sources nothing cites, to list without a number.
    pub fn uncited(&self) -> &[&'a Source] {
        &self.uncited
    }

    /// Whether there is no source at all.
    pub fn is_empty(&self) -> bool {
        self.cited.is_empty() && self.uncited.is_empty()
    }
}

/// `[1][3]`: the markers of `numbers`, empty when there are none.
pub fn markers(numbers: &[usize]) -> String {
    numbers.iter().map(|n| format!("[{n}]")).collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::checklist::parse_str;

    const SRC: &str = r#"schema = 2
id = "f"
name = "F"
provider = "F"
country = "FR"
kinds = ["prepaid"]
difficulty = "easy"
verified = 2026-11-25
summary = "Within 10 days."
cite = ["b"]

[[sources]]
id = "a"
title = "A"
publisher = "P"
url = "https://example.org/a"
retrieved = 2026-11-25
quote = "a"
confidence = "high"

[[sources]]
id = "b"
title = "B"
publisher = "P"
url = "https://example.org/b"
retrieved = 2026-11-25
quote = "b"
confidence = "low"

[[sources]]
id = "c"
title = "C"
publisher = "P"
url = "https://example.org/c"
retrieved = 2026-11-25
quote = "c"
confidence = "medium"

[[steps]]
id = "one"
phase = "login"
title = "One"
body = "Call 3900."
cite = ["a", "b", "a"]

[[steps]]
id = "two"
phase = "wait"
title = "Two"
body = "Two."
"#;

    #[test]
    fn sources_are_numbered_in_reading_order_and_uncited_ones_are_kept_apart() {
        let (c, _) = parse_str(SRC, Path::new("f.toml")).expect("valid, with warnings");
        let f = Footnotes::of(&c);
        let cited: Vec<(usize, &str)> = f.cited().map(|(n, s)| (n, s.id.as_str())).collect();
        assert_eq!(cited, [(1, "b"), (2, "a")]);
        assert_eq!(f.numbers(&c.steps[0].cite), [1, 2]);
        assert_eq!(f.numbers(&["zz".to_string()]), Vec::<usize>::new());
        assert_eq!(markers(&f.numbers(&c.steps[0].cite)), "[1][2]");
        assert_eq!(markers(&[]), "");
        let uncited: Vec<&str> = f.uncited().iter().map(|s| s.id.as_str()).collect();
        assert_eq!(uncited, ["c"]);
    }
}
