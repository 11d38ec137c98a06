//! Command: declaring, staffing, span of control, hands off, handoffs (C1-C4, C12).

use std::collections::{BTreeMap, BTreeSet};

use super::{after, at, holder, incident_start, mark, quote};
use crate::judge::score::Mark;
use crate::judge::score::facts::{ChangeKind, Facts};
use crate::judge::score::targets::{Targets, score_time};
use crate::judge::score::text::briefing_coverage;
use crate::scenario::{Role, Seat};
use crate::world::comms::Channel;

/// C1: declare early at the right severity.
pub fn declare(f: &Facts, t: &Targets) -> Vec<Mark> {
    let Some(alert) = f.first_alert else {
        return Vec::new();
    };
    let on_call = f.on_call.unwrap_or("");
    let Some((when, by, severity)) = f.declared else {
        return vec![mark(
            f.end,
            &[on_call],
            0.0,
            format!(
                "Never declared: the first alert fired at {} and nobody took command",
                at(alert)
            ),
        )];
    };
    let who: Vec<&str> = if by == on_call {
        vec![by]
    } else {
        vec![on_call, by]
    };
    let delay = when.saturating_sub(alert);
    let mut marks = vec![mark(
        when,
        &who,
        score_time(delay, t.declare),
        format!(
            "{} declared {severity:?} and took command at {}, {}",
            f.name(by),
            at(when),
            after(delay, "the first alert", t.declare)
        ),
    )];
    let expected = f.scenario.severity;
    marks.push(if severity > expected {
        mark(
            when,
            &[by],
            0.5,
            format!("Declared {severity:?} for an incident of {expected:?} impact"),
        )
    } else if severity < expected {
        mark(
            when,
            &[by],
            1.0,
            format!(
                "Declared {severity:?} above the {expected:?} impact: safe, and easy to downgrade"
            ),
        )
    } else {
        mark(
            when,
            &[by],
            1.0,
            format!("Severity {severity:?} matched the impact"),
        )
    });
    marks
}

/// C2: an OL and a CL early, each with a briefing; teams with leads when Ops grows.
pub fn staffing(f: &Facts, t: &Targets) -> Vec<Mark> {
    let Some(start) = incident_start(f) else {
        return Vec::new();
    };
    let mut marks = Vec::new();
    for (role, target) in [(Role::OL, t.staff_ol), (Role::CL, t.staff_cl)] {
        marks.push(match f.first_staffed(&role) {
            Some(change) => {
                let delay = change.at.saturating_sub(start);
                mark(
                    change.at,
                    &[change.by],
                    score_time(delay, target),
                    format!(
                        "{} made {} {} at {}, {}",
                        f.name(change.by),
                        f.name(change.to.unwrap_or("")),
                        role.label(),
                        at(change.at),
                        after(delay, "the declaration", target)
                    ),
                )
            }
            // Charged to whoever commanded when the role should have been staffed.
            None => mark(
                f.end,
                &[holder(
                    f,
                    &Role::IC,
                    start.saturating_add(target.0).min(f.end),
                )],
                0.0,
                format!(
                    "No {} was ever staffed: the IC held the role alone",
                    role.label()
                ),
            ),
        });
    }
    for change in f.roles.iter().filter(|c| {
        c.kind == ChangeKind::Assigned
            && matches!(c.role, Role::OL | Role::CL | Role::PL | Role::Scribe)
    }) {
        let to = f.name(change.to.unwrap_or(""));
        marks.push(if change.briefing.trim().len() >= 20 {
            mark(
                change.at,
                &[change.by],
                1.0,
                format!("{to} was briefed on becoming {}", change.role.label()),
            )
        } else {
            mark(
                change.at,
                &[change.by],
                0.3,
                format!(
                    "{to} was made {} at {} with no briefing",
                    change.role.label(),
                    at(change.at)
                ),
            )
        });
    }
    // Fan out: once three or more responders work under Ops, a team with a named lead.
    let responders = f
        .people
        .iter()
        .filter(|p| matches!(p.seat, None | Some(Seat::Responder)) && p.joined < f.open_until())
        .count();
    if responders >= 3 {
        // Charged to whoever ran Operations when the third responder was there.
        let third = f
            .people
            .iter()
            .filter(|p| matches!(p.seat, None | Some(Seat::Responder)))
            .map(|p| p.joined.max(start))
            .nth(2)
            .unwrap_or(start);
        let ol = holder(f, &Role::OL, third.min(f.open_until()));
        marks.push(
            match f.roles.iter().find(|c| c.kind == ChangeKind::TeamLead) {
                Some(team) => mark(
                    team.at,
                    &[team.by],
                    1.0,
                    format!(
                        "{} formed team {} with {} as lead at {}",
                        f.name(team.by),
                        team.role.label().trim_start_matches("lead of "),
                        f.name(team.to.unwrap_or("")),
                        at(team.at)
                    ),
                ),
                None => mark(
                    f.end,
                    &[ol],
                    0.3,
                    format!("{responders} responders worked with no team and no named lead"),
                ),
            },
        );
    }
    marks
}

