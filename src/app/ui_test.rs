//! Running egui frames without a window, for the UI tests.

use bevy_egui::egui;

/// Runs one 1280×800 frame with `events`, drawing with `add`; returns every text painted.
pub fn frame(
    ctx: &egui::Context,
    events: Vec<egui::Event>,
    add: impl FnMut(&mut egui::Ui),
) -> Vec<String> {
    placed(ctx, events, add)
        .into_iter()
        .map(|(t, _)| t)
        .collect()
}

/// Like `frame`, with where each text was painted.
pub fn placed(
    ctx: &egui::Context,
    events: Vec<egui::Event>,
    mut add: impl FnMut(&mut egui::Ui),
) -> Vec<(String, egui::Rect)> {
    let input = screen(events);
    let output = ctx.run_ui(input, &mut add);
    let mut texts = Vec::new();
    for clipped in &output.shapes {
        collect_texts(&clipped.shape, &mut texts);
    }
    output.drop_without_applying_deltas();
    texts
}

/// What a screen reader is handed for one frame: every AccessKit node's role
/// and text (its label, value and placeholder), and the text of the focused node.
pub fn spoken(
    ctx: &egui::Context,
    events: Vec<egui::Event>,
    mut add: impl FnMut(&mut egui::Ui),
) -> crate::app::access::Spoken {
    ctx.enable_accesskit();
    let input = screen(events);
    let output = ctx.run_ui(input, &mut add);
    let update = output
        .platform_output
        .accesskit_update
        .clone()
        .expect("AccessKit is enabled, so every frame carries a tree");
    output.drop_without_applying_deltas();
    crate::app::access::Spoken::of(&update)
}

/// A 1280×800 frame's input.
fn screen(events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        events,
        ..Default::default()
    }
}

/// The pointer events of a click at the middle of the first text equal to `label`.
pub fn click_on(texts: &[(String, egui::Rect)], label: &str) -> Vec<egui::Event> {
    let rect = texts
        .iter()
        .find(|(t, _)| t == label)
        .map(|(_, r)| *r)
        .unwrap_or_else(|| panic!("no `{label}` on screen; shown: {texts:?}"));
    let pos = rect.center();
    let button = |pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    vec![egui::Event::PointerMoved(pos), button(true), button(false)]
}

fn collect_texts(shape: &egui::Shape, texts: &mut Vec<(String, egui::Rect)>) {
    match shape {
        egui::Shape::Text(text) => texts.push((
            text.galley.text().to_string(),
            egui::Rect::from_min_size(text.pos, text.galley.size()),
        )),
        egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect_texts(s, texts)),
        _ => {}
    }
}
