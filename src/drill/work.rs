//! Actions in flight and how long they take whoever runs them.

use crate::comms::MessageId;
use crate::scenario::{Action, ActionIdx, Trait};
use crate::time::Tick;

use super::people::Participant;

/// An action someone is running.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Work {
    pub by: String,
    pub action: ActionIdx,
    pub started: Tick,
    pub ends_at: Tick,
    pub order: Option<MessageId>,
}

/// How long `who` takes to run `action`: skill and traits stretch the nominal duration.
pub fn duration_for(action: &Action, who: &Participant) -> Tick {
    let mut factor = 1.0;
    if let Some(skill) = action.skill
        && !who.human
        && !who.skills.contains(&skill)
    {
        factor *= 1.5;
    }
    if who.has(Trait::Slow) {
        factor *= 1.6;
    }
    if who.has(Trait::NewHire) {
        factor *= 1.3;
    }
    ((f64::from(action.duration) * factor).round() as Tick).max(1)
}
