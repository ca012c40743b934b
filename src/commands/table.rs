//! Plain-text tables for `list` and `sessions`.

use std::io::Write;

use anyhow::Result;

use crate::visible;
use crate::width::columns;

/// The width of the terminal standard output is, if it is one: a table wider than that is
/// written as blocks ([`write`]).
pub fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    std::io::stdout()
        .is_terminal()
        .then(|| usize::from(console::Term::stdout().size().1))
}

/// Writes `header` and `rows` in columns padded to their widest cell, by display width, so
/// Chinese text (two columns a character) lines up. Cells come from checklists and session
/// files: each is kept on one line with its control characters made visible.
///
/// When the columns are wider than `width` (a terminal's, which would cut a date in two),
/// each row is a block instead: its first two cells on a line, then one line per other
/// cell, under its header.
pub fn write<const N: usize>(
    out: &mut impl Write,
    header: &[String; N],
    rows: &[[String; N]],
    width: Option<usize>,
) -> Result<()> {
    let rows: Vec<[String; N]> = rows
        .iter()
        .map(|row| row.clone().map(|cell| visible::line(&cell).into_owned()))
        .collect();
    let mut widths = header.clone().map(|h| columns(&h));
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(columns(cell));
        }
    }
    let total = widths.iter().sum::<usize>() + 2 * N.saturating_sub(1);
    if width.is_some_and(|w| total > w) && N > 2 {
        return blocks(out, header, &rows);
    }
    for row in std::iter::once(header).chain(&rows) {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            line.push_str(cell);
            if i + 1 < N {
                line.push_str(&" ".repeat(w - columns(cell) + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The rows as blocks: `first  second`, then `  header  cell` for the others, headers
/// padded to line up; a blank line between blocks.
fn blocks<const N: usize>(
    out: &mut impl Write,
    header: &[String; N],
    rows: &[[String; N]],
) -> Result<()> {
    let label = header[2..].iter().map(|h| columns(h)).max().unwrap_or(0);
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", format!("{}  {}", row[0], row[1]).trim_end())?;
        for (h, cell) in header[2..].iter().zip(&row[2..]) {
            let pad = " ".repeat(label - columns(h) + 2);
            writeln!(out, "{}", format!("  {h}{pad}{cell}").trim_end())?;
        }
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
        super::write(&mut out, &header, &rows, None).unwrap();
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
        super::write(&mut out, &header, &rows, None).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "ID  NAME\nx   G\\u{1b}[2J\\u{a}fake row\n"
        );
    }

    #[test]
    fn a_table_wider_than_the_terminal_is_written_as_blocks() {
        let header = ["编号", "清单", "状态", "最近活动"].map(String::from);
        let rows = [
            [
                "035e6a35",
                "free-mobile",
                "等待至 2026-12-06",
                "2026-11-26 16:33",
            ]
            .map(String::from),
            ["965c3cb7", "airalo", "进行中", "2026-11-26 16:34"].map(String::from),
        ];
        let mut out = Vec::new();
        super::write(&mut out, &header, &rows, Some(40)).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "035e6a35  free-mobile\n  状态      等待至 2026-12-06\n  最近活动  2026-11-26 16:33\n\n\
             965c3cb7  airalo\n  状态      进行中\n  最近活动  2026-11-26 16:34\n"
        );
        // Wide enough: columns.
        let mut out = Vec::new();
        super::write(&mut out, &header, &rows, Some(100)).unwrap();
        assert!(
            String::from_utf8(out)
                .unwrap()
                .starts_with("编号      清单")
        );
    }
}
