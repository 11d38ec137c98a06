//! The tutorial's saved progress: which stages the new hire has finished and
//! how they went, in the data directory, written atomically.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::coach::StageResult;
use super::stages::{StageId, stage};
use crate::base::diagnostic::Diagnostic;
use crate::scenario::Seat;

/// One finished stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageRecord {
    pub stage: StageId,
    pub steps_done: usize,
    pub steps: usize,
    /// Steps that needed a hint.
    pub hints: usize,
    /// The session file the stage was played in.
    #[serde(default)]
    pub session: Option<String>,
}

impl StageRecord {
    /// Whether the trainee needed help or left steps undone: their weak seat.
    pub fn struggled(&self) -> bool {
        self.hints > 0 || self.steps_done < self.steps
    }
}

/// Every stage finished so far, in the order they were finished.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub stages: Vec<StageRecord>,
}

/// Where the progress lives.
pub fn default_path() -> PathBuf {
    crate::base::files::data_dir().join("tutorial.ron")
}

impl Progress {
    /// Reads the progress; a missing file means nothing done yet.
    pub fn load(path: &Path) -> Result<Progress, Diagnostic> {
        crate::base::files::read_ron(path, || {
            format!(
                "the tutorial progress is damaged; start the tutorial over (the damaged file is kept as {}) or fix the file",
                aside_path(path).display()
            )
        })
    }

    /// Writes the progress atomically.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        crate::base::files::write_ron(path, self)
    }

    /// Records a stage (a replayed stage replaces its earlier record).
    pub fn record(&mut self, result: &StageResult, session: Option<&Path>) {
        self.stages.retain(|s| s.stage != result.stage);
        self.stages.push(StageRecord {
            stage: result.stage,
            steps_done: result.done(),
            steps: result.steps.len(),
            hints: result.hints,
            session: session.map(|p| p.display().to_string()),
        });
    }

    /// The first stage not finished yet; `None` once the tutorial is done.
    pub fn next_stage(&self) -> Option<StageId> {
        StageId::ALL
            .into_iter()
            .find(|id| !self.stages.iter().any(|s| s.stage == *id))
    }

    /// Whether every stage is finished.
    pub fn finished(&self) -> bool {
        self.next_stage().is_none()
    }

    /// The record of a stage, if finished.
    pub fn of(&self, id: StageId) -> Option<&StageRecord> {
        self.stages.iter().find(|s| s.stage == id)
    }

    /// Seats of the stages the trainee struggled in, most hints first.
    pub fn weak_seats(&self) -> Vec<Seat> {
        let mut weak: Vec<&StageRecord> = self.stages.iter().filter(|s| s.struggled()).collect();
        weak.sort_by_key(|s| {
            (
                std::cmp::Reverse(s.hints + (s.steps - s.steps_done.min(s.steps))),
                s.stage,
            )
        });
        weak.iter().map(|s| stage(s.stage).seat).collect()
    }
}

/// Where a damaged progress file is moved when the tutorial starts over:
/// `tutorial.ron.damaged`, or `.damaged-2`, `-3`… if that is taken.
pub fn aside_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut aside = path.with_file_name(format!("{name}.damaged"));
    let mut n = 1;
    while aside.exists() {
        n += 1;
        aside = path.with_file_name(format!("{name}.damaged-{n}"));
    }
    aside
}

/// Moves a damaged progress file aside so that starting over loses nothing.
pub fn set_aside(path: &Path) -> Result<PathBuf, String> {
    let aside = aside_path(path);
    std::fs::rename(path, &aside)
        .map_err(|e| format!("{}: could not move it aside: {e}", path.display()))?;
    Ok(aside)
}
