//! "What if we had…": a new live drill that starts from a recorded moment
//! with exactly the state it had then, journaled to its own session file.

use std::path::Path;

use super::Replay;
use crate::base::time::Tick;
use crate::run::Simulation;
use crate::run::session::{Branch, Header, Journal};

/// Starts a new drill from `moment` of `replay`, recorded at `path` (which
/// must not exist: a branch never replaces a recording). The new session
/// holds the original's inputs and events before `moment`, so it replays
/// and scores on its own; its header names where it came from.
pub fn branch(
    replay: &Replay,
    source: &Path,
    moment: Tick,
    path: &Path,
) -> Result<(Simulation, Journal, Header), String> {
    let drill = replay.seek(moment);
    if drill.is_over() {
        return Err(format!(
            "the drill had already ended at {}; branch from an earlier moment",
            crate::base::time::clock(drill.now())
        ));
    }
    let moment = drill.now();
    let inputs: Vec<_> = replay
        .inputs()
        .iter()
        .take_while(|(at, _)| *at < moment)
        .cloned()
        .collect();
    let header = Header {
        // A live branch has no script: people take the seats from here.
        script: None,
        branched_from: Some(Branch {
            session: source.display().to_string(),
            at: moment,
        }),
        ..replay.header().clone()
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    // Claim the name first: a branch never replaces a file, even one that
    // appears while it is being written.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => format!(
                "{}: a file is already there; a branch never replaces a recording",
                path.display()
            ),
            _ => format!("{}: cannot create the branch: {e}", path.display()),
        })?;
    let journal = Journal::rewrite(path, &header, &inputs, drill.log()).inspect_err(|_| {
        // Give the name back: nothing of the branch was written.
        if std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
            let _ = std::fs::remove_file(path);
        }
    })?;
    Ok((drill, journal, header))
}
