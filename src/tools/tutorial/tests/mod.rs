//! The tutorial, played by scripted new hires: every stage can be completed,
//! and the coach's help fades from prompts to hints-on-stall to silence.

use super::*;
use crate::base::time::{Dur, Tick};
use crate::run::Simulation;
use crate::scenario::{Scenario, Seat};
use crate::world::{Drill, HumanSpec, Input};

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
fn begin(stage: Stage) -> (Simulation, Coach) {
    let me = HumanSpec {
        id: ME.into(),
        name: "New Hire".into(),
        seat: stage.seat,
        joins: Dur(0),
    };
    (
        Simulation::new(scenario(), SEED, &[me]),
        Coach::new(stage, ME),
    )
}

/// What happened in a stage, second by second.
struct Run {
    drill: Simulation,
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
            crate::world::Event::CommandRefused { by, reason, .. } if by == ME => {
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

mod library;
mod typing;
