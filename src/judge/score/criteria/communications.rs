//! Communications: the status page and executives (C8, C9, C10).

use super::{
    Tally, after, at, first_word, holder, incident_start, longest_silence, mark, plural, quote,
};
use crate::base::time::{MINUTE, Tick, span};
use crate::judge::score::Mark;
use crate::judge::score::facts::Facts;
use crate::judge::score::targets::{Targets, score_time};
use crate::judge::score::text::{denies_data_loss, eta_promises, internal_names, states_data_loss};
use crate::scenario::Role;
use crate::world::comms::{MessageKind, StatusState};

/// C8: first post soon after declaring, no long silences, promises kept,
/// customers not left to find out by themselves.
pub fn status_timeliness<'a>(f: &Facts<'a>, t: &Targets) -> Vec<Mark> {
    let mut kept = Tally::default();
    let Some(start) = incident_start(f) else {
        return Vec::new();
    };
    let until = f.open_until();
    let first_post = first_word(
        f,
        start,
        f.status.first().map(|p| p.at),
        t.status_first,
        |when, delay| {
            format!(
                "First status page update at {}, {}",
                at(when),
                after(delay, "the declaration", t.status_first)
            )
        },
        || {
            format!(
                "The status page stayed silent for the whole incident ({} from {})",
                span(until.saturating_sub(start)),
                at(start)
            )
        },
    );
    let Some(first) = f.status.first() else {
        return vec![first_post];
    };
    let mut marks = vec![first_post];
    let times: Vec<_> = f.status.iter().map(|p| p.at).collect();
    let open_end = if f.status.iter().any(|p| p.state == StatusState::Resolved) {
        until.min(
            f.status
                .iter()
                .rev()
                .find(|p| p.state == StatusState::Resolved)
                .map_or(until, |p| p.at),
        )
    } else {
        until
    };
    marks.push(longest_silence(
        f,
        &times,
        first.at,
        open_end,
        t.status_gap,
        |gap, from| {
            format!(
                "Longest silence on the status page: {} from {} (target ≤ {})",
                span(gap),
                at(from),
                span(t.status_gap.0)
            )
        },
    ));
    for (i, post) in f.status.iter().enumerate() {
        let Some(promised) = post.next_update else {
            continue;
        };
        if !super::due_in_drill(f, promised, MINUTE) {
            continue;
        }
        let next = f.status.get(i + 1).map(|p| p.at);
        let cl = holder(f, &Role::CL, promised);
        match next {
            Some(n) if n <= promised.saturating_add(MINUTE) => kept.add(&[cl], promised),
            Some(n) => marks.push(mark(
                promised,
                &[cl],
                0.0,
                format!(
                    "The post of {} promised an update by {}; the next came only at {}",
                    at(post.at),
                    at(promised),
                    at(n)
                ),
            )),
            None => marks.push(mark(
                promised,
                &[cl],
                0.0,
                format!(
                    "The post of {} promised an update by {} that never came",
                    at(post.at),
                    at(promised)
                ),
            )),
        }
    }
    marks.extend(kept.marks(|who, n| {
        format!(
            "{} kept {}",
            f.name(who[0]),
            plural(n, "promised update time", "promised update times")
        )
    }));
    marks.extend(unanswered_complaints(f, t, start, first.at));
    marks
}

/// Customers left to find out by themselves: how long customers had been
/// writing in before the first status post, from their first ticket (or
/// the declaration, if sooner), charged to whoever held CL meanwhile. It is
/// the time that counts, not how many wrote: a drill that sends 1 ticket a
/// minute and one that sends 40 judge the same wait alike.
fn unanswered_complaints(f: &Facts, t: &Targets, start: Tick, first_post: Tick) -> Option<Mark> {
    let &first_ticket = f.tickets.first()?;
    // Nobody wrote in before the post: the first post's own mark says it all.
    if first_ticket >= first_post {
        return None;
    }
    let from = first_ticket.min(start);
    let tickets = f.tickets.iter().filter(|&&at| at < first_post).count();
    let stretches = super::waits(f, from, first_post, true, t.status_first);
    Some(super::wait_mark(
        from,
        f,
        &stretches,
        score_time(first_post - from, t.status_first),
        format!(
            "{} from customers in the {} from {} to the first status post",
            plural(tickets as u32, "ticket", "tickets"),
            span(first_post - from),
            at(from)
        ),
        |held| score_time(held, t.status_first),
    ))
}

