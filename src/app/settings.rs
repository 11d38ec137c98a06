//! Player settings, saved in the user's data directory (atomically).

use std::path::PathBuf;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    Dark,
    Light,
}

/// What a player can set.
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub ui_scale: f32,
    pub theme: Theme,
    pub sound: bool,
    /// Simulated seconds per wall second at the start of a drill.
    pub default_speed: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            ui_scale: 1.0,
            theme: Theme::Dark,
            sound: true,
            default_speed: 1,
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(load());
}

pub use crate::base::files::data_dir;

fn path() -> PathBuf {
    data_dir().join("settings.ron")
}

/// The saved settings, or the defaults if there are none or they cannot be read.
pub fn load() -> Settings {
    match std::fs::read_to_string(path()) {
        Ok(text) => ron::from_str(&text).unwrap_or_else(|err| {
            warn!("{}: {err}; using default settings", path().display());
            Settings::default()
        }),
        Err(_) => Settings::default(),
    }
}

/// Saves the settings: written to a temporary file, then renamed over the old one.
pub fn save(settings: &Settings) -> Result<(), String> {
    crate::base::files::write_ron(&path(), settings)
}
