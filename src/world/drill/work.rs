//! Actions in flight and how long they take whoever runs them.

use crate::base::time::Tick;
use crate::scenario::{Action, ActionIdx, Trait};
use crate::world::comms::MessageId;

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
    if let Some(skill) = &action.skill
        && !who.human
        && !who.skills.contains(skill)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Seat, Skill};

    #[test]
    fn skills_and_traits_set_the_pace() {
        let action = crate::testing::tiny().actions[0].clone();
        let mut action = action;
        action.skill = Some(Skill::named("database"));
        let mut who = Participant {
            id: "raj".into(),
            name: "Raj".into(),
            human: false,
            seat: Some(Seat::Responder),
            skills: vec![Skill::named("database")],
            traits: vec![],
            joins_at: 0,
            present: true,
        };
        assert_eq!(duration_for(&action, &who), 60);
        who.skills.clear();
        assert_eq!(
            duration_for(&action, &who),
            90,
            "outside one's skills: x1.5"
        );
        who.traits.push(Trait::Slow);
        assert_eq!(duration_for(&action, &who), 144, "slow: x1.6");
        who.human = true;
        who.traits.clear();
        assert_eq!(
            duration_for(&action, &who),
            60,
            "a human's pace is their own"
        );
    }
}
