//! How many terminal columns a text takes: a Chinese character two, printable ASCII one a
//! byte. Used wherever text is lined up or wrapped by hand (the text record, tables), so
//! that both count alike.
//!
//! A leaf: it imports nothing of the crate.

use unicode_width::UnicodeWidthChar;

/// The width of `s` in columns, as textwrap counts it (a Chinese character takes two), with
/// no character wider than its UTF-8 bytes. Faster than textwrap's `display_width`, which
/// checks every character for a terminal escape sequence, and console's measure, which
/// copies the text without them: printable ASCII (most of a record or a table) is counted
/// by its length, and only text holding ESC goes to textwrap.
pub fn columns(s: &str) -> usize {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.len();
    }
    if s.contains('\u{1b}') {
        return textwrap::core::display_width(s);
    }
    // Runs of printable ASCII count one column a byte; only the other characters are
    // decoded and looked up.
    let mut cols = 0;
    let mut rest = s;
    loop {
        let ascii = rest
            .bytes()
            .take_while(|b| (0x20..0x7f).contains(b))
            .count();
        cols += ascii;
        let mut chars = rest[ascii..].chars();
        let Some(c) = chars.next() else {
            return cols;
        };
        cols += c.width().unwrap_or(0);
        rest = chars.as_str();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_counted_as_textwrap_counts_them() {
        for s in [
            "",
            "plain ASCII",
            "Answered “Is it a contract?”: yes",
            "取消 SIM 卡（远游卡）",
            "tab\there\u{7}",
            "\u{1b}[31mred\u{1b}[0m",
            "e\u{301}te\u{301} \u{200b}",
        ] {
            assert_eq!(columns(s), textwrap::core::display_width(s), "{s:?}");
            assert!(columns(s) <= s.len(), "{s:?}");
        }
    }
}
