//! Colours, sizes and the egui style, set from the settings.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::settings::{Settings, Theme};
use crate::world::Health;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        apply_style.run_if(resource_changed::<Settings>),
    );
}

fn apply_style(mut contexts: EguiContexts, settings: Res<Settings>) -> Result {
    let ctx = contexts.ctx_mut()?;
    ctx.set_visuals(match settings.theme {
        Theme::Dark => egui::Visuals::dark(),
        Theme::Light => egui::Visuals::light(),
    });
    ctx.set_zoom_factor(settings.ui_scale.clamp(0.5, 3.0));
    Ok(())
}

/// Health shown by colour (and always by a word and a symbol too), from the
/// Okabe-Ito palette, which stays apart under protanopia and deuteranopia:
/// bluish green, orange, vermillion, each light enough for black text.
pub fn health_colour(health: Health) -> egui::Color32 {
    match health {
        Health::Healthy => egui::Color32::from_rgb(0, 158, 115),
        Health::Degraded => egui::Color32::from_rgb(230, 159, 0),
        Health::Down => egui::Color32::from_rgb(213, 94, 0),
    }
}

/// A word for the health, so colour is never the only signal.
pub fn health_label(health: Health) -> &'static str {
    match health {
        Health::Healthy => "OK",
        Health::Degraded => "DEGRADED",
        Health::Down => "DOWN",
    }
}
