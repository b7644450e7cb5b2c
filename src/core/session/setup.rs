//! The settings of a mock interview, remembered between runs (every field has a default, so an
//! old or partial settings file still loads).

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::core::deck::Kind;
use crate::core::ids::{CategoryId, DeckId};

/// Which questions a mock interview asks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Focus {
    /// Every category, mixed.
    #[default]
    Mixed,
    /// Mostly the categories the candidate is weakest in.
    Weakest,
    /// One category (by id, in any selected deck).
    Category(CategoryId),
    /// One kind of question.
    Kind(Kind),
}

/// How the candidate answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswerMode {
    /// Typed into the app: analysed and matched against the key points.
    #[default]
    Typed,
    /// Said aloud; `Submit` means "done". The candidate ticks the checklist in the debrief.
    Spoken,
}

/// What happens when the answer clock reaches zero.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Timing {
    /// The answer is submitted and the interview moves on.
    #[default]
    Strict,
    /// The clock goes negative and the overtime is counted.
    Soft,
}

/// The settings of one mock interview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MockSetup {
    /// How many questions (at least one is asked when the decks have cards).
    pub questions: usize,
    pub focus: Focus,
    /// Reading time before the answer clock starts; 0 starts it at once.
    pub prep_seconds: u32,
    /// Whether a card's first follow-up question is asked after the answer.
    pub follow_ups: bool,
    /// The follow-up's answer time.
    pub follow_up_seconds: u32,
    pub mode: AnswerMode,
    pub timing: Timing,
    /// Seed for question selection: the same seed and decks give the same questions. Keep it
    /// under 2^63: TOML integers are signed 64-bit.
    pub seed: Option<u64>,
    /// Decks to draw from; empty means every loaded deck.
    pub decks: Vec<DeckId>,
    /// Answer time for every question, overriding the cards' and decks' own; `None` keeps them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer_seconds: Option<u32>,
}

/// The most questions one interview asks.
pub const MAX_QUESTIONS: usize = 100;
/// The longest reading time, in seconds.
pub const MAX_PREP_SECONDS: u32 = 600;
/// The shortest and longest answer time (and follow-up answer time), in seconds.
pub const MIN_ANSWER_SECONDS: u32 = 10;
pub const MAX_ANSWER_SECONDS: u32 = 3600;

impl MockSetup {
    /// The reading time ([`MockSetup::prep_seconds`]).
    pub fn prep_time(&self) -> Duration {
        Duration::from_secs(u64::from(self.prep_seconds))
    }

    /// The follow-up's answer time ([`MockSetup::follow_up_seconds`]).
    pub fn follow_up_time(&self) -> Duration {
        Duration::from_secs(u64::from(self.follow_up_seconds))
    }

    /// The answer time for every question, when the setup overrides the decks'.
    pub fn answer_time(&self) -> Option<Duration> {
        self.answer_seconds
            .map(|s| Duration::from_secs(u64::from(s)))
    }

    /// The first setting outside the range the command-line flags and the setup screen allow:
    /// `(key, message)`, for a setup read from a file.
    pub fn out_of_range(&self) -> Option<(&'static str, String)> {
        let answer = MIN_ANSWER_SECONDS..=MAX_ANSWER_SECONDS;
        if !(1..=MAX_QUESTIONS).contains(&self.questions) {
            return Some((
                "questions",
                format!("{} is out of range (1 to {MAX_QUESTIONS})", self.questions),
            ));
        }
        if self.prep_seconds > MAX_PREP_SECONDS {
            return Some((
                "prep_seconds",
                format!(
                    "{} is out of range (0 to {MAX_PREP_SECONDS})",
                    self.prep_seconds
                ),
            ));
        }
        if !answer.contains(&self.follow_up_seconds) {
            return Some((
                "follow_up_seconds",
                format!(
                    "{} is out of range ({MIN_ANSWER_SECONDS} to {MAX_ANSWER_SECONDS})",
                    self.follow_up_seconds
                ),
            ));
        }
        if let Some(n) = self.answer_seconds.filter(|n| !answer.contains(n)) {
            return Some((
                "answer_seconds",
                format!("{n} is out of range ({MIN_ANSWER_SECONDS} to {MAX_ANSWER_SECONDS})"),
            ));
        }
        if let Some(n) = self.seed.filter(|&n| i64::try_from(n).is_err()) {
            return Some(("seed", format!("{n} is out of range (0 to {})", i64::MAX)));
        }
        None
    }
}

impl Default for MockSetup {
    fn default() -> Self {
        Self {
            questions: 5,
            focus: Focus::Mixed,
            prep_seconds: 20,
            follow_ups: true,
            follow_up_seconds: 60,
            mode: AnswerMode::Typed,
            timing: Timing::Strict,
            seed: None,
            decks: Vec::new(),
            answer_seconds: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_settings_take_defaults() {
        let s: MockSetup =
            serde_json::from_str(r#"{"questions":3,"focus":{"kind":"behavioral"}}"#).unwrap();
        assert_eq!(s.questions, 3);
        assert_eq!(s.focus, Focus::Kind(Kind::Behavioral));
        assert_eq!(s.prep_seconds, 20);
        assert!(s.follow_ups);
    }

    #[test]
    fn round_trips_through_toml_and_json() {
        let s = MockSetup {
            focus: Focus::Category(CategoryId::new("budget")),
            seed: Some(7),
            decks: vec![DeckId::new("it-manager")],
            timing: Timing::Soft,
            mode: AnswerMode::Spoken,
            answer_seconds: Some(45),
            ..MockSetup::default()
        };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<MockSetup>(&json).unwrap(), s);
        let toml_text = toml::to_string(&s).unwrap();
        assert_eq!(toml::from_str::<MockSetup>(&toml_text).unwrap(), s);
        assert_eq!(
            toml::from_str::<MockSetup>("").unwrap(),
            MockSetup::default()
        );
    }
}
