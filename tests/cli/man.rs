//! The man pages in `docs/` are generated from the clap definition with clap_mangen and must
//! match it: this test regenerates them and compares. After changing the command line, run
//! `SIMCANCEL_UPDATE_MAN=1 cargo test --test cli man_pages` to rewrite them.
//!
//! One page per command, as git and cargo do: `man simcancel` gives the overview, the global
//! options, exit codes, environment and files, and names `simcancel-export(1)` and the others,
//! each of which lands directly on that command's options. That is clap_mangen's own layout
//! (its SUBCOMMANDS section already refers to `simcancel-<cmd>(1)`), so no roff is patched
//! beyond the sections added below.

use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};

use simcancel::cli::Cli;

/// Set to rewrite the pages instead of comparing them.
const UPDATE: &str = "SIMCANCEL_UPDATE_MAN";

/// The NAME line of the main page: English only (`--help` shows the Chinese line as well).
const NAME: &str = "walks you through cancelling a mobile line, SIM, eSIM or travel roaming card, and keeps a dated record";

/// The DESCRIPTION of the main page.
const DESCRIPTION: &str = "simcancel walks you, step by step, through cancelling a mobile line, \
SIM card, eSIM or travel roaming card at a given provider, without forgetting what costs money \
or security later (the remaining balance, bank and two-factor SMS codes, porting the number, \
unlocking the phone), and leaves you with a dated record to show if a charge still appears. \
Progress is saved after every answer, so a session can be resumed days later. The interface is \
in English or Simplified Chinese (--lang zh-CN).";

fn docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs")
}

/// `.TH` source field: the same on every page, so a version bump shows in all of them.
fn source() -> String {
    format!("simcancel {}", env!("CARGO_PKG_VERSION"))
}

/// Renders `extra` without the apostrophe preamble roff puts at the top of every document
/// (the page it is spliced into already has it).
fn sections(extra: &Roff) -> String {
    let preamble = Roff::new().render();
    extra.render()[preamble.len()..].to_string()
}

fn exit_status_environment_files() -> Roff {
    let mut r = Roff::new();
    r.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in [
        (
            "0",
            "Success; also a guide that was paused, or stopped at the end of input, with the session saved.",
        ),
        (
            "1",
            "An error: bad input, a file that cannot be read, a checklist with errors (validate), a session locked by another process.",
        ),
        (
            "2",
            "The command line itself is wrong (unknown option, missing argument, bad --answer).",
        ),
        (
            "130",
            "Interrupted with Ctrl-C; the session was saved and can be resumed. The process ends by SIGINT itself, which the shell reports as 130, so a calling script sees the interrupt.",
        ),
    ] {
        r.control("TP", [])
            .text([bold(code)])
            .text([roman(meaning)]);
    }
    r.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in [
        (
            "LC_ALL, LC_MESSAGES, LANG",
            "The interface language when --lang is not given: a zh* locale gives Chinese, anything else English.",
        ),
        (
            "SIMCANCEL_DATA_DIR",
            "Where sessions are kept, as --data-dir.",
        ),
        (
            "XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME",
            "The base folders of the paths under FILES.",
        ),
        ("NO_COLOR", "Set to anything non-empty to turn colours off."),
    ] {
        r.control("TP", [])
            .text([bold(name)])
            .text([roman(meaning)]);
    }
    r.control("SH", ["FILES"]);
    for (path, meaning) in [
        (
            "~/.config/simcancel/checklists/*.toml",
            "Your own checklists; they override the bundled ones by id, and each --checklists DIR overrides them in turn.",
        ),
        (
            "~/.local/share/simcancel/sessions/<id>.json",
            "One file per session, readable only by you (0600 in a 0700 folder).",
        ),
        (
            "~/.cache/simcancel/",
            "The catalogue cache of list; safe to delete.",
        ),
    ] {
        r.control("TP", [])
            .text([italic(path)])
            .text([roman(meaning)]);
    }
    r
}

