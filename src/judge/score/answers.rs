//! The team's answers to the after-action questions.

use serde::{Deserialize, Serialize};

/// The answers to the after-action questions, filled in after the drill.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Answers {
    pub went_well: String,
    pub went_badly: String,
    pub improve: String,
    pub liked: String,
    pub disliked: String,
    /// Deeper questions.
    pub called_for_help: String,
    pub distrusted_data: String,
    /// An instructor's or observer's notes, shown beside the score, never blended.
    pub observer_notes: String,
}

impl Answers {
    /// The five after-action questions with their answers.
    pub fn five(&self) -> [(&'static str, &str); 5] {
        [
            ("What went well?", &self.went_well),
            ("What went badly?", &self.went_badly),
            ("What needs improving?", &self.improve),
            ("What did we like?", &self.liked),
            ("What did we not like?", &self.disliked),
        ]
    }

    /// The deeper questions with their answers.
    pub fn deeper(&self) -> [(&'static str, &str); 2] {
        [
            (
                "When did you call for help, and was it early enough?",
                &self.called_for_help,
            ),
            (
                "What data did you distrust, and why?",
                &self.distrusted_data,
            ),
        ]
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        *self == Answers::default()
    }
}
