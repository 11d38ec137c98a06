//! What people outside the response can do to it: the scenario's injects
//! arrive, executives ask for status and lose patience, customers file
//! tickets. The simulated outsiders decide when (they are clients of the
//! loop, like everyone); the world carries it out here.

use rand_core::RngCore;
use serde::{Deserialize, Serialize};

use super::Drill;
use super::event::Event;
use crate::scenario::Persona;
use crate::world::comms::{Channel, MessageKind};

/// One act of someone outside the response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outside {
    /// The scenario's inject at this place in its list arrives on schedule
    /// (unless the game master already delivered it).
    Inject(usize),
    /// An executive asks for status in the executive channel.
    ExecutiveAsks { executive: String, text: String },
    /// An executive loses patience and comes into the command post: `text`
    /// says so, `demand` is what they post there.
    ExecutiveEscalates {
        executive: String,
        text: String,
        demand: String,
    },
    /// Customers hurting at this rate (tickets per minute) this second; the
    /// ticket desk draws on the world's dice whether one arrives, and from
    /// which segment (the more hurt and the more people, the likelier).
    Complaints { per_minute: f64 },
    /// A party whose message went unanswered writes again in #liaison.
    FollowUp { from: String, text: String },
}

/// What customers of a segment with no lines of its own write, about a
/// component they use that is impaired (`{}` is its name).
const TICKET_TEMPLATES: [&str; 5] = [
    "{} isn't working for me. Is something wrong?",
    "I keep getting errors from {}.",
    "{} has been failing for me for a while now.",
    "Is {} down? Nothing I try goes through.",
    "Still having trouble with {}. Any news?",
];
impl Drill {
    /// Carries out an outsider's act.
    pub(super) fn outside(&mut self, act: Outside) {
        match act {
            Outside::Inject(index) => {
                if let Some(inject) = self.scenario.injects.get(index).cloned()
                    && self.delivered_injects.insert(index)
                {
                    self.deliver(inject.from, inject.text, false);
                }
            }
            Outside::ExecutiveAsks { executive, text } => {
                self.post(
                    &executive,
                    Channel::Executive,
                    MessageKind::Question,
                    text,
                    None,
                    None,
                );
            }
            Outside::ExecutiveEscalates {
                executive,
                text,
                demand,
            } => {
                self.emit(Event::ExecutiveEscalated {
                    executive: executive.clone(),
                    text,
                });
                self.post(
                    &executive,
                    Channel::CommandPost,
                    MessageKind::Question,
                    demand,
                    None,
                    None,
                );
            }
            Outside::Complaints { per_minute } => {
                let roll = crate::world::sim::noise::unit(self.rng.next_u64());
                if roll < per_minute / 60.0 {
                    self.tickets += 1;
                    let pick = self.rng.next_u64();
                    if let Some((segment, text)) = self.ticket(pick) {
                        let n = self.tickets;
                        self.emit(Event::CustomerTicket {
                            from: format!("{segment} #{n}"),
                            text,
                        });
                    }
                }
            }
            Outside::FollowUp { from, text } => {
                self.post(
                    &from,
                    Channel::Liaison,
                    MessageKind::Question,
                    text,
                    None,
                    None,
                );
            }
        }
    }

    /// A message from outside (or from a responder, by the game master's
    /// hand) reaches the response.
    pub(super) fn deliver(&mut self, from: Persona, text: String, instructor: bool) {
        self.emit(Event::InjectDelivered {
            from: from.clone(),
            text: text.clone(),
            instructor,
        });
        let (speaker, channel, kind) = match &from {
            Persona::Executive(id) => (id, Channel::Executive, MessageKind::Question),
            Persona::Responder(id) => (id, Channel::CommandPost, MessageKind::Chat),
            Persona::Customer(name) => {
                return self.emit(Event::CustomerTicket {
                    from: name.clone(),
                    text,
                });
            }
            // A vendor informs; a regulator asks, and expects an answer.
            Persona::Vendor(name) => (name, Channel::Liaison, MessageKind::Chat),
            Persona::Regulator(name) => (name, Channel::Liaison, MessageKind::Question),
            Persona::Party(p) => {
                let Some(party) = self.scenario.parties.get(*p) else {
                    return;
                };
                let (id, text) = (party.id.clone(), format!("{}: {text}", party.name));
                self.post(
                    &id,
                    Channel::Liaison,
                    MessageKind::Question,
                    text,
                    None,
                    None,
                );
                return;
            }
        };
        self.post(speaker, channel, kind, text, None, None);
    }

    /// Which segment writes (by `pick`, weighted by how many of its people
    /// hurt now) and what it says: its own lines, else the name of a
    /// component it uses that is impaired now.
    fn ticket(&self, pick: u64) -> Option<(String, String)> {
        let segments = &self.scenario.segments;
        let hurt = &self.platform.hurt;
        let weight = |s: usize| hurt[s] * f64::from(segments[s].people.max(1));
        let total: f64 = (0..segments.len()).map(weight).sum();
        if total <= 0.0 {
            return None;
        }
        let mut left = crate::world::sim::noise::unit(pick) * total;
        let s = (0..segments.len())
            .find(|&s| {
                left -= weight(s);
                left < 0.0 && hurt[s] > 0.0
            })
            .or_else(|| (0..segments.len()).rev().find(|&s| hurt[s] > 0.0))?;
        let segment = &segments[s];
        let second = (pick >> 32) as usize;
        let text = if segment.says.is_empty() {
            let impaired: Vec<usize> = segment
                .uses
                .iter()
                .map(|&(c, _)| c)
                .filter(|&c| self.platform.impairment[c] > 0.0)
                .collect();
            let c = *impaired.get(second % impaired.len().max(1))?;
            let template = TICKET_TEMPLATES[(second / 7) % TICKET_TEMPLATES.len()];
            template.replace("{}", &self.scenario.components[c].name)
        } else {
            segment.says[second % segment.says.len()].clone()
        };
        Some((segment.name.clone(), text))
    }

    /// Whether the scenario's inject at `index` has been delivered.
    pub fn inject_delivered(&self, index: usize) -> bool {
        self.delivered_injects.contains(&index)
    }
}
