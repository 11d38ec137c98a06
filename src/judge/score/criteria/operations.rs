//! Operations: who changes production, closed loops, OL reports, mitigation
//! (C5, C6, C7, C14).

use super::{Tally, after, at, holder, longest_gap, mark, plural, quote};
use crate::base::time::{MINUTE, span};
use crate::judge::score::Mark;
use crate::judge::score::facts::{Facts, any_within, first_from};
use crate::judge::score::targets::{Targets, score_time};
use crate::judge::score::text::is_can_form;
use crate::scenario::{ActionKind, Role};
use crate::world::Violation;
use crate::world::comms::{MessageKind, Task, vague_asks};
use crate::world::orders::{Flaw, flaws as order_flaws};

/// C5: production changes come from the Operations chain, on an order or a decision.
pub fn production_changes<'a>(f: &Facts<'a>) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut ordered = Tally::default();
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
            ordered.add(&[a.by, &order.from], a.at);
        } else {
            let decided = any_within(&f.decisions, a.at.saturating_sub(15 * MINUTE), a.at);
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
    marks.extend(ordered.marks(|who, n| {
        format!(
            "{} made {} on {}'s orders",
            f.name(who[0]),
            plural(n, "production change", "production changes"),
            f.name(who[1])
        )
    }));
    marks
}

/// C6: orders name an owner and a time box and are acknowledged and closed;
/// decisions are put to the room first; nobody asks "can someone…".
pub fn closed_loop<'a>(f: &Facts<'a>, t: &Targets) -> Vec<Mark> {
    let mut marks = Vec::new();
    let (mut orders, mut acks, mut loops) = (Tally::default(), Tally::default(), Tally::default());
    for m in f.team_messages() {
        // Acks, reports and updates answer someone; only asks can be vague.
        let vague = match m.kind {
            MessageKind::Ack | MessageKind::Report | MessageKind::StatusUpdate => Vec::new(),
            _ => vague_asks(&m.text, m.mentions.iter().any(|w| f.is_participant(w))),
        };
        if m.kind == MessageKind::Order {
            let owner = m.mentions.first().filter(|o| f.is_participant(o));
            let lapses: Vec<String> =
                order_flaws(owner.map(String::as_str), m.task.as_ref(), m.due, &m.text)
                    .into_iter()
                    .map(Flaw::lapse)
                    .collect();
            if lapses.is_empty() {
                orders.add(&[&m.from], m.at);
            } else {
                let to = owner
                    .map(|o| format!(" to {}", f.name(o)))
                    .unwrap_or_default();
                marks.push(mark(
                    m.at,
                    &[&m.from],
                    1.0 - 0.4 * lapses.len() as f64,
                    format!(
                        "{}'s order{to} at {} {} ({})",
                        f.name(&m.from),
                        at(m.at),
                        lapses.join(" and "),
                        quote(&m.text)
                    ),
                ));
            }
            if let Some(owner) = owner {
                marks.extend(ack(f, t, m, owner, &mut acks));
                marks.extend(follow_up(f, m, owner, &mut loops));
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
            let polled = any_within(&f.proposals, m.at.saturating_sub(15 * MINUTE), m.at);
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
    marks.extend(orders.marks(|who, n| {
        format!(
            "{} gave {} with an owner and a time box",
            f.name(who[0]),
            plural(n, "order", "orders")
        )
    }));
    marks.extend(acks.marks(|who, n| {
        format!(
            "{} acknowledged {} within {}",
            f.name(who[0]),
            plural(n, "order", "orders"),
            span(t.ack.0)
        )
    }));
    marks.extend(loops.marks(|who, n| {
        format!(
            "{} reported back within the time box on {}",
            f.name(who[0]),
            plural(n, "order", "orders")
        )
    }));
    marks
}

fn ack<'a>(
    f: &Facts<'a>,
    t: &Targets,
    order: &'a crate::world::comms::Message,
    owner: &'a str,
    good: &mut Tally<'a>,
) -> Option<Mark> {
    match f.acks.get(&order.id) {
        Some(&acked) => {
            let delay = acked.saturating_sub(order.at);
            let value = score_time(delay, t.ack);
            if value >= 1.0 {
                good.add(&[owner], acked);
                return None;
            }
            Some(mark(
                acked,
                &[owner],
                value,
                format!(
                    "{} acknowledged {}'s order {}",
                    f.name(owner),
                    f.name(&order.from),
                    after(delay, "it was given", t.ack)
                ),
            ))
        }
        None if !super::due_in_drill(f, order.at, t.ack.0) => None,
        None => Some(mark(
            order.at,
            &[owner],
            0.0,
            format!(
                "{} never acknowledged {}'s order of {}",
                f.name(owner),
                f.name(&order.from),
                at(order.at)
            ),
        )),
    }
}

/// Whether the owner reported back by the time box, or the giver chased it.
fn follow_up<'a>(
    f: &Facts<'a>,
    order: &'a crate::world::comms::Message,
    owner: &'a str,
    good: &mut Tally<'a>,
) -> Option<Mark> {
    let due = order.due?;
    if matches!(order.task, Some(Task::StandBy)) || !super::due_in_drill(f, due, 2 * MINUTE) {
        return None;
    }
    let report = f
        .reports_by
        .get(owner)
        .and_then(|times| first_from(times, order.at));
    let chased = f
        .mentions_by
        .get(&(order.from.as_str(), owner))
        .is_some_and(|times| first_from(times, due.saturating_add(1)).is_some());
    let (value, text) = match report {
        Some(r) if r <= due.saturating_add(2 * MINUTE) => {
            // The report-back is the owner's credit, not the giver's.
            good.add(&[owner], r);
            return None;
        }
        Some(r) => (
            0.5,
            format!(
                "{} reported back at {}, after the time box ran out at {}",
                f.name(owner),
                at(r),
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
    let reports: Vec<&crate::world::comms::Message> = f
        .reports
        .iter()
        .copied()
        .filter(|m| f.holder(&Role::OL, m.at) == Some(&m.from))
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
        // Structured reports carry their three parts; a report typed in other
        // words counts when it still names conditions, actions and needs.
        let can = reports
            .iter()
            .filter(|r| r.report.is_some() || is_can_form(&r.text))
            .count();
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
