//! The hosted room: the one loop (`run::Room`) with connections as its input
//! sources. It keeps the lobby, starts the drill, steps it by the host's
//! clock (or in lockstep with its clients), sends each person what they may
//! see, and after the end the debrief. Every command a client sends is
//! stamped with the person its code belongs to.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{mpsc, oneshot};

use super::lobby::Guests;
use super::project::Projection;
use super::{HostPace, Out, ToRoom};
use crate::base::time::Tick;
use crate::judge::score::Answers;
use crate::net::protocol::{ClientFrame, EVENTS_PER_FRAME, HostFrame, Member, PROTOCOL, write};
use crate::run::Room;
use crate::scenario::{Knobs, LoadedScenario};
use crate::world::sim::platform::SAMPLE_EVERY;
use crate::world::{Command, GAME_MASTER, HumanSpec, Input};

/// A lockstep client that has not confirmed a tick in this long is dropped.
const LOCKSTEP_PATIENCE: Duration = Duration::from_secs(30);

/// After the end, the host stays for the debrief this long at most.
const DEBRIEF_FOR: Duration = Duration::from_secs(15 * 60);

/// With nobody connected for this long, the host stops (the session can be resumed).
const ALONE_FOR: Duration = Duration::from_secs(30 * 60);

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
    to_client: mpsc::Sender<Out>,
    kill: Option<oneshot::Sender<String>>,
    /// How many events of the person's stream this connection has been sent.
    sent: u64,
    /// Lockstep: the tick this client last confirmed.
    ready: Option<Tick>,
    /// Commands received for the next tick: (script order, arrival, command).
    inputs: Vec<(Option<u32>, u64, Command)>,
}

/// The drill once it has started.
struct Running {
    room: Room,
    projection: Projection,
    last_truth: String,
    /// The drill time the clients were last told (clock and readings go out once a second).
    told_now: Option<Tick>,
    /// When the clients were last told the tick (for lockstep patience).
    ticked_at: Instant,
}

pub(super) struct RoomTask {
    setup: Setup,
    guests: Guests,
    conns: BTreeMap<u64, Conn>,
    running: Option<Running>,
    /// Commands of clients that left after confirming a lockstep tick: still theirs to apply.
    orphans: Vec<(Option<u32>, u64, Input)>,
    arrivals: u64,
    speed: u32,
    paused: bool,
    answers: BTreeMap<String, Answers>,
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
            running: resumed.map(|(mut room, projection)| {
                if setup.pace != HostPace::Lockstep {
                    room.apply_at_once();
                }
                Running {
                    room,
                    projection,
                    last_truth: String::new(),
                    told_now: None,
                    ticked_at: Instant::now(),
                }
            }),
            setup,
            guests,
            conns: BTreeMap::new(),
            orphans: Vec::new(),
            arrivals: 0,
            speed,
            paused: false,
            answers: BTreeMap::new(),
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
                _ = sleep_until(wait) => {
                    if self.can_step() {
                        self.step()?;
                        next_tick = tokio::time::Instant::now() + self.tick_length();
                    } else if self.lockstep() {
                        self.drop_laggards();
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

    /// When the next step is due: a paced drill's next second; lockstep
    /// wakes to check for laggards; nothing to do before the start.
    fn until_next_step(&self, next_tick: tokio::time::Instant) -> Option<tokio::time::Instant> {
        let running = self.running.as_ref()?;
        if running.room.drill().is_over() {
            return Some(tokio::time::Instant::now() + Duration::from_secs(5));
        }
        if self.lockstep() {
            return Some(tokio::time::Instant::now() + Duration::from_secs(1));
        }
        (!self.paused).then_some(next_tick)
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

    fn drop_laggards(&mut self) {
        let Some(running) = &self.running else {
            return;
        };
        if running.ticked_at.elapsed() < LOCKSTEP_PATIENCE {
            return;
        }
        let now = running.room.drill().now();
        let late: Vec<u64> = self
            .conns
            .iter()
            .filter(|(_, c)| c.ready != Some(now))
            .map(|(&id, _)| id)
            .collect();
        for id in late {
            self.kill(
                id,
                "you did not confirm the last tick within 30 s; reconnect to catch up",
            );
        }
    }

    fn handle(&mut self, message: ToRoom) {
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
                if let Some(c) = self.conns.remove(&conn) {
                    // A lockstep client that confirmed the tick has said all it
                    // will for it; one that did not will say it again on return.
                    let now = self.running.as_ref().map(|r| r.room.drill().now());
                    if !self.lockstep() || c.ready == now {
                        for (order, arrival, command) in c.inputs {
                            let input = Input {
                                by: c.person.clone(),
                                command,
                            };
                            self.orphans.push((order, arrival, input));
                        }
                    }
                }
                if self.conns.is_empty() {
                    self.alone_since = Some(Instant::now());
                }
                self.broadcast_lobby();
            }
        }
    }

    fn welcome(
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
    fn page_in_latecomer(&mut self, person: &str) {
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

    fn everyone_here(&self) -> bool {
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

    fn frame(&mut self, conn: u64, frame: ClientFrame) {
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
                if lockstep {
                    // Applied when every client is ready, in script order.
                    self.arrivals += 1;
                    let arrival = self.arrivals;
                    if let Some(c) = self.conns.get_mut(&conn) {
                        c.inputs.push((order, arrival, command));
                    }
                } else {
                    // Paced: it lands in the open second now, and everyone who
                    // may see its effect is told at once.
                    running.room.submit(&person, command);
                    running.projection.take_in(running.room.drill());
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
                    self.paused = paused;
                }
                self.broadcast_clock();
            }
            ClientFrame::Start | ClientFrame::Clock { .. } => self.tell(
                conn,
                "only the game master starts, pauses or speeds up the drill",
            ),
            ClientFrame::Answers { answers } => {
                if self.running.is_none() {
                    return self.tell(conn, "the after-action questions come after the drill");
                }
                self.answers.insert(person, answers);
                self.save_answers();
                self.send_debriefs();
            }
        }
    }

    /// Starts the drill with whoever is on the team now.
    fn start(&mut self) {
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

    /// One simulated second: every client's commands for it (in script
    /// order, then as they arrived), then what each person may see.
    fn step(&mut self) -> Result<(), String> {
        let mut inputs = std::mem::take(&mut self.orphans);
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
            running.room.submit(&input.by, input.command);
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

    /// Sends every connection what it has not had yet.
    fn flush(&mut self) {
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

    fn send_debriefs(&mut self) {
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

    fn save_answers(&self) {
        let answers = merged_answers(&self.answers, &self.guests);
        let path = crate::judge::aar::answers::answers_path(&self.setup.out);
        if let Err(e) = crate::judge::aar::answers::save(&path, &answers) {
            eprintln!("host: {e}");
        }
    }

    fn members(&self) -> Vec<Member> {
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

    fn broadcast_lobby(&mut self) {
        let frame = HostFrame::Lobby {
            members: self.members(),
            started: self.running.is_some(),
        };
        for id in self.conns.keys().copied().collect::<Vec<_>>() {
            self.send(id, &frame);
        }
    }

    fn broadcast_clock(&mut self) {
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

    fn send(&mut self, conn: u64, frame: &HostFrame) {
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
    fn tell(&mut self, conn: u64, reason: &str) {
        let frame = HostFrame::Error {
            reason: reason.to_string(),
            fatal: false,
            retry: false,
        };
        self.send(conn, &frame);
    }

    /// Drops a client, telling it why.
    fn kill(&mut self, conn: u64, reason: &str) {
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

async fn sleep_until(at: Option<tokio::time::Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}
