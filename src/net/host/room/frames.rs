//! What clients say once in: commands (stamped with their person), lockstep
//! confirmations, the game master's start and clock, answers; and a
//! connection gone.

use std::time::Instant;

use super::RoomTask;
use crate::net::host::ToRoom;
use crate::net::protocol::ClientFrame;
use crate::world::{Command, GAME_MASTER, Input};

impl RoomTask {
    pub(super) fn handle(&mut self, message: ToRoom) {
        match message {
            ToRoom::Hello {
                conn,
                code,
                name,
                received,
                to_client,
                kill,
                answer,
            } => {
                let result = self.welcome(conn, &code, name, received, to_client, kill);
                let _ = answer.send(result);
            }
            ToRoom::Frame { conn, frame } => self.frame(conn, frame),
            ToRoom::Gone { conn } => {
                // Commands it sent that were not applied go with it: when it
                // comes back it is told how many of its commands were applied.
                self.conns.remove(&conn);
                if self.conns.is_empty() {
                    self.alone_since = Some(Instant::now());
                }
                self.broadcast_lobby();
            }
        }
    }

    pub(super) fn frame(&mut self, conn: u64, frame: ClientFrame) {
        let Some(person) = self.conns.get(&conn).map(|c| c.person.clone()) else {
            return;
        };
        let game_master = person == GAME_MASTER;
        match frame {
            ClientFrame::Hello { .. } => {}
            ClientFrame::Command { command, order } => {
                let lockstep = self.lockstep();
                let Some(running) = &mut self.running else {
                    return self.tell(conn, "the drill has not started yet: wait for the host");
                };
                if matches!(command, Command::PageIn { .. }) {
                    return self.tell(
                        conn,
                        "the host pages latecomers in when they join: give them a spare code",
                    );
                }
                if lockstep || self.paused {
                    // Lockstep: applied when every client is ready, in script
                    // order. Paused: when the clock runs again, as they came.
                    // Either way they leave with their connection if it drops.
                    self.arrivals += 1;
                    let arrival = self.arrivals;
                    let order = order.filter(|_| lockstep);
                    if let Some(c) = self.conns.get_mut(&conn) {
                        c.inputs.push((order, arrival, command));
                    }
                    if !lockstep {
                        self.tell(
                            conn,
                            "the game master has paused the drill: your command lands when the clock runs again",
                        );
                    }
                } else {
                    // Paced: it lands in the open second now, and everyone who
                    // may see its effect is told at once.
                    running.apply(Input {
                        by: person,
                        command,
                    });
                    self.flush();
                }
            }
            ClientFrame::Ready { tick } => {
                if let Some(c) = self.conns.get_mut(&conn) {
                    c.ready = Some(tick);
                }
            }
            ClientFrame::Start if game_master => {
                if self.running.is_none() {
                    self.start();
                }
            }
            ClientFrame::Clock { speed, paused } if game_master => {
                if let Some(speed) = speed {
                    self.speed = speed.clamp(1, 600);
                }
                if let Some(paused) = paused {
                    if self.paused
                        && !paused
                        && let Some(running) = &mut self.running
                    {
                        // Lockstep patience counts from when the clock runs again.
                        running.ticked_at = Instant::now();
                    }
                    self.paused = paused;
                }
                self.broadcast_clock();
            }
            ClientFrame::Start | ClientFrame::Clock { .. } => self.tell(
                conn,
                "only the game master starts, pauses or speeds up the drill",
            ),
            ClientFrame::Answers { answers } => {
                if !self
                    .running
                    .as_ref()
                    .is_some_and(|r| r.room.drill().is_over())
                {
                    return self.tell(conn, "the after-action questions come after the drill");
                }
                self.answers.insert(person, answers);
                self.save_answers();
                // Everyone's debrief shows it within a second.
                self.debrief_stale = true;
            }
        }
    }
}
