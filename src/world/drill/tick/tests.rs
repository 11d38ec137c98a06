use crate::testing::{act, drill, drill_with_ol, idle_until};
use crate::world::{Command, Event, Health, Outcome};

fn has(d: &crate::world::Drill, f: impl Fn(&Event) -> bool) -> bool {
    d.log().iter().any(|e| f(&e.event))
}

#[test]
fn faults_propagate_fire_alerts_and_escalate_when_left_alone() {
    let mut d = drill();
    idle_until(&mut d, 59);
    assert!(
        !has(&d, |e| matches!(e, Event::FaultStarted { .. })),
        "nothing before 1m"
    );
    idle_until(&mut d, 100);
    assert!(has(
        &d,
        |e| matches!(e, Event::FaultStarted { fault, .. } if fault == "db-disk")
    ));
    assert_eq!(
        d.platform().health,
        [Health::Down, Health::Down, Health::Down, Health::Healthy]
    );
    let fired = d
        .log()
        .iter()
        .find(|e| matches!(e.event, Event::AlertFired { .. }))
        .map(|e| e.at);
    assert_eq!(fired, Some(90), "breach from 60 held for 30 s");
    idle_until(&mut d, 20 * 60 + 1);
    assert!(has(
        &d,
        |e| matches!(e, Event::FaultStarted { fault, .. } if fault == "db-corrupt")
    ));
}

#[test]
fn remediation_mitigates_then_resolves_and_the_drill_ends() {
    let mut d = drill_with_ol();
    idle_until(&mut d, 70);
    act(&mut d, "ben", Command::Run("free".into()));
    idle_until(&mut d, 200);
    assert!(has(&d, |e| matches!(e, Event::IncidentMitigated)));
    assert!(!has(&d, |e| matches!(e, Event::IncidentResolved)));
    act(&mut d, "ben", Command::Run("grow".into()));
    assert!(has(
        &d,
        |e| matches!(e, Event::ActionRefused { reason, .. } if reason.contains("cause of the Database problem identified"))
    ));
    act(&mut d, "ben", Command::Run("look".into()));
    idle_until(&mut d, 300);
    act(&mut d, "ben", Command::Run("grow".into()));
    idle_until(&mut d, 500);
    assert!(has(&d, |e| matches!(e, Event::IncidentResolved)));
    idle_until(&mut d, 30 * 60);
    assert_eq!(d.outcome(), Some(Outcome::Resolved));
    assert!(matches!(
        d.log().last().unwrap().event,
        Event::DrillEnded { .. }
    ));
}

#[test]
fn a_wrong_fix_starts_its_consequence() {
    let mut d = drill();
    idle_until(&mut d, 70);
    act(&mut d, "ana", Command::Run("wipe".into()));
    idle_until(&mut d, 140);
    assert!(has(
        &d,
        |e| matches!(e, Event::FaultStarted { fault, .. } if fault == "cache-flush")
    ));
    assert!(has(&d, |e| matches!(
        e,
        Event::ViolationNoted {
            violation: crate::world::Violation::WrongFix,
            ..
        }
    )));
}

#[test]
fn time_runs_out_unmitigated() {
    let mut d = drill();
    idle_until(&mut d, 40 * 60);
    assert_eq!(d.outcome(), Some(Outcome::Unmitigated));
    assert_eq!(d.now(), 30 * 60, "the drill stops at its time limit");
}

mod reopen_tests {
    use crate::testing::{act, drill_with_ol, idle_until};
    use crate::world::{Command, Event, Outcome};

    #[test]
    fn a_fault_after_resolution_reopens_the_incident() {
        let mut d = drill_with_ol();
        idle_until(&mut d, 70);
        act(&mut d, "ben", Command::Run("look".into()));
        idle_until(&mut d, 140);
        act(&mut d, "ben", Command::Run("grow".into()));
        idle_until(&mut d, 330);
        assert!(
            d.log()
                .iter()
                .any(|e| matches!(e.event, Event::IncidentResolved))
        );
        act(&mut d, "ben", Command::Run("wipe".into()));
        idle_until(&mut d, 400);
        assert!(d.log().iter().any(
            |e| matches!(&e.event, Event::IncidentReopened { fault } if fault == "cache-flush")
        ));
        act(&mut d, "ana", Command::Close);
        assert!(d.log().iter().any(|e| matches!(&e.event, Event::CommandRefused { reason, .. } if reason.contains("not resolved"))));
        act(&mut d, "ben", Command::Run("warm".into()));
        idle_until(&mut d, 30 * 60);
        assert_eq!(
            d.outcome(),
            Some(Outcome::Resolved),
            "resolved again once the wrong fix is undone"
        );
    }
}
