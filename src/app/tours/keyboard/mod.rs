//! `firedrill keys PLAN`: a person at the keyboard plays a drill from the
//! title screen to the debrief, no mouse. The autopilot presses real keys
//! (through Bevy's keyboard messages, as winit would) and finds its way by
//! what a screen reader is told: Tab until the focused widget has the name
//! the plan gives, then Enter (`access` keeps egui's tree on while it
//! plays). A photograph of each screen on the way.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::egui::accesskit::Role;
use bevy_egui::{EguiOutput, PrimaryEguiContext};

use crate::app::access::Spoken;
use crate::app::camera::Camera;
use crate::app::keyboard_plan::{KeyPlan, KeyStep};
use crate::app::launch::{KeyboardLaunch, Launch};
use crate::app::live::LiveDrill;
use crate::app::panels::chat::COMPOSER_HINT;
use crate::app::screen::Screen;
use crate::app::ui_state::UiState;

/// Tab presses before a widget counts as unreachable.
const MAX_TABS: u32 = 400;
/// F6 presses (panel to panel) before falling back to Tab for the composer.
const MAX_PANEL_KEYS: u32 = 8;
/// Longest wait for one step.
const STEP_TIMEOUT: Duration = Duration::from_secs(240);

/// The tour's progress.
#[derive(Resource)]
struct KeyTour {
    step: usize,
    tabs: u32,
    panel_keys: u32,
    /// Frames left before egui has taken in the last keys and drawn the result.
    settle: u32,
    since: Instant,
    /// A line was just typed (by this step): the composer must have taken it.
    typed: Option<(usize, String)>,
    /// The drill clock when last seen: waiting for it is no time-out while it moves.
    drill_now: Option<u32>,
    camera: Camera,
    photographed: Vec<Screen>,
    exit_in: Option<u32>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, open);
    app.add_systems(Update, tour.run_if(resource_exists::<KeyTour>));
}

fn open(mut commands: Commands, launch: Res<Launch>) {
    if launch.keyboard.is_some() {
        commands.insert_resource(crate::app::access::KeepAccessTree);
        commands.insert_resource(KeyTour {
            step: 0,
            tabs: 0,
            panel_keys: 0,
            settle: 0,
            since: Instant::now(),
            typed: None,
            drill_now: None,
            camera: Camera::default(),
            photographed: Vec::new(),
            exit_in: None,
        });
    }
}

/// Keys sent this frame to the primary window.
struct Keyboard<'a, 'w> {
    out: &'a mut MessageWriter<'w, KeyboardInput>,
    window: Entity,
}

impl Keyboard<'_, '_> {
    fn tap(&mut self, key: Key, key_code: KeyCode) {
        for state in [ButtonState::Pressed, ButtonState::Released] {
            self.out.write(KeyboardInput {
                key_code,
                logical_key: key.clone(),
                state,
                text: None,
                repeat: false,
                window: self.window,
            });
        }
    }

