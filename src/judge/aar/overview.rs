//! Overview, role timeline, scorecard and the automatic timeline.

use super::{Doc, Input, value_text};
use crate::base::time::{Tick, clock};
use crate::judge::score::facts::ChangeKind;
use crate::judge::score::{Facts, Mode};
use crate::world::{Event, Outcome};

pub fn overview(doc: &mut Doc, input: &Input, f: &Facts) {
    let card = input.card;
    doc.h(2, "Overview");
    let outcome = match f.outcome {
        Some(Outcome::Resolved) => "resolved".to_string(),
        Some(Outcome::MitigatedOnly) => "mitigated, not resolved, when time ran out".into(),
        Some(Outcome::Unmitigated) => "customers still hurting when time ran out".into(),
        None => format!("interrupted at {}", clock(f.end)),
    };
    let people: Vec<String> = f
        .people
        .iter()
        .map(|p| {
            let seat = p.seat.map(|s| format!(", {s:?} seat")).unwrap_or_default();
            let kind = if p.human { "trainee" } else { "simulated" };
            format!("{} ({kind}{seat})", p.name)
        })
        .collect();
    let when = |t: Option<Tick>| t.map_or("never".to_string(), clock);
    let mut rows = vec![
        vec![
            "Scenario".into(),
            format!(
                "{} (`{}`, {:?})",
                input.facts.scenario.title,
                input.facts.scenario.id,
                input.facts.scenario.difficulty
            ),
        ],
        vec!["Mode".into(), card.mode.describe()],
        vec!["Seed".into(), input.seed.to_string()],
        vec!["Outcome".into(), outcome],
        vec![
            "Overall score".into(),
            format!(
                "**{}** — {}",
                value_text(card.overall),
                card.band.map_or("no opportunity to judge", |b| b.meaning())
            ),
        ],
        vec![
            "Key times".into(),
            format!(
                "first alert {}, declared {}, mitigated {} (par {}), resolved {} (par {}), ended {}",
                when(card.first_alert),
                when(card.declared),
                when(card.mitigated),
                crate::base::time::span(input.facts.scenario.par.mitigate),
                when(card.resolved),
                crate::base::time::span(input.facts.scenario.par.resolve),
                clock(card.ended)
            ),
        ],
        vec!["Participants".into(), people.join(", ")],
    ];
    if !f.impact.is_empty() {
        let lines = crate::lenses::describe::impact_lines(f.scenario, &f.impact);
        rows.insert(4, vec!["Customer impact".into(), lines.join("; ")]);
    }
    let owed: Vec<&str> = f
        .obligations
        .iter()
        .filter(|o| o.2.is_none())
        .filter_map(|o| f.scenario.obligations.iter().find(|x| x.id == o.1))
        .map(|o| o.name.as_str())
        .collect();
    if !owed.is_empty() {
        rows.insert(5, vec!["Still owed at the end".into(), owed.join("; ")]);
    }
    if !input.knobs.is_normal() {
        rows.insert(3, vec!["Tuning".into(), input.knobs.describe()]);
    }
    doc.table(&["", ""], rows);

    doc.h(3, "Role timeline");
    let mut rows = Vec::new();
    for c in &f.roles {
        let how = match c.kind {
            ChangeKind::Declared => "declared the incident".to_string(),
            ChangeKind::Assigned if !f.is_participant(c.by) => format!("paged by the {}", c.by),
            ChangeKind::Assigned => format!("assigned by {}", f.name(c.by)),
            ChangeKind::HandedOver => format!("handed over by {}", f.name(c.by)),
            ChangeKind::Released => format!("released by {}; back to the IC", f.name(c.by)),
            ChangeKind::TeamLead => format!("team formed by {}", f.name(c.by)),
        };
        rows.push(vec![
            clock(c.at),
            c.role.label(),
            c.to.map_or("the IC".to_string(), |t| f.name(t).to_string()),
            how,
        ]);
    }
    doc.table(&["Time", "Role", "Holder", "How"], rows);
}

