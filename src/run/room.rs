//! The one loop: a room runs one drill. It owns the simulation (the drill
//! and its simulated people), the journal and the clock, and takes inputs
//! from any source: a script's humans, the window's composer, a network
//! host's connections. Headless play, the window's live drill, resume,
//! branch, the tutorial and the network host all run a `Room`.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use super::clock::Clock;
use super::simulation::Simulation;
use crate::run::script::Script;
use crate::run::session::{Header, Journal};
use crate::scenario::Knobs;
use crate::scenario::LoadedScenario;
use crate::world::{Command, Drill, Entry, GAME_MASTER, HumanSpec, Input};

/// How fast headless play goes: as fast as possible, or this many simulated
/// seconds per wall second.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Pace(pub Option<u32>);

/// One drill being run.
pub struct Room {
    sim: Simulation,
    journal: Option<Journal>,
    /// Why the journal stopped, if it did (the drill goes on; what is on disk stays).
    journal_error: Option<String>,
    /// Real time to simulated seconds.
    pub clock: Clock,
    /// Inputs handed in since the last tick (the window's, a connection's):
    /// they land on the next tick, or the first after a pause.
    queue: Vec<Input>,
    /// Scripted humans: their commands land at their drill times.
    script: Option<Script>,
    /// The script's commands whose time has come and that wait (indices).
    waiting: Vec<usize>,
    /// The script's inputs for the open second, settled as it opened (a
    /// command that waits for something is judged on the drill as it was
    /// then, whatever lands in the second before it runs).
    script_due: Vec<Input>,
    /// Apply what is handed in at once, in the open second, rather than at
    /// the next: a hosted drill shows a command's effect without waiting.
    /// Such an input is journaled as it is applied, so what anyone has seen
    /// of it is on disk.
    immediate: bool,
    /// How many inputs each person has had applied (a client that comes
    /// back is told, so it sends only what is missing).
    applied: BTreeMap<String, u64>,
}

impl Room {
    /// A room around a simulation, journaled by `journal` if given.
    pub fn new(sim: Simulation, journal: Option<Journal>) -> Room {
        Room {
            sim,
            journal,
            journal_error: None,
            clock: Clock::default(),
            queue: Vec::new(),
            script: None,
            waiting: Vec::new(),
            script_due: Vec::new(),
            immediate: false,
            applied: BTreeMap::new(),
        }
    }

    /// From now on, what is handed in is applied at once (see `submit`).
    pub fn apply_at_once(&mut self) {
        self.immediate = true;
    }