    /// Types a line key by key.
    fn type_line(&mut self, line: &str) {
        for c in line.chars() {
            if c == ' ' {
                self.tap(Key::Space, KeyCode::Space);
            } else {
                self.tap(
                    Key::Character(c.to_string().into()),
                    KeyCode::Unidentified(bevy::input::keyboard::NativeKeyCode::Unidentified),
                );
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn tour(
    mut commands: Commands,
    mut tour: ResMut<KeyTour>,
    launch: Res<Launch>,
    screen: Res<State<Screen>>,
    outputs: Query<&EguiOutput, With<PrimaryEguiContext>>,
    window: Query<Entity, With<PrimaryWindow>>,
    live: Option<Res<LiveDrill>>,
    ui_state: Res<UiState>,
    mut keys: MessageWriter<KeyboardInput>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(KeyboardLaunch {
        plan,
        plan_path,
        shot_dir,
    }) = launch.keyboard.as_ref()
    else {
        return;
    };
    if tour.camera.busy(&mut commands) {
        return;
    }
    if super::closing(&mut tour.exit_in, &mut exit) {
        return;
    }
    let here = *screen.get();
    if !tour.photographed.contains(&here) {
        tour.photographed.push(here);
        let name = format!("keyboard-{}.png", format!("{here:?}").to_lowercase());
        tour.camera.arm(shot_dir.join(name));
        return;
    }
    if tour.settle > 0 {
        tour.settle -= 1;
        return;
    }
    let fail = |why: String, exit: &mut MessageWriter<AppExit>, step: usize| {
        let at = plan
            .steps
            .get(step)
            .map_or(String::new(), |s| format!(" {s}"));
        error!("{}: step {}{at}: {why}", plan_path.display(), step + 1);
        exit.write(AppExit::error());
    };
    if let Some((step, line)) = tour.typed.take() {
        let why = match &ui_state.composer_error {
            Some(error) => Some(format!("the composer did not take `{line}`: {error}")),
            None if !ui_state.composer.is_empty() => Some(format!(
                "`{line}` was not sent; the composer still holds `{}`",
                ui_state.composer
            )),
            None => None,
        };
        if let Some(why) = why {
            fail(why, &mut exit, step);
            return;
        }
    }
    let Some(step) = plan.steps.get(tour.step) else {
        tour.camera.arm(shot_dir.join("keyboard-end.png"));
        tour.exit_in = Some(10);
        return;
    };
    // A drill clock that moves is progress (a plan may wait drill minutes at x1).
    let now = live.as_ref().map(|l| l.drill().now());
    if now != tour.drill_now {
        tour.drill_now = now;
        tour.since = Instant::now();
    }
    if tour.since.elapsed() > STEP_TIMEOUT {
        fail(
            format!("not done after {} s", STEP_TIMEOUT.as_secs()),
            &mut exit,
            tour.step,
        );
        return;
    }
    let Some(spoken) = outputs
        .single()
        .ok()
        .and_then(|o| o.platform_output.accesskit_update.as_ref())
        .map(Spoken::of)
    else {
        return;
    };
    let Ok(window) = window.single() else {
        return;
    };
    let mut keyboard = Keyboard {
        out: &mut keys,
        window,
    };
    let focused = spoken.focused.clone();
    let done = match step {
        KeyStep::Press(name) => {
            if focused.as_ref().is_some_and(|(_, text)| text == name) {
                keyboard.tap(Key::Enter, KeyCode::Enter);
                true
            } else {
                if let Err(why) = tab(&mut tour, &mut keyboard) {
                    fail(
                        format!("no widget named `{name}` {why}; {}", named(&spoken)),
                        &mut exit,
                        tour.step,
                    );
                    return;
                }
                false
            }
        }
        KeyStep::Type(line) => {
            let in_composer = focused.as_ref().is_some_and(|(role, text)| {
                *role == Role::TextInput && text.ends_with(COMPOSER_HINT)
            });
            if in_composer {
                keyboard.type_line(line);
                keyboard.tap(Key::Enter, KeyCode::Enter);
                tour.typed = Some((tour.step, line.clone()));
                true
            } else if tour.panel_keys < MAX_PANEL_KEYS {
                // F6 moves between panels; landing on the chat focuses the composer.
                keyboard.tap(Key::F6, KeyCode::F6);
                tour.panel_keys += 1;
                false
            } else {
                if let Err(why) = tab(&mut tour, &mut keyboard) {
                    fail(
                        format!("the composer is not {why}; {}", named(&spoken)),
                        &mut exit,
                        tour.step,
                    );
                    return;
                }
                false
            }
        }
        KeyStep::At(at) => now.is_some_and(|now| now >= at.0),
        KeyStep::Hear(text) => spoken.says(text),
    };
    // Two frames: egui takes the keys in the next one, and its tree shows
    // the result the one after.
    tour.settle = 1;
    if done {
        info!("keys: step {} {step} done", tour.step + 1);
        tour.step += 1;
        tour.tabs = 0;
        tour.panel_keys = 0;
        tour.since = Instant::now();
    }
}

/// Presses Tab, or says why not: the widget sought is not within reach.
fn tab(tour: &mut KeyTour, keyboard: &mut Keyboard) -> Result<(), String> {
    if tour.tabs >= MAX_TABS {
        return Err(format!("within {MAX_TABS} presses of Tab"));
    }
    keyboard.tap(Key::Tab, KeyCode::Tab);
    tour.tabs += 1;
    Ok(())
}

/// The names on screen a plan could use, for an error message.
fn named(spoken: &Spoken) -> String {
    let mut names: Vec<&str> = spoken
        .nodes
        .iter()
        .filter(|(role, text)| {
            matches!(role, Role::Button | Role::CheckBox | Role::TextInput) && !text.is_empty()
        })
        .map(|(_, text)| text.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    format!("the widgets here are named: {}", names.join(" | "))
}

/// A launch for `firedrill keys`.
pub fn launch(plan_path: PathBuf, shot_dir: PathBuf) -> Result<KeyboardLaunch, String> {
    let plan = KeyPlan::read(&plan_path).map_err(|e| e.to_string())?;
    Ok(KeyboardLaunch {
        plan,
        plan_path,
        shot_dir,
    })
}
