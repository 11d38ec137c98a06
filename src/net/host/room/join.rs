//! People arriving: a code checked and its person welcomed (or refused
//! with a reason), a latecomer paged in, and the drill started with whoever
//! is on its team.

use std::time::Instant;

use tokio::sync::{mpsc, oneshot};

use super::{Conn, RoomTask, Running};
use crate::net::host::Out;
use crate::net::host::project::Projection;
use crate::net::protocol::{HostFrame, PROTOCOL, write};
use crate::run::Room;
use crate::world::{Command, GAME_MASTER, HumanSpec};

impl RoomTask {
    pub(super) fn welcome(
        &mut self,
        conn: u64,
        code: &str,
        name: Option<String>,
        received: u64,
        to_client: mpsc::Sender<Out>,
        kill: oneshot::Sender<String>,
    ) -> Result<(), (String, bool)> {
        let person = self
            .guests
            .who(code)
            .ok_or_else(|| {
                (
                    "this join code is not one of this drill's: check it with the host".to_string(),
                    false,
                )
            })?
            .to_string();
        if self.conns.values().any(|c| c.person == person) {
            return Err((
                format!(
                    "the code for {person} is in use by another connection: a code serves one connection at a time"
                ),
                true,
            ));
        }
        if let Some(name) = name.map(|n| n.trim().chars().take(40).collect::<String>())
            && !name.is_empty()
            && self.running.is_none()
            && person != GAME_MASTER
            && let Some(i) = self.guests.invitees.iter_mut().find(|i| i.id == person)
        {
            i.name = name;
        }
        let game_master = person == GAME_MASTER;
        let (display, seat) = match self.guests.get(&person) {
            Some(i) => (i.name.clone(), i.seat),
            None => ("Game master".to_string(), None),
        };
        let scenario = if game_master {
            self.setup.loaded.scenario.clone()
        } else {
            self.setup.loaded.scenario.shared()
        };
        let welcome = HostFrame::Welcome {
            protocol: PROTOCOL,
            person: person.clone(),
            name: display,
            seat,
            game_master,
            scenario: Box::new(self.setup.knobs.apply(&scenario)),
            lockstep: self.lockstep(),
        };
        let _ = to_client.try_send(Out::Text(write(&welcome).into()));
        let sent = match &self.running {
            Some(r) => received.min(r.projection.len(&person)),
            None => 0,
        };
        self.conns.insert(
            conn,
            Conn {
                person: person.clone(),
                to_client,
                kill: Some(kill),
                sent,
                ready: None,
                inputs: Vec::new(),
            },
        );
        self.alone_since = None;
        self.broadcast_lobby();
        if let Some(running) = &self.running {
            let readings = running.room.drill().readings(true);
            self.send(conn, &HostFrame::Readings(readings));
        }
        self.page_in_latecomer(&person);
        if self.running.is_some() {
            // Whatever this person missed, once, and the debrief if it is over.
            self.flush();
            if self.debrief_since.is_some() {
                self.send_debriefs();
            }
        } else if self.everyone_here() {
            self.start();
        }
        Ok(())
    }

    /// A person who is not on the drill's team joins it now, as a responder
    /// who has just been paged.
    pub(super) fn page_in_latecomer(&mut self, person: &str) {
        let Some(running) = &mut self.running else {
            return;
        };
        if person == GAME_MASTER || running.room.drill().people().get(person).is_some() {
            return;
        }
        if let Some(i) = self.guests.get(person) {
            let command = Command::PageIn {
                id: i.id.clone(),
                name: i.name.clone(),
            };
            running.room.submit(GAME_MASTER, command);
        }
    }

    pub(super) fn everyone_here(&self) -> bool {
        let here = |id: &str| self.conns.values().any(|c| c.person == id);
        if self.setup.team_file {
            self.guests
                .invitees
                .iter()
                .filter(|i| i.on_team)
                .all(|i| here(&i.id))
        } else {
            self.guests
                .invitees
                .iter()
                .filter(|i| i.seat.is_some())
                .all(|i| here(&i.id))
        }
    }

    /// Starts the drill with whoever is on the team now.
    pub(super) fn start(&mut self) {
        let here: Vec<String> = self.conns.values().map(|c| c.person.clone()).collect();
        if !self.setup.team_file {
            for i in self.guests.invitees.iter_mut().filter(|i| i.seat.is_some()) {
                i.on_team = here.contains(&i.id);
            }
        }
        let team: Vec<HumanSpec> = self
            .guests
            .invitees
            .iter()
            .filter(|i| i.on_team)
            .filter_map(|i| {
                Some(HumanSpec {
                    id: i.id.clone(),
                    name: i.name.clone(),
                    seat: i.seat?,
                    joins: i.joins,
                })
            })
            .collect();
        let instructor = here.iter().any(|p| p == GAME_MASTER);
        let started = Room::start(
            &self.setup.loaded,
            self.setup.seed,
            team,
            None,
            self.setup.knobs,
            Some(&self.setup.out),
            |header| header.instructor = instructor,
        )
        .and_then(|room| self.guests.save(&self.setup.out).map(|()| room));
        let room = match started {
            Ok(room) => room,
            Err(e) => {
                eprintln!("host: the drill cannot start: {e}");
                for id in self.conns.keys().copied().collect::<Vec<_>>() {
                    self.kill(id, &format!("the drill cannot start: {e}"));
                }
                return;
            }
        };
        let mut room = room;
        if !self.lockstep() {
            // Paced: a command shows at once, not at the next second.
            room.apply_at_once();
        }
        let mut projection = Projection::new(self.guests.invitees.iter().map(|i| i.id.as_str()));
        projection.take_in(room.drill());
        self.running = Some(Running {
            room,
            projection,
            last_truth: String::new(),
            told_now: None,
            ticked_at: Instant::now(),
        });
        eprintln!("host: the drill has started");
        for person in here {
            self.page_in_latecomer(&person);
        }
        self.broadcast_lobby();
        self.flush();
    }
}
