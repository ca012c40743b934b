//! A session file's bytes made into a session (or the summary a list shows): UTF-8 text,
//! read in one pass, of a format this build knows, whose inner id is the file's name.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::FileProblem;
use crate::session::model::{FORMAT_VERSION, Session};
use crate::session::summary::SessionSummary;

/// What the store checks in a session file, read whole or as a summary: its id against the
/// file's name, its format against this build's.
pub(super) trait SessionFile {
    fn id(&self) -> &str;
    fn format(&self) -> u32;
}

impl SessionFile for Session {
    fn id(&self) -> &str {
        &self.id
    }
    fn format(&self) -> u32 {
        self.format
    }
}

impl SessionFile for SessionSummary {
    fn id(&self) -> &str {
        &self.id
    }
    fn format(&self) -> u32 {
        self.format
    }
}

/// Parses the bytes of the session file `path`: UTF-8 text (serde skips the fields it does
/// not need without checking them), then [`parse`], then the id inside against the file's
/// name, since saves go to the file the inner id names.
pub(super) fn parse_file<T: DeserializeOwned + SessionFile>(
    path: &Path,
    bytes: &[u8],
) -> Result<T, FileProblem> {
    let text = std::str::from_utf8(bytes).map_err(|e| FileProblem::NotUtf8 {
        line: 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count(),
    })?;
    let session: T = parse(text)?;
    let file = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if session.id() != file {
        return Err(FileProblem::IdMismatch {
            inner: session.id().to_string(),
            file,
        });
    }
    Ok(session)
}

/// Parses a session file's text, refusing newer formats. One pass in the usual case; only
/// when that fails is the `format` field read on its own, so that the message says "newer"
/// rather than pointing at a field this build does not know.
fn parse<T: DeserializeOwned + SessionFile>(text: &str) -> Result<T, FileProblem> {
    #[derive(serde::Deserialize)]
    struct Head {
        format: Option<u32>,
    }
    let damaged = match serde_json::from_str::<T>(text) {
        Ok(parsed) if parsed.format() <= FORMAT_VERSION => return Ok(parsed),
        Ok(parsed) => return Err(FileProblem::Newer(parsed.format())),
        Err(e) => FileProblem::Damaged(e.to_string()),
    };
    let head: Head = serde_json::from_str(text).map_err(|e| FileProblem::NotJson(e.to_string()))?;
    match head.format {
        Some(v) if v > FORMAT_VERSION => Err(FileProblem::Newer(v)),
        None => Err(FileProblem::NoFormat),
        Some(_) => Err(damaged),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::walk::{fixture_ref, t};

    #[test]
    fn a_file_is_read_in_one_pass_and_a_bad_one_says_what_is_wrong() {
        let session = Session::start(
            "0a1b2c3d".into(),
            "en",
            fixture_ref(),
            t("2026-12-01T09:00:00+01:00"),
        );
        let good = serde_json::to_string(&session).expect("json");
        assert_eq!(parse::<Session>(&good), Ok(session.clone()));
        assert_eq!(
            parse::<SessionSummary>(&good).map(|s| s.id),
            Ok(session.id.clone())
        );
        let newer = good.replacen(&format!("\"format\":{FORMAT_VERSION}"), "\"format\":7", 1);
        assert_eq!(parse::<Session>(&newer), Err(FileProblem::Newer(7)));
        let newer_and_different = r#"{"format": 8, "something": "else"}"#;
        assert_eq!(
            parse::<Session>(newer_and_different),
            Err(FileProblem::Newer(8))
        );
        assert!(matches!(
            parse::<Session>("{"),
            Err(FileProblem::NotJson(_))
        ));
        assert_eq!(parse::<Session>("{}"), Err(FileProblem::NoFormat));
        let damaged = good.replacen("\"status\":\"in-progress\"", "\"status\":\"lost\"", 1);
        assert!(
            matches!(parse::<Session>(&damaged), Err(FileProblem::Damaged(m)) if m.contains("lost")),
        );
        let file = Path::new("0a1b2c3d.json");
        assert_eq!(parse_file::<Session>(file, good.as_bytes()), Ok(session));
        assert!(matches!(
            parse_file::<Session>(Path::new("other.json"), good.as_bytes()),
            Err(FileProblem::IdMismatch { .. })
        ));
    }
}
