//! Writes the files the README's whole-process timings use:
//!
//! ```sh
//! cargo run --release --example bench-data -- catalog /tmp/cat1000 1000
//! cargo run --release --example bench-data -- sessions /tmp/data 200 40
//! ```
//!
//! `catalog DIR COUNT` writes COUNT realistic checklist files; `sessions DATA_DIR COUNT
//! EVENTS` saves COUNT sessions of the bundled `generic` checklist with EVENTS events each
//! (use it as `SIMCANCEL_DATA_DIR`) and prints their ids.

#[path = "../benches/common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize| args.get(i).and_then(|a| a.parse::<usize>().ok());
    match (args.first().map(String::as_str), args.get(1), number(2)) {
        (Some("catalog"), Some(dir), Some(count)) => {
            if let Err(e) = common::write_catalogue(&PathBuf::from(dir), count) {
                eprintln!("bench-data: {dir}: {e}");
                return ExitCode::FAILURE;
            }
        }
        (Some("sessions"), Some(dir), Some(count)) => {
            let events = number(3).unwrap_or(40);
            for id in common::write_sessions(&PathBuf::from(dir), count, events) {
                println!("{id}");
            }
        }
        _ => {
            eprintln!("usage: bench-data catalog DIR COUNT | sessions DATA_DIR COUNT [EVENTS]");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
