//! The autopilots: a script, a recording or a scripted new hire driven
//! through the real window while screenshots are taken, then the window
//! closes. CI runs them under Xvfb; people use them to see a drill play.

mod drill;
mod replay;
mod team;
mod tutorial;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        drill::plugin,
        replay::plugin,
        team::plugin,
        tutorial::plugin,
    ));
}
