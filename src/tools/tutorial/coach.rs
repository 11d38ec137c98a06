//! The coach: watches the drill's log for the trainee's steps and decides
//! what to say — a prompt, a hint after a stall, or nothing — by the stage's
//! scaffolding. It reads the log only, so it works the same live, in tests
//! and on a recording.

use super::stages::{Scaffolding, Stage, StageId};
use super::step::Cue;
use crate::base::time::Tick;
use crate::world::{Drill, Event};

/// Simulated seconds without progress on a step before the second stage's hint shows.
pub const STALL_AFTER: Tick = 90;

/// What the coach says now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Say {
    /// Nothing to say (the stage does not guide, or the trainee is not stuck).
    Nothing,
    /// The explicit instruction for the step that can be done now.
    Prompt {
        goal: &'static str,
        text: &'static str,
    },
    /// A nudge: the trainee has been stuck on this step.
    Hint {
        goal: &'static str,
        text: &'static str,
    },
    /// Nothing can be done yet (first stage only): watch and wait.
    Watch,
    /// Every step is done.
    Complete,
}

/// The coach's reading of the drill at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guidance {
    pub say: Say,
    /// Steps done so far.
    pub done: usize,
    pub total: usize,
}

/// How a stage went, for the stage's summary and the saved progress.
#[derive(Debug, Clone, PartialEq)]
pub struct StageResult {
    pub stage: StageId,
    /// The goals, each with whether it was done.
    pub steps: Vec<(&'static str, bool)>,
    /// How many steps needed a hint.
    pub hints: usize,
    /// Feedback beyond done or not (the handoff briefing's gaps).
    pub notes: Vec<String>,
}

impl StageResult {
    /// Whether every step was done.
    pub fn complete(&self) -> bool {
        self.steps.iter().all(|(_, done)| *done)
    }

    /// Steps done.
    pub fn done(&self) -> usize {
        self.steps.iter().filter(|(_, done)| *done).count()
    }
}

/// Follows one trainee through one stage.
#[derive(Debug, Clone)]
pub struct Coach {
    stage: Stage,
    me: String,
    /// Log entries read so far.
    seen: usize,
    /// When the trainee took the stage's role: no step is theirs before.
    role_at: Option<Tick>,
    cue_at: Vec<Option<Tick>>,
    done_at: Vec<Option<Tick>>,
    /// A hint was first shown for the step at this tick (for tests and the summary).
    hinted_at: Vec<Option<Tick>>,
}

impl Coach {
    /// A coach for `me` (the trainee's participant id) in `stage`.
    pub fn new(stage: Stage, me: &str) -> Coach {
        let n = stage.steps.len();
        Coach {
            stage,
            me: me.to_string(),
            seen: 0,
            role_at: None,
            cue_at: vec![None; n],
            done_at: vec![None; n],
            hinted_at: vec![None; n],
        }
    }

    /// The stage being coached.
    pub fn stage(&self) -> &Stage {
        &self.stage
    }

    /// Reads what happened since the last call and says what to say now.
    pub fn observe(&mut self, drill: &Drill) -> Guidance {
        let role = Cue::RoleGiven(self.stage.seat);
        for entry in &drill.log()[self.seen.min(drill.log().len())..] {
            if self.role_at.is_none() && role.seen_in(entry, &self.me, drill.scenario()) {
                self.role_at = Some(entry.at);
            }
            for (i, step) in self.stage.steps.iter().enumerate() {
                if self.cue_at[i].is_none() && step.cue.seen_in(entry, &self.me, drill.scenario()) {
                    self.cue_at[i] = Some(entry.at);
                }
            }
            // One thing done counts for one step: the first open one it fits
            // (one timeline line is not three records, one post not two).
            if let Some(i) = (0..self.stage.steps.len()).find(|&i| {
                (self.cue_at[i].is_some() || (self.stage.steps[i].early && self.role_at.is_some()))
                    && self.done_at[i].is_none()
                    && self.stage.steps[i].deed.done_in(entry, &self.me)
            }) {
                self.done_at[i] = Some(entry.at);
            }
        }
        self.seen = drill.log().len();
        let say = self.say(drill.now());
        if let Say::Hint { .. } = say
            && let Some(i) = self.current()
            && self.hinted_at[i].is_none()
        {
            self.hinted_at[i] = Some(drill.now());
        }
        Guidance {
            say,
            done: self.done_at.iter().flatten().count(),
            total: self.stage.steps.len(),
        }
    }

