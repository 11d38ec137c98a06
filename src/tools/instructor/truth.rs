//! The ground truth behind a drill, for the game master's eyes only.

use crate::base::time::{Tick, clock};
use crate::run::Simulation;
use crate::scenario::{FaultStart, Persona, Trait};
use crate::world::Drill;
use crate::world::sim::faults::FaultPhase;

/// A fault as it really is.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Cause {
    pub fault: String,
    pub component: String,
    pub root_cause: String,
    /// "dormant (starts at T+05:00)", "active since T+05:00", …
    pub state: String,
    /// Whether a diagnostic has revealed it to the responders.
    pub revealed: bool,
}

/// What one simulated person means to do.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Intention {
    pub who: String,
    pub name: String,
    /// Roles held, work in flight and tendencies, in a few words.
    pub doing: Vec<String>,
    /// Reactions scheduled, soonest first.
    pub next: Vec<(Tick, String)>,
}

/// A scenario inject and whether it has been delivered.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Upcoming {
    /// Its place in the scenario's list: what `TriggerInject` takes.
    pub index: usize,
    pub at: Tick,
    pub from: Persona,
    pub text: String,
    pub delivered: bool,
}

/// Everything hidden from the trainees.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Truth {
    pub causes: Vec<Cause>,
    pub minds: Vec<Intention>,
    pub injects: Vec<Upcoming>,
}

/// The ground truth of a drill now, with what each simulated person means to do.
pub fn truth(sim: &Simulation) -> Truth {
    let drill = sim.drill();
    let scenario = &drill.scenario();
    let causes = scenario
        .faults
        .iter()
        .zip(drill.faults())
        .map(|(f, state)| Cause {
            fault: f.id.clone(),
            component: scenario.components[f.component].id.clone(),
            root_cause: f.root_cause.clone(),
            state: match state.phase {
                FaultPhase::Dormant => format!("dormant ({})", starts(drill, &f.start)),
                FaultPhase::Active { since } => format!("active since {}", clock(since)),
                FaultPhase::Mitigated { at, .. } => {
                    format!("mitigated at {}, cause still there", clock(at))
                }
                FaultPhase::Resolved { at } => format!("resolved at {}", clock(at)),
                FaultPhase::Defused { at } => format!("defused at {}, never struck", clock(at)),
            },
            revealed: state.revealed,
        })
        .collect();
    let minds = sim
        .cast()
        .minds()
        .iter()
        .filter_map(|mind| {
            let p = drill.people().get(&mind.id)?;
            if !p.present {
                return None;
            }
            let mut doing: Vec<String> = drill
                .people()
                .roles_of(&p.id)
                .iter()
                .map(|r| format!("holds {}", r.label()))
                .collect();
            doing.extend(drill.work().iter().filter(|w| w.by == p.id).map(|w| {
                format!(
                    "running {} until {}",
                    scenario.actions[w.action].id,
                    clock(w.ends_at)
                )
            }));
            if p.has(Trait::Freelancer) {
                doing.push("will change production unasked if left idle".into());
            }
            if p.has(Trait::SeasonedIc) {
                doing.push("will offer to take command".into());
            }
            Some(Intention {
                who: p.id.clone(),
                name: p.name.clone(),
                doing,
                next: mind.intentions(drill),
            })
        })
        .collect();
    let injects = scenario
        .injects
        .iter()
        .enumerate()
        .map(|(index, i)| Upcoming {
            index,
            at: i.at,
            from: i.from.clone(),
            text: i.text.clone(),
            delivered: drill.inject_delivered(index),
        })
        .collect();
    Truth {
        causes,
        minds,
        injects,
    }
}

fn starts(drill: &Drill, start: &FaultStart) -> String {
    let s = &drill.scenario();
    match start {
        FaultStart::At(t) => format!("starts at {}", clock(*t)),
        FaultStart::IfNotMitigated { fault, by } => format!(
            "starts if {} is not mitigated by {}",
            s.faults[*fault].id,
            clock(*by)
        ),
        FaultStart::AfterAction(a) => format!("starts if someone runs {}", s.actions[*a].id),
        FaultStart::AfterFault { fault, delay } => format!(
            "starts {} after {}",
            crate::base::time::span(*delay),
            s.faults[*fault].id
        ),
    }
}
