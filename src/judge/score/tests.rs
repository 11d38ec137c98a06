//! Unit tests of the rubric on small drills.

use super::*;
use crate::testing;

#[test]
fn a_quiet_log_is_not_applicable_rather_than_zero() {
    let scenario = testing::tiny();
    let card = score(&scenario, &[], None);
    assert_eq!(card.overall, None);
    assert!(card.criteria.iter().all(|j| j.value.is_none()));
    assert!(!card.get(Criterion::C15).note.is_empty());
}

#[test]
fn a_reopened_incident_is_not_recovered_until_it_recovers_again() {
    use crate::world::{Entry, Event};
    let scenario = testing::tiny();
    let at = |at, event| Entry { at, event };
    let mut log = vec![
        at(
            60,
            Event::AlertFired {
                alert: "db-errors".into(),
                component: "db".into(),
                severity: crate::scenario::AlertSeverity::Page,
                text: "DB errors".into(),
            },
        ),
        at(300, Event::IncidentMitigated),
        at(
            400,
            Event::IncidentReopened {
                fault: "db-corrupt".into(),
            },
        ),
    ];
    let card = score(&scenario, &log, None);
    assert_eq!(card.mitigated, None);
    assert_eq!(card.value(Criterion::C14), Some(0.0));
    log.push(at(900, Event::IncidentMitigated));
    let card = score(&scenario, &log, None);
    assert_eq!(card.mitigated, Some(900));
}

#[test]
fn wild_message_ids_and_times_in_a_hand_edited_log_do_not_panic() {
    use crate::world::comms::{Channel, Message, MessageKind};
    use crate::world::{Entry, Event};
    let scenario = testing::tiny();
    let message = Message {
        id: u32::MAX,
        at: u32::MAX - 1,
        from: "ana".into(),
        channel: Channel::CommandPost,
        kind: MessageKind::Order,
        text: "@ben T+99999999999 go".into(),
        mentions: vec!["ben".into()],
        due: Some(u32::MAX),
        reply_to: Some(u32::MAX),
        task: None,
        report: None,
    };
    let log = vec![Entry {
        at: u32::MAX - 1,
        event: Event::Posted(Box::new(message)),
    }];
    let card = score(&scenario, &log, None);
    assert_eq!(card.ended, u32::MAX - 1);
}

/// Scoring rules pinned on purpose: orders are judged by the one definition
/// simulated people answer by (a free task of one word is no clear task), and
/// a typed report's Conditions / Actions / Needs are read whatever their case.
#[test]
fn a_one_word_task_is_unclear_and_a_lowercase_report_is_in_can_form() {
    use crate::world::comms::{Channel, MessageKind};
    use crate::world::{Command, Task};
    let mut d = testing::drill_with_ol();
    testing::order(
        &mut d,
        "ana",
        "ben",
        Task::Free("restart".into()),
        Some(300),
    );
    testing::act(
        &mut d,
        "ben",
        Command::Say {
            channel: Channel::CommandPost,
            kind: MessageKind::Report,
            text: "@ana c: the database refuses writes a: restarting it n: nothing yet".into(),
        },
    );
    testing::idle_until(&mut d, 120);
    let card = score(d.scenario(), d.log(), None);
    let unclear = card
        .get(Criterion::C6)
        .marks
        .iter()
        .find(|m| m.text.contains("gave no clear task"))
        .expect("the one-word order is marked");
    assert!((unclear.value - 0.6).abs() < 1e-9, "{unclear:?}");
    assert!(
        card.get(Criterion::C7).marks.iter().any(|m| m
            .text
            .contains("1 of 1 OL reports were in Conditions / Actions / Needs form")),
        "{:?}",
        card.get(Criterion::C7).marks
    );
}