/// C9: each post says the impact, the components, the state and the next
/// update time; no promised fix times, no internal names; the last confirms
/// recovery and says whether data was lost.
pub fn status_content<'a>(f: &Facts<'a>) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut complete = Tally::default();
    for post in &f.status {
        let mut lapses = Vec::new();
        if post.impact.trim().is_empty() {
            lapses.push("no customer impact".to_string());
        }
        if post.components.is_empty() {
            lapses.push("no affected components".to_string());
        }
        if post.next_update.is_none() && post.state != StatusState::Resolved {
            lapses.push("no next-update time".to_string());
        }
        let all = format!(
            "{} {} {}",
            post.impact,
            post.components.join(" "),
            post.text
        );
        let etas = eta_promises(&all);
        if !etas.is_empty() {
            lapses.push(format!("promised a fix time (\"{}\")", etas.join("\", \"")));
        }
        let names = internal_names(&all, f.scenario);
        if !names.is_empty() {
            lapses.push(format!("showed internal names ({})", names.join(", ")));
        }
        if denies_data_loss(&all) && f.data_harmed.is_some_and(|h| h <= post.at) {
            lapses.push("said no data was lost while some needed repair".to_string());
        }
        if lapses.is_empty() {
            complete.add(&[&post.by], post.at);
            continue;
        }
        marks.push(mark(
            post.at,
            &[&post.by],
            1.0 - 0.25 * lapses.len() as f64,
            format!(
                "Status post at {} ({:?}, {}) had {}",
                at(post.at),
                post.state,
                quote(&post.text),
                lapses.join("; ")
            ),
        ));
    }
    marks.extend(complete.marks(|who, n| {
        format!(
            "{}'s {} stated impact, components and the next update",
            f.name(who[0]),
            plural(n, "status post", "status posts")
        )
    }));
    if let Some(resolved) = f.resolved {
        let last = f
            .status
            .iter()
            .rev()
            .find(|p| p.state == StatusState::Resolved);
        marks.push(match last {
            Some(p) if states_data_loss(&format!("{} {}", p.impact, p.text)) => mark(
                p.at,
                &[&p.by],
                1.0,
                format!(
                    "The final post at {} confirmed recovery and said what data was affected",
                    at(p.at)
                ),
            ),
            Some(p) => mark(
                p.at,
                &[&p.by],
                0.5,
                format!(
                    "The final post at {} did not say whether any data was lost",
                    at(p.at)
                ),
            ),
            None if !f.status.is_empty() => mark(
                resolved,
                &[holder(f, &Role::CL, resolved)],
                0.0,
                format!(
                    "The incident was resolved at {} but the status page never said so",
                    at(resolved)
                ),
            ),
            None => return marks,
        });
    }
    marks
}

/// C10: executives hear early, regularly, and get answers fast from the CL,
/// not the OL.
pub fn executives<'a>(f: &Facts<'a>, t: &Targets) -> Vec<Mark> {
    let mut answered = Tally::default();
    if f.scenario.executives.is_empty() {
        return Vec::new();
    }
    let Some(start) = incident_start(f) else {
        return Vec::new();
    };
    let until = f.open_until();
    let ours: Vec<&crate::world::comms::Message> = f
        .executive
        .iter()
        .copied()
        .filter(|m| f.is_participant(&m.from))
        .collect();
    let first_update = first_word(
        f,
        start,
        ours.first().map(|m| m.at),
        t.exec_first,
        |when, delay| {
            format!(
                "First executive update at {} by {}, {}",
                at(when),
                ours.first().map_or("", |m| f.name(&m.from)),
                after(delay, "the declaration", t.exec_first)
            )
        },
        || {
            format!(
                "Executives never heard from the incident team ({} from {})",
                span(until.saturating_sub(start)),
                at(start)
            )
        },
    );
    let Some(first) = ours.first() else {
        return vec![first_update];
    };
    let mut marks = vec![first_update];
    let times: Vec<_> = ours.iter().map(|m| m.at).collect();
    marks.push(longest_silence(
        f,
        &times,
        first.at,
        until,
        t.exec_gap,
        |gap, from| {
            format!(
                "Longest silence towards executives: {} from {} (target ≤ {})",
                span(gap),
                at(from),
                span(t.exec_gap.0)
            )
        },
    ));
    for q in f
        .executive
        .iter()
        .filter(|m| m.kind == MessageKind::Question && f.is_executive(&m.from))
    {
        let cl = holder(f, &Role::CL, q.at);
        let answer = ours.get(ours.partition_point(|m| m.at < q.at));
        match answer {
            Some(a) => {
                let delay = a.at - q.at;
                let by_ol = f.holder(&Role::OL, a.at) == Some(&a.from) && a.from != cl;
                let value = score_time(delay, t.exec_answer) * if by_ol { 0.5 } else { 1.0 };
                if value >= 1.0 {
                    answered.add(&[cl], a.at);
                    continue;
                }
                marks.push(mark(
                    a.at,
                    &[cl],
                    value,
                    format!(
                        "{}'s question of {} was answered by {} {}{}",
                        f.name(&q.from),
                        at(q.at),
                        f.name(&a.from),
                        after(delay, "it was asked", t.exec_answer),
                        if by_ol {
                            ", pulling the OL away from operations"
                        } else {
                            ""
                        }
                    ),
                ));
            }
            None if super::due_in_drill(f, q.at, t.exec_answer.0) => marks.push(mark(
                q.at,
                &[cl],
                0.0,
                format!(
                    "{}'s question of {} ({}) was never answered",
                    f.name(&q.from),
                    at(q.at),
                    quote(&q.text)
                ),
            )),
            None => {}
        }
    }
    marks.extend(answered.marks(|who, n| {
        format!(
            "{} answered {} within {}",
            f.name(who[0]),
            plural(n, "executive question", "executive questions"),
            span(t.exec_answer.0)
        )
    }));
    marks
}
