//! Scoring: how the team communicated and delegated, criterion by criterion,
//! as pure functions over the event log (DESIGN §6).
//!
//! Each criterion collects *marks*: one per opportunity it saw (an order, a
//! status post, a gap between reports), each worth 0..1, with the people
//! responsible at that moment and a sentence citing the log. A criterion's
//! value is the mean of its marks, so sending more messages earns nothing;
//! with no marks it is N/A, never 0. Person cards use the same marks,
//! filtered to the person, weighted by how long they held the owning roles.

mod cards;
mod criteria;
mod curve;
pub mod facts;
mod index;
mod records;
mod targets;
pub mod text;

use serde::{Deserialize, Serialize};

mod answers;
mod mode;

pub use answers::Answers;
pub use cards::Card;
pub use curve::{Band, s};
pub use facts::Facts;
pub use mode::Mode;
pub use targets::Targets;

use crate::base::time::Tick;
use crate::scenario::Scenario;
use crate::world::Entry;

pub use crate::scenario::{Area, Criterion};

/// One opportunity a criterion judged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    pub at: Option<Tick>,
    /// The people responsible at that moment.
    pub who: Vec<String>,
    pub value: f64,
    /// A lapse that caps the whole criterion (freelancing caps C5 at 0.5).
    pub cap: Option<f64>,
    /// The evidence, citing times and people.
    pub text: String,
    /// How many like opportunities the mark stands for (routine good ones
    /// are folded into one mark per person).
    #[serde(default = "one")]
    pub count: u32,
    /// Each responsible person's own value, in `who`'s order, when a lapse
    /// spans several holders of a role: the team is judged by the whole
    /// wait, each person by the part of it that was theirs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personal: Vec<f64>,
}

fn one() -> u32 {
    1
}

impl Mark {
    pub fn new(at: Option<Tick>, who: &[&str], value: f64, text: impl Into<String>) -> Mark {
        Mark {
            at,
            who: who.iter().map(|w| w.to_string()).collect(),
            value: value.clamp(0.0, 1.0),
            cap: None,
            text: text.into(),
            count: 1,
            personal: Vec::new(),
        }
    }

    /// `who`'s value on this mark: their own part, or the team's.
    pub fn value_for(&self, who: &str) -> f64 {
        self.who
            .iter()
            .position(|w| w == who)
            .and_then(|i| self.personal.get(i))
            .copied()
            .unwrap_or(self.value)
    }

    /// The same mark, capping its criterion at `cap`.
    pub fn capping(mut self, cap: f64) -> Mark {
        self.cap = Some(cap);
        self
    }
}

/// A criterion's verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Judgement {
    pub criterion: Criterion,
    pub weight: f64,
    /// `None`: no opportunity arose (N/A).
    pub value: Option<f64>,
    pub band: Option<Band>,
    pub marks: Vec<Mark>,
    /// Why the criterion is N/A, or a note about it.
    pub note: String,
}

impl Judgement {
    /// Judges from marks: their mean, capped by any capping mark.
    pub fn from_marks(
        criterion: Criterion,
        weight: f64,
        marks: Vec<Mark>,
        none: &str,
    ) -> Judgement {
        let value = aggregate(marks.iter());
        Judgement {
            criterion,
            weight,
            value,
            band: value.map(Band::of),
            note: if value.is_none() {
                none.to_string()
            } else {
                String::new()
            },
            marks,
        }
    }

    /// The marks, lapses first (then earliest first).
    pub fn worst_first(&self) -> Vec<&Mark> {
        let mut marks: Vec<&Mark> = self.marks.iter().collect();
        marks.sort_by(|a, b| a.value.total_cmp(&b.value).then(a.at.cmp(&b.at)));
        marks
    }

    /// The evidence sentences, lapses first, at most `n`.
    pub fn evidence(&self, n: usize) -> Vec<&str> {
        let marks = self.worst_first();
        let mut out: Vec<&str> = Vec::new();
        for m in marks {
            if out.len() == n {
                break;
            }
            if !out.contains(&m.text.as_str()) {
                out.push(&m.text);
            }
        }
        out
    }
}

/// Mean of marks, capped by the lowest cap among them.
fn aggregate<'m>(marks: impl Iterator<Item = &'m Mark>) -> Option<f64> {
    let (mut sum, mut n, mut cap) = (0.0, 0usize, 1.0f64);
    for m in marks {
        sum += m.value * f64::from(m.count);
        n += m.count as usize;
        if let Some(c) = m.cap {
            cap = cap.min(c);
        }
    }
    (n > 0).then(|| (sum / n as f64).min(cap))
}

/// The whole verdict on one drill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub scenario: String,
    pub mode: Mode,
    /// The overall value the trainee (solo) or the team is measured by.
    pub overall: Option<f64>,
    pub band: Option<Band>,
    /// The team's judgements (in solo play: the trainee's).
    pub criteria: Vec<Judgement>,
    /// One card per human (in team drills), weighted by time in role.
    pub cards: Vec<Card>,
    pub first_alert: Option<Tick>,
    pub declared: Option<Tick>,
    pub mitigated: Option<Tick>,
    pub resolved: Option<Tick>,
    pub ended: Tick,
}

impl Scorecard {
    /// A criterion's judgement.
    pub fn get(&self, c: Criterion) -> &Judgement {
        &self.criteria[c as usize]
    }

    /// A criterion's value (`None` if N/A).
    pub fn value(&self, c: Criterion) -> Option<f64> {
        self.get(c).value
    }
}

/// Scores a drill's log. `answers` are the after-action answers, if given (C15).
pub fn score(scenario: &Scenario, log: &[Entry], answers: Option<&Answers>) -> Scorecard {
    score_facts(&Facts::new(scenario, log), answers)
}

/// Scores an indexed log (index once, then score and report from the same facts).
pub fn score_facts(facts: &Facts, answers: Option<&Answers>) -> Scorecard {
    let scenario = facts.scenario;
    let mode = Mode::of(facts);
    let targets = match mode {
        Mode::Solo { .. } => Targets::solo(&scenario.par),
        _ => Targets::team(&scenario.par),
    };
    let team = criteria::judge_all(facts, &targets, answers);
    let (criteria, cards, overall) = match &mode {
        Mode::Solo { who, .. } => {
            let card = Card::of(who, facts, &team);
            (card.criteria.clone(), Vec::new(), card.overall)
        }
        Mode::Team { humans } => {
            let cards = humans.iter().map(|h| Card::of(h, facts, &team)).collect();
            let overall = weighted(team.iter().map(|j| (j.weight, j.value)));
            (team, cards, overall)
        }
        Mode::Simulated => {
            let overall = weighted(team.iter().map(|j| (j.weight, j.value)));
            (team, Vec::new(), overall)
        }
    };
    Scorecard {
        scenario: scenario.id.clone(),
        mode,
        overall,
        band: overall.map(Band::of),
        criteria,
        cards,
        first_alert: facts.first_alert,
        declared: facts.declared.map(|d| d.0),
        mitigated: facts.mitigated,
        resolved: facts.resolved,
        ended: facts.end,
    }
}

/// Weighted mean over the criteria that apply.
fn weighted(items: impl Iterator<Item = (f64, Option<f64>)>) -> Option<f64> {
    let (mut sum, mut weights) = (0.0, 0.0);
    for (w, v) in items {
        if let Some(v) = v {
            sum += w * v;
            weights += w;
        }
    }
    (weights > 0.0).then(|| sum / weights)
}

#[cfg(test)]
mod tests;
