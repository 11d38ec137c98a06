//! Evaluating scenario conditions against the drill's state.

use super::Drill;
use super::event::Health;
use crate::scenario::Condition;

impl Drill {
    /// Whether a scenario condition holds now.
    pub(crate) fn holds(&self, condition: &Condition) -> bool {
        match *condition {
            Condition::Revealed(f) => self.faults[f].revealed,
            Condition::Active(f) => self.faults[f].is_active(),
            Condition::Mitigated(f) => self.faults[f].is_mitigated(),
            Condition::Resolved(f) => self.faults[f].is_resolved(),
            Condition::Done(a) => self.done[a],
            Condition::NotDone(a) => !self.done[a],
            Condition::Healthy(c) => self.platform.health[c] == Health::Healthy,
        }
    }

    /// A condition in words, for refusals and hints.
    pub(crate) fn describe(&self, condition: &Condition) -> String {
        let s = &self.scenario;
        let problem = |f: usize| &s.components[s.faults[f].component].name;
        match *condition {
            Condition::Revealed(f) => format!(
                "the cause of the {} problem identified (run a diagnostic first)",
                problem(f)
            ),
            Condition::Active(f) => format!("the {} problem still present", problem(f)),
            Condition::Mitigated(f) => format!("the {} problem mitigated", problem(f)),
            Condition::Resolved(f) => format!("the {} problem resolved", problem(f)),
            Condition::Done(a) => format!("`{}` done first", s.actions[a].id),
            Condition::NotDone(a) => format!("`{}` not done", s.actions[a].id),
            Condition::Healthy(c) => format!("{} healthy", s.components[c].name),
        }
    }
}
