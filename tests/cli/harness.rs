//! The one harness every integration test uses: a private temp dir with its own data and
//! config folders, fixtures written into it, the binary run with chosen stdin and env, and
//! helpers to read what it saved.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

/// A sandbox for one test: nothing outside its temp dir is read or written.
pub struct Env {
    dir: tempfile::TempDir,
    envs: Vec<(String, String)>,
}

/// The result of one run, with its text decoded.
///
/// Standard error must be empty unless the test says what it holds ([`Run::stderr_has`],
/// [`Run::stderr_is`]) or that it reads it itself ([`Run::stderr_any`]): checked when the
/// run is dropped, so a stray warning cannot hide behind a test that only looks at stdout.
#[derive(Debug)]
pub struct Run {
    /// Exit code (`None` if killed by a signal).
    pub code: Option<i32>,
    /// The signal that ended it, if one did (Unix).
    pub signal: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Whether the test said what standard error holds.
    stderr_expected: bool,
    /// Where the test ran the command, for the message of the drop check.
    ran_at: &'static std::panic::Location<'static>,
}

impl Drop for Run {
    fn drop(&mut self) {
        // A test already failing says why itself.
        if !self.stderr_expected && !std::thread::panicking() {
            assert!(
                self.stderr.is_empty(),
                "{}: stderr not empty (expect it with stderr_has, stderr_is or stderr_any):\n{self}",
                self.ran_at
            );
        }
    }
}

impl Run {
    #[track_caller]
    fn from(out: Output) -> Run {
        #[cfg(unix)]
        let signal = std::os::unix::process::ExitStatusExt::signal(&out.status);
        #[cfg(not(unix))]
        let signal = None;
        Run {
            code: out.status.code(),
            signal,
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            stderr_expected: false,
            ran_at: std::panic::Location::caller(),
        }
    }

    /// Asserts exit code 0 and returns self.
    #[track_caller]
    pub fn success(self) -> Run {
        assert_eq!(self.code, Some(0), "expected success:\n{self}");
        self
    }

    /// Asserts this exit code and returns self.
    #[track_caller]
    pub fn code(self, code: i32) -> Run {
        assert_eq!(self.code, Some(code), "expected exit code {code}:\n{self}");
        self
    }

    /// Asserts that the process was ended by `signal` (as a shell would report 128 + it).
    #[track_caller]
    pub fn killed_by(self, signal: i32) -> Run {
        assert_eq!(
            (self.code, self.signal),
            (None, Some(signal)),
            "expected an end by signal {signal}:\n{self}"
        );
        self
    }

    /// Asserts stdout contains `s`.
    #[track_caller]
    pub fn stdout_has(self, s: &str) -> Run {
        assert!(self.stdout.contains(s), "stdout lacks {s:?}:\n{self}");
        self
    }

    /// Standard output, once the checks are done.
    pub fn into_stdout(mut self) -> String {
        std::mem::take(&mut self.stdout)
    }

    /// Asserts stdout is exactly `s`.
    #[track_caller]
    pub fn stdout_is(self, s: &str) -> Run {
        assert_eq!(self.stdout, s, "stdout differs:\n{self}");
        self
    }

    /// Asserts stderr contains `s` (and accepts whatever else it holds).
    #[track_caller]
    pub fn stderr_has(mut self, s: &str) -> Run {
        assert!(self.stderr.contains(s), "stderr lacks {s:?}:\n{self}");
        self.stderr_expected = true;
        self
    }

    /// Asserts stderr is exactly `s`.
    #[track_caller]
    pub fn stderr_is(mut self, s: &str) -> Run {
        assert_eq!(self.stderr, s, "stderr differs:\n{self}");
        self.stderr_expected = true;
        self
    }

    /// Accepts whatever stderr holds: the test reads `stderr` itself, or the run is one
    /// whose messages depend on timing (a kill at a random moment).
    pub fn stderr_any(mut self) -> Run {
        self.stderr_expected = true;
        self
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "--- code: {:?} (signal {:?})\n--- stdout:\n{}\n--- stderr:\n{}",
            self.code, self.signal, self.stdout, self.stderr
        )
    }
}

