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
/// character counts as that character; past the end, as the end).
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let offset = (0..=offset)
        .rev()
        .find(|&i| src.is_char_boundary(i))
        .unwrap_or(0);
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = src[line_start..offset].chars().count() + 1;
    (line, col)
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
    }
}
