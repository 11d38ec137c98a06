//! The criteria, grouped by area. Each returns the marks it found; the
//! caller turns them into judgements.

mod command;
mod communications;
mod documentation;
mod liaison;
mod mitigation;
mod operations;

use super::facts::Facts;
use super::targets::{Targets, score_time};

use super::facts::HashMap;
use super::{Answers, Criterion, Judgement, Mark};
use crate::base::time::{Tick, clock, span};
use crate::scenario::Role;

/// Judges every criterion, in order C1..C16.
pub fn judge_all(f: &Facts, t: &Targets, answers: Option<&Answers>) -> Vec<Judgement> {
    Criterion::ALL
        .iter()
        .map(|&c| {
            let (marks, none) = match c {
                Criterion::C1 => (
                    command::declare(f, t),
                    "No alert fired: nothing to declare.",
                ),
                Criterion::C2 => (command::staffing(f, t), "No incident: no roles to staff."),
                Criterion::C3 => (command::span_of_control(f, t), "Nobody directed anyone."),
                Criterion::C4 => (command::hands_off(f), "Nobody held IC."),
                Criterion::C5 => (
                    operations::production_changes(f),
                    "Nobody tried to change production.",
                ),
                Criterion::C6 => (
                    operations::closed_loop(f, t),
                    "No orders or decisions were given.",
                ),
                Criterion::C7 => (
                    operations::ol_reports(f, t),
                    "No OL was staffed, so there was nobody to report to the IC.",
                ),
                Criterion::C8 => (
                    communications::status_timeliness(f, t),
                    "No incident: the status page had nothing to say.",
                ),
                Criterion::C9 => (
                    communications::status_content(f),
                    "No status posts to judge.",
                ),
                Criterion::C10 => (
                    communications::executives(f, t),
                    "No executives in this scenario.",
                ),
                Criterion::C11 => (
                    documentation::isd(f, t),
                    "No incident: nothing to document.",
                ),
                Criterion::C12 => (command::handoffs(f), "No role changed hands."),
                Criterion::C13 => (
                    documentation::command_post(f),
                    "Nobody spoke in the command post.",
                ),
                Criterion::C14 => (mitigation::mitigation(f, t), "No alert fired."),
                Criterion::C15 => (
                    documentation::learning(f, answers),
                    "The after-action questions are not answered yet.",
                ),
                Criterion::C16 => (
                    liaison::liaison(f, t),
                    "Nobody outside the company wrote in, and no notice was owed.",
                ),
            };
            Judgement::from_marks(c, f.scenario.weight(c), marks, none)
        })
        .collect()
}

/// Who held a role at a moment, as a slice for `Mark::new`.
fn holder<'a>(f: &Facts<'a>, role: &Role, at: Tick) -> &'a str {
    f.holder(role, at).unwrap_or("")
}

/// Whether something due at `due` fell due inside the drill, `grace`
/// included: a promise, a time box or an answer the drill ended before is
/// nobody's lapse.
fn due_in_drill(f: &Facts, due: Tick, grace: Tick) -> bool {
    due.saturating_add(grace) <= f.end
}

/// "4 min after the declaration (target ≤ 5 min)".
fn after(delay: Tick, what: &str, (target, _): (Tick, Tick)) -> String {
    format!("{} after {what} (target ≤ {})", span(delay), span(target))
}

/// The incident's start for cadences: the declaration, else the first alert.
fn incident_start(f: &Facts) -> Option<Tick> {
    f.declared.map(|d| d.0).or(f.first_alert)
}

/// Who held the CL role while something it owes waited, from `from` to
/// `to` (when it came, or the end if it never did): each holder's stretch.
/// With one holder throughout, that one; with several, those who held the
/// role at least the target's time (a shorter stretch gave no fair chance)
/// and whoever held it when it came. Never none: a silence nobody held long
/// enough falls on whoever held it longest.
fn waits<'a>(
    f: &Facts<'a>,
    from: Tick,
    to: Tick,
    came: bool,
    target: (Tick, Tick),
) -> Vec<(&'a str, Tick, Tick)> {
    let stretches = f.tenures(&Role::CL, from, to);
    if stretches.len() <= 1 {
        return stretches;
    }
    let last = stretches.len() - 1;
    let fair: Vec<_> = stretches
        .iter()
        .enumerate()
        .filter(|&(i, &(_, a, b))| b - a >= target.0 || (came && i == last))
        .map(|(_, &s)| s)
        .collect();
    if fair.is_empty() {
        let longest = stretches.iter().max_by_key(|&&(_, a, b)| b - a).copied();
        return longest.into_iter().collect();
    }
    fair
}

