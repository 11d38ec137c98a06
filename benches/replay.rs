//! Seeking in a long recording: the replay viewer's scrubber must answer
//! anywhere in a 2-hour drill within 50 ms. The recording is the largest
//! bundled scenario run for two hours by a busy human team that never fixes
//! it (so faults, responders, executives and customers run the whole time):
//! command-post chatter every 15 s, an order to a responder every minute,
//! an ISD edit every 2 minutes, a status post every 10, and a game master
//! pinning a note every 5.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use firedrill::base::time::{Dur, MINUTE, Tick};
use firedrill::run::Simulation;
use firedrill::run::replay::{KEYFRAME_EVERY, Replay};
use firedrill::run::session::{Header, Session};
use firedrill::scenario::Area;
use firedrill::scenario::{self, LoadedScenario};
use firedrill::world::comms::{Channel, IsdSection, MessageKind, StatusState};
use firedrill::world::{Command, GAME_MASTER, Input, Task};

const TWO_HOURS: Tick = 120 * MINUTE;

/// What the busy team and the game master do at `now`.
fn busy_team(now: Tick) -> Vec<Input> {
    let input = |by: &str, command| Input {
        by: by.into(),
        command,
    };
    let mut out = Vec::new();
    if now.is_multiple_of(15) {
        out.push(input(
            "h0",
            Command::Say {
                channel: Channel::CommandPost,
                kind: MessageKind::Chat,
                text: format!("Status check at {}: still degraded, keep going", now / 60),
            },
        ));
    }
    if now >= 15 * MINUTE && now % MINUTE == 7 {
        let who = ["kofi", "lena", "dmitri"][(now / MINUTE) as usize % 3];
        out.push(input(
            "h0",
            Command::Order {
                to: Some(who.into()),
                task: Task::Investigate("web-trading".into()),
                timebox: Some(Dur(5 * MINUTE)),
                text: format!("@{who} look at the web tier again, report in 5m"),
            },
        ));
    }
    if now % (2 * MINUTE) == 30 {
        out.push(input(
            "h3",
            Command::EditIsd {
                section: IsdSection::Timeline,
                text: format!("T+{}: still investigating", now / 60),
            },
        ));
    }
    if now % (10 * MINUTE) == 45 {
        out.push(input(
            "h2",
            Command::PostStatus {
                state: StatusState::Investigating,
                impact: "Some customers cannot trade.".into(),
                components: vec![],
                next_update: Some(Dur(10 * MINUTE)),
                text: "We are still investigating.".into(),
            },
        ));
    }
    if now > 0 && now.is_multiple_of(5 * MINUTE) {
        out.push(input(
            GAME_MASTER,
            Command::Note {
                area: Area::Command,
                rating: Some(3),
                text: format!("Checkpoint at minute {}", now / MINUTE),
            },
        ));
    }
    out
}

fn recording() -> (LoadedScenario, Session) {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios/shared-storage-failure.ron");
    let mut loaded = scenario::load(&path).unwrap_or_else(|d| panic!("{d}"));
    loaded.scenario.time_limit = TWO_HOURS;
    let team = firedrill::tools::synthetic::seated_team();
    let mut drill = Simulation::new(loaded.scenario.clone(), 7, &team);
    let mut inputs = Vec::new();
    while !drill.is_over() {
        let now = drill.now();
        let tick = busy_team(now);
        inputs.extend(tick.iter().map(|i| (now, i.clone())));
        drill.step(&tick);
    }
    let end = drill.outcome().map(|o| (drill.now() - 1, o));
    let session = Session {
        header: Header::new(&loaded, 7, team, None),
        inputs,
        events: drill.log().to_vec(),
        end,
    };
    (loaded, session)
}

fn seek(c: &mut Criterion) {
    let (loaded, session) = recording();
    let replay = Replay::new(&session, &loaded).expect("replays");
    eprintln!(
        "2-hour recording: {} events, {} inputs, length {} s, {} keyframes",
        session.events.len(),
        session.inputs.len(),
        replay.length(),
        replay.length() / KEYFRAME_EVERY + 1
    );
    let mut group = c.benchmark_group("replay_2h");
    group.sample_size(20);
    group.bench_function("open (re-simulate once, keep keyframes)", |b| {
        b.iter(|| black_box(Replay::new(&session, &loaded).unwrap().length()))
    });
    // Sixteen moments spread over the recording, visited in a scrambled order.
    let moments: Vec<Tick> = (0..16u32)
        .map(|i| (i * 7 % 16) * TWO_HOURS / 16 + 37)
        .collect();
    let mut i = 0;
    group.bench_function("seek anywhere", |b| {
        b.iter(|| {
            i = (i + 1) % moments.len();
            black_box(replay.seek(moments[i]).now())
        })
    });
    // The worst case: the end of the log, one tick short of a keyframe.
    let worst = (replay.length() / KEYFRAME_EVERY) * KEYFRAME_EVERY - 1;
    group.bench_function("seek worst case (late, just before a keyframe)", |b| {
        b.iter(|| black_box(replay.seek(worst).now()))
    });
    group.bench_function("without keyframes: re-simulate to the end", |b| {
        b.iter(|| {
            black_box(
                firedrill::run::session::rerun(&session, &loaded, Some(worst))
                    .unwrap()
                    .now(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, seek);
criterion_main!(benches);
