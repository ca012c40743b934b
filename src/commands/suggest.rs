//! "Did you mean airalo?": when [`Catalog::find`] finds nothing for what a person typed, the
//! checklists they most likely meant — a typo, spaces or `_` for `-`, a name in another
//! language.

use super::messages::{self, Localize};
use crate::checklist::{self, Catalog, Entry, Found};
use crate::i18n::Strings;

/// At most this many suggestions.
const MAX: usize = 3;

/// What [`Catalog::find`] finds for `typed`; when it finds nothing, an error in the words
/// of `s` that suggests the closest ids (or lists them all when none comes close).
pub fn find<'c>(catalog: &'c Catalog, typed: &str, s: &Strings) -> anyhow::Result<Found<'c>> {
    catalog.find(typed).map_err(|e| match e {
        checklist::Error::Unknown { .. } => match closest(typed, catalog).as_slice() {
            [] => e.localize(s),
            ids => messages::did_you_mean(typed, ids, s),
        },
        other => other.localize(s),
    })
}

/// The one checklist `typed` names, as [`find`] finds it; several is an error that lists
/// them, for commands that cannot offer a choice.
pub fn entry<'c>(catalog: &'c Catalog, typed: &str, s: &Strings) -> anyhow::Result<&'c Entry> {
    match find(catalog, typed, s)? {
        Found::One(entry) => Ok(entry),
        Found::Several(entries) => Err(checklist::Error::Ambiguous {
            query: typed.to_string(),
            ids: entries.iter().map(|e| e.checklist.id.clone()).collect(),
        }
        .localize(s)),
    }
}

/// The ids of the checklists closest to `typed`: one whose id, provider, name or alias
/// reads the same once case, spaces and `_` are set aside; else those whose id or name
/// starts with it, and those within a few typos of it (about one in three characters),
/// closest first.
pub fn closest<'c>(typed: &str, catalog: &'c Catalog) -> Vec<&'c str> {
    let typed = normal(typed);
    if typed.is_empty() {
        return Vec::new();
    }
    let names = |e: &'c Entry| {
        let c = &e.checklist;
        let mut n = vec![normal(&c.id)];
        n.extend(c.provider.0.iter().map(|(_, name)| normal(name)));
        n.extend(c.name.0.iter().map(|(_, name)| normal(name)));
        n.extend(c.aliases.iter().map(|alias| normal(alias)));
        n
    };
    let mut scored: Vec<(usize, &'c str)> = Vec::new();
    for e in catalog.entries() {
        let names = names(e);
        if names.contains(&typed) {
            return vec![e.checklist.id.as_str()];
        }
        let prefix = typed.chars().count() >= 3 && names.iter().any(|n| n.starts_with(&typed));
        let distance = names
            .iter()
            .map(|n| distance(&typed, n))
            .min()
            .unwrap_or(usize::MAX);
        let allowed = (typed.chars().count() / 3).max(1);
        if prefix || distance <= allowed {
            scored.push((if prefix { 0 } else { distance }, e.checklist.id.as_str()));
        }
    }
    scored.sort();
    scored.into_iter().take(MAX).map(|(_, id)| id).collect()
}

/// Lower case, trimmed, with spaces and `_` as `-`: how ids are written.
fn normal(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .split([' ', '_', '-'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Edit distance (insertions, deletions, substitutions, and swaps of two neighbours),
/// counted in characters.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Sources;

    fn bundled() -> Catalog {
        Catalog::load(&Sources::default()).expect("the bundled catalogue")
    }

    #[test]
    fn typos_case_and_names_lead_to_the_id() {
        let c = bundled();
        assert_eq!(closest("airlo", &c), vec!["airalo"]);
        assert_eq!(closest("Airalo", &c), vec!["airalo"]);
        assert_eq!(closest("aialro", &c), vec!["airalo"]);
        assert_eq!(closest("Free Mobile", &c), vec!["free-mobile"]);
        assert_eq!(closest("free_mobile", &c), vec!["free-mobile"]);
        assert_eq!(closest("free", &c), vec!["free-mobile"]);
        assert!(closest("sfr-la", &c).contains(&"sfr-la-carte"));
        assert_eq!(closest("zzzzzz", &c), Vec::<&str>::new());
        assert_eq!(closest("  ", &c), Vec::<&str>::new());
    }

    #[test]
    fn distance_counts_typos() {
        assert_eq!(distance("airalo", "airalo"), 0);
        assert_eq!(distance("airlo", "airalo"), 1);
        assert_eq!(distance("aiarlo", "airalo"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("流量卡", "流量"), 1);
    }
}
