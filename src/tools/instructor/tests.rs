use super::*;
use crate::base::time::MINUTE;
use crate::run::Simulation;
use crate::scenario::Area;
use crate::scenario::{Persona, Role, Severity, Trait};
use crate::testing::{act, idle_until, team, tiny_with};
use crate::world::{Command, Drill, Event, GAME_MASTER};

/// Tiny with two scheduled injects: the CTO at 10m, a customer at 12m.
fn with_injects() -> Simulation {
    let scenario = tiny_with(
        r#"executives: [(id: "cto", name: "Kim", title: "CTO", patience: "5m")],"#,
        r#"executives: [(id: "cto", name: "Kim", title: "CTO", patience: "5m")],
    injects: [(at: "10m", from: Executive("cto"), text: "Are we down?"), (at: "12m", from: Customer("Jo"), text: "My orders fail")],"#,
    );
    Simulation::new(scenario, 1, &team())
}

fn gm(drill: &mut Simulation, command: Command) {
    act(drill, GAME_MASTER, command);
}

fn delivered(drill: &Drill) -> Vec<(u32, String, bool)> {
    drill
        .log()
        .iter()
        .filter_map(|e| match &e.event {
            Event::InjectDelivered {
                text, instructor, ..
            } => Some((e.at, text.clone(), *instructor)),
            _ => None,
        })
        .collect()
}

