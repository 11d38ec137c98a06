//! The scenario library on disk, with hot reload: files are re-read when they
//! change while the picker or the briefing is open, and a broken file shows
//! its validation errors instead of crashing anything.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use bevy::prelude::*;

use super::launch::Launch;
use super::screen::Screen;
use crate::base::diagnostic::Diagnostics;
use crate::scenario::{self, LoadedScenario};

/// One scenario file and what came of loading it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    modified: Option<SystemTime>,
    pub loaded: Result<LoadedScenario, Diagnostics>,
}

impl Entry {
    /// A short name for lists: the title, or the file name when broken.
    pub fn title(&self) -> String {
        match &self.loaded {
            Ok(l) => l.scenario.title.clone(),
            Err(_) => self
                .path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        }
    }
}

/// Every scenario in the library directory, in file-name order.
#[derive(Resource, Debug, Default)]
pub struct Library {
    pub dir: PathBuf,
    pub entries: Vec<Entry>,
    /// Why the directory itself could not be read.
    pub problem: Option<String>,
    since_check: f32,
}

impl Library {
    /// Reads the directory; re-reads only files that changed.
    pub fn refresh(&mut self) {
        let files = match ron_files(&self.dir) {
            Ok(files) => files,
            Err(err) => {
                self.problem = Some(err);
                return;
            }
        };
        self.problem = None;
        let mut entries = Vec::with_capacity(files.len());
        for path in files {
            let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
            match self.entries.iter().position(|e| e.path == path) {
                Some(i) if self.entries[i].modified == modified => {
                    entries.push(self.entries[i].clone())
                }
                _ => entries.push(Entry {
                    loaded: scenario::load(&path),
                    path,
                    modified,
                }),
            }
        }
        self.entries = entries;
    }

    /// The entry for a path, if listed.
    pub fn get(&self, path: &Path) -> Option<&Entry> {
        self.entries.iter().find(|e| e.path == path)
    }
}

fn ron_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let reader = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = reader
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Library>();
    app.add_systems(Startup, open_library);
    app.add_systems(
        Update,
        hot_reload.run_if(in_state(Screen::Picker).or_else(in_state(Screen::Briefing))),
    );
}

fn open_library(mut library: ResMut<Library>, launch: Res<Launch>) {
    library.dir = launch.scenarios_dir.clone();
    library.refresh();
}

/// Checks the files about once a second.
fn hot_reload(mut library: ResMut<Library>, time: Res<Time>) {
    library.since_check += time.delta_secs();
    if library.since_check >= 1.0 {
        library.since_check = 0.0;
        library.refresh();
    }
}
