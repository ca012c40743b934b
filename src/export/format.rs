//! The formats `export` writes, and which renderer each one uses.

use std::path::Path;

use super::{Error, Html, Ics, Json, Markdown, PlainText, Record};
use crate::vocabulary::vocabulary;

/// One output format: renders a [`Record`] to the bytes of a file.
pub trait Exporter {
    /// The whole document. Fails only when the format cannot represent the record (e.g. a
    /// calendar with nothing to remind).
    fn render(&self, record: &Record) -> Result<String, Error>;
}

vocabulary! {
    /// The formats `export` writes; each name is also the usual file extension.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Format {
        /// Markdown (the default).
        Markdown => "md",
        /// JSON, schema in `docs/export-format.md`.
        Json => "json",
        /// One self-contained, printable HTML file.
        Html => "html",
        /// Plain text wrapped for e-mail.
        Text => "txt",
        /// iCalendar reminders (RFC 5545).
        Ics => "ics",
    }
}

impl Format {
    /// The format a file name asks for, by its extension (case-insensitive).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "markdown" => Some(Format::Markdown),
            "htm" => Some(Format::Html),
            "text" => Some(Format::Text),
            "ical" => Some(Format::Ics),
            other => Format::from_name(other),
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        self.name()
    }

    /// The renderer of this format.
    pub fn exporter(self) -> &'static dyn Exporter {
        match self {
            Format::Markdown => &Markdown,
            Format::Json => &Json,
            Format::Html => &Html,
            Format::Text => &PlainText,
            Format::Ics => &Ics,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_extension() {
        for f in Format::ALL {
            let name = format!("record.{}", f.extension().to_uppercase());
            assert_eq!(Format::from_path(Path::new(&name)), Some(*f));
        }
        for (name, f) in [
            ("r.markdown", Format::Markdown),
            ("r.htm", Format::Html),
            ("r.text", Format::Text),
            ("r.ical", Format::Ics),
        ] {
            assert_eq!(Format::from_path(Path::new(name)), Some(f), "{name}");
        }
        assert_eq!(Format::from_path(Path::new("record.pdf")), None);
        assert_eq!(Format::from_path(Path::new("record")), None);
    }
}
