//! Expected waits, written `48h`, `5d` or `2w`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::visible::excerpt;

/// An expected wait, written `48h`, `5d` or `2w`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WaitDuration {
    /// The length in hours.
    pub hours: u32,
}

impl WaitDuration {
    /// The length as a chrono duration.
    pub fn as_chrono(self) -> chrono::TimeDelta {
        chrono::TimeDelta::hours(i64::from(self.hours))
    }
}

/// Why a `wait` does not parse. Like TOML's and the regex parser's own messages, these read
/// in English in every interface language. The value they quote is an [`excerpt`] of what
/// was written, safe to print.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    /// Only digits.
    #[error("`{0}` has no unit: write it like 48h, 5d or 2w")]
    NoUnit(String),
    /// No digits before the unit.
    #[error("`{0}` does not start with a number: write it like 48h, 5d or 2w")]
    NotANumber(String),
    /// A unit other than `h`, `d` or `w`.
    #[error("`{value}` has an unknown unit `{unit}`: use h, d or w")]
    UnknownUnit {
        /// What was written.
        value: String,
        /// The unit found.
        unit: String,
    },
    /// `0h`, `0d`, `0w`.
    #[error("`{0}` is zero: a wait must last at least 1h")]
    Zero(String),
    /// More than 366 days.
    #[error("`{0}` is longer than a year")]
    TooLong(String),
}

impl std::str::FromStr for WaitDuration {
    type Err = DurationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let unit_at = s
            .find(|c: char| !c.is_ascii_digit())
            .ok_or_else(|| DurationError::NoUnit(excerpt(s)))?;
        let (num, unit) = s.split_at(unit_at);
        let n: u32 = num
            .parse()
            .map_err(|_| DurationError::NotANumber(excerpt(s)))?;
        let per = match unit {
            "h" => 1,
            "d" => 24,
            "w" => 24 * 7,
            _ => {
                return Err(DurationError::UnknownUnit {
                    value: excerpt(s),
                    unit: excerpt(unit),
                });
            }
        };
        if n == 0 {
            return Err(DurationError::Zero(excerpt(s)));
        }
        n.checked_mul(per)
            .filter(|h| *h <= 24 * 366)
            .map(|hours| WaitDuration { hours })
            .ok_or_else(|| DurationError::TooLong(excerpt(s)))
    }
}

impl TryFrom<String> for WaitDuration {
    type Error = DurationError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<WaitDuration> for String {
    fn from(d: WaitDuration) -> String {
        d.to_string()
    }
}

impl fmt::Display for WaitDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.hours.is_multiple_of(24 * 7) {
            write!(f, "{}w", self.hours / (24 * 7))
        } else if self.hours.is_multiple_of(24) {
            write!(f, "{}d", self.hours / 24)
        } else {
            write!(f, "{}h", self.hours)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_and_print() {
        assert_eq!("48h".parse::<WaitDuration>().unwrap().hours, 48);
        assert_eq!("5d".parse::<WaitDuration>().unwrap().hours, 120);
        assert_eq!("2w".parse::<WaitDuration>().unwrap().to_string(), "2w");
        assert_eq!("48h".parse::<WaitDuration>().unwrap().to_string(), "2d");
        for bad in ["", "5", "d", "5m", "0d", "99999w", "-1d", "1.5d"] {
            assert!(bad.parse::<WaitDuration>().is_err(), "{bad} parsed");
        }
    }
}
