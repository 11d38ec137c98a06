//! How simulated people word things.

use crate::scenario::ActionKind;
use crate::world::{Drill, Health};

/// Impaired components, by public name.
pub(super) fn impaired(drill: &Drill) -> Vec<String> {
    drill
        .scenario()
        .components
        .iter()
        .enumerate()
        .filter(|(i, _)| drill.platform().health[*i] != Health::Healthy)
        .map(|(_, c)| c.name.clone())
        .collect()
}

/// The components customers use (any segment's), in scenario order.
pub(super) fn customer_facing(drill: &Drill) -> Vec<usize> {
    let mut used: Vec<usize> = drill
        .scenario()
        .segments
        .iter()
        .flat_map(|s| s.uses.iter().map(|&(c, _)| c))
        .collect();
    used.sort_unstable();
    used.dedup();
    used
}

/// Customer impact in plain words, without internal host names or promises.
pub(super) fn customer_impact(drill: &Drill) -> String {
    let facing: Vec<&str> = customer_facing(drill)
        .into_iter()
        .filter(|&c| drill.platform().health[c] != Health::Healthy)
        .map(|c| drill.scenario().components[c].name.as_str())
        .collect();
    if facing.is_empty() {
        "No customer-facing impact at the moment.".into()
    } else {
        format!(
            "Some customers may see errors or delays with: {}.",
            facing.join(", ")
        )
    }
}

/// Conditions, for a CAN report.
pub(super) fn conditions(drill: &Drill) -> String {
    let impaired = impaired(drill);
    let causes: Vec<&str> = drill
        .scenario()
        .faults
        .iter()
        .enumerate()
        .filter(|(i, _)| drill.faults()[*i].revealed && !drill.faults()[*i].is_resolved())
        .map(|(_, f)| f.root_cause.as_str())
        .collect();
    let mut text = if impaired.is_empty() {
        "All components healthy.".to_string()
    } else {
        format!("Impaired: {}.", impaired.join(", "))
    };
    if !causes.is_empty() {
        if drill.scenario().need_to_know {
            text.push_str(" Cause identified; details in #restricted (need to know).");
        } else {
            text.push_str(&format!(" Known cause: {}", causes.join("; ")));
        }
    }
    text
}

/// Actions in flight, for a CAN report.
pub(super) fn actions_in_flight(drill: &Drill) -> String {
    let running: Vec<String> = drill
        .work()
        .iter()
        .map(|w| {
            let a = &drill.scenario().actions[w.action];
            let verb = if a.kind == ActionKind::Diagnostic {
                "checking"
            } else {
                "changing"
            };
            format!("{} {verb}: {}", w.by, a.name)
        })
        .collect();
    if running.is_empty() {
        "Nothing running.".into()
    } else {
        running.join("; ")
    }
}