impl Env {
    /// A fresh sandbox: English, no colour, data in `<tmp>/data`, config in `<tmp>/config`.
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        Env { dir, envs: vec![] }
    }

    /// The sandbox's root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// `<root>/data`, passed as SIMCANCEL_DATA_DIR.
    pub fn data_dir(&self) -> PathBuf {
        self.root().join("data")
    }

    /// The user's checklist folder: `<root>/config/simcancel/checklists` (`XDG_CONFIG_HOME`),
    /// on Windows `<root>/appdata/simcancel/config/checklists` (`%APPDATA%`).
    pub fn user_checklists(&self) -> PathBuf {
        if cfg!(windows) {
            self.root()
                .join(native("appdata/simcancel/config/checklists"))
        } else {
            self.root().join(native("config/simcancel/checklists"))
        }
    }

    /// The catalogue cache folder: `<root>/.cache/simcancel` (under `HOME`), on Windows
    /// `<root>/localappdata/simcancel/cache` (`%LOCALAPPDATA%`).
    pub fn cache_dir(&self) -> PathBuf {
        if cfg!(windows) {
            self.root().join(native("localappdata/simcancel/cache"))
        } else {
            self.root().join(native(".cache/simcancel"))
        }
    }

    /// Sets an environment variable for every later run.
    pub fn env(&mut self, key: &str, value: &str) -> &mut Env {
        self.envs.retain(|(k, _)| k != key);
        self.envs.push((key.to_string(), value.to_string()));
        self
    }

    /// Writes `contents` to `<root>/<rel>`, creating folders, and returns the path (with
    /// the platform's separators, as the program prints it).
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root().join(native(rel));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// The command, with the sandbox's environment and no inherited locale or colour.
    pub fn command(&self, args: &[&str]) -> Command {
        Command::from_std(self.std_command(args))
    }

    /// [`Env::command`] as a standard-library command (for spawning).
    pub fn std_command(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_simcancel"));
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.root())
            .env("XDG_CONFIG_HOME", self.root().join("config"))
            .env("XDG_DATA_HOME", self.root().join("xdg-data"))
            // What Windows reads instead of XDG_* (`UserDirs` in src/commands/context.rs).
            .env("APPDATA", self.root().join("appdata"))
            .env("LOCALAPPDATA", self.root().join("localappdata"))
            .env("SIMCANCEL_DATA_DIR", self.data_dir())
            .env("NO_COLOR", "1")
            .current_dir(self.root());
        for (k, v) in &self.envs {
            cmd.env(k, v);
        }
        cmd
    }

    /// Runs with empty stdin.
    #[track_caller]
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, "")
    }

    /// Runs with `stdin` as standard input.
    #[track_caller]
    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        let out = launch(|| {
            self.command(args)
                .write_stdin(stdin.as_bytes().to_vec())
                .output()
        })
        .expect("run simcancel");
        Run::from(out)
    }

    /// Runs with `stdin`, killed if it has not ended within `limit` (then it ends by
    /// SIGKILL, which no assertion on its code accepts): for what must never hang.
    #[track_caller]
    pub fn run_within(&self, args: &[&str], stdin: &str, limit: std::time::Duration) -> Run {
        let out = self
            .command(args)
            .write_stdin(stdin.as_bytes().to_vec())
            .timeout(limit)
            .output()
            .expect("run simcancel");
        Run::from(out)
    }

    /// The ids of the saved sessions, sorted.
    pub fn session_ids(&self) -> Vec<String> {
        let dir = self.data_dir().join("sessions");
        let mut ids: Vec<String> = std::fs::read_dir(&dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|n| n.ends_with(".json") && !n.starts_with('.'))
                    .map(|n| n.trim_end_matches(".json").to_string())
                    .collect()
            })
            .unwrap_or_default();
        ids.sort();
        ids
    }

    /// The saved JSON of session `id`.
    pub fn session_json(&self, id: &str) -> Value {
        let path = self.data_dir().join("sessions").join(format!("{id}.json"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        serde_json::from_str(&text).expect("session JSON")
    }

    /// `text` with what changes from run to run replaced, for whole-output snapshots: the
    /// sandbox's path becomes `[ROOT]` (followed by `/`-separated names on every system)
    /// and each saved session's id `[SESSID]` (as wide as an id).
    pub fn scrub(&self, text: &str) -> String {
        let mut out = text.replace(&self.root().display().to_string(), "[ROOT]");
        if cfg!(windows) {
            let under_root = regex::Regex::new(r"\[ROOT\][^\s\]]*").expect("regex");
            out = under_root
                .replace_all(&out, |m: &regex::Captures| m[0].replace('\\', "/"))
                .into_owned();
        }
        for id in self.session_ids() {
            out = out.replace(&id, "[SESSID]");
        }
        out
    }

    /// The only saved session's id (panics unless there is exactly one).
    #[track_caller]
    pub fn only_session(&self) -> String {
        let ids = self.session_ids();
        assert_eq!(ids.len(), 1, "expected one session, found {ids:?}");
        ids[0].clone()
    }

    /// Writes a checklist file into `<root>/checklists/` and returns that folder, for
    /// `--checklists`.
    pub fn checklist(&self, file_name: &str, toml: &str) -> String {
        let path = self.write(&format!("checklists/{file_name}"), toml);
        path.parent().unwrap().display().to_string()
    }

    /// The file naming the process that holds session `id`'s lock (the lock file itself,
    /// except on Windows).
    pub fn holder_file(&self, id: &str) -> PathBuf {
        simcancel::session::Store::new(&self.data_dir()).holder_path(id)
    }

    /// The file of session `id`.
    pub fn session_path(&self, id: &str) -> PathBuf {
        self.data_dir().join("sessions").join(format!("{id}.json"))
    }

    /// Starts the binary without waiting, stdin/stdout/stderr piped.
    pub fn spawn(&self, args: &[&str]) -> std::process::Child {
        launch(|| {
            self.std_command(args)
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
        })
        .expect("spawn simcancel")
    }
}

/// Starts the program with `start`, again (twice at most) if the launch itself failed with
/// ERROR_INTERNAL_ERROR (1359): Wine 8, on a loaded machine, now and then loses a new process
/// while it is being set up, before any of simcancel has run, so starting it again is safe.
fn launch<T>(mut start: impl FnMut() -> std::io::Result<T>) -> std::io::Result<T> {
    for _ in 0..2 {
        match start() {
            Err(e) if cfg!(windows) && e.raw_os_error() == Some(1359) => continue,
            done => return done,
        }
    }
    start()
}

/// `path` with `/` turned into the platform's separator: how the program prints a path it
/// built from a folder argument and the file names in it.
pub fn native(path: &str) -> String {
    path.replace('/', std::path::MAIN_SEPARATOR_STR)
}

/// Collects a finished child's output as a [`Run`].
#[track_caller]
pub fn finish(child: std::process::Child) -> Run {
    Run::from(child.wait_with_output().expect("wait for simcancel"))
}
