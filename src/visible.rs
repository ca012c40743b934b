//! Text from outside simcancel made safe to print: control characters and bidirectional
//! overrides are shown, never obeyed.
//!
//! A checklist from someone else, a hand-edited session file, a file name or what the
//! person typed can hold `ESC [2J` (clear the screen), an OSC sequence that retitles the
//! window or hides a link, a carriage return that overwrites the line, or a right-to-left
//! override that reverses what follows. Everything that did not come from simcancel's own
//! strings goes through [`text`] or [`line`] before it reaches a terminal or a
//! human-readable file, so such a character appears as its code instead: `\u{1b}`,
//! `\u{7}`, `\u{202e}`.
//!
//! The notation is Rust's `char::escape_unicode` (`\u{` hex `}`): plain ASCII that every
//! terminal and font shows, one form for C0, C1 and bidi characters alike (Unicode's
//! control pictures such as `␛` exist for C0 only). The result never contains a hidden
//! character, so escaping twice changes nothing.
//!
//! A leaf: it imports nothing of the crate, so the domain (exports, letters) may use it.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as it is: a C0 or C1 control character, DEL, or
/// a bidirectional formatting character (embeddings, overrides, isolates and the implicit
/// marks).
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// `s` with every hidden character shown as `\u{…}`, except line breaks and tabs, which
/// multi-line text (a step's body, a letter, an export) keeps. A carriage return is kept
/// only right before a line feed (text written on Windows); alone, it would overwrite the
/// line.
pub fn text(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

/// `s` with every hidden character shown as `\u{…}`, line breaks and tabs included: for a
/// value that must stay on one line (a table cell, a menu item, a name).
pub fn line(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// Whether `s` holds a character that [`line`] would escape: typed input with one is
/// refused.
pub fn has_hidden(s: &str) -> bool {
    s.chars().any(is_hidden)
}

fn escape(s: &str, multi_line: bool) -> Cow<'_, str> {
    let kept = |c: char, next: Option<char>| {
        multi_line && (c == '\n' || c == '\t' || (c == '\r' && next == Some('\n')))
    };
    let mut chars = s.char_indices().peekable();
    let first = loop {
        match chars.next() {
            None => return Cow::Borrowed(s),
            Some((i, c)) if is_hidden(c) && !kept(c, chars.peek().map(|&(_, n)| n)) => break i,
            Some(_) => {}
        }
    };
    let mut out = String::with_capacity(s.len() + 16);
    out.push_str(&s[..first]);
    let mut rest = s[first..].chars().peekable();
    while let Some(c) = rest.next() {
        if is_hidden(c) && !kept(c, rest.peek().copied()) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The longest excerpt of an offending value a message quotes, in characters.
pub const EXCERPT_CHARS: usize = 80;

/// At most one line and [`EXCERPT_CHARS`] characters of `s`, shown as [`line`] shows it,
/// with `…` when anything was left out: what a message quotes of a value that may be huge
/// or hostile. An escape is never cut in half.
pub fn excerpt(s: &str) -> String {
    let first = s.split('\n').next().unwrap_or("");
    let mut out = String::new();
    let mut count = 0;
    let mut cut = first.len() < s.len();
    let mut buf = [0u8; 4];
    for c in first.chars() {
        let piece = line(c.encode_utf8(&mut buf));
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
    fn escape_sequences_are_shown_not_obeyed() {
        assert_eq!(
            line("G\u{1b}]0;pwned\u{7}\u{1b}[2J"),
            "G\\u{1b}]0;pwned\\u{7}\\u{1b}[2J"
        );
        assert_eq!(text("a\u{9b}31mb\u{7f}"), "a\\u{9b}31mb\\u{7f}");
        assert_eq!(line("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(
            text("\u{2066}x\u{2069}\u{200f}"),
            "\\u{2066}x\\u{2069}\\u{200f}"
        );
    }

    #[test]
    fn text_keeps_line_breaks_and_tabs_line_does_not() {
        assert_eq!(text("a\n\tb\r\nc"), "a\n\tb\r\nc");
        assert_eq!(text("over\rwrite"), "over\\u{d}write");
        assert_eq!(text("end\r"), "end\\u{d}");
        assert_eq!(line("a\nb\tc"), "a\\u{a}b\\u{9}c");
    }

    #[test]
    fn clean_text_is_borrowed_and_chinese_is_untouched() {
        assert!(matches!(text("取消 SIM 卡 — Free"), Cow::Borrowed(_)));
        assert!(matches!(line("plain"), Cow::Borrowed(_)));
        assert!(!has_hidden("取消\u{a0}é"));
        assert!(has_hidden("x\u{0}"));
    }

    #[test]
    fn escaping_twice_changes_nothing() {
        let once = line("\u{1b}[31m\r\n\u{202e}").into_owned();
        assert!(!has_hidden(&once));
        assert_eq!(line(&once), once);
        assert_eq!(text(&once), once);
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
        let e = excerpt(&format!("{}\u{1b}", "a".repeat(75)));
        assert_eq!(e, format!("{}…", "a".repeat(75)));
        assert_eq!(excerpt("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(excerpt(""), "");
    }
}
