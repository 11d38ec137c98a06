//! The debrief screen: scores the drill on entry, records the attempt, and
//! shows the scorecard, the questions form, the AAR and the timeline.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use crate::app::attempts::Attempts;
use crate::app::debrief::{Debrief, DebriefAction, debrief_screen};
use crate::app::live::LiveDrill;
use crate::app::screen::{AfterDrill, AppSystems, DrillEnded, Screen, full_screen};

pub(super) fn plugin(app: &mut App) {
    // In the frame the end is announced, while the drill is still on screen:
    // a message read a frame later could follow the player to another screen.
    app.add_systems(
        Update,
        to_the_debrief
            .after(AppSystems::Clock)
            .run_if(in_state(Screen::Drill).and_then(on_message::<DrillEnded>)),
    );
    app.add_systems(OnEnter(Screen::Debrief), open);
    app.add_systems(
        Update,
        from_the_host.run_if(in_state(Screen::Debrief).and_then(resource_exists::<LiveDrill>)),
    );
    app.add_systems(
        EguiPrimaryContextPass,
        waiting.run_if(in_state(Screen::Debrief).and_then(not(resource_exists::<Debrief>))),
    );
    app.add_systems(
        EguiPrimaryContextPass,
        draw.run_if(in_state(Screen::Debrief).and_then(resource_exists::<Debrief>)),
    );
    app.add_systems(OnExit(Screen::Debrief), |mut commands: Commands| {
        commands.remove_resource::<LiveDrill>();
        commands.remove_resource::<Debrief>();
    });
}

/// A drill has ended: on to the debrief, unless whoever started it asked
/// for another screen (a tutorial stage has its own page).
fn to_the_debrief(after: Res<AfterDrill>, mut next: ResMut<NextState<Screen>>) {
    if after.0 == Screen::Debrief {
        next.set(Screen::Debrief);
    }
}

fn open(mut commands: Commands, live: Option<Res<LiveDrill>>, mut attempts: ResMut<Attempts>) {
    let Some(live) = live else {
        return;
    };
    if live.remote_link().is_some() {
        // The host scores a team drill: its debrief comes over the connection.
        return;
    }
    let mut debrief = Debrief::new(
        live.drill(),
        live.session_path.as_deref(),
        &mut attempts.history,
    );
    attempts.save();
    if let Some(problem) = &attempts.problem {
        debrief.note = Some(format!("Attempt history not saved: {problem}"));
    }
    commands.insert_resource(debrief);
}

/// A hosted drill's debrief as the host sends it (again after anyone answers).
fn from_the_host(
    mut commands: Commands,
    mut live: ResMut<LiveDrill>,
    debrief: Option<ResMut<Debrief>>,
) {
    live.advance(0.0);
    let Some(from) = live.remote_link().and_then(|r| r.debrief.clone()) else {
        return;
    };
    match debrief {
        Some(mut debrief) if debrief.hosted && debrief.card != from.team => {
            debrief.refresh_from_host(&from);
        }
        Some(_) => {}
        None => commands.insert_resource(Debrief::hosted(&from)),
    }
}

fn waiting(mut contexts: EguiContexts) -> Result {
    let ctx = contexts.ctx_mut()?;
    full_screen(ctx, |ui| {
        ui.heading("The drill is over");
        ui.label("Waiting for the host's scorecard and After Action Report…");
    });
    Ok(())
}

fn draw(
    mut contexts: EguiContexts,
    live: Res<LiveDrill>,
    mut debrief: ResMut<Debrief>,
    mut attempts: ResMut<Attempts>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut actions = Vec::new();
    full_screen(ctx, |ui| {
        actions = debrief_screen(ui, &mut debrief, live.drill())
    });
    for action in actions {
        match action {
            DebriefAction::Back => next.set(Screen::Picker),
            DebriefAction::SaveAnswers if debrief.hosted => {
                if let Some(remote) = live.remote_link() {
                    remote.send(crate::net::protocol::ClientFrame::Answers {
                        answers: debrief.answers.clone(),
                    });
                }
                debrief.note = Some(
                    "Answers sent to the host: they go into the After Action Report under your name."
                        .into(),
                );
            }
            DebriefAction::SaveAnswers => {
                debrief.note = Some(match debrief.save_answers(live.drill()) {
                    Ok(path) => {
                        // The attempt's score now includes C15.
                        if live.drill().outcome().is_some() {
                            attempts.history.record(debrief.attempt(live.drill()));
                            attempts.save();
                        }
                        format!("Answers saved to {}", path.display())
                    }
                    Err(e) => format!("Answers not saved: {e}"),
                });
            }
            DebriefAction::Export { html } => {
                debrief.note = Some(match debrief.export(live.drill(), html) {
                    Ok(path) => format!("After Action Report written to {}", path.display()),
                    Err(e) => format!("Report not written: {e}"),
                });
            }
        }
    }
    Ok(())
}
