//! Re-simulating a session: replay checks, and resuming an interrupted drill.

use std::fmt;
use std::path::Path;

use super::{Header, Journal, Session};
use crate::base::time::Tick;
use crate::run::{Room, Simulation};
use crate::scenario::LoadedScenario;
use crate::world::{Entry, Input};

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
    /// Another engine made the recording: re-simulating it here would not
    /// give its log.
    EngineChanged {
        recorded: u32,
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
                recorded.chars().take(12).collect::<String>(),
                found.chars().take(12).collect::<String>()
            ),
            ReplayError::WrongScenario { recorded, found } => write!(
                f,
                "this session was recorded on scenario `{recorded}`, not `{found}`\n  hint: pass the right file with --scenario"
            ),
            ReplayError::EngineChanged { recorded } => write!(
                f,
                "this session was recorded by simulation engine {recorded}; this build runs engine {}, which would play it differently\n  hint: replay, resume or branch it with the Firedrill version that recorded it; scoring it (`firedrill score`, `aar`, `compare`) still works",
                super::ENGINE
            ),
            ReplayError::Diverged {
                index,
                at,
                recorded,
                replayed,
            } => write!(
                f,
                "replay diverges at event {index} ({}):\n  recorded: {recorded}\n  replayed: {replayed}\n  hint: the session was recorded by another Firedrill version, or edited by hand",
                crate::base::time::clock(*at)
            ),
            ReplayError::Other(text) => write!(f, "{text}"),
        }
    }
}

impl std::error::Error for ReplayError {}

/// The session was made by this engine on the scenario given, unchanged,
/// and its team fits it.
pub(crate) fn ensure_playable(header: &Header, loaded: &LoadedScenario) -> Result<(), ReplayError> {
    if header.engine != super::ENGINE {
        return Err(ReplayError::EngineChanged {
            recorded: header.engine,
        });
    }
    ensure_same_scenario(header, loaded)?;
    let problems = crate::run::script::team_problems(&header.team, &loaded.scenario);
    if let Some((_, problem)) = problems.first() {
        return Err(ReplayError::Other(format!(
            "the session's team does not fit the scenario: {problem}"
        )));
    }
    Ok(())
}

/// The session was recorded on this very scenario file (same id, same SHA-256).
pub fn ensure_same_scenario(header: &Header, loaded: &LoadedScenario) -> Result<(), ReplayError> {
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
) -> Result<Simulation, ReplayError> {
    rerun_watching(session, loaded, until, |_, _| {})
}

/// When a re-simulation shows the drill to its watcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// Before a tick (its inputs not yet applied), and once at the end.
    Tick,
    /// Just after one of a tick's inputs was applied in the open second.
    Input,
}

/// `rerun`, showing the drill to `watch` before every tick, after every
/// input, and once at the end.
pub fn rerun_watching(
    session: &Session,
    loaded: &LoadedScenario,
    until: Option<Tick>,
    mut watch: impl FnMut(&Simulation, Moment),
) -> Result<Simulation, ReplayError> {
    ensure_playable(&session.header, loaded)?;
    let mut drill = Simulation::new(
        session.header.scenario(loaded),
        session.header.seed,
        &session.header.team,
    );
    let mut next = 0;
    while !drill.is_over() && until.is_none_or(|u| drill.now() <= u) {
        let now = drill.now();
        watch(&drill, Moment::Tick);
        while let Some((at, input)) = session.inputs.get(next) {
            if *at != now {
                break;
            }
            drill.apply_now(input);
            watch(&drill, Moment::Input);
            next += 1;
        }
        drill.finish_step();
    }
    watch(&drill, Moment::Tick);
    Ok(drill)
}

