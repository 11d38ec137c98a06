//! The validated scenario the simulation runs on: ids resolved to indices,
//! every reference known to exist, the dependency graph known to be acyclic.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::business::{Arises, Discharge, Obligation, ObligationIdx, Party, PartyIdx, Segment};
use super::kinds::{
    ActionKind, AlertSeverity, ComponentKind, Difficulty, Seat, Severity, Skill, Trait,
};
use super::rubric::Criterion;
use crate::base::time::Tick;

/// Index of a component in `Scenario::components`.
pub type ComponentIdx = usize;
/// Index of a fault in `Scenario::faults`.
pub type FaultIdx = usize;
/// Index of an action in `Scenario::actions`.
pub type ActionIdx = usize;

/// A validated, runnable scenario.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub difficulty: Difficulty,
    pub objectives: Vec<String>,
    pub recommended_seats: Vec<Seat>,
    pub time_limit: Tick,
    pub par: Par,
    pub severity: Severity,
    /// Security drills: details belong in a restricted channel, not the command post.
    pub need_to_know: bool,
    pub components: Vec<Component>,
    /// Components ordered so that every dependency comes before its dependents.
    pub topo_order: Vec<ComponentIdx>,
    pub alerts: Vec<AlertRule>,
    pub faults: Vec<Fault>,
    pub actions: Vec<Action>,
    pub responders: Vec<Responder>,
    pub executives: Vec<Executive>,
    pub complaints_per_min: f64,
    /// Who the customers are (one per customer-facing component when the
    /// file names none).
    #[serde(default)]
    pub segments: Vec<Segment>,
    /// Who outside the company may write in.
    #[serde(default)]
    pub parties: Vec<Party>,
    /// What the company owes once harm is done.
    #[serde(default)]
    pub obligations: Vec<Obligation>,
    pub injects: Vec<Inject>,
    pub exit: Exit,
    /// The rubric's weights this scenario overrides.
    pub weights: BTreeMap<Criterion, f64>,
}

/// Target times the team is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Par {
    pub declare: Tick,
    pub mitigate: Tick,
    pub resolve: Tick,
}

/// One part of the platform.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Component {
    pub id: String,
    pub name: String,
    pub kind: ComponentKind,
    /// Dependencies with how much of their impairment passes on (1.0 hard, 0.5 soft).
    pub depends_on: Vec<(ComponentIdx, f64)>,
    pub metrics: Vec<Metric>,
    pub customers: Option<CustomerLoad>,
}

impl Component {
    /// Index of the named metric on this component.
    pub fn metric_index(&self, name: &str) -> Option<usize> {
        self.metrics.iter().position(|m| m.name == name)
    }
}

/// A metric with its healthy value and its value when the component is fully down.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Metric {
    pub name: String,
    pub baseline: f64,
    pub failed: f64,
    pub unit: String,
}

/// Business served by a customer-facing component.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct CustomerLoad {
    pub orders_per_min: f64,
    pub users: u32,
}

/// Fires when a metric stays past a threshold for a while.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AlertRule {
    pub id: String,
    pub component: ComponentIdx,
    pub metric: usize,
    pub above: Option<f64>,
    pub below: Option<f64>,
    pub sustained: Tick,
    pub severity: AlertSeverity,
    pub text: String,
    /// Added by the alert-noise knob: signals nothing, and never starts the scoring clock.
    pub noise: bool,
}

impl AlertRule {
    /// Whether a metric value breaches this rule's threshold.
    pub fn breached(&self, value: f64) -> bool {
        self.above.is_some_and(|limit| value > limit)
            || self.below.is_some_and(|limit| value < limit)
    }
}

/// Something that goes wrong, with a cause hidden until a diagnostic reveals it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Fault {
    pub id: String,
    pub component: ComponentIdx,
    pub start: FaultStart,
    /// How impaired the component becomes, 0 (fine) to 1 (down).
    pub impairment: f64,
    /// Time to reach full effect; zero means at once.
    pub ramp: Tick,
    /// Metrics the fault drives directly (metric index, target value).
    pub metrics: Vec<(usize, f64)>,
    pub root_cause: String,
}

/// When a fault starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FaultStart {
    At(Tick),
    IfNotMitigated { fault: FaultIdx, by: Tick },
    AfterAction(ActionIdx),
    AfterFault { fault: FaultIdx, delay: Tick },
}

/// A diagnostic or remediation someone can run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Action {
    pub id: String,
    pub name: String,
    pub kind: ActionKind,
    pub target: ComponentIdx,
    pub duration: Tick,
    pub skill: Option<Skill>,
    pub requires: Vec<Condition>,
    pub effects: Vec<Effect>,
    pub failure_chance: f64,
    pub finding: String,
    /// A wrong fix: competent responders never choose it.
    pub trap: bool,
}

/// A fact about the drill that an action or exit criterion can require.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Condition {
    Revealed(FaultIdx),
    Active(FaultIdx),
    Mitigated(FaultIdx),
    Resolved(FaultIdx),
    Done(ActionIdx),
    NotDone(ActionIdx),
    Healthy(ComponentIdx),
    /// The fault was defused before it struck.
    Defused(FaultIdx),
    /// The obligation arose and was discharged.
    Discharged(ObligationIdx),
}

/// What finishing an action does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Effect {
    Reveal(FaultIdx),
    Mitigate(FaultIdx),
    Resolve(FaultIdx),
    Trigger(FaultIdx),
    /// A fault that has not struck never will.
    Defuse(FaultIdx),
}

