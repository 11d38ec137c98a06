//! Re-simulating a session: replay checks, and resuming an interrupted drill.

use std::fmt;
use std::path::Path;

use super::{Header, Journal, Session};
use crate::drill::{Drill, Entry, Input};
use crate::scenario::LoadedScenario;
use crate::time::Tick;

/// Why a session cannot be replayed or resumed.
#[derive(Debug)]
pub enum ReplayError {
    /// The scenario file is not the one the session was recorded with.
    ScenarioChanged {
        path: String,
        recorded: String,
        found: String,
    },
    /// A different scenario altogether.
    WrongScenario {
        recorded: String,
        found: String,
    },
    /// Re-simulation produced a different log.
    Diverged {
        index: usize,
        at: Tick,
        recorded: String,
        replayed: String,
    },
    Other(String),
}

impl fmt::Display for ReplayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReplayError::ScenarioChanged {
                path,
                recorded,
                found,
            } => write!(
                f,
                "{path}: the scenario file changed since this session was recorded (recorded hash {}…, now {}…)\n  hint: restore the scenario as it was (e.g. from version control), or start a new session",
                &recorded[..recorded.len().min(12)],
                &found[..found.len().min(12)]
            ),
            ReplayError::WrongScenario { recorded, found } => write!(
                f,
                "this session was recorded on scenario `{recorded}`, not `{found}`\n  hint: pass the right file with --scenario"
            ),
            ReplayError::Diverged {
                index,
                at,
                recorded,
                replayed,
            } => write!(
                f,
                "replay diverges at event {index} ({}):\n  recorded: {recorded}\n  replayed: {replayed}\n  hint: the session was recorded by another Firedrill version, or edited by hand",
                crate::time::clock(*at)
            ),
            ReplayError::Other(text) => write!(f, "{text}"),
        }
    }
}

impl std::error::Error for ReplayError {}

fn ensure_same_scenario(header: &Header, loaded: &LoadedScenario) -> Result<(), ReplayError> {
    if header.scenario != loaded.scenario.id {
        return Err(ReplayError::WrongScenario {
            recorded: header.scenario.clone(),
            found: loaded.scenario.id.clone(),
        });
    }
    if header.scenario_hash != loaded.hash {
        return Err(ReplayError::ScenarioChanged {
            path: loaded.path.display().to_string(),
            recorded: header.scenario_hash.clone(),
            found: loaded.hash.clone(),
        });
    }
    Ok(())
}

/// Re-simulates the recorded inputs through tick `until` (inclusive), or to the end.
pub fn rerun(
    session: &Session,
    loaded: &LoadedScenario,
    until: Option<Tick>,
) -> Result<Drill, ReplayError> {
    ensure_same_scenario(&session.header, loaded)?;
    let mut drill = Drill::new(
        loaded.scenario.clone(),
        session.header.seed,
        &session.header.team,
    );
    let mut next = 0;
    while !drill.is_over() && until.is_none_or(|u| drill.now() <= u) {
        let now = drill.now();
        let mut inputs = Vec::new();
        while let Some((at, input)) = session.inputs.get(next) {
            if *at != now {
                break;
            }
            inputs.push(input.clone());
            next += 1;
        }
        drill.step(&inputs);
    }
    Ok(drill)
}

fn compare(recorded: &[Entry], replayed: &[Entry]) -> Result<(), ReplayError> {
    let encode =
        |e: &Entry| ron::to_string(e).unwrap_or_else(|err| format!("<unencodable: {err}>"));
    for (index, (a, b)) in recorded.iter().zip(replayed).enumerate() {
        let (ra, rb) = (encode(a), encode(b));
        if ra != rb {
            return Err(ReplayError::Diverged {
                index,
                at: a.at,
                recorded: ra,
                replayed: rb,
            });
        }
    }
    if recorded.len() > replayed.len() {
        let a = &recorded[replayed.len()];
        return Err(ReplayError::Diverged {
            index: replayed.len(),
            at: a.at,
            recorded: encode(a),
            replayed: "<nothing>".into(),
        });
    }
    Ok(())
}

/// Re-simulates a whole session and verifies that the log matches the recording.
/// Returns the replayed drill.
pub fn check(session: &Session, loaded: &LoadedScenario) -> Result<Drill, ReplayError> {
    let until = if session.end.is_some() {
        None
    } else {
        session.complete_through()
    };
    let drill = rerun(session, loaded, until)?;
    let replayed: Vec<Entry> = match until {
        Some(t) => drill.log().iter().filter(|e| e.at <= t).cloned().collect(),
        None => drill.log().to_vec(),
    };
    let recorded: Vec<Entry> = match until {
        Some(t) => session
            .events
            .iter()
            .filter(|e| e.at <= t)
            .cloned()
            .collect(),
        None => session.events.clone(),
    };
    compare(&recorded, &replayed)?;
    if session.end.is_some() && replayed.len() != recorded.len() {
        return Err(ReplayError::Other(format!(
            "the recording has {} events, the replay {}",
            recorded.len(),
            replayed.len()
        )));
    }
    Ok(drill)
}

/// Picks up an interrupted session: verifies what was recorded, rewrites the
/// file without any damaged tail, and returns the drill and its journal ready
/// to continue from the first tick not safely on disk.
pub fn resume(
    path: &Path,
    session: &Session,
    loaded: &LoadedScenario,
) -> Result<(Drill, Journal), ReplayError> {
    if session.end.is_some() {
        return Err(ReplayError::Other(format!(
            "{}: this drill already ended; replay it instead",
            path.display()
        )));
    }
    let through = session.complete_through();
    let mut trusted = session.clone();
    if let Some(t) = through {
        trusted.inputs.retain(|(at, _)| *at <= t);
        trusted.events.retain(|e| e.at <= t);
    } else {
        trusted.inputs.clear();
        trusted.events.clear();
    }
    let drill = match through {
        Some(t) => rerun(&trusted, loaded, Some(t))?,
        None => Drill::new(
            loaded.scenario.clone(),
            session.header.seed,
            &session.header.team,
        ),
    };
    let replayed: Vec<Entry> = drill
        .log()
        .iter()
        .filter(|e| through.is_some_and(|t| e.at <= t))
        .cloned()
        .collect();
    compare(&trusted.events, &replayed)?;
    let inputs: Vec<(Tick, Input)> = trusted.inputs.clone();
    let journal = Journal::rewrite(path, &session.header, &inputs, drill.log())
        .map_err(ReplayError::Other)?;
    Ok((drill, journal))
}
