//! Operations: who changes production, closed loops, OL reports, mitigation
//! (C5, C6, C7, C14).

use super::{after, at, holder, longest_gap, mark, quote};
use crate::comms::{MessageKind, Task, vague_phrases};
use crate::drill::Violation;
use crate::scenario::{ActionKind, Role};
use crate::score::Mark;
use crate::score::facts::Facts;
use crate::score::targets::{Targets, score_time};
use crate::score::text::is_can_form;
use crate::time::{MINUTE, span};

/// C5: production changes come from the Operations chain, on an order or a decision.
pub fn production_changes(f: &Facts) -> Vec<Mark> {
    let mut marks = Vec::new();
    for a in f
        .actions
        .iter()
        .filter(|a| a.kind == ActionKind::Remediation)
    {
        let violation = |v: Violation| {
            f.violations
                .iter()
                .any(|&(t, by, kind, _)| t == a.at && by == a.by && kind == v)
        };
        let who = f.name(a.by);
        if a.refused {
            if violation(Violation::OutsideOpsChain) {
                marks.push(mark(
                    a.at,
                    &[a.by, holder(f, &Role::OL, a.at)],
                    0.0,
                    format!(
                        "{who}, outside the Operations chain, tried `{}` at {} (refused)",
                        a.action,
                        at(a.at)
                    ),
                ));
            }
            continue;
        }
        let ol = holder(f, &Role::OL, a.at);
        if violation(Violation::Freelancing) {
            marks.push(
                mark(
                    a.at,
                    &[a.by, ol],
                    0.0,
                    format!(
                        "{who} changed production (`{}`) at {} with no order or decision: freelancing",
                        a.action,
                        at(a.at)
                    ),
                )
                .capping(0.5),
            );
        } else if let Some(order) = a.order.and_then(|o| f.message(o)) {
            marks.push(mark(
                a.at,
                &[a.by, &order.from],
                1.0,
                format!(
                    "{who} ran `{}` at {} on {}'s order of {}",
                    a.action,
                    at(a.at),
                    f.name(&order.from),
                    at(order.at)
                ),
            ));
        } else {
            let decided = f.messages.iter().any(|m| {
                m.kind == MessageKind::Decision && m.at <= a.at && m.at + 15 * MINUTE >= a.at
            });
            marks.push(if decided {
                mark(
                    a.at,
                    &[a.by],
                    1.0,
                    format!("{who} ran `{}` at {} after a decision", a.action, at(a.at)),
                )
            } else {
                mark(
                    a.at,
                    &[a.by],
                    0.6,
                    format!(
                        "{who} changed production (`{}`) at {} with no order or decision on record",
                        a.action,
                        at(a.at)
                    ),
                )
            });
        }
    }
    marks
}

/// C6: orders name an owner and a time box and are acknowledged and closed;
/// decisions are put to the room first; nobody asks "can someone…".
pub fn closed_loop(f: &Facts, t: &Targets) -> Vec<Mark> {
    let mut marks = Vec::new();
    for m in f.team_messages() {
        let vague = vague_phrases(&m.text);
        if m.kind == MessageKind::Order {
            let owner = m.mentions.first().filter(|o| f.is_participant(o));
            let mut lapses = Vec::new();
            if owner.is_none() {
                lapses.push("named no owner".to_string());
            }
            if m.due.is_none() && !matches!(m.task, Some(Task::StandBy)) {
                lapses.push("had no time box".to_string());
            }
            if let Some(p) = vague.first() {
                lapses.push(format!("said \"{p}\""));
            }
            let value = 1.0 - 0.4 * lapses.len() as f64;
            let to = owner
                .map(|o| format!(" to {}", f.name(o)))
                .unwrap_or_default();
            marks.push(mark(
                m.at,
                &[&m.from],
                value,
                if lapses.is_empty() {
                    format!(
                        "{}'s order{to} at {} had an owner and a time box of {}",
                        f.name(&m.from),
                        at(m.at),
                        span(m.due.unwrap_or(m.at) - m.at)
                    )
                } else {
                    format!(
                        "{}'s order{to} at {} {} ({})",
                        f.name(&m.from),
                        at(m.at),
                        lapses.join(" and "),
                        quote(&m.text)
                    )
                },
            ));
            if let Some(owner) = owner {
                marks.push(ack(f, t, m, owner));
                if let Some(loop_mark) = follow_up(f, m, owner) {
                    marks.push(loop_mark);
                }
            }
        } else if let Some(p) = vague.first() {
            marks.push(mark(
                m.at,
                &[&m.from],
                0.0,
                format!(
                    "{} asked \"{p}…\" at {} instead of naming a person",
                    f.name(&m.from),
                    at(m.at)
                ),
            ));
        }
        if m.kind == MessageKind::Decision {
            let polled = f.messages.iter().any(|p| {
                p.kind == MessageKind::Proposal && p.at <= m.at && p.at + 15 * MINUTE >= m.at
            });
            marks.push(if polled {
                mark(
                    m.at,
                    &[&m.from],
                    1.0,
                    format!(
                        "{} put the decision of {} to the room first",
                        f.name(&m.from),
                        at(m.at)
                    ),
                )
            } else {
                mark(
                    m.at,
                    &[&m.from],
                    0.5,
                    format!(
                        "{} decided at {} without asking for objections ({})",
                        f.name(&m.from),
                        at(m.at),
                        quote(&m.text)
                    ),
                )
            });
        }
    }
    marks
}

