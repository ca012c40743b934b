//! Places in a source file: byte spans as the TOML parser gives them, the spans the reader
//! keeps of what [`super::validate`] cross-checks, and the `line:col` a person reads.

use std::ops::Range;

/// Byte range in the source.
pub type Span = Range<usize>;

/// Places of the things [`super::validate`] cross-checks.
#[derive(Default)]
pub(super) struct Spans {
    pub id: Option<Span>,
    pub verified: Option<Span>,
    pub questions: Vec<QuestionSpans>,
    pub steps: Vec<StepSpans>,
    pub links: Vec<Span>,
    pub first_step_table: Option<Span>,
    /// The id of each `[[sources]]` table, in order (format 2).
    pub sources: Vec<Span>,
    /// Each entry of the top level's `cite`.
    pub cite: Vec<Span>,
    /// Each entry of `[contacts]`'s `cite`.
    pub contacts_cite: Vec<Span>,
}

/// Places in one `[[questions]]` table.
#[derive(Default)]
pub(super) struct QuestionSpans {
    pub id: Span,
    pub at: Option<Span>,
    pub choices: Vec<Span>,
    pub cite: Vec<Span>,
}

/// Places in one `[[steps]]` table.
#[derive(Default)]
pub(super) struct StepSpans {
    pub id: Span,
    pub wait: Option<Span>,
    pub links: Vec<Span>,
    /// Per condition: the key's span and each value's span.
    pub when: Vec<(Span, Vec<Span>)>,
    pub inputs: Vec<InputSpans>,
    pub cite: Vec<Span>,
}

/// Places in one `[[steps.inputs]]` table.
#[derive(Default)]
pub(super) struct InputSpans {
    pub id: Span,
    pub pattern: Option<Span>,
}

/// 1-based line and character column of byte `offset` in `src` (an offset inside a
/// character counts as that character; past the end, as the end). Scans `src` up to
/// `offset`: for more than one place in a file, build a [`LineIndex`] once.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = char_start(src, offset);
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, src[line_start..offset].chars().count() + 1)
}

/// `offset`, kept within `src` and moved back to the start of the character it falls in.
fn char_start(src: &str, offset: usize) -> usize {
    let offset = offset.min(src.len());
    (0..=offset)
        .rev()
        .find(|&i| src.is_char_boundary(i))
        .unwrap_or(0)
}

/// Where each line of one source starts, so that any number of places in it are turned
/// into `line:col` with a binary search instead of a scan from the start of the file.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
}

impl LineIndex {
    /// The index of `src`.
    pub fn new(src: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(
                src.bytes()
                    .enumerate()
                    .filter(|&(_, b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        LineIndex { starts }
    }

    /// Like [`line_col`]; `src` must be the source the index was built from.
    pub fn line_col(&self, src: &str, offset: usize) -> (usize, usize) {
        let offset = char_start(src, offset);
        // The number of lines that start at or before the offset is the 1-based line (the
        // first line starts at 0, so it is at least 1).
        let line = self.starts.partition_point(|&s| s <= offset);
        let line_start = self.starts[line - 1];
        let col = src[line_start..offset].chars().count() + 1;
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let src = "a = 1\nname = \"名字\" x";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 6), (2, 1));
        let x = src.find('x').unwrap();
        assert_eq!(line_col(src, x), (2, 13));
        assert_eq!(line_col(src, 10_000), (2, 14));
        assert_eq!(line_col("", 0), (1, 1));
    }

    #[test]
    fn the_index_agrees_with_a_scan_at_every_offset() {
        let src = "a\n\nname = \"名字\"\r\n  x = 1\n";
        let index = LineIndex::new(src);
        for offset in 0..=src.len() + 2 {
            assert_eq!(
                index.line_col(src, offset),
                line_col(src, offset),
                "offset {offset}"
            );
        }
        assert_eq!(index.line_col(src, 3), (3, 1));
        let x = src.find('x').unwrap();
        assert_eq!(index.line_col(src, x), (4, 3));
    }
}
