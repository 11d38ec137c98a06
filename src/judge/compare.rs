//! Two runs of the same scenario side by side: the score per criterion and
//! the key timings, with what changed flagged. Pure, so the app, the command
//! line and the tests share it.

use serde::Serialize;

use crate::base::time::Tick;
use crate::judge::score::{Band, Criterion, Scorecard};
use crate::scenario::Role;
use crate::world::{Entry, Event};

/// A score moving by less than this is noise (the world reacts to any change).
pub const SCORE_NOISE: f64 = 0.05;
/// A timing moving by less than this is the same.
pub const TIME_NOISE: Tick = 30;

/// Which way a difference goes for the second run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Change {
    Better,
    Worse,
    Same,
    /// One side has no value (N/A, or it never happened).
    Missing,
}

/// A score in both runs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreRow {
    /// "C1 Declaration" or "Overall".
    pub name: String,
    pub a: Option<f64>,
    pub b: Option<f64>,
    pub band_a: Option<Band>,
    pub band_b: Option<Band>,
    pub change: Change,
}

/// A key moment in both runs (earlier is better).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeRow {
    pub name: &'static str,
    pub a: Option<Tick>,
    pub b: Option<Tick>,
    pub change: Change,
}

/// Run A against run B.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub overall: ScoreRow,
    pub criteria: Vec<ScoreRow>,
    pub timings: Vec<TimeRow>,
}

impl Comparison {
    /// The rows that differ, scores first.
    pub fn differences(&self) -> impl Iterator<Item = String> + '_ {
        std::iter::once(&self.overall)
            .chain(&self.criteria)
            .filter(|r| r.change != Change::Same)
            .map(|r| format!("{}: {:?}", r.name, r.change))
            .chain(
                self.timings
                    .iter()
                    .filter(|t| t.change != Change::Same)
                    .map(|t| format!("{}: {:?}", t.name, t.change)),
            )
    }
}

/// One run: its scorecard and its log.
pub struct Run<'a> {
    pub card: &'a Scorecard,
    pub log: &'a [Entry],
}

fn score_row(name: String, a: Option<f64>, b: Option<f64>) -> ScoreRow {
    let change = match (a, b) {
        (Some(a), Some(b)) if b - a >= SCORE_NOISE => Change::Better,
        (Some(a), Some(b)) if a - b >= SCORE_NOISE => Change::Worse,
        (Some(_), Some(_)) | (None, None) => Change::Same,
        _ => Change::Missing,
    };
    ScoreRow {
        name,
        a,
        b,
        band_a: a.map(Band::of),
        band_b: b.map(Band::of),
        change,
    }
}

fn time_row(name: &'static str, a: Option<Tick>, b: Option<Tick>) -> TimeRow {
    let change = match (a, b) {
        (Some(a), Some(b)) if a.saturating_sub(b) >= TIME_NOISE => Change::Better,
        (Some(a), Some(b)) if b.saturating_sub(a) >= TIME_NOISE => Change::Worse,
        (Some(_), Some(_)) | (None, None) => Change::Same,
        // Reaching a milestone the other run never reached is a change too.
        (None, Some(_)) => Change::Better,
        (Some(_), None) => Change::Worse,
    };
    TimeRow { name, a, b, change }
}

/// When the first status post went out.
fn first_status(log: &[Entry]) -> Option<Tick> {
    log.iter()
        .find(|e| matches!(e.event, Event::StatusPosted(_)))
        .map(|e| e.at)
}

/// When someone other than the IC first took the Operations Lead role.
fn first_ol(log: &[Entry]) -> Option<Tick> {
    log.iter()
        .find(|e| match &e.event {
            Event::RoleAssigned { role, .. } => *role == Role::OL,
            Event::HandoffAccepted { role, .. } => *role == Role::OL,
            _ => false,
        })
        .map(|e| e.at)
}

