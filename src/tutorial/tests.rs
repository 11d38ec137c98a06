//! The tutorial, played by scripted new hires: every stage can be completed,
//! and the coach's help fades from prompts to hints-on-stall to silence.

use super::*;
use crate::drill::{Drill, HumanSpec, Input};
use crate::scenario::{Scenario, Seat};
use crate::time::{Dur, Tick};

const ME: &str = "you";

fn scenario() -> Scenario {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(SCENARIO_FILE);
    crate::scenario::load(&path)
        .unwrap_or_else(|e| panic!("{e}"))
        .scenario
}

/// At a tick: the step current then (with since when) and what the coach said.
type Moment = (Tick, Option<(usize, Tick)>, Say);

/// A fresh drill with the trainee in the stage's seat, and its coach.
fn begin(stage: Stage) -> (Drill, Coach) {
    let me = HumanSpec {
        id: ME.into(),
        name: "New Hire".into(),
        seat: stage.seat,
        joins: Dur(0),
    };
    (Drill::new(scenario(), SEED, &[me]), Coach::new(stage, ME))
}

/// What happened in a stage, second by second.
struct Run {
    drill: Drill,
    coach: Coach,
    said: Vec<Moment>,
}

/// Plays a stage with a new hire who acts `delay` seconds after each step is
/// theirs (`None`: a trainee who never does anything).
fn play(id: StageId, delay: Option<Tick>) -> Run {
    let stage = stage(id);
    let (mut drill, mut coach) = begin(stage);
    let mut new_hire = delay.map(new_hire::NewHire::new);
    let mut said = Vec::new();
    while !drill.is_over() {
        let guidance = coach.observe(&drill);
        said.push((drill.now(), coach.current_step(), guidance.say));
        let inputs: Vec<Input> = new_hire
            .as_mut()
            .and_then(|n| n.act(&coach, &drill, ME))
            .map(|command| Input {
                by: ME.into(),
                command,
            })
            .into_iter()
            .collect();
        drill.step(&inputs);
    }
    coach.observe(&drill);
    Run { drill, coach, said }
}

