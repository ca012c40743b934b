//! The commands' context: what every command needs to know about its surroundings,
//! resolved once from the global options and the environment. The domain never sees it: a
//! command hands each domain call only the part it needs (the [`Sources`], a data folder,
//! the [`Strings`]).

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Context as _, Result};

use crate::checklist::Sources;
use crate::cli::GlobalArgs;
use crate::i18n::{Lang, Strings};

/// The resolved global options.
#[derive(Clone, Debug)]
pub struct Context {
    /// Interface language.
    pub lang: Lang,
    /// Where checklists and letter templates come from, and the catalogue cache.
    pub sources: Sources,
    /// Where sessions live.
    pub data_dir: PathBuf,
    /// Line-based prompts instead of the interactive UI.
    pub plain: bool,
}

impl Context {
    /// Resolves the global options against the environment and the platform's folders.
    pub fn resolve(args: GlobalArgs) -> Result<Context> {
        let lang = args
            .lang
            .unwrap_or_else(|| Lang::from_env(|k| std::env::var(k).ok()));
        let dirs = directories::ProjectDirs::from("", "", "simcancel");
        let data_dir = match args.data_dir {
            Some(d) => d,
            None => dirs
                .as_ref()
                .map(|d| d.data_dir().to_path_buf())
                .context("no data folder could be found for this user: pass --data-dir DIR or set SIMCANCEL_DATA_DIR")?,
        };
        let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        Ok(Context {
            lang,
            sources: Sources {
                user_dir: dirs.as_ref().map(|d| d.config_dir().join("checklists")),
                dirs: args.checklists,
                cache_dir: dirs.as_ref().map(|d| d.cache_dir().to_path_buf()),
            },
            data_dir,
            plain: args.plain || !interactive,
        })
    }

    /// The interface strings in the chosen language.
    pub fn strings(&self) -> &'static Strings {
        self.lang.strings()
    }
}

/// Turns colour on or off for standard output and standard error: off with `NO_COLOR`, or
/// when the stream is not a terminal.
pub fn set_console_colours() {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    console::set_colors_enabled(!no_color && std::io::stdout().is_terminal());
    console::set_colors_enabled_stderr(!no_color && std::io::stderr().is_terminal());
}
