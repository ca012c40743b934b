//! Redaction: what `--redact` masks, decided while the record is built so that no format
//! can forget it.

use std::path::Path;

/// The mask that replaces a redacted value's hidden part.
pub const MASK: &str = "•••••••";

/// Values shorter than this are masked whole: keeping 2 of 5 characters would give too
/// much away.
const MASK_KEEP_MIN: usize = 6;

/// Masks a personal value, keeping its last 2 characters (`•••••••42`) when it is long
/// enough for that to reveal little. The mask has a fixed length, so it does not tell
/// how long the value was either.
pub fn mask(value: &str) -> String {
    let chars: Vec<char> = value.trim().chars().collect();
    if chars.len() < MASK_KEEP_MIN {
        return MASK.to_string();
    }
    let tail: String = chars[chars.len() - 2..].iter().collect();
    format!("{MASK}{tail}")
}

/// Where the checklist came from. A path may name the person (`/home/jean/...`), so a
/// redacted record keeps only the file name.
pub(super) fn origin(origin: &str, redact: bool) -> String {
    if !redact || origin == "bundled" {
        return origin.to_string();
    }
    Path::new(origin)
        .file_name()
        .map_or_else(|| MASK.to_string(), |n| n.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_keeps_the_last_two_characters_of_long_values_only() {
        assert_eq!(mask("0612345642"), "•••••••42");
        assert_eq!(mask("  CL-99887766 \n"), "•••••••66");
        assert_eq!(mask("12345"), MASK);
        assert_eq!(mask(""), MASK);
        assert_eq!(mask("张伟先生您好"), "•••••••您好");
    }

    #[test]
    fn a_redacted_origin_keeps_only_the_file_name() {
        assert_eq!(origin("bundled", true), "bundled");
        assert_eq!(
            origin(
                "/home/jean.dupont/.config/simcancel/checklists/orange.toml",
                true
            ),
            "orange.toml"
        );
        assert_eq!(origin("/home/jean/x.toml", false), "/home/jean/x.toml");
    }
}
