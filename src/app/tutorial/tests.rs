//! The tutorial in the app without a window: the coach's words per stage,
//! the pages' buttons, and a whole stage from the title's button to the
//! saved progress.

use bevy_egui::egui;

use super::*;
use crate::app::ui_test::{click_on, placed};
use crate::scenario::Seat;
use crate::tools::tutorial::{Guidance, Say, stage};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "firedrill-app-tutorial-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn coach_texts(id: StageId, say: Say, events: Vec<egui::Event>) -> (String, Option<CoachAction>) {
    let ctx = egui::Context::default();
    let stage = stage(id);
    let guidance = Guidance {
        say,
        done: 2,
        total: stage.steps.len(),
    };
    let mut action = None;
    let texts = placed(&ctx, events, |ui| {
        action = coach_panel(ui, &stage, &guidance)
    });
    let joined = texts
        .iter()
        .map(|(t, _)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    (joined, action)
}

#[test]
fn the_coach_shows_the_prompt_the_hint_or_only_the_stage() {
    let step = &stage(StageId::Scribe).steps[1];
    let (texts, _) = coach_texts(
        StageId::Scribe,
        Say::Prompt {
            goal: step.goal,
            text: step.prompt,
        },
        vec![],
    );
    assert!(texts.contains(&format!("Next: {}", step.goal)), "{texts}");
    assert!(texts.contains(step.prompt));
    assert!(texts.contains("2 of 6 done"));

    let step = &stage(StageId::Communications).steps[1];
    let (texts, _) = coach_texts(
        StageId::Communications,
        Say::Hint {
            goal: step.goal,
            text: step.hint,
        },
        vec![],
    );
    assert!(texts.contains(&format!("Hint — {}", step.goal)), "{texts}");
    assert!(texts.contains(step.hint));

    let (texts, _) = coach_texts(StageId::Command, Say::Nothing, vec![]);
    assert!(texts.contains(stage(StageId::Command).title));
    assert!(
        !texts.contains("Next:") && !texts.contains("Hint") && !texts.contains(" done"),
        "{texts}"
    );
}

#[test]
fn the_coach_ends_the_stage_when_asked() {
    let ctx = egui::Context::default();
    let stage = stage(StageId::Scribe);
    let guidance = Guidance {
        say: Say::Complete,
        done: 6,
        total: 6,
    };
    let texts = placed(&ctx, vec![], |ui| {
        coach_panel(ui, &stage, &guidance);
    });
    let mut action = None;
    placed(&ctx, click_on(&texts, "See how it went"), |ui| {
        action = coach_panel(ui, &stage, &guidance)
    });
    assert_eq!(action, Some(CoachAction::FinishStage));
}

fn page_click(
    tutorial: &Tutorial,
    suggestions: &[(Suggestion, PathBuf)],
    label: &str,
) -> Vec<TutorialAction> {
    let ctx = egui::Context::default();
    let texts = placed(&ctx, vec![], |ui| {
        tutorial_page(ui, tutorial, suggestions);
    });
    let mut actions = Vec::new();
    placed(&ctx, click_on(&texts, label), |ui| {
        actions = tutorial_page(ui, tutorial, suggestions)
    });
    actions
}

