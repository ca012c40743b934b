//! Timestamps in session files, written and read the way chrono's serde support does, only
//! faster: chrono hands serde_json a `Display` that it escapes one character at a time, and
//! reads with its general format parser. Half of a save went there.
//!
//! Written: `to_rfc3339_opts(AutoSi, true)`, the very call behind chrono's `Serialize`, as one
//! string. Read: chrono's RFC 3339 parser, then, for anything it refuses, chrono's `FromStr`
//! (what its `Deserialize` uses), so every file that loaded before still loads.

use chrono::{DateTime, SecondsFormat};
use serde::{Deserialize, Deserializer, Serializer, de};

use super::model::Timestamp;

/// Serializes a timestamp as chrono does.
pub fn serialize<S: Serializer>(t: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&t.to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

/// Deserializes a timestamp as chrono does.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
    struct Visitor;
    impl de::Visitor<'_> for Visitor {
        type Value = Timestamp;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an RFC 3339 date and time")
        }

        fn visit_str<E: de::Error>(self, s: &str) -> Result<Timestamp, E> {
            DateTime::parse_from_rfc3339(s)
                .or_else(|_| s.parse::<Timestamp>())
                .map_err(E::custom)
        }
    }
    deserializer.deserialize_str(Visitor)
}

/// The same for an optional timestamp (with `#[serde(default)]`).
pub mod option {
    use super::*;

    /// Serializes `Some` as a timestamp (`None` is skipped by the field's attributes).
    pub fn serialize<S: Serializer>(
        t: &Option<Timestamp>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => super::serialize(t, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// Deserializes `null` as `None`, anything else as a timestamp.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Timestamp>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "super")] Timestamp);
        Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|Wrapped(t)| t))
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::super::model::Timestamp;

    #[derive(Serialize, Deserialize)]
    struct Ours {
        #[serde(with = "super")]
        t: Timestamp,
        #[serde(default, with = "super::option")]
        o: Option<Timestamp>,
    }

    #[derive(Serialize, Deserialize)]
    struct Chronos {
        t: Timestamp,
        o: Option<Timestamp>,
    }

    #[test]
    fn written_and_read_exactly_as_chrono_does() {
        for text in [
            "2026-12-01T09:00:00+01:00",
            "2026-12-01T09:00:00Z",
            "2026-12-01T09:00:00.5-03:30",
            "2026-12-01T09:00:00.123456+05:45",
            "2026-12-01T09:00:00.000000001+14:00",
            "0001-01-01T00:00:00+00:00",
            "9999-12-31T23:59:60.999+01:00",
            "2026-12-01 09:00:00+01:00",
            "2026-12-01t09:00:00z",
        ] {
            let json = format!(r#"{{"t":"{text}","o":"{text}"}}"#);
            let theirs: Chronos = serde_json::from_str(&json).expect(text);
            let ours: Ours = serde_json::from_str(&json).expect(text);
            assert_eq!((ours.t, ours.o), (theirs.t, theirs.o), "{text}");
            assert_eq!(
                serde_json::to_string(&ours).expect("json"),
                serde_json::to_string(&theirs).expect("json"),
                "{text}"
            );
        }
        for bad in ["2026-13-01T09:00:00+01:00", "yesterday", ""] {
            let json = format!(r#"{{"t":"{bad}"}}"#);
            assert!(serde_json::from_str::<Chronos>(&json).is_err(), "{bad}");
            assert!(serde_json::from_str::<Ours>(&json).is_err(), "{bad}");
        }
        let null: Ours =
            serde_json::from_str(r#"{"t":"2026-12-01T09:00:00Z","o":null}"#).expect("null");
        assert_eq!(null.o, None);
        let absent: Ours = serde_json::from_str(r#"{"t":"2026-12-01T09:00:00Z"}"#).expect("absent");
        assert_eq!(absent.o, None);
    }
}
