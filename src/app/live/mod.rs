//! The drill being played: the core `Drill`, its journal, the pace, and the
//! commands the UI queued. Real time maps to simulated seconds here; the core
//! never sees the wall clock.

use std::path::PathBuf;

use bevy::prelude::*;

use super::screens::Screen;
use crate::drill::{Command, Drill, HumanSpec, Input, Knobs};
use crate::scenario::{LoadedScenario, Seat};
use crate::script::Script;
use crate::session::{Header, Journal};
use crate::time::Dur;
use crate::view::Lens;

/// Speeds offered in the clock bar.
pub const SPEEDS: [u32; 4] = [1, 2, 5, 10];

/// At most this many simulated seconds per frame, so a slow frame never snowballs.
const MAX_STEPS_PER_FRAME: u32 = 120;

/// The drill in play.
#[derive(Resource)]
pub struct LiveDrill {
    pub drill: Drill,
    /// The trainee's participant id.
    pub me: String,
    pub seat: Seat,
    /// Show every seat's instruments (practice toggle).
    pub practice: bool,
    pub speed: u32,
    pub paused: bool,
    journal: Option<Journal>,
    pub session_path: Option<PathBuf>,
    /// A script driving the humans (autopilot).
    script: Option<Script>,
    pending: Vec<Input>,
    accumulator: f64,
    /// Why the journal stopped, if it did.
    pub journal_error: Option<String>,
    /// A game master runs this drill: the console shows, and they see every seat.
    pub instructor: bool,
    /// What the game master looks through (every seat, or one).
    pub gm_lens: Lens,
}

impl LiveDrill {
    /// Starts a drill with the trainee in `seat` (or the script's team), journaled to `session_path`.
    pub fn start(
        loaded: &LoadedScenario,
        seat: Seat,
        seed: u64,
        script: Option<Script>,
        session_path: Option<PathBuf>,
    ) -> Result<LiveDrill, String> {
        Self::start_tuned(loaded, seat, seed, script, session_path, Knobs::default())
    }

    /// `start`, on the scenario tuned by `knobs` (recorded in the session).
    pub fn start_tuned(
        loaded: &LoadedScenario,
        seat: Seat,
        seed: u64,
        script: Option<Script>,
        session_path: Option<PathBuf>,
        knobs: Knobs,
    ) -> Result<LiveDrill, String> {
        let team = match &script {
            Some(script) => script.team.clone(),
            None => vec![HumanSpec {
                id: "you".into(),
                name: "You".into(),
                seat,
                joins: Dur(0),
            }],
        };
        Self::start_with(loaded, team, seat, seed, script, session_path, knobs)
    }

    /// Starts a drill for a game master watching simulated people in every seat.
    pub fn start_unattended(
        loaded: &LoadedScenario,
        seed: u64,
        script: Option<Script>,
        session_path: Option<PathBuf>,
        knobs: Knobs,
    ) -> Result<LiveDrill, String> {
        let team = script.as_ref().map(|s| s.team.clone()).unwrap_or_default();
        let mut live = Self::start_with(
            loaded,
            team,
            Seat::Observer,
            seed,
            script,
            session_path,
            knobs,
        )?;
        live.run_as_instructor()?;
        if live.drill.people().list.iter().all(|p| !p.human) {
            live.me = crate::drill::GAME_MASTER.into();
        }
        Ok(live)
    }

