//! `simcancel list`: the catalogue, as a table or JSON.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::context::Context;
use super::messages::{self, Localized};
use crate::checklist::{Difficulty, Kind, Summary, stale_days, summaries};
use crate::clock;
use crate::i18n::fill;
use crate::labels;

/// What `list` was asked for.
pub struct ListOptions {
    /// Only this country (upper-cased); `INT` checklists match every country.
    pub country: Option<String>,
    /// Only this kind.
    pub kind: Option<Kind>,
    /// JSON instead of a table.
    pub json: bool,
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    name: &'a str,
    provider: &'a str,
    country: &'a str,
    kinds: &'a [Kind],
    difficulty: Difficulty,
    verified: chrono::NaiveDate,
    /// Days since `verified` when more than [`crate::checklist::STALE_AFTER_DAYS`], else null.
    stale_days: Option<i64>,
    origin: String,
}

/// Prints the checklists that match the filters.
pub fn run(cx: &Context, opts: ListOptions) -> Result<ExitCode> {
    let strings = cx.strings();
    let today = clock::now()?.date_naive();
    let found = summaries(&cx.sources).localized(strings)?;
    for (path, count) in &found.skipped {
        super::note(&format!(
            "simcancel: {}",
            messages::skipped(path, *count, strings)
        ));
    }
    let rows: Vec<&Summary> = found
        .rows
        .iter()
        .filter(|s| {
            opts.country
                .as_deref()
                .is_none_or(|c| s.country == c || s.country == "INT")
        })
        .filter(|s| opts.kind.is_none_or(|k| s.kinds.contains(&k)))
        .collect();
    // One write at the end, not one per line (standard output is line-buffered).
    let mut out = BufWriter::new(std::io::stdout().lock());
    if opts.json {
        let json: Vec<Row> = rows
            .iter()
            .map(|s| Row {
                id: &s.id,
                name: s.name.get(strings.tag()),
                provider: s.provider.get(strings.tag()),
                country: &s.country,
                kinds: &s.kinds,
                difficulty: s.difficulty,
                verified: s.verified,
                stale_days: stale_days(s.verified, today),
                origin: s.origin.as_ref().map(|o| o.to_string()).unwrap_or_default(),
            })
            .collect();
        // As an io::Error, so that main sees a closed pipe for what it is.
        serde_json::to_writer_pretty(&mut out, &json).map_err(std::io::Error::from)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        let mut filters = Vec::new();
        if let Some(c) = &opts.country {
            filters.push(format!("--country {c}"));
        }
        if let Some(k) = opts.kind {
            filters.push(format!("--kind {k}"));
        }
        super::note(&fill(
            strings.catalog.list_empty,
            &[("filters", &filters.join(" "))],
        ));
        return Ok(ExitCode::SUCCESS);
    }
    let table: Vec<[String; 7]> = rows
        .iter()
        .map(|s| {
            [
                s.id.clone(),
                s.name.get(strings.tag()).to_string(),
                s.provider.get(strings.tag()).to_string(),
                s.country.clone(),
                labels::difficulty(s.difficulty, strings).to_string(),
                if stale_days(s.verified, today).is_some() {
                    format!("{} ⚠", s.verified)
                } else {
                    s.verified.to_string()
                },
                s.origin
                    .as_ref()
                    .map(|o| messages::origin(o, strings))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let headers = strings.catalog.list_headers.map(String::from);
    super::table::write(&mut out, &headers, &table, super::table::terminal_width())?;
    for s in &rows {
        if let Some(stale) = labels::stale(s.verified, today, strings) {
            writeln!(out, "⚠ {}: {stale}", s.id)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
