//! Doctrine enforcement: who may do what, and what is refused.

use crate::base::time::Dur;
use crate::scenario::{Role, Severity};
use crate::testing::{act, drill, drill_with_ol, idle_until, order};
use crate::world::{Command, Event, Task, Violation};

fn refusals(d: &crate::world::Drill) -> Vec<String> {
    d.log()
        .iter()
        .filter_map(|e| match &e.event {
            Event::CommandRefused { reason, .. } | Event::ActionRefused { reason, .. } => {
                Some(reason.clone())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn the_on_call_holds_every_role_until_delegating() {
    let mut d = drill();
    act(&mut d, "ana", Command::Declare(Severity::Sev2));
    assert!(d.people().holds("ana", &Role::OL) && d.people().holds("ana", &Role::CL));
    act(
        &mut d,
        "ana",
        Command::Assign {
            role: Role::OL,
            to: "ben".into(),
            briefing: "b".into(),
        },
    );
    assert!(d.people().holds("ben", &Role::OL) && !d.people().holds("ana", &Role::OL));
    act(
        &mut d,
        "ben",
        Command::Assign {
            role: Role::CL,
            to: "ben".into(),
            briefing: String::new(),
        },
    );
    assert!(
        refusals(&d)[0].contains("assigning roles is the IC's job"),
        "{:?}",
        refusals(&d)
    );
    act(&mut d, "ana", Command::Declare(Severity::Sev1));
    assert!(refusals(&d)[1].contains("already declared"));
}

#[test]
fn production_changes_from_outside_the_ops_chain_are_refused_and_recorded() {
    let mut d = drill_with_ol();
    idle_until(&mut d, 90);
    act(&mut d, "ana", Command::Run("free".into()));
    let reasons = refusals(&d);
    assert!(
        reasons[0].contains("outside the Operations chain") && reasons[0].contains("Ben"),
        "{reasons:?}"
    );
    assert!(d.log().iter().any(|e| matches!(
        e.event,
        Event::ViolationNoted {
            violation: Violation::OutsideOpsChain,
            ..
        }
    )));
    assert!(d.work().is_empty());
    act(&mut d, "ana", Command::Run("look".into()));
    assert_eq!(d.work().len(), 1, "diagnostics are not production changes");
    act(&mut d, "ben", Command::Run("free".into()));
    assert_eq!(d.work().len(), 2, "the OL changes production");
}

#[test]
fn an_order_from_the_ops_chain_brings_a_responder_into_it() {
    let mut d = drill_with_ol();
    idle_until(&mut d, 121);
    assert!(!d.may_change_production("raj", "free"));
    order(&mut d, "ben", "raj", Task::Run("free".into()), Some(300));
    assert!(d.may_change_production("raj", "free"));
    assert!(
        !d.may_change_production("raj", "grow"),
        "only what was ordered"
    );
    idle_until(&mut d, 200);
    let started = d.log().iter().find_map(|e| match &e.event {
        Event::ActionStarted { by, order, .. } if by == "raj" => Some(*order),
        _ => None,
    });
    assert!(
        matches!(started, Some(Some(_))),
        "raj acknowledged and started, linked to the order"
    );
}

#[test]
fn handoffs_need_acceptance_and_decisions_belong_to_the_ic() {
    let mut d = drill();
    act(
        &mut d,
        "ana",
        Command::Handoff {
            role: Role::IC,
            to: "ben".into(),
            briefing: "all yours".into(),
        },
    );
    assert!(d.people().holds("ana", &Role::IC));
    act(&mut d, "ben", Command::Decide("do it".into()));
    assert!(refusals(&d)[0].contains("deciding is the IC's job"));
    act(&mut d, "ben", Command::AcceptHandoff(Role::IC));
    assert!(d.people().holds("ben", &Role::IC));
    act(&mut d, "ben", Command::AcceptHandoff(Role::IC));
    assert!(refusals(&d)[1].contains("nobody has offered"));
}

#[test]
fn status_posts_and_closing_have_owners_and_preconditions() {
    let mut d = drill();
    act(
        &mut d,
        "ana",
        Command::Assign {
            role: Role::CL,
            to: "ben".into(),
            briefing: String::new(),
        },
    );
    let post = Command::PostStatus {
        state: crate::world::comms::StatusState::Investigating,
        impact: "slow".into(),
        components: vec![],
        next_update: Some(Dur(600)),
        text: String::new(),
    };
    act(&mut d, "ana", post.clone());
    assert!(refusals(&d)[0].contains("the status page is the CL's job"));
    act(&mut d, "ben", post);
    assert_eq!(d.status_posts().len(), 1);
    assert_eq!(
        d.status_posts()[0].next_update,
        Some(d.status_posts()[0].at + 600)
    );
    act(&mut d, "ana", Command::Close);
    assert!(refusals(&d)[1].contains("not resolved"));
}

#[test]
fn unknown_people_and_actions_are_refused_not_panicked_on() {
    let mut d = drill();
    act(&mut d, "ghost", Command::Ack);
    act(&mut d, "ana", Command::Run("fre".into()));
    order(&mut d, "ana", "raj", Task::StandBy, None);
    let reasons = refusals(&d);
    assert!(reasons[0].contains("nobody called `ghost`"));
    assert!(reasons[1].contains("did you mean `free`"), "{reasons:?}");
    assert!(reasons[2].contains("has not joined yet"));
}

#[test]
fn only_an_order_from_the_ops_chain_to_run_that_very_action_authorizes_a_change() {
    let mut d = drill_with_ol();
    act(
        &mut d,
        "ana",
        Command::Assign {
            role: Role::CL,
            to: "casey".into(),
            briefing: String::new(),
        },
    );
    idle_until(&mut d, 125);
    // The CL is outside the Operations chain: its order authorizes nothing.
    order(&mut d, "casey", "tom", Task::Run("free".into()), Some(300));
    assert!(!d.may_change_production("tom", "free"));
    order(
        &mut d,
        "ben",
        "raj",
        Task::Investigate("db".into()),
        Some(300),
    );
    assert!(
        !d.may_change_production("raj", "free"),
        "an investigation is not a licence to change"
    );
}

#[test]
fn the_ic_stays_out_of_teams_and_leaves_one_to_take_command() {
    let mut d = drill_with_ol();
    idle_until(&mut d, 125);
    act(
        &mut d,
        "ben",
        Command::CreateTeam {
            team: "db".into(),
            lead: "ana".into(),
        },
    );
    assert!(
        refusals(&d)[0].contains("the IC joins no team"),
        "{:?}",
        refusals(&d)
    );
    act(
        &mut d,
        "ben",
        Command::CreateTeam {
            team: "db".into(),
            lead: "raj".into(),
        },
    );
    act(
        &mut d,
        "ben",
        Command::JoinTeam {
            team: "db".into(),
            person: "tom".into(),
        },
    );
    act(
        &mut d,
        "ana",
        Command::Handoff {
            role: Role::IC,
            to: "tom".into(),
            briefing: "all yours".into(),
        },
    );
    act(&mut d, "tom", Command::AcceptHandoff(Role::IC));
    assert!(d.people().holds("tom", &Role::IC));
    assert_eq!(d.people().team_of("tom"), None);
    assert!(
        d.log()
            .iter()
            .any(|e| matches!(&e.event, Event::TeamLeft { who, .. } if who == "tom"))
    );
    act(
        &mut d,
        "tom",
        Command::Handoff {
            role: Role::IC,
            to: "ben".into(),
            briefing: "b".into(),
        },
    );
    act(&mut d, "ben", Command::AcceptHandoff(Role::IC));
    assert!(
        refusals(&d)
            .iter()
            .any(|r| r.contains("is the OL; hand OL to someone else")),
        "{:?}",
        refusals(&d)
    );
}

#[test]
fn need_to_know_and_observers() {
    let mut d = drill_with_ol();
    idle_until(&mut d, 125);
    act(
        &mut d,
        "ana",
        Command::Assign {
            role: Role::Observer,
            to: "raj".into(),
            briefing: String::new(),
        },
    );
    act(
        &mut d,
        "ana",
        Command::Assign {
            role: Role::Observer,
            to: "tom".into(),
            briefing: String::new(),
        },
    );
    assert!(
        d.people().is_observer("raj") && d.people().is_observer("tom"),
        "any number may watch"
    );
    let restricted = |text: &str| Command::Say {
        channel: crate::world::comms::Channel::Restricted,
        kind: crate::world::comms::MessageKind::Chat,
        text: text.into(),
    };
    act(&mut d, "raj", restricted("who is it?"));
    assert!(
        refusals(&d)[0].contains("need-to-know"),
        "{:?}",
        refusals(&d)
    );
    act(&mut d, "ben", restricted("attacker IP is 203.0.113.7"));
    assert_eq!(
        d.messages().last().unwrap().channel,
        crate::world::comms::Channel::Restricted
    );
    act(
        &mut d,
        "raj",
        Command::EditIsd {
            section: crate::world::comms::IsdSection::Summary,
            text: "x".into(),
        },
    );
    assert!(refusals(&d)[1].contains("observers"));
}

#[test]
fn a_report_closes_the_orders_it_is_about_not_one_that_arrived_meanwhile() {
    let mut d = drill_with_ol();
    let report = || Command::Report {
        to: None,
        conditions: "checked".into(),
        actions: "done".into(),
        needs: "nothing".into(),
        channel: None,
    };
    // Ben acknowledges a first order; a second arrives before his report.
    order(
        &mut d,
        "ana",
        "ben",
        Task::Investigate("db".into()),
        Some(600),
    );
    act(&mut d, "ben", Command::Ack);
    order(
        &mut d,
        "ana",
        "ben",
        Task::Free("check the backups".into()),
        Some(600),
    );
    act(&mut d, "ben", report());
    let open: Vec<bool> = d.orders().iter().map(|o| o.is_open()).collect();
    assert_eq!(
        open,
        [false, true],
        "the new order is still waiting for its ack"
    );

    // Someone who never acknowledges reports on everything still open.
    act(&mut d, "ben", report());
    assert!(d.orders().iter().all(|o| !o.is_open()));
}