fn ack(f: &Facts, t: &Targets, order: &crate::comms::Message, owner: &str) -> Mark {
    match f.acks.get(&order.id) {
        Some(&acked) => {
            let delay = acked.saturating_sub(order.at);
            mark(
                acked,
                &[owner],
                score_time(delay, t.ack),
                format!(
                    "{} acknowledged {}'s order {}",
                    f.name(owner),
                    f.name(&order.from),
                    after(delay, "it was given", t.ack)
                ),
            )
        }
        None => mark(
            order.at,
            &[owner],
            0.0,
            format!(
                "{} never acknowledged {}'s order of {}",
                f.name(owner),
                f.name(&order.from),
                at(order.at)
            ),
        ),
    }
}

/// Whether the owner reported back by the time box, or the giver chased it.
fn follow_up(f: &Facts, order: &crate::comms::Message, owner: &str) -> Option<Mark> {
    let due = order.due?;
    if matches!(order.task, Some(Task::StandBy)) || due + 2 * MINUTE > f.end {
        return None;
    }
    let report = f
        .messages
        .iter()
        .find(|r| r.from == owner && r.kind == MessageKind::Report && r.at >= order.at);
    let chased = f
        .messages
        .iter()
        .any(|c| c.from == order.from && c.at > due && c.mentions.iter().any(|m| m == owner));
    let (value, text) = match report {
        Some(r) if r.at <= due + 2 * MINUTE => (
            1.0,
            format!(
                "{} reported back at {}, within the time box",
                f.name(owner),
                at(r.at)
            ),
        ),
        Some(r) => (
            0.5,
            format!(
                "{} reported back at {}, after the time box ran out at {}",
                f.name(owner),
                at(r.at),
                at(due)
            ),
        ),
        None if chased => (
            0.5,
            format!(
                "{} chased the order after its time box; no report came",
                f.name(&order.from)
            ),
        ),
        None => (
            0.0,
            format!(
                "Nobody closed the loop on the order of {} (due {})",
                at(order.at),
                at(due)
            ),
        ),
    };
    Some(mark(due, &[owner, &order.from], value, text))
}

/// C7: the OL reports to the IC regularly, in CAN form.
pub fn ol_reports(f: &Facts, t: &Targets) -> Vec<Mark> {
    let Some(staffed) = f.first_staffed(&Role::OL) else {
        return Vec::new();
    };
    let until = f.open_until();
    if until <= staffed.at {
        return Vec::new();
    }
    let reports: Vec<&crate::comms::Message> = f
        .messages
        .iter()
        .copied()
        .filter(|m| m.kind == MessageKind::Report && f.holder(&Role::OL, m.at) == Some(&m.from))
        .collect();
    let times: Vec<_> = reports.iter().map(|m| m.at).collect();
    let (gap, from) = longest_gap(&times, staffed.at, until);
    let ol = holder(f, &Role::OL, from);
    let mut marks = vec![mark(
        from,
        &[ol],
        score_time(gap, t.report_gap),
        if reports.is_empty() {
            format!(
                "The OL never reported to the IC ({} from {} to {})",
                span(gap),
                at(staffed.at),
                at(until)
            )
        } else {
            format!(
                "{} OL report{}; the longest silence was {} from {} (target ≤ {})",
                reports.len(),
                if reports.len() == 1 { "" } else { "s" },
                span(gap),
                at(from),
                span(t.report_gap.0)
            )
        },
    )];
    if !reports.is_empty() {
        let can = reports.iter().filter(|r| is_can_form(&r.text)).count();
        marks.push(Mark::new(
            None,
            &[ol],
            can as f64 / reports.len() as f64,
            format!(
                "{can} of {} OL reports were in Conditions / Actions / Needs form",
                reports.len()
            ),
        ));
    }
    marks
}

/// C14: mitigate first; time to mitigation against par; no traps.
pub fn mitigation(f: &Facts, t: &Targets) -> Vec<Mark> {
    let Some(alert) = f.first_alert else {
        return Vec::new();
    };
    let resolve_note = match f.resolved {
        Some(r) => format!(
            "; resolved at {} (par {}, shown, not scored)",
            at(r),
            span(f.scenario.par.resolve)
        ),
        None => String::new(),
    };
    let mut marks = vec![match f.mitigated {
        Some(m) => {
            let delay = m.saturating_sub(alert);
            mark(
                m,
                &[holder(f, &Role::OL, m), holder(f, &Role::IC, m)],
                score_time(delay, t.mitigate),
                format!(
                    "Customers recovered at {}, {} after the first alert (par {}){resolve_note}",
                    at(m),
                    span(delay),
                    span(t.mitigate.0)
                ),
            )
        }
        None => mark(
            f.end,
            &[holder(f, &Role::OL, f.end), holder(f, &Role::IC, f.end)],
            0.0,
            "Never mitigated: customers were still hurting when the drill ended".to_string(),
        ),
    }];
    for &(when, by, v, detail) in &f.violations {
        if v == Violation::WrongFix {
            marks.push(mark(
                when,
                &[by, holder(f, &Role::OL, when)],
                0.0,
                format!("{}'s {detail} (at {})", f.name(by), at(when)),
            ));
        }
    }
    marks
}
