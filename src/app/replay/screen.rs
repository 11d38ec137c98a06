//! The replay viewer's screen: transport and scrubber on top, score so far
//! and notes below, and in between every panel as it was at that moment
//! through the chosen seat's eyes (read only).

use bevy_egui::egui;

use super::{ReplayViewer, SPEEDS, scrubber};
use crate::app::instructor::GmState;
use crate::app::panels::{View, drill_screen};
use crate::app::ui_state::UiState;
use crate::base::time::{Tick, clock};
use crate::lenses::view::Lens;
use crate::run::replay::MarkerKind;
use crate::scenario::Area;
use crate::scenario::Seat;
use crate::world::Command;

/// What the viewer asked for this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum ReplayAction {
    Seek(Tick),
    Play(bool),
    Speed(u32),
    Lens(Lens),
    Pin {
        area: Area,
        rating: Option<u8>,
        text: String,
    },
    Branch,
    Close,
}

/// The whole viewer on `ui`.
pub fn replay_screen(
    ui: &mut egui::Ui,
    viewer: &mut ReplayViewer,
    state: &mut UiState,
    notes: &mut GmState,
) -> Vec<ReplayAction> {
    let mut actions = Vec::new();
    keys(ui.ctx(), viewer, &mut actions);
    egui::Panel::top("replay-transport").show(ui, |ui| {
        transport(ui, viewer, &mut actions);
        let (moment, length) = (viewer.moment(), viewer.replay.length());
        if let Some(t) = scrubber::show(ui, moment, length, &viewer.markers) {
            actions.push(ReplayAction::Seek(t));
        }
        legend(ui);
    });
    egui::Panel::bottom("replay-review")
        .resizable(true)
        .default_size(190.0)
        .show(ui, |ui| {
            ui.columns(2, |cols| {
                score_so_far(&mut cols[0], viewer);
                notes_form(&mut cols[1], viewer, notes, &mut actions);
            });
        });
    let view = View {
        drill: &viewer.shown,
        me: crate::lenses::view::eyes(
            viewer.shown.people(),
            viewer.lens,
            crate::world::GAME_MASTER,
        ),
        lens: viewer.lens,
        speed: viewer.speed,
        paused: !viewer.playing,
        practice: viewer.lens == Lens::Everything,
        read_only: true,
        console_on_left: false,
        instructor: false,
        remote: false,
    };
    // The panels' own clock controls drive the replay's transport.
    for action in drill_screen(ui, &view, state) {
        match action {
            crate::app::panels::Action::Pause(paused) => actions.push(ReplayAction::Play(!paused)),
            crate::app::panels::Action::Speed(s) => actions.push(ReplayAction::Speed(s)),
            crate::app::panels::Action::Practice(true) => {
                actions.push(ReplayAction::Lens(Lens::Everything))
            }
            _ => {}
        }
    }
    actions
}

/// Space plays or pauses; ← and → jump to the previous or next marker.
fn keys(ctx: &egui::Context, viewer: &ReplayViewer, actions: &mut Vec<ReplayAction>) {
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    let (space, left, right) = ctx.input(|i| {
        (
            i.key_pressed(egui::Key::Space),
            i.key_pressed(egui::Key::ArrowLeft),
            i.key_pressed(egui::Key::ArrowRight),
        )
    });
    if space {
        actions.push(ReplayAction::Play(!viewer.playing));
    }
    if left && let Some(t) = previous_marker(viewer) {
        actions.push(ReplayAction::Seek(t));
    }
    if right && let Some(t) = next_marker(viewer) {
        actions.push(ReplayAction::Seek(t));
    }
}

fn previous_marker(viewer: &ReplayViewer) -> Option<Tick> {
    let now = viewer.moment();
    viewer
        .markers
        .iter()
        .rev()
        .map(|m| m.at)
        .find(|&t| t + 1 < now)
        .map(|t| t + 1)
}

fn next_marker(viewer: &ReplayViewer) -> Option<Tick> {
    // Showing moment t+1 shows what happened at t.
    let now = viewer.moment();
    viewer.markers.iter().map(|m| m.at + 1).find(|&t| t > now)
}

