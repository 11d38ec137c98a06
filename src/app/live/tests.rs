//! The live drill: wall time to ticks, queued commands, the game master's
//! commands during a pause, and the whole app flow without a window.

use super::*;
use crate::scenario::{LoadedScenario, Severity};
use crate::world::Event;

fn tiny() -> LoadedScenario {
    LoadedScenario {
        scenario: crate::testing::tiny(),
        path: "tiny.ron".into(),
        hash: "h".into(),
    }
}

#[test]
fn wall_time_becomes_ticks_at_the_chosen_speed_and_pause_stops_it() {
    let mut live = LiveDrill::start(&tiny(), Seat::IC, 1, None, None).unwrap();
    assert_eq!(live.advance(0.5), 0);
    assert_eq!(live.advance(0.5), 1);
    live.set_speed(10);
    assert_eq!(live.advance(1.0), 10);
    live.set_paused(true);
    assert_eq!(live.advance(5.0), 0);
    assert_eq!(live.drill().now(), 11);
}

#[test]
fn a_game_masters_recording_says_so_and_its_branches_keep_the_console() {
    let dir = std::env::temp_dir().join(format!("firedrill-live-gm-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let path = dir.join("s.ron");
    let mut live = LiveDrill::start_instructed(
        &tiny(),
        Seat::IC,
        1,
        None,
        Some(path.clone()),
        Default::default(),
    )
    .unwrap();
    live.set_speed(10);
    live.advance(5.0);
    let header = crate::run::session::read(&path).unwrap().session.header;
    assert!(header.instructor);
    assert_eq!(header.team.len(), 1, "the trainee is still on the team");
    let drill = live.room().unwrap().simulation().clone();
    let out = dir.join("branch.ron");
    let branched = LiveDrill::branched(
        drill,
        crate::run::session::Journal::create(&out, &header).unwrap(),
        out,
        None,
        header.instructor,
    );
    assert!(branched.instructor && branched.me == "you");
}

#[test]
fn a_game_master_command_given_during_a_pause_lands_at_the_paused_time() {
    let loaded = LoadedScenario {
        scenario: crate::testing::tiny_with(
            r#"executives: [(id: "cto", name: "Kim", title: "CTO", patience: "5m")],"#,
            r#"executives: [(id: "cto", name: "Kim", title: "CTO", patience: "5m")],
injects: [(at: "20m", from: Executive("cto"), text: "Are we down?")],"#,
        ),
        path: "tiny.ron".into(),
        hash: "h".into(),
    };
    let mut live = LiveDrill::start_unattended(&loaded, 1, None, None, Default::default()).unwrap();
    assert!(live.instructor && live.me == crate::world::GAME_MASTER);
    live.set_speed(10);
    live.advance(30.0);
    let paused_at = live.drill().now();
    live.set_paused(true);
    live.queue_gm(Command::TriggerInject(0));
    live.queue_gm(Command::Note {
        area: crate::scenario::Area::Command,
        rating: None,
        text: "paused here".into(),
    });
    // A long pause in wall time: nothing moves, the commands wait.
    assert_eq!(live.advance(120.0), 0);
    assert_eq!(live.gm_pending().len(), 2);
    live.set_paused(false);
    live.advance(0.2);
    live.advance(1.0);
    let at = |want: fn(&Event) -> bool| {
        live.drill()
            .log()
            .iter()
            .find(|e| want(&e.event))
            .map(|e| e.at)
    };
    assert_eq!(
        at(|e| matches!(
            e,
            Event::InjectDelivered {
                instructor: true,
                ..
            }
        )),
        Some(paused_at)
    );
    assert_eq!(
        at(|e| matches!(e, Event::ObserverNote { .. })),
        Some(paused_at)
    );
    assert!(live.gm_pending().is_empty());
}

#[test]
fn a_queued_command_is_applied_on_the_next_tick_as_the_trainee() {
    let mut live = LiveDrill::start(&tiny(), Seat::IC, 1, None, None).unwrap();
    live.queue(Command::Declare(Severity::Sev2));
    live.step_once();
    assert!(
        live.drill()
            .log()
            .iter()
            .any(|e| matches!(&e.event, Event::Declared { by, .. } if by == "you"))
    );
}

mod app_tests {
    use std::time::Duration;

    use bevy::ecs::system::RunSystemOnce;
    use bevy::prelude::*;
    use bevy::state::app::StatesPlugin;
    use bevy::time::TimeUpdateStrategy;

    use super::LiveDrill;
    use crate::app::screen::{Choice, Screen};
    use crate::scenario::{LoadedScenario, Seat, Severity};
    use crate::world::{Command, Event};

    fn app() -> App {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, StatesPlugin));
        app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs(1)));
        app.add_plugins((
            crate::app::screen::plugin,
            crate::app::screens::plugin,
            super::plugin,
        ));
        let history = std::env::temp_dir()
            .join(format!("firedrill-app-history-{}", std::process::id()))
            .join("history.ron");
        let _ = std::fs::remove_file(&history);
        app.insert_resource(crate::app::attempts::Attempts::load(history));
        app
    }

    fn screen(app: &App) -> Screen {
        *app.world().resource::<State<Screen>>().get()
    }

    #[test]
    fn briefing_to_drill_to_debrief_with_commands_reaching_the_core() {
        let mut app = app();
        app.update();
        assert_eq!(screen(&app), Screen::Title);
        let loaded = LoadedScenario {
            scenario: crate::testing::tiny(),
            path: "tiny.ron".into(),
            hash: "h".into(),
        };
        let choice = Choice {
            scenario: Some("tiny.ron".into()),
            seat: Seat::IC,
            seed: 3,
            ..Default::default()
        };
        app.world_mut()
            .run_system_once(
                move |mut commands: Commands, mut next: ResMut<NextState<Screen>>| {
                    let mut live =
                        LiveDrill::start(&loaded, choice.seat, choice.seed, None, None).unwrap();
                    live.set_speed(10);
                    commands.insert_resource(live);
                    next.set(Screen::Drill);
                },
            )
            .unwrap();
        app.update();
        assert_eq!(screen(&app), Screen::Drill);

        // A command from the UI is queued, applied on the next tick, and shows in the log.
        app.world_mut()
            .resource_mut::<LiveDrill>()
            .queue(Command::Declare(Severity::Sev2));
        app.update();
        let declared = app
            .world()
            .resource::<LiveDrill>()
            .drill()
            .log()
            .iter()
            .any(|e| matches!(&e.event, Event::Declared { by, .. } if by == "you"));
        assert!(declared, "UI command -> core command -> tick -> event");

        // Pausing stops the clock.
        app.world_mut().resource_mut::<LiveDrill>().set_paused(true);
        let before = app.world().resource::<LiveDrill>().drill().now();
        app.update();
        assert_eq!(app.world().resource::<LiveDrill>().drill().now(), before);
        app.world_mut()
            .resource_mut::<LiveDrill>()
            .set_paused(false);

        // Simulated people finish the drill; the screen moves to the debrief.
        for _ in 0..2000 {
            app.update();
            if screen(&app) == Screen::Debrief {
                break;
            }
        }
        assert_eq!(screen(&app), Screen::Debrief);
        assert!(app.world().resource::<LiveDrill>().drill().is_over());
        app.update();
        // The debrief scored the drill and kept the attempt on disk.
        let debrief = app.world().resource::<crate::app::debrief::Debrief>();
        assert!(debrief.card.overall.is_some());
        let attempts = app.world().resource::<crate::app::attempts::Attempts>();
        let saved = crate::judge::history::History::load(&attempts.path).unwrap();
        assert_eq!(saved.attempts.len(), 1);
        assert_eq!(saved.attempts[0].seat, Some(Seat::IC));

        // Leaving the debrief lets the drill go.
        app.world_mut()
            .resource_mut::<NextState<Screen>>()
            .set(Screen::Picker);
        app.update();
        assert!(!app.world().contains_resource::<LiveDrill>());
    }
}
