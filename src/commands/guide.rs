//! `simcancel guide [<checklist>]`: starts a session and walks it.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::context::Context;
use super::interactive;
use super::messages::{self, Localized};
use crate::checklist::Catalog;
use crate::clock;
use crate::i18n::fill;
use crate::session::{ChecklistRef, Session, Store, new_id};

/// How many ids to try before giving up on a free one (8 hex digits: a clash is rare).
const ID_ATTEMPTS: u32 = 64;

/// Starts a session on `checklist` (picked from the catalogue when `None`), with the
/// `--answer` values given, and walks it.
pub fn run(cx: &Context, checklist: Option<&str>, raw_answers: &[String]) -> Result<ExitCode> {
    let now = clock::now()?;
    let g = &cx.strings().guide;
    let catalog = Catalog::load(&cx.sources).localized(cx.strings())?;
    for skipped in catalog.skipped() {
        let line = messages::skipped(&skipped.path, skipped.problems.len(), cx.strings());
        super::note(&format!("simcancel: {line}"));
    }
    interactive::install_signal_handler(cx)?;
    let mut prompter = interactive::prompter(cx);
    let entry = match checklist {
        Some(id) => catalog.get(id).localized(cx.strings())?,
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
                        c.name.get(cx.lang.tag()),
                        c.country,
                        c.id
                    )
                })
                .collect();
            match prompter.pick(g.pick_checklist, &items, 0) {
                Ok(i) => &entries[i.min(entries.len() - 1)],
                Err(stop) => return interactive::stopped(&stop, g.pick_eof),
            }
        }
    };
    let answers = match interactive::answers_or_usage(cx, &entry.checklist.questions, raw_answers) {
        Ok(a) => a,
        Err(code) => return Ok(code),
    };
    let store = Store::new(&cx.data_dir);
    let id = (0..ID_ATTEMPTS)
        .map(|attempt| new_id(now, std::process::id(), &entry.checklist.id, attempt))
        .find(|id| !store.path(id).exists())
        .ok_or_else(|| {
            anyhow::anyhow!(
                "no free session id in {}; remove old sessions there",
                store.dir().display()
            )
        })?;
    let _lock = store.lock(&id).localized(cx.strings())?;
    let mut session = Session::start(
        id,
        cx.lang.tag(),
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
    store.save(&session).localized(cx.strings())?;
    writeln!(
        std::io::stdout(),
        "{}",
        fill(g.started, &[("id", &session.id)])
    )?;
    interactive::run_engine(cx, &store, &mut session, None, prompter.as_mut())
}
