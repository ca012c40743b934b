//! Where templates are found: the `letters/` folders of the checklist folders, then the
//! templates compiled into the binary; and which files `validate` checks as templates.

use std::path::{Path, PathBuf};

use super::template::check_template;
use super::{Error, Kind};
use crate::checklist::{Diagnostic, Problem, ReadError, Severity, Sources};
use crate::fsutil::{self, Links, OpenError};

/// The French cancellation letter: the template of French lines whose checklist names none.
pub const DEFAULT_TEMPLATE: &str = "generic";

/// The English refund request: the template of travel eSIMs whose checklist names none.
pub const TRAVEL_TEMPLATE: &str = "travel-refund";

/// Whether `path` is named like a letter template: `<name>.<letter|email>.<lang>.txt`.
pub fn is_template_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() == 4
        && parts[3] == "txt"
        && !parts[0].is_empty()
        && !parts[2].is_empty()
        && Kind::from_name(parts[1]).is_some()
}

/// The template files of a checklist folder: those in it and in its `letters/` folder,
/// sorted.
pub fn template_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = [dir.to_path_buf(), dir.join("letters")]
        .iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && is_template_file(p))
        .collect();
    files.sort();
    files
}

/// The problems of one template file, as `validate` reports them.
pub fn check_template_file(path: &Path) -> Vec<Diagnostic> {
    let src = match fsutil::read_regular(path, Links::Follow) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(_) => return vec![Diagnostic::file(path, Problem::NotUtf8)],
        },
        Err(e) => {
            return vec![Diagnostic::file(
                path,
                Problem::Unreadable(ReadError::of_open(path, e)),
            )];
        }
    };
    check_template(&src)
        .into_iter()
        .map(|p| Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            line: p.line,
            col: p.col,
            problem: p.problem,
        })
        .collect()
}

/// Where templates are looked for, most important first.
#[derive(Clone, Debug, Default)]
pub struct TemplateDirs {
    /// Folders holding template files (each checklist folder's `letters/`).
    pub dirs: Vec<PathBuf>,
}

impl TemplateDirs {
    /// The `letters/` folders of each `--checklists DIR` (the last given first) and of the
    /// user's checklist folder; the bundled templates come after them all.
    pub fn new(sources: &Sources) -> TemplateDirs {
        let mut dirs: Vec<PathBuf> = sources
            .dirs
            .iter()
            .rev()
            .map(|d| d.join("letters"))
            .collect();
        dirs.extend(sources.user_dir.as_ref().map(|d| d.join("letters")));
        TemplateDirs { dirs }
    }

    /// The template `<name>.<kind>.<tag>.txt`, with where it came from.
    pub(super) fn find(
        &self,
        name: &str,
        kind: Kind,
        tag: &str,
    ) -> Result<Option<(String, String)>, Error> {
        let file = format!("{name}.{}.{tag}.txt", kind.name());
        for dir in &self.dirs {
            let path = dir.join(&file);
            // A pipe named like a template is refused, not waited on.
            let read = fsutil::read_regular(&path, Links::Follow).and_then(|bytes| {
                String::from_utf8(bytes).map_err(|e| {
                    OpenError::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e))
                })
            });
            match read {
                Ok(src) => return Ok(Some((src, path.display().to_string()))),
                Err(OpenError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(Error::UnreadableTemplate {
                        reason: ReadError::of_open(&path, e),
                        path,
                    });
                }
            }
        }
        Ok(bundled(name, kind, tag).map(|src| (src.to_string(), format!("bundled {file}"))))
    }
}

/// The templates compiled into the binary.
fn bundled(name: &str, kind: Kind, tag: &str) -> Option<&'static str> {
    macro_rules! file {
        ($f:literal) => {
            include_str!(concat!("../../checklists/letters/", $f))
        };
    }
    Some(match (name, kind, tag) {
        (DEFAULT_TEMPLATE, Kind::Letter, "fr") => file!("generic.letter.fr.txt"),
        (DEFAULT_TEMPLATE, Kind::Letter, "en") => file!("generic.letter.en.txt"),
        (DEFAULT_TEMPLATE, Kind::Letter, "zh-CN") => file!("generic.letter.zh-CN.txt"),
        (DEFAULT_TEMPLATE, Kind::Email, "fr") => file!("generic.email.fr.txt"),
        (DEFAULT_TEMPLATE, Kind::Email, "en") => file!("generic.email.en.txt"),
        (DEFAULT_TEMPLATE, Kind::Email, "zh-CN") => file!("generic.email.zh-CN.txt"),
        (TRAVEL_TEMPLATE, Kind::Letter, "en") => file!("travel-refund.letter.en.txt"),
        (TRAVEL_TEMPLATE, Kind::Letter, "zh-CN") => file!("travel-refund.letter.zh-CN.txt"),
        (TRAVEL_TEMPLATE, Kind::Email, "en") => file!("travel-refund.email.en.txt"),
        (TRAVEL_TEMPLATE, Kind::Email, "zh-CN") => file!("travel-refund.email.zh-CN.txt"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_template_is_valid() {
        let files = [
            (DEFAULT_TEMPLATE, &["fr", "en", "zh-CN"][..]),
            (TRAVEL_TEMPLATE, &["en", "zh-CN"][..]),
        ];
        for (name, tags) in files {
            for kind in [Kind::Letter, Kind::Email] {
                for tag in tags {
                    let src = bundled(name, kind, tag).expect("bundled template");
                    assert_eq!(check_template(src), vec![], "{name} {kind:?} {tag}");
                }
            }
        }
        // A seller abroad gets no French text.
        assert_eq!(bundled(TRAVEL_TEMPLATE, Kind::Letter, "fr"), None);
    }

    #[test]
    fn template_files_are_recognised_by_name() {
        for ok in ["generic.letter.fr.txt", "orange.email.zh-CN.txt"] {
            assert!(is_template_file(Path::new(ok)), "{ok}");
        }
        for bad in [
            "generic.toml",
            "generic.letter.txt",
            "notes.txt",
            "a.fax.fr.txt",
            ".letter.fr.txt",
        ] {
            assert!(!is_template_file(Path::new(bad)), "{bad}");
        }
    }
}
