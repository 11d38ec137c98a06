//! Screenshots of the window for the autopilots: arm a picture, let a few
//! frames settle (text drawn for the first time reaches the font atlas),
//! take it, then hold still a moment so the picture shows what was armed.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};

/// Frames between deciding to take a picture and taking it.
const SETTLE_FRAMES: u32 = 8;
/// Frames to leave the screen unchanged after a capture.
const COOLDOWN_FRAMES: u32 = 3;

/// One picture at a time.
#[derive(Debug, Default)]
pub struct Camera {
    armed: Option<(PathBuf, u32)>,
    cooldown: u32,
}

impl Camera {
    /// Takes a picture of the window to `path` once the screen has settled.
    pub fn arm(&mut self, path: PathBuf) {
        self.armed = Some((path, SETTLE_FRAMES));
    }

    /// Nothing armed and nothing cooling down: the screen may change.
    pub fn idle(&self) -> bool {
        self.armed.is_none() && self.cooldown == 0
    }

    /// Moves a pending picture on by a frame; true while the screen must not change.
    pub fn busy(&mut self, commands: &mut Commands) -> bool {
        if let Some((path, frames)) = self.armed.as_mut() {
            if *frames > 0 {
                *frames -= 1;
                return true;
            }
            // Text in the UI font, not the frame that swaps it in.
            if !crate::app::theme::fonts_settled() {
                return true;
            }
            let path = path.clone();
            self.armed = None;
            self.cooldown = COOLDOWN_FRAMES;
            info!("screenshot -> {}", path.display());
            commands
                .spawn(Screenshot::primary_window())
                .observe(save_to_disk(path));
            return true;
        }
        if self.cooldown > 0 {
            self.cooldown -= 1;
            return true;
        }
        false
    }
}
