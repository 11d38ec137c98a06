//! What goes out: each person's new events, the clock and the readings once
//! a second, the game master's ground truth, the lobby, the debrief; and a
//! client dropped with the reason.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

use super::RoomTask;
use crate::judge::score::Answers;
use crate::net::host::Out;
use crate::net::host::lobby::Guests;
use crate::net::protocol::{EVENTS_PER_FRAME, HostFrame, Member, write};
use crate::world::GAME_MASTER;
use crate::world::sim::platform::SAMPLE_EVERY;

impl RoomTask {
    /// Sends every connection what it has not had yet.
    pub(super) fn flush(&mut self) {
        let Some(running) = &mut self.running else {
            return;
        };
        let drill = running.room.drill();
        let new_second = running.told_now != Some(drill.now());
        running.told_now = Some(drill.now());
        let just_simulated = drill.now().saturating_sub(1);
        let readings = (new_second && just_simulated.is_multiple_of(SAMPLE_EVERY))
            .then(|| write(&HostFrame::Readings(drill.readings(false))));
        let clock = new_second.then(|| {
            write(&HostFrame::Clock {
                now: drill.now(),
                speed: self.speed,
                paused: self.paused,
            })
        });
        let truth = if self.conns.values().any(|c| c.person == GAME_MASTER) {
            let frame = write(&HostFrame::Truth {
                truth: crate::tools::instructor::truth(running.room.simulation()),
                load: crate::tools::instructor::load(drill),
            });
            (frame != running.last_truth).then(|| {
                running.last_truth = frame.clone();
                frame
            })
        } else {
            None
        };
        let mut slow = Vec::new();
        for (&id, c) in self.conns.iter_mut() {
            let mut frames: Vec<String> = Vec::new();
            let total = running.projection.len(&c.person);
            if total > c.sent {
                let entries = running.projection.from(&c.person, c.sent, drill.log());
                for (k, chunk) in entries.chunks(EVENTS_PER_FRAME).enumerate() {
                    frames.push(write(&HostFrame::Events {
                        first: c.sent + (k * EVENTS_PER_FRAME) as u64,
                        entries: chunk.iter().map(|e| (*e).clone()).collect(),
                    }));
                }
                c.sent = total;
            }
            if let Some(r) = &readings {
                frames.push(r.clone());
            }
            if c.person == GAME_MASTER
                && let Some(t) = &truth
            {
                frames.push(t.clone());
            }
            if let Some(clock) = &clock {
                frames.push(clock.clone());
            }
            for frame in frames {
                if c.to_client.try_send(Out::Text(Arc::from(frame))).is_err() {
                    slow.push(id);
                    break;
                }
            }
        }
        let over = running.room.drill().is_over();
        for id in slow {
            self.kill(
                id,
                "you could not keep up with the drill and were dropped; reconnect to catch up",
            );
        }
        if over && self.debrief_since.is_none() {
            self.debrief_since = Some(Instant::now());
            eprintln!("host: the drill is over; serving the debrief");
            self.send_debriefs();
        }
    }

    pub(super) fn send_debriefs(&mut self) {
        let Some(running) = &self.running else {
            return;
        };
        let drill = running.room.drill();
        if !drill.is_over() {
            return;
        }
        let answers = merged_answers(&self.answers, &self.guests);
        let answers = (!answers.is_empty()).then_some(answers);
        let team = crate::judge::score::score(drill.scenario(), drill.log(), answers.as_ref());
        let facts = crate::judge::score::Facts::new(drill.scenario(), drill.log());
        let aar = crate::judge::aar::build(&crate::judge::aar::Input {
            facts: &facts,
            seed: drill.seed(),
            card: &team,
            previous: None,
            answers: answers.as_ref(),
            knobs: self.setup.knobs,
        });
        let people: Vec<(u64, String)> = self
            .conns
            .iter()
            .map(|(&id, c)| (id, c.person.clone()))
            .collect();
        for (id, person) in people {
            let card = team
                .cards
                .iter()
                .find(|c| c.who == person)
                .cloned()
                .map(Box::new);
            let frame = HostFrame::Debrief {
                team: Box::new(team.clone()),
                card,
                aar: Box::new(aar.clone()),
            };
            self.send(id, &frame);
        }
    }

    pub(super) fn save_answers(&self) {
        let answers = merged_answers(&self.answers, &self.guests);
        let path = crate::judge::aar::answers::answers_path(&self.setup.out);
        if let Err(e) = crate::judge::aar::answers::save(&path, &answers) {
            eprintln!("host: {e}");
        }
    }

    pub(super) fn members(&self) -> Vec<Member> {
        self.guests
            .invitees
            .iter()
            .map(|i| Member {
                id: i.id.clone(),
                name: i.name.clone(),
                seat: i.seat,
                connected: self.conns.values().any(|c| c.person == i.id),
            })
            .collect()
    }

    pub(super) fn broadcast_lobby(&mut self) {
        let frame = HostFrame::Lobby {
            members: self.members(),
            started: self.running.is_some(),
        };
        for id in self.conns.keys().copied().collect::<Vec<_>>() {
            self.send(id, &frame);
        }
    }

    pub(super) fn broadcast_clock(&mut self) {
        let Some(running) = &self.running else {
            return;
        };
        let frame = HostFrame::Clock {
            now: running.room.drill().now(),
            speed: self.speed,
            paused: self.paused,
        };
        for id in self.conns.keys().copied().collect::<Vec<_>>() {
            self.send(id, &frame);
        }
    }

    pub(super) fn send(&mut self, conn: u64, frame: &HostFrame) {
        let full = match self.conns.get(&conn) {
            Some(c) => c
                .to_client
                .try_send(Out::Text(write(frame).into()))
                .is_err(),
            None => false,
        };
        if full {
            self.kill(
                conn,
                "you could not keep up with the drill and were dropped; reconnect to catch up",
            );
        }
    }

    /// A non-fatal word to one client.
    pub(super) fn tell(&mut self, conn: u64, reason: &str) {
        let frame = HostFrame::Error {
            reason: reason.to_string(),
            fatal: false,
            retry: false,
        };
        self.send(conn, &frame);
    }

    /// Drops a client, telling it why.
    pub(super) fn kill(&mut self, conn: u64, reason: &str) {
        if let Some(mut c) = self.conns.remove(&conn)
            && let Some(kill) = c.kill.take()
        {
            let _ = kill.send(reason.to_string());
        }
        if self.conns.is_empty() {
            self.alone_since = Some(Instant::now());
        }
        self.broadcast_lobby();
    }
}

/// Everyone's answers in one, each line attributed: "Ana Sousa: …".
fn merged_answers(answers: &BTreeMap<String, Answers>, guests: &Guests) -> Answers {
    let name = |id: &str| {
        guests
            .get(id)
            .map_or_else(|| "Game master".to_string(), |i| i.name.clone())
    };
    let mut merged = Answers::default();
    for (id, a) in answers {
        let who = name(id);
        let add = |into: &mut String, text: &str| {
            if !text.trim().is_empty() {
                if !into.is_empty() {
                    into.push('\n');
                }
                into.push_str(&format!("{who}: {}", text.trim()));
            }
        };
        add(&mut merged.went_well, &a.went_well);
        add(&mut merged.went_badly, &a.went_badly);
        add(&mut merged.improve, &a.improve);
        add(&mut merged.liked, &a.liked);
        add(&mut merged.disliked, &a.disliked);
        add(&mut merged.called_for_help, &a.called_for_help);
        add(&mut merged.distrusted_data, &a.distrusted_data);
        add(&mut merged.observer_notes, &a.observer_notes);
    }
    merged
}
