//! Citations in the person's words, as plain text: the list of sources that footnote
//! markers (`[1]`, from [`crate::checklist::Footnotes`]) point to, for `show`, the guide's
//! step screen and the text and calendar exports. Markdown and HTML lay out the same pieces
//! with their own markup, from [`SourceText`].

use crate::checklist::{Confidence, Footnotes, Source};
use crate::i18n::{Strings, fill};

/// A source in the person's words: its heading line and its quote, said as "one source
/// says…; check it" when the source is of low confidence.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceText<'a> {
    /// The source.
    pub source: &'a Source,
    /// Its footnote number; `None` for a source nothing cites (a format-1 checklist's).
    pub number: Option<usize>,
    /// Whether it is of low confidence.
    pub low: bool,
}

impl<'a> SourceText<'a> {
    /// The sources of `footnotes` to list: the cited ones whose number is in `only` (all
    /// of them when `only` is `None`), then — when listing all — those nothing cites.
    pub fn list(footnotes: &Footnotes<'a>, only: Option<&[usize]>) -> Vec<SourceText<'a>> {
        let cited = footnotes
            .cited()
            .filter(|(n, _)| only.is_none_or(|o| o.contains(n)))
            .map(|(n, source)| SourceText {
                source,
                number: Some(n),
                low: source.confidence == Some(Confidence::Low),
            });
        let uncited = footnotes
            .uncited()
            .iter()
            .filter(|_| only.is_none())
            .map(|source| SourceText {
                source,
                number: None,
                low: source.confidence == Some(Confidence::Low),
            });
        cited.chain(uncited).collect()
    }

    /// The heading line: `[1] Title — Publisher, https://… (retrieved 2026-11-26)`; a
    /// source with only a title (format 1) is its title, and its URL when it has another.
    pub fn heading(&self, s: &Strings) -> String {
        self.heading_with(s, str::to_string, |url| url.to_string())
    }

    /// [`SourceText::heading`] for a markup: `text` escapes the words (number, title,
    /// publisher), `link` lays out the URL (a Markdown autolink, an HTML anchor).
    pub fn heading_with(
        &self,
        s: &Strings,
        text: impl Fn(&str) -> String,
        link: impl Fn(&str) -> String,
    ) -> String {
        let src = self.source;
        let mark = text(
            &self
                .number
                .map_or_else(|| "-".to_string(), |n| format!("[{n}]")),
        );
        let title = text(&src.title);
        match (&src.publisher, &src.url, src.retrieved) {
            (Some(publisher), Some(url), Some(retrieved)) => fill(
                s.citations.source,
                &[
                    ("n", &mark),
                    ("title", &title),
                    ("publisher", &text(publisher)),
                    ("url", &link(url)),
                    ("retrieved", &retrieved),
                ],
            ),
            (_, Some(url), _) if *url != src.title => format!("{mark} {title} {}", link(url)),
            (_, Some(url), _) => format!("{mark} {}", link(url)),
            _ => format!("{mark} {title}"),
        }
    }

    /// The quote, in quotation marks, or "One source says: …; check it".
    pub fn quote(&self, s: &Strings) -> Option<String> {
        let quote = self.source.quote.as_deref()?;
        let template = if self.low {
            s.citations.quote_low
        } else {
            s.citations.quote
        };
        Some(fill(template, &[("quote", &quote)]))
    }

    /// The heading, and the quote indented under it.
    pub fn lines(&self, s: &Strings) -> Vec<String> {
        let mut out = vec![self.heading(s)];
        if let Some(quote) = self.quote(s) {
            out.extend(quote.lines().map(|l| format!("    {l}")));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::i18n::Lang;

    fn source(confidence: Confidence) -> Source {
        Source {
            id: "inc".into(),
            title: "La résiliation".into(),
            url: Some("https://www.inc-conso.fr/x".into()),
            publisher: Some("INC".into()),
            retrieved: NaiveDate::from_ymd_opt(2026, 11, 26),
            quote: Some("dans un délai de dix jours".into()),
            confidence: Some(confidence),
        }
    }

    #[test]
    fn a_source_reads_with_its_number_and_a_low_one_as_one_source_says() {
        let high = source(Confidence::High);
        let t = SourceText {
            source: &high,
            number: Some(2),
            low: false,
        };
        assert_eq!(
            t.lines(Lang::En.strings()),
            [
                "[2] La résiliation — INC, https://www.inc-conso.fr/x (retrieved 2026-11-26)",
                "    \u{201c}dans un délai de dix jours\u{201d}",
            ]
        );
        let low = source(Confidence::Low);
        let t = SourceText {
            source: &low,
            number: Some(1),
            low: true,
        };
        assert_eq!(
            t.lines(Lang::ZhCn.strings()),
            [
                "[1] La résiliation——INC，https://www.inc-conso.fr/x（2026-11-26 查阅）",
                "    仅一个来源称：\u{201c}dans un délai de dix jours\u{201d}——请核对。",
            ]
        );
        assert_eq!(
            t.quote(Lang::En.strings()).as_deref(),
            Some("One source says: \u{201c}dans un délai de dix jours\u{201d} — check it.")
        );
        let old = Source::legacy("https://www.service-public.fr/");
        let t = SourceText {
            source: &old,
            number: None,
            low: false,
        };
        assert_eq!(
            t.lines(Lang::En.strings()),
            ["- https://www.service-public.fr/"]
        );
    }
}