pub fn scorecard(doc: &mut Doc, input: &Input) {
    let card = input.card;
    doc.h(2, "Scorecard");
    doc.p(match &card.mode {
        Mode::Solo { who, seat } => format!(
            "Solo practice: {who} is scored on what fell to them in the {seat:?} seat, against solo par; simulated seats are never held against them. Criteria marked N/A had no opportunity."
        ),
        Mode::Team { .. } => "Team drill: the team's scores, then a card per person weighted by how long they held each role. Criteria marked N/A had no opportunity.".into(),
        Mode::Simulated => "Simulated team: no humans took part.".into(),
    });
    let mut rows = Vec::new();
    for j in &card.criteria {
        let c = j.criterion;
        let change = match (input.previous.and_then(|p| p.value(c)), j.value) {
            (Some(before), Some(now)) => format!("{:+.2}", now - before),
            _ => "—".into(),
        };
        let evidence = if j.value.is_none() {
            j.note.clone()
        } else {
            j.evidence(3).join("; ")
        };
        rows.push(vec![
            format!("{} {}", c.id(), c.title()),
            format!("{}", j.weight),
            j.value.map_or("N/A".into(), |v| format!("{v:.2}")),
            j.band.map_or("—".into(), |b| format!("{b:?}")),
            change,
            evidence,
        ]);
    }
    doc.table(
        &["Criterion", "Weight", "Score", "Band", "Change", "Evidence"],
        rows,
    );
    doc.h(3, "Change since the previous attempt");
    doc.p(match input.previous {
        Some(p) => format!(
            "Previous attempt (seed {}, {}): {} → now {}{}.",
            p.seed,
            p.mode,
            value_text(p.overall),
            value_text(card.overall),
            match (p.overall, card.overall) {
                (Some(a), Some(b)) => format!(" ({:+.2})", b - a),
                _ => String::new(),
            }
        ),
        None => "This is the first recorded attempt of this scenario in this seat.".into(),
    });
    if !card.cards.is_empty() {
        doc.h(3, "Individual cards");
        let rows = card
            .cards
            .iter()
            .map(|c| {
                let roles: Vec<String> = c
                    .roles
                    .iter()
                    .map(|(r, minutes)| format!("{r} {minutes} min"))
                    .collect();
                let weakest = c
                    .criteria
                    .iter()
                    .filter_map(|j| j.value.map(|v| (v, j.criterion)))
                    .min_by(|a, b| a.0.total_cmp(&b.0))
                    .map_or("—".into(), |(v, c)| {
                        format!("{} {} ({v:.2})", c.id(), c.title())
                    });
                vec![
                    c.name.clone(),
                    if roles.is_empty() {
                        "no command role".into()
                    } else {
                        roles.join(", ")
                    },
                    value_text(c.overall),
                    weakest,
                ]
            })
            .collect();
        doc.table(
            &["Person", "Roles held", "Score", "Weakest criterion"],
            rows,
        );
    }
}

/// The incident's milestones as the simulation recorded them.
pub fn timeline(doc: &mut Doc, f: &Facts) {
    doc.h(2, "Timeline");
    doc.p("Milestones: the first start of each production change and each change of the status page's state; every post and message is in the appendices.");
    let mut items = Vec::new();
    let mut started = std::collections::BTreeSet::new();
    let mut last_state = None;
    let mut owed: Vec<String> = Vec::new();
    for &e in &f.milestones {
        let line = match &e.event {
            Event::FaultStarted { fault, component } => {
                Some(format!("fault `{fault}` started on {component}"))
            }
            Event::AlertFired { text, severity, .. } => {
                Some(format!("alert ({severity:?}): {text}"))
            }
            Event::Declared { by, severity } => Some(format!(
                "{} declared {severity:?} and took command",
                f.name(by)
            )),
            Event::RoleAssigned { role, to, .. } => {
                Some(format!("{} became {}", f.name(to), role.label()))
            }
            Event::HandoffAccepted { role, from, to } => Some(format!(
                "{} handed {} to {}",
                f.name(from),
                role.label(),
                f.name(to)
            )),
            Event::TeamCreated { team, lead, .. } => {
                Some(format!("team {team} formed, lead {}", f.name(lead)))
            }
            Event::CauseRevealed { fault, by, .. } => {
                Some(format!("{} found the cause of `{fault}`", f.name(by)))
            }
            Event::ActionStarted { by, action, .. }
                if f.action_kind(action) == Some(crate::scenario::ActionKind::Remediation)
                    && started.insert(action.as_str()) =>
            {
                Some(format!("{} started `{action}`", f.name(by)))
            }
            Event::ViolationNoted {
                by,
                violation,
                detail,
            } => Some(format!("**{violation:?}** by {}: {detail}", f.name(by))),
            Event::Posted(m) if m.kind == crate::world::comms::MessageKind::Decision => {
                Some(format!("decision by {}: {}", f.name(&m.from), m.text))
            }
            Event::StatusPosted(p) if last_state.replace(p.state) != Some(p.state) => {
                Some(format!("status page: {:?}", p.state))
            }
            Event::FaultMitigated { fault, .. } => Some(format!("`{fault}` mitigated")),
            Event::IncidentMitigated if owed.is_empty() => {
                Some("**service restored (incident mitigated)**".into())
            }
            Event::IncidentMitigated => Some(format!(
                "**service restored (incident mitigated); still owed: {}**",
                owed.join("; ")
            )),
            Event::ObligationArose { name, .. } => {
                owed.push(name.clone());
                Some(format!("owed: {name}"))
            }
            Event::ObligationDischarged { obligation, by } => {
                let name = f
                    .scenario
                    .obligations
                    .iter()
                    .find(|o| o.id == *obligation)
                    .map_or(obligation.as_str(), |o| o.name.as_str());
                owed.retain(|o| o != name);
                Some(format!("{} discharged: {name}", f.name(by)))
            }
            Event::FaultDefused { fault, by } => {
                Some(format!("{} defused `{fault}` before it struck", f.name(by)))
            }
            Event::IncidentResolved => Some("**incident resolved**".into()),
            Event::IncidentReopened { fault } => {
                Some(format!("**incident reopened** by `{fault}`"))
            }
            Event::Closed { by } => Some(format!("{} closed the incident", f.name(by))),
            _ => None,
        };
        if let Some(line) = line {
            items.push(format!("{} {line}", clock(e.at)));
        }
    }
    doc.bullets(items);
}
