//! Dashboards: the alert feed with acknowledgement, and time-series plots of
//! the selected component's metrics.

use bevy_egui::egui;
use egui_plot::{Line, Plot, PlotPoints};

use super::{Action, View};
use crate::app::ui_state::UiState;
use crate::base::time::clock;
use crate::world::Command;
use crate::world::sim::platform::SAMPLE_EVERY;

/// The alerts firing, in the scenario's order, each with an Ack button
/// until acknowledged. The OL's dashboards and the IC's pager.
pub fn alert_feed(ui: &mut egui::Ui, view: &View) -> Vec<Action> {
    let mut actions = Vec::new();
    let drill = view.drill;
    ui.label(egui::RichText::new("Alerts").strong());
    let mut any = false;
    for (i, alert) in drill.scenario().alerts.iter().enumerate() {
        let s = drill.alerts()[i];
        let Some(since) = s.firing_since else {
            continue;
        };
        any = true;
        ui.horizontal_wrapped(|ui| {
            let badge = if s.acked { "acked" } else { "NEW" };
            ui.colored_label(
                egui::Color32::from_rgb(220, 70, 70),
                format!("{:?} {badge}", alert.severity),
            );
            ui.label(format!("{} {}", clock(since), alert.text));
            if !s.acked && !view.read_only && ui.small_button("Ack").clicked() {
                actions.push(Action::Drill(Command::AckAlert(alert.id.clone())));
            }
        });
    }
    if !any {
        ui.weak("No alerts firing.");
    }
    actions
}

/// Alert feed on the left, plots on the right.
pub fn show(ui: &mut egui::Ui, view: &View, state: &mut UiState) -> Vec<Action> {
    let mut actions = Vec::new();
    // The alert feed gives way when the centre is narrow (a game master's console beside it).
    let alerts_width = (ui.available_width() - 240.0).clamp(140.0, 280.0);
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(alerts_width);
            actions.extend(alert_feed(ui, view));
        });
        ui.separator();
        ui.vertical(|ui| plots(ui, view, state));
    });
    actions
}

fn plots(ui: &mut egui::Ui, view: &View, state: &mut UiState) {
    let drill = view.drill;
    let scenario = drill.scenario();
    let c = state
        .selected_component
        .filter(|&c| c < scenario.components.len())
        .unwrap_or_else(|| {
            // The most impaired component is the one to look at.
            (0..scenario.components.len())
                .max_by(|&a, &b| {
                    drill.platform().impairment[a].total_cmp(&drill.platform().impairment[b])
                })
                .unwrap_or(0)
        });
    let component = &scenario.components[c];
    ui.label(egui::RichText::new(format!("{} — click the map to choose", component.name)).strong());
    let shown = component.metrics.len().min(3);
    let height = (ui.available_height() / shown.max(1) as f32 - 20.0).max(50.0);
    for (m, metric) in component.metrics.iter().enumerate().take(shown) {
        let series = &drill.platform().series[c][m];
        let points: PlotPoints = series
            .iter()
            .enumerate()
            .map(|(i, v)| [(i as u32 * SAMPLE_EVERY) as f64 / 60.0, f64::from(*v)])
            .collect();
        ui.label(format!("{} ({})", metric.name, metric.unit));
        Plot::new(("metric", c, m))
            .height(height)
            .allow_scroll(false)
            .show_axes([true, true])
            .show(ui, |plot| plot.line(Line::new(metric.name.clone(), points)));
    }
}
