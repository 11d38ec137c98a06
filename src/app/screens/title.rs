//! The title screen.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::app::screen::{Screen, full_screen};
use crate::app::settings::{self, Settings, Theme};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw.run_if(in_state(Screen::Title)));
}

#[derive(Default)]
struct Open {
    settings: bool,
    recordings: bool,
    list: Vec<crate::app::recordings::Recording>,
    ticked: Vec<std::path::PathBuf>,
    error: Option<String>,
    join: crate::app::team::JoinForm,
}

fn draw(
    mut contexts: EguiContexts,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
    mut settings: ResMut<Settings>,
    mut open: Local<Open>,
    tutorial: Option<Res<crate::app::tutorial::Tutorial>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    full_screen(ctx, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() * 0.25);
            let art = if ui.visuals().dark_mode {
                crate::app::icons::TITLE
            } else {
                crate::app::icons::TITLE_ON_LIGHT
            };
            match crate::app::icons::texture(ui.ctx(), art) {
                // One pixel of art to a point: crisp at UI scale 1.
                Some((id, size)) => {
                    ui.add(egui::Image::new((id, size)).alt_text("Firedrill"));
                }
                None => {
                    ui.heading(egui::RichText::new("Firedrill").size(48.0));
                }
            }
            ui.label("Incident-response drills under the Incident Command System");
            ui.add_space(24.0);
            if ui
                .button(egui::RichText::new(tutorial_label(tutorial.as_deref())).size(20.0))
                .clicked()
            {
                next.set(Screen::Tutorial);
            }
            if ui
                .button(egui::RichText::new("Choose a drill").size(20.0))
                .clicked()
            {
                next.set(Screen::Picker);
            }
            if ui
                .button(egui::RichText::new("Join a team drill").size(20.0))
                .on_hover_text(
                    "Every trainee at their own computer: the instructor hosts and hands out codes",
                )
                .clicked()
            {
                open.join.open = !open.join.open;
            }
            if ui.button("Replay or compare recordings").clicked() {
                open.recordings = !open.recordings;
                open.list = crate::app::recordings::list(
                    &crate::app::settings::data_dir().join("sessions"),
                    50,
                );
            }
            if ui.button("Settings").clicked() {
                open.settings = !open.settings;
            }
            if let Some(error) = &open.error {
                ui.colored_label(egui::Color32::from_rgb(230, 110, 90), error);
            }
            if ui.button("Quit").clicked() {
                exit.write(AppExit::Success);
            }
        });
    });
    settings_window(ctx, &mut open.settings, &mut settings);
    if let Some((address, code, name)) = crate::app::team::join_window(ctx, &mut open.join) {
        match crate::app::team::join(&address, &code, name) {
            Ok(joining) => {
                open.join = Default::default();
                commands.insert_resource(joining);
                next.set(Screen::Lobby);
            }
            Err(e) => open.join.error = Some(e),
        }
    }
    let Open {
        recordings,
        list,
        ticked,
        ..
    } = &mut *open;
    let action = crate::app::recordings::window(ctx, recordings, list, ticked);
    use crate::app::recordings::RecordingsAction;
    let result = match action {
        Some(RecordingsAction::Replay(path)) => crate::app::replay::ReplayViewer::open(&path, None)
            .map(|viewer| {
                commands.insert_resource(viewer);
                next.set(Screen::Replay);
            }),
        Some(RecordingsAction::Compare(a, b)) => super::Comparing::of(&a, &b).map(|c| {
            commands.insert_resource(c);
            next.set(Screen::Compare);
        }),
        None => Ok(()),
    };
    if let Err(e) = result {
        open.error = Some(e);
    }
    Ok(())
}

/// The tutorial button says where the trainee is in it.
fn tutorial_label(tutorial: Option<&crate::app::tutorial::Tutorial>) -> String {
    match tutorial.map(|t| (t.progress.next_stage(), t.progress.stages.is_empty())) {
        Some((Some(_), true)) | None => "New here? Start the guided tutorial".into(),
        Some((Some(stage), false)) => {
            format!("Continue the tutorial (stage {} of 3)", stage.number())
        }
        Some((None, _)) => "Tutorial done: your suggested drills".into(),
    }
}

/// The settings window; changes are saved at once.
pub(crate) fn settings_window(ctx: &egui::Context, open: &mut bool, settings: &mut Settings) {
    let mut edited = settings.clone();
    egui::Window::new("Settings").open(open).show(ctx, |ui| {
        ui.add(egui::Slider::new(&mut edited.ui_scale, 0.75..=2.0).text("UI scale"));
        ui.horizontal(|ui| {
            ui.label("Theme");
            ui.selectable_value(&mut edited.theme, Theme::Dark, "Dark");
            ui.selectable_value(&mut edited.theme, Theme::Light, "Light");
        });
        ui.checkbox(&mut edited.sound, "Sound (page tone on new alerts)");
        ui.horizontal(|ui| {
            ui.label("Default speed");
            for speed in crate::app::live::SPEEDS {
                ui.selectable_value(&mut edited.default_speed, speed, format!("x{speed}"));
            }
        });
    });
    if edited != *settings {
        if let Err(err) = settings::save(&edited) {
            warn!("settings not saved: {err}");
        }
        *settings = edited;
    }
}
