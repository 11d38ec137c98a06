//! `firedrill tutorial`: opens the window on the tutorial; with
//! `--autopilot`, a scripted new hire plays all three stages in the real
//! window while screenshots are taken of each page, the first stage's
//! prompt, the second's hint and the third's silence. CI runs it under Xvfb.

use bevy::prelude::*;

use crate::app::tutorial::{Page, Tutorial, TutorialAction};

use crate::app::camera::Camera;
use crate::app::guide::GuideState;
use crate::app::launch::Launch;
use crate::app::live::LiveDrill;
use crate::app::screen::Screen;
use crate::tools::tutorial::{STALL_AFTER, Say, StageId, new_hire::NewHire};

/// The tour's progress.
#[derive(Resource, Default)]
struct Tour {
    camera: Camera,
    /// Pictures taken, by name.
    taken: Vec<String>,
    new_hire: Option<NewHire>,
    /// Actions sent, by name: each is sent once (the screen changes a frame later).
    sent: Vec<String>,
    exit_in: Option<u32>,
}

impl Tour {
    /// Sends `action` unless it was sent before under `name`.
    fn send_once(
        &mut self,
        name: String,
        action: TutorialAction,
        out: &mut MessageWriter<TutorialAction>,
    ) {
        if !self.sent.contains(&name) {
            self.sent.push(name);
            out.write(action);
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, open);
    app.add_systems(Update, tour.run_if(resource_exists::<Tour>));
}

fn open(mut commands: Commands, launch: Res<Launch>, mut next: ResMut<NextState<Screen>>) {
    let Some(tutorial) = &launch.tutorial else {
        return;
    };
    next.set(Screen::Tutorial);
    if tutorial.autopilot.is_some() {
        commands.insert_resource(Tour::default());
    }
}

/// How long the scripted new hire takes per stage: quick where prompts
/// guide them, slow enough in the second stage for the hints to show.
fn delay(stage: StageId) -> u32 {
    match stage {
        StageId::Communications => STALL_AFTER + 40,
        StageId::Scribe | StageId::Command => 20,
    }
}

#[allow(clippy::too_many_arguments)]
fn tour(
    mut commands: Commands,
    mut tour: ResMut<Tour>,
    launch: Res<Launch>,
    screen: Res<State<Screen>>,
    mut tutorial: Option<ResMut<Tutorial>>,
    mut live: Option<ResMut<LiveDrill>>,
    mut guide: ResMut<GuideState>,
    mut actions: MessageWriter<TutorialAction>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(plan) = launch.tutorial.as_ref().and_then(|t| t.autopilot.as_ref()) else {
        return;
    };
    if tour.camera.busy(&mut commands) {
        return;
    }
    if super::closing(&mut tour.exit_in, &mut exit) {
        return;
    }
    let Some(tutorial) = tutorial.as_mut() else {
        return;
    };
    let shoot = |tour: &mut Tour, name: String| -> bool {
        if tour.taken.contains(&name) {
            return false;
        }
        tour.camera
            .arm(plan.shot_dir.join(format!("tutorial-{name}.png")));
        tour.taken.push(name);
        true
    };
    match (screen.get(), &tutorial.page) {
        (Screen::Tutorial, Page::Intro(id))
            if !shoot(&mut tour, format!("{}-intro", id.number())) =>
        {
            tour.new_hire = Some(NewHire::new(delay(*id)));
            tour.send_once(
                format!("start-{}", id.number()),
                TutorialAction::Start(*id),
                &mut actions,
            );
        }
        (Screen::Tutorial, Page::Result(result)) => {
            let number = result.stage.number();
            if !shoot(&mut tour, format!("{number}-result")) {
                tour.send_once(format!("next-{number}"), TutorialAction::Next, &mut actions);
            }
        }
        (Screen::Tutorial, Page::Finished) => {
            if shoot(&mut tour, "finished".into()) {
                return;
            }
            if !guide.help {
                guide.help = true;
                guide.doctrine = true;
            } else if !shoot(&mut tour, "guide".into()) {
                tour.exit_in = Some(30);
            }
        }
        (Screen::Drill, _) => {
            let (Some(live), Some(coach)) = (live.as_mut(), tutorial.coach.as_mut()) else {
                return;
            };
            live.set_paused(false);
            live.set_speed(plan.speed);
            let guidance = coach.observe(live.drill());
            let number = coach.stage().id.number();
            let moment = match guidance.say {
                Say::Prompt { .. } if guidance.done >= 2 => Some("prompt"),
                Say::Hint { .. } if guidance.done >= 1 => Some("hint"),
                Say::Nothing if coach.stage().id == StageId::Command && guidance.done >= 5 => {
                    Some("silent")
                }
                _ => None,
            };
            if let Some(moment) = moment
                && shoot(&mut tour, format!("{number}-{moment}"))
            {
                // Hold the picture still while it is taken.
                live.set_paused(true);
                return;
            }
            if guidance.say == Say::Complete {
                tour.send_once(
                    format!("finish-{number}"),
                    TutorialAction::FinishStage,
                    &mut actions,
                );
                return;
            }
            let me = live.me.clone();
            if let Some(command) = tour
                .new_hire
                .as_mut()
                .and_then(|n| n.act(coach, live.drill(), &me))
            {
                live.queue(command);
            }
        }
        _ => {}
    }
}
