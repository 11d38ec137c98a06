//! Documentation: the ISD and its scribing, command post discipline and the
//! learning loop (C11, C13, C15).

use std::collections::BTreeMap;

use super::{after, at, first_word, holder, incident_start, longest_silence, mark, quote};
use crate::base::time::{MINUTE, Tick, span};
use crate::judge::score::facts::Facts;
use crate::judge::score::targets::{Targets, score_time};
use crate::judge::score::text::stamps;
use crate::judge::score::{Answers, Mark};
use crate::scenario::Role;
use crate::world::comms::{Channel, IsdSection, MessageKind};

/// C11: the ISD is started early and kept fresh, joiners are briefed, and the
/// scribe records what happened and what was decided.
pub fn isd(f: &Facts, t: &Targets) -> Vec<Mark> {
    let Some(start) = incident_start(f) else {
        return Vec::new();
    };
    let until = f.open_until();
    let first = f.isd.iter().find(|e| e.at >= start).or(f.isd.first());
    let mut marks = vec![first_word(
        f,
        start,
        first.map(|e| e.at),
        t.isd_first,
        |when, delay| {
            format!(
                "The ISD was started at {} by {}, {}",
                at(when),
                first.map_or("", |e| f.name(e.by)),
                after(delay, "the declaration", t.isd_first)
            )
        },
        || "Nobody wrote the Incident State Document".to_string(),
    )];
    if let Some(first) = first {
        let times: Vec<Tick> = f.isd.iter().map(|e| e.at).collect();
        marks.push(longest_silence(
            f,
            &times,
            first.at,
            until,
            t.isd_stale,
            |gap, from| {
                format!(
                    "The ISD went {} without an edit from {} (target ≤ {})",
                    span(gap),
                    at(from),
                    span(t.isd_stale.0)
                )
            },
        ));
    }
    marks.extend(joiners(f, start, until));
    marks.extend(scribing(f, t));
    marks
}

/// Everyone who joined the incident once it was running was told what is going on.
fn joiners(f: &Facts, start: Tick, until: Tick) -> Vec<Mark> {
    let mut marks = Vec::new();
    for p in f
        .people
        .iter()
        .filter(|p| p.joined > start && p.joined.saturating_add(2 * MINUTE) < until)
    {
        let window = p.joined..=p.joined.saturating_add(5 * MINUTE);
        let told = f
            .messages_between(p.joined, p.joined.saturating_add(5 * MINUTE))
            .iter()
            .any(|m| {
                m.from != p.id
                    && (m.mentions.contains(&p.id)
                        || matches!(&m.channel, Channel::Direct(a, b) if *a == p.id || *b == p.id))
            })
            || f.roles
                .iter()
                .any(|c| window.contains(&c.at) && c.to == Some(p.id.as_str()))
            || f.handoffs
                .iter()
                .any(|h| window.contains(&h.at) && h.to == p.id);
        let cl = holder(f, &Role::CL, p.joined);
        marks.push(mark(
            p.joined,
            &[cl],
            if told { 1.0 } else { 0.0 },
            if told {
                format!("{} was briefed on joining at {}", p.name, at(p.joined))
            } else {
                format!(
                    "{} joined at {} and nobody briefed them or pointed them to the ISD",
                    p.name,
                    at(p.joined)
                )
            },
        ));
    }
    marks
}

/// What the simulation knows happened, and the words a timeline line would use.
fn key_events<'a>(f: &Facts<'a>) -> Vec<(Tick, String, &'static [&'static str], bool)> {
    let mut events: Vec<(Tick, String, &'static [&'static str], bool)> = Vec::new();
    if let Some((t, _, _)) = f.declared {
        events.push((t, "the declaration".into(), &["declar"], false));
    }
    if let Some(c) = f.first_staffed(&Role::OL) {
        events.push((
            c.at,
            "the OL taking over Operations".into(),
            &["ol "],
            false,
        ));
    }
    if let Some(&(t, _)) = f.causes.first() {
        events.push((t, "the cause being found".into(), &["cause"], false));
    }
    for m in f
        .team_messages()
        .filter(|m| m.kind == MessageKind::Decision)
    {
        events.push((m.at, format!("the decision of {}", at(m.at)), &[], true));
    }
    if let Some(t) = f.mitigated {
        events.push((
            t,
            "the mitigation".into(),
            &["mitigat", "recover", "restored"],
            false,
        ));
    }
    if let Some(t) = f.resolved {
        events.push((t, "the resolution".into(), &["resolv"], false));
    }
    events.sort_by_key(|e| e.0);
    events
}

