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
use crate::judge::aar::Doc;
use crate::judge::score::{Answers, Scorecard};
use crate::net::protocol::HostFrame;
use crate::run::Room;
use crate::scenario::{Knobs, LoadedScenario};
use crate::world::{Command, GAME_MASTER, Input};

/// A lockstep client that has not confirmed a tick in this long is dropped.
const LOCKSTEP_PATIENCE: Duration = Duration::from_secs(30);

/// After the end, the host stays for the debrief this long at most.
const DEBRIEF_FOR: Duration = Duration::from_secs(15 * 60);

/// With nobody connected for this long, the host stops (the session can be resumed).
const ALONE_FOR: Duration = Duration::from_secs(30 * 60);

/// The room's chores (dropping lockstep laggards, sending a debrief with new
/// answers, noticing it is alone) come round this often.
const CHORES_EVERY: Duration = Duration::from_secs(1);

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
    kill: Option<oneshot::Sender<HostFrame>>,
    /// When it was welcomed (a lockstep newcomer gets its full patience).
    since: Instant,
    /// How many events of the person's stream this connection has been sent.
    sent: u64,
    /// Lockstep: the tick this client last confirmed.
    ready: Option<Tick>,
    /// Commands waiting for the next tick (lockstep) or for the clock to run
    /// (paused): (script order, arrival, command). They leave with the
    /// connection if it drops.
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
    /// Latecomers the host paged in: inputs in the game master's name that
    /// no game master sent (left out of what their client is told it sent).
    paged: u64,
}

/// A hosted drill picked up from its session.
pub struct Resumed {
    pub room: Room,
    /// Everyone's stream, sorted again as the live host sorted it.
    pub projection: Projection,
    /// How many latecomers the host had paged in.
    pub paged: u64,
}

impl Running {
    fn new(resumed: Resumed) -> Running {
        let Resumed {
            mut room,
            projection,
            paged,
        } = resumed;
        room.apply_at_once();
        Running {
            room,
            projection,
            last_truth: String::new(),
            told_now: None,
            ticked_at: Instant::now(),
            paged,
        }
    }

    /// How many of `person`'s commands the drill has applied.
    fn applied_by(&self, person: &str) -> u64 {
        let applied = self.room.applied_by(person);
        if person == GAME_MASTER {
            applied.saturating_sub(self.paged)
        } else {
            applied
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
    arrivals: u64,
    speed: u32,
    paused: bool,
    answers: BTreeMap<String, Answers>,
    /// The team's scorecard and the AAR, once the drill is over.
    debrief: Option<(Scorecard, Doc)>,
    /// Answers came in since the debrief was last sent (it is rebuilt at most once a second).
    debrief_stale: bool,
    debrief_since: Option<Instant>,
    alone_since: Option<Instant>,
}

impl RoomTask {
    pub(super) fn new(setup: Setup, guests: Guests, resumed: Option<Resumed>) -> RoomTask {
        let speed = match setup.pace {
            HostPace::PerSecond(n) => n.max(1),
            HostPace::Lockstep => 1,
        };
        RoomTask {
            running: resumed.map(Running::new),
            setup,
            guests,
            conns: BTreeMap::new(),
            arrivals: 0,
            speed,
            paused: false,
            answers: BTreeMap::new(),
            debrief: None,
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
        // Once a second, whatever arrives meanwhile: laggards, the debrief.
        let mut chores = tokio::time::Instant::now() + CHORES_EVERY;
        loop {
            if self.finished() {
                return Ok(());
            }
            let wake = self
                .paced_step_due(next_tick)
                .map_or(chores, |t| t.min(chores));
            tokio::select! {
                message = inbox.recv() => match message {
                    Some(message) => self.handle(message),
                    None => return Ok(()),
                },
                _ = tokio::time::sleep_until(wake) => {
                    let now = tokio::time::Instant::now();
                    if !self.lockstep() && now >= next_tick && self.can_step() {
                        self.step()?;
                        next_tick = now + self.tick_length();
                    }
                    if now >= chores {
                        chores = now + CHORES_EVERY;
                        self.drop_laggards();
                        if self.debrief_stale {
                            self.send_debriefs();
                        }
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

    /// When a paced drill's next second is due (none while it cannot step).
    fn paced_step_due(&self, next_tick: tokio::time::Instant) -> Option<tokio::time::Instant> {
        (!self.lockstep() && self.can_step()).then_some(next_tick)
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
        if !self.lockstep() {
            return;
        }
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

    /// One simulated second: the commands waiting for it (a lockstep
    /// tick's, or those held during a pause; in script order, then as they
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
        let Some(running) = &mut self.running else {
            return Ok(());
        };
        for (_, _, input) in inputs {
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
