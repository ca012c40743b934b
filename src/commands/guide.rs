//! `simcancel guide [<checklist>]`: starts a session and walks it.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::messages::{self, Localized};
use super::walk;
use crate::app::App;
use crate::checklist::Catalog;
use crate::clock;
use crate::i18n::fill;
use crate::session::{ChecklistRef, Session, Store, new_id};

/// How many ids to try before giving up on a free one (8 hex digits: a clash is rare).
const ID_ATTEMPTS: u32 = 64;

/// Starts a session on `checklist` (picked from the catalogue when `None`), with the
/// `--answer` values given, and walks it.
pub fn run(app: &App, checklist: Option<&str>, raw_answers: &[String]) -> Result<ExitCode> {
    let now = clock::now()?;
    let g = &app.strings().guide;
    let catalog = Catalog::load(&app.sources).localized(app.strings())?;
    for skipped in catalog.skipped() {
        let line = messages::skipped(&skipped.path, skipped.problems.len(), app.strings());
        super::note(&format!("simcancel: {line}"));
    }
    walk::install_signal_handler(app)?;
    let mut prompter = walk::prompter(app);
    let entry = match checklist {
        Some(id) => catalog.get(id).localized(app.strings())?,
        None => {
            let entries = catalog.entries();
            if entries.is_empty() {
                anyhow::bail!("{}", g.no_checklists);
            }
            let items: Vec<String> = entries
                .iter()
                .map(|e| {
                    let c = &e.checklist;
                    format!(
                        "{} — {} ({}) [{}]",
                        c.provider,
                        c.name.get(app.lang.tag()),
                        c.country,
                        c.id
                    )
                })
                .collect();
            match prompter.pick(g.pick_checklist, &items, 0) {
                Ok(i) => &entries[i.min(entries.len() - 1)],
                Err(stop) => return walk::stopped(&stop, g.pick_eof),
            }
        }
    };
    let answers = match walk::answers_or_usage(app, &entry.checklist.questions, raw_answers) {
        Ok(a) => a,
        Err(code) => return Ok(code),
    };
    let store = Store::new(&app.data_dir);
    let id = (0..ID_ATTEMPTS)
        .map(|attempt| new_id(now, std::process::id(), &entry.checklist.id, attempt))
        .find(|id| !store.path(id).exists())
        .ok_or_else(|| {
            anyhow::anyhow!(
                "no free session id in {}; remove old sessions there",
                store.dir().display()
            )
        })?;
    let _lock = store.lock(&id).localized(app.strings())?;
    let mut session = Session::start(
        id,
        app.lang.tag(),
        ChecklistRef {
            id: entry.checklist.id.clone(),
            hash: entry.hash.clone(),
            origin: entry.origin.to_string(),
            snapshot: entry.checklist.clone(),
        },
        now,
    );
    for (q, a) in answers {
        session.answer(&q, a, now);
    }
    store.save(&session).localized(app.strings())?;
    writeln!(
        std::io::stdout(),
        "{}",
        fill(g.started, &[("id", &session.id)])
    )?;
    walk::walk(app, &store, &mut session, prompter.as_mut())
}