/// A simulated responder who joins during the drill.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Responder {
    pub id: String,
    pub name: String,
    pub skills: Vec<Skill>,
    pub traits: Vec<Trait>,
    pub joins: Tick,
}

/// An executive who wants updates.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Executive {
    pub id: String,
    pub name: String,
    pub title: String,
    pub patience: Tick,
}

/// A scripted message from outside the response team.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Inject {
    pub at: Tick,
    pub from: Persona,
    pub text: String,
}

/// Who an inject speaks as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Persona {
    Executive(String),
    Customer(String),
    Vendor(String),
    Regulator(String),
    Responder(String),
    /// One of the scenario's parties, by index.
    Party(PartyIdx),
}

/// When the incident counts as mitigated, and when as resolved (the drill ends).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Exit {
    pub mitigated: Vec<Condition>,
    pub resolved: Vec<Condition>,
}

impl Scenario {
    /// The scenario as a trainee's computer may know it: the platform, the
    /// alert rules, the actions anyone may run, the executives and the
    /// rubric, but no faults or causes, no action's effects, findings or
    /// traps, no injects or joiners to come, no exit criteria.
    pub fn shared(&self) -> Scenario {
        Scenario {
            faults: Vec::new(),
            actions: self
                .actions
                .iter()
                .map(|a| Action {
                    requires: Vec::new(),
                    effects: Vec::new(),
                    failure_chance: 0.0,
                    finding: String::new(),
                    trap: false,
                    ..a.clone()
                })
                .collect(),
            responders: Vec::new(),
            obligations: Vec::new(),
            injects: Vec::new(),
            exit: Exit {
                mitigated: Vec::new(),
                resolved: Vec::new(),
            },
            ..self.clone()
        }
    }

    /// Whether every index in the scenario points at something (a scenario
    /// that arrived over the network is checked before anything reads it).
    pub fn indices_hold(&self) -> bool {
        let (components, faults, actions) =
            (self.components.len(), self.faults.len(), self.actions.len());
        let condition_ok = |c: &Condition| match *c {
            Condition::Revealed(f)
            | Condition::Active(f)
            | Condition::Mitigated(f)
            | Condition::Resolved(f)
            | Condition::Defused(f) => f < faults,
            Condition::Discharged(o) => o < self.obligations.len(),
            Condition::Done(a) | Condition::NotDone(a) => a < actions,
            Condition::Healthy(c) => c < components,
        };
        let effect_ok = |e: &Effect| match *e {
            Effect::Reveal(f)
            | Effect::Mitigate(f)
            | Effect::Resolve(f)
            | Effect::Trigger(f)
            | Effect::Defuse(f) => f < faults,
        };
        let start_ok = |s: &FaultStart| match *s {
            FaultStart::At(_) => true,
            FaultStart::IfNotMitigated { fault, .. } | FaultStart::AfterFault { fault, .. } => {
                fault < faults
            }
            FaultStart::AfterAction(a) => a < actions,
        };
        self.topo_order.len() == components
            && self.topo_order.iter().all(|&c| c < components)
            && self
                .components
                .iter()
                .all(|c| c.depends_on.iter().all(|&(d, _)| d < components))
            && self.alerts.iter().all(|a| {
                a.component < components && a.metric < self.components[a.component].metrics.len()
            })
            && self.faults.iter().all(|f| {
                f.component < components
                    && start_ok(&f.start)
                    && f.metrics
                        .iter()
                        .all(|&(m, _)| m < self.components[f.component].metrics.len())
            })
            && self.actions.iter().all(|a| {
                a.target < components
                    && a.requires.iter().all(condition_ok)
                    && a.effects.iter().all(effect_ok)
            })
            && self
                .segments
                .iter()
                .all(|s| s.uses.iter().all(|&(c, _)| c < components))
            && self.obligations.iter().all(|o| {
                (match o.arises {
                    Arises::Harm(s, _) => s < self.segments.len(),
                    Arises::Fault(f) => f < faults,
                }) && match o.discharge {
                    Discharge::Action(a) => a < actions,
                    Discharge::Notice(p) => p < self.parties.len(),
                }
            })
            && self.injects.iter().all(|i| match i.from {
                Persona::Party(p) => p < self.parties.len(),
                _ => true,
            })
            && self.exit.mitigated.iter().all(condition_ok)
            && self.exit.resolved.iter().all(condition_ok)
    }

    /// The name of whoever wrote in as `from`: the party with that id, else
    /// the name they wrote under (a vendor's or a regulator's).
    pub fn party_name<'a>(&'a self, from: &'a str) -> &'a str {
        self.parties
            .iter()
            .find(|p| p.id == from)
            .map_or(from, |p| p.name.as_str())
    }

    /// Whether a fault is a hazard: it starts at a set time and some action
    /// can defuse it, so a diagnostic may find it before it strikes.
    pub fn is_hazard(&self, fault: FaultIdx) -> bool {
        matches!(self.faults[fault].start, FaultStart::At(_))
            && self
                .actions
                .iter()
                .any(|a| a.effects.contains(&Effect::Defuse(fault)))
    }

    /// The weight this scenario gives a criterion: its override, else the rubric's.
    pub fn weight(&self, criterion: Criterion) -> f64 {
        self.weights
            .get(&criterion)
            .copied()
            .unwrap_or_else(|| criterion.default_weight())
    }
}
