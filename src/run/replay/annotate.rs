//! Notes pinned during a replay, saved back into the recording.

use std::path::Path;

use crate::base::time::Tick;
use crate::run::session::{Journal, ReplayError, Session};
use crate::scenario::Area;
use crate::scenario::LoadedScenario;
use crate::world::{Command, Entry, Event, GAME_MASTER, Input};

/// Pins an observer note to `moment` of the recording at `path`: the note
/// becomes an input of the game master at that moment, the session is
/// re-simulated to check that nothing else changes, and the file is
/// replaced atomically. Returns the updated session and the tick the note
/// was pinned to (the moment, or the recording's last complete tick if it
/// ends sooner). An unfinished recording keeps its unfinished last tick as
/// recorded, so it can still be resumed. Annotate a drill that is over: a
/// drill still being written by another process would go on writing to the
/// file this replaces.
pub fn annotate(
    path: &Path,
    loaded: &LoadedScenario,
    moment: Tick,
    area: Area,
    rating: Option<u8>,
    text: &str,
) -> Result<(Session, Tick), ReplayError> {
    let recovered =
        crate::run::session::read(path).map_err(|d| ReplayError::Other(d.to_string()))?;
    if let Some(damage) = &recovered.damage {
        return Err(ReplayError::Other(format!(
            "{damage}\n  the recording is damaged, so a note cannot be saved into it without losing what follows the damage; repair the line (or annotate a copy)"
        )));
    }
    crate::world::check_note(rating, text).map_err(ReplayError::Other)?;
    let mut session = recovered.session;
    let last = session
        .end
        .map(|(at, _)| at)
        .or_else(|| session.complete_through())
        .ok_or_else(|| {
            ReplayError::Other("the recording has no complete moment to pin a note to".into())
        })?;
    let at = moment.min(last);
    let note = Input {
        by: GAME_MASTER.into(),
        command: Command::Note {
            area,
            rating,
            text: text.to_string(),
        },
    };
    let place = session.inputs.partition_point(|(t, _)| *t <= at);
    session.inputs.insert(place, (at, note));
    let through = if session.end.is_some() {
        None
    } else {
        Some(last)
    };
    let drill = crate::run::session::rerun(&session, loaded, through)?;
    let replayed = crate::run::session::rerun::prefix(drill.log(), through);
    // Everything but the notes must be exactly as recorded.
    let others = |log: &[Entry]| -> Vec<Entry> {
        log.iter()
            .filter(|e| !matches!(e.event, Event::ObserverNote { .. }))
            .cloned()
            .collect()
    };
    let recorded = crate::run::session::rerun::prefix(&session.events, through);
    let (before, after) = (others(recorded), others(replayed));
    crate::run::session::rerun::compare(&before, &after)?;
    if before.len() != after.len() {
        return Err(ReplayError::Other(format!(
            "with the note, the replay has {} events besides notes where the recording has {}; nothing was saved",
            after.len(),
            before.len()
        )));
    }
    // The unfinished last tick of an interrupted recording stays as it was.
    let tail = session.events[recorded.len()..].to_vec();
    session.events = replayed.to_vec();
    session.events.extend(tail);
    Journal::write_whole(
        path,
        &session.header,
        &session.inputs,
        &session.events,
        session.end,
    )
    .map_err(ReplayError::Other)?;
    Ok((session, at))
}
