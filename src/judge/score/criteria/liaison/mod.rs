//! C16, external liaison: every party outside the company that writes in
//! (vendors, regulators, the press, partners) is answered in time in
//! #liaison, what the team tells them agrees with the truth and promises no
//! fix time, and every notice owed is sent.

use super::{Tally, after, at, due_in_drill, holder, mark, plural, quote, wait_mark, waits};
use crate::base::time::Tick;
use crate::judge::score::Mark;
use crate::judge::score::facts::Facts;
use crate::judge::score::targets::{Targets, score_time};
use crate::judge::score::text::{claims_fixed, denies_data_loss, eta_promises};
use crate::scenario::{Discharge, Role};
use crate::world::comms::{Message, MessageKind};

pub fn liaison<'a>(f: &Facts<'a>, t: &Targets) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut answered = Tally::default();
    let ours: Vec<&Message> = f
        .liaison
        .iter()
        .copied()
        .filter(|m| f.is_participant(&m.from))
        .collect();
    // Each party's question, and any it sends while still waiting, wait
    // for one answer that names the party.
    let mut waiting_until: Vec<(&str, Tick)> = Vec::new();
    for q in f
        .liaison
        .iter()
        .filter(|m| m.kind == MessageKind::Question && !f.is_participant(&m.from))
    {
        if waiting_until
            .iter()
            .any(|&(p, until)| p == q.from && until > q.at)
        {
            continue;
        }
        let name = f.scenario.party_name(&q.from);
        let answer = ours
            .iter()
            .find(|a| a.at >= q.at && names(a, &q.from, name));
        let cl = holder(f, &Role::CL, q.at);
        waiting_until.push((&q.from, answer.map_or(Tick::MAX, |a| a.at)));
        // A wait is charged to whoever held CL while it lasted.
        let part = |held: Tick| score_time(held, t.party_answer);
        match answer {
            Some(a) => {
                let delay = a.at - q.at;
                let value = score_time(delay, t.party_answer);
                if value >= 1.0 {
                    answered.add(&[cl], a.at);
                } else {
                    marks.push(wait_mark(
                        a.at,
                        f,
                        &waits(f, q.at, a.at, true, t.party_answer),
                        value,
                        format!(
                            "{name} wrote at {} and was answered by {} {}",
                            at(q.at),
                            f.name(&a.from),
                            after(delay, "it wrote", t.party_answer)
                        ),
                        part,
                    ));
                }
            }
            None if due_in_drill(f, q.at, t.party_answer.0) => marks.push(wait_mark(
                q.at + t.party_answer.0,
                f,
                &waits(f, q.at, f.end, false, t.party_answer),
                0.0,
                format!("{name} wrote at {} and never had an answer", at(q.at)),
                part,
            )),
            None => {}
        }
    }
    marks.extend(answered.marks(|_, n| {
        format!(
            "{} from outside answered in #liaison within {} min",
            plural(n, "party's question", "parties' questions"),
            t.party_answer.0 / 60
        )
    }));
    for m in &ours {
        let etas = eta_promises(&m.text);
        if !etas.is_empty() {
            marks.push(mark(
                m.at,
                &[m.from.as_str()],
                0.0,
                format!(
                    "{} promised an outside party a fix time in #liaison at {}: {}",
                    f.name(&m.from),
                    at(m.at),
                    quote(&m.text)
                ),
            ));
        }
        if let Some(claim) = ahead_of_truth(f, m) {
            marks.push(mark(
                m.at,
                &[m.from.as_str()],
                0.0,
                format!(
                    "{} told an outside party at {} that {claim}, which was not true then",
                    f.name(&m.from),
                    at(m.at)
                ),
            ));
        }
    }
    notices(f, t, &mut marks);
    marks
}

/// Notices owed to parties: sent in time after the harm that made them due.
fn notices(f: &Facts, t: &Targets, marks: &mut Vec<Mark>) {
    for &(arose, id, discharged) in &f.obligations {
        let Some(ob) = f.scenario.obligations.iter().find(|o| o.id == id) else {
            continue;
        };
        let Discharge::Notice(p) = ob.discharge else {
            continue;
        };
        let party = f.scenario.parties.get(p).map_or(id, |p| p.name.as_str());
        let part = |held: Tick| score_time(held, t.notice);
        match discharged {
            Some(sent) => {
                let delay = sent - arose;
                marks.push(wait_mark(
                    sent,
                    f,
                    &waits(f, arose, sent, true, t.notice),
                    score_time(delay, t.notice),
                    format!(
                        "The notice to {party} ({}) went out {}",
                        ob.name,
                        after(delay, "it fell due", t.notice)
                    ),
                    part,
                ));
            }
            None if due_in_drill(f, arose, t.notice.0) => marks.push(wait_mark(
                arose + t.notice.0,
                f,
                &waits(f, arose, f.end, false, t.notice),
                0.0,
                format!(
                    "The notice to {party} ({}) fell due at {} and was never sent",
                    ob.name,
                    at(arose)
                ),
                part,
            )),
            None => {}
        }
    }
}

/// What a post claimed that was ahead of the truth: recovery before
/// mitigation, or no data lost when some needs repair.
fn ahead_of_truth(f: &Facts, m: &Message) -> Option<&'static str> {
    if claims_fixed(&m.text) && f.mitigated.is_none_or(|done| m.at < done) {
        return Some("it was fixed");
    }
    if denies_data_loss(&m.text) && f.data_harmed.is_some_and(|harmed| harmed <= m.at) {
        return Some("no data was lost");
    }
    None
}

/// Whether a post names a party: by @id or by name.
fn names(m: &Message, id: &str, name: &str) -> bool {
    crate::world::comms::names_party(&m.text, &m.mentions, id, name)
}

#[cfg(test)]
mod tests;
