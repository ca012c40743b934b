//! What Ctrl-C, a closed terminal (SIGHUP) or SIGTERM do to a running `guide` or `resume`.
//!
//! The session is saved before every prompt, so there is nothing to save: the process
//! shows the cursor again, says once, on a line of its own, how to resume, removes its lock
//! file, and then ends by the same signal with its default action, so that a calling shell
//! or script sees that it was interrupted (a shell reports Ctrl-C as status 130). Without
//! Unix signals (Windows), it exits with code 130 instead.
//!
//! Two paths lead here at once for one Ctrl-C in a terminal prompt: the prompt reads the
//! key (or its wait is interrupted) and the engine stops with
//! [`crate::engine::Outcome::Interrupted`], and the console crate raises SIGINT, which the
//! listener thread receives. The prompt's path gives the listener a moment to take over
//! ([`interrupted_at_prompt`]), so the signal that came is the one the process ends by;
//! whichever path ends the process, the other waits for it, so the line is printed once.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Result;

/// The interrupt signal's number (Ctrl-C).
#[cfg(unix)]
pub const SIGINT: i32 = signal_hook::consts::SIGINT;
/// The interrupt signal's number (Ctrl-C).
#[cfg(not(unix))]
pub const SIGINT: i32 = 2;

/// What to say and remove on the way out, set once the session is on disk and locked.
struct Walk {
    hint: String,
    lock: PathBuf,
}

static WALK: Mutex<Option<Walk>> = Mutex::new(None);

/// Set by the first path that ends the process.
static ENDING: AtomicBool = AtomicBool::new(false);

/// Whether the terminal front end is drawing (its cursor may be hidden).
static INTERACTIVE: AtomicBool = AtomicBool::new(false);

/// Starts listening for SIGINT, SIGTERM and SIGHUP.
#[cfg(unix)]
pub fn install(plain: bool) -> Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    INTERACTIVE.store(!plain, Ordering::SeqCst);
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
        .map_err(|e| anyhow::anyhow!("cannot listen for Ctrl-C: {e}"))?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                end(signal);
            }
        })
        .map_err(|e| anyhow::anyhow!("cannot listen for Ctrl-C: {e}"))?;
    Ok(())
}

/// Starts listening for Ctrl-C and the console being closed.
#[cfg(not(unix))]
pub fn install(plain: bool) -> Result<()> {
    INTERACTIVE.store(!plain, Ordering::SeqCst);
    ctrlc::set_handler(|| end(SIGINT)).map_err(|e| anyhow::anyhow!("cannot listen for Ctrl-C: {e}"))
}

/// From now on a signal says `hint` and removes the lock file `lock`: the session is saved
/// and this process holds its lock.
pub fn walking(hint: String, lock: PathBuf) {
    if let Ok(mut walk) = WALK.lock() {
        *walk = Some(Walk { hint, lock });
    }
}

/// The walk is over: a signal from now on ends the process without a word.
pub fn walked() {
    if let Ok(mut walk) = WALK.lock() {
        *walk = None;
    }
}

/// How long a prompt that was interrupted waits for the signal behind it to arrive.
const SIGNAL_GRACE: Duration = Duration::from_millis(300);

/// A prompt stopped because of Ctrl-C: the process ends by the signal that came, or by
/// SIGINT if none comes. Never returns.
pub fn interrupted_at_prompt() -> ! {
    let deadline = std::time::Instant::now() + SIGNAL_GRACE;
    while std::time::Instant::now() < deadline {
        if ENDING.load(Ordering::SeqCst) {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    end(SIGINT)
}

/// Ends the process as `signal` would, after the cursor, the resume line and the lock file
/// (see the module's documentation). Never returns.
pub fn end(signal: i32) -> ! {
    if ENDING.swap(true, Ordering::SeqCst) {
        // The other path is ending the process already.
        loop {
            std::thread::park();
        }
    }
    if INTERACTIVE.load(Ordering::SeqCst) {
        // Best effort: the terminal may already be gone.
        crate::engine::raw::restore();
        let _ = console::Term::stdout().show_cursor();
    }
    let walk = WALK.lock().ok().and_then(|mut w| w.take());
    if let Some(walk) = walk {
        // The prompt line may hold a half-typed answer: the line starts on a line of its own.
        super::note(&format!("\n{}", walk.hint));
        // This process holds the lock, so the path is still its file. (Windows keeps its
        // lock files: see `session::SessionLock`.)
        if cfg!(unix) {
            let _ = std::fs::remove_file(&walk.lock);
        }
    }
    #[cfg(unix)]
    {
        // Resets the default action, unblocks the signal and raises it: the process ends
        // here, killed by `signal`.
        let _ = signal_hook::low_level::emulate_default_handler(signal);
    }
    let code = if signal == SIGINT {
        i32::from(crate::exit::INTERRUPTED)
    } else {
        128 + signal
    };
    std::process::exit(code)
}
