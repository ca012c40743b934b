//! Plain-text tables for `list` and `sessions`.

use std::io::Write;

use anyhow::Result;
use console::measure_text_width;

use crate::visible;

/// Writes `header` and `rows` in columns padded to their widest cell, by display width, so
/// Chinese text (two columns a character) lines up. Cells come from checklists and session
/// files: each is kept on one line with its control characters made visible.
pub fn write<const N: usize>(
    out: &mut impl Write,
    header: &[String; N],
    rows: &[[String; N]],
) -> Result<()> {
    let rows: Vec<[String; N]> = rows
        .iter()
        .map(|row| row.clone().map(|cell| visible::line(&cell).into_owned()))
        .collect();
    let mut widths = header.clone().map(|h| measure_text_width(&h));
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(measure_text_width(cell));
        }
    }
    for row in std::iter::once(header).chain(&rows) {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            line.push_str(cell);
            if i + 1 < N {
                line.push_str(&" ".repeat(w - measure_text_width(cell) + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn columns_line_up_by_display_width() {
        let header = ["ID".to_string(), "NAME".to_string(), "X".to_string()];
        let rows = [
            ["a".to_string(), "任意".to_string(), "1".to_string()],
            ["bbb".to_string(), "ab".to_string(), "".to_string()],
        ];
        let mut out = Vec::new();
        super::write(&mut out, &header, &rows).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "ID   NAME  X\na    任意  1\nbbb  ab\n"
        );
    }

    #[test]
    fn a_cell_cannot_clear_the_screen_or_break_the_line() {
        let header = ["ID".to_string(), "NAME".to_string()];
        let rows = [["x".to_string(), "G\u{1b}[2J\nfake row".to_string()]];
        let mut out = Vec::new();
        super::write(&mut out, &header, &rows).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "ID  NAME\nx   G\\u{1b}[2J\\u{a}fake row\n"
        );
    }
}
