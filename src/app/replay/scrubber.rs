//! The timeline scrubber: the whole recording as a bar, the moments that
//! matter as coloured ticks, the moment shown as a needle. Click or drag to
//! seek; hover a tick to read it.

use bevy_egui::egui;

use crate::base::time::{Tick, clock};
use crate::run::replay::{Marker, MarkerKind};

/// The colour of a marker kind.
pub fn colour(kind: MarkerKind) -> egui::Color32 {
    use egui::Color32 as C;
    match kind {
        MarkerKind::Alert => C::from_rgb(220, 70, 70),
        MarkerKind::Declaration => C::from_rgb(250, 200, 60),
        MarkerKind::RoleChange | MarkerKind::Handoff => C::from_rgb(150, 120, 240),
        MarkerKind::Order => C::from_rgb(90, 160, 240),
        MarkerKind::Decision => C::from_rgb(60, 200, 200),
        MarkerKind::StatusPost => C::from_rgb(120, 200, 100),
        MarkerKind::Violation => C::from_rgb(255, 90, 200),
        MarkerKind::Mitigation | MarkerKind::Resolution => C::from_rgb(60, 220, 120),
        MarkerKind::Inject => C::from_rgb(230, 140, 60),
        MarkerKind::Note => C::from_rgb(255, 255, 255),
    }
}

/// Draws the scrubber; returns the moment the user picked, if any.
pub fn show(ui: &mut egui::Ui, moment: Tick, length: Tick, markers: &[Marker]) -> Option<Tick> {
    let size = egui::vec2(ui.available_width(), 34.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click_and_drag());
    let painter = ui.painter_at(rect);
    let bar = egui::Rect::from_min_max(
        egui::pos2(rect.left(), rect.top() + 12.0),
        egui::pos2(rect.right(), rect.bottom() - 8.0),
    );
    painter.rect_filled(bar, 3.0, ui.visuals().extreme_bg_color);
    let length = length.max(1);
    let x_of = |t: Tick| bar.left() + bar.width() * (t.min(length) as f32 / length as f32);
    let t_of =
        |x: f32| (((x - bar.left()) / bar.width()).clamp(0.0, 1.0) * length as f32).round() as Tick;
    // Played part.
    painter.rect_filled(
        egui::Rect::from_min_max(bar.min, egui::pos2(x_of(moment), bar.bottom())),
        3.0,
        ui.visuals().selection.bg_fill.gamma_multiply(0.5),
    );
    for m in markers {
        let x = x_of(m.at);
        let tall = matches!(
            m.kind,
            MarkerKind::Declaration
                | MarkerKind::Mitigation
                | MarkerKind::Resolution
                | MarkerKind::Note
        );
        let top = if tall { rect.top() } else { bar.top() };
        painter.line_segment(
            [egui::pos2(x, top), egui::pos2(x, bar.bottom())],
            egui::Stroke::new(if tall { 2.5 } else { 1.5 }, colour(m.kind)),
        );
    }
    let needle = x_of(moment);
    painter.line_segment(
        [
            egui::pos2(needle, rect.top()),
            egui::pos2(needle, rect.bottom()),
        ],
        egui::Stroke::new(2.0, ui.visuals().strong_text_color()),
    );
    // Minute labels along the bottom.
    let step = if length > 90 * 60 {
        15 * 60
    } else if length > 30 * 60 {
        10 * 60
    } else {
        5 * 60
    };
    let mut t = 0;
    while t <= length {
        painter.text(
            egui::pos2(x_of(t), rect.bottom()),
            egui::Align2::CENTER_BOTTOM,
            format!("{}m", t / 60),
            egui::FontId::proportional(9.0),
            ui.visuals().weak_text_color(),
        );
        t += step;
    }
    let response = response.on_hover_ui_at_pointer(|ui| {
        if let Some(pos) = ui.ctx().pointer_hover_pos() {
            let at = t_of(pos.x);
            ui.label(clock(at));
            let near = markers
                .iter()
                .filter(|m| m.at.abs_diff(at) <= length / 200 + 5)
                .take(6);
            for m in near {
                ui.colored_label(colour(m.kind), &m.text);
            }
        }
    });
    if response.clicked() || response.dragged() {
        response.interact_pointer_pos().map(|p| t_of(p.x))
    } else {
        None
    }
}
