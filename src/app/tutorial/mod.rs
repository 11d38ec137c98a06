//! The guided tutorial in the window: the stage pages (intro, how it went,
//! the suggested library order), the coach over the drill screen, and the
//! saved progress. The teaching itself is the core's `tutorial` module.

mod coach_panel;
mod page;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub use coach_panel::{CoachAction, coach_panel};
pub use page::{TutorialAction, tutorial_page};

use super::launch::Launch;
use super::library::Library;
use super::live::LiveDrill;
use super::screen::{
    AfterDrill, AppSystems, Choice, DrillEnded, Screen, full_screen, session_path,
};
use super::settings::Settings;
use crate::tools::tutorial::{self as core, Coach, Progress, StageId, StageResult, Suggestion};
use crate::world::Drill;

/// What the tutorial screen shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Page {
    /// Before a stage: what the seat does.
    Intro(StageId),
    /// After a stage: how it went.
    Result(StageResult),
    /// Every stage done: the suggested order for the library.
    Finished,
}

/// The tutorial: saved progress, the page shown, and the coach during a stage.
#[derive(Resource, Debug)]
pub struct Tutorial {
    pub progress: Progress,
    pub path: PathBuf,
    /// Why the progress could not be read or written.
    pub problem: Option<String>,
    /// The progress file is damaged: starting over sets it aside first.
    pub damaged: bool,
    pub page: Page,
    /// Coaching the stage being played.
    pub coach: Option<Coach>,
    /// A stage's drill is on screen (until the drill screen is left), so its
    /// end leads back here even after the coach has been taken.
    pub in_stage: bool,
}

impl Tutorial {
    /// Opens the tutorial on the progress saved at `path`.
    pub fn open(path: &Path) -> Tutorial {
        let (progress, problem) = match Progress::load(path) {
            Ok(progress) => (progress, None),
            Err(err) => (Progress::default(), Some(err.to_string())),
        };
        let mut tutorial = Tutorial {
            damaged: problem.is_some(),
            progress,
            path: path.to_path_buf(),
            problem,
            page: Page::Finished,
            coach: None,
            in_stage: false,
        };
        tutorial.page = tutorial.next_page();
        tutorial
    }

    /// The next stage's intro, or the suggestions once every stage is done.
    pub fn next_page(&self) -> Page {
        self.progress
            .next_stage()
            .map_or(Page::Finished, Page::Intro)
    }

    /// Ends the stage being coached: records how it went and saves the progress.
    pub fn finish_stage(&mut self, drill: &Drill, session: Option<&Path>) {
        let Some(mut coach) = self.coach.take() else {
            return;
        };
        coach.observe(drill);
        let result = coach.result(drill);
        self.progress.record(&result, session);
        // A damaged file is never overwritten: only starting over sets it aside.
        self.problem = if self.damaged {
            Some(format!(
                "Progress not saved: {} is damaged; start the tutorial over to set it aside.",
                self.path.display()
            ))
        } else {
            self.progress
                .save(&self.path)
                .err()
                .map(|e| format!("Progress not saved: {e}"))
        };
        self.page = Page::Result(result);
    }

    /// Starts over: a damaged file is moved aside, a good one emptied.
    pub fn start_over(&mut self) {
        if self.damaged {
            match core::set_aside(&self.path) {
                Ok(_) => self.damaged = false,
                Err(e) => {
                    self.problem = Some(e);
                    return;
                }
            }
        }
        self.progress = Progress::default();
        self.problem = self.progress.save(&self.path).err();
        self.page = self.next_page();
    }
}

/// The library in the suggested order, each with its file.
pub fn suggestions(library: &Library, progress: &Progress) -> Vec<(Suggestion, PathBuf)> {
    let loaded: Vec<(&crate::scenario::Scenario, &PathBuf)> = library
        .entries
        .iter()
        .filter_map(|e| e.loaded.as_ref().ok().map(|l| (&l.scenario, &e.path)))
        .collect();
    let scenarios: Vec<&crate::scenario::Scenario> = loaded.iter().map(|(s, _)| *s).collect();
    core::suggest_order(&scenarios, &progress.weak_seats())
        .into_iter()
        .filter_map(|s| {
            let path = loaded.iter().find(|(l, _)| l.id == s.id)?.1.clone();
            Some((s, path))
        })
        .collect()
}

/// Starts a stage's drill: the trainee in the stage's seat, paused, journaled.
pub fn start_stage(
    id: StageId,
    scenarios_dir: &Path,
    speed: u32,
) -> Result<(LiveDrill, Coach), String> {
    let path = scenarios_dir.join(core::SCENARIO_FILE);
    let loaded = crate::scenario::load(&path).map_err(|e| e.to_string())?;
    let stage = core::stage(id);
    let session = session_path(&loaded, stage.seat);
    let mut live = LiveDrill::start(&loaded, stage.seat, core::SEED, None, Some(session))?;
    live.set_paused(true);
    live.set_speed(speed);
    let coach = Coach::new(stage, &live.me);
    Ok((live, coach))
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (
            draw_page.run_if(in_state(Screen::Tutorial).and_then(resource_exists::<Tutorial>)),
            draw_coach.run_if(
                in_state(Screen::Drill)
                    .and_then(resource_exists::<LiveDrill>)
                    .and_then(resource_exists::<Tutorial>),
            ),
        ),
    );
    app.add_message::<TutorialAction>();
    app.add_systems(Startup, open_progress);
    // Leaving a stage for the title (the pause menu) drops its coach; the
    // tutorial opens again on the stage still to do.
    app.add_systems(
        OnEnter(Screen::Title),
        |tutorial: Option<ResMut<Tutorial>>| {
            if let Some(mut tutorial) = tutorial {
                tutorial.coach = None;
                tutorial.page = tutorial.next_page();
            }
        },
    );
    app.add_systems(
        OnExit(Screen::Drill),
        |tutorial: Option<ResMut<Tutorial>>| {
            if let Some(mut tutorial) = tutorial {
                tutorial.in_stage = false;
            }
        },
    );
    app.add_systems(
        Update,
        stage_ended.after(AppSystems::Clock).run_if(
            in_state(Screen::Drill)
                .and_then(on_message::<DrillEnded>)
                .and_then(resource_exists::<Tutorial>),
        ),
    );
    app.add_systems(Update, handle_actions.run_if(resource_exists::<Tutorial>));
}