fn see_also(pages: &[&str]) -> Roff {
    let mut r = Roff::new();
    r.control("SH", ["SEE ALSO"]);
    let mut inlines = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            inlines.push(roman(", "));
        }
        inlines.push(bold(*page));
        inlines.push(roman("(1)"));
    }
    r.text(inlines);
    r
}

/// Every page, as (file name, roff text).
fn pages() -> Vec<(String, String)> {
    let mut cmd = Cli::command();
    cmd.build();
    let subs: Vec<clap::Command> = cmd.get_subcommands().cloned().collect();
    let sub_names: Vec<String> = subs
        .iter()
        .map(|s| format!("simcancel-{}", s.get_name()))
        .collect();

    let main = Man::new(cmd.clone().about(NAME).long_about(DESCRIPTION)).source(source());
    let mut buf = Vec::new();
    main.render(&mut buf).expect("render simcancel.1");
    let mut page = String::from_utf8(buf).expect("UTF-8 roff");
    let at = page
        .find("\n.SH VERSION\n")
        .expect("the main page has a VERSION section")
        + 1;
    let refs: Vec<&str> = sub_names.iter().map(String::as_str).collect();
    let extra = sections(&exit_status_environment_files()) + &sections(&see_also(&refs));
    page.insert_str(at, &extra);
    let mut out = vec![("simcancel.1".to_string(), page)];

    for sub in subs {
        let man = Man::new(sub).source(source());
        let name = man.get_filename();
        let mut buf = Vec::new();
        man.render(&mut buf).expect("render a command's page");
        let page =
            String::from_utf8(buf).expect("UTF-8 roff") + &sections(&see_also(&["simcancel"]));
        out.push((name, page));
    }
    out
}

/// The man pages already in `docs/`, by file name.
fn committed() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(docs())
        .expect("docs/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("simcancel") && n.ends_with(".1"))
        .collect();
    names.sort();
    names
}

#[test]
fn man_pages_match_the_command_line() {
    let pages = pages();
    if std::env::var_os(UPDATE).is_some() {
        for stale in committed() {
            if !pages.iter().any(|(n, _)| *n == stale) {
                std::fs::remove_file(docs().join(stale)).expect("remove a stale page");
            }
        }
        for (name, text) in &pages {
            std::fs::write(docs().join(name), text).expect("write a man page");
        }
        return;
    }
    let mut expected: Vec<String> = pages.iter().map(|(n, _)| n.clone()).collect();
    expected.sort();
    assert_eq!(
        committed(),
        expected,
        "docs/ has a different set of man pages: run {UPDATE}=1 cargo test --test cli man_pages"
    );
    for (name, text) in &pages {
        let on_disk = std::fs::read_to_string(docs().join(name)).expect("read a man page");
        assert!(
            on_disk == *text,
            "docs/{name} is out of date with src/cli.rs: run {UPDATE}=1 cargo test --test cli man_pages"
        );
    }
}

#[test]
fn the_main_page_names_every_command_and_global_option() {
    let pages = pages();
    let (_, main) = &pages[0];
    for cmd in Cli::command().get_subcommands() {
        let page = format!("simcancel\\-{}(1)", cmd.get_name());
        assert!(main.contains(&page), "simcancel.1 lacks {page}");
    }
    for opt in ["lang", "checklists", "data\\-dir", "plain"] {
        assert!(
            main.contains(&format!("\\-\\-{opt}")),
            "simcancel.1 lacks --{opt}"
        );
    }
    for section in ["EXIT STATUS", "ENVIRONMENT", "FILES", "SEE ALSO"] {
        assert!(
            main.contains(&format!(".SH \"{section}\""))
                || main.contains(&format!(".SH {section}")),
            "simcancel.1 lacks {section}"
        );
    }
    let export = pages
        .iter()
        .find(|(n, _)| n == "simcancel-export.1")
        .map(|(_, t)| t)
        .expect("an export page");
    assert!(export.contains("\\-\\-redact"), "{export}");
}
