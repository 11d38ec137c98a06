//! The platform map: components in layers (dependencies below their
//! dependents), health by colour AND by a symbol and a word, alert badges,
//! click for details. Layout is a few arithmetic operations per component, so
//! a hundred components draw in well under a millisecond.

use bevy_egui::egui;

use super::{Action, View};
use crate::app::theme::{health_colour, health_label};
use crate::app::ui_state::UiState;
use crate::scenario::Scenario;
use crate::world::Health;

/// Layer of each component: 0 for those with no dependencies, else one above the highest dependency.
pub fn layers(scenario: &Scenario) -> Vec<usize> {
    let mut layer = vec![0; scenario.components.len()];
    for &c in &scenario.topo_order {
        layer[c] = scenario.components[c]
            .depends_on
            .iter()
            .map(|&(d, _)| layer[d] + 1)
            .max()
            .unwrap_or(0);
    }
    layer
}

fn symbol(health: Health) -> &'static str {
    match health {
        Health::Healthy => "✔",
        Health::Degraded => "⚠",
        Health::Down => "✖",
    }
}

/// The map and, when a component is selected, its details.
pub fn show(ui: &mut egui::Ui, view: &View, state: &mut UiState) -> Vec<Action> {
    let drill = view.drill;
    let scenario = drill.scenario();
    let layer = layers(scenario);
    let depth = layer.iter().copied().max().unwrap_or(0) + 1;
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); depth];
    for (c, &l) in layer.iter().enumerate() {
        rows[depth - 1 - l].push(c);
    }
    let details_width = if state.selected_component.is_some() {
        260.0
    } else {
        0.0
    };
    let size = egui::vec2(
        (ui.available_width() - details_width).max(200.0),
        ui.available_height().max(120.0),
    );
    ui.horizontal(|ui| {
        let (response, painter) = ui.allocate_painter(size, egui::Sense::click());
        let area = response.rect;
        let row_height = area.height() / depth as f32;
        let mut centres = vec![egui::Pos2::ZERO; scenario.components.len()];
        let mut boxes = vec![egui::Rect::NOTHING; scenario.components.len()];
        for (r, row) in rows.iter().enumerate() {
            let width = area.width() / row.len().max(1) as f32;
            for (i, &c) in row.iter().enumerate() {
                let centre = egui::pos2(
                    area.left() + width * (i as f32 + 0.5),
                    area.top() + row_height * (r as f32 + 0.5),
                );
                centres[c] = centre;
                boxes[c] = egui::Rect::from_center_size(
                    centre,
                    egui::vec2(
                        (width - 8.0).clamp(30.0, 150.0),
                        (row_height - 10.0).clamp(16.0, 40.0),
                    ),
                );
            }
        }
        let line = egui::Stroke::new(1.0, ui.visuals().weak_text_color());
        for (c, component) in scenario.components.iter().enumerate() {
            for &(d, _) in &component.depends_on {
                painter.line_segment([centres[c], centres[d]], line);
            }
        }
        let platform = drill.platform();
        for (c, component) in scenario.components.iter().enumerate() {
            let health = platform.health[c];
            let rect = boxes[c];
            painter.rect_filled(rect, 4.0, health_colour(health).gamma_multiply(0.85));
            if state.selected_component == Some(c) {
                painter.rect_stroke(
                    rect,
                    4.0,
                    egui::Stroke::new(2.0, ui.visuals().strong_text_color()),
                    egui::StrokeKind::Outside,
                );
            }
            let label = format!(
                "{} {}\n{}",
                symbol(health),
                component.name,
                health_label(health)
            );
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                label,
                egui::FontId::proportional(11.0),
                egui::Color32::BLACK,
            );
            let alerts = scenario
                .alerts
                .iter()
                .enumerate()
                .filter(|(i, a)| a.component == c && drill.alerts()[*i].firing())
                .count();
            if alerts > 0 {
                let badge = rect.right_top();
                painter.circle_filled(badge, 8.0, egui::Color32::from_rgb(200, 30, 30));
                painter.text(
                    badge,
                    egui::Align2::CENTER_CENTER,
                    format!("{alerts}"),
                    egui::FontId::proportional(10.0),
                    egui::Color32::WHITE,
                );
            }
        }
        if response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            state.selected_component = boxes.iter().position(|b| b.contains(pos));
        }
        if let Some(c) = state
            .selected_component
            .filter(|&c| c < scenario.components.len())
        {
            ui.vertical(|ui| details(ui, view, c));
        }
    });
    Vec::new()
}

fn details(ui: &mut egui::Ui, view: &View, c: usize) {
    let drill = view.drill;
    let component = &drill.scenario().components[c];
    let health = drill.platform().health[c];
    ui.heading(&component.name);
    ui.colored_label(
        health_colour(health),
        format!("{} {}", symbol(health), health_label(health)),
    );
    if view.instruments().dashboards {
        for (m, metric) in component.metrics.iter().enumerate() {
            ui.label(format!(
                "{}: {:.1} {}",
                metric.name,
                drill.platform().values[c][m],
                metric.unit
            ));
        }
    }
    let deps: Vec<&str> = component
        .depends_on
        .iter()
        .map(|&(d, _)| drill.scenario().components[d].name.as_str())
        .collect();
    if !deps.is_empty() {
        ui.label(format!("Depends on: {}", deps.join(", ")));
    }
    for (i, alert) in drill
        .scenario()
        .alerts
        .iter()
        .enumerate()
        .filter(|(_, a)| a.component == c)
    {
        if drill.alerts()[i].firing() {
            ui.colored_label(
                egui::Color32::from_rgb(220, 70, 70),
                format!("ALERT: {}", alert.text),
            );
        }
    }
}