/// A stage's drill has ended: record how it went, then the stage's page.
fn stage_ended(
    mut tutorial: ResMut<Tutorial>,
    live: Option<Res<LiveDrill>>,
    mut next: ResMut<NextState<Screen>>,
) {
    if let Some(live) = live
        && tutorial.in_stage
    {
        tutorial.finish_stage(live.drill(), live.session_path.as_deref());
        next.set(Screen::Tutorial);
    }
}

/// The saved progress; the autopilot plays on a scratch file beside its
/// pictures, so it never touches the user's own.
fn open_progress(mut commands: Commands, launch: Option<Res<Launch>>) {
    let scratch = launch
        .as_ref()
        .and_then(|l| l.tutorial.as_ref())
        .and_then(|t| t.autopilot.as_ref())
        .map(|plan| plan.shot_dir.join("tutorial-progress.ron"));
    let path = match scratch {
        Some(path) => {
            let _ = std::fs::remove_file(&path);
            path
        }
        None => core::default_path(),
    };
    commands.insert_resource(Tutorial::open(&path));
}

fn draw_coach(
    mut contexts: EguiContexts,
    live: Res<LiveDrill>,
    mut tutorial: ResMut<Tutorial>,
    mut actions: MessageWriter<TutorialAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(coach) = tutorial.coach.as_mut() else {
        return Ok(());
    };
    let guidance = coach.observe(live.drill());
    let stage = coach.stage();
    egui::Window::new("Tutorial")
        .id(egui::Id::new("tutorial-coach"))
        .title_bar(false)
        .resizable(false)
        // Bottom left, over the roster's empty lower half: the chat's
        // channel tabs and the ISD stay in view.
        .anchor(egui::Align2::LEFT_BOTTOM, [8.0, -8.0])
        // As wide as the left panel at its narrowest, so the composer stays clear.
        .default_width(270.0)
        .max_width(270.0)
        .show(ctx, |ui| {
            if coach_panel(ui, stage, &guidance) == Some(CoachAction::FinishStage) {
                actions.write(TutorialAction::FinishStage);
            }
        });
    Ok(())
}

fn draw_page(
    mut contexts: EguiContexts,
    tutorial: Res<Tutorial>,
    library: Res<Library>,
    mut actions: MessageWriter<TutorialAction>,
    mut guide: ResMut<crate::app::guide::GuideState>,
    mut intro_seen: Local<Option<StageId>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    // A stage's introduction turns the doctrine cards (F2) to its seat.
    if let Page::Intro(id) = tutorial.page
        && *intro_seen != Some(id)
    {
        *intro_seen = Some(id);
        guide.seat = core::stage(id).seat;
    }
    let suggestions = match tutorial.page {
        Page::Finished => suggestions(&library, &tutorial.progress),
        _ => Vec::new(),
    };
    full_screen(ctx, |ui| {
        actions.write_batch(tutorial_page(ui, &tutorial, &suggestions));
    });
    Ok(())
}

/// Carries out what was chosen on the tutorial's pages or the coach.
#[allow(clippy::too_many_arguments)]
fn handle_actions(
    mut commands: Commands,
    mut chosen: MessageReader<TutorialAction>,
    mut tutorial: ResMut<Tutorial>,
    live: Option<Res<LiveDrill>>,
    launch: Res<Launch>,
    settings: Option<Res<Settings>>,
    mut choice: ResMut<Choice>,
    mut after: ResMut<AfterDrill>,
    mut next: ResMut<NextState<Screen>>,
) {
    for action in chosen.read().cloned() {
        match action {
            // A second click before the screen changes starts nothing more.
            TutorialAction::Start(_) if tutorial.in_stage => {}
            TutorialAction::Start(id) => {
                let speed = settings.as_ref().map_or(1, |s| s.default_speed);
                match start_stage(id, &launch.scenarios_dir, speed) {
                    Ok((live, coach)) => {
                        tutorial.coach = Some(coach);
                        tutorial.in_stage = true;
                        if !tutorial.damaged {
                            tutorial.problem = None;
                        }
                        commands.insert_resource(live);
                        // When the stage's drill ends, the tutorial takes over, not the debrief.
                        after.0 = Screen::Tutorial;
                        next.set(Screen::Drill);
                    }
                    Err(e) => tutorial.problem = Some(format!("The stage cannot start: {e}")),
                }
            }
            TutorialAction::FinishStage => {
                if let Some(live) = &live {
                    tutorial.finish_stage(live.drill(), live.session_path.as_deref());
                    next.set(Screen::Tutorial);
                }
            }
            TutorialAction::Next => tutorial.page = tutorial.next_page(),
            TutorialAction::Retry(id) => tutorial.page = Page::Intro(id),
            TutorialAction::StartOver => tutorial.start_over(),
            TutorialAction::Brief(path, seat) => {
                *choice = Choice {
                    scenario: Some(path),
                    seat,
                    ..Choice::default()
                };
                next.set(Screen::Briefing);
            }
            TutorialAction::Back => next.set(Screen::Title),
        }
    }
}
