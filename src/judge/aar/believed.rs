//! Believed versus true: what the status page, the ISD and the OL's reports
//! said at each moment, against what the simulation knew.

use std::collections::BTreeSet;

use super::Doc;
use crate::base::time::clock;
use crate::judge::score::Facts;
use crate::world::Event;
use crate::world::comms::{IsdSection, MessageKind, StatusState};

/// What a statement claimed about the incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Claim {
    Investigating,
    Identified,
    Recovered,
    Resolved,
}

fn claim_in(text: &str) -> Option<Claim> {
    let lower = text.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(&["resolved", "all components healthy", "fully restored"]) {
        Some(Claim::Resolved)
    } else if has(&[
        "mitigated",
        "recovered",
        "monitoring",
        "back to baseline",
        "restored",
    ]) {
        Some(Claim::Recovered)
    } else if has(&["identified", "cause:", "cause is", "found the cause"]) {
        Some(Claim::Identified)
    } else if has(&["investigating", "unknown", "looking into"]) {
        Some(Claim::Investigating)
    } else {
        None
    }
}

/// Who said something about the incident's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source<'a> {
    StatusPage,
    Isd(&'a str),
    OlReport(&'a str),
}

pub fn section(doc: &mut Doc, f: &Facts) {
    doc.h(2, "Believed versus true");
    doc.p("What the team said (status page, ISD status, OL reports) against what the simulation knew then: a row whenever a source's claim or the truth changed, and every disagreement.");
    let mut active: BTreeSet<&str> = BTreeSet::new();
    let mut cause_known = false;
    let (mut mitigated, mut resolved) = (false, false);
    let mut owed: Vec<&String> = Vec::new();
    let mut data_harmed = false;
    let mut rows = Vec::new();
    let mut generation = 0u32;
    let mut last_row: std::collections::BTreeMap<Source, (Option<Claim>, u32)> =
        std::collections::BTreeMap::new();
    for &e in &f.milestones {
        let (source, text, claim): (Source, &str, Option<Claim>) = match &e.event {
            Event::FaultStarted { fault, .. } => {
                active.insert(fault);
                generation += 1;
                continue;
            }
            Event::FaultMitigated { fault, .. } | Event::FaultResolved { fault, .. } => {
                active.remove(fault.as_str());
                generation += 1;
                continue;
            }
            Event::CauseRevealed { .. } => {
                cause_known = true;
                generation += 1;
                continue;
            }
            Event::IncidentMitigated => {
                mitigated = true;
                generation += 1;
                continue;
            }
            Event::IncidentResolved => {
                resolved = true;
                generation += 1;
                continue;
            }
            Event::IncidentReopened { .. } => {
                (mitigated, resolved) = (false, false);
                generation += 1;
                continue;
            }
            Event::ObligationArose { name, .. } => {
                owed.push(name);
                generation += 1;
                continue;
            }
            Event::ObligationDischarged { obligation, .. } => {
                let name = f
                    .scenario
                    .obligations
                    .iter()
                    .find(|o| o.id == *obligation)
                    .map(|o| &o.name);
                owed.retain(|o| Some(*o) != name);
                generation += 1;
                continue;
            }
            Event::SegmentHarmed {
                harm: crate::scenario::Harm::Wrong,
                ..
            } => {
                data_harmed = true;
                generation += 1;
                continue;
            }
            Event::StatusPosted(p) => (
                Source::StatusPage,
                &p.text,
                Some(match p.state {
                    StatusState::Investigating => Claim::Investigating,
                    StatusState::Identified => Claim::Identified,
                    StatusState::Monitoring => Claim::Recovered,
                    StatusState::Resolved => Claim::Resolved,
                }),
            ),
            Event::IsdEdited {
                section: IsdSection::Status,
                text,
                by,
            } => (Source::Isd(by), text, claim_in(text)),
            Event::Posted(m)
                if m.kind == MessageKind::Report
                    && f.holder(&crate::scenario::Role::OL, m.at) == Some(&m.from) =>
            {
                (Source::OlReport(&m.from), &m.text, claim_in(&m.text))
            }
            _ => continue,
        };
        let truth_claim = if resolved {
            Claim::Resolved
        } else if mitigated {
            Claim::Recovered
        } else if cause_known {
            Claim::Identified
        } else {
            Claim::Investigating
        };
        let verdict = match claim {
            _ if data_harmed && crate::judge::score::text::denies_data_loss(text) => {
                Some("**contradicts the truth**: said no data was lost, and some needs repair")
            }
            None => None,
            Some(c) if c > truth_claim && c >= Claim::Recovered => {
                Some("**ahead of the truth**: claimed more recovery than there was")
            }
            Some(Claim::Identified) if !cause_known => {
                Some("guessing: no diagnostic had found the cause")
            }
            Some(c) if c < truth_claim && truth_claim >= Claim::Recovered => {
                Some("behind the truth: recovery not yet reported")
            }
            Some(_) => Some("consistent"),
        };
        // A row when a source's claim or the truth changes, or when they disagree.
        let consistent = matches!(verdict, None | Some("consistent"));
        if consistent && last_row.get(&source) == Some(&(claim, generation)) {
            continue;
        }
        last_row.insert(source, (claim, generation));
        let who = match source {
            Source::StatusPage => "status page".to_string(),
            Source::Isd(by) => format!("ISD status ({})", f.name(by)),
            Source::OlReport(by) => format!("OL report ({})", f.name(by)),
        };
        let said = match (source, &e.event) {
            (Source::StatusPage, Event::StatusPosted(p)) => format!("{:?}: {}", p.state, p.text),
            _ => text.chars().take(90).collect(),
        };
        let mut truth = describe_truth(&active, resolved, mitigated, cause_known);
        if !owed.is_empty() {
            let names: Vec<&str> = owed.iter().map(|o| o.as_str()).collect();
            truth.push_str(&format!("; still owed: {}", names.join(", ")));
        }
        rows.push(vec![
            clock(e.at),
            who,
            said.chars().take(90).collect(),
            truth,
            verdict.unwrap_or("—").to_string(),
        ]);
    }
    if rows.is_empty() {
        doc.p("Nobody said anything about the incident's state.");
    } else {
        doc.table(
            &[
                "Time",
                "Source",
                "What was said",
                "What was true",
                "Verdict",
            ],
            rows,
        );
    }
}

fn describe_truth(
    active: &BTreeSet<&str>,
    resolved: bool,
    mitigated: bool,
    cause_known: bool,
) -> String {
    format!(
        "{}; {}; cause {}",
        if active.is_empty() {
            "no fault active".to_string()
        } else {
            let names: Vec<String> = active.iter().map(|a| format!("`{a}`")).collect();
            format!("active: {}", names.join(", "))
        },
        if resolved {
            "resolved"
        } else if mitigated {
            "service restored"
        } else {
            "customers hurting"
        },
        if cause_known {
            "known"
        } else {
            "not yet found"
        }
    )
}
