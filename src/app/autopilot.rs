//! The autopilot: `firedrill drill … --autopilot SCRIPT` plays a script in
//! the real window at speed, saves screenshots at given drill times, and
//! exits when the drill is over. CI runs it under Xvfb.

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};

use super::launch::{DirectDrill, Launch};
use super::live::LiveDrill;
use super::screens::{Choice, Screen};
use crate::time::format_duration;

/// Shots still to take, and frames to wait before exiting so the last one lands.
#[derive(Resource, Debug, Default)]
struct Shots {
    pending: Vec<u32>,
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
    };
    let session = super::screens::session_path(&loaded, seat);
    let script = autopilot.as_ref().map(|a| a.script.clone());
    match LiveDrill::start(&loaded, seat, seed, script, Some(session)) {
        Ok(mut live) => {
            live.practice = practice;
            if let Some(plan) = &autopilot {
                live.speed = plan.speed;
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

fn take_shots(
    mut commands: Commands,
    live: Option<Res<LiveDrill>>,
    launch: Res<Launch>,
    mut shots: ResMut<Shots>,
) {
    let (Some(live), Some(plan)) = (
        live,
        launch.direct.as_ref().and_then(|d| d.autopilot.as_ref()),
    ) else {
        return;
    };
    let Some(&due) = shots.pending.last() else {
        return;
    };
    if live.drill.now() < due && !live.drill.is_over() {
        return;
    }
    shots.pending.pop();
    let seat = format!("{:?}", live.seat).to_lowercase();
    let path = plan.shot_dir.join(format!(
        "{}-{seat}-{}.png",
        live.drill.scenario().id,
        format_duration(due)
    ));
    info!(
        "screenshot at drill time {} -> {}",
        format_duration(live.drill.now()),
        path.display()
    );
    commands
        .spawn(Screenshot::primary_window())
        .observe(save_to_disk(path));
}

fn exit_when_done(
    live: Option<Res<LiveDrill>>,
    launch: Res<Launch>,
    mut shots: ResMut<Shots>,
    mut exit: MessageWriter<AppExit>,
) {
    if launch
        .direct
        .as_ref()
        .and_then(|d| d.autopilot.as_ref())
        .is_none()
    {
        return;
    }
    let over = live.is_none_or(|l| l.drill.is_over());
    if over && shots.pending.is_empty() {
        // A few frames for the last screenshot to be written.
        let left = shots.exit_in.get_or_insert(30);
        *left = left.saturating_sub(1);
        if *left == 0 {
            exit.write(AppExit::Success);
        }
    }
}
