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

/// A drill on the tiny scenario (tuned by `from` → `to`) with Ana (IC), Ben
/// (OL) and Cleo (a responder until someone names her).
fn three(from: &str, to: &str) -> crate::run::Simulation {
    use crate::base::time::Dur;
    use crate::scenario::Seat;
    use crate::world::HumanSpec;
    let person = |id: &str, seat| HumanSpec {
        id: id.into(),
        name: id.into(),
        seat,
        joins: Dur(0),
    };
    crate::run::Simulation::new(
        testing::tiny_with(from, to),
        1,
        &[
            person("ana", Seat::IC),
            person("ben", Seat::OL),
            person("cleo", Seat::Responder),
        ],
    )
}

fn post_status(d: &mut crate::run::Simulation, by: &str) {
    use crate::base::time::Dur;
    use crate::world::comms::StatusState;
    testing::act(
        d,
        by,
        crate::world::Command::PostStatus {
            state: StatusState::Investigating,
            impact: "Some customers cannot load the web app.".into(),
            components: vec!["Web".into()],
            next_update: Some(Dur(1800)),
            text: "We are investigating errors on the web app.".into(),
        },
    );
}

/// C8 reads customer tickets against the drill's own complaint rate: a
/// first post two minutes after the declaration is on time at 1 ticket a
/// minute and at 40.
#[test]
fn the_first_post_is_judged_alike_whatever_the_complaint_rate() {
    use crate::scenario::Severity;
    use crate::world::Command;
    let mut values = Vec::new();
    for rate in ["1.0", "40.0"] {
        let mut d = three(
            "exit:",
            &format!("customers: (complaints_per_min: {rate}),\n    exit:"),
        );
        testing::idle_until(&mut d, 150);
        testing::act(&mut d, "ana", Command::Declare(Severity::Sev2));
        testing::idle_until(&mut d, 270);
        post_status(&mut d, "ana");
        testing::idle_until(&mut d, 300);
        let tickets = d
            .log()
            .iter()
            .filter(|e| matches!(e.event, crate::world::Event::CustomerTicket { .. }))
            .count();
        let card = score(d.scenario(), d.log(), None);
        let mark = card
            .get(Criterion::C8)
            .marks
            .iter()
            .find(|m| m.text.contains("from customers in the"))
            .cloned()
            .unwrap_or_else(|| panic!("no ticket mark: {:?}", card.get(Criterion::C8).marks));
        values.push((rate, tickets, mark.value));
    }
    assert!(values[1].1 > 10 * values[0].1.max(1), "{values:?}");
    assert!(
        values.iter().all(|&(_, _, v)| v >= 0.99),
        "on time at both rates: {values:?}"
    );
}

/// A lapse falls on whoever held the role while it happened: a CL named
/// late does not carry the silence before she was named.
#[test]
fn a_cl_named_late_does_not_carry_the_silence_before_her() {
    use crate::scenario::{Role, Severity};
    use crate::world::Command;
    let mut d = three("Tiny", "Tiny");
    testing::idle_until(&mut d, 120);
    testing::act(&mut d, "ana", Command::Declare(Severity::Sev2));
    testing::idle_until(&mut d, 120 + 18 * 60);
    testing::act(
        &mut d,
        "ana",
        Command::Assign {
            role: Role::CL,
            to: "cleo".into(),
            briefing: "Status page and executives are yours from now on.".into(),
        },
    );
    testing::idle_until(&mut d, 120 + 20 * 60);
    post_status(&mut d, "cleo");
    testing::idle_until(&mut d, 120 + 22 * 60);
    let card = score(d.scenario(), d.log(), None);
    let first = card
        .get(Criterion::C8)
        .marks
        .iter()
        .find(|m| m.text.contains("First status page update"))
        .expect("the first post is judged");
    assert_eq!(first.who, ["ana", "cleo"], "charged to both holders");
    assert!(first.value < 0.5, "the team waited 20 min: {first:?}");
    assert!(first.value_for("ana") < 0.85, "Ana's 18 min: {first:?}");
    assert_eq!(first.value_for("cleo"), 1.0, "Cleo's 2 min: {first:?}");
    assert!(
        first
            .text
            .contains("CL held by ana 18 min from T+02:00, cleo 2 min from T+20:00"),
        "{first:?}"
    );
    let cleo = card
        .cards
        .iter()
        .find(|c| c.who == "cleo")
        .expect("a card for Cleo");
    let hers = cleo
        .criteria
        .iter()
        .flat_map(|j| &j.marks)
        .find(|m| m.text.contains("First status page update"))
        .expect("the first post is on her card");
    assert_eq!(hers.value, 1.0, "at the value of her own part");
    // The improvement plan's owner is the person its evidence names.
    let facts = Facts::new(d.scenario(), d.log());
    let doc = crate::judge::aar::build(&crate::judge::aar::Input {
        facts: &facts,
        seed: 1,
        card: &card,
        previous: None,
        answers: None,
        knobs: Default::default(),
    })
    .to_markdown();
    let plan = doc.split("Improvement plan").nth(1).unwrap_or_default();
    let row = plan
        .lines()
        .find(|l| l.contains("C8"))
        .unwrap_or_else(|| panic!("C8 is in the plan: {plan}"));
    let cells: Vec<&str> = row.split('|').map(str::trim).collect();
    assert!(
        cells[1].contains("ana 18 min") && cells[3] == "ana (CL)",
        "owner and evidence agree: {row}"
    );
}

