//! A team drill through the window's own systems, without a window: a host
//! on loopback, this app joining as the IC through the lobby, bots in the
//! other seats; the drill plays on the mirror, ends, and the host's debrief
//! comes to the debrief screen.

use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;

use super::Joining;
use crate::app::live::LiveDrill;
use crate::app::screen::Screen;
use crate::net::bot::{self, BotConfig};
use crate::net::client::Target;
use crate::net::host::{self, HostConfig, HostPace};
use crate::net::protocol::ClientFrame;
use crate::world::{Command, Event};

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

#[test]
fn a_trainee_joins_through_the_lobby_plays_on_the_mirror_and_gets_the_hosts_debrief() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = crate::scenario::load(&root.join("scenarios/ics-practice.ron")).unwrap();
    let script = crate::run::script::load(
        &root.join("scenarios/scripts/ics-practice.exemplary.ron"),
        &loaded.scenario,
    )
    .unwrap();
    let dir = std::env::temp_dir().join(format!("firedrill-app-team-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let handle = host::start(HostConfig {
        scenario: loaded,
        seed: 2,
        knobs: Default::default(),
        bind: "127.0.0.1:0".parse().unwrap(),
        team: Some(script.team.clone()),
        spare: 0,
        pace: HostPace::PerSecond(300),
        out: dir.join("s.ron"),
        tls: false,
    })
    .unwrap();
    // Everyone but the IC is a bot; the IC is this app.
    let bots: Vec<_> = script
        .team
        .iter()
        .skip(1)
        .map(|m| {
            let target = Target::parse(&handle.address, handle.ticket(&m.id).unwrap()).unwrap();
            let script = script.clone();
            std::thread::spawn(move || {
                bot::run(BotConfig {
                    target,
                    name: None,
                    script,
                    dump: None,
                    timeout: Duration::from_secs(120),
                })
            })
        })
        .collect();
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.add_plugins((
        crate::app::screen::plugin,
        crate::app::screens::plugin,
        crate::app::live::plugin,
        super::plugin,
    ));
    let history = dir.join("history.ron");
    app.insert_resource(crate::app::attempts::Attempts::load(history));
    app.insert_resource(crate::app::launch::Launch::title(root.join("scenarios")));
    let joining = super::join(
        &handle.address,
        handle.ticket("ana").unwrap(),
        Some("Ana".into()),
    )
    .unwrap();
    app.insert_resource(joining);
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Lobby);
    let started = Instant::now();
    let mut declared = false;
    while started.elapsed() < Duration::from_secs(90) {
        app.update();
        std::thread::sleep(Duration::from_millis(5));
        if screen(&app) == Screen::Lobby
            && let Some(joining) = app.world().get_resource::<Joining>()
        {
            assert!(!joining.0.game_master, "a trainee's code");
        }
        if screen(&app) == Screen::Drill && !declared {
            // The trainee types: the command goes to the host as theirs.
            let mut live = app.world_mut().resource_mut::<LiveDrill>();
            assert_eq!(live.me, "ana");
            assert!(live.room().is_none(), "the drill runs on the host");
            live.queue(Command::Declare(crate::scenario::Severity::Sev1));
            declared = true;
        }
        if app
            .world()
            .get_resource::<crate::app::debrief::Debrief>()
            .is_some_and(|d| d.hosted)
        {
            break;
        }
    }
    assert_eq!(screen(&app), Screen::Debrief, "on to the debrief");
    let live = app.world().resource::<LiveDrill>();
    assert!(live.drill().is_over(), "the mirror saw the end");
    assert!(
        live.drill()
            .log()
            .iter()
            .any(|e| matches!(&e.event, Event::Declared { by, .. } if by == "ana")),
        "the declaration the window sent is the IC's, in the drill"
    );
    assert!(
        !live
            .drill()
            .log()
            .iter()
            .any(|e| matches!(e.event, Event::FaultStarted { .. })),
        "a trainee's mirror holds no ground truth"
    );
    let debrief = app.world().resource::<crate::app::debrief::Debrief>();
    assert!(debrief.report.contains("After Action Report"));
    // Answers go to the host, which rebuilds the report with them, attributed.
    if let Some(remote) = live.remote_link() {
        remote.send(ClientFrame::Answers {
            answers: crate::judge::score::Answers {
                went_well: "Quick declaration".into(),
                ..Default::default()
            },
        });
    }
    let asked = Instant::now();
    loop {
        app.update();
        let report = &app
            .world()
            .resource::<crate::app::debrief::Debrief>()
            .report;
        if report.contains("Ana: Quick declaration") {
            break;
        }
        assert!(
            asked.elapsed() < Duration::from_secs(20),
            "the attributed answer never came back"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    for b in bots {
        b.join().unwrap().unwrap();
    }
}
