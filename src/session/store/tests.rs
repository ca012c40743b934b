//! The store against a folder someone else may have filled: pipes, links, copies, bytes
//! that are not text, lock files that are links, crashes' temporary files, two processes.

use std::fs;
#[cfg(unix)]
use std::path::Path;
#[cfg(unix)]
use std::time::Duration;

use super::*;
use crate::fixtures::walk::{fixture_ref, t};

const NOW: &str = "2026-12-01T09:00:00+01:00";

fn session(id: &str) -> Session {
    Session::start(id.into(), "en", fixture_ref(), t(NOW))
}

/// A store in a fresh temporary folder, with one saved session `0011aabb`.
fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(&dir.path().join("data"));
    store.save(&session("0011aabb")).expect("save");
    (dir, store)
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(status.success());
}

#[cfg(unix)]
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().into_string().expect("utf-8"))
        .collect();
    names.sort();
    names
}

#[test]
fn pipes_links_copies_and_bytes_that_are_not_text_are_unreadable_with_their_reason() {
    let (_dir, store) = store();
    let good = fs::read(store.path("0011aabb")).expect("read");
    #[cfg(unix)]
    {
        mkfifo(&store.path("fifo0001"));
        std::os::unix::fs::symlink(store.path("0011aabb"), store.path("link0001")).expect("link");
    }
    fs::write(store.path("copy0001"), &good).expect("copy");
    let mut latin1 = good.clone();
    let at = latin1.iter().rposition(|&b| b == b'"').expect("a quote");
    latin1.insert(at, 0xe9);
    fs::write(store.path("0022ccdd"), &latin1).expect("latin-1");
    let listing = store.list_summaries().expect("list");
    let ids: Vec<&str> = listing
        .sessions
        .iter()
        .map(|(_, s)| s.id.as_str())
        .collect();
    assert_eq!(ids, ["0011aabb"]);
    let problems: Vec<(String, FileProblem)> = listing
        .unreadable
        .iter()
        .map(|u| {
            let name = u.path.file_stem().and_then(|s| s.to_str()).expect("name");
            (name.to_string(), u.problem.clone())
        })
        .collect();
    let line = 1 + good[..at].iter().filter(|&&b| b == b'\n').count();
    let mut expected: Vec<(String, FileProblem)> = vec![
        ("0022ccdd".into(), FileProblem::NotUtf8 { line }),
        (
            "copy0001".into(),
            FileProblem::IdMismatch {
                inner: "0011aabb".into(),
                file: "copy0001".into(),
            },
        ),
    ];
    if cfg!(unix) {
        expected.push(("fifo0001".into(), FileProblem::NotRegular));
        expected.push(("link0001".into(), FileProblem::NotRegular));
    }
    assert_eq!(problems, expected);
    // Reading one by name (resume, export, letter) says the same.
    for (name, problem) in &problems {
        let err = Store::read(&store.path(name)).expect_err("unreadable");
        assert!(
            matches!(&err, Error::Unreadable { problem: p, .. } if p == problem),
            "{name}: {err:?}"
        );
    }
    assert_eq!(store.list().expect("list").unreadable.len(), expected.len());
}

// Links, pipes, a lock file read while held, modes: Unix (see `fsutil`).
#[cfg(unix)]
#[test]
fn a_lock_file_that_is_a_link_or_a_pipe_is_refused_and_left_as_it_is() {
    let (dir, store) = store();
    let outside = dir.path().join("outside.txt");
    fs::write(&outside, "keep me").expect("write");
    std::os::unix::fs::symlink(&outside, store.lock_path("0011aabb")).expect("link");
    let err = store.lock("0011aabb").expect_err("a link");
    assert!(
        matches!(&err, Error::LockNotRegular { lock, .. } if *lock == store.lock_path("0011aabb")),
        "{err:?}"
    );
    assert_eq!(fs::read_to_string(&outside).expect("read"), "keep me");
    assert!(fs::symlink_metadata(store.lock_path("0011aabb")).is_ok());
    let dangling = store.lock_path("0022ccdd");
    std::os::unix::fs::symlink(dir.path().join("created-outside"), &dangling).expect("link");
    store.lock("0022ccdd").expect_err("a dangling link");
    assert!(!dir.path().join("created-outside").exists());
    mkfifo(&store.lock_path("0033eeff"));
    let err = store.lock("0033eeff").expect_err("a pipe");
    assert!(err.to_string().contains(".0033eeff.lock"), "{err}");
}

