//! `simcancel guide [<checklist>]`: starts a session and walks it.

use std::process::ExitCode;

use anyhow::Result;

use super::context::Context;
use super::interactive;
use super::messages::{self, Localized};
use crate::checklist::{Catalog, Checklist, Entry, Found};
use crate::clock;
use crate::i18n::fill;
use crate::labels;
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
    // A name finds the checklist, or the few it may mean; nothing given: all of them.
    let candidates: Vec<&Entry> = match checklist {
        Some(query) => match super::suggest::find(&catalog, query, cx.strings())? {
            Found::One(entry) => vec![entry],
            Found::Several(entries) => entries,
        },
        None => catalog.entries().iter().collect(),
    };
    let entry = match candidates.as_slice() {
        [] => anyhow::bail!("{}", g.no_checklists),
        [one] => *one,
        several => {
            let tag = cx.lang.tag();
            let items: Vec<String> = several
                .iter()
                .map(|e| {
                    let c = &e.checklist;
                    let (name, provider) = (c.name.get(tag), c.provider.get(tag));
                    // "Sosh (Orange's online brand)" needs no "Sosh — " in front of it.
                    if name.contains(provider) {
                        format!("{name} ({}) [{}]", c.country, c.id)
                    } else {
                        format!("{provider} — {name} ({}) [{}]", c.country, c.id)
                    }
                })
                .collect();
            let keys: Vec<String> = several
                .iter()
                .map(|e| also_known_as(&e.checklist, tag))
                .collect();
            match prompter.pick(g.pick_checklist, &items, &keys, 0) {
                Ok(i) => several[i.min(several.len() - 1)],
                Err(stop) => return interactive::stopped(&stop, g.pick_eof, g.pick_cancelled),
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
    let lock = store.lock(&id).localized(cx.strings())?;
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
    let started = fill(g.started, &[("id", &session.id)]);
    super::say(
        &mut std::io::stdout(),
        &interactive::fitted(cx, prompter.as_ref(), started),
    )?;
    if let Some(stale) = labels::stale(entry.checklist.verified, now.date_naive(), cx.strings()) {
        let stale = interactive::fitted(cx, prompter.as_ref(), format!("⚠ {stale}"));
        super::say(&mut std::io::stdout(), &stale)?;
    }
    interactive::run_engine(cx, &store, &lock, &mut session, None, prompter.as_mut())
}

/// The words a checklist is also found by in the picker, besides its line: its name and
/// provider in the other languages, its network and its aliases.
fn also_known_as(c: &Checklist, tag: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    let shown = [c.name.get(tag), c.provider.get(tag)];
    for (_, v) in c.name.0.iter().chain(&c.provider.0) {
        if !shown.contains(&v.as_str()) && !words.contains(&v.as_str()) {
            words.push(v);
        }
    }
    words.extend(c.network.as_deref());
    words.extend(c.aliases.iter().map(String::as_str));
    words.join(", ")
}
