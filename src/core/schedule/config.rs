//! The user's settings as values: defaults, (de)serialization shape and validation.
//!
//! Pure: reading `config.toml` and locating errors in it is `store::config`'s job. The shape
//! here *is* the file format: a `Config` with one field per table, so later tables (`[mock]`,
//! ...) are new fields with `#[serde(default)]`.

use std::fmt;
use std::str::FromStr;

use chrono::Duration;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Everything `config.toml` can say. Missing tables and keys take their defaults.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub scheduler: SchedulerConfig,
}

/// The `[scheduler]` table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SchedulerConfig {
    /// Probability of recall FSRS aims for when a card comes due (0.70..=0.99).
    pub desired_retention: f64,
    /// Steps a new card goes through before its first day-based interval.
    pub learning_steps: Vec<Step>,
    /// Steps a forgotten review card goes through before it returns to review.
    pub relearning_steps: Vec<Step>,
    /// Longest interval in days.
    pub maximum_interval: u32,
    /// Spread intervals of 3 days and more a little so cards learned together drift apart.
    pub fuzz: bool,
    /// New cards introduced per day (all decks together).
    pub new_per_day: u32,
    /// Review cards shown per day (all decks together).
    pub reviews_per_day: u32,
    /// Hour (local time, 0..=23) at which a new study day begins.
    pub day_starts_at: u32,
    /// Order in which new cards are introduced.
    pub new_order: NewOrder,
    /// The 21 FSRS-6 weights. Absent: the published defaults, or the ones `prepdeck optimize`
    /// fitted to the user's history (kept in `parameters.toml`, see `store::parameters`).
    /// Replay uses them, so they are part of what the progress cache is checked against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Vec<f64>>,
}

/// The order in which new cards come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NewOrder {
    /// Round-robin over the categories of every deck, shuffled within each, the same all day.
    #[default]
    Interleaved,
    /// Deck by deck, each deck's cards in file order.
    File,
}

impl Default for SchedulerConfig {
    fn default() -> Self {
        Self {
            desired_retention: 0.9,
            learning_steps: vec![Step::minutes(1), Step::minutes(10)],
            relearning_steps: vec![Step::minutes(10)],
            maximum_interval: 36500,
            fuzz: true,
            new_per_day: 10,
            reviews_per_day: 200,
            day_starts_at: 4,
            new_order: NewOrder::Interleaved,
            parameters: None,
        }
    }
}

/// A setting whose value is out of range: the dotted key and what is allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigIssue {
    /// Dotted path of the key, e.g. `scheduler.desired_retention`.
    pub key: String,
    pub message: String,
}

impl fmt::Display for ConfigIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key, self.message)
    }
}

pub const RETENTION_RANGE: std::ops::RangeInclusive<f64> = 0.70..=0.99;
pub const MAX_INTERVAL_DAYS: u32 = 36500;
const MAX_PER_DAY: u32 = 100_000;
const MAX_STEPS: usize = 20;

impl Config {
    /// The first out-of-range value, if any (types and unknown keys are checked by serde).
    pub fn validate(&self) -> Result<(), ConfigIssue> {
        self.scheduler.validate()
    }

    /// Every out-of-range value.
    pub fn issues(&self) -> Vec<ConfigIssue> {
        self.scheduler.issues()
    }

    /// The keys each table may hold, for "did you mean" (from the defaults, so a new setting
    /// is known without being listed twice).
    pub fn known_keys() -> Vec<(&'static str, Vec<String>)> {
        let mut defaults = Config::default();
        defaults.scheduler.parameters = Some(Vec::new());
        let value = toml::Value::try_from(&defaults).ok();
        let keys = |table: &str| -> Vec<String> {
            value
                .as_ref()
                .and_then(|v| v.get(table))
                .and_then(|t| t.as_table())
                .map(|t| t.keys().cloned().collect())
                .unwrap_or_default()
        };
        vec![("scheduler", keys("scheduler"))]
    }

    /// The effective settings as TOML (for `prepdeck config`); parses back to `self`.
    pub fn to_toml_string(&self) -> String {
        // Serializing plain numbers, booleans and strings cannot fail; say so if it ever does.
        toml::to_string(self).unwrap_or_else(|e| format!("# cannot show the settings: {e}\n"))
    }
}

impl SchedulerConfig {
    /// The first out-of-range value, if any.
    pub fn validate(&self) -> Result<(), ConfigIssue> {
        self.issues().into_iter().next().map_or(Ok(()), Err)
    }