/// A handoff whose briefing covers none of the seven points fails, however
/// well it is accepted and announced.
#[test]
fn a_handoff_that_tells_nothing_scores_u() {
    use crate::scenario::{Role, Severity};
    use crate::world::Command;
    let mut d = three("Tiny", "Tiny");
    testing::idle_until(&mut d, 120);
    testing::act(&mut d, "ana", Command::Declare(Severity::Sev2));
    testing::act(
        &mut d,
        "ana",
        Command::Handoff {
            role: Role::IC,
            to: "cleo".into(),
            briefing: "over to you".into(),
        },
    );
    testing::act(&mut d, "cleo", Command::AcceptHandoff(Role::IC));
    testing::idle_until(&mut d, 400);
    let card = score(d.scenario(), d.log(), None);
    let c12 = card.value(Criterion::C12).expect("a handoff to judge");
    assert!(c12 < 0.40, "C12 {c12}");
}

/// An order the drill ended before anyone could acknowledge is nobody's lapse.
#[test]
fn an_order_given_as_the_drill_ends_is_not_a_lapse() {
    use crate::world::{Command, Task};
    let mut d = three("Tiny", "Tiny");
    testing::idle_until(&mut d, 30 * 60 - 20);
    testing::order(&mut d, "ana", "ben", Task::Run("grow".into()), Some(600));
    testing::idle_until(&mut d, 30 * 60);
    assert!(d.is_over());
    let card = score(d.scenario(), d.log(), None);
    assert!(
        !card
            .get(Criterion::C6)
            .marks
            .iter()
            .any(|m| m.text.contains("never acknowledged")),
        "{:?}",
        card.get(Criterion::C6).marks
    );
    let _ = Command::Ack;
}

/// "What data did you distrust?" lists diagnostics that came back clean
/// from healthy components, not those that read the sick one.
#[test]
fn a_diagnostic_of_the_sick_component_is_not_a_dead_end() {
    use crate::world::Command;
    let mut d = three(
        r#"        (id: "wipe","#,
        r#"        (id: "peek", name: "Peek at the cache", kind: Diagnostic, target: "cache", duration: "1m", finding: "The cache is fine."),
        (id: "sniff", name: "Read the DB error log", kind: Diagnostic, target: "db", duration: "1m", finding: "Write errors: no space left on device."),
        (id: "wipe","#,
    );
    testing::idle_until(&mut d, 150);
    testing::act(&mut d, "ben", Command::Run("sniff".into()));
    testing::act(&mut d, "ana", Command::Run("peek".into()));
    testing::idle_until(&mut d, 300);
    let facts = Facts::new(d.scenario(), d.log());
    let dead: Vec<&str> = facts.dead_ends.iter().map(|(_, a)| *a).collect();
    assert_eq!(dead, ["peek"]);
}
