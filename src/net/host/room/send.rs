//! What goes out: each person's new events, the clock and the readings once
//! a second, the game master's ground truth, the lobby, the debrief; and a
//! client dropped with the reason.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

use super::RoomTask;
use crate::judge::score::Answers;
use crate::net::host::lobby::Guests;
use crate::net::protocol::{EVENTS_FRAME_BYTES, EVENTS_PER_FRAME, HostFrame, Member, write};
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
        // Each event is encoded once however many people are sent it.
        let mut encoded: BTreeMap<u32, String> = BTreeMap::new();
        let mut slow = Vec::new();
        for (&id, c) in self.conns.iter_mut() {
            let mut frames: Vec<String> = Vec::new();
            let total = running.projection.len(&c.person);
            if total > c.sent {
                let positions = running.projection.positions(&c.person, c.sent);
                for &i in positions {
                    if let Some(entry) = drill.log().get(i as usize) {
                        encoded.entry(i).or_insert_with(|| write(entry));
                    }
                }
                let texts: Vec<&str> = positions
                    .iter()
                    .filter_map(|i| encoded.get(i).map(String::as_str))
                    .collect();
                frames.extend(events_frames(c.sent, &texts));
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
                if !c.to_client.push(Arc::from(frame)) {
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

    /// Scores the drill and writes the AAR again (with everyone's answers
    /// so far), and sends everyone their debrief.
    pub(super) fn send_debriefs(&mut self) {
        self.debrief_stale = false;
        self.debrief = None;
        for id in self.conns.keys().copied().collect::<Vec<_>>() {
            self.send_debrief(id);
        }
    }

    /// Sends one connection its debrief, once the drill is over (scored
    /// once, then kept until new answers arrive).
    pub(super) fn send_debrief(&mut self, conn: u64) {
        let Some(running) = &self.running else {
            return;
        };
        let drill = running.room.drill();
        if !drill.is_over() {
            return;
        }
        let (team, aar) = self.debrief.get_or_insert_with(|| {
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
            (team, aar)
        });
        let Some(person) = self.conns.get(&conn).map(|c| c.person.as_str()) else {
            return;
        };
        let card = team.cards.iter().find(|c| c.who == person).cloned();
        let frame = HostFrame::Debrief {
            team: Box::new(team.clone()),
            card: card.map(Box::new),
            aar: Box::new(aar.clone()),
        };
        self.send(conn, &frame);
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
            Some(c) => !c.to_client.push(write(frame).into()),
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
            replaced: false,
        };
        self.send(conn, &frame);
    }

    /// Drops a client, telling it why (it comes back by itself).
    pub(super) fn kill(&mut self, conn: u64, reason: &str) {
        let frame = HostFrame::Error {
            reason: reason.to_string(),
            fatal: true,
            replaced: false,
        };
        self.close(conn, frame);
    }

    /// Drops a client with `last` as the last frame it is sent.
    pub(super) fn close(&mut self, conn: u64, last: HostFrame) {
        if let Some(mut c) = self.conns.remove(&conn)
            && let Some(kill) = c.kill.take()
        {
            let _ = kill.send(last);
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

/// `Events` frames carrying the encoded events `texts`, numbered from
/// `first`: a new frame every `EVENTS_PER_FRAME` events or
/// `EVENTS_FRAME_BYTES` bytes, whichever comes first (one event bigger than
/// that goes alone).
fn events_frames(first: u64, texts: &[&str]) -> Vec<String> {
    let mut frames = Vec::new();
    let mut start = 0;
    while start < texts.len() {
        let mut end = start;
        let mut bytes = 0;
        while end < texts.len()
            && end - start < EVENTS_PER_FRAME
            && (end == start || bytes + texts[end].len() < EVENTS_FRAME_BYTES)
        {
            bytes += texts[end].len() + 1;
            end += 1;
        }
        frames.push(format!(
            "{{\"type\":\"Events\",\"first\":{},\"entries\":[{}]}}",
            first + start as u64,
            texts[start..end].join(",")
        ));
        start = end;
    }
    frames
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::protocol::read_host_frame;

    #[test]
    fn events_go_out_in_frames_bounded_by_count_and_size_and_read_back_in_order() {
        let drill = crate::testing::drill();
        let log = drill.log();
        assert!(!log.is_empty());
        // Many small events: split by count.
        let many: Vec<String> = (0..EVENTS_PER_FRAME * 2 + 1)
            .map(|i| write(&log[i % log.len()]))
            .collect();
        let texts: Vec<&str> = many.iter().map(String::as_str).collect();
        let frames = events_frames(7, &texts);
        assert_eq!(frames.len(), 3);
        let mut next = 7;
        for frame in &frames {
            let HostFrame::Events { first, entries } = read_host_frame(frame).unwrap() else {
                panic!("not an Events frame: {frame}");
            };
            assert_eq!(first, next, "numbered on from the last");
            next += entries.len() as u64;
        }
        assert_eq!(next, 7 + texts.len() as u64);
        // Big events (JSON may carry spaces): split by size, every frame
        // within the bound, and all of them still read.
        let padded: Vec<String> = (0..40)
            .map(|_| format!("{}{}", write(&log[0]), " ".repeat(EVENTS_FRAME_BYTES / 10)))
            .collect();
        let texts: Vec<&str> = padded.iter().map(String::as_str).collect();
        let frames = events_frames(0, &texts);
        assert!(frames.len() >= 4, "{} frames", frames.len());
        for frame in &frames {
            assert!(
                frame.len() <= EVENTS_FRAME_BYTES + 100,
                "{} bytes",
                frame.len()
            );
            assert!(read_host_frame(frame).is_ok());
        }
    }
}