/// Compares run `a` (usually the earlier) with run `b`.
pub fn compare(a: &Run, b: &Run) -> Comparison {
    let criteria = Criterion::ALL
        .iter()
        .map(|&c| {
            score_row(
                format!("{} {}", c.id(), c.title()),
                a.card.value(c),
                b.card.value(c),
            )
        })
        .collect();
    let timings = vec![
        time_row("first alert", a.card.first_alert, b.card.first_alert),
        time_row("declared", a.card.declared, b.card.declared),
        time_row("OL delegated", first_ol(a.log), first_ol(b.log)),
        time_row(
            "first status post",
            first_status(a.log),
            first_status(b.log),
        ),
        time_row("mitigated", a.card.mitigated, b.card.mitigated),
        time_row("resolved", a.card.resolved, b.card.resolved),
    ];
    Comparison {
        overall: score_row("Overall".into(), a.card.overall, b.card.overall),
        criteria,
        timings,
    }
}

/// The comparison as text for a terminal: A, B and what changed.
pub fn text(c: &Comparison, a_label: &str, b_label: &str) -> String {
    let value = |v: Option<f64>| crate::judge::aar::value_text(v);
    let time = |t: Option<Tick>| t.map_or("—".to_string(), crate::base::time::clock);
    let mark = |change: Change| match change {
        Change::Better => "  ▲ better",
        Change::Worse => "  ▼ worse",
        Change::Same => "",
        Change::Missing => "  ≠ only one run",
    };
    let mut out = format!(
        "A: {a_label}\nB: {b_label}\n\n{:<42}{:>10}{:>10}\n",
        "", "A", "B"
    );
    for r in std::iter::once(&c.overall).chain(&c.criteria) {
        out.push_str(&format!(
            "{:<42}{:>10}{:>10}{}\n",
            r.name,
            value(r.a),
            value(r.b),
            mark(r.change)
        ));
    }
    out.push_str("\nKey timings\n");
    for t in &c.timings {
        out.push_str(&format!(
            "{:<42}{:>10}{:>10}{}\n",
            t.name,
            time(t.a),
            time(t.b),
            mark(t.change)
        ));
    }
    out
}

/// A recording scored for comparison.
pub struct Scored {
    /// The file name, the seed and who played.
    pub label: String,
    pub scenario: String,
    pub card: Scorecard,
    pub log: Vec<Entry>,
}

/// Reads, checks and scores a recording (an interrupted one as far as it goes).
pub fn scored(
    path: &std::path::Path,
    scenario: Option<&std::path::Path>,
) -> Result<Scored, String> {
    let recovered = crate::run::session::read(path).map_err(|d| d.to_string())?;
    let session = recovered.session;
    let loaded = crate::run::session::locate_scenario(path, &session, scenario)?;
    crate::run::session::ensure_same_scenario(&session.header, &loaded)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let answers = crate::judge::aar::answers::beside(path).map_err(|d| d.to_string())?;
    let card = crate::judge::score::score(
        &session.header.scenario(&loaded),
        &session.events,
        answers.as_ref(),
    );
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().to_string(),
    );
    Ok(Scored {
        label: format!(
            "{name} (seed {}, {}{}{})",
            session.header.seed,
            card.mode.describe(),
            if session.header.knobs.is_normal() {
                String::new()
            } else {
                format!(", tuned: {}", session.header.knobs.describe())
            },
            if session.end.is_none() {
                ", interrupted"
            } else {
                ""
            }
        ),
        scenario: loaded.scenario.id,
        card,
        log: session.events,
    })
}

/// Two recordings of the same scenario, scored and compared.
pub fn recordings(
    a: &std::path::Path,
    b: &std::path::Path,
) -> Result<(Scored, Scored, Comparison), String> {
    let (a, b) = (scored(a, None)?, scored(b, None)?);
    if a.scenario != b.scenario {
        return Err(format!(
            "{} is a run of `{}` and {} a run of `{}`\n  hint: compare two runs of the same scenario",
            a.label, a.scenario, b.label, b.scenario
        ));
    }
    let comparison = compare(
        &Run {
            card: &a.card,
            log: &a.log,
        },
        &Run {
            card: &b.card,
            log: &b.log,
        },
    );
    Ok((a, b, comparison))
}