    /// Starts a new drill on `loaded` tuned by `knobs`, with `team` in their
    /// seats (and the script's commands, if any), journaled to `out` with a
    /// header made from the same facts (adjusted by `header` first).
    pub fn start(
        loaded: &LoadedScenario,
        seed: u64,
        team: Vec<HumanSpec>,
        script: Option<Script>,
        knobs: Knobs,
        out: Option<&Path>,
        header: impl FnOnce(&mut Header),
    ) -> Result<Room, String> {
        let sim = Simulation::new(knobs.apply(&loaded.scenario), seed, &team);
        let journal = match out {
            Some(path) => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                }
                let mut head = Header::new(loaded, seed, team, script.clone());
                head.knobs = knobs;
                header(&mut head);
                Some(Journal::create(path, &head)?)
            }
            None => None,
        };
        Ok(Room::new(sim, journal).with_script(script))
    }

    /// The scripted humans' commands land at their drill times from now on.
    pub fn with_script(mut self, script: Option<Script>) -> Room {
        self.waiting.clear();
        self.script_due = match &script {
            Some(s) => s.due(
                self.sim.now(),
                &mut self.waiting,
                self.sim.drill().threads(),
            ),
            None => Vec::new(),
        };
        self.script = script;
        self
    }

    /// A resumed recording's script: `waiting` its commands still waiting,
    /// `due` its inputs for the open second (settled before anything was
    /// applied in it again).
    pub fn with_resumed_script(
        mut self,
        script: Option<Script>,
        waiting: Vec<usize>,
        due: Vec<Input>,
    ) -> Room {
        self.script = script;
        self.waiting = waiting;
        self.script_due = due;
        self
    }

    /// The drill as it stands.
    pub fn drill(&self) -> &Drill {
        self.sim.drill()
    }

    /// The drill and its simulated people.
    pub fn simulation(&self) -> &Simulation {
        &self.sim
    }

    /// Takes the simulation out of the room (the journal is closed).
    pub fn into_simulation(self) -> Simulation {
        self.sim
    }

    /// Why the journal stopped, if it did.
    pub fn journal_error(&self) -> Option<&str> {
        self.journal_error.as_deref()
    }

    /// Whether the drill is being written to a session file.
    pub fn is_journaled(&self) -> bool {
        self.journal.is_some()
    }

    /// Hands in a command from `by`: applied in the open second at once
    /// when the room applies at once (and journaled then), else queued for
    /// the next second. Either way it is an input of the second it landed in.
    pub fn submit(&mut self, by: &str, command: Command) {
        let input = Input {
            by: by.to_string(),
            command,
        };
        if !self.immediate {
            self.queue.push(input);
            return;
        }
        let now = self.sim.now();
        if self.sim.apply_now(&input) {
            *self.applied.entry(input.by.clone()).or_default() += 1;
            if let Some(journal) = self.journal.as_mut()
                && let Err(err) = journal.input_now(now, &input)
            {
                self.journal = None;
                self.journal_error = Some(err);
            }
        }
    }

    /// How many of `by`'s inputs have been applied so far.
    pub fn applied_by(&self, by: &str) -> u64 {
        self.applied.get(by).copied().unwrap_or(0)
    }

    /// Counts inputs applied before this room took over (a resumed drill's).
    pub fn count_applied<'a>(&mut self, inputs: impl IntoIterator<Item = &'a Input>) {
        for input in inputs {
            *self.applied.entry(input.by.clone()).or_default() += 1;
        }
    }

    /// Inputs handed in and not yet applied.
    pub fn pending(&self) -> &[Input] {
        &self.queue
    }

    /// The game master's commands handed in and not yet applied.
    pub fn gm_pending(&self) -> Vec<Command> {
        self.queue
            .iter()
            .filter(|i| i.by == GAME_MASTER)
            .map(|i| i.command.clone())
            .collect()
    }

    /// One simulated second: what was handed in, then the script's commands
    /// due now; journaled. The drill goes on if the journal fails; the error
    /// says why it stopped (and `journal_error` keeps saying so).
    /// Once the drill is over nothing more happens (and nothing is written).
    pub fn step(&mut self) -> Result<&[Entry], String> {
        if self.sim.is_over() {
            self.queue.clear();
            return Ok(&[]);
        }
        let now = self.sim.now();
        let mut inputs = std::mem::take(&mut self.queue);
        inputs.append(&mut self.script_due);
        let start = self.sim.drill().tick_start();
        for input in &inputs {
            self.sim.apply_now(input);
            *self.applied.entry(input.by.clone()).or_default() += 1;
        }
        self.sim.finish_step();
        if let Some(script) = &self.script {
            let next = self.sim.now();
            self.script_due = script.due(next, &mut self.waiting, self.sim.drill().threads());
        }
        if let Some(journal) = self.journal.as_mut() {
            let mut written = journal.record(now, &inputs, self.sim.log());
            if let (Ok(()), Some(outcome)) = (&written, self.sim.outcome()) {
                written = journal.end(now, outcome, self.sim.log().len());
            }
            if let Err(err) = written {
                self.journal = None;
                self.journal_error = Some(err.clone());
                return Err(err);
            }
        }
        Ok(&self.sim.log()[start..])
    }

    /// Moves on by `elapsed` real seconds at the clock's speed; returns how
    /// many simulated seconds were stepped. Journal trouble is kept in
    /// `journal_error`; the drill goes on.
    pub fn advance(&mut self, elapsed: f64) -> u32 {
        if self.sim.is_over() {
            return 0;
        }
        let due = self.clock.due(elapsed);
        let mut stepped = 0;
        while stepped < due && !self.sim.is_over() {
            let _ = self.step();
            stepped += 1;
        }
        stepped
    }

    /// Steps to the end, handing every event to `watch`: the log so far
    /// first (the drill's start, for a new room), then each tick's. With a
    /// pace, waits on the wall clock between ticks (only headless play does).
    pub fn run_to_end(
        &mut self,
        pace: Pace,
        mut watch: impl FnMut(&[Entry]),
    ) -> Result<(), String> {
        let started = Instant::now();
        let first_tick = self.sim.now();
        watch(&self.sim.log()[..self.sim.drill().tick_start()]);
        while !self.sim.is_over() {
            watch(self.step()?);
            if let Pace(Some(per_second)) = pace {
                let target = Duration::from_secs_f64(
                    f64::from(self.sim.now() - first_tick) / f64::from(per_second.max(1)),
                );
                if let Some(wait) = target.checked_sub(started.elapsed()) {
                    std::thread::sleep(wait);
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Severity;
    use crate::world::Event;

    fn loaded() -> LoadedScenario {
        LoadedScenario {
            scenario: crate::testing::tiny(),
            path: "tiny.ron".into(),
            hash: "h".into(),
        }
    }

    fn scratch(test: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("firedrill-room-{test}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir.join("s.ron")
    }

    fn start(out: Option<&Path>, script: Option<Script>) -> Room {
        let team = crate::testing::team();
        Room::start(&loaded(), 1, team, script, Knobs::default(), out, |_| {}).unwrap()
    }

    #[test]
    fn an_input_applied_at_once_is_on_disk_before_its_second_runs_and_resume_applies_it_again() {
        let out = scratch("at-once");
        let mut room = start(Some(&out), None);
        room.apply_at_once();
        room.step().unwrap();
        room.submit("ana", Command::Declare(Severity::Sev2));
        let declared = |log: &[Entry]| {
            log.iter()
                .any(|e| matches!(e.event, Event::Declared { .. }))
        };
        assert!(declared(room.drill().log()), "its effect shows at once");
        let session = crate::run::session::read(&out).unwrap().session;
        assert_eq!(session.inputs.len(), 1, "and it is on disk");
        let live = room.drill().log().to_vec();
        drop(room);

        let mut resumed = crate::run::session::resume(&out, &session, &loaded()).unwrap();
        assert_eq!(
            resumed.drill().log(),
            &live[..],
            "applied again, in its second"
        );
        assert_eq!(resumed.applied_by("ana"), 1);
        resumed.step().unwrap();
        let session = crate::run::session::read(&out).unwrap().session;
        assert_eq!(session.inputs.len(), 1, "once");
        crate::run::session::check(&session, &loaded()).unwrap();
    }

    #[test]
    fn a_scripted_session_resumed_keeps_a_persons_input_of_the_second_in_flight() {
        use crate::base::time::Dur;
        use crate::run::script::ScriptCommand;
        use crate::world::comms::{Channel, MessageKind};
        let out = scratch("scripted");
        let script = Script {
            title: "t".into(),
            scenario: "tiny".into(),
            team: crate::testing::team(),
            commands: vec![ScriptCommand {
                at: Dur(3),
                by: "ben".into(),
                command: Command::Say {
                    channel: Channel::CommandPost,
                    kind: MessageKind::Chat,
                    text: "scripted".into(),
                },
                after: None,
            }],
        };
        let mut room = start(Some(&out), Some(script));
        for _ in 0..3 {
            room.step().unwrap();
        }
        room.submit("ana", Command::Declare(Severity::Sev2));
        room.step().unwrap();
        let live = room.drill().log().to_vec();
        drop(room);
        // Tick 3 is the last on disk: it may be incomplete, so it is run again.
        let session = crate::run::session::read(&out).unwrap().session;
        assert_eq!(session.complete_through(), Some(2));
        let mut resumed = crate::run::session::resume(&out, &session, &loaded()).unwrap();
        resumed.step().unwrap();
        assert_eq!(
            resumed.drill().log(),
            &live[..],
            "Ana's command kept, the script's once"
        );
    }

    #[test]
    fn a_simulated_ic_decides_what_it_inherited_and_a_script_waits_for_the_decision() {
        use crate::base::time::Dur;
        use crate::run::script::{ScriptCommand, Wait};
        use crate::scenario::Role;
        use crate::world::Task;
        use crate::world::comms::MessageKind;
        let line = |at: u32, by: &str, command: Command, after: Option<Wait>| ScriptCommand {
            at: Dur(at),
            by: by.into(),
            command,
            after,
        };
        let script = Script {
            title: "t".into(),
            scenario: "tiny".into(),
            team: crate::testing::team(),
            commands: vec![
                line(90, "ana", Command::Declare(Severity::Sev2), None),
                line(300, "ben", Command::Propose("Free disk space on the database".into()), None),
                line(
                    310,
                    "ana",
                    Command::Handoff {
                        role: Role::IC,
                        to: "raj".into(),
                        briefing: "Situation: the database is failing; Sev2. Ben proposes freeing disk space; decide it.".into(),
                    },
                    None,
                ),
                line(
                    320,
                    "ben",
                    Command::Order {
                        to: Some("raj".into()),
                        task: Task::Run("free".into()),
                        timebox: Some(Dur(300)),
                        text: "@raj free disk space on the database, report in 5m".into(),
                    },
                    Some(Wait::Decided),
                ),
            ],
        };
        let mut room = start(None, Some(script));
        for _ in 0..900 {
            room.step().unwrap();
        }
        let messages = room.drill().messages();
        let proposal = messages
            .iter()
            .find(|m| m.kind == MessageKind::Proposal)
            .expect("proposed");
        let decision = messages
            .iter()
            .find(|m| m.kind == MessageKind::Decision)
            .expect("the simulated IC decided it");
        assert_eq!(decision.from, "raj");
        assert_eq!(decision.reply_to, Some(proposal.id));
        let order = messages
            .iter()
            .find(|m| m.kind == MessageKind::Order && m.from == "ben")
            .expect("the order landed");
        assert!(
            order.at > decision.at,
            "it waited for the decision ({} > {})",
            order.at,
            decision.at
        );
    }

    #[test]
    fn after_the_end_a_step_does_nothing_and_writes_nothing() {
        let out = scratch("after-end");
        let mut room = start(Some(&out), None);
        room.run_to_end(Pace::default(), |_| {}).unwrap();
        let written = std::fs::read_to_string(&out).unwrap();
        room.submit("ana", Command::Ack);
        assert!(room.step().unwrap().is_empty());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), written);
    }

    #[test]
    fn a_watcher_sees_every_event_from_the_drills_start() {
        let mut room = start(None, None);
        let mut seen = Vec::new();
        room.run_to_end(Pace::default(), |events| seen.extend_from_slice(events))
            .unwrap();
        assert_eq!(seen, room.drill().log());
        assert!(matches!(seen[0].event, Event::DrillStarted { .. }));
    }
}