fn refusals(drill: &Drill) -> Vec<String> {
    drill
        .log()
        .iter()
        .filter_map(|e| match &e.event {
            crate::drill::Event::CommandRefused { by, reason, .. } if by == ME => {
                Some(reason.clone())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn the_scripted_new_hire_completes_every_stage() {
    for id in StageId::ALL {
        let run = play(id, Some(20));
        let result = run.coach.result(&run.drill);
        assert!(
            result.complete(),
            "{id:?}: steps left undone {:?}; refused: {:?}",
            result.steps,
            refusals(&run.drill)
        );
        assert!(refusals(&run.drill).is_empty(), "{id:?}");
        assert_eq!(result.hints, 0, "{id:?}: a prompt follower never stalls");
        assert!(
            run.said.iter().any(|(_, _, say)| *say == Say::Complete),
            "{id:?}: the coach says when the stage is done"
        );
    }
}

#[test]
fn the_first_stage_spells_out_every_step_the_moment_it_can_be_done() {
    let run = play(StageId::Scribe, Some(20));
    let steps = &stage(StageId::Scribe).steps;
    for (at, current, say) in &run.said {
        match current {
            Some((i, _)) => assert_eq!(
                *say,
                Say::Prompt {
                    goal: steps[*i].goal,
                    text: steps[*i].prompt
                },
                "at {at}"
            ),
            None if !run
                .coach
                .done_at()
                .iter()
                .all(|d| d.is_some_and(|d| d < *at)) =>
            {
                assert!(
                    matches!(say, Say::Watch | Say::Complete),
                    "at {at}: {say:?}"
                )
            }
            None => {}
        }
    }
    // Each prompt showed at its cue: the scribe's first is the role assignment.
    let first = run
        .said
        .iter()
        .find(|(_, current, _)| current.is_some())
        .expect("a step became current");
    assert!(matches!(
        first.2,
        Say::Prompt {
            goal: "Acknowledge your role",
            ..
        }
    ));
}

#[test]
fn the_second_stage_hints_only_after_a_stall_and_the_third_never() {
    let slow = play(StageId::Communications, Some(STALL_AFTER + 30));
    assert!(slow.coach.complete());
    let steps = &stage(StageId::Communications).steps;
    for (at, current, say) in &slow.said {
        match (current, say) {
            (Some((i, since)), Say::Hint { goal, text }) => {
                assert!(
                    *at >= since + STALL_AFTER,
                    "hint at {at}, stuck since {since}"
                );
                assert_eq!((*goal, *text), (steps[*i].goal, steps[*i].hint));
            }
            (Some((_, since)), Say::Nothing) => {
                assert!(
                    *at < since + STALL_AFTER,
                    "no hint at {at}, stuck since {since}"
                )
            }
            (None, Say::Nothing | Say::Complete) => {}
            (_, other) => panic!("at {at}: the second stage never says {other:?}"),
        }
    }
    // The first hint shows exactly STALL_AFTER after the trainee was given the role.
    let cue = slow
        .said
        .iter()
        .find_map(|(_, current, _)| current.map(|(_, since)| since))
        .unwrap();
    assert_eq!(slow.coach.hinted_at()[0], Some(cue + STALL_AFTER));
    assert!(slow.coach.result(&slow.drill).hints >= 3);

    // Just as slow in the third stage: silence throughout.
    let slow = play(StageId::Command, Some(STALL_AFTER + 30));
    assert!(
        slow.coach.complete(),
        "{:?}",
        slow.coach.result(&slow.drill)
    );
    assert!(
        slow.said
            .iter()
            .all(|(_, _, say)| matches!(say, Say::Nothing | Say::Complete))
    );
    assert_eq!(slow.coach.result(&slow.drill).hints, 0);
}

#[test]
fn a_trainee_who_does_nothing_gets_one_hint_per_stalled_step_in_the_second_stage_only() {
    let idle = play(StageId::Communications, None);
    assert!(!idle.coach.complete());
    let hints: Vec<&Say> = idle
        .said
        .iter()
        .map(|(_, _, say)| say)
        .filter(|say| matches!(say, Say::Hint { .. }))
        .collect();
    assert!(!hints.is_empty());
    // Stuck on the first step, the same hint stays up; no other step is hinted.
    assert!(hints.iter().all(|say| matches!(
        say,
        Say::Hint {
            goal: "Acknowledge your role",
            ..
        }
    )));
    let result = idle.coach.result(&idle.drill);
    assert_eq!((result.hints, result.done()), (1, 0));

    let idle = play(StageId::Command, None);
    assert!(idle.said.iter().all(|(_, _, say)| *say == Say::Nothing));
}

#[test]
fn the_handoff_briefing_is_judged_in_the_stage_summary() {
    let run = play(StageId::Command, Some(20));
    let notes = run.coach.result(&run.drill).notes;
    assert_eq!(
        notes,
        vec!["Your handoff briefing covered all 7 elements.".to_string()]
    );
}

#[test]
fn progress_is_saved_and_a_damaged_file_is_named_and_kept() {
    let dir = std::env::temp_dir().join(format!("firedrill-tutorial-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("tutorial.ron");
    let mut progress = Progress::load(&path).unwrap();
    assert_eq!(progress.next_stage(), Some(StageId::Scribe));

    let run = play(StageId::Scribe, Some(20));
    progress.record(&run.coach.result(&run.drill), None);
    progress.save(&path).unwrap();
    let loaded = Progress::load(&path).unwrap();
    assert_eq!(loaded, progress);
    assert_eq!(loaded.next_stage(), Some(StageId::Communications));
    assert!(loaded.weak_seats().is_empty());

    std::fs::write(
        &path,
        "Progress(stages: [(stage: Scribe, steps_done: 6,\n  steps: six)])",
    )
    .unwrap();
    let err = Progress::load(&path).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}:2:", path.display())), "{err}");
    assert!(err.contains("start the tutorial over"), "{err}");
    let aside = set_aside(&path).unwrap();
    assert!(!path.exists());
    assert!(std::fs::read_to_string(aside).unwrap().contains("six"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn finishing_suggests_the_library_easiest_first_and_the_weak_seat_first_within_a_level() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let library: Vec<Scenario> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| crate::scenario::load(&p).unwrap().scenario)
        .collect();
    let refs: Vec<&Scenario> = library.iter().collect();

    let mut progress = Progress::default();
    for (id, hints) in [
        (StageId::Scribe, 0),
        (StageId::Communications, 2),
        (StageId::Command, 0),
    ] {
        let steps = stage(id).steps.len();
        progress.stages.push(StageRecord {
            stage: id,
            steps_done: steps,
            steps,
            hints,
            session: None,
        });
    }
    assert!(progress.finished());
    assert_eq!(progress.weak_seats(), vec![Seat::CL]);

    let order = suggest_order(&refs, &progress.weak_seats());
    assert_eq!(order.len(), library.len(), "every drill once");
    assert!(order.windows(2).all(|w| w[0].difficulty <= w[1].difficulty));
    let recommends = |id: &str, seat| {
        refs.iter()
            .any(|r| r.id == id && r.recommended_seats.contains(&seat))
    };
    for level in order.chunk_by(|a, b| a.difficulty == b.difficulty) {
        // Each level opens in the hardest seat when one of its drills recommends it.
        if level.iter().any(|s| recommends(&s.id, Seat::CL)) {
            assert_eq!(level[0].seat, Seat::CL, "{level:?}");
            assert!(
                level[0].why.contains("where the tutorial was hardest"),
                "{:?}",
                level[0]
            );
        }
        for s in level {
            assert!(
                recommends(&s.id, s.seat),
                "{s:?} sits a seat its drill does not recommend"
            );
        }
    }
    // The rest rotate: the seat the tutorial never sat (OL) comes up, and no seat takes every drill.
    let seats: std::collections::BTreeSet<Seat> = order.iter().map(|s| s.seat).collect();
    assert!(seats.contains(&Seat::OL) && seats.len() >= 3, "{seats:?}");

    // A trainee who never struggled is sent nowhere "back".
    let calm = suggest_order(&refs, &[]);
    assert!(calm.iter().all(|s| !s.why.contains("hardest")));
}

/// What a person types into the composer for each step, in each stage
/// (the channel and message kind chosen with the composer's buttons).
fn typed(
    stage: StageId,
    step: usize,
) -> (
    &'static str,
    crate::comms::Channel,
    crate::comms::MessageKind,
) {
    use crate::comms::{Channel::*, MessageKind::*};
    let text = match (stage, step) {
        (StageId::Scribe, 0) => "Ack, I'm scribe; the ISD is open",
        (StageId::Scribe, 1) => "/isd timeline Sev2 declared, Morgan is IC",
        (StageId::Scribe, 2) => "/isd actions Rosa: reading the sign-in logs, due T+08",
        (StageId::Scribe, 3) => "/isd decisions revert config push #4812 (Morgan, no objections)",
        (StageId::Scribe, 4) => "/isd timeline config reverted by Rosa, sign-in healthy",
        (StageId::Scribe, 5) => "/isd timeline settings fixed, resolved",
        (StageId::Communications, 0) => "Ack, I'm CL",
        (StageId::Communications, 1) => {
            "/status investigating Some customers cannot sign in. next 15m"
        }
        (StageId::Communications, 2) => {
            "/isd summary Sign-in failing for some customers since 10:01"
        }
        (StageId::Communications, 3) => {
            "Sign-in is failing for some customers; the team is on it. Next update in 15 minutes."
        }
        (StageId::Communications, 4) => {
            "Tell clients we are fixing sign-in; signed-in clients can trade. No fix time yet."
        }
        (StageId::Communications, 5) => "/status monitoring Sign-in works again. next 15m",
        (StageId::Communications, 6) => "/status resolved None. No orders or data were lost.",
        (StageId::Command, 0) => "/ackalert signin-errors",
        (StageId::Command, 1) => "/declare SEV2",
        (StageId::Command, 2) => {
            "/assign @sam OL Sign-in is down; you own production, report every 10m"
        }
        (StageId::Command, 3) => "/assign @casey CL Status page and executives are yours",
        (StageId::Command, 4) => "/assign @riley scribe Keep the ISD timeline and decisions",
        (StageId::Command, 5) => "/order @sam investigate auth 10m",
        (StageId::Command, 6) => "/decide revert config push #4812",
        (StageId::Command, 7) => {
            "/handoff @amara IC Situation: Sev2, sign-in down, fix in. Objectives: resolve. Organisation: OL Sam, CL Casey. Tasks in flight: settings fix, due soon. Pending decisions: none. Commitments: status update promised. Risks: no restarts."
        }
        _ => unreachable!(),
    };
    let (channel, kind) = match (stage, step) {
        (StageId::Communications, 3) => (Executive, StatusUpdate),
        (StageId::Communications, 4) => (Executive, Chat),
        _ => (CommandPost, Ack),
    };
    (text, channel, kind)
}

#[test]
fn a_person_typing_what_the_prompts_say_completes_every_stage() {
    for id in StageId::ALL {
        let stage = stage(id);
        let (mut drill, mut coach) = begin(stage);
        let mut typed_for = None;
        while !drill.is_over() && !coach.complete() {
            coach.observe(&drill);
            let mut inputs = Vec::new();
            if let Some((i, since)) = coach.current_step()
                && typed_for != Some(i)
                && drill.now() >= since + 20
            {
                typed_for = Some(i);
                let (text, channel, kind) = typed(id, i);
                let cx = crate::compose::Context {
                    scenario: drill.scenario(),
                    people: drill.people(),
                    channel,
                    kind,
                    affected: crate::compose::affected_components(&drill),
                };
                let command =
                    crate::compose::parse(text, &cx).unwrap_or_else(|e| panic!("{text}: {e}"));
                inputs.push(Input {
                    by: ME.into(),
                    command,
                });
            }
            drill.step(&inputs);
        }
        coach.observe(&drill);
        let result = coach.result(&drill);
        assert!(
            result.complete(),
            "{id:?}: {:?}; refused {:?}",
            result.steps,
            refusals(&drill)
        );
        assert!(
            result
                .notes
                .iter()
                .all(|n| !n.contains("without") && !n.contains("no time box")),
            "{:?}",
            result.notes
        );
    }
}

#[test]
fn the_first_hint_comes_ninety_seconds_after_the_role_is_given() {
    let slow = play(StageId::Communications, Some(STALL_AFTER + 30));
    let given = slow
        .drill
        .log()
        .iter()
        .find_map(|e| match &e.event {
            crate::drill::Event::RoleAssigned {
                role: crate::scenario::Role::CL,
                to,
                ..
            } if to == ME => Some(e.at),
            _ => None,
        })
        .expect("the simulated IC makes the trainee CL");
    let first_hint = slow
        .said
        .iter()
        .find(|(_, _, say)| matches!(say, Say::Hint { .. }))
        .map(|(at, _, _)| *at);
    assert_eq!(first_hint, Some(given + STALL_AFTER));
}

#[test]
fn one_thing_done_counts_for_one_step_and_an_early_declaration_counts() {
    use crate::comms::{Channel, MessageKind};
    // A CL whose only executive post comes after the question has answered it,
    // but not updated the executives before they asked.
    let stage = stage(StageId::Communications);
    let (mut drill, mut coach) = begin(stage);
    let mut posted = false;
    while !drill.is_over() && drill.now() < 15 * 60 {
        coach.observe(&drill);
        let asked = drill
            .messages()
            .iter()
            .any(|m| m.kind == MessageKind::Question);
        let inputs = if asked && !posted {
            posted = true;
            vec![Input {
                by: ME.into(),
                command: crate::drill::Command::Say {
                    channel: Channel::Executive,
                    kind: MessageKind::StatusUpdate,
                    text: "Sign-in is failing; we are on it.".into(),
                },
            }]
        } else {
            Vec::new()
        };
        drill.step(&inputs);
    }
    coach.observe(&drill);
    let done = coach.result(&drill).steps;
    let exec: Vec<bool> = done
        .iter()
        .filter(|(goal, _)| goal.contains("xecutive"))
        .map(|(_, d)| *d)
        .collect();
    assert_eq!(exec, [true, false], "{done:?}");

    // An IC who declares before the page has declared.
    let stage = super::stage(StageId::Command);
    let (mut drill, mut coach) = begin(stage);
    drill.step(&[]);
    drill.step(&[Input {
        by: ME.into(),
        command: crate::drill::Command::Declare(crate::scenario::Severity::Sev2),
    }]);
    coach.observe(&drill);
    assert_eq!(
        coach.result(&drill).steps[1],
        ("Declare the incident", true)
    );
}