#[test]
fn the_pages_start_a_stage_go_on_and_brief_a_suggested_drill() {
    let dir = scratch("pages");
    let mut tutorial = Tutorial::open(&dir.join("tutorial.ron"));
    assert_eq!(tutorial.page, Page::Intro(StageId::Scribe));
    assert_eq!(
        page_click(&tutorial, &[], "Start stage 1"),
        vec![TutorialAction::Start(StageId::Scribe)]
    );

    tutorial.page = Page::Result(crate::tools::tutorial::StageResult {
        stage: StageId::Scribe,
        steps: vec![
            ("Record the decision", true),
            ("Record the mitigation", false),
        ],
        hints: 0,
        notes: vec![],
    });
    assert_eq!(
        page_click(&tutorial, &[], "✘ Record the mitigation").len(),
        0
    );
    assert_eq!(
        page_click(&tutorial, &[], "Continue"),
        vec![TutorialAction::Next]
    );
    assert_eq!(
        page_click(&tutorial, &[], "Try this stage again"),
        vec![TutorialAction::Retry(StageId::Scribe)]
    );

    tutorial.page = Page::Finished;
    let suggestion = Suggestion {
        id: "x".into(),
        title: "A drill".into(),
        difficulty: crate::scenario::Difficulty::Beginner,
        seat: Seat::CL,
        why: "Beginner — takes you back".into(),
    };
    let list = vec![(suggestion, PathBuf::from("x.ron"))];
    assert_eq!(
        page_click(&tutorial, &list, "Brief me (CL)"),
        vec![TutorialAction::Brief("x.ron".into(), Seat::CL)]
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn damaged_progress_is_reported_never_overwritten_and_set_aside_on_starting_over() {
    let dir = scratch("damaged");
    let path = dir.join("tutorial.ron");
    std::fs::write(&path, "Progress(stages: [oops").unwrap();
    let mut tutorial = Tutorial::open(&path);
    let problem = tutorial.problem.clone().unwrap();
    assert!(
        problem.starts_with(&format!("{}:1:", path.display())),
        "{problem}"
    );
    assert_eq!(
        page_click(&tutorial, &[], "Start the tutorial over"),
        vec![TutorialAction::StartOver]
    );

    // A stage finished meanwhile is not written over the damaged file.
    let (live, coach) = start_stage(StageId::Scribe, &scenarios(), 1).unwrap();
    tutorial.coach = Some(coach);
    tutorial.finish_stage(live.drill(), None);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "Progress(stages: [oops"
    );
    assert!(
        tutorial
            .problem
            .as_deref()
            .is_some_and(|p| p.starts_with("Progress not saved")),
        "the trainee is told: {:?}",
        tutorial.problem
    );

    tutorial.start_over();
    assert!(!tutorial.damaged);
    assert_eq!(
        std::fs::read_to_string(dir.join("tutorial.ron.damaged")).unwrap(),
        "Progress(stages: [oops"
    );
    assert_eq!(Progress::load(&path).unwrap(), Progress::default());
    std::fs::remove_dir_all(dir).unwrap();
}

fn scenarios() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

mod flow {
    use std::time::Duration;

    use bevy::state::app::StatesPlugin;
    use bevy::time::TimeUpdateStrategy;

    use super::*;
    use crate::tools::tutorial::new_hire::NewHire;

    fn screen(app: &App) -> Screen {
        *app.world().resource::<State<Screen>>().get()
    }

    #[test]
    fn a_stage_runs_from_its_page_to_the_saved_progress_and_the_next_stage() {
        let dir = scratch("flow");
        let progress = dir.join("tutorial.ron");
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, StatesPlugin));
        app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs(1)));
        app.insert_resource(Launch::title(scenarios()));
        app.add_plugins((
            crate::app::screen::plugin,
            crate::app::screens::plugin,
            crate::app::live::plugin,
            super::super::plugin,
        ));
        app.update();
        app.insert_resource(Tutorial::open(&progress));
        app.world_mut()
            .resource_mut::<NextState<Screen>>()
            .set(Screen::Tutorial);
        app.update();
        assert_eq!(screen(&app), Screen::Tutorial);

        app.world_mut()
            .write_message(TutorialAction::Start(StageId::Scribe));
        app.update();
        app.update();
        assert_eq!(screen(&app), Screen::Drill);
        {
            let live = app.world().resource::<LiveDrill>();
            assert!(live.paused(), "a stage starts paused");
            assert_eq!(live.seat, Seat::Scribe);
        }
        app.world_mut()
            .resource_mut::<LiveDrill>()
            .set_paused(false);
        app.world_mut().resource_mut::<LiveDrill>().set_speed(60);

        // The new hire follows the coach until the coach says the stage is done.
        let mut new_hire = NewHire::new(20);
        for _ in 0..400 {
            let world = app.world_mut();
            let (live, mut tutorial) = (
                world.resource::<LiveDrill>().drill().clone(),
                world.resource_mut::<Tutorial>(),
            );
            let Some(coach) = tutorial.coach.as_mut() else {
                break;
            };
            let said = coach.observe(&live).say;
            if said == Say::Complete {
                world.write_message(TutorialAction::FinishStage);
            } else if let Some(command) = new_hire.act(coach, &live, "you") {
                world.resource_mut::<LiveDrill>().queue(command);
            }
            app.update();
        }
        app.update();
        assert_eq!(screen(&app), Screen::Tutorial);
        // The end of a stage's drill leads to its page and stays there: the
        // debrief does not take the message up a frame later.
        for _ in 0..3 {
            app.update();
        }
        assert_eq!(screen(&app), Screen::Tutorial);
        assert!(
            !app.world()
                .contains_resource::<crate::app::debrief::Debrief>()
        );
        let tutorial = app.world().resource::<Tutorial>();
        let Page::Result(result) = &tutorial.page else {
            panic!("{:?}", tutorial.page)
        };
        assert!(result.complete(), "{result:?}");
        let saved = Progress::load(&progress).unwrap();
        assert_eq!(saved.next_stage(), Some(StageId::Communications));
        assert!(
            saved.stages[0]
                .session
                .as_deref()
                .is_some_and(|s| std::path::Path::new(s).exists()),
            "the stage was journaled"
        );

        app.world_mut().write_message(TutorialAction::Next);
        app.update();
        assert_eq!(
            app.world().resource::<Tutorial>().page,
            Page::Intro(StageId::Communications)
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
