//! Responders: orders answered, vague asks questioned, freelancers held back.

use crate::testing::{act, drill, drill_with_ol, idle_until, order};
use crate::world::comms::MessageKind;
use crate::world::{Command, Event, Task};

fn messages_from<'a>(
    d: &'a crate::world::Drill,
    who: &str,
) -> Vec<&'a crate::world::comms::Message> {
    d.messages().iter().filter(|m| m.from == who).collect()
}

/// The actions someone started, in order.
fn started_by<'a>(d: &'a crate::world::Drill, who: &str) -> Vec<&'a str> {
    d.log()
        .iter()
        .filter_map(|e| match &e.event {
            Event::ActionStarted { by, action, .. } if by == who => Some(action.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn joiners_announce_themselves() {
    let mut d = drill();
    idle_until(&mut d, 3 * 60);
    assert!(
        messages_from(&d, "raj")
            .iter()
            .any(|m| m.text.contains("Raj here (database)"))
    );
}

#[test]
fn a_well_formed_order_is_acknowledged_worked_and_reported_in_can_form() {
    let mut d = drill_with_ol();
    idle_until(&mut d, 130);
    order(&mut d, "ben", "raj", Task::Run("look".into()), Some(300));
    idle_until(&mut d, 400);
    let raj = messages_from(&d, "raj");
    assert!(
        raj.iter().any(|m| m.kind == MessageKind::Ack),
        "acknowledged"
    );
    let report = raj
        .iter()
        .find(|m| m.kind == MessageKind::Report)
        .expect("reported");
    assert!(
        report
            .text
            .starts_with("@ben C: Disk full A: ran Look at the DB N:"),
        "{}",
        report.text
    );
    assert!(
        d.orders()[0]
            .acked_at
            .is_some_and(|t| t - d.orders()[0].at <= 120),
        "closed loop within 2 minutes"
    );
}

#[test]
fn vague_asks_get_a_question_back_instead_of_an_ack() {
    let mut d = drill();
    idle_until(&mut d, 130);
    act(
        &mut d,
        "ben",
        Command::Say {
            channel: crate::world::comms::Channel::CommandPost,
            kind: MessageKind::Order,
            text: "can someone check the database?".into(),
        },
    );
    order(
        &mut d,
        "ben",
        "raj",
        Task::Free("check the disks".into()),
        None,
    );
    idle_until(&mut d, 260);
    let questions: Vec<String> = d
        .messages()
        .iter()
        .filter(|m| m.kind == MessageKind::Question)
        .map(|m| m.text.clone())
        .collect();
    assert!(
        questions
            .iter()
            .any(|q| q.contains("Who do you want on that")),
        "{questions:?}"
    );
    assert!(
        questions.iter().any(|q| q.contains("by when")),
        "{questions:?}"
    );
    assert!(
        !d.messages().iter().any(|m| m.kind == MessageKind::Ack),
        "no ack for a vague order"
    );
}

#[test]
fn an_idle_freelancer_touches_production_unless_told_to_stand_by() {
    let mut loose = drill();
    idle_until(&mut loose, 6 * 60);
    assert!(
        loose
            .log()
            .iter()
            .any(|e| matches!(&e.event, Event::ActionRefused { by, .. } if by == "tom")),
        "outside the chain: refused"
    );

    let mut held = drill_with_ol();
    idle_until(&mut held, 125);
    act(
        &mut held,
        "ben",
        Command::Order {
            to: Some("tom".into()),
            task: Task::StandBy,
            timebox: None,
            text: "@tom stand by".into(),
        },
    );
    idle_until(&mut held, 6 * 60);
    assert!(!held.log().iter().any(|e| matches!(&e.event, Event::ActionStarted { by, .. } | Event::ActionRefused { by, .. } if by == "tom")));
}

#[test]
fn a_running_time_box_brings_a_progress_report() {
    let mut d = drill_with_ol();
    idle_until(&mut d, 130);
    order(&mut d, "ben", "raj", Task::Run("grow".into()), Some(30));
    idle_until(&mut d, 200);
    let reports: Vec<String> = d
        .messages()
        .iter()
        .filter(|m| m.from == "raj" && m.kind == MessageKind::Report)
        .map(|m| m.text.clone())
        .collect();
    assert!(
        reports.iter().any(|r| r.contains("could not start")),
        "grow needs the cause first: {reports:?}"
    );
}

#[test]
fn an_order_to_someone_worded_as_to_anyone_gets_asked_back_not_acknowledged() {
    let mut d = drill_with_ol();
    idle_until(&mut d, 130);
    let text = "@raj can someone check the disks in 5m".to_string();
    act(
        &mut d,
        "ben",
        Command::Say {
            channel: crate::world::comms::Channel::CommandPost,
            kind: MessageKind::Order,
            text,
        },
    );
    idle_until(&mut d, 200);
    assert!(
        d.messages()
            .iter()
            .any(|m| m.from == "raj" && m.text.contains("do you mean me"))
    );
    assert!(d.orders()[0].acked_at.is_none());
}

#[test]
fn anyone_in_an_order_to_a_named_person_is_a_word_not_an_ask() {
    let mut d = drill_with_ol();
    idle_until(&mut d, 130);
    act(
        &mut d,
        "ben",
        Command::Say {
            channel: crate::world::comms::Channel::CommandPost,
            kind: MessageKind::Order,
            text: "@raj check the disks and whether anyone else changed them, in 5m".into(),
        },
    );
    idle_until(&mut d, 200);
    assert!(
        !d.messages()
            .iter()
            .any(|m| m.from == "raj" && m.text.contains("do you mean me")),
        "not asked back"
    );
    assert!(d.orders()[0].acked_at.is_some(), "acknowledged");
}

#[test]
fn an_order_to_a_busy_responder_waits_for_the_work_in_hand_then_runs() {
    let mut d = drill_with_ol();
    idle_until(&mut d, 130);
    order(&mut d, "ben", "raj", Task::Run("look".into()), Some(300));
    idle_until(&mut d, 150);
    // Raj is reading the DB for a minute; the next order arrives meanwhile.
    order(&mut d, "ben", "raj", Task::Run("free".into()), Some(600));
    idle_until(&mut d, 600);
    let refused = d.log().iter().any(|e| {
        matches!(&e.event, Event::ActionRefused { by, .. } | Event::CommandRefused { by, .. } if by == "raj")
    });
    assert!(!refused, "nothing was tried while busy");
    let started = started_by(&d, "raj");
    assert_eq!(started, ["look", "free"]);
    assert!(
        d.orders()
            .iter()
            .all(|o| o.acked_at.is_some() && !o.is_open()),
        "both loops closed"
    );
}

#[test]
fn told_to_stand_by_a_busy_responder_drops_what_was_waiting() {
    let mut d = drill_with_ol();
    idle_until(&mut d, 130);
    order(&mut d, "ben", "raj", Task::Run("look".into()), Some(300));
    idle_until(&mut d, 150);
    order(&mut d, "ben", "raj", Task::Run("free".into()), Some(600));
    order(&mut d, "ben", "raj", Task::StandBy, None);
    idle_until(&mut d, 600);
    let started = started_by(&d, "raj");
    assert_eq!(started, ["look"], "no production change after \"stand by\"");
}

#[test]
fn an_order_answered_with_a_question_is_closed_by_the_report_on_it() {
    let mut d = drill_with_ol();
    idle_until(&mut d, 130);
    // An acknowledged "stand by" stays open; then an order without a time box,
    // which Raj answers with a question and works on anyway.
    order(&mut d, "ben", "raj", Task::StandBy, None);
    idle_until(&mut d, 160);
    order(&mut d, "ben", "raj", Task::Run("look".into()), None);
    idle_until(&mut d, 600);
    let look = d
        .orders()
        .iter()
        .find(|o| o.task == Task::Run("look".into()))
        .unwrap();
    assert!(
        look.acked_at.is_none(),
        "answered with a question, not an ack"
    );
    assert!(!look.is_open(), "closed by Raj's report on it");
}