/// One mark for a wait the CL role owed: the team judged by `value` (the
/// whole wait), charged to whoever held the role while it lasted, each at
/// the value of their own part (`part` of their stretch's length); with
/// several holders the text says who held it how long.
fn wait_mark(
    when: Tick,
    f: &Facts,
    stretches: &[(&str, Tick, Tick)],
    value: f64,
    text: String,
    part: impl Fn(Tick) -> f64,
) -> Mark {
    let who: Vec<&str> = stretches.iter().map(|s| s.0).collect();
    let mut m = mark(when, &who, value, text);
    if stretches.len() > 1 {
        m.personal = stretches.iter().map(|&(_, a, b)| part(b - a)).collect();
        let shares: Vec<String> = stretches
            .iter()
            .map(|&(who, a, b)| format!("{} {} from {}", f.name(who), span(b - a), at(a)))
            .collect();
        m.text = format!("{} (CL held by {})", m.text, shares.join(", "));
    }
    m
}

/// How soon after `start` the first of something the CL owes came (`first`),
/// or a zero for silence; charged to whoever held CL meanwhile (`waits`),
/// each judged by their own part of the wait.
fn first_word(
    f: &Facts,
    start: Tick,
    first: Option<Tick>,
    target: (Tick, Tick),
    said: impl FnOnce(Tick, Tick) -> String,
    silent: impl FnOnce() -> String,
) -> Mark {
    let to = first.unwrap_or(f.end).max(start);
    let stretches = waits(f, start, to, first.is_some(), target);
    match first {
        Some(when) => {
            let delay = when.saturating_sub(start);
            let text = said(when, delay);
            wait_mark(
                when,
                f,
                &stretches,
                score_time(delay, target),
                text,
                |held| score_time(held, target),
            )
        }
        None => wait_mark(f.end, f, &stretches, 0.0, silent(), |_| 0.0),
    }
}

/// The longest silence in `times` from `from` to `until`, charged to
/// whoever held CL while it lasted (`waits`).
fn longest_silence(
    f: &Facts,
    times: &[Tick],
    from: Tick,
    until: Tick,
    target: (Tick, Tick),
    said: impl FnOnce(Tick, Tick) -> String,
) -> Mark {
    let (gap, began) = longest_gap(times, from, until.max(from));
    let broken = times.contains(&(began + gap));
    let stretches = waits(f, began, began + gap, broken, target);
    wait_mark(
        began,
        f,
        &stretches,
        score_time(gap, target),
        said(gap, began),
        |held| score_time(held, target),
    )
}

/// Longest gap in a sorted list of times within `[from, until]`, with where it starts.
fn longest_gap(times: &[Tick], from: Tick, until: Tick) -> (Tick, Tick) {
    let mut best = (0, from);
    let mut last = from;
    for &t in times.iter().filter(|&&t| t >= from && t <= until) {
        if t - last > best.0 {
            best = (t - last, last);
        }
        last = t;
    }
    if until > last && until - last > best.0 {
        best = (until - last, last);
    }
    best
}

fn quote(text: &str) -> String {
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        format!("\"{short}…\"")
    } else {
        format!("\"{short}\"")
    }
}

fn at(t: Tick) -> String {
    clock(t)
}

/// A mark for people `who`, at `t`.
fn mark(t: Tick, who: &[&str], value: f64, text: String) -> Mark {
    Mark::new(Some(t), who, value, text)
}

/// Routine good marks, folded into one mark per group of responsible people,
/// so a long drill does not write a sentence per message. Lapses stay one
/// mark each, with their own evidence.
#[derive(Default)]
struct Tally<'a> {
    groups: HashMap<[&'a str; 2], (u32, Tick)>,
}

impl<'a> Tally<'a> {
    /// Counts one routine good opportunity for one or two people.
    fn add(&mut self, who: &[&'a str], at: Tick) {
        let key = [
            who.first().copied().unwrap_or(""),
            who.get(1).copied().unwrap_or(""),
        ];
        self.groups.entry(key).or_insert((0, at)).0 += 1;
    }

    /// One full-value mark per group, described by `text(who, count)`.
    fn marks(self, text: impl Fn(&[&str], u32) -> String) -> Vec<Mark> {
        // Sorted, so the marks come out in the same order every run.
        let mut groups: Vec<_> = self.groups.into_iter().collect();
        groups.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        groups
            .into_iter()
            .map(|(key, (count, first))| {
                let who: &[&str] = if key[1].is_empty() { &key[..1] } else { &key };
                Mark {
                    count,
                    ..Mark::new(Some(first), who, 1.0, text(who, count))
                }
            })
            .collect()
    }
}

/// "1 order" / "3 orders".
fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