fn transport(ui: &mut egui::Ui, viewer: &ReplayViewer, actions: &mut Vec<ReplayAction>) {
    ui.horizontal_wrapped(|ui| {
        if ui.button("⏴ Title").clicked() {
            actions.push(ReplayAction::Close);
        }
        ui.strong(format!("Replay — {}", viewer.loaded.scenario.title));
        ui.weak(viewer.path.display().to_string());
    });
    ui.horizontal_wrapped(|ui| {
        ui.heading(format!(
            "{} / {}",
            clock(viewer.moment()),
            clock(viewer.replay.length())
        ));
        if ui
            .button("⏮")
            .on_hover_text("previous marker (←)")
            .clicked()
            && let Some(t) = previous_marker(viewer)
        {
            actions.push(ReplayAction::Seek(t));
        }
        let label = if viewer.playing {
            "⏸ Pause"
        } else {
            "▶ Play"
        };
        if ui.button(label).on_hover_text("Space").clicked() {
            actions.push(ReplayAction::Play(!viewer.playing));
        }
        if ui.button("⏭").on_hover_text("next marker (→)").clicked()
            && let Some(t) = next_marker(viewer)
        {
            actions.push(ReplayAction::Seek(t));
        }
        for s in SPEEDS {
            if ui
                .selectable_label(viewer.speed == s, format!("x{s}"))
                .clicked()
            {
                actions.push(ReplayAction::Speed(s));
            }
        }
        ui.separator();
        ui.label("View as:");
        if ui
            .selectable_label(viewer.lens == Lens::Everything, "every seat")
            .clicked()
        {
            actions.push(ReplayAction::Lens(Lens::Everything));
        }
        for seat in Seat::STAFFED {
            if ui
                .selectable_label(viewer.lens == Lens::Seat(seat), format!("{seat:?}"))
                .clicked()
            {
                actions.push(ReplayAction::Lens(Lens::Seat(seat)));
            }
        }
        ui.separator();
        if ui
            .button(format!("Branch from {}", clock(viewer.moment())))
            .on_hover_text("Start a new live drill from exactly this moment (what if we had…)")
            .clicked()
        {
            actions.push(ReplayAction::Branch);
        }
    });
}

fn legend(ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        for kind in MarkerKind::ALL {
            ui.colored_label(scrubber::colour(kind), kind.label());
        }
    });
}

fn score_so_far(ui: &mut egui::Ui, viewer: &mut ReplayViewer) {
    let moment = viewer.moment();
    let card = viewer.score_so_far();
    ui.horizontal(|ui| {
        ui.strong(format!("Score so far (to {})", clock(moment)));
        ui.label(crate::judge::aar::value_text(card.overall));
    });
    egui::Grid::new("replay-score")
        .striped(true)
        .show(ui, |ui| {
            for (i, j) in card.criteria.iter().enumerate() {
                ui.label(format!("{} {}", j.criterion.id(), j.criterion.title()));
                match j.value {
                    Some(v) => ui.colored_label(
                        crate::app::theme::band_colour(Some(crate::judge::score::Band::of(v))),
                        format!("{v:.2} {:?}", crate::judge::score::Band::of(v)),
                    ),
                    None => ui.weak("N/A"),
                };
                if i % 2 == 1 {
                    ui.end_row();
                }
            }
        });
}

fn notes_form(
    ui: &mut egui::Ui,
    viewer: &ReplayViewer,
    notes: &mut GmState,
    actions: &mut Vec<ReplayAction>,
) {
    ui.strong("Observer note at this moment (saved into the recording)");
    if let Some(Command::Note { area, rating, text }) =
        crate::app::instructor::note_form(ui, viewer.moment(), notes)
    {
        actions.push(ReplayAction::Pin { area, rating, text });
    }
    if let Some(error) = &notes.error {
        ui.colored_label(egui::Color32::from_rgb(230, 110, 90), error);
    }
    if let Some(message) = &viewer.message {
        ui.label(message);
    }
    let near: Vec<_> = viewer
        .markers
        .iter()
        .filter(|m| m.kind == MarkerKind::Note)
        .collect();
    for m in near.iter().rev().take(4) {
        ui.weak(&m.text);
    }
}
