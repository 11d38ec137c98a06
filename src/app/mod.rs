//! The Bevy shell: a window, screens as states, egui panels. It wraps one
//! core `Drill`; every click becomes a core `Command` queued for the next
//! simulated second.

mod access;
pub mod attempts;
pub mod bench;
mod camera;
mod cost;
pub mod debrief;
pub mod guide;
pub mod icons;
pub mod instructor;
pub mod keyboard_plan;
pub mod launch;
mod library;
pub mod live;
pub mod panels;
pub mod recordings;
pub mod replay;
pub mod screen;
pub mod screens;
mod settings;
mod sound;
pub mod team;
mod theme;
pub(crate) mod tours;
pub mod tutorial;
pub mod ui_state;
#[cfg(test)]
mod ui_test;

use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy_egui::EguiPlugin;

pub use launch::Launch;

/// Runs the window and turns how it closed into a result for the command line.
pub fn run_to_result(launch: Launch, bench: Option<bench::BenchPlan>) -> Result<(), String> {
    match run_with(launch, bench) {
        AppExit::Success => Ok(()),
        AppExit::Error(code) => Err(format!("the game window closed with an error ({code})")),
    }
}

/// Opens the game window and runs until it closes; with a bench plan, measures a stress drill.
pub fn run_with(launch: Launch, bench: Option<bench::BenchPlan>) -> AppExit {
    let mut app = App::new();
    if let Some(plan) = bench {
        app.insert_resource(plan);
    }
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Firedrill".into(),
                    resolution: WindowResolution::new(1280, 800),
                    ..default()
                }),
                ..default()
            })
            // The font and the sounds, found wherever the game was started.
            .set(AssetPlugin {
                file_path: crate::base::files::assets_dir().display().to_string(),
                ..default()
            }),
    )
    .add_plugins(EguiPlugin::default())
    .insert_resource(launch)
    .add_plugins(plugin)
    .run()
}

/// Everything Firedrill adds to an app (without windowing, for headless tests).
pub fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_camera);
    app.add_plugins(access::plugin);
    app.add_plugins((
        screen::plugin,
        settings::plugin,
        attempts::plugin,
        library::plugin,
        live::plugin,
        replay::plugin,
        screens::plugin,
        tours::plugin,
        theme::plugin,
        bench::plugin,
        sound::plugin,
        guide::plugin,
        icons::plugin,
        tutorial::plugin,
        team::plugin,
    ));
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}
