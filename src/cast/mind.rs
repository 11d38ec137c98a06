//! A simulated participant's mind: it reads what happened since it last
//! looked, reacts after a human-like delay, and carries out the duties of
//! whatever roles it holds.

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

use super::{commander, communications, operations, responder, scribe};
use crate::base::time::Tick;
use crate::scenario::{Role, Trait};
use crate::world::comms::{MessageId, MessageKind};
use crate::world::sim::noise::mix;
use crate::world::{Command, Drill, Event};

/// Something to do once its delay has passed.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Reaction {
    Introduce,
    /// Answer the order at this index of `Drill::orders`.
    AnswerOrder(usize),
    /// Ask who an ownerless order is for.
    AskWho(MessageId),
    AckRole(Role),
    AcceptHandoff(Role),
    Decide(MessageId),
    ReportWork {
        action: String,
        success: bool,
        finding: Option<String>,
    },
    Refused(String),
    Welcome(String),
}

/// What one simulated participant remembers.
#[derive(Debug, Clone)]
pub(crate) struct Mind {
    pub(crate) id: String,
    rng: ChaCha8Rng,
    cursor: usize,
    inbox: Vec<(Tick, Reaction)>,
    pub(super) responder: responder::Memory,
    pub(super) commander: commander::Memory,
    pub(super) operations: operations::Memory,
    pub(super) communications: communications::Memory,
    pub(super) scribe: scribe::Memory,
}

impl Mind {
    /// A fresh mind with its own random stream, independent of everyone else's.
    pub(crate) fn new(id: &str, seed: u64, index: usize) -> Mind {
        Mind {
            id: id.to_string(),
            rng: ChaCha8Rng::seed_from_u64(seed ^ mix(index as u64 + 1)),
            cursor: 0,
            inbox: Vec::new(),
            responder: Default::default(),
            commander: Default::default(),
            operations: Default::default(),
            communications: Default::default(),
            scribe: Default::default(),
        }
    }

    /// A uniform number in `0..n`.
    pub(super) fn roll(&mut self, n: u32) -> u32 {
        (self.rng.next_u64() % u64::from(n.max(1))) as u32
    }

    /// How long this person takes to answer.
    pub(super) fn reply_delay(&mut self, drill: &Drill) -> Tick {
        let me = drill.people().get(&self.id);
        let base = match me {
            Some(p) if p.has(Trait::Slow) => 60,
            Some(p) if p.has(Trait::NewHire) => 35,
            _ => 15,
        };
        base + self.roll(15)
    }

    pub(super) fn schedule(&mut self, at: Tick, reaction: Reaction) {
        self.inbox.push((at, reaction));
    }

