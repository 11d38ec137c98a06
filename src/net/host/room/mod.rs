//! The hosted room: the one loop (`run::Room`) with connections as its input
//! sources. It keeps the lobby, starts the drill, steps it by the host's
//! clock (or in lockstep with its clients), sends each person what they may
//! see, and after the end the debrief. Every command a client sends is
//! stamped with the person its code belongs to.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use tokio::sync::{mpsc, oneshot};

mod frames;
mod join;
mod send;
#[cfg(test)]
mod tests;

use super::lobby::Guests;
use super::outbox::Outbox;
use super::project::Projection;
use super::{HostPace, ToRoom};
use crate::base::time::Tick;
use crate::judge::score::Answers;
use crate::run::Room;
use crate::scenario::{Knobs, LoadedScenario};
use crate::world::{Command, Input};

/// A lockstep client that has not confirmed a tick in this long is dropped.
const LOCKSTEP_PATIENCE: Duration = Duration::from_secs(30);

/// After the end, the host stays for the debrief this long at most.
const DEBRIEF_FOR: Duration = Duration::from_secs(15 * 60);

/// With nobody connected for this long, the host stops (the session can be resumed).
const ALONE_FOR: Duration = Duration::from_secs(30 * 60);

/// With nothing due, the room still wakes this often (to notice it is alone).
const IDLE_WAKE: Duration = Duration::from_secs(60);

/// What the room needs to start a drill.
pub struct Setup {
    pub loaded: LoadedScenario,
    pub seed: u64,
    pub knobs: Knobs,
    pub pace: HostPace,
    pub out: std::path::PathBuf,
    /// People came from a team file: the drill starts once they are all here.
    pub team_file: bool,
}

struct Conn {
    person: String,
    to_client: Outbox,
    kill: Option<oneshot::Sender<String>>,
    /// When it was welcomed (a lockstep newcomer gets its full patience).
    since: Instant,
    /// How many events of the person's stream this connection has been sent.
    sent: u64,
    /// Lockstep: the tick this client last confirmed.
    ready: Option<Tick>,
    /// Commands received for the next tick: (script order, arrival, command).
    inputs: Vec<(Option<u32>, u64, Command)>,
}

/// The drill once it has started.
struct Running {
    /// Applies every input at once, in the open second: a paced drill shows
    /// a command's effect without waiting, and a lockstep one hands in a
    /// tick's inputs just before it runs.
    room: Room,
    projection: Projection,
    last_truth: String,
    /// The drill time the clients were last told (clock and readings go out once a second).
    told_now: Option<Tick>,
    /// When the clients were last told the tick (for lockstep patience).
    ticked_at: Instant,
}

impl Running {
    fn new(mut room: Room, projection: Projection) -> Running {
        room.apply_at_once();
        Running {
            room,
            projection,
            last_truth: String::new(),
            told_now: None,
            ticked_at: Instant::now(),
        }
    }

    /// Applies one input and sorts what it caused into the streams. Every
    /// input goes through here, and every second's end is sorted too, so a
    /// resumed host re-sorting the recording the same way sends each person
    /// the same stream.
    fn apply(&mut self, input: Input) {
        self.room.submit(&input.by, input.command);
        self.projection.take_in(self.room.drill());
    }
}

pub(super) struct RoomTask {
    setup: Setup,
    guests: Guests,
    conns: BTreeMap<u64, Conn>,
    running: Option<Running>,
    /// Commands handed in while the game master has paused: they land when the clock runs.
    held: Vec<Input>,
    arrivals: u64,
    speed: u32,
    paused: bool,
    answers: BTreeMap<String, Answers>,
    /// Answers came in since the debrief was last sent (it is rebuilt at most once a second).
    debrief_stale: bool,
    debrief_since: Option<Instant>,
    alone_since: Option<Instant>,
}

impl RoomTask {
    pub(super) fn new(
        setup: Setup,
        guests: Guests,
        resumed: Option<(Room, Projection)>,
    ) -> RoomTask {
        let speed = match setup.pace {
            HostPace::PerSecond(n) => n.max(1),
            HostPace::Lockstep => 1,
        };
        RoomTask {
            running: resumed.map(|(room, projection)| Running::new(room, projection)),
            setup,
            guests,
            conns: BTreeMap::new(),
            held: Vec::new(),
            arrivals: 0,
            speed,
            paused: false,
            answers: BTreeMap::new(),
            debrief_stale: false,
            debrief_since: None,
            alone_since: Some(Instant::now()),
        }
    }