/// Scribe scoring: each key event reaches the ISD timeline (or, for
/// decisions, the decision log) soon after it happened.
fn scribing(f: &Facts, t: &Targets) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut used_decisions: BTreeMap<usize, ()> = BTreeMap::new();
    for (when, what, words, decision) in key_events(f) {
        if when.saturating_add(t.record.0) > f.end {
            continue;
        }
        let scribe = holder(f, &Role::Scribe, when);
        let found = f.isd.iter().enumerate().find(|(i, e)| {
            if e.at < when {
                return false;
            }
            if decision {
                return e.section == IsdSection::Decisions && !used_decisions.contains_key(i);
            }
            if e.section != IsdSection::Timeline {
                return false;
            }
            let lower = format!("{} ", e.text.to_lowercase());
            stamps(e.text).iter().any(|&s| s.abs_diff(when) <= 120)
                || words.iter().any(|w| lower.contains(w))
        });
        marks.push(match found {
            Some((i, e)) => {
                if decision {
                    used_decisions.insert(i, ());
                }
                let delay = e.at - when;
                mark(
                    e.at,
                    &[scribe],
                    score_time(delay, t.record),
                    format!(
                        "{} recorded {what} {}",
                        f.name(e.by),
                        after(delay, "it happened", t.record)
                    ),
                )
            }
            None => mark(
                when,
                &[scribe],
                0.0,
                format!(
                    "{} at {} never reached the ISD {}",
                    capitalised(&what),
                    at(when),
                    if decision { "decision log" } else { "timeline" }
                ),
            ),
        });
    }
    marks
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// C13: the command post carries typed traffic (orders, acks, reports,
/// decisions), not chatter; orders and decisions are not hidden in DMs.
pub fn command_post(f: &Facts) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut per_person: BTreeMap<&str, (usize, usize, Option<&str>)> = BTreeMap::new();
    let any_human = f.people.iter().any(|p| p.human);
    for &m in &f.direct {
        if f.is_participant(&m.from) && matches!(m.kind, MessageKind::Order | MessageKind::Decision)
        {
            marks.push(mark(
                m.at,
                &[&m.from],
                0.0,
                format!(
                    "{} gave {} in a direct message at {}: the rest of the team never saw it",
                    f.name(&m.from),
                    if m.kind == MessageKind::Order {
                        "an order"
                    } else {
                        "a decision"
                    },
                    at(m.at)
                ),
            ));
        }
    }
    for &m in &f.command_post {
        if !f.is_participant(&m.from) {
            continue;
        }
        // Humans answer for their own traffic; simulated people are judged
        // only when nobody human takes part.
        let runs_command = if any_human {
            f.people.iter().any(|p| p.id == m.from && p.human)
        } else {
            f.roles.iter().any(|c| c.to == Some(m.from.as_str()))
                || f.on_call == Some(m.from.as_str())
        };
        // A hello on arrival is not chatter.
        let arrival = f
            .people
            .iter()
            .any(|p| p.id == m.from && m.at < p.joined + MINUTE);
        if !runs_command || arrival {
            continue;
        }
        let entry = per_person.entry(&m.from).or_insert((0, 0, None));
        entry.0 += 1;
        // Untyped and addressed to nobody: chatter. A note to a named
        // person (briefing a joiner) is directed, not chatter.
        if m.kind == MessageKind::Chat && m.mentions.is_empty() {
            entry.1 += 1;
            entry.2.get_or_insert(&m.text);
        }
    }
    for (who, (all, chat, example)) in per_person {
        let ratio = chat as f64 / all as f64;
        marks.push(Mark::new(
            None,
            &[who],
            crate::judge::score::s(ratio, 0.25, 0.75),
            match example {
                Some(text) => format!(
                    "{}: {chat} of {all} command-post messages were untyped chatter (e.g. {})",
                    f.name(who),
                    quote(text)
                ),
                None => format!(
                    "{}: all {all} command-post messages were orders, acks, reports, decisions or updates",
                    f.name(who)
                ),
            },
        ));
    }
    marks
}

/// C15: the team answers the after-action questions.
pub fn learning(f: &Facts, answers: Option<&Answers>) -> Vec<Mark> {
    let Some(answers) = answers.filter(|a| !a.is_empty()) else {
        return Vec::new();
    };
    let humans: Vec<&str> = f
        .people
        .iter()
        .filter(|p| p.human)
        .map(|p| p.id.as_str())
        .collect();
    answers
        .five()
        .into_iter()
        .chain(answers.deeper())
        .map(|(question, answer)| {
            let words = answer.split_whitespace().count();
            Mark::new(
                None,
                &humans,
                if words >= 4 {
                    1.0
                } else if words > 0 {
                    0.5
                } else {
                    0.0
                },
                if words == 0 {
                    format!("\"{question}\" was left blank")
                } else {
                    format!("\"{question}\" answered ({words} words)")
                },
            )
        })
        .collect()
}
