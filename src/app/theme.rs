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

/// Health shown by colour (and, elsewhere, always by a label and a shape too).
pub fn health_colour(health: Health) -> egui::Color32 {
    match health {
        Health::Healthy => egui::Color32::from_rgb(60, 170, 90),
        Health::Degraded => egui::Color32::from_rgb(230, 160, 40),
        Health::Down => egui::Color32::from_rgb(215, 60, 60),
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
