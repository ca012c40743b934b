//! The terminal held in raw mode for the whole of a prompt, not only while a key is read.
//!
//! The console crate switches the terminal to raw mode to read one key and back to its
//! line mode after it. A key that arrives in between — while the prompt redraws, as when a
//! key is held down — is taken by the terminal's own line editing: a Backspace there erases
//! nothing the program can see and is lost, and a letter is echoed over the drawing. With
//! the terminal raw from the prompt's start to its end, every key waits for the next read.
//! Output keeps its settings (`\n` still starts a line at its left edge), and Ctrl-C still
//! reaches the prompt as a key, as it does while console reads one.
//!
//! A signal that ends the process while a prompt holds raw mode gives the terminal back
//! through [`restore`].

/// The terminal in raw mode until dropped; nothing where standard input is no terminal or
/// the system has no such modes (Windows reads keys without them).
pub struct RawMode {
    #[cfg(unix)]
    saved: Option<libc::termios>,
}

#[cfg(unix)]
mod unix {
    use std::sync::Mutex;

    /// The line mode to give back, while a prompt holds raw mode.
    pub static SAVED: Mutex<Option<libc::termios>> = Mutex::new(None);

    /// The terminal is standard input: the terminal front end is only used when it is one.
    pub const FD: libc::c_int = libc::STDIN_FILENO;

    /// Sets the terminal's modes, waiting for written output to be sent first.
    pub fn set(t: &libc::termios) {
        // SAFETY: `t` is a valid termios read from this descriptor by `tcgetattr`.
        unsafe {
            libc::tcsetattr(FD, libc::TCSADRAIN, t);
        }
    }
}

impl RawMode {
    /// Switches the terminal to raw mode, keeping its output settings.
    #[cfg(unix)]
    pub fn enter() -> RawMode {
        // SAFETY: `isatty` and `tcgetattr` only read the descriptor's state; `termios` is
        // written whole by a successful `tcgetattr` before it is read.
        let saved = unsafe {
            if libc::isatty(unix::FD) != 1 {
                None
            } else {
                let mut t = std::mem::MaybeUninit::<libc::termios>::uninit();
                (libc::tcgetattr(unix::FD, t.as_mut_ptr()) == 0).then(|| t.assume_init())
            }
        };
        if let Some(line) = saved {
            let mut raw = line;
            // SAFETY: `cfmakeraw` changes the flags of a valid termios in place.
            unsafe { libc::cfmakeraw(&mut raw) };
            raw.c_oflag = line.c_oflag;
            if let Ok(mut s) = unix::SAVED.lock() {
                *s = Some(line);
            }
            unix::set(&raw);
        }
        RawMode { saved }
    }

    /// Nothing to do without Unix terminal modes.
    #[cfg(not(unix))]
    pub fn enter() -> RawMode {
        RawMode {}
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(line) = &self.saved {
            unix::set(line);
            if let Ok(mut s) = unix::SAVED.lock() {
                *s = None;
            }
        }
    }
}

/// Gives the terminal its line mode back if a prompt holds raw mode: for a process that
/// ends by a signal in the middle of a prompt.
pub fn restore() {
    #[cfg(unix)]
    if let Some(line) = unix::SAVED.lock().ok().and_then(|s| *s) {
        unix::set(&line);
    }
}
