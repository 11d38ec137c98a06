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
    /// ticket desk draws on the world's dice whether one arrives.
    Complaints { per_minute: f64 },
}

/// What customers write in when things break.
const TICKET_TEXTS: [&str; 6] = [
    "My orders are not going through.",
    "Is something wrong? The app keeps failing.",
    "I can't see my balance update.",
    "Your site is broken and there's nothing on the status page!",
    "Trades stuck pending for ten minutes now.",
    "Getting errors every time I try to log in.",
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
                    let n = self.tickets;
                    let pick = (self.rng.next_u64() % TICKET_TEXTS.len() as u64) as usize;
                    self.emit(Event::CustomerTicket {
                        from: format!("customer #{n}"),
                        text: TICKET_TEXTS[pick].to_string(),
                    });
                }
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
            Persona::Vendor(name) | Persona::Regulator(name) => {
                (name, Channel::Executive, MessageKind::Chat)
            }
        };
        self.post(speaker, channel, kind, text, None, None);
    }

    /// Whether the scenario's inject at `index` has been delivered.
    pub fn inject_delivered(&self, index: usize) -> bool {
        self.delivered_injects.contains(&index)
    }
}
