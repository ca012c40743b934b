//! Text from outside simcancel (checklists, session files, what the person types) made safe
//! to print: control characters and bidirectional overrides become visible escapes, so they
//! cannot move the cursor, retitle the window, hide a link or reorder a line.
//!
//! A leaf: it imports nothing of the crate.

use std::borrow::Cow;
use std::fmt::Write as _;

/// The longest excerpt of an offending value a message quotes, in characters.
pub const EXCERPT_CHARS: usize = 80;

/// Whether `c` could change what a terminal shows rather than being shown: a C0 or C1
/// control character (newline and tab included: callers that allow them check first), DEL,
/// or a bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every unsafe character written as an escape (`\n`, `\t`, `\u{1b}`, `\u{202e}`);
/// borrowed when there is none.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        c if is_unsafe(c) => {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

/// At most one line and [`EXCERPT_CHARS`] characters of `s`, made visible, with `…` when
/// anything was left out: what a message quotes of a value that may be huge or hostile.
pub fn excerpt(s: &str) -> String {
    let first = s.split('\n').next().unwrap_or("");
    let mut out = String::new();
    let mut count = 0;
    let mut cut = first.len() < s.len();
    for c in first.chars() {
        let mut piece = String::new();
        push_visible(&mut piece, c);
        let n = piece.chars().count();
        if count + n > EXCERPT_CHARS {
            cut = true;
            break;
        }
        count += n;
        out.push_str(&piece);
    }
    if cut {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_bidi_overrides_become_escapes() {
        assert_eq!(visible("plain 中文 €"), "plain 中文 €");
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
        assert_eq!(
            visible("G\u{1b}]0;pwned\u{7}\u{1b}[2J"),
            "G\\u{1b}]0;pwned\\u{7}\\u{1b}[2J"
        );
        assert_eq!(visible("a\u{202e}b\u{2066}c"), "a\\u{202e}b\\u{2066}c");
        assert_eq!(visible("x\u{85}y\u{7f}"), "x\\u{85}y\\u{7f}");
        assert_eq!(visible("1\n2\t3\r"), "1\\n2\\t3\\r");
    }

    #[test]
    fn an_excerpt_is_one_line_of_at_most_80_characters() {
        assert_eq!(excerpt("short"), "short");
        assert_eq!(excerpt("line one\nline two"), "line one…");
        let long = "é".repeat(200);
        let e = excerpt(&long);
        assert_eq!(e.chars().count(), EXCERPT_CHARS + 1);
        assert!(e.ends_with('…'));
        assert_eq!(excerpt(&"x".repeat(80)), "x".repeat(80));
        // An escape is never cut in half.
        let e = excerpt(&format!("{}\u{1b}", "a".repeat(75)));
        assert_eq!(e, format!("{}…", "a".repeat(75)));
        assert_eq!(excerpt("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(excerpt(""), "");
    }
}
