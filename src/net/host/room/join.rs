//! People arriving: a code checked and its person welcomed (or refused
//! with a reason), a latecomer paged in, and the drill started with whoever
//! is on its team.

use std::time::Instant;

use tokio::sync::oneshot;

use super::{Conn, Resumed, RoomTask, Running};
use crate::net::host::outbox::Outbox;
use crate::net::host::project::Projection;
use crate::net::protocol::{HostFrame, PROTOCOL, write};
use crate::run::Room;
use crate::world::{Command, GAME_MASTER, HumanSpec, Input};

impl RoomTask {
    pub(super) fn welcome(
        &mut self,
        conn: u64,
        code: &str,
        name: Option<String>,
        received: u64,
        to_client: Outbox,
        kill: oneshot::Sender<HostFrame>,
    ) -> Result<(), String> {
        let person = self
            .guests
            .who(code)
            .ok_or("this join code is not one of this drill's: check it with the host")?
            .to_string();
        // The same person again (another window, a laptop back from sleep):
        // the newer connection is theirs, the older one is closed.
        let older: Vec<u64> = self
            .conns
            .iter()
            .filter(|(_, c)| c.person == person)
            .map(|(&id, _)| id)
            .collect();
        for id in older {
            self.close(
                id,
                HostFrame::Error {
                    reason: "you joined again from another connection; this one is closed".into(),
                    fatal: true,
                    replaced: true,
                },
            );
        }
        let renamed = match name {
            Some(name) if self.running.is_none() && person != GAME_MASTER => {
                self.rename(&person, &name)
            }
            _ => Ok(()),
        };
        let game_master = person == GAME_MASTER;
        let (display, seat) = match self.guests.get(&person) {
            Some(i) => (i.name.clone(), i.seat),
            None => ("Game master".to_string(), None),
        };
        let scenario = self.setup.knobs.apply(&self.setup.loaded.scenario);
        let scenario = if game_master {
            scenario
        } else {
            scenario.shared()
        };
        // Events go on from what the client holds; a client holding more than
        // this person's stream (a host that lost its last moments) starts over.
        let held = self
            .running
            .as_ref()
            .map_or(0, |r| r.projection.len(&person));
        let from = if received <= held { received } else { 0 };
        let applied = self.running.as_ref().map_or(0, |r| r.applied_by(&person));
        let welcome = HostFrame::Welcome {
            protocol: PROTOCOL,
            person: person.clone(),
            name: display,
            seat,
            game_master,
            scenario: Box::new(scenario),
            lockstep: self.lockstep(),
            from,
            applied,
        };
        let _ = to_client.push(write(&welcome).into());
        self.conns.insert(
            conn,
            Conn {
                person: person.clone(),
                to_client,
                kill: Some(kill),
                since: Instant::now(),
                sent: from,
                ready: None,
                inputs: Vec::new(),
            },
        );
        if let Err(reason) = renamed {
            self.tell(conn, &reason);
        }
        self.alone_since = None;
        self.broadcast_lobby();
        if let Some(running) = &mut self.running {
            // Where the drill stands, at once (a lockstep client confirms
            // this tick), and the game master's ground truth.
            let drill = running.room.drill();
            let clock = HostFrame::Clock {
                now: drill.now(),
                speed: self.speed,
                paused: self.paused,
            };
            let readings = HostFrame::Readings(drill.readings(true));
            if game_master {
                running.last_truth.clear();
            }
            self.send(conn, &readings);
            self.send(conn, &clock);
        }
        self.page_in_latecomer(&person);
        if self.running.is_some() {
            // Whatever this person missed, once, and the debrief if it is over.
            self.flush();
            if self.debrief_since.is_some() {
                self.send_debrief(conn);
            }
        } else if self.everyone_here() {
            self.start();
        }
        Ok(())
    }

    /// Gives `person` the name they chose, cleaned (no control characters,
    /// at most 40 characters), unless someone else in the drill goes by it.
    fn rename(&mut self, person: &str, given: &str) -> Result<(), String> {
        let name: String = given
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(40)
            .collect();
        if name.is_empty() {
            return Ok(());
        }
        let key = name.to_lowercase();
        let scenario = &self.setup.loaded.scenario;
        let stand_ins = crate::scenario::Seat::STAFFED
            .iter()
            .filter_map(|&seat| crate::scenario::stand_ins::seat_npc(seat))
            .map(|(_, name, _)| name.to_string());
        let taken = self
            .guests
            .invitees
            .iter()
            .filter(|i| i.id != person)
            .map(|i| i.name.clone())
            .chain(std::iter::once("Game master".to_string()))
            .chain(stand_ins)
            .chain(scenario.responders.iter().map(|r| r.name.clone()))
            .chain(scenario.executives.iter().map(|e| e.name.clone()))
            .any(|other| other.to_lowercase() == key);
        if taken {
            return Err(format!(
                "someone in this drill is already called {name}: you keep the name {}; join again with another",
                self.guests.get(person).map_or("", |i| i.name.as_str())
            ));
        }
        if let Some(i) = self.guests.invitees.iter_mut().find(|i| i.id == person) {
            i.name = name;
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
            running.apply(Input {
                by: GAME_MASTER.to_string(),
                command,
            });
            running.paged += 1;
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
        let mut projection = Projection::new(self.guests.invitees.iter().map(|i| i.id.as_str()));
        projection.take_in(room.drill());
        self.running = Some(Running::new(Resumed {
            room,
            projection,
            paged: 0,
        }));
        eprintln!("host: the drill has started");
        for person in here {
            self.page_in_latecomer(&person);
        }
        self.broadcast_lobby();
        self.flush();
    }
}
