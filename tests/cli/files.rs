//! Files someone else may have put in simcancel's folders (issue 10, items 2, 3, 4, 6, 7
//! and 10): pipes named like sessions, locks that are links or pipes, two processes
//! starting at once, temporary files a crash left, folders others can write to, copies and
//! bytes that are not text, and the cache's names.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::guide::{guide, mini_env, resume};
use crate::harness::{Env, finish};

/// Longer than any of these commands takes; a command still running then is hung.
const HANG: Duration = Duration::from_secs(20);

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(status.success());
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

/// The names in the sessions folder, sorted.
fn sessions_folder(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(env.data_dir().join("sessions"))
        .expect("sessions folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `text` with the sandbox's path as `[ROOT]` and session `id` as `[SESSID]`, the other
/// names left as they are (`Env::scrub` would hide the planted files' names too).
fn scrub(env: &Env, id: &str, text: &str) -> String {
    text.replace(&env.root().display().to_string(), "[ROOT]")
        .replace(id, "[SESSID]")
}

/// A session paused at its first step, with its id.
fn one_session() -> (Env, String, String) {
    let (env, dir) = mini_env();
    guide(&env, &dir, &[], "2\n5\n").success();
    let id = env.only_session();
    (env, dir, id)
}

/// Starts `resume <id>` and waits until it holds the lock (its process id is in the lock
/// file); its stdin stays open, so it waits at its first prompt.
fn holding(env: &Env, dir: &str, id: &str) -> std::process::Child {
    let child = env.spawn(&["--checklists", dir, "resume", id]);
    let lock = env.data_dir().join("sessions").join(format!(".{id}.lock"));
    let pid = child.id().to_string();
    let deadline = Instant::now() + HANG;
    while std::fs::read_to_string(&lock).map_or(true, |s| s.trim() != pid) {
        assert!(Instant::now() < deadline, "it never took the lock");
        std::thread::sleep(Duration::from_millis(10));
    }
    child
}

#[test]
fn a_pipe_named_like_a_session_hangs_nothing_and_is_listed_as_unreadable() {
    let (env, dir, id) = one_session();
    let fifo = env.data_dir().join("sessions").join("0badf1f0.json");
    mkfifo(&fifo);
    let reason = format!(
        "{}: not a regular file (a link, pipe, socket or device); it was left untouched",
        fifo.display()
    );
    let run = env.run_within(&["sessions"], "", HANG).success();
    insta::assert_snapshot!("sessions_with_a_pipe", scrub(&env, &id, &run.stdout));
    env.run_within(&["--checklists", &dir, "resume"], "5\n", HANG)
        .success()
        .stderr_is(&format!("simcancel: unreadable: {reason}\n"))
        .stdout_has(&format!("saved — resume with: simcancel resume {id}"));
    for args in [
        vec!["export", "0badf1f0"],
        vec!["letter", "0badf1f0"],
        vec!["--checklists", &dir, "resume", "0badf1f0"],
    ] {
        env.run_within(&args, "", HANG)
            .code(1)
            .stderr_is(&format!("simcancel: {reason}\n"));
    }
    // The session's id is random: it may sort before the pipe's name.
    let mut expected = vec!["0badf1f0.json".to_string(), format!("{id}.json")];
    expected.sort();
    assert_eq!(
        sessions_folder(&env),
        expected,
        "no lock file is left, the pipe is untouched"
    );
}

#[test]
fn a_lock_file_that_is_a_link_or_a_pipe_is_refused_with_its_path() {
    let (env, dir, id) = one_session();
    let lock = env.data_dir().join("sessions").join(format!(".{id}.lock"));
    let outside = env.write("outside.txt", "keep me");
    std::os::unix::fs::symlink(&outside, &lock).expect("link");
    let refusal = format!(
        "simcancel: {} is not a regular file (a symbolic link, pipe or device?), so it cannot be the lock of session {id}; it was left as it is. Remove it, then try again\n",
        lock.display()
    );
    resume(&env, &dir, &[&id], "5\n")
        .code(1)
        .stderr_is(&refusal);
    assert_eq!(std::fs::read_to_string(&outside).expect("read"), "keep me");
    assert!(lock.symlink_metadata().expect("still there").is_symlink());
    // A link to a file that does not exist: nothing is created outside the folder.
    std::fs::remove_file(&lock).expect("remove");
    let elsewhere = env.root().join("created-by-the-lock");
    std::os::unix::fs::symlink(&elsewhere, &lock).expect("link");
    resume(&env, &dir, &[&id], "5\n")
        .code(1)
        .stderr_is(&refusal);
    assert!(!elsewhere.exists());
    std::fs::remove_file(&lock).expect("remove");
    mkfifo(&lock);
    env.run_within(&["--checklists", &dir, "resume", &id], "5\n", HANG)
        .code(1)
        .stderr_is(&refusal);
}

#[test]
fn a_refused_or_failed_resume_leaves_no_lock_file_but_the_holders_stays() {
    let (env, dir, id) = one_session();
    // Failed after taking the lock: the session is completed.
    let mut session = env.session_json(&id);
    session["status"] = "completed".into();
    std::fs::write(env.session_path(&id), session.to_string()).expect("write");
    resume(&env, &dir, &[&id], "")
        .code(1)
        .stderr_has("is completed");
    assert_eq!(sessions_folder(&env), [format!("{id}.json")]);
    // Refused because another process holds it: its lock file stays.
    session["status"] = "in-progress".into();
    std::fs::write(env.session_path(&id), session.to_string()).expect("write");
    let holder = holding(&env, &dir, &id);
    resume(&env, &dir, &[&id], "")
        .code(1)
        .stderr_has(&format!("is open in simcancel process {}", holder.id()));
    assert_eq!(
        sessions_folder(&env),
        [format!(".{id}.lock"), format!("{id}.json")]
    );
    // End of input at its prompt: it stops, saved.
    finish(holder).success();
    assert_eq!(sessions_folder(&env), [format!("{id}.json")]);
}

#[test]
fn of_two_starting_at_once_the_loser_names_the_holder_every_time() {
    let (env, dir, id) = one_session();
    for round in 0..20 {
        let mut a = env.spawn(&["--checklists", &dir, "resume", &id]);
        let mut b = env.spawn(&["--checklists", &dir, "resume", &id]);
        let deadline = Instant::now() + HANG;
        let (loser, winner) = loop {
            if a.try_wait().expect("wait").is_some() {
                break (a, b);
            }
            if b.try_wait().expect("wait").is_some() {
                break (b, a);
            }
            assert!(Instant::now() < deadline, "round {round}: neither ended");
            std::thread::sleep(Duration::from_millis(2));
        };
        let pid = winner.id();
        finish(loser).code(1).stderr_is(&format!(
            "simcancel: session {id} is open in simcancel process {pid}; finish or pause it there first (lock: {})\n",
            env.data_dir().join("sessions").join(format!(".{id}.lock")).display()
        ));
        let mut winner = winner;
        winner
            .stdin
            .take()
            .expect("stdin")
            .write_all(b"5\n")
            .expect("pause");
        finish(winner).success();
    }
}

#[test]
fn temporary_files_a_crash_left_go_when_their_session_is_opened_or_listed() {
    let (env, dir, id) = one_session();
    guide(&env, &dir, &[], "2\n5\n").success();
    let ids = env.session_ids();
    let other = ids.iter().find(|i| **i != id).expect("a second session");
    let sessions = env.data_dir().join("sessions");
    let stale = sessions.join(format!(".{id}.AbC123.tmp"));
    let orphan = sessions.join(".0badf1f0.QrS456.tmp");
    let busy = sessions.join(format!(".{other}.XyZ789.tmp"));
    let not_ours = sessions.join(format!(".{id}.notes.tmp"));
    for path in [&stale, &orphan, &not_ours] {
        std::fs::write(path, "{\"holder_name\": \"Jean Dupont\"}").expect("write");
    }
    resume(&env, &dir, &[&id], "5\n").success();
    assert!(!stale.exists(), "opening the session removes its leftovers");
    assert!(orphan.exists() && not_ours.exists());
    // Another session is being walked and written right now.
    let holder = holding(&env, &dir, other);
    std::fs::write(&busy, "{}").expect("being written");
    env.run(&["sessions"]).success();
    assert!(!orphan.exists(), "sessions removes what no process writes");
    assert!(
        busy.exists(),
        "a session being written keeps its temporary file"
    );
    assert!(
        not_ours.exists(),
        "a file of another shape is not a temporary file"
    );
    // End of input at its prompt: it stops, saved.
    finish(holder).success();
}

#[test]
fn folders_are_private_under_umask_000_and_a_shared_data_folder_is_refused() {
    let (env, dir) = mini_env();
    let run_with_umask_000 = |args: &[&str], stdin: &[u8]| {
        let mut cmd = env.std_command(args);
        // SAFETY: umask is async-signal-safe and touches only the child's own state.
        unsafe {
            cmd.pre_exec(|| {
                libc::umask(0);
                Ok(())
            });
        }
        let mut child = cmd
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin)
            .expect("write");
        finish(child)
    };
    run_with_umask_000(&["--checklists", &dir, "list"], b"").success();
    assert_eq!(mode(&env.root().join(".cache/simcancel")), 0o700);
    run_with_umask_000(&["--checklists", &dir, "guide", "mini"], b"2\n5\n").success();
    assert_eq!(mode(&env.data_dir()), 0o700);
    assert_eq!(mode(&env.data_dir().join("sessions")), 0o700);
    assert_eq!(mode(&env.session_path(&env.only_session())), 0o600);

    let shared = Env::new();
    std::fs::create_dir(shared.data_dir()).expect("mkdir");
    std::fs::set_permissions(shared.data_dir(), std::fs::Permissions::from_mode(0o777))
        .expect("chmod");
    let dir = shared.checklist("mini.toml", crate::guide::MINI);
    let run = guide(&shared, &dir, &[], "2\n5\n").code(1).stderr_any();
    insta::assert_snapshot!("shared_data_folder", shared.scrub(&run.stderr));
    assert_eq!(mode(&shared.data_dir()), 0o777, "its mode is not changed");
    assert!(
        std::fs::read_dir(shared.data_dir())
            .expect("list")
            .next()
            .is_none(),
        "nothing was written there"
    );
}

#[test]
fn a_copy_and_a_file_that_is_not_text_are_unreadable_everywhere_with_their_reason() {
    let (env, dir, id) = one_session();
    let original = std::fs::read(env.session_path(&id)).expect("read");
    env.write("data/sessions/backup1.json", &original);
    // Another session whose step text holds a Latin-1 byte, in a part the list skips.
    let mut bytes = String::from_utf8(original)
        .expect("UTF-8")
        .replace(&id, "0c0ffee0")
        .into_bytes();
    let at = bytes
        .windows(4)
        .position(|w| w == b"Call")
        .expect("a step body");
    bytes.insert(at, 0xe9);
    env.write("data/sessions/0c0ffee0.json", &bytes);
    let run = env.run(&["sessions", "--all"]).success();
    insta::assert_snapshot!("copy_and_not_text", scrub(&env, &id, &run.stdout));
    for name in ["backup1", "0c0ffee0"] {
        let path = env.data_dir().join("sessions").join(format!("{name}.json"));
        let listed = run
            .stdout
            .lines()
            .find(|l| l.contains(&path.display().to_string()))
            .expect("listed")
            .trim_start_matches("unreadable: ")
            .to_string();
        for args in [
            vec!["export", name],
            vec!["letter", name],
            vec!["--checklists", &dir, "resume", name],
        ] {
            env.run(&args)
                .code(1)
                .stderr_is(&format!("simcancel: {listed}\n"));
        }
    }
}

#[test]
fn the_list_cache_is_named_by_sha256() {
    let env = Env::new();
    let dir = env.checklist("mini.toml", crate::guide::MINI);
    env.run(&["--checklists", &dir, "list"]).success();
    let folder = std::fs::canonicalize(&dir).expect("canonical");
    let hash = simcancel::checklist::hash_bytes(folder.to_string_lossy().as_bytes());
    let names: Vec<_> = std::fs::read_dir(env.cache_dir())
        .expect("a cache folder")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, [format!("catalog-v1-{}.json", &hash[..16]).as_str()]);
}
