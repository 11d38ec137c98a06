//! Who was scored: a team, one trainee in one seat, or nobody human.

use serde::{Deserialize, Serialize};

use super::facts::{Facts, Person};
use crate::scenario::Seat;

/// Who was scored: the whole team, one trainee in one seat, or nobody human.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Mode {
    /// One human in one seat; simulated people in the others.
    Solo { who: String, seat: Seat },
    /// Several humans.
    Team { humans: Vec<String> },
    /// Simulated people in every seat.
    Simulated,
}

impl Mode {
    /// The mode a log shows: who joined as a human.
    pub fn of(facts: &Facts) -> Mode {
        let humans: Vec<&Person> = facts.people.iter().filter(|p| p.human).collect();
        match humans.as_slice() {
            [] => Mode::Simulated,
            [one] => Mode::Solo {
                who: one.id.clone(),
                seat: one.seat.unwrap_or(Seat::Responder),
            },
            many => Mode::Team {
                humans: many.iter().map(|p| p.id.clone()).collect(),
            },
        }
    }

    /// "solo practice as IC", "team drill (4 people)".
    pub fn describe(&self) -> String {
        match self {
            Mode::Solo { seat, .. } => format!("solo practice as {seat:?}"),
            Mode::Team { humans } => format!("team drill ({} people)", humans.len()),
            Mode::Simulated => "simulated team (no humans)".into(),
        }
    }
}
