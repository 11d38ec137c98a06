//! The attempt history as a resource: read at start-up, written after each
//! finished drill, shown in the picker.

use std::path::PathBuf;

use bevy::prelude::*;

use crate::judge::history::{self, History};

/// Every attempt this user has finished.
#[derive(Resource)]
pub struct Attempts {
    pub history: History,
    pub path: PathBuf,
    /// Why the history could not be read or written, if so.
    pub problem: Option<String>,
}

impl Attempts {
    /// Reads the history at `path`; a damaged file is reported, not lost.
    pub fn load(path: PathBuf) -> Attempts {
        match History::load(&path) {
            Ok(history) => Attempts {
                history,
                path,
                problem: None,
            },
            Err(d) => Attempts {
                history: History::default(),
                path,
                problem: Some(d.to_string()),
            },
        }
    }

    /// Writes the history; a damaged file on disk is never overwritten.
    pub fn save(&mut self) {
        if self.problem.is_some() {
            return;
        }
        // Keep what another window recorded since this one read the file.
        match History::load(&self.path) {
            Ok(on_disk) => self.history.merge(on_disk),
            Err(d) => {
                self.problem = Some(d.to_string());
                return;
            }
        }
        if let Err(e) = self.history.save(&self.path) {
            self.problem = Some(e);
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(Attempts::load(history::default_path()));
}
