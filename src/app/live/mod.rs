//! The drill being played: here, in a room of its own (the core `Drill`,
//! its journal, the pace, the commands the UI queued), or on a host over the
//! network (the mirror of what this person is told). Real time maps to
//! simulated seconds here; the core never sees the wall clock.

mod remote;
mod start;

pub use remote::{HostDebrief, Link, Remote};

use std::path::PathBuf;

use bevy::prelude::*;

use super::screen::{AppSystems, DrillEnded, Screen};
use crate::lenses::view::Lens;
use crate::net::protocol::ClientFrame;
use crate::run::Room;
use crate::scenario::Seat;
use crate::tools::instructor::{RoleLoad, Truth};
use crate::world::{Command, Drill};

/// Speeds offered in the clock bar.
pub const SPEEDS: [u32; 4] = [1, 2, 5, 10];

/// Where the drill in play runs.
pub enum Source {
    /// Here: the one loop, with the drill, its simulated people, the journal and the clock.
    Local(Box<Room>),
    /// On a host: what this person is told of it.
    Remote(Box<Remote>),
}

/// The drill in play: where it runs, and who is at the keyboard.
#[derive(Resource)]
pub struct LiveDrill {
    pub source: Source,
    /// The trainee's participant id.
    pub me: String,
    pub seat: Seat,
    /// Show every seat's instruments (practice toggle).
    pub practice: bool,
    pub session_path: Option<PathBuf>,
    /// A game master runs this drill: the console shows, and they see every seat.
    pub instructor: bool,
    /// What the game master looks through (every seat, or one).
    pub gm_lens: Lens,
    /// The drill's end has been announced (`DrillEnded` goes out once).
    end_announced: bool,
}

impl LiveDrill {
    /// The drill as it stands (for a hosted drill, as this person knows it).
    pub fn drill(&self) -> &Drill {
        match &self.source {
            Source::Local(room) => room.drill(),
            Source::Remote(remote) => remote
                .mirror
                .as_ref()
                .expect("a remote drill starts once the host has welcomed it"),
        }
    }

    /// The room, when the drill runs here.
    pub fn room(&self) -> Option<&Room> {
        match &self.source {
            Source::Local(room) => Some(room),
            Source::Remote(_) => None,
        }
    }

    /// The connection, when the drill runs on a host.
    pub fn remote_link(&self) -> Option<&Remote> {
        match &self.source {
            Source::Local(_) => None,
            Source::Remote(remote) => Some(remote),
        }
    }

    /// Simulated seconds per real second.
    pub fn speed(&self) -> u32 {
        match &self.source {
            Source::Local(room) => room.clock.speed,
            Source::Remote(remote) => remote.speed,
        }
    }

    /// Whether the clock stands still.
    pub fn paused(&self) -> bool {
        match &self.source {
            Source::Local(room) => room.clock.paused,
            Source::Remote(remote) => remote.paused,
        }
    }

    /// Sets the speed (on a host only the game master's counts).
    pub fn set_speed(&mut self, speed: u32) {
        match &mut self.source {
            Source::Local(room) => room.clock.speed = speed,
            Source::Remote(remote) => remote.send(ClientFrame::Clock {
                speed: Some(speed),
                paused: None,
            }),
        }
    }

    /// Pauses or resumes (on a host only the game master's counts).
    pub fn set_paused(&mut self, paused: bool) {
        match &mut self.source {
            Source::Local(room) => room.clock.paused = paused,
            Source::Remote(remote) => remote.send(ClientFrame::Clock {
                speed: None,
                paused: Some(paused),
            }),
        }
    }

    /// The ground truth and the load on each role, for the game master's console.
    pub fn truth(&self) -> Option<(Truth, Vec<RoleLoad>)> {
        match &self.source {
            Source::Local(room) => Some((
                crate::tools::instructor::truth(room.simulation()),
                crate::tools::instructor::load(room.drill()),
            )),
            Source::Remote(remote) => remote.truth.clone(),
        }
    }

    /// Why the journal stopped, or the connection is down, if so.
    pub fn journal_error(&self) -> Option<String> {
        match &self.source {
            Source::Local(room) => room.journal_error().map(|e| format!("The session file could not be written: {e}. The drill goes on; what was written before is kept.")),
            Source::Remote(remote) => match &remote.link {
                Link::Lost(reason) => Some(format!("Connection to the host lost ({reason}); getting back in…")),
                Link::Failed(reason) => Some(format!("The host refused this connection: {reason}")),
                Link::Connecting | Link::Connected => None,
            },
        }
    }

    /// Types and clicks as another human of the team from now on.
    pub fn act_as(&mut self, id: &str) {
        if let Some(p) = self.drill().people().get(id).filter(|p| p.human) {
            self.seat = p.seat.unwrap_or(Seat::Observer);
            self.me = id.to_string();
        }
    }

    /// Queues a game master command for the next simulated second; while
    /// paused it waits, and fires at the drill time the pause stopped at.
    pub fn queue_gm(&mut self, command: Command) {
        match &mut self.source {
            Source::Local(room) => room.submit(crate::world::GAME_MASTER, command),
            // The host stamps it with the game master's code.
            Source::Remote(remote) => remote.send(ClientFrame::Command {
                command,
                order: None,
            }),
        }
    }

    /// Game master commands queued and not yet applied (shown as "on resume").
    pub fn gm_pending(&self) -> Vec<Command> {
        self.room().map(|r| r.gm_pending()).unwrap_or_default()
    }

    /// The lens the screen uses now.
    pub fn lens(&self) -> Lens {
        if self.instructor {
            self.gm_lens
        } else if self.practice {
            Lens::Everything
        } else {
            Lens::Seat(self.seat)
        }
    }

    /// Queues a command from the trainee for the next simulated second.
    pub fn queue(&mut self, command: Command) {
        let me = self.me.clone();
        self.queue_as(&me, command);
    }

    /// Queues a command from someone of the team (a local drill's script, the bench).
    pub fn queue_as(&mut self, by: &str, command: Command) {
        match &mut self.source {
            Source::Local(room) => room.submit(by, command),
            // The host stamps it with this connection's person, whoever `by` is.
            Source::Remote(remote) => remote.send(ClientFrame::Command {
                command,
                order: None,
            }),
        }
    }

    /// Advances by `seconds` of wall time; returns the ticks simulated here
    /// (a hosted drill moves by what the host sends).
    pub fn advance(&mut self, seconds: f64) -> u32 {
        match &mut self.source {
            Source::Local(room) => room.advance(seconds),
            Source::Remote(remote) => {
                remote.poll();
                0
            }
        }
    }

    /// One simulated second: queued commands and the script's, journaled.
    pub fn step_once(&mut self) {
        if let Source::Local(room) = &mut self.source {
            // Journal trouble is kept and shown on screen; the drill goes on.
            let _ = room.step();
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (run_clock, announce_end)
            .chain()
            .in_set(AppSystems::Clock)
            .run_if(in_state(Screen::Drill).and_then(resource_exists::<LiveDrill>)),
    );
}

fn run_clock(mut live: ResMut<LiveDrill>, time: Res<Time>) {
    let _cost = crate::app::cost::CpuTimer::start(&crate::app::cost::CLOCK_CPU_NS);
    live.advance(time.delta_secs_f64());
}

/// The drill is over: say so, once. The debrief and the tutorial take it from there.
fn announce_end(mut live: ResMut<LiveDrill>, mut ended: MessageWriter<DrillEnded>) {
    if live.drill().is_over() && !live.end_announced {
        live.end_announced = true;
        ended.write(DrillEnded);
    }
}

#[cfg(test)]
mod tests;
