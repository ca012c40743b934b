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
use crate::session::{Session, Store};

use super::messages::Localized;

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
        let dirs = UserDirs::find();
        let data_dir = match args.data_dir {
            Some(d) => d,
            None => dirs
                .as_ref()
                .map(|d| d.data.clone())
                .context("no data folder could be found for this user: pass --data-dir DIR or set SIMCANCEL_DATA_DIR")?,
        };
        let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        Ok(Context {
            lang,
            sources: Sources {
                user_dir: dirs.as_ref().map(|d| d.config.join("checklists")),
                dirs: args.checklists,
                cache_dir: dirs.map(|d| d.cache),
            },
            data_dir,
            plain: args.plain || !interactive,
        })
    }

    /// The interface strings in the chosen language.
    pub fn strings(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// The saved session `id` names (an id or a unique prefix) and the language to write a
    /// document of it in (`export`, `letter`, `report`): the session's own unless `--lang`
    /// was given (`lang_given`), since the person who walked it reads it first.
    pub fn session_and_lang(&self, id: &str, lang_given: bool) -> Result<(Session, Lang)> {
        let (_, session) = Store::new(&self.data_dir)
            .find(id)
            .localized(self.strings())?;
        let lang = if lang_given {
            self.lang
        } else {
            Lang::from_tag(&session.lang).unwrap_or(self.lang)
        };
        Ok((session, lang))
    }
}

/// The user's own folders for simcancel's files.
struct UserDirs {
    config: PathBuf,
    data: PathBuf,
    cache: PathBuf,
}

impl UserDirs {
    /// The platform's folders, as the `directories` crate finds them (following `XDG_*` on
    /// Linux); on Windows, under `%APPDATA%` and `%LOCALAPPDATA%` first when they are set.
    fn find() -> Option<UserDirs> {
        #[cfg(windows)]
        if let Some(dirs) = UserDirs::from_windows_env() {
            return Some(dirs);
        }
        directories::ProjectDirs::from("", "", "simcancel").map(|d| UserDirs {
            config: d.config_dir().to_path_buf(),
            data: d.data_dir().to_path_buf(),
            cache: d.cache_dir().to_path_buf(),
        })
    }

    /// The folders `directories` gives on Windows, under `%APPDATA%` and `%LOCALAPPDATA%`
    /// as the environment names them. They are the same folders unless someone points the
    /// variables elsewhere, as `XDG_*` can be on Linux (the tests' sandboxes do).
    #[cfg(windows)]
    fn from_windows_env() -> Option<UserDirs> {
        let var = |k: &str| {
            std::env::var_os(k)
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
        };
        let roaming = var("APPDATA")?.join("simcancel");
        let local = var("LOCALAPPDATA")?.join("simcancel");
        Some(UserDirs {
            config: roaming.join("config"),
            data: roaming.join("data"),
            cache: local.join("cache"),
        })
    }
}

/// Turns colour on or off for standard output and standard error: off with `NO_COLOR`, or
/// when the stream is not a terminal.
pub fn set_console_colours() {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    console::set_colors_enabled(!no_color && std::io::stdout().is_terminal());
    console::set_colors_enabled_stderr(!no_color && std::io::stderr().is_terminal());
}