fn refusals(drill: &Drill) -> Vec<String> {
    drill
        .log()
        .iter()
        .filter_map(|e| match &e.event {
            Event::CommandRefused { reason, .. } => Some(reason.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_triggered_inject_fires_now_and_not_again_at_its_scheduled_time() {
    let mut d = with_injects();
    idle_until(&mut d, 3 * MINUTE);
    gm(&mut d, Command::TriggerInject(1));
    idle_until(&mut d, 15 * MINUTE);
    assert_eq!(
        delivered(&d),
        [
            (3 * MINUTE, "My orders fail".to_string(), true),
            (10 * MINUTE, "Are we down?".to_string(), false)
        ]
    );
    // Triggering it again is refused with the reason.
    gm(&mut d, Command::TriggerInject(1));
    gm(&mut d, Command::TriggerInject(7));
    let r = refusals(&d);
    assert!(r[0].contains("already been delivered"), "{r:?}");
    assert!(r[1].contains("no inject #7"), "{r:?}");
}

#[test]
fn custom_injects_speak_as_any_persona_and_reach_the_right_channel() {
    let mut d = with_injects();
    idle_until(&mut d, 3 * MINUTE);
    gm(
        &mut d,
        Command::CustomInject {
            from: Persona::Regulator("FCA".into()),
            text: "Please confirm client money is safe.".into(),
        },
    );
    gm(
        &mut d,
        Command::CustomInject {
            from: Persona::Executive("cto".into()),
            text: "Board call in 10 minutes, what do I say?".into(),
        },
    );
    gm(
        &mut d,
        Command::CustomInject {
            from: Persona::Responder("raj".into()),
            text: "I think the disk is full".into(),
        },
    );
    let posts: Vec<(String, crate::world::comms::Channel)> = d
        .messages()
        .iter()
        .map(|m| (m.from.clone(), m.channel.clone()))
        .collect();
    assert!(posts.contains(&("FCA".into(), crate::world::comms::Channel::Liaison)));
    assert!(posts.contains(&("cto".into(), crate::world::comms::Channel::Executive)));
    assert!(posts.contains(&("raj".into(), crate::world::comms::Channel::CommandPost)));
    assert_eq!(delivered(&d).iter().filter(|(_, _, gm)| *gm).count(), 3);
    // Nobody speaks for a trainee or an unknown executive.
    gm(
        &mut d,
        Command::CustomInject {
            from: Persona::Responder("ana".into()),
            text: "hi".into(),
        },
    );
    gm(
        &mut d,
        Command::CustomInject {
            from: Persona::Executive("ceo".into()),
            text: "hi".into(),
        },
    );
    let r = refusals(&d);
    assert!(r[0].contains("trainee"), "{r:?}");
    assert!(
        r[1].contains("no executive `ceo`") && r[1].contains("cto"),
        "{r:?}"
    );
}

#[test]
fn only_the_game_master_runs_instructor_commands_and_the_game_master_cannot_play() {
    let mut d = with_injects();
    act(&mut d, "ana", Command::TriggerInject(0));
    gm(&mut d, Command::Declare(Severity::Sev2));
    let r = refusals(&d);
    assert!(r[0].contains("only the game master"), "{r:?}");
    assert!(r[1].contains("do not play a seat"), "{r:?}");
    assert!(d.declared_at().is_none());
}

#[test]
fn an_added_responder_joins_now_and_acts_and_a_removed_one_leaves_their_roles() {
    let mut d = with_injects();
    idle_until(&mut d, 3 * MINUTE);
    gm(
        &mut d,
        Command::AddResponder {
            id: "zoe".into(),
            name: "Zoe".into(),
            skills: vec![crate::scenario::Skill::named("database")],
            traits: vec![Trait::Reliable],
        },
    );
    assert!(d.people().is_present("zoe"));
    idle_until(&mut d, 4 * MINUTE);
    assert!(
        d.messages().iter().any(|m| m.from == "zoe"),
        "the new responder introduces themselves"
    );
    act(
        &mut d,
        "ana",
        Command::Assign {
            role: Role::Scribe,
            to: "zoe".into(),
            briefing: "Keep the ISD timeline.".into(),
        },
    );
    gm(&mut d, Command::RemoveResponder("zoe".into()));
    let left_at = d.now();
    assert!(!d.people().is_present("zoe"));
    assert_eq!(
        d.people().holder(&Role::Scribe),
        Some("ana"),
        "back to the IC"
    );
    assert!(
        d.log()
            .iter()
            .any(|e| matches!(&e.event, Event::Left { who, .. } if who == "zoe"))
    );
    // Orders still reach for them, but nobody answers any more.
    act(
        &mut d,
        "ana",
        Command::Order {
            to: Some("zoe".into()),
            task: crate::world::Task::Run("look".into()),
            timebox: Some(crate::base::time::Dur(300)),
            text: "@zoe look at the db".into(),
        },
    );
    let after = d.now();
    assert!(refusals(&d)[0].contains("Zoe has left the drill"));
    idle_until(&mut d, after + 10 * MINUTE);
    assert!(
        !d.messages()
            .iter()
            .any(|m| m.from == "zoe" && m.at >= left_at),
        "a removed responder says nothing more"
    );
    assert!(
        !d.log().iter().any(|e| e.at >= left_at
            && matches!(&e.event, Event::ActionStarted { by, .. } if by == "zoe"))
    );
    // Trainees and the IC cannot be removed; ids must be new.
    gm(&mut d, Command::RemoveResponder("ben".into()));
    gm(
        &mut d,
        Command::AddResponder {
            id: "raj".into(),
            name: "Raj again".into(),
            skills: vec![],
            traits: vec![],
        },
    );
    let r = refusals(&d);
    assert!(r[1].contains("trainee"), "{r:?}");
    assert!(r[2].contains("already taken"), "{r:?}");
}

#[test]
fn a_refused_game_master_command_changes_nothing_in_the_drill() {
    let mut quiet = with_injects();
    let mut noisy = with_injects();
    idle_until(&mut quiet, 4 * MINUTE);
    idle_until(&mut noisy, 4 * MINUTE);
    // Refused: a bad rating, ids that are taken (a responder, an executive, a
    // seat holder's), an outsider named like a participant.
    gm(
        &mut noisy,
        Command::Note {
            area: Area::Command,
            rating: Some(0),
            text: "x".into(),
        },
    );
    for id in ["raj", "cto", "morgan"] {
        gm(
            &mut noisy,
            Command::AddResponder {
                id: id.into(),
                name: "X".into(),
                skills: vec![],
                traits: vec![],
            },
        );
    }
    gm(
        &mut noisy,
        Command::CustomInject {
            from: Persona::Vendor("ana".into()),
            text: "hi".into(),
        },
    );
    let r = refusals(&noisy);
    assert_eq!(r.len(), 5, "{r:?}");
    assert!(r[2].contains("already taken"), "{r:?}");
    assert!(r[4].contains("name of their own"), "{r:?}");
    idle_until(&mut quiet, 40 * MINUTE);
    idle_until(&mut noisy, 40 * MINUTE);
    let visible = |d: &Drill| -> Vec<crate::world::Entry> {
        d.log()
            .iter()
            .filter(|e| !crate::world::instructor_only(&e.event))
            .cloned()
            .collect()
    };
    assert_eq!(visible(&quiet), visible(&noisy));
}

#[test]
fn notes_are_pinned_to_the_moment_with_an_area_and_a_rating_of_one_to_five() {
    let mut d = with_injects();
    idle_until(&mut d, 2 * MINUTE);
    gm(
        &mut d,
        Command::Note {
            area: Area::Command,
            rating: Some(4),
            text: "Clear declaration".into(),
        },
    );
    gm(
        &mut d,
        Command::Note {
            area: Area::Command,
            rating: Some(9),
            text: "x".into(),
        },
    );
    gm(
        &mut d,
        Command::Note {
            area: Area::Documentation,
            rating: None,
            text: "   ".into(),
        },
    );
    let notes: Vec<_> = d
        .log()
        .iter()
        .filter(|e| matches!(e.event, Event::ObserverNote { .. }))
        .collect();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].at, 2 * MINUTE);
    let r = refusals(&d);
    assert!(r[0].contains("1 to 5"), "{r:?}");
    assert!(r[1].contains("empty"), "{r:?}");
}

#[test]
fn the_ground_truth_shows_hidden_causes_intentions_and_injects_to_come() {
    let mut d = with_injects();
    let before = truth(&d);
    assert!(
        before.causes[0].state.starts_with("dormant (starts at"),
        "{:?}",
        before.causes[0]
    );
    assert!(
        before.causes[1]
            .state
            .contains("if db-disk is not mitigated")
    );
    assert_eq!(before.injects.len(), 2);
    assert!(before.injects.iter().all(|i| !i.delivered));
    idle_until(&mut d, 11 * MINUTE);
    let during = truth(&d);
    assert!(during.causes[0].state.starts_with("active since"));
    assert_eq!(during.causes[0].root_cause, "Disk full");
    assert!(during.injects[0].delivered && !during.injects[1].delivered);
    assert!(during.minds.iter().any(|m| {
        m.who == "tom"
            && m.doing
                .iter()
                .any(|d| d.contains("change production unasked"))
    }));
    // An order to a simulated responder shows up as what they mean to do next.
    act(
        &mut d,
        "ana",
        Command::Order {
            to: Some("raj".into()),
            task: crate::world::Task::Run("look".into()),
            timebox: Some(crate::base::time::Dur(300)),
            text: "@raj look at the db".into(),
        },
    );
    let raj = truth(&d)
        .minds
        .into_iter()
        .find(|m| m.who == "raj")
        .unwrap();
    assert!(
        raj.next
            .iter()
            .any(|(_, t)| t.contains("answer Ana's order")),
        "{raj:?}"
    );
}

#[test]
fn the_load_view_counts_unacknowledged_orders_overdue_reports_and_span() {
    let mut d = with_injects();
    idle_until(&mut d, 2 * MINUTE + 1);
    act(
        &mut d,
        "ana",
        Command::Assign {
            role: Role::OL,
            to: "ben".into(),
            briefing: "You own production changes.".into(),
        },
    );
    act(
        &mut d,
        "ana",
        Command::Order {
            to: Some("ben".into()),
            task: crate::world::Task::Investigate("db".into()),
            timebox: Some(crate::base::time::Dur(60)),
            text: "@ben check the db, back in 1m".into(),
        },
    );
    let ana = load(&d).into_iter().find(|l| l.who == "ana").unwrap();
    assert_eq!(ana.unacked_orders.len(), 1, "{ana:?}");
    let ben = load(&d).into_iter().find(|l| l.who == "ben").unwrap();
    assert_eq!(ben.pending_asks.len(), 1, "{ben:?}");
    idle_until(&mut d, 4 * MINUTE);
    let ana = load(&d).into_iter().find(|l| l.who == "ana").unwrap();
    assert!(
        ana.overdue.iter().any(|o| o.contains("report from Ben")),
        "{ana:?}"
    );
    // Ana holds every undelegated role but OL; Ben now reports to her.
    assert!(ana.roles.contains(&Role::IC) && ana.roles.contains(&Role::CL));
    assert!(!ana.roles.contains(&Role::OL));
    let expected = d
        .people()
        .list
        .iter()
        .filter(|p| p.present && d.people().supervisor_of(&p.id) == Some("ana"))
        .count();
    assert!(ana.span >= 1 && ana.span == expected, "{ana:?}");
}
