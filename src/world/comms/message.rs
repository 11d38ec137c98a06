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
    /// Where parties outside the company (vendors, regulators, the press,
    /// partners) write in and are answered; run by the CL.
    Liaison,
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
            Channel::Liaison => "#liaison".into(),
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

impl MessageKind {
    /// Every kind, in the order people use them (the composer's buttons).
    pub const ALL: [MessageKind; 8] = [
        MessageKind::Chat,
        MessageKind::Order,
        MessageKind::Ack,
        MessageKind::Report,
        MessageKind::Proposal,
        MessageKind::Decision,
        MessageKind::Question,
        MessageKind::StatusUpdate,
    ];

    /// The kind as a person reads it ("Status update").
    pub fn label(self) -> &'static str {
        match self {
            MessageKind::Order => "Order",
            MessageKind::Ack => "Ack",
            MessageKind::Report => "Report",
            MessageKind::Proposal => "Proposal",
            MessageKind::Decision => "Decision",
            MessageKind::Question => "Question",
            MessageKind::StatusUpdate => "Status update",
            MessageKind::Chat => "Chat",
        }
    }
}

/// A report's three parts: Conditions, Actions, Needs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Can {
    pub conditions: String,
    pub actions: String,
    pub needs: String,
}

impl Can {
    /// "C: … A: … N: …": how a report reads in the chat.
    pub fn render(&self) -> String {
        format!(
            "C: {} A: {} N: {}",
            self.conditions, self.actions, self.needs
        )
    }

    /// The three parts of text written as "C: … A: … N: …", or why it is
    /// not a report. Each marker is a word of its own (in any case), so a
    /// colon inside a word ("chain:") is text; anything before "C:" (an
    /// @mention) is ignored. The composer reads `/report` with it, the world
    /// reads every report posted with it, and so does a session reader.
    pub fn parse(text: &str) -> Result<Can, &'static str> {
        let marker = |letter: u8, from: usize| {
            let bytes = text.as_bytes();
            (from..bytes.len().saturating_sub(1)).find(|&i| {
                bytes[i].eq_ignore_ascii_case(&letter)
                    && bytes[i + 1] == b':'
                    && (i == 0 || bytes[i - 1].is_ascii_whitespace())
            })
        };
        let Some(c) = marker(b'C', 0) else {
            return Err("a report has three parts: C: conditions A: actions N: needs");
        };
        let a = marker(b'A', c + 2);
        let n = a.and_then(|a| marker(b'N', a + 2));
        let (Some(a), Some(n)) = (a, n) else {
            return Err(if marker(b'A', 0).is_some() && marker(b'N', 0).is_some() {
                "write the parts in order: C: … A: … N: …"
            } else {
                "a report has three parts: C: conditions A: actions N: needs"
            });
        };
        // Markers are ASCII, so these are character boundaries.
        Ok(Can {
            conditions: text[c + 2..a].trim().to_string(),
            actions: text[a + 2..n].trim().to_string(),
            needs: text[n + 2..].trim().to_string(),
        })
    }
}

/// One message in the drill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "MessageRecord")]
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
    /// A report's three parts, kept as fields for whoever reads reports
    /// (simulated people, the scorer). The session file holds the text
    /// they read as; reading it back recovers them.
    #[serde(skip_serializing)]
    pub report: Option<Box<Can>>,
}

impl Message {
    /// A message with nothing but its author, channel and kind: the world
    /// numbers and dates it when it is posted.
    pub fn new(from: &str, channel: Channel, kind: MessageKind) -> Message {
        Message {
            id: 0,
            at: 0,
            from: from.into(),
            channel,
            kind,
            text: String::new(),
            mentions: Vec::new(),
            due: None,
            reply_to: None,
            task: None,
            report: None,
        }
    }
}

/// A message as a session file holds it.
#[derive(Deserialize)]
struct MessageRecord {
    id: MessageId,
    at: Tick,
    from: String,
    channel: Channel,
    kind: MessageKind,
    text: String,
    mentions: Vec<String>,
    due: Option<Tick>,
    reply_to: Option<MessageId>,
    #[serde(default)]
    task: Option<Task>,
}

impl From<MessageRecord> for Message {
    fn from(r: MessageRecord) -> Message {
        let report = (r.kind == MessageKind::Report)
            .then(|| Can::parse(&r.text).ok().map(Box::new))
            .flatten();
        Message {
            id: r.id,
            at: r.at,
            from: r.from,
            channel: r.channel,
            kind: r.kind,
            text: r.text,
            mentions: r.mentions,
            due: r.due,
            reply_to: r.reply_to,
            task: r.task,
            report,
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_reads_back_as_the_parts_it_was_written_with() {
        let can = Can {
            conditions: "orders-db at 100% disk".into(),
            actions: "freeing space".into(),
            needs: "nothing".into(),
        };
        assert_eq!(Can::parse(&format!("@ana {}", can.render())), Ok(can));
        assert!(Can::parse("all good").is_err());
        assert!(Can::parse("N: x A: y C: z").is_err());
        let inside_words = Can::parse("c: could not start a: outside the chain: ask N: guidance");
        assert_eq!(inside_words.unwrap().actions, "outside the chain: ask");
    }

    #[test]
    fn direct_channels_ignore_order() {
        assert_eq!(Channel::direct("ben", "ana"), Channel::direct("ana", "ben"));
    }
}
