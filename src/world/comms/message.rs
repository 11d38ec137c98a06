//! Messages with a kind, mentions and time boxes, posted to channels.

use serde::{Deserialize, Serialize};

use crate::base::time::Tick;

/// Sequential id of a message in one drill.
pub type MessageId = u32;

/// Where a message is posted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Channel {
    /// The one channel where command happens.
    CommandPost,
    /// A team's working channel.
    Team(String),
    /// Updates for executives, run by the CL.
    Executive,
    /// Need-to-know channel for security incidents.
    Restricted,
    /// A direct message between two participants (ids in sorted order).
    Direct(String, String),
}

impl Channel {
    /// A direct channel between two people, independent of who writes first.
    pub fn direct(a: &str, b: &str) -> Channel {
        if a <= b {
            Channel::Direct(a.into(), b.into())
        } else {
            Channel::Direct(b.into(), a.into())
        }
    }

    /// A short label: "#command-post", "#team-db", "DM ana/ben".
    pub fn label(&self) -> String {
        match self {
            Channel::CommandPost => "#command-post".into(),
            Channel::Team(team) => format!("#team-{team}"),
            Channel::Executive => "#exec".into(),
            Channel::Restricted => "#restricted".into(),
            Channel::Direct(a, b) => format!("DM {a}/{b}"),
        }
    }
}

/// What a message is for; NPCs and scoring read this, not free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MessageKind {
    Order,
    Ack,
    /// A report in Conditions / Actions / Needs form.
    Report,
    /// A decision proposal put to the room ("any strong objections?").
    Proposal,
    Decision,
    Question,
    StatusUpdate,
    Chat,
}

/// One message in the drill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub id: MessageId,
    pub at: Tick,
    pub from: String,
    pub channel: Channel,
    pub kind: MessageKind,
    pub text: String,
    /// Participant ids named with `@id` or addressed directly.
    pub mentions: Vec<String>,
    /// When an order's or a report's time box runs out.
    pub due: Option<Tick>,
    /// The message this one answers (an ack to an order, a decision to a proposal).
    pub reply_to: Option<MessageId>,
    /// What an order asks for (orders only).
    #[serde(default)]
    pub task: Option<Task>,
}

/// What an order asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Task {
    /// Run this action.
    Run(String),
    /// Find out what is wrong with a component.
    Investigate(String),
    /// Hold off touching anything until told.
    StandBy,
    /// Anything else, in words.
    Free(String),
}

impl Task {
    /// The task in a few words, for messages.
    pub fn describe(&self) -> String {
        match self {
            Task::Run(action) => format!("run {action}"),
            Task::Investigate(component) => format!("investigate {component}"),
            Task::StandBy => "stand by".into(),
            Task::Free(text) => text.clone(),
        }
    }
}

/// Ids mentioned as `@id` in a text, in order of appearance, without repeats.
pub fn mentions_in(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for part in text.split('@').skip(1) {
        let id: String = part
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
            .collect();
        let id = id.trim_end_matches('-').to_string();
        if !id.is_empty() && !found.contains(&id) {
            found.push(id);
        }
    }
    found
}

/// Phrases that hand a task to nobody in particular ("can someone…").
pub fn vague_phrases(text: &str) -> Vec<&'static str> {
    const PHRASES: [&str; 7] = [
        "can someone",
        "could someone",
        "somebody",
        "anyone",
        "someone should",
        "can anybody",
        "whoever",
    ];
    // Every phrase contains "some", "any" or "whoever"; most messages
    // contain none, so one pass over the bytes settles them.
    let bytes = text.as_bytes();
    let at = |i: usize, w: &[u8]| {
        bytes
            .get(i..i + w.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(w))
    };
    let candidate = (0..bytes.len()).any(|i| match bytes[i] | 0x20 {
        b's' => at(i, b"some"),
        b'a' => at(i, b"any"),
        b'w' => at(i, b"whoever"),
        _ => false,
    });
    if !candidate {
        return Vec::new();
    }
    let mut lower = text.to_lowercase();
    // "Anyone else seeing this?" asks about symptoms, not for work.
    for observation in ["anyone else seeing", "anyone else notic"] {
        lower = lower.replace(observation, " ");
    }
    PHRASES.into_iter().filter(|p| lower.contains(p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_mentions() {
        assert_eq!(
            mentions_in("@ana and @ben-2, please; @ana again"),
            ["ana", "ben-2"]
        );
        assert_eq!(mentions_in("mail me at x@ or @-"), Vec::<String>::new());
    }

    #[test]
    fn flags_vague_asks() {
        assert_eq!(
            vague_phrases("Can someone look at the DB?"),
            ["can someone"]
        );
        assert!(vague_phrases("@raj fail over orders-db, report in 10m").is_empty());
        assert!(vague_phrases("Anyone else seeing this on their side?").is_empty());
        assert_eq!(
            vague_phrases("Anyone else seeing errors? Can anyone look?"),
            ["anyone"]
        );
    }

    #[test]
    fn direct_channels_ignore_order() {
        assert_eq!(Channel::direct("ben", "ana"), Channel::direct("ana", "ben"));
    }
}
