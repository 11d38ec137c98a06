//! The drill screen: the panels for the seat, keyboard shortcuts, the pause
//! menu. Actions from the panels become queued commands or clock changes.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::app::instructor::GmAction;
use crate::app::live::LiveDrill;
use crate::app::panels::{Action, View, drill_screen};
use crate::app::screen::{AppSystems, Screen};
use crate::app::settings::Settings;
use crate::app::ui_state::UiState;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<UiState>();
    app.add_systems(OnEnter(Screen::Drill), |mut ui: ResMut<UiState>| {
        *ui = UiState::default()
    });
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(AppSystems::DrillUi)
            .run_if(in_state(Screen::Drill).and_then(resource_exists::<LiveDrill>)),
    );
}

/// Applies what the panels asked for.
pub fn apply(live: &mut LiveDrill, actions: Vec<Action>) {
    for action in actions {
        match action {
            Action::Drill(command) => live.queue(command),
            Action::Speed(speed) => live.set_speed(speed),
            Action::Pause(paused) => live.set_paused(paused),
            Action::Practice(on) => live.practice = on,
            Action::ActAs(id) => live.act_as(&id),
        }
    }
}

fn draw(
    mut contexts: EguiContexts,
    mut live: ResMut<LiveDrill>,
    mut state: ResMut<UiState>,
    mut settings: ResMut<Settings>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let _cost = crate::app::cost::CpuTimer::start(&crate::app::cost::UI_CPU_NS);
    let ctx = contexts.ctx_mut()?;
    keys(ctx, &mut live, &mut state);
    let mut root = egui::Ui::new(
        ctx.clone(),
        "drill".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    // Watching alone, the game master's console takes the left side; with a
    // trainee at the keyboard it sits at the bottom, leaving the trainee's
    // roster and ops console where they always are.
    let watching = live.me == crate::world::GAME_MASTER;
    if live.instructor {
        let (lens, queued) = (live.lens(), live.gm_pending());
        let (truth, load) = live.truth().unwrap_or_default();
        let panel = if watching {
            egui::Panel::left("gm-left")
                .default_size(420.0)
                .size_range(300.0..=640.0)
        } else {
            egui::Panel::bottom("gm-bottom")
                .default_size(230.0)
                .size_range(120.0..=480.0)
        };
        let gm = panel
            .resizable(true)
            .show(&mut root, |ui| {
                crate::app::instructor::console(
                    ui,
                    live.drill(),
                    (&truth, &load),
                    lens,
                    &queued,
                    &mut state.gm,
                )
            })
            .inner;
        for action in gm {
            match action {
                GmAction::Command(command) => live.queue_gm(command),
                GmAction::Lens(lens) => live.gm_lens = lens,
            }
        }
    }
    // Watching through one seat, the game master reads what its holder reads.
    let me = if watching {
        crate::lenses::view::eyes(live.drill().people(), live.lens(), &live.me)
    } else {
        &live.me
    };
    let view = View {
        drill: live.drill(),
        me,
        lens: live.lens(),
        speed: live.speed(),
        paused: live.paused(),
        practice: live.practice,
        read_only: watching,
        console_on_left: live.instructor && watching,
        instructor: live.instructor,
        remote: live.remote_link().is_some(),
    };
    let actions = drill_screen(&mut root, &view, &mut state);
    apply(&mut live, actions);
    if let Some(problem) = live.journal_error() {
        egui::Window::new("Attention").show(ctx, |ui| {
            ui.label(problem);
        });
    }
    let mut open = state.show_pause_menu;
    egui::Window::new("Paused")
        .open(&mut open)
        .collapsible(false)
        .show(ctx, |ui| {
            if ui.button("Resume").clicked() {
                state.show_pause_menu = false;
                live.set_paused(false);
            }
            if ui.button("Settings").clicked() {
                state.show_settings = true;
            }
            if ui.button("End the drill and quit to the title").clicked() {
                state.show_pause_menu = false;
                next.set(Screen::Title);
            }
        });
    state.show_pause_menu &= open;
    let mut settings_open = state.show_settings;
    super::title::settings_window(ctx, &mut settings_open, &mut settings);
    state.show_settings = settings_open;
    Ok(())
}

/// Space pauses when no widget has the focus, F1 help, F2 doctrine, F6
/// moves between panels, Esc the menu. Tab is egui's: it walks from widget
/// to widget, so every button can be reached without a mouse.
fn keys(ctx: &egui::Context, live: &mut LiveDrill, state: &mut UiState) {
    // Space on a focused button presses it; in the composer it is a space.
    let free = ctx.memory(|m| m.focused().is_none()) && !ctx.egui_wants_keyboard_input();
    let (space, f1, f2, f6, escape) = ctx.input(|i| {
        (
            i.key_pressed(egui::Key::Space),
            i.key_pressed(egui::Key::F1),
            i.key_pressed(egui::Key::F2),
            i.key_pressed(egui::Key::F6),
            i.key_pressed(egui::Key::Escape),
        )
    });
    if space && free {
        let paused = live.paused();
        live.set_paused(!paused);
    }
    if f1 {
        state.show_help = !state.show_help;
    }
    if f2 {
        state.show_doctrine = !state.show_doctrine;
    }
    if f6 {
        state.focus = state.focus.next_for(live.lens().instruments());
        state.focus_moved = true;
    }
    if escape {
        state.show_pause_menu = !state.show_pause_menu;
        live.set_paused(state.show_pause_menu);
    }
}
