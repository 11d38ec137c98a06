//! The autopilots: a script, a recording, a scripted new hire or a keyboard plan driven
//! through the real window while screenshots are taken, then the window
//! closes. CI runs them under Xvfb; people use them to see a drill play.

mod drill;
mod keyboard;
mod replay;
mod team;
mod tutorial;

use bevy::prelude::*;

pub use keyboard::launch as keyboard_launch;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        drill::plugin,
        keyboard::plugin,
        replay::plugin,
        team::plugin,
        tutorial::plugin,
    ));
}
