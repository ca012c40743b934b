//! The current time, read in one place so tests can set it.

use chrono::{DateTime, FixedOffset, Local};

/// Hidden variable that fixes "now" (RFC 3339, e.g. `2026-12-01T09:00:00+01:00`), for tests
/// of waits that become overdue. Not documented for users.
pub const NOW_VAR: &str = "SIMCANCEL_NOW";

/// Now, in the local time zone, unless `SIMCANCEL_NOW` sets it.
pub fn now() -> anyhow::Result<DateTime<FixedOffset>> {
    match std::env::var(NOW_VAR) {
        Ok(v) if !v.is_empty() => DateTime::parse_from_rfc3339(&v).map_err(|e| {
            anyhow::anyhow!("{NOW_VAR}={v} is not an RFC 3339 time ({e}); unset it or fix it")
        }),
        _ => Ok(Local::now().fixed_offset()),
    }
}
