//! The tutorial as a person plays it: typed through the composer, one
//! thing done counting for one step, hints timed from the log.

use super::*;

/// What a person types into the composer for each step, in each stage
/// (the channel and message kind chosen with the composer's buttons).
fn typed(
    stage: StageId,
    step: usize,
) -> (
    &'static str,
    crate::world::comms::Channel,
    crate::world::comms::MessageKind,
) {
    use crate::world::comms::{Channel::*, MessageKind::*};
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
                let cx = crate::lenses::compose::Context {
                    scenario: drill.scenario(),
                    people: drill.people(),
                    channel,
                    kind,
                    affected: crate::lenses::compose::affected_components(&drill),
                };
                let command = crate::lenses::compose::parse(text, &cx)
                    .unwrap_or_else(|e| panic!("{text}: {e}"));
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
            crate::world::Event::RoleAssigned {
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
    use crate::world::comms::{Channel, MessageKind};
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
                command: crate::world::Command::Say {
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
        command: crate::world::Command::Declare(crate::scenario::Severity::Sev2),
    }]);
    coach.observe(&drill);
    assert_eq!(
        coach.result(&drill).steps[1],
        ("Declare the incident", true)
    );
}
