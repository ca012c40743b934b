//! A text in several languages, as checklists write it and sessions copy it.

use serde::{Deserialize, Serialize};

/// A user-facing text: one string for every language, or one per language tag.
///
/// Serialized as a map from language tag (`en`, `zh-CN`, `zh`, ...) to text; a plain TOML
/// string is stored under `en`. A plain JSON string reads the same way, so a field that
/// became a text (a session's copy of `provider`) still reads from older files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Default)]
#[serde(transparent)]
pub struct Text(#[serde(serialize_with = "pairs::serialize")] pub Vec<(String, String)>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Plain(String),
            Map(#[serde(deserialize_with = "pairs::deserialize")] Vec<(String, String)>),
        }
        Ok(match Stored::deserialize(d)? {
            Stored::Plain(s) => Text::plain(s),
            Stored::Map(pairs) => Text(pairs),
        })
    }
}

impl Text {
    /// A text with a single English value (what a plain TOML string means).
    pub fn plain(s: impl Into<String>) -> Self {
        Text(vec![("en".to_string(), s.into())])
    }

    /// The text for the language tag `tag` (`en`, `zh-CN`, ...), falling back `zh-CN` →
    /// `zh` → `en` → the first one given.
    pub fn get(&self, tag: &str) -> &str {
        let find = |t: &str| {
            self.0
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(t))
                .map(|(_, v)| v.as_str())
        };
        let primary = tag.split('-').next().unwrap_or(tag);
        find(tag)
            .or_else(|| find(primary))
            .or_else(|| find("en"))
            .or_else(|| self.0.first().map(|(_, v)| v.as_str()))
            .unwrap_or("")
    }

    /// Whether a value exists for this exact tag (no fallback).
    pub fn has(&self, tag: &str) -> bool {
        self.0.iter().any(|(k, _)| k.eq_ignore_ascii_case(tag))
    }

    /// Whether every value is empty (or there is none).
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|(_, v)| v.trim().is_empty())
    }
}

/// Ordered (key, value) pairs as a JSON object, keeping their order.
pub(super) mod pairs {
    use serde::de::{MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &[(String, String)], s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(v.len()))?;
        for (k, x) in v {
            map.serialize_entry(k, x)?;
        }
        map.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
        struct Pairs;
        impl<'de> Visitor<'de> for Pairs {
            type Value = Vec<(String, String)>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = m.next_entry()? {
                    out.push(entry);
                }
                Ok(out)
            }
        }
        d.deserialize_map(Pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_falls_back_from_zh_cn_to_zh_to_en_to_first() {
        let t = Text(vec![
            ("en".into(), "Hello".into()),
            ("zh".into(), "你好".into()),
        ]);
        assert_eq!(t.get("zh-CN"), "你好");
        assert_eq!(t.get("en"), "Hello");
        let only_fr = Text(vec![("fr".into(), "Bonjour".into())]);
        assert_eq!(only_fr.get("zh-CN"), "Bonjour");
        let both = Text(vec![
            ("en".into(), "Hi".into()),
            ("zh-CN".into(), "嗨".into()),
        ]);
        assert_eq!(both.get("zh-CN"), "嗨");
        assert_eq!(Text::default().get("en"), "");
    }

    #[test]
    fn texts_and_links_serialize_as_ordered_maps() {
        let t = Text(vec![
            ("zh-CN".into(), "你好".into()),
            ("en".into(), "Hi".into()),
        ]);
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, r#"{"zh-CN":"你好","en":"Hi"}"#);
        assert_eq!(serde_json::from_str::<Text>(&json).unwrap(), t);
        let plain: Text = serde_json::from_str("\"Orange\"").unwrap();
        assert_eq!(plain, Text::plain("Orange"));
        assert!(serde_json::from_str::<Text>("1").is_err());
    }
}
