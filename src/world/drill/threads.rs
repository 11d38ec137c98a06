//! Who answered what, kept up to date as messages are posted, so simulated
//! people never scan the whole chat (a long drill has tens of thousands of messages).

use std::collections::BTreeMap;

use crate::base::time::Tick;
use crate::world::comms::{Channel, Message, MessageId, MessageKind};

/// Indexes over the messages posted so far.
#[derive(Debug, Clone, Default)]
pub struct Threads {
    /// Proposal -> the decision that settled it.
    pub decided: BTreeMap<MessageId, MessageId>,
    /// Each participant's latest proposal: (id, when).
    pub last_proposal_by: BTreeMap<String, (MessageId, Tick)>,
    /// The latest proposal of all.
    pub last_proposal: Option<MessageId>,
    /// The latest question put in the executive channel by someone outside the team: (id, when).
    pub last_outside_exec_question: Option<(MessageId, Tick)>,
    /// When someone on the team last wrote in the executive channel.
    pub last_exec_update: Option<Tick>,
}

impl Threads {
    /// Takes in a message just posted; `from_team` says whether its author takes part in the drill.
    pub fn record(&mut self, message: &Message, from_team: bool) {
        match message.kind {
            MessageKind::Proposal => {
                self.last_proposal_by
                    .insert(message.from.clone(), (message.id, message.at));
                self.last_proposal = Some(message.id);
            }
            MessageKind::Decision => {
                if let Some(proposal) = message.reply_to {
                    self.decided.entry(proposal).or_insert(message.id);
                }
            }
            _ => {}
        }
        if message.channel == Channel::Executive {
            if from_team {
                self.last_exec_update = Some(message.at);
            } else if message.kind == MessageKind::Question {
                self.last_outside_exec_question = Some((message.id, message.at));
            }
        }
    }

    /// The latest proposal, if no decision has settled it yet.
    pub fn open_proposal(&self) -> Option<MessageId> {
        self.last_proposal.filter(|p| !self.decided.contains_key(p))
    }
}