    fn start_with(
        loaded: &LoadedScenario,
        team: Vec<HumanSpec>,
        seat: Seat,
        seed: u64,
        script: Option<Script>,
        session_path: Option<PathBuf>,
        knobs: Knobs,
    ) -> Result<LiveDrill, String> {
        let me = team
            .iter()
            .find(|h| h.seat == seat)
            .or(team.first())
            .map_or_else(|| "you".to_string(), |h| h.id.clone());
        let drill = Drill::new(knobs.apply(&loaded.scenario), seed, &team);
        let journal = match &session_path {
            Some(path) => {
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                }
                let mut header = Header::new(loaded, seed, team, script.clone());
                header.knobs = knobs;
                Some(Journal::create(path, &header)?)
            }
            None => None,
        };
        Ok(LiveDrill {
            drill,
            me,
            seat,
            practice: false,
            speed: 1,
            paused: false,
            journal,
            session_path,
            script,
            pending: Vec::new(),
            accumulator: 0.0,
            journal_error: None,
            instructor: false,
            gm_lens: Lens::Everything,
        })
    }

    /// A game master runs this drill: the console shows, and the recording says so.
    pub fn run_as_instructor(&mut self) -> Result<(), String> {
        self.instructor = true;
        // Before the first second, the header can still be rewritten.
        if let (Some(path), Some(_), 0) = (&self.session_path, &self.journal, self.drill.now()) {
            let mut header = crate::session::read(path)
                .map_err(|d| d.to_string())?
                .session
                .header;
            header.instructor = true;
            self.journal = Some(Journal::create(path, &header)?);
        }
        Ok(())
    }

    /// Continues a drill branched from a recording, journaled by `journal`.
    /// The trainee types as `me` (a human of the recorded team); with no
    /// human on the team, the drill runs with a game master watching.
    pub fn branched(
        drill: Drill,
        journal: Journal,
        session_path: PathBuf,
        me: Option<String>,
        instructor: bool,
    ) -> LiveDrill {
        let humans: Vec<(String, Seat)> = drill
            .people()
            .list
            .iter()
            .filter(|p| p.human)
            .map(|p| (p.id.clone(), p.seat.unwrap_or(Seat::Observer)))
            .collect();
        let (me, seat) = me
            .and_then(|id| humans.iter().find(|(h, _)| *h == id).cloned())
            .or_else(|| humans.first().cloned())
            .unwrap_or_else(|| (crate::drill::GAME_MASTER.to_string(), Seat::Observer));
        LiveDrill {
            drill,
            instructor: instructor || humans.is_empty(),
            me,
            seat,
            practice: false,
            speed: 1,
            paused: true,
            journal: Some(journal),
            session_path: Some(session_path),
            script: None,
            pending: Vec::new(),
            accumulator: 0.0,
            journal_error: None,
            gm_lens: Lens::Everything,
        }
    }

    /// Types and clicks as another human of the team from now on.
    pub fn act_as(&mut self, id: &str) {
        if let Some(p) = self.drill.people().get(id).filter(|p| p.human) {
            self.seat = p.seat.unwrap_or(Seat::Observer);
            self.me = id.to_string();
        }
    }

    /// Queues a game master command for the next simulated second; while
    /// paused it waits, and fires at the drill time the pause stopped at.
    pub fn queue_gm(&mut self, command: Command) {
        self.pending.push(Input {
            by: crate::drill::GAME_MASTER.into(),
            command,
        });
    }

    /// Game master commands queued and not yet applied (shown as "on resume").
    pub fn gm_pending(&self) -> Vec<Command> {
        self.pending
            .iter()
            .filter(|i| i.by == crate::drill::GAME_MASTER)
            .map(|i| i.command.clone())
            .collect()
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
        self.pending.push(Input {
            by: self.me.clone(),
            command,
        });
    }

    /// Advances by `seconds` of wall time at the current speed; returns the ticks simulated.
    pub fn advance(&mut self, seconds: f64) -> u32 {
        if self.paused || self.drill.is_over() {
            return 0;
        }
        self.accumulator += seconds * f64::from(self.speed);
        let mut steps = 0;
        while self.accumulator >= 1.0 && steps < MAX_STEPS_PER_FRAME && !self.drill.is_over() {
            self.accumulator -= 1.0;
            self.step_once();
            steps += 1;
        }
        if steps == MAX_STEPS_PER_FRAME {
            self.accumulator = self.accumulator.min(1.0);
        }
        steps
    }

    /// One simulated second: queued commands and the script's, journaled.
    pub fn step_once(&mut self) {
        let now = self.drill.now();
        let mut inputs = std::mem::take(&mut self.pending);
        if let Some(script) = &self.script {
            inputs.extend(script.inputs_at(now));
        }
        self.drill.step(&inputs);
        if let Some(journal) = self.journal.as_mut() {
            let mut result = journal.record(now, &inputs, self.drill.log());
            if let (Ok(()), Some(outcome)) = (&result, self.drill.outcome()) {
                result = journal.end(now, outcome, self.drill.log().len());
            }
            if let Err(err) = result {
                // Keep playing; say so on screen. Nothing already on disk is lost.
                self.journal_error = Some(err);
                self.journal = None;
            }
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (run_clock, finish)
            .chain()
            .run_if(in_state(Screen::Drill).and_then(resource_exists::<LiveDrill>)),
    );
}

fn run_clock(
    mut live: ResMut<LiveDrill>,
    time: Res<Time>,
    bench: Option<ResMut<super::bench::BenchStats>>,
) {
    let started = std::time::Instant::now();
    live.advance(time.delta_secs_f64());
    if let Some(mut bench) = bench {
        bench.add_own(started.elapsed());
    }
}

/// The drill is over: on to the debrief, or for a tutorial stage to the tutorial's own page.
fn finish(
    live: Res<LiveDrill>,
    tutorial: Option<ResMut<super::tutorial::Tutorial>>,
    mut next: ResMut<NextState<Screen>>,
) {
    if !live.drill.is_over() {
        return;
    }
    match tutorial {
        Some(mut tutorial) if tutorial.in_stage => {
            tutorial.finish_stage(&live.drill, live.session_path.as_deref());
            next.set(Screen::Tutorial);
        }
        _ => next.set(Screen::Debrief),
    }
}

#[cfg(test)]
mod tests;
