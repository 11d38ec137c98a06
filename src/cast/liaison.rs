//! The simulated CL's liaison work: every party outside the company that
//! writes in gets an answer in #liaison that agrees with the status page and
//! promises no fix time, and every notice owed is sent.

use std::collections::{BTreeSet, VecDeque};

use super::text;
use crate::base::time::{MINUTE, Tick};
use crate::scenario::Discharge;
use crate::world::comms::{Channel, MessageId, MessageKind, StatusState};
use crate::world::{Command, Drill};

/// How long the CL takes to answer a party.
const ANSWER_AFTER: Tick = MINUTE;

#[derive(Debug, Clone, Default)]
pub(crate) struct Memory {
    /// Messages read so far, and the outside questions among them not yet
    /// answered (so a long drill is not read again every second).
    read: usize,
    waiting: VecDeque<(MessageId, Tick)>,
    noticed: BTreeSet<usize>,
}

/// One liaison act if one is due: a notice owed first, then the oldest
/// question waiting. Returns whether it acted.
pub(super) fn duties(
    memory: &mut Memory,
    drill: &Drill,
    state: StatusState,
    out: &mut Vec<Command>,
) -> bool {
    let s = drill.scenario();
    for o in drill.owed() {
        if let Discharge::Notice(p) = s.obligations[o].discharge
            && memory.noticed.insert(o)
        {
            let party = &s.parties[p];
            out.push(Command::Say {
                channel: Channel::Liaison,
                kind: MessageKind::StatusUpdate,
                text: format!(
                    "@{} Notice: {}. {} {} We will keep you informed.",
                    party.id,
                    s.obligations[o].name,
                    state_words(state),
                    text::customer_impact(drill)
                ),
            });
            return true;
        }
    }
    let messages = drill.messages();
    for m in &messages[memory.read.min(messages.len())..] {
        if m.channel == Channel::Liaison
            && m.kind == MessageKind::Question
            && drill.people().get(&m.from).is_none()
        {
            memory.waiting.push_back((m.id, m.at));
        }
    }
    memory.read = messages.len();
    let Some(&(id, at)) = memory.waiting.front() else {
        return false;
    };
    // Ids ascend in the list.
    let Ok(i) = messages.binary_search_by_key(&id, |m| m.id) else {
        memory.waiting.pop_front();
        return false;
    };
    if drill.now() < at + ANSWER_AFTER {
        return false;
    }
    memory.waiting.pop_front();
    let question = &messages[i];
    let to = addressed(&question.from);
    out.push(Command::Say {
        channel: Channel::Liaison,
        kind: MessageKind::StatusUpdate,
        text: format!(
            "{to} Thank you for reaching out. {} {} The status page has the latest, and we will update you here as we learn more.",
            state_words(state),
            text::customer_impact(drill)
        ),
    });
    true
}

/// "@press" for a party with an id, "To Acme Payments:" for one named only.
fn addressed(from: &str) -> String {
    if crate::scenario::validate::valid_id(from) {
        format!("@{from}")
    } else {
        format!("To {from}:")
    }
}

/// What the status page says, in a sentence (never a fix time).
fn state_words(state: StatusState) -> &'static str {
    match state {
        StatusState::Investigating => "We are investigating the problem.",
        StatusState::Identified => "We have identified the cause and are working on a fix.",
        StatusState::Monitoring => "A fix is in place and we are monitoring recovery.",
        StatusState::Resolved => "The incident is resolved.",
    }
}
