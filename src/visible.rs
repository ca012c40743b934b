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

/// The offset of the first byte of `bytes` that may start a hidden character: every hidden
/// character starts with a byte below 0x20, DEL, or the UTF-8 lead byte of U+0080–U+00BF
/// (0xC2), U+0600–U+063F (0xD8) or U+2000–U+2FFF (0xE2). A scan of bytes, so that clean
/// text (nearly all of it, Chinese included) is passed over without decoding a character.
fn first_suspect(bytes: &[u8]) -> Option<usize> {
    fn suspect(b: u8) -> bool {
        b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xd8 || b == 0xe2
    }
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // Eight bytes at a time: whether any byte of `w` is below `n` (n <= 0x80), or is zero.
    // As yes/no answers these are exact (a borrow only spreads above a byte that matched).
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGHS;
    let zero = |w: u64| below(w, 1);
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_ne_bytes(word);
        let hit = below(w, 0x20)
            | zero(w ^ (ONES * 0x7f))
            | zero(w ^ (ONES * 0xc2))
            | zero(w ^ (ONES * 0xd8))
            | zero(w ^ (ONES * 0xe2));
        if hit != 0
            && let Some(i) = chunk.iter().position(|&b| suspect(b))
        {
            return Some(base + i);
        }
        base += 8;
    }
    let rest = chunks.remainder().iter().position(|&b| suspect(b));
    rest.map(|i| base + i)
}

/// The first hidden character of `s` with its byte offset, not counting line breaks and
/// tabs when `multi_line` (a carriage return counts only before a line feed). Only the
/// characters at suspect bytes are decoded.
pub fn find_hidden(s: &str, multi_line: bool) -> Option<(usize, char)> {
    let mut from = 0;
    while let Some(i) = first_suspect(&s.as_bytes()[from..]) {
        let at = from + i;
        // A suspect byte is ASCII or a lead byte, so `at` starts a character.
        let c = s[at..].chars().next()?;
        let after = at + c.len_utf8();
        let kept =
            multi_line && (c == '\n' || c == '\t' || (c == '\r' && s[after..].starts_with('\n')));
        if is_hidden(c) && !kept {
            return Some((at, c));
        }
        from = after;
    }
    None
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
    find_hidden(s, false).is_some()
}

fn escape(s: &str, multi_line: bool) -> Cow<'_, str> {
    let Some((first, _)) = find_hidden(s, multi_line) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 16);
    let mut done = 0;
    let mut at = first;
    loop {
        let rest = &s[at..];
        let Some((i, c)) = find_hidden(rest, multi_line) else {
            break;
        };
        out.push_str(&s[done..at + i]);
        out.extend(c.escape_unicode());
        at += i + c.len_utf8();
        done = at;
    }
    out.push_str(&s[done..]);
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
        assert!(!has_hidden("\u{2014} \u{a0} \u{600}"));
        assert!(has_hidden("\u{2014}\u{202e}"));
    }

    #[test]
    fn every_hidden_character_starts_with_a_suspect_byte() {
        let mut buf = [0u8; 4];
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if is_hidden(c) {
                assert_eq!(
                    first_suspect(c.encode_utf8(&mut buf).as_bytes()),
                    Some(0),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn every_byte_value_at_every_place_of_a_word_is_judged_as_alone() {
        for b in 0..=u8::MAX {
            let suspect = b < 0x20 || [0x7f, 0xc2, 0xd8, 0xe2].contains(&b);
            for at in 0..16 {
                let mut bytes = vec![b'a'; 16];
                bytes[at] = b;
                assert_eq!(
                    first_suspect(&bytes),
                    suspect.then_some(at),
                    "{b:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn a_hidden_character_is_found_wherever_it_sits_in_a_long_text() {
        let clean = "取消 SIM 卡 — abc ".repeat(5);
        for at in (0..=clean.len()).filter(|&i| clean.is_char_boundary(i)) {
            let mut s = clean.clone();
            s.insert(at, '\u{1b}');
            assert_eq!(find_hidden(&s, true), Some((at, '\u{1b}')), "{at}");
        }
        assert_eq!(find_hidden(&clean, false), None);
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
