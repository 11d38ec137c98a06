//! A drill on another computer: the connection to its host, and the mirror
//! of the drill this person has been told, which the panels read like a
//! local drill. The window may be hosting the drill itself (the game
//! master's), in which case it also holds the host.

use crate::judge::aar::Doc;
use crate::judge::score::{Card, Scorecard};
use crate::net::client::{Client, Incoming, Target};
use crate::net::host::HostHandle;
use crate::net::protocol::{ClientFrame, HostFrame, Member};
use crate::scenario::Seat;
use crate::tools::instructor::{RoleLoad, Truth};
use crate::world::Drill;

/// How the connection is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Connecting,
    Connected,
    /// Dropped; getting back in by itself.
    Lost(String),
    /// Refused for good (a wrong code, another version).
    Failed(String),
}

/// What the host said after the drill.
#[derive(Debug, Clone)]
pub struct HostDebrief {
    pub team: Scorecard,
    pub card: Option<Card>,
    pub aar: Doc,
}

/// A connection to a hosted drill and what it has been told.
pub struct Remote {
    client: Client,
    pub link: Link,
    /// Who this connection is, once welcomed.
    pub person: String,
    pub name: String,
    pub seat: Option<Seat>,
    pub game_master: bool,
    /// The host steps once every client confirms each tick.
    lockstep: bool,
    /// The drill as this person knows it (once welcomed).
    pub mirror: Option<Drill>,
    pub members: Vec<Member>,
    pub started: bool,
    pub speed: u32,
    pub paused: bool,
    /// The game master's: the ground truth and the load on each role.
    pub truth: Option<(Truth, Vec<RoleLoad>)>,
    pub debrief: Option<HostDebrief>,
    /// The host's last word on something this person did.
    pub notice: Option<String>,
    /// The host this window runs (the game master's window), with its codes.
    pub host: Option<HostHandle>,
}

impl Remote {
    /// Connects to a host as the person `target`'s code belongs to.
    pub fn connect(target: Target, name: Option<String>, host: Option<HostHandle>) -> Remote {
        Remote {
            client: Client::connect(target, name, 0),
            link: Link::Connecting,
            person: String::new(),
            name: String::new(),
            seat: None,
            game_master: false,
            lockstep: false,
            mirror: None,
            members: Vec::new(),
            started: false,
            speed: 1,
            paused: false,
            truth: None,
            debrief: None,
            notice: None,
            host,
        }
    }

    /// Takes in everything the host has sent since the last call.
    pub fn poll(&mut self) {
        while let Some(incoming) = self.client.try_recv() {
            match incoming {
                Incoming::Connected => self.link = Link::Connected,
                Incoming::Lost(reason) => self.link = Link::Lost(reason),
                Incoming::Failed(reason) => self.link = Link::Failed(reason),
                Incoming::Frame(frame) => self.take(frame),
            }
        }
    }

    fn take(&mut self, frame: HostFrame) {
        match frame {
            HostFrame::Welcome {
                person,
                name,
                seat,
                game_master,
                scenario,
                lockstep,
                from,
                ..
            } => {
                self.person = person;
                self.name = name;
                self.seat = seat;
                self.game_master = game_master;
                self.lockstep = lockstep;
                // From 0, the host sends this person's whole stream: the
                // mirror starts over (after a host lost its last moments, it
                // would otherwise hold events the drill no longer has).
                let fresh = self.mirror.is_none() || from == 0;
                if fresh && scenario.indices_hold() {
                    self.mirror = Some(Drill::mirror(*scenario));
                } else if fresh {
                    self.link = Link::Failed(
                        "the host sent a scenario this window cannot show (another Firedrill version?)".into(),
                    );
                }
            }
            HostFrame::Lobby { members, started } => {
                self.members = members;
                self.started = started;
            }
            HostFrame::Events { entries, .. } => {
                if let Some(mirror) = &mut self.mirror {
                    for entry in &entries {
                        mirror.absorb(entry);
                    }
                }
            }
            HostFrame::Clock { now, speed, paused } => {
                self.speed = speed;
                self.paused = paused;
                if let Some(mirror) = &mut self.mirror {
                    mirror.absorb_clock(now);
                }
                if self.lockstep {
                    // A person's commands go out as they are made: this tick
                    // may run whenever the others are ready too.
                    self.client.send(ClientFrame::Ready { tick: now });
                }
            }
            HostFrame::Readings(readings) => {
                if let Some(mirror) = &mut self.mirror {
                    mirror.absorb_readings(&readings);
                }
            }
            HostFrame::Truth { truth, load } => self.truth = Some((truth, load)),
            HostFrame::Debrief { team, card, aar } => {
                self.debrief = Some(HostDebrief {
                    team: *team,
                    card: card.map(|c| *c),
                    aar: *aar,
                });
            }
            HostFrame::Error { reason, .. } => self.notice = Some(reason),
        }
    }

    /// Sends a frame to the host.
    pub fn send(&self, frame: ClientFrame) {
        self.client.send(frame);
    }

    /// The codes this window's host handed out: (who, code), and where to join.
    pub fn invitations(&self) -> Option<(&str, &[(String, String)])> {
        self.host
            .as_ref()
            .map(|h| (h.address.as_str(), h.tickets.as_slice()))
    }
}
