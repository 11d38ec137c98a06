//! Believed versus true: what the status page, the ISD and the OL's reports
//! said at each moment, against what the simulation knew.

use std::collections::BTreeSet;

use super::Doc;
use crate::comms::{IsdSection, MessageKind, StatusState};
use crate::drill::Event;
use crate::score::Facts;
use crate::time::clock;

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

pub fn section(doc: &mut Doc, f: &Facts) {
    doc.h(2, "Believed versus true");
    doc.p("What the team said at each moment (status page, ISD status, OL reports) against what the simulation knew then.");
    let mut active: BTreeSet<&str> = BTreeSet::new();
    let mut cause_known = false;
    let (mut mitigated, mut resolved) = (false, false);
    let mut rows = Vec::new();
    let mut cached: Option<(u32, String)> = None;
    let mut generation = 0u32;
    for e in f.log {
        let said: Option<(String, String, Option<Claim>)> = match &e.event {
            Event::FaultStarted { fault, .. } => {
                active.insert(fault);
                generation += 1;
                None
            }
            Event::FaultMitigated { fault, .. } | Event::FaultResolved { fault, .. } => {
                active.remove(fault.as_str());
                generation += 1;
                None
            }
            Event::CauseRevealed { .. } => {
                cause_known = true;
                generation += 1;
                None
            }
            Event::IncidentMitigated => {
                mitigated = true;
                generation += 1;
                None
            }
            Event::IncidentResolved => {
                resolved = true;
                generation += 1;
                None
            }
            Event::IncidentReopened { .. } => {
                (mitigated, resolved) = (false, false);
                generation += 1;
                None
            }
            Event::StatusPosted(p) => Some((
                "status page".into(),
                format!("{:?}: {}", p.state, p.text),
                Some(match p.state {
                    StatusState::Investigating => Claim::Investigating,
                    StatusState::Identified => Claim::Identified,
                    StatusState::Monitoring => Claim::Recovered,
                    StatusState::Resolved => Claim::Resolved,
                }),
            )),
            Event::IsdEdited {
                section: IsdSection::Status,
                text,
                by,
            } => Some((
                format!("ISD status ({})", f.name(by)),
                text.clone(),
                claim_in(text),
            )),
            Event::Posted(m)
                if m.kind == MessageKind::Report
                    && f.holder(&crate::scenario::Role::OL, m.at) == Some(&m.from) =>
            {
                Some((
                    format!("OL report ({})", f.name(&m.from)),
                    m.text.clone(),
                    claim_in(&m.text),
                ))
            }
            _ => None,
        };
        let Some((source, text, claim)) = said else {
            continue;
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
        // The truth only changes with the events above: describe it once per change.
        if cached.as_ref().is_none_or(|(g, _)| *g != generation) {
            cached = Some((
                generation,
                describe_truth(&active, resolved, mitigated, cause_known),
            ));
        }
        let truth = cached.as_ref().map_or(String::new(), |(_, t)| t.clone());
        let verdict = match claim {
            None => "—".to_string(),
            Some(c) if c > truth_claim && c >= Claim::Recovered => {
                "**ahead of the truth**: claimed more recovery than there was".into()
            }
            Some(Claim::Identified) if !cause_known => {
                "guessing: no diagnostic had found the cause".into()
            }
            Some(c) if c < truth_claim && truth_claim >= Claim::Recovered => {
                "behind the truth: recovery not yet reported".into()
            }
            Some(_) => "consistent".into(),
        };
        let short: String = text.chars().take(90).collect();
        rows.push(vec![clock(e.at), source, short, truth, verdict]);
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
            "customers recovered"
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
