//! Evaluating scenario conditions against the drill's state.

use super::Drill;
use super::event::Health;
use crate::scenario::{Condition, Role};

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
            Condition::Defused(f) => self.faults[f].is_defused(),
            // Nothing owed: discharged, or never owed (the harm was prevented).
            Condition::Discharged(o) => !matches!(self.owing(o), super::harm::Owing::Owed { .. }),
        }
    }

    /// What still stands between the drill and its resolution, in words,
    /// each with the role whose duty it is: problems still hurting and exit
    /// conditions that do not hold (the OL's: production work).
    pub fn left_undone(&self) -> Vec<(Role, String)> {
        let s = &self.scenario;
        let hurting = self
            .faults
            .iter()
            .enumerate()
            .filter(|(_, f)| f.is_active())
            .map(|(i, _)| {
                format!(
                    "the {} problem still hurting",
                    s.components[s.faults[i].component].name
                )
            });
        let unmet = s
            .exit
            .resolved
            .iter()
            .filter(|c| !self.holds(c))
            .map(|c| match *c {
                Condition::Done(a) => (
                    Role::OL,
                    format!("`{}` ({}) never run", s.actions[a].id, s.actions[a].name),
                ),
                Condition::NotDone(a) => (
                    Role::OL,
                    format!(
                        "`{}` was run, and the exit needs it not to be",
                        s.actions[a].id
                    ),
                ),
                Condition::Discharged(o) => (
                    s.obligations[o].owner.role().unwrap_or(Role::IC),
                    self.describe(c),
                ),
                _ => (Role::OL, self.describe(c)),
            });
        let owed = self.owed().map(|o| {
            let ob = &s.obligations[o];
            let role = ob.owner.role().unwrap_or(Role::IC);
            let how = match ob.discharge {
                crate::scenario::Discharge::Action(a) => format!("`{}` never run", s.actions[a].id),
                crate::scenario::Discharge::Notice(p) => {
                    format!("no notice to {} in #liaison", s.parties[p].name)
                }
            };
            (role, format!("still owed: {} ({how})", ob.name))
        });
        hurting
            .map(|text| (Role::OL, text))
            .chain(unmet)
            .chain(owed)
            .collect()
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
            Condition::Defused(f) => format!("the {} hazard defused before it struck", problem(f)),
            Condition::Discharged(o) => {
                format!("{} done (or never owed)", s.obligations[o].name)
            }
        }
    }
}
