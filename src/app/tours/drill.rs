//! The autopilot: `firedrill drill … --autopilot SCRIPT` plays a script in
//! the real window at speed, saves screenshots at given drill times, and
//! exits when the drill is over. CI runs it under Xvfb.

use bevy::prelude::*;

use crate::app::camera::Camera;
use crate::app::debrief::{Debrief, Tab};
use crate::app::instructor::GmTab;

use crate::app::launch::{DirectDrill, Launch};
use crate::app::live::LiveDrill;
use crate::app::screen::{Choice, Screen, session_path};
use crate::base::time::format_duration;

/// Shots still to take, and frames to wait before exiting so the last one lands.
#[derive(Resource, Debug, Default)]
struct Shots {
    pending: Vec<u32>,
    /// How many debrief tabs have been photographed.
    debrief_shots: usize,
    /// How many drill-time shots have been taken.
    taken: usize,
    camera: Camera,
    exit_in: Option<u32>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Shots>();
    app.add_systems(Startup, start_direct);
    app.add_systems(Update, (take_shots, exit_when_done).chain());
}

/// `firedrill drill SCENARIO`: straight into the drill, scripted or not.
fn start_direct(
    mut commands: Commands,
    launch: Res<Launch>,
    mut next: ResMut<NextState<Screen>>,
    mut shots: ResMut<Shots>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(DirectDrill {
        scenario,
        seat,
        seed,
        practice,
        autopilot,
        instructor,
        no_trainee,
        knobs,
    }) = launch.direct.clone()
    else {
        return;
    };
    let loaded = match crate::scenario::load(&scenario) {
        Ok(loaded) => loaded,
        Err(errors) => {
            error!("{errors}");
            exit.write(AppExit::error());
            return;
        }
    };
    let choice = Choice {
        scenario: Some(scenario),
        seat,
        seed,
        instructor,
        trainee: !no_trainee,
        knobs,
    };
    let session = session_path(&loaded, seat);
    let script = autopilot.as_ref().map(|a| a.script.clone());
    let started = if no_trainee {
        LiveDrill::start_unattended(&loaded, seed, script, Some(session), knobs)
    } else if instructor {
        LiveDrill::start_instructed(&loaded, seat, seed, script, Some(session), knobs)
    } else {
        LiveDrill::start_tuned(&loaded, seat, seed, script, Some(session), knobs)
    };
    match started {
        Ok(mut live) => {
            live.practice = practice;
            // A script plays the team: the keyboard is the game master's.
            if instructor && autopilot.is_some() {
                live.me = crate::world::GAME_MASTER.into();
            }
            if let Some(plan) = &autopilot {
                live.set_speed(plan.speed);
                shots.pending = plan.shots.clone();
                shots.pending.sort_unstable();
                shots.pending.reverse();
            }
            commands.insert_resource(live);
            commands.insert_resource(choice);
            next.set(Screen::Drill);
        }
        Err(err) => {
            error!("{err}");
            exit.write(AppExit::error());
        }
    }
}

/// The seat part of a screenshot's name ("gm" for a game master's window).
fn shot_name(live: &LiveDrill) -> String {
    if live.instructor {
        "gm".into()
    } else {
        format!("{:?}", live.seat).to_lowercase()
    }
}

fn take_shots(
    mut commands: Commands,
    live: Option<Res<LiveDrill>>,
    launch: Res<Launch>,
    mut shots: ResMut<Shots>,
    mut ui: Option<ResMut<crate::app::ui_state::UiState>>,
) {
    if shots.camera.busy(&mut commands) {
        return;
    }
    let (Some(live), Some(plan)) = (
        live,
        launch.direct.as_ref().and_then(|d| d.autopilot.as_ref()),
    ) else {
        return;
    };
    let Some(&due) = shots.pending.last() else {
        return;
    };
    if live.drill().now() < due && !live.drill().is_over() {
        return;
    }
    shots.pending.pop();
    let mut seat = shot_name(&live);
    // A game master's shots go through the console's tabs in turn.
    if live.instructor
        && let Some(ui) = ui.as_mut()
    {
        let (tab, name) = GmTab::ALL[shots.taken % GmTab::ALL.len()];
        ui.gm.tab = tab;
        seat = format!("{seat}-{}", name.to_lowercase().replace(' ', "-"));
    }
    shots.taken += 1;
    let path = plan.shot_dir.join(format!(
        "{}-{seat}-{}.png",
        live.drill().scenario().id,
        format_duration(due)
    ));
    info!(
        "drill time {}: taking a screenshot",
        format_duration(live.drill().now())
    );
    shots.camera.arm(path);
}

fn exit_when_done(
    live: Option<Res<LiveDrill>>,
    launch: Res<Launch>,
    screen: Res<State<Screen>>,
    mut shots: ResMut<Shots>,
    mut debrief: Option<ResMut<Debrief>>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(plan) = launch.direct.as_ref().and_then(|d| d.autopilot.as_ref()) else {
        return;
    };
    let over = live.as_ref().is_none_or(|l| l.drill().is_over());
    if !over || !shots.pending.is_empty() {
        return;
    }
    if !shots.camera.idle() {
        return;
    }
    // The debrief's scorecard, report and questions, one screenshot each.
    const TABS: [(Tab, &str); 3] = [
        (Tab::Scorecard, "debrief"),
        (Tab::Report, "debrief-report"),
        (Tab::Questions, "debrief-questions"),
    ];
    if shots.debrief_shots < TABS.len() {
        if *screen.get() == Screen::Debrief
            && let Some(live) = &live
            && let Some(debrief) = debrief.as_mut()
        {
            let (tab, name) = TABS[shots.debrief_shots];
            debrief.tab = tab;
            shots.debrief_shots += 1;
            let seat = shot_name(live);
            let path = plan
                .shot_dir
                .join(format!("{}-{seat}-{name}.png", live.drill().scenario().id));
            shots.camera.arm(path);
        }
        return;
    }
    // A few frames for the last screenshot to be written.
    shots.exit_in.get_or_insert(30);
    super::closing(&mut shots.exit_in, &mut exit);
}
