//! Screens as states: title → picker → briefing → drill → debrief, and
//! title → tutorial ⇄ drill for the guided tutorial.

mod briefing;
mod compare;

pub use compare::{CompareAction, Comparing, compare_screen};
mod debrief;
mod drill;
mod picker;
mod title;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        title::plugin,
        picker::plugin,
        briefing::plugin,
        drill::plugin,
        debrief::plugin,
        compare::plugin,
    ));
}
