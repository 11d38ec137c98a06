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

/// Counts down the frames left before the window closes (so the last
/// picture is written) and closes it at zero; true while counting down.
fn closing(exit_in: &mut Option<u32>, exit: &mut MessageWriter<AppExit>) -> bool {
    let Some(left) = exit_in.as_mut() else {
        return false;
    };
    *left = left.saturating_sub(1);
    if *left == 0 {
        exit.write(AppExit::Success);
    }
    true
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        drill::plugin,
        keyboard::plugin,
        replay::plugin,
        team::plugin,
        tutorial::plugin,
    ));
}