    /// Reads new events, reacts to what is due and does the duties of held roles.
    pub(crate) fn think(&mut self, drill: &Drill) -> Vec<Command> {
        self.scan(drill);
        let now = drill.now();
        let mut out = Vec::new();
        let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.inbox)
            .into_iter()
            .partition(|(at, _)| *at <= now);
        self.inbox = later;
        for (_, reaction) in due {
            self.react(drill, reaction, &mut out);
        }
        let roles = drill.people().roles_of(&self.id);
        if roles.contains(&Role::IC) {
            commander::duties(self, drill, &mut out);
        }
        if drill.people().explicit_holder(&Role::OL) == Some(self.id.as_str()) {
            operations::duties(self, drill, &mut out);
        }
        if drill.people().explicit_holder(&Role::CL) == Some(self.id.as_str()) {
            communications::duties(self, drill, &mut out);
        }
        if drill.people().explicit_holder(&Role::Scribe) == Some(self.id.as_str()) {
            scribe::duties(self, drill, &mut out);
        }
        if roles.is_empty() || roles.iter().all(|r| matches!(r, Role::TeamLead(_))) {
            responder::duties(self, drill, &mut out);
        }
        out
    }

    /// What this person means to do next, soonest first: the game master's
    /// view of a simulated mind.
    pub(crate) fn intentions(&self, drill: &Drill) -> Vec<(Tick, String)> {
        let name = |id: &str| {
            drill
                .people()
                .get(id)
                .map_or_else(|| id.to_string(), |p| p.name.clone())
        };
        let mut list: Vec<(Tick, String)> = self
            .inbox
            .iter()
            .map(|(at, reaction)| {
                let text = match reaction {
                    Reaction::Introduce => "introduce themselves in the command post".to_string(),
                    Reaction::AnswerOrder(i) => match drill.orders().get(*i) {
                        Some(o) => format!("answer {}'s order \"{}\"", name(&o.from), o.text),
                        None => "answer an order".into(),
                    },
                    Reaction::AskWho(_) => "ask who an ownerless order is for".into(),
                    Reaction::AckRole(role) => format!("acknowledge the {} role", role.label()),
                    Reaction::AcceptHandoff(role) => {
                        format!("accept the {} handoff", role.label())
                    }
                    Reaction::Decide(_) => "decide on the open proposal".into(),
                    Reaction::ReportWork {
                        action, success, ..
                    } => format!(
                        "report that {action} {}",
                        if *success { "finished" } else { "failed" }
                    ),
                    Reaction::Refused(_) => "say their action was refused".into(),
                    Reaction::Welcome(who) => format!("welcome {}", name(who)),
                };
                (*at, text)
            })
            .collect();
        list.sort();
        list
    }

    fn scan(&mut self, drill: &Drill) {
        let now = drill.now();
        // Observer notes and the game master's refused commands are invisible
        // to the people in the drill: they must not even draw on anyone's
        // dice, so a note (accepted or not) never changes the drill.
        let new: Vec<Event> = drill.log()[self.cursor..]
            .iter()
            .filter(|e| !crate::world::instructor_only(&e.event))
            .map(|e| e.event.clone())
            .collect();
        self.cursor = drill.log().len();
        for event in new {
            let delay = self.reply_delay(drill);
            let at = now + delay;
            let quick = now + 5 + self.roll(20);
            match event {
                Event::Joined { who, .. } if who == self.id => {
                    self.schedule(quick, Reaction::Introduce)
                }
                Event::Joined { who, .. }
                    if drill.declared_at().is_some()
                        && drill.people().holds(&self.id, &Role::CL) =>
                {
                    self.schedule(at, Reaction::Welcome(who))
                }
                Event::Posted(m) if m.kind == MessageKind::Order => {
                    if let Some(i) = drill.orders().iter().position(|o| o.msg == m.id) {
                        let order = &drill.orders()[i];
                        if order.to.as_deref() == Some(self.id.as_str()) {
                            self.schedule(at, Reaction::AnswerOrder(i));
                        } else if order.to.is_none()
                            && responder::first_idle_npc(drill) == Some(self.id.as_str())
                        {
                            self.schedule(at, Reaction::AskWho(m.id));
                        }
                    }
                }
                Event::Posted(m)
                    if m.kind == MessageKind::Proposal
                        && m.from != self.id
                        && drill.people().holds(&self.id, &Role::IC) =>
                {
                    self.schedule(at + 30, Reaction::Decide(m.id));
                }
                Event::RoleAssigned { role, to, by, .. }
                    if to == self.id && by != "on-call rota" =>
                {
                    self.schedule(at, Reaction::AckRole(role))
                }
                Event::HandoffOffered { role, to, .. } if to == self.id => {
                    self.schedule(at, Reaction::AcceptHandoff(role))
                }
                Event::ActionFinished {
                    by,
                    action,
                    success,
                    finding,
                } if by == self.id => {
                    self.schedule(
                        quick + 5,
                        Reaction::ReportWork {
                            action,
                            success,
                            finding,
                        },
                    );
                }
                Event::ActionRefused { by, reason, .. } if by == self.id => {
                    self.schedule(at, Reaction::Refused(reason))
                }
                _ => {}
            }
        }
    }

    fn react(&mut self, drill: &Drill, reaction: Reaction, out: &mut Vec<Command>) {
        match reaction {
            Reaction::Introduce => responder::introduce(self, drill, out),
            Reaction::AnswerOrder(i) => responder::answer_order(self, drill, i, out),
            Reaction::AskWho(msg) => responder::ask_who(drill, msg, out),
            Reaction::AckRole(role) => {
                let text = format!("Ack — I have {}.", role.label());
                out.push(Command::Say {
                    channel: crate::world::comms::Channel::CommandPost,
                    kind: MessageKind::Ack,
                    text,
                });
            }
            Reaction::AcceptHandoff(role) => {
                let from = drill
                    .people()
                    .handoffs
                    .iter()
                    .find(|h| h.role == role && h.to == self.id)
                    .map(|h| h.from.clone());
                let leads_a_team = drill.people().team_led_by(&self.id).is_some();
                if let Some(from) = from {
                    if role == Role::IC && leads_a_team {
                        let text = format!(
                            "@{from} I'm leading a team right now — have the OL name another lead, then I'll take IC."
                        );
                        out.push(Command::Say {
                            channel: crate::world::comms::Channel::CommandPost,
                            kind: MessageKind::Question,
                            text,
                        });
                        return;
                    }
                    out.push(Command::AcceptHandoff(role.clone()));
                    let text = format!(
                        "Briefing received from @{from}: I have {} now.",
                        role.label()
                    );
                    out.push(Command::Say {
                        channel: crate::world::comms::Channel::CommandPost,
                        kind: MessageKind::StatusUpdate,
                        text,
                    });
                }
            }
            Reaction::Decide(msg) => commander::decide(drill, msg, out),
            Reaction::ReportWork {
                action,
                success,
                finding,
            } => responder::report_work(self, drill, &action, success, finding, out),
            Reaction::Refused(reason) => responder::report_refusal(drill, &self.id, &reason, out),
            Reaction::Welcome(who) => communications::welcome(drill, &who, out),
        }
    }
}
