//! Serde mirror of the scenario file. Every struct denies unknown fields so a
//! typo is an error, not a silently ignored setting; validation turns these
//! into the runtime types in `model`.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::business::Harm;
use super::kinds::{
    ActionKind, AlertSeverity, ComponentKind, Difficulty, Seat, Severity, Skill, Trait,
};
use crate::base::time::Dur;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Scenario")]
pub struct RawScenario {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub difficulty: Difficulty,
    pub objectives: Vec<String>,
    #[serde(default)]
    pub recommended_seats: Vec<Seat>,
    pub time_limit: Dur,
    pub par: RawPar,
    pub severity: Severity,
    #[serde(default)]
    pub need_to_know: bool,
    pub components: Vec<RawComponent>,
    #[serde(default)]
    pub alerts: Vec<RawAlert>,
    pub faults: Vec<RawFault>,
    pub actions: Vec<RawAction>,
    #[serde(default)]
    pub responders: Vec<RawResponder>,
    #[serde(default)]
    pub executives: Vec<RawExecutive>,
    #[serde(default)]
    pub customers: RawCustomers,
    #[serde(default)]
    pub parties: Vec<RawParty>,
    #[serde(default)]
    pub obligations: Vec<RawObligation>,
    #[serde(default)]
    pub injects: Vec<RawInject>,
    pub exit: RawExit,
    #[serde(default)]
    pub scoring: RawScoring,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Par")]
pub struct RawPar {
    pub declare: Dur,
    pub mitigate: Dur,
    pub resolve: Dur,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Component")]
pub struct RawComponent {
    pub id: String,
    pub name: String,
    pub kind: ComponentKind,
    #[serde(default)]
    pub depends_on: Vec<String>,
    #[serde(default)]
    pub degrades_with: Vec<String>,
    #[serde(default)]
    pub metrics: BTreeMap<String, RawMetric>,
    #[serde(default)]
    pub customers: Option<RawCustomerLoad>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Metric")]
pub struct RawMetric {
    pub baseline: f64,
    pub failed: f64,
    #[serde(default)]
    pub unit: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "CustomerLoad")]
pub struct RawCustomerLoad {
    pub orders_per_min: f64,
    pub users: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Alert")]
pub struct RawAlert {
    pub id: String,
    pub component: String,
    pub metric: String,
    #[serde(default)]
    pub above: Option<f64>,
    #[serde(default)]
    pub below: Option<f64>,
    #[serde(rename = "for", default)]
    pub sustained: Dur,
    pub severity: AlertSeverity,
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Fault")]
pub struct RawFault {
    pub id: String,
    pub component: String,
    pub start: RawFaultStart,
    #[serde(default)]
    pub impairment: f64,
    #[serde(default)]
    pub ramp: Option<Dur>,
    #[serde(default)]
    pub metrics: BTreeMap<String, f64>,
    pub root_cause: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "FaultStart")]
pub enum RawFaultStart {
    At(Dur),
    IfNotMitigated { fault: String, by: Dur },
    AfterAction(String),
    AfterFault { fault: String, delay: Dur },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Action")]
pub struct RawAction {
    pub id: String,
    pub name: String,
    pub kind: ActionKind,
    pub target: String,
    pub duration: Dur,
    #[serde(default)]
    pub skill: Option<Skill>,
    #[serde(default)]
    pub requires: Vec<RawCondition>,
    #[serde(default)]
    pub effects: Vec<RawEffect>,
    #[serde(default)]
    pub failure_chance: f64,
    #[serde(default)]
    pub finding: String,
    #[serde(default)]
    pub trap: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Condition")]
pub enum RawCondition {
    Revealed(String),
    Active(String),
    Mitigated(String),
    Resolved(String),
    Done(String),
    NotDone(String),
    Healthy(String),
    Defused(String),
    Discharged(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Effect")]
pub enum RawEffect {
    Reveal(String),
    Mitigate(String),
    Resolve(String),
    Trigger(String),
    Defuse(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Responder")]
pub struct RawResponder {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub skills: Vec<Skill>,
    #[serde(default)]
    pub traits: Vec<Trait>,
    pub joins: Dur,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Executive")]
pub struct RawExecutive {
    pub id: String,
    pub name: String,
    pub title: String,
    pub patience: Dur,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Customers")]
pub struct RawCustomers {
    #[serde(default = "default_complaints")]
    pub complaints_per_min: f64,
    #[serde(default)]
    pub segments: Vec<RawSegment>,
}

impl Default for RawCustomers {
    fn default() -> Self {
        Self {
            complaints_per_min: default_complaints(),
            segments: Vec::new(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Segment")]
pub struct RawSegment {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub per_min: f64,
    pub people: u32,
    pub uses: Vec<(String, Harm)>,
    #[serde(default)]
    pub says: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Party")]
pub struct RawParty {
    pub id: String,
    pub name: String,
    pub kind: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Obligation")]
pub struct RawObligation {
    pub id: String,
    pub name: String,
    pub owner: Seat,
    pub arises: RawArises,
    pub discharge: RawDischarge,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Arises")]
pub enum RawArises {
    Harm(String, Harm),
    Fault(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Discharge")]
pub enum RawDischarge {
    Action(String),
    Notice(String),
}

fn default_complaints() -> f64 {
    0.6
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Inject")]
pub struct RawInject {
    pub at: Dur,
    pub from: RawPersona,
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Persona")]
pub enum RawPersona {
    Executive(String),
    Customer(String),
    Vendor(String),
    Regulator(String),
    Responder(String),
    Party(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Exit")]
pub struct RawExit {
    pub mitigated: Vec<RawCondition>,
    pub resolved: Vec<RawCondition>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename = "Scoring")]
pub struct RawScoring {
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
}