    /// Every out-of-range value, in the order of the fields.
    pub fn issues(&self) -> Vec<ConfigIssue> {
        let mut out = Vec::new();
        let mut issue = |key: &str, message: String| {
            out.push(ConfigIssue {
                key: format!("scheduler.{key}"),
                message,
            })
        };
        if !RETENTION_RANGE.contains(&self.desired_retention) {
            issue(
                "desired_retention",
                format!(
                    "must be between 0.70 and 0.99, not {}",
                    self.desired_retention
                ),
            );
        }
        for (key, steps) in [
            ("learning_steps", &self.learning_steps),
            ("relearning_steps", &self.relearning_steps),
        ] {
            if steps.len() > MAX_STEPS {
                issue(key, format!("at most {MAX_STEPS} steps are allowed"));
            }
        }
        if !(1..=MAX_INTERVAL_DAYS).contains(&self.maximum_interval) {
            issue(
                "maximum_interval",
                format!(
                    "must be between 1 and {MAX_INTERVAL_DAYS} days, not {}",
                    self.maximum_interval
                ),
            );
        }
        for (key, value) in [
            ("new_per_day", self.new_per_day),
            ("reviews_per_day", self.reviews_per_day),
        ] {
            if value > MAX_PER_DAY {
                issue(key, format!("must be at most {MAX_PER_DAY}, not {value}"));
            }
        }
        if self.day_starts_at > 23 {
            issue(
                "day_starts_at",
                format!(
                    "is an hour of the day (0 to 23), not {}",
                    self.day_starts_at
                ),
            );
        }
        if let Some(w) = &self.parameters
            && let Err(m) = super::fsrs_formulas::check_parameters(w)
        {
            issue("parameters", m);
        }
        out
    }
}

/// One learning or relearning step, written `"30s"`, `"10m"`, `"2h"` or `"1d"` in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Step(Duration);

/// The longest step accepted (a step is a same-day-ish delay, not an interval).
const MAX_STEP_DAYS: i64 = 365;

impl Step {
    pub fn minutes(m: i64) -> Self {
        Step(Duration::minutes(m))
    }

    pub fn duration(self) -> Duration {
        self.0
    }
}

impl FromStr for Step {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad =
            || format!("`{s}` is not a step: write a whole number and s, m, h or d (\"10m\")");
        let t = s.trim();
        let split = t.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
        let (num, unit) = t.split_at(split);
        let n: i64 = num.parse().map_err(|_| bad())?;
        let seconds = match unit {
            "s" => n,
            "m" => n.saturating_mul(60),
            "h" => n.saturating_mul(3600),
            "d" => n.saturating_mul(86400),
            _ => return Err(bad()),
        };
        if n == 0 {
            return Err(format!("`{s}`: a step must be longer than zero"));
        }
        if seconds > MAX_STEP_DAYS * 86400 {
            return Err(format!("`{s}`: a step can be at most {MAX_STEP_DAYS}d"));
        }
        Ok(Step(Duration::seconds(seconds)))
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0.num_seconds();
        match s {
            _ if s % 86400 == 0 => write!(f, "{}d", s / 86400),
            _ if s % 3600 == 0 => write!(f, "{}h", s / 3600),
            _ if s % 60 == 0 => write!(f, "{}m", s / 60),
            _ => write!(f, "{s}s"),
        }
    }
}

impl Serialize for Step {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Step {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_round_trip_through_toml() {
        let c = Config::default();
        assert_eq!(c.validate(), Ok(()));
        let text = c.to_toml_string();
        assert!(text.contains("[scheduler]"), "{text}");
        assert!(text.contains(r#"learning_steps = ["1m", "10m"]"#), "{text}");
        assert!(text.contains("day_starts_at = 4"), "{text}");
        let back: Config = toml::from_str(&text).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn missing_keys_take_defaults() {
        let c: Config = toml::from_str("[scheduler]\nnew_per_day = 3\n").unwrap();
        assert_eq!(c.scheduler.new_per_day, 3);
        assert_eq!(c.scheduler.reviews_per_day, 200);
        let empty: Config = toml::from_str("").unwrap();
        assert_eq!(empty, Config::default());
    }

    #[test]
    fn steps_parse_and_print() {
        for (text, secs) in [("30s", 30), ("10m", 600), ("2h", 7200), ("1d", 86400)] {
            let step: Step = text.parse().unwrap();
            assert_eq!(step.duration().num_seconds(), secs);
            assert_eq!(step.to_string(), text);
        }
        for bad in ["", "m", "10", "10x", "-1m", "0m", "1.5m", "400d"] {
            assert!(bad.parse::<Step>().is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn out_of_range_values_name_their_key() {
        let mut c = Config::default();
        c.scheduler.desired_retention = 0.5;
        assert_eq!(c.validate().unwrap_err().key, "scheduler.desired_retention");
        c.scheduler.desired_retention = f64::NAN;
        assert!(c.validate().is_err());
        let mut c = Config::default();
        c.scheduler.day_starts_at = 24;
        assert_eq!(c.validate().unwrap_err().key, "scheduler.day_starts_at");
        let mut c = Config::default();
        c.scheduler.maximum_interval = 0;
        assert_eq!(c.validate().unwrap_err().key, "scheduler.maximum_interval");
    }
}
