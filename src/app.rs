//! What every command needs to know about its surroundings, resolved once from the global
//! options and the environment.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Context as _, Result};

use crate::checklist::Sources;
use crate::cli::{GlobalArgs, LangArg};
use crate::i18n::{Lang, Strings};

/// The resolved global options.
#[derive(Clone, Debug)]
pub struct App {
    /// Interface language.
    pub lang: Lang,
    /// Where checklists and letter templates come from, and the catalogue cache.
    pub sources: Sources,
    /// Where sessions live.
    pub data_dir: PathBuf,
    /// Line-based prompts instead of the interactive UI.
    pub plain: bool,
    /// Whether to use colour (off with `NO_COLOR` or when stdout is not a terminal).
    pub color: bool,
}

impl App {
    /// Resolves the global options against the environment.
    pub fn from_args(args: GlobalArgs) -> Result<App> {
        let env = |k: &str| std::env::var(k).ok();
        let lang = match args.lang {
            Some(LangArg::En) => Lang::En,
            Some(LangArg::ZhCn) => Lang::ZhCn,
            None => Lang::from_env(env),
        };
        let dirs = directories::ProjectDirs::from("", "", "simcancel");
        let data_dir = match args.data_dir {
            Some(d) => d,
            None => dirs
                .as_ref()
                .map(|d| d.data_dir().to_path_buf())
                .context("no data folder could be found for this user: pass --data-dir DIR or set SIMCANCEL_DATA_DIR")?,
        };
        let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = !no_color && std::io::stdout().is_terminal();
        console::set_colors_enabled(color);
        console::set_colors_enabled_stderr(!no_color && std::io::stderr().is_terminal());
        Ok(App {
            lang,
            sources: Sources {
                user_dir: dirs.as_ref().map(|d| d.config_dir().join("checklists")),
                dirs: args.checklists,
                cache_dir: dirs.as_ref().map(|d| d.cache_dir().to_path_buf()),
            },
            data_dir,
            plain: args.plain || !interactive,
            color,
        })
    }

    /// The interface strings in the chosen language.
    pub fn strings(&self) -> &'static Strings {
        self.lang.strings()
    }
}