// Links, pipes, a lock file read while held, modes: Unix (see `fsutil`).
#[cfg(unix)]
#[test]
fn the_lock_file_goes_away_with_its_lock_and_a_refusal_keeps_the_holders() {
    let (_dir, store) = store();
    let lock = store.lock("0011aabb").expect("lock");
    let path = store.lock_path("0011aabb");
    assert_eq!(
        fs::read_to_string(&path).expect("read").trim(),
        std::process::id().to_string()
    );
    // flock is per open file: a second open in this process is refused like another
    // process would be.
    let err = store.lock("0011aabb").expect_err("held");
    let pid = std::process::id().to_string();
    assert!(
        matches!(&err, Error::Locked { holder: Some(h), .. } if *h == pid),
        "{err:?}"
    );
    assert!(
        path.exists(),
        "the refused one leaves the holder's lock file"
    );
    drop(lock);
    assert!(!path.exists(), "the holder removes its lock file");
    drop(store.lock("0011aabb").expect("free again"));
}

// Links, pipes, a lock file read while held, modes: Unix (see `fsutil`).
#[cfg(unix)]
#[test]
fn a_holder_that_has_not_written_its_pid_yet_is_waited_for() {
    let (_dir, store) = store();
    let path = store.lock_path("0011aabb");
    // A holder between taking the lock and writing its process id.
    let holder = fsutil::open_lock_file(&path).expect("open");
    holder.try_lock().expect("lock");
    let writer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        let mut file = &holder;
        writeln!(file, "4242").expect("write pid");
        holder
    });
    let err = store.lock("0011aabb").expect_err("held");
    assert!(
        matches!(&err, Error::Locked { holder: Some(h), .. } if h == "4242"),
        "{err:?}"
    );
    drop(writer.join().expect("writer"));
}

#[test]
fn temporary_files_of_a_crash_go_when_their_session_is_next_opened() {
    let (_dir, store) = store();
    let stale = store.dir().join(".0011aabb.AbC123.tmp");
    let other = store.dir().join(".0022ccdd.XyZ789.tmp");
    let not_ours = store.dir().join(".0011aabb.notes.tmp");
    for p in [&stale, &other, &not_ours] {
        fs::write(p, "{\"name\": \"Jean Dupont\"}").expect("write");
    }
    let lock = store.lock("0011aabb").expect("lock");
    assert!(!stale.exists(), "removed on opening its session");
    assert!(other.exists(), "another session's is not touched");
    assert!(not_ours.exists(), "not the shape of a temporary file");
    drop(lock);
}

#[test]
fn listing_removes_temporary_files_except_those_of_a_session_being_written() {
    let (_dir, store) = store();
    store.save(&session("0022ccdd")).expect("save");
    let free = store.dir().join(".0011aabb.AbC123.tmp");
    let busy = store.dir().join(".0022ccdd.XyZ789.tmp");
    let orphan = store.dir().join(".0033eeff.QrS456.tmp");
    for p in [&free, &busy, &orphan] {
        fs::write(p, "{}").expect("write");
    }
    // A guide is saving 0022ccdd right now: it holds the lock.
    let running = store.lock("0022ccdd").expect("lock");
    fs::write(&busy, "{}").expect("being written");
    assert_eq!(store.remove_stale_temp_files(), 2);
    assert!(!free.exists() && !orphan.exists());
    assert!(busy.exists(), "a file being written is left alone");
    drop(running);
    #[cfg(unix)]
    assert_eq!(
        names(store.dir()),
        [".0022ccdd.XyZ789.tmp", "0011aabb.json", "0022ccdd.json"],
        "no lock file is left behind"
    );
}

// Links, pipes, a lock file read while held, modes: Unix (see `fsutil`).
#[cfg(unix)]
#[test]
fn a_data_folder_other_users_can_write_to_is_refused_not_changed() {
    use std::fs::Permissions;
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    fs::create_dir(&data).expect("mkdir");
    fs::set_permissions(&data, Permissions::from_mode(0o777)).expect("chmod");
    let store = Store::new(&data);
    let err = store.save(&session("0011aabb")).expect_err("shared");
    assert!(
        matches!(
            &err,
            Error::Write(fsutil::Error::Shared { mode: 0o777, .. })
        ),
        "{err:?}"
    );
    store.lock("0011aabb").expect_err("shared");
    assert_eq!(
        fs::metadata(&data).expect("meta").permissions().mode() & 0o777,
        0o777
    );
    assert!(names(&data).is_empty(), "nothing was written there");
}
