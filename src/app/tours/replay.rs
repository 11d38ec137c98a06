//! Opening the viewer from the command line, and its autopilot tour:
//! `firedrill replay SESSION --shots 8m,20m [--compare-with OTHER]`
//! photographs the viewer at those moments (and through the OL's eyes at the
//! last), then the comparison, and exits. CI runs it under Xvfb.

use bevy::prelude::*;

use crate::app::camera::Camera;
use crate::app::launch::Launch;
use crate::app::replay::ReplayViewer;
use crate::app::screen::Screen;
use crate::app::screens::Comparing;
use crate::base::time::format_duration;
use crate::lenses::view::Lens;
use crate::scenario::Seat;

#[derive(Resource, Debug, Default)]
struct Tour {
    /// Moments still to photograph, last first.
    pending: Vec<u32>,
    started: bool,
    seat_shot: bool,
    compared: bool,
    camera: Camera,
    exit_in: Option<u32>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Tour>();
    app.add_systems(Startup, open_from_launch);
    app.add_systems(Update, tour);
}

fn open_from_launch(
    mut commands: Commands,
    launch: Res<Launch>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(replay) = &launch.replay else {
        return;
    };
    match ReplayViewer::open(&replay.session, replay.scenario.as_deref()) {
        Ok(viewer) => {
            commands.insert_resource(viewer);
            next.set(Screen::Replay);
        }
        Err(e) => {
            error!("{e}");
            exit.write(AppExit::error());
        }
    }
}

fn tour(
    mut commands: Commands,
    launch: Res<Launch>,
    mut state: ResMut<Tour>,
    viewer: Option<ResMut<ReplayViewer>>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(plan) = launch.replay.as_ref().and_then(|r| r.tour.as_ref()) else {
        return;
    };
    let Some(mut viewer) = viewer else {
        return;
    };
    if state.camera.busy(&mut commands) {
        return;
    }
    if !state.started {
        state.started = true;
        state.pending = plan.shots.clone();
        state.pending.sort_unstable();
        state.pending.reverse();
        viewer.playing = false;
        return;
    }
    let id = viewer.loaded.scenario.id.clone();
    if let Some(moment) = state.pending.pop() {
        viewer.seek(moment);
        let path = plan
            .shot_dir
            .join(format!("{id}-replay-{}.png", format_duration(moment)));
        state.camera.arm(path);
        return;
    }
    if !state.seat_shot {
        state.seat_shot = true;
        viewer.lens = Lens::Seat(Seat::OL);
        let path = plan.shot_dir.join(format!(
            "{id}-replay-{}-ol.png",
            format_duration(viewer.moment())
        ));
        state.camera.arm(path);
        return;
    }
    if let Some(other) = &plan.compare_with
        && !state.compared
    {
        if *screen.get() != Screen::Compare {
            match Comparing::of(other, &viewer.path) {
                Ok(comparing) => {
                    commands.insert_resource(comparing);
                    next.set(Screen::Compare);
                }
                Err(e) => {
                    error!("{e}");
                    exit.write(AppExit::error());
                }
            }
            return;
        }
        state.compared = true;
        state
            .camera
            .arm(plan.shot_dir.join(format!("{id}-compare.png")));
        return;
    }
    state.exit_in.get_or_insert(30);
    super::closing(&mut state.exit_in, &mut exit);
}