    fn lockstep(&self) -> bool {
        self.setup.pace == HostPace::Lockstep
    }

    /// Runs the room until the drill is over and everyone has left (or
    /// stayed long enough), or nobody came for a long time.
    pub(super) async fn run(mut self, mut inbox: mpsc::Receiver<ToRoom>) -> Result<(), String> {
        let mut next_tick = tokio::time::Instant::now();
        loop {
            if self.finished() {
                return Ok(());
            }
            let wait = self.until_next_step(next_tick);
            tokio::select! {
                message = inbox.recv() => match message {
                    Some(message) => self.handle(message),
                    None => return Ok(()),
                },
                _ = tokio::time::sleep_until(wait) => {
                    if self.can_step() {
                        self.step()?;
                        next_tick = tokio::time::Instant::now() + self.tick_length();
                    } else if self.lockstep() {
                        self.drop_laggards();
                    }
                    if self.debrief_stale {
                        self.send_debriefs();
                    }
                }
            }
            if self.lockstep() && self.can_step() {
                self.step()?;
            }
        }
    }

    fn tick_length(&self) -> Duration {
        Duration::from_secs_f64(1.0 / f64::from(self.speed.max(1)))
    }

    /// When to wake next: a paced drill's next second; lockstep every
    /// second to check for laggards; after the end every second for the
    /// debrief; otherwise at least once a minute.
    fn until_next_step(&self, next_tick: tokio::time::Instant) -> tokio::time::Instant {
        let now = tokio::time::Instant::now();
        let idle = now + IDLE_WAKE;
        let Some(running) = self.running.as_ref() else {
            return idle;
        };
        if running.room.drill().is_over() || self.lockstep() {
            return now + Duration::from_secs(1);
        }
        if self.paused { idle } else { next_tick }
    }

    fn finished(&self) -> bool {
        if self
            .alone_since
            .is_some_and(|since| since.elapsed() > ALONE_FOR)
        {
            eprintln!("host: nobody has been connected for 30 minutes; stopping");
            return true;
        }
        match (&self.running, self.debrief_since) {
            (Some(r), Some(since)) if r.room.drill().is_over() => {
                self.conns.is_empty() || since.elapsed() > DEBRIEF_FOR
            }
            _ => false,
        }
    }

    fn can_step(&self) -> bool {
        let Some(running) = &self.running else {
            return false;
        };
        if running.room.drill().is_over() || self.paused {
            return false;
        }
        if !self.lockstep() {
            return true;
        }
        let now = running.room.drill().now();
        !self.conns.is_empty() && self.conns.values().all(|c| c.ready == Some(now))
    }

    /// Lockstep: drops the clients that have kept a tick waiting for 30 s
    /// (counted from the tick, or from their arrival if later), while the
    /// drill could otherwise go on.
    fn drop_laggards(&mut self) {
        let Some(running) = &self.running else {
            return;
        };
        if running.room.drill().is_over() || self.paused {
            return;
        }
        let now = running.room.drill().now();
        let ticked_at = running.ticked_at;
        let late: Vec<u64> = self
            .conns
            .iter()
            .filter(|(_, c)| c.ready != Some(now))
            .filter(|(_, c)| c.since.max(ticked_at).elapsed() >= LOCKSTEP_PATIENCE)
            .map(|(&id, _)| id)
            .collect();
        for id in late {
            self.kill(
                id,
                "you did not confirm the last tick within 30 s; reconnect to catch up",
            );
        }
    }

    /// One simulated second: what was held back during a pause, every
    /// lockstep client's commands for it (in script order, then as they
    /// arrived), then what each person may see.
    fn step(&mut self) -> Result<(), String> {
        let mut inputs = Vec::new();
        for c in self.conns.values_mut() {
            for (order, arrival, command) in c.inputs.drain(..) {
                let input = Input {
                    by: c.person.clone(),
                    command,
                };
                inputs.push((order, arrival, input));
            }
        }
        inputs.sort_by_key(|(order, arrival, _)| (order.unwrap_or(u32::MAX), *arrival));
        let held = std::mem::take(&mut self.held);
        let Some(running) = &mut self.running else {
            return Ok(());
        };
        for input in held
            .into_iter()
            .chain(inputs.into_iter().map(|(_, _, i)| i))
        {
            running.apply(input);
        }
        if let Err(e) = running.room.step() {
            // The drill goes on; what was journaled stays.
            eprintln!("host: {e}");
        }
        running.projection.take_in(running.room.drill());
        running.ticked_at = Instant::now();
        self.flush();
        Ok(())
    }
}
