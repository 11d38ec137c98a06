//! The briefing: pick a seat, a seed and a speed; read the seat's doctrine
//! card; start. Editing the scenario file meanwhile reloads it.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::app::library::Library;
use crate::app::live::{LiveDrill, SPEEDS};
use crate::app::screen::{Choice, Screen, full_screen, session_path};
use crate::app::settings::Settings;
use crate::lenses::doctrine::card;
use crate::scenario::{LoadedScenario, Seat};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.run_if(in_state(Screen::Briefing)),
    );
}

/// Starts a drill and switches to it, or returns why it could not start.
pub fn start(
    commands: &mut Commands,
    loaded: &LoadedScenario,
    choice: &Choice,
    speed: u32,
    next: &mut NextState<Screen>,
) -> Result<(), String> {
    let path = Some(session_path(loaded, choice.seat));
    let mut live = match (choice.instructor, choice.trainee) {
        (true, false) => {
            LiveDrill::start_unattended(loaded, choice.seed, None, path, choice.knobs)?
        }
        (true, true) => {
            LiveDrill::start_instructed(loaded, choice.seat, choice.seed, None, path, choice.knobs)?
        }
        _ => LiveDrill::start_tuned(loaded, choice.seat, choice.seed, None, path, choice.knobs)?,
    };
    live.set_speed(speed);
    commands.insert_resource(live);
    next.set(Screen::Drill);
    Ok(())
}

#[derive(Default)]
struct Form {
    speed: Option<u32>,
    error: Option<String>,
    /// Where a hosted team drill listens (loopback unless changed).
    bind: Option<String>,
    tls: bool,
}

fn draw(
    mut contexts: EguiContexts,
    mut commands: Commands,
    library: Res<Library>,
    mut choice: ResMut<Choice>,
    settings: Res<Settings>,
    mut next: ResMut<NextState<Screen>>,
    mut form: Local<Form>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let entry = choice.scenario.as_ref().and_then(|p| library.get(p));
    full_screen(ctx, |ui| {
        if ui.button("Back to the library").clicked() {
            next.set(Screen::Picker);
        }
        let Some(entry) = entry else {
            ui.label("The scenario file is gone; choose another.");
            return;
        };
        let loaded = match &entry.loaded {
            Ok(loaded) => loaded,
            Err(errors) => {
                ui.colored_label(
                    egui::Color32::from_rgb(230, 110, 90),
                    "The scenario no longer validates (fix the file; this page reloads it):",
                );
                ui.monospace(errors.to_string());
                return;
            }
        };
        let s = &loaded.scenario;
        ui.heading(&s.title);
        ui.label(&s.summary);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            ui.checkbox(&mut choice.instructor, "Run as game master")
                .on_hover_text("See every seat and the ground truth; inject events, add or remove responders, pin observer notes");
            if choice.instructor {
                ui.checkbox(&mut choice.trainee, "with a trainee at the keyboard");
            }
        });
        if !choice.instructor || choice.trainee {
            ui.horizontal(|ui| {
                ui.label(if choice.instructor {
                    "Trainee's seat:"
                } else {
                    "Your seat:"
                });
                for seat in Seat::STAFFED {
                    ui.selectable_value(&mut choice.seat, seat, format!("{seat:?}"));
                }
            });
        }
        ui.horizontal(|ui| {
            ui.label("Seed:");
            ui.add(egui::DragValue::new(&mut choice.seed).range(0..=1_000_000));
            ui.label("Speed:");
            let speed = form.speed.get_or_insert(settings.default_speed);
            for s in SPEEDS {
                ui.selectable_value(speed, s, format!("x{s}"));
            }
        });
        knobs(ui, &mut choice.knobs);
        ui.add_space(8.0);
        ui.group(|ui| {
            ui.strong(format!("Doctrine — {:?}", choice.seat));
            for rule in card(choice.seat) {
                ui.label(format!("• {rule}"));
            }
        });
        ui.add_space(8.0);
        ui.weak("Simulated people take every other seat. You will not be told when or where the fault starts.");
        if ui
            .button(egui::RichText::new("Start the drill").size(20.0))
            .clicked()
        {
            let speed = form.speed.unwrap_or(1);
            form.error = start(&mut commands, loaded, &choice, speed, &mut next).err();
        }
        ui.add_space(12.0);
        ui.group(|ui| {
            ui.strong("Team drill: every trainee at their own computer");
            ui.weak("You host and run it as the game master; each seat gets a join code, seats nobody takes are simulated.");
            ui.horizontal(|ui| {
                ui.label("Listen on");
                let bind = form.bind.get_or_insert_with(|| "127.0.0.1:7878".into());
                ui.add(egui::TextEdit::singleline(bind).desired_width(160.0))
                    .on_hover_text("127.0.0.1 takes only this computer; 0.0.0.0 or this computer's address takes the network");
                ui.checkbox(&mut form.tls, "Encrypt (TLS)")
                    .on_hover_text("For networks you do not trust: the codes then carry the host's certificate fingerprint");
            });
            if ui.button("Host a team drill").clicked() {
                let bind = form.bind.clone().unwrap_or_default();
                let hosting = bind
                    .trim()
                    .parse()
                    .map_err(|_| format!("`{bind}` is not an address and port like 127.0.0.1:7878"))
                    .map(|bind| crate::app::team::Hosting {
                        seed: choice.seed,
                        knobs: choice.knobs,
                        bind,
                        tls: form.tls,
                        speed: form.speed.unwrap_or(1),
                        team: None,
                    });
                form.error = match hosting.and_then(|h| crate::app::team::host(loaded, &h)) {
                    Ok(joining) => {
                        commands.insert_resource(joining);
                        next.set(Screen::Lobby);
                        None
                    }
                    Err(e) => Some(e),
                };
            }
        });
        if let Some(error) = &form.error {
            ui.colored_label(egui::Color32::from_rgb(230, 110, 90), error);
        }
    });
    Ok(())
}

/// The difficulty knobs, one row each.
fn knobs(ui: &mut egui::Ui, knobs: &mut crate::scenario::Knobs) {
    use crate::scenario::Level;
    egui::Grid::new("knobs").show(ui, |ui| {
        for (label, hint, level) in [
            (
                "Alert noise",
                "Low: only pages. High: flapping tickets on healthy systems.",
                &mut knobs.alert_noise,
            ),
            (
                "Responder reliability",
                "Low: slow responders and a freelancer. High: everyone reliable.",
                &mut knobs.npc_reliability,
            ),
            (
                "Inject density",
                "Low: half the outside messages. High: executives and clients follow up.",
                &mut knobs.inject_density,
            ),
            (
                "Time pressure",
                "Low: 1.5x the time before things escalate. High: 0.6x.",
                &mut knobs.time_pressure,
            ),
        ] {
            ui.label(label).on_hover_text(hint);
            for l in Level::ALL {
                ui.selectable_value(level, l, format!("{l:?}"));
            }
            ui.weak(hint);
            ui.end_row();
        }
    });
}