    /// The step to do now and since when the trainee has been on it.
    pub fn current_step(&self) -> Option<(usize, Tick)> {
        self.current().map(|i| (i, self.stuck_since(i)))
    }

    /// The step to do now: the first not done whose cue has come, once the
    /// trainee holds the stage's role.
    fn current(&self) -> Option<usize> {
        self.role_at?;
        (0..self.stage.steps.len()).find(|&i| self.cue_at[i].is_some() && self.done_at[i].is_none())
    }

    /// Whether every step is done.
    pub fn complete(&self) -> bool {
        self.done_at.iter().all(Option::is_some)
    }

    fn say(&self, now: Tick) -> Say {
        if self.complete() {
            return Say::Complete;
        }
        let Some(i) = self.current() else {
            return match self.stage.scaffolding {
                Scaffolding::Prompts => Say::Watch,
                _ => Say::Nothing,
            };
        };
        let step = &self.stage.steps[i];
        match self.stage.scaffolding {
            Scaffolding::Prompts => Say::Prompt {
                goal: step.goal,
                text: step.prompt,
            },
            Scaffolding::HintsWhenStalled if now >= self.stuck_since(i) + STALL_AFTER => {
                Say::Hint {
                    goal: step.goal,
                    text: step.hint,
                }
            }
            Scaffolding::HintsWhenStalled | Scaffolding::None => Say::Nothing,
        }
    }

    /// Since when the trainee has made no progress on step `i`: its cue,
    /// taking the role, or the latest step they completed, whichever is later.
    fn stuck_since(&self, i: usize) -> Tick {
        let last_progress = self.done_at.iter().flatten().copied().max().unwrap_or(0);
        let cue = self.cue_at[i].unwrap_or(0);
        cue.max(self.role_at.unwrap_or(0)).max(last_progress)
    }

    /// When a hint was first shown for each step (`None`: never).
    pub fn hinted_at(&self) -> &[Option<Tick>] {
        &self.hinted_at
    }

    /// When each step was done.
    pub fn done_at(&self) -> &[Option<Tick>] {
        &self.done_at
    }

    /// How the stage went so far.
    pub fn result(&self, drill: &Drill) -> StageResult {
        StageResult {
            stage: self.stage.id,
            steps: self
                .stage
                .steps
                .iter()
                .zip(&self.done_at)
                .map(|(step, done)| (step.goal, done.is_some()))
                .collect(),
            hints: self.hinted_at.iter().flatten().count(),
            notes: self.notes(drill),
        }
    }

    /// Feedback beyond done or not: commands the drill accepted but the
    /// doctrine would not (a role given without a briefing, an order without
    /// a time box), and how complete the handoff briefing was.
    fn notes(&self, drill: &Drill) -> Vec<String> {
        let mut notes = Vec::new();
        for entry in drill.log() {
            match &entry.event {
                Event::RoleAssigned {
                    role,
                    to,
                    by,
                    briefing,
                } if *by == self.me && briefing.trim().is_empty() => notes.push(format!(
                    "At {} you made {} {} without a briefing: say what is going on and what you expect.",
                    crate::base::time::clock(entry.at),
                    drill.people().get(to).map_or(to.as_str(), |p| p.name.as_str()),
                    role.label()
                )),
                Event::Posted(m)
                    if m.from == self.me
                        && m.kind == crate::world::comms::MessageKind::Order
                        && m.due.is_none()
                        && m.task != Some(crate::world::comms::Task::StandBy) =>
                {
                    notes.push(format!(
                        "Your order at {} had no time box: add when to report back (\"… 10m\").",
                        crate::base::time::clock(entry.at)
                    ))
                }
                _ => {}
            }
        }
        let role = self.stage.seat.role();
        let latest = drill.log().iter().rev().find_map(|e| match &e.event {
            Event::HandoffOffered {
                from,
                briefing,
                role: r,
                ..
            } if *from == self.me && Some(r) == role.as_ref() => Some(briefing),
            _ => None,
        });
        notes.extend(latest.map(|briefing| {
            let (has, misses) = crate::judge::score::text::briefing_coverage(briefing);
            if misses.is_empty() {
                format!("Your handoff briefing covered all {} elements.", has.len())
            } else {
                format!(
                    "Your handoff briefing covered {} of {} elements; it left out {}.",
                    has.len(),
                    has.len() + misses.len(),
                    misses.join(", ")
                )
            }
        }));
        notes
    }
}
