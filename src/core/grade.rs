//! The four self-grades of a review, as FSRS and Anki name them.

use serde::{Deserialize, Serialize};

/// How well the candidate recalled a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// The label shown to users ("Again", "Hard", ...).
    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }

    /// The number key for this grade (1-4).
    pub fn number(self) -> u8 {
        self as u8
    }

    /// Parses `1`-`4` or a grade name (any case).
    pub fn parse(s: &str) -> Option<Grade> {
        match s.trim().to_ascii_lowercase().as_str() {
            "1" | "again" | "a" => Some(Grade::Again),
            "2" | "hard" | "h" => Some(Grade::Hard),
            "3" | "good" | "g" => Some(Grade::Good),
            "4" | "easy" | "e" => Some(Grade::Easy),
            _ => None,
        }
    }
}

impl std::fmt::Display for Grade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_numbers_and_names() {
        assert_eq!(Grade::parse("1"), Some(Grade::Again));
        assert_eq!(Grade::parse(" Good "), Some(Grade::Good));
        assert_eq!(Grade::parse("EASY"), Some(Grade::Easy));
        assert_eq!(Grade::parse("5"), None);
        assert_eq!(Grade::parse(""), None);
    }

    #[test]
    fn numbers_are_ordered() {
        let n: Vec<u8> = Grade::ALL.iter().map(|g| g.number()).collect();
        assert_eq!(n, vec![1, 2, 3, 4]);
    }
}
