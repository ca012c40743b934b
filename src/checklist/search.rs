//! Finding a checklist by what a person types: its id, its name in any language, its
//! provider, the network it runs on, or one of its aliases (`sosh`, `free`, `流量卡`), without
//! regard to case. A plain substring match: nothing fuzzy, so a single character such as
//! `红` finds only what really contains it.

use super::catalog::{Catalog, Entry, Error};
use super::model::Checklist;

/// How well a checklist matches a query; lower is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// The query is the id.
    Id,
    /// The id, a name or the provider starts with the query.
    Prefix,
    /// The id, a name or the provider contains the query.
    Contains,
    /// The network contains the query.
    Network,
    /// An alias contains the query.
    Alias,
}

/// What a query found in the catalogue.
#[derive(Debug)]
pub enum Found<'a> {
    /// One checklist: the id, or the only one (or the one clearly best) matching its id,
    /// name or provider.
    One(&'a Entry),
    /// Several checklists, best first; the person chooses.
    Several(Vec<&'a Entry>),
}

impl Checklist {
    /// The words this checklist is found by, lower-cased: id, names, provider, network and
    /// aliases, one per line (what a picker filters on).
    pub fn search_words(&self) -> String {
        let mut words = vec![self.id.clone()];
        words.extend(self.name.0.iter().map(|(_, v)| v.to_lowercase()));
        words.extend(self.provider.0.iter().map(|(_, v)| v.to_lowercase()));
        words.extend(self.network.iter().map(|n| n.to_lowercase()));
        words.extend(self.aliases.iter().map(|a| a.to_lowercase()));
        words.join("\n")
    }

    /// How well `query` matches, or `None` when it does not (an empty query never does).
    pub fn rank(&self, query: &str) -> Option<Rank> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return None;
        }
        if self.id == q {
            return Some(Rank::Id);
        }
        let own: Vec<String> = std::iter::once(self.id.clone())
            .chain(self.name.0.iter().map(|(_, v)| v.to_lowercase()))
            .chain(self.provider.0.iter().map(|(_, v)| v.to_lowercase()))
            .collect();
        if own.iter().any(|w| w.starts_with(&q)) {
            Some(Rank::Prefix)
        } else if own.iter().any(|w| w.contains(&q)) {
            Some(Rank::Contains)
        } else if self
            .network
            .as_ref()
            .is_some_and(|n| n.to_lowercase().contains(&q))
        {
            Some(Rank::Network)
        } else if self.aliases.iter().any(|a| a.to_lowercase().contains(&q)) {
            Some(Rank::Alias)
        } else {
            None
        }
    }
}

impl Catalog {
    /// The checklist(s) `query` names. A query that looks like a path (`/`, `\`, `..`) is
    /// refused; one that matches nothing is [`Error::Unknown`].
    pub fn find(&self, query: &str) -> Result<Found<'_>, Error> {
        let q = query.trim();
        if q.contains(['/', '\\']) || q.contains("..") {
            return Err(Error::NotAnId { id: q.to_string() });
        }
        let mut ranked: Vec<(Rank, &Entry)> = self
            .entries()
            .iter()
            .filter_map(|e| e.checklist.rank(q).map(|r| (r, e)))
            .collect();
        ranked.sort_by(|a, b| (a.0, &a.1.checklist.id).cmp(&(b.0, &b.1.checklist.id)));
        match ranked.as_slice() {
            [] => Err(Error::Unknown {
                id: q.to_string(),
                known: self
                    .entries()
                    .iter()
                    .map(|e| e.checklist.id.clone())
                    .collect(),
            }),
            [(_, one)] => Ok(Found::One(one)),
            [(best, one), (next, _), ..] if best < next && *best <= Rank::Contains => {
                Ok(Found::One(one))
            }
            several => Ok(Found::Several(several.iter().map(|(_, e)| *e).collect())),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::checklist::parse_str;

    fn checklist(id: &str, extra: &str) -> Checklist {
        let src = format!(
            "schema = 2\nid = \"{id}\"\nname = {{ en = \"Sosh (Orange's online brand)\", zh-CN = \"Sosh（Orange 旗下网上品牌）\" }}\nprovider = \"Sosh\"\n{extra}\ncountry = \"FR\"\nkinds = [\"postpaid\"]\ndifficulty = \"easy\"\nverified = 2026-11-26\nsources = []\n\n[[steps]]\nid = \"s\"\nphase = \"login\"\ntitle = \"T\"\nbody = \"B\"\n"
        );
        parse_str(&src, Path::new(&format!("{id}.toml")))
            .expect("valid")
            .0
    }

    #[test]
    fn a_query_matches_id_name_provider_network_and_aliases_in_any_case() {
        let c = checklist(
            "sosh",
            "network = \"Orange\"\naliases = [\"mysosh\", \"法国电信\"]",
        );
        assert_eq!(c.rank("sosh"), Some(Rank::Id));
        assert_eq!(c.rank("SOSH"), Some(Rank::Id));
        assert_eq!(c.rank("So"), Some(Rank::Prefix));
        assert_eq!(c.rank("online brand"), Some(Rank::Contains));
        assert_eq!(c.rank("旗下"), Some(Rank::Contains));
        assert_eq!(c.rank("orange"), Some(Rank::Contains), "in the name");
        assert_eq!(c.rank("电信"), Some(Rank::Alias));
        assert_eq!(c.rank("红"), None);
        assert_eq!(c.rank("  "), None);
        let plain = checklist("b", "network = \"Free\"");
        assert_eq!(plain.rank("free"), Some(Rank::Network));
        assert!(c.search_words().contains("法国电信"));
        assert!(c.search_words().contains("sosh（orange 旗下网上品牌）"));
    }
}
