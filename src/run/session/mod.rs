//! Sessions: the record of one drill. A session file is RON, one record per
//! line: a header (scenario id and hash, seed, team, script), then the inputs
//! and events of each tick as they happen, then an end record. Written as a
//! journal (append + flush every tick), so a killed process loses at most
//! the tick in flight, and a damaged tail is cut off on reading.

mod journal;
pub(crate) mod read;
pub(crate) mod rerun;

pub use journal::Journal;
pub use read::{Recovered, read};
pub use rerun::{
    Moment, ReplayError, backup_path, check, ensure_same_scenario, rerun, rerun_watching, resume,
    resume_watching,
};

use serde::{Deserialize, Serialize};

use crate::base::time::Tick;
use crate::run::script::Script;
use crate::world::{Command, Entry, HumanSpec, Outcome};

/// The session file format version this build writes and reads.
pub const FORMAT: u32 = 1;

/// The simulation this build runs. Raised whenever the same scenario, seed
/// and inputs would give a different log: a recording is re-simulated
/// (replayed, checked, resumed, branched, annotated) only by the engine that
/// made it. Sessions from before engines were recorded read as 1.
pub const ENGINE: u32 = 2;

fn engine_one() -> u32 {
    1
}

/// What a session was played from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub format: u32,
    /// The engine that ran the drill (see `ENGINE`).
    #[serde(default = "engine_one")]
    pub engine: u32,
    pub scenario: String,
    /// Path of the scenario file as given when the session started.
    pub scenario_path: String,
    /// SHA-256 of the scenario file; a changed scenario is refused.
    pub scenario_hash: String,
    pub seed: u64,
    pub team: Vec<HumanSpec>,
    /// The script driving the humans, if headless: resume continues it.
    pub script: Option<Script>,
    /// The recording this drill was branched from, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branched_from: Option<Branch>,
    /// A game master ran the drill (its branches keep the console).
    #[serde(default, skip_serializing_if = "is_false")]
    pub instructor: bool,
    /// How the drill was tuned (all Normal: the scenario as written).
    #[serde(default, skip_serializing_if = "crate::scenario::Knobs::is_normal")]
    pub knobs: crate::scenario::Knobs,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Where a branched drill came from: a recording and the moment it left it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Branch {
    pub session: String,
    pub at: Tick,
}

impl Header {
    /// The header of a new session on `loaded`.
    pub fn new(
        loaded: &crate::scenario::LoadedScenario,
        seed: u64,
        team: Vec<HumanSpec>,
        script: Option<Script>,
    ) -> Header {
        Header {
            format: FORMAT,
            engine: ENGINE,
            scenario: loaded.scenario.id.clone(),
            // Absolute, so the recording finds its scenario from any directory.
            scenario_path: std::fs::canonicalize(&loaded.path)
                .unwrap_or_else(|_| loaded.path.clone())
                .display()
                .to_string(),
            scenario_hash: loaded.hash.clone(),
            seed,
            team,
            script,
            branched_from: None,
            instructor: false,
            knobs: crate::scenario::Knobs::default(),
        }
    }

    /// The scenario the drill ran: the file's, tuned by the recorded knobs.
    pub fn scenario(&self, loaded: &crate::scenario::LoadedScenario) -> crate::scenario::Scenario {
        self.knobs.apply(&loaded.scenario)
    }
}

/// The scenario a session was recorded on: `given`, or the path in its
/// header (as written, beside the session file, or by its file name in the
/// scenario library), loaded and validated.
pub fn locate_scenario(
    path: &std::path::Path,
    session: &Session,
    given: Option<&std::path::Path>,
) -> Result<crate::scenario::LoadedScenario, String> {
    use std::path::PathBuf;
    let recorded = PathBuf::from(&session.header.scenario_path);
    let candidates: Vec<PathBuf> = match given {
        Some(p) => vec![p.to_path_buf()],
        None => {
            let beside = path.parent().map(|d| d.join(&recorded));
            let library = recorded
                .file_name()
                .map(|name| crate::base::files::scenarios_dir().join(name));
            std::iter::once(recorded.clone())
                .chain(beside)
                .chain(library)
                .collect()
        }
    };
    let found = candidates.iter().find(|p| p.exists()).ok_or_else(|| {
        format!(
            "{}: the session's scenario file {} was not found\n  hint: pass it with --scenario PATH",
            path.display(),
            recorded.display()
        )
    })?;
    crate::scenario::load(found).map_err(|d| {
        format!(
            "{d}\n{}: the scenario does not validate; run `firedrill validate {}`",
            found.display(),
            found.display()
        )
    })
}

/// One line of a session file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Record {
    Header(Header),
    Input {
        at: Tick,
        by: String,
        command: Command,
    },
    Event(Entry),
    End {
        at: Tick,
        outcome: Outcome,
        events: usize,
    },
}

/// A session file's content: header, timed inputs and the events recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub header: Header,
    pub inputs: Vec<(Tick, crate::world::Input)>,
    pub events: Vec<Entry>,
    pub end: Option<(Tick, Outcome)>,
}

impl Session {
    /// The last tick of which every record is known to be on disk.
    pub fn complete_through(&self) -> Option<Tick> {
        if let Some((at, _)) = self.end {
            return Some(at);
        }
        let last = self
            .inputs
            .iter()
            .map(|(t, _)| *t)
            .chain(self.events.iter().map(|e| e.at))
            .max()?;
        last.checked_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diagnostic::Source;
    use crate::scenario::Severity;
    use crate::world::{Command, Input};

    fn header() -> Header {
        Header {
            format: FORMAT,
            engine: ENGINE,
            scenario: "tiny".into(),
            scenario_path: "tiny.ron".into(),
            scenario_hash: "h".into(),
            seed: 1,
            team: vec![],
            script: None,
            branched_from: None,
            instructor: false,
            knobs: Default::default(),
        }
    }

    #[test]
    fn a_journal_reads_back_record_for_record() {
        let dir =
            std::env::temp_dir().join(format!("firedrill-journal-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("s.ron");
        let mut drill = crate::testing::drill();
        let mut journal = Journal::create(&path, &header()).unwrap();
        let input = Input {
            by: "ana".into(),
            command: Command::Declare(Severity::Sev2),
        };
        drill.step(std::slice::from_ref(&input));
        journal
            .record(0, std::slice::from_ref(&input), drill.log())
            .unwrap();
        let recovered = read(&path).unwrap();
        assert!(recovered.damage.is_none());
        assert_eq!(recovered.session.header, header());
        assert_eq!(recovered.session.inputs, vec![(0, input)]);
        assert_eq!(recovered.session.events, drill.log());
        assert_eq!(
            recovered.session.complete_through(),
            None,
            "tick 0 may be incomplete"
        );
    }

    #[test]
    fn records_out_of_order_are_damage() {
        let text = format!(
            "{}\n{}\n{}\n",
            ron::to_string(&Record::Header(header())).unwrap(),
            ron::to_string(&Record::Input {
                at: 9,
                by: "a".into(),
                command: Command::Ack
            })
            .unwrap(),
            ron::to_string(&Record::Input {
                at: 3,
                by: "a".into(),
                command: Command::Ack
            })
            .unwrap()
        );
        let recovered = read::parse(&Source {
            file: "s.ron".into(),
            text,
        })
        .unwrap();
        assert_eq!(recovered.session.inputs.len(), 1);
        assert_eq!(recovered.damage.unwrap().line, 3);
    }
}