pub(crate) fn compare(recorded: &[Entry], replayed: &[Entry]) -> Result<(), ReplayError> {
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

/// The events up to and including tick `through` (all of them for `None`).
pub(crate) fn prefix(events: &[Entry], through: Option<Tick>) -> &[Entry] {
    match through {
        Some(t) => &events[..events.partition_point(|e| e.at <= t)],
        None => events,
    }
}

/// Re-simulates a whole session and verifies that the log matches the recording.
/// Returns the replayed drill.
pub fn check(session: &Session, loaded: &LoadedScenario) -> Result<Simulation, ReplayError> {
    let until = if session.end.is_some() {
        None
    } else {
        session.complete_through()
    };
    let drill = rerun(session, loaded, until)?;
    let (recorded, replayed) = (prefix(&session.events, until), prefix(drill.log(), until));
    compare(recorded, replayed)?;
    if session.end.is_some() && replayed.len() != recorded.len() {
        return Err(ReplayError::Other(format!(
            "the recording has {} events, the replay {}",
            recorded.len(),
            replayed.len()
        )));
    }
    Ok(drill)
}

/// Where `resume` keeps the file as it was before rewriting it.
pub fn backup_path(path: &Path) -> std::path::PathBuf {
    path.with_extension("ron.bak")
}

/// Picks up an interrupted session: verifies what was recorded, keeps a copy
/// of the file as it was, rewrites it without any damaged tail, and returns
/// the drill in a room journaled to the same file, ready to continue from the
/// first tick not safely on disk with the session's script.
pub fn resume(
    path: &Path,
    session: &Session,
    loaded: &LoadedScenario,
) -> Result<Room, ReplayError> {
    resume_watching(path, session, loaded, |_, _| {})
}

/// `resume`, showing the drill to `watch` as `rerun_watching` does (a host
/// re-sorts what each person was sent). The inputs recorded for the second
/// in flight were applied and perhaps seen: they are applied again, in
/// order, and that second runs next (a scripted session's script hands its
/// own in again, after them, as it did).
pub fn resume_watching(
    path: &Path,
    session: &Session,
    loaded: &LoadedScenario,
    mut watch: impl FnMut(&Simulation, Moment),
) -> Result<Room, ReplayError> {
    if session.end.is_some() {
        return Err(ReplayError::Other(format!(
            "{}: this drill already ended; replay it instead",
            path.display()
        )));
    }
    let through = session.complete_through();
    let mut drill = match through {
        Some(t) => rerun_watching(session, loaded, Some(t), &mut watch)?,
        None => {
            ensure_playable(&session.header, loaded)?;
            let drill = Simulation::new(
                session.header.scenario(loaded),
                session.header.seed,
                &session.header.team,
            );
            watch(&drill, Moment::Tick);
            drill
        }
    };
    let trusted = if through.is_some() {
        prefix(&session.events, through)
    } else {
        &[]
    };
    compare(trusted, prefix(drill.log(), through))?;
    let settled = drill.log().len();
    let in_flight = through.map_or(0, |t| t + 1);
    // The script's part of the second in flight, settled as it opens (before
    // anyone's input in it is applied again).
    let script = &session.header.script;
    let mut waiting = script
        .as_ref()
        .map(|s| s.still_waiting(in_flight, &session.inputs))
        .unwrap_or_default();
    let script_due = script
        .as_ref()
        .map(|s| s.due(in_flight, &mut waiting, drill.drill().threads()))
        .unwrap_or_default();
    let mut scripts_own = script_due.clone();
    let inputs: Vec<(Tick, Input)> = session
        .inputs
        .iter()
        .filter(|(at, input)| {
            if *at < in_flight {
                return true;
            }
            match scripts_own.iter().position(|own| own == input) {
                Some(k) => {
                    scripts_own.remove(k);
                    false
                }
                None => true,
            }
        })
        .cloned()
        .collect();
    for (_, input) in inputs.iter().filter(|(at, _)| *at == in_flight) {
        drill.apply_now(input);
        watch(&drill, Moment::Input);
    }
    std::fs::copy(path, backup_path(path)).map_err(|e| {
        ReplayError::Other(format!("{}: cannot keep a backup: {e}", path.display()))
    })?;
    let journal = Journal::rewrite(path, &session.header, &inputs, &drill.log()[..settled])
        .map_err(ReplayError::Other)?;
    let mut room = Room::new(drill, Some(journal)).with_resumed_script(
        session.header.script.clone(),
        waiting,
        script_due,
    );
    room.count_applied(inputs.iter().map(|(_, input)| input));
    Ok(room)
}

#[cfg(test)]
mod tests {
    use super::ReplayError;

    #[test]
    fn odd_hashes_in_a_hand_edited_session_do_not_panic() {
        let err = ReplayError::ScenarioChanged {
            path: "s.ron".into(),
            recorded: "aéééééééééééééé".into(),
            found: "b".into(),
        };
        assert!(err.to_string().contains("aééééééééééé…"));
    }
}
