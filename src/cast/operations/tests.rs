//! The simulated OL at work: staffing, holding idle hands, fixing by
//! proposal, and running what the exit needs.

use crate::testing::{idle_until, tiny};
use crate::world::comms::MessageKind;
use crate::world::{Event, Task};

#[test]
fn a_simulated_ol_staffs_a_team_holds_idle_hands_and_fixes_cause_first_by_proposal() {
    let mut d = crate::run::Simulation::new(tiny(), 5, &[]);
    idle_until(&mut d, 30 * 60);
    assert!(
        d.people()
            .teams
            .get("ops")
            .is_some_and(|t| t.members.len() == 2)
    );
    assert!(
        d.orders()
            .iter()
            .any(|o| o.from == "sam" && o.task == Task::StandBy),
        "idle responders are told to stand by"
    );
    let proposal = d
        .messages()
        .iter()
        .find(|m| m.kind == MessageKind::Proposal)
        .expect("a proposal")
        .at;
    let fix = d.log().iter().find_map(|e| match &e.event {
        Event::ActionStarted { action, .. } if action == "free" || action == "grow" => Some(e.at),
        _ => None,
    });
    assert!(
        fix.is_some_and(|t| t > proposal),
        "the fix follows the proposal"
    );
    assert!(
        d.messages()
            .iter()
            .filter(|m| m.from == "sam" && m.kind == MessageKind::Report)
            .count()
            >= 2,
        "reports to the IC"
    );
    assert!(
        !d.log()
            .iter()
            .any(|e| matches!(&e.event, Event::ActionStarted { action, .. } if action == "wipe")),
        "never the trap"
    );
}

#[test]
fn a_simulated_ol_runs_what_the_exit_needs_done() {
    let text = crate::testing::TINY
        .replacen(
            r#"        (id: "wipe","#,
            r#"        (id: "purge-cdn", name: "Purge the CDN", kind: Remediation, target: "web", duration: "1m", requires: [Mitigated("db-disk")]),
    (id: "wipe","#,
            1,
        )
        .replacen(
            r#"resolved: [Resolved("db-disk")]"#,
            r#"resolved: [Resolved("db-disk"), Done("purge-cdn")]"#,
            1,
        );
    let source = crate::base::diagnostic::Source {
        file: "tiny.ron".into(),
        text,
    };
    let s = crate::scenario::parse(&source).unwrap_or_else(|e| panic!("{e:?}"));
    let mut d = crate::run::Simulation::new(s, 5, &[]);
    idle_until(&mut d, 30 * 60);
    assert!(
        d.log().iter().any(
            |e| matches!(&e.event, Event::ActionFinished { action, success: true, .. } if action == "purge-cdn")
        ),
        "{:?}",
        d.left_undone()
    );
    assert_eq!(d.outcome(), Some(crate::world::Outcome::Resolved));
}