/// C3: nobody directs more people than they can keep track of.
pub fn span_of_control(f: &Facts, t: &Targets) -> Vec<Mark> {
    let mut reports: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for &m in &f.orders {
        for to in &m.mentions {
            if *to != m.from {
                reports.entry(&m.from).or_default().insert(to);
            }
        }
    }
    for change in &f.roles {
        if let Some(to) = change.to
            && to != change.by
            && change.kind == ChangeKind::Assigned
            && f.is_participant(change.by)
        {
            reports.entry(change.by).or_default().insert(to);
        }
    }
    reports
        .into_iter()
        .filter(|(_, r)| r.len() >= 2)
        .map(|(boss, r)| {
            let n = r.len() as u32;
            Mark::new(
                None,
                &[boss],
                super::super::s(f64::from(n), f64::from(t.span.0), f64::from(t.span.1)),
                format!(
                    "{} directed {n} people (target ≤ {})",
                    f.name(boss),
                    t.span.0
                ),
            )
        })
        .collect()
}

/// C4: the IC decides and delegates; no diagnostics, no production changes,
/// no orders around the OL to the OL's people.
pub fn hands_off(f: &Facts) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut ics: Vec<&str> = f.on_call.into_iter().collect();
    for c in f.roles.iter().filter(|c| c.role == Role::IC) {
        if let Some(to) = c.to
            && !ics.contains(&to)
        {
            ics.push(to);
        }
    }
    let mut lapsed: BTreeSet<&str> = BTreeSet::new();
    for a in &f.actions {
        if f.holder(&Role::IC, a.at) == Some(a.by) {
            lapsed.insert(a.by);
            marks.push(mark(
                a.at,
                &[a.by],
                0.0,
                format!(
                    "{} ran `{}` personally at {} while holding IC",
                    f.name(a.by),
                    a.action,
                    at(a.at)
                ),
            ));
        }
    }
    for &m in &f.orders {
        let ol = f.explicit_holder(&Role::OL, m.at);
        if f.holder(&Role::IC, m.at) == Some(m.from.as_str())
            && let Some(ol) = ol
            && m.channel != Channel::Executive
        {
            for to in m.mentions.iter().filter(|to| to.as_str() != ol) {
                if f.held_any(to, &[Role::CL, Role::Scribe, Role::PL], m.at) {
                    continue;
                }
                lapsed.insert(&m.from);
                marks.push(mark(
                    m.at,
                    &[&m.from],
                    0.5,
                    format!(
                        "{} (IC) gave {} an order directly at {}, around the OL {}",
                        f.name(&m.from),
                        f.name(to),
                        at(m.at),
                        f.name(ol)
                    ),
                ));
            }
        }
    }
    for ic in ics.into_iter().filter(|ic| !lapsed.contains(ic)) {
        marks.push(Mark::new(
            None,
            &[ic],
            1.0,
            format!("{} kept hands off the keyboard while IC", f.name(ic)),
        ));
    }
    marks
}

/// C12: handoffs with a full briefing, explicit acceptance and an announcement.
pub fn handoffs(f: &Facts) -> Vec<Mark> {
    let mut marks = Vec::new();
    for h in &f.handoffs {
        let (has, misses) = briefing_coverage(h.briefing);
        let role = h.role.label();
        let covered = has.len() as f64 / (has.len() + misses.len()) as f64;
        let briefing = mark(
            h.at,
            &[h.from],
            covered,
            if misses.is_empty() {
                format!(
                    "{}'s {role} handoff to {} at {} covered all {} briefing points",
                    f.name(h.from),
                    f.name(h.to),
                    at(h.at),
                    has.len()
                )
            } else {
                format!(
                    "{}'s {role} handoff to {} at {} ({}) missed: {}",
                    f.name(h.from),
                    f.name(h.to),
                    at(h.at),
                    quote(h.briefing),
                    misses.join(", ")
                )
            },
        );
        // A handoff that told the new holder nothing is a failed handoff,
        // however politely it was accepted and announced.
        marks.push(if has.is_empty() {
            briefing.capping(0.3)
        } else {
            briefing
        });
        match h.accepted {
            Some(accepted) => {
                marks.push(mark(
                    accepted,
                    &[h.to],
                    1.0,
                    format!(
                        "{} accepted {role} explicitly at {}",
                        f.name(h.to),
                        at(accepted)
                    ),
                ));
                let announced = f
                    .messages_between(accepted, accepted.saturating_add(180))
                    .iter()
                    .any(|m| {
                        m.channel == Channel::CommandPost && (m.from == h.to || m.from == h.from)
                    });
                marks.push(if announced {
                    mark(
                        accepted,
                        &[h.to, h.from],
                        1.0,
                        format!("The {role} handoff was announced in the command post"),
                    )
                } else {
                    mark(
                        accepted,
                        &[h.to, h.from],
                        0.3,
                        format!(
                            "Nobody announced the {role} handoff in the command post within 3 min"
                        ),
                    )
                });
            }
            None => marks.push(mark(
                h.at,
                &[h.from, h.to],
                0.0,
                format!(
                    "{} never accepted the {role} handoff offered at {}: command stayed unclear",
                    f.name(h.to),
                    at(h.at)
                ),
            )),
        }
    }
    marks
}
