//! The platform map: components in layers (dependencies below their
//! dependents), health by colour AND by a symbol and a word, alert badges,
//! click for details. Layout is a few arithmetic operations per component, so
//! a hundred components draw in well under a millisecond.

use bevy_egui::egui;

use super::{Action, View};
use crate::app::icons;
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

/// Narrowest a component's box gets: rows with more components than fit
/// wrap onto a second line of the same layer.
const MIN_BOX_WIDTH: f32 = 96.0;
/// Height of one line of boxes with the gap for edges under it: two lines
/// of name and the health word at most, one line of name at least (a map
/// that needs more scrolls).
const ROW_HEIGHT: (f32, f32) = (34.0, 72.0);
/// Tallest box: two lines of name and the health word.
const BOX_HEIGHT: f32 = 46.0;

/// Where each component's box goes in a map `width` by `height`: layers
/// from the top (dependents above their dependencies), a layer wider than
/// the map wrapping onto more lines, lines as tall as the height allows
/// within `ROW_HEIGHT`. Returns the boxes (relative to the map's top-left)
/// and the map's whole height.
pub fn layout(scenario: &Scenario, width: f32, height: f32) -> (Vec<egui::Rect>, f32) {
    let layer = layers(scenario);
    let depth = layer.iter().copied().max().unwrap_or(0) + 1;
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); depth];
    for (c, &l) in layer.iter().enumerate() {
        rows[depth - 1 - l].push(c);
    }
    let per_line = ((width / MIN_BOX_WIDTH).floor() as usize).max(1);
    let lines: usize = rows.iter().map(|r| r.len().div_ceil(per_line).max(1)).sum();
    let row_height = (height / lines as f32).clamp(ROW_HEIGHT.0, ROW_HEIGHT.1);
    let mut boxes = vec![egui::Rect::NOTHING; scenario.components.len()];
    let mut top = 0.0;
    for row in &rows {
        for line in row.chunks(per_line) {
            let cell = width / line.len() as f32;
            for (i, &c) in line.iter().enumerate() {
                let centre = egui::pos2(cell * (i as f32 + 0.5), top + row_height / 2.0);
                boxes[c] = egui::Rect::from_center_size(
                    centre,
                    egui::vec2(
                        (cell - 8.0).min(170.0),
                        (row_height * 0.7).clamp(26.0, BOX_HEIGHT),
                    ),
                );
            }
            top += row_height;
        }
    }
    (boxes, top)
}

/// The map and, when a component is selected, its details.
pub fn show(ui: &mut egui::Ui, view: &View, state: &mut UiState) -> Vec<Action> {
    let drill = view.drill;
    let scenario = drill.scenario();
    let details_width = if state.selected_component.is_some() {
        260.0
    } else {
        0.0
    };
    let width = (ui.available_width() - details_width).max(200.0);
    let height = ui.available_height().max(120.0);
    ui.horizontal(|ui| {
        let (_, needed) = layout(scenario, width, height);
        if needed <= height {
            map(ui, view, state, width, height);
        } else {
            egui::ScrollArea::vertical()
                .id_salt("map")
                .max_width(width)
                .max_height(height)
                .min_scrolled_height(height)
                .auto_shrink([false, false])
                .show(ui, |ui| map(ui, view, state, width, height));
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

/// The boxes and edges; a map taller than the space scrolls.
fn map(ui: &mut egui::Ui, view: &View, state: &mut UiState, width: f32, height: f32) {
    let drill = view.drill;
    let scenario = drill.scenario();
    let (mut boxes, needed) = layout(scenario, width, height);
    let (response, painter) =
        ui.allocate_painter(egui::vec2(width, needed.max(height)), egui::Sense::click());
    // Short maps are centred in the space they have.
    let offset = response.rect.min.to_vec2() + egui::vec2(0.0, ((height - needed) / 2.0).max(0.0));
    for b in &mut boxes {
        *b = b.translate(offset);
    }
    // Edges run from the bottom of a dependent to the top of its
    // dependency, drawn first so every box covers what passes under it.
    let line = egui::Stroke::new(1.0, ui.visuals().weak_text_color());
    for (c, component) in scenario.components.iter().enumerate() {
        for &(d, _) in &component.depends_on {
            painter.line_segment([boxes[c].center_bottom(), boxes[d].center_top()], line);
        }
    }
    let platform = drill.platform();
    for (c, component) in scenario.components.iter().enumerate() {
        let health = platform.health[c];
        let rect = boxes[c];
        painter.rect_filled(rect, 4.0, health_colour(health));
        if state.selected_component == Some(c) {
            painter.rect_stroke(
                rect,
                4.0,
                egui::Stroke::new(2.0, ui.visuals().strong_text_color()),
                egui::StrokeKind::Outside,
            );
        }
        label(
            &painter,
            rect,
            &format!("{} {}", symbol(health), component.name),
            health,
        );
        // What the component is and how it is, as shapes in the bottom
        // corners (the words say the same).
        let side = 12.0;
        let corner = |x: f32| {
            egui::Rect::from_min_size(
                egui::pos2(x, rect.bottom() - side - 3.0),
                egui::vec2(side, side),
            )
        };
        let ink = egui::Color32::from_black_alpha(190);
        icons::paint(
            &painter,
            icons::component(&component.kind),
            corner(rect.left() + 4.0),
            ink,
        );
        icons::paint(
            &painter,
            icons::health(health),
            corner(rect.right() - side - 4.0),
            ink,
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
    let hovered = response
        .hover_pos()
        .and_then(|pos| boxes.iter().position(|b| b.contains(pos)));
    let response = match hovered {
        Some(c) => response.on_hover_text(format!(
            "{} — {} (click for details)",
            scenario.components[c].name,
            health_label(platform.health[c])
        )),
        None => response,
    };
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        state.selected_component = boxes.iter().position(|b| b.contains(pos));
    }
}

/// A component's name (two lines at most, cut with "…") and its health
/// word, both inside its box.
fn label(painter: &egui::Painter, rect: egui::Rect, name: &str, health: Health) {
    let inner = rect.shrink2(egui::vec2(4.0, 3.0));
    let mut job = egui::text::LayoutJob::simple(
        name.to_string(),
        egui::FontId::proportional(11.0),
        egui::Color32::BLACK,
        inner.width(),
    );
    // Two lines of name where the box has room for them.
    job.wrap.max_rows = if rect.height() >= 42.0 { 2 } else { 1 };
    job.wrap.overflow_character = Some('…');
    job.halign = egui::Align::Center;
    let galley = painter.layout_job(job);
    painter.galley(inner.center_top(), galley, egui::Color32::BLACK);
    painter.text(
        inner.center_bottom(),
        egui::Align2::CENTER_BOTTOM,
        health_label(health),
        egui::FontId::proportional(10.0),
        egui::Color32::BLACK,
    );
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
