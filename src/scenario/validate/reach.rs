//! Can the drill be won? Every fault needs a fix, and every exit criterion
//! must be reachable through actions whose preconditions can themselves be met.

use std::collections::BTreeSet;

use crate::base::diagnostic::{Diagnostic, Source};
use crate::scenario::business::{Discharge, Obligation};
use crate::scenario::model::{Action, Condition, Effect, Exit, Fault};
use crate::scenario::raw::RawScenario;

/// Facts that some sequence of actions can make true.
#[derive(Default)]
struct Reachable {
    revealed: BTreeSet<usize>,
    mitigated: BTreeSet<usize>,
    resolved: BTreeSet<usize>,
    done: BTreeSet<usize>,
}

impl Reachable {
    fn holds(&self, condition: &Condition) -> bool {
        match condition {
            Condition::Revealed(f) => self.revealed.contains(f),
            Condition::Mitigated(f) => self.mitigated.contains(f) || self.resolved.contains(f),
            Condition::Resolved(f) | Condition::Defused(f) => self.resolved.contains(f),
            Condition::Done(a) => self.done.contains(a),
            // A fault can be active and a component healthy or an action not done:
            // these depend on timing, not on reachability.
            Condition::Active(_) | Condition::NotDone(_) | Condition::Healthy(_) => true,
            // Whether an obligation arises depends on the drill; if it does,
            // its action must be able to run (checked below).
            Condition::Discharged(_) => true,
        }
    }
}

pub(super) fn check(
    faults: &[Fault],
    actions: &[Action],
    exit: &Exit,
    obligations: &[Obligation],
    raw: &RawScenario,
    source: &Source,
    e: &mut Vec<Diagnostic>,
) {
    for (i, fault) in faults.iter().enumerate() {
        let fixable = actions.iter().any(|a| {
            a.effects
                .iter()
                .any(|fx| matches!(fx, Effect::Mitigate(f) | Effect::Resolve(f) | Effect::Defuse(f) if *f == i))
        });
        if !fixable {
            e.push(source.at(
                source.find_definition(&fault.id).unwrap_or(0),
                format!("no action can mitigate or resolve fault `{}`", fault.id),
                Some(format!(
                    "add a Remediation with effects: [Mitigate(\"{0}\")] or [Resolve(\"{0}\")]",
                    fault.id
                )),
            ));
        }
    }
    let mut reach = Reachable::default();
    loop {
        let before = (
            reach.revealed.len(),
            reach.mitigated.len(),
            reach.resolved.len(),
            reach.done.len(),
        );
        for (i, action) in actions.iter().enumerate() {
            if !action.requires.iter().all(|c| reach.holds(c)) {
                continue;
            }
            reach.done.insert(i);
            for effect in &action.effects {
                match *effect {
                    Effect::Reveal(f) => reach.revealed.insert(f),
                    Effect::Mitigate(f) => reach.mitigated.insert(f),
                    Effect::Resolve(f) | Effect::Defuse(f) => reach.resolved.insert(f),
                    Effect::Trigger(_) => false,
                };
            }
        }
        if before
            == (
                reach.revealed.len(),
                reach.mitigated.len(),
                reach.resolved.len(),
                reach.done.len(),
            )
        {
            break;
        }
    }
    for (i, action) in actions.iter().enumerate() {
        if !reach.done.contains(&i) {
            e.push(source.at(
                source.find_definition(&action.id).unwrap_or(0),
                format!(
                    "action `{}` can never run: its `requires` can never all hold",
                    action.id
                ),
                Some("check that some other action reveals or fixes what it requires".into()),
            ));
        }
    }
    for obligation in obligations {
        if let Discharge::Action(a) = obligation.discharge
            && !reach.done.contains(&a)
        {
            e.push(source.at(
                source.find_definition(&obligation.id).unwrap_or(0),
                format!(
                    "obligation `{}` can never be discharged: `{}` can never run",
                    obligation.id, actions[a].id
                ),
                Some("an owed obligation blocks resolution; make its action runnable".into()),
            ));
        }
    }
    let exit_at = source.find_key("exit", 0).unwrap_or(0);
    for (kind, list, raw_list) in [
        ("mitigated", &exit.mitigated, &raw.exit.mitigated),
        ("resolved", &exit.resolved, &raw.exit.resolved),
    ] {
        for (condition, raw_condition) in list.iter().zip(raw_list) {
            if !reach.holds(condition) {
                e.push(source.at(
                    source.find_key(kind, exit_at).unwrap_or(exit_at),
                    format!("exit `{kind}` criterion {raw_condition:?} can never hold"),
                    Some("no runnable action achieves it; add one or change the criterion".into()),
                ));
            }
        }
    }
}
