//! The bundled library: every scenario validates, every script plays to the
//! end, exemplary teams win cleanly, and simulated people win from any seed.

use firedrill::run::script::Script;
use firedrill::scenario::Difficulty;
use firedrill::world::{Event, Outcome, Violation};

use super::common::{play_to_end, scenarios, scripts};

#[test]
fn the_library_has_ten_drills_of_every_kind_and_level() {
    let library = scenarios();
    let ids: Vec<String> = library.iter().map(|s| s.scenario.id.clone()).collect();
    assert!(ids.len() >= 10, "at least ten drills; have {ids:?}");
    for kind in [
        "matching-engine-failure",
        "shared-storage-failure",
        "payment-provider-outage",
        "security-breach",
        "runaway-logging",
        "traffic-surge",
        "ics-practice",
        // Drawn from public postmortems.
        "database-failover",
        "bad-deploy-rollback",
        "dns-dnssec-rollout",
        "cloud-region-degradation",
        "ledger-corruption-restore",
        // Outside finance: customer segments, obligations, a hazard, parties.
        "e-prescription-outage",
        "parcel-label-outage",
    ] {
        assert!(
            ids.iter().any(|id| id == kind),
            "missing scenario {kind}; have {ids:?}"
        );
    }
    for level in [
        Difficulty::Beginner,
        Difficulty::Intermediate,
        Difficulty::Advanced,
        Difficulty::Expert,
    ] {
        assert!(
            library.iter().any(|s| s.scenario.difficulty == level),
            "no {level:?} drill"
        );
    }
}

#[test]
fn every_bundled_scenario_is_a_complete_drill() {
    for loaded in scenarios() {
        let s = &loaded.scenario;
        assert!(
            !s.objectives.is_empty() && s.par.declare > 0,
            "{}: objectives and par times",
            s.id
        );
        assert!(
            s.faults
                .iter()
                .all(|f| !matches!(f.start, firedrill::scenario::FaultStart::At(0))),
            "{}: trainees are not told when the fault starts; none may start at 0",
            s.id
        );
        assert!(
            !s.alerts.is_empty(),
            "{}: detection happens through alerts",
            s.id
        );
        assert!(s.difficulty >= Difficulty::Beginner);
    }
}

#[test]
fn every_bundled_script_plays_to_the_end() {
    let all = scripts();
    assert!(
        all.len() >= 6,
        "at least three scenarios with an exemplary and a chaotic script"
    );
    for (path, loaded, script) in &all {
        let drill = play_to_end(loaded, script, 1);
        assert!(drill.is_over(), "{}: did not end", path.display());
        assert!(
            matches!(
                drill.log().last().map(|e| &e.event),
                Some(Event::DrillEnded { .. })
            ),
            "{}",
            path.display()
        );
    }
}

#[test]
fn exemplary_teams_resolve_without_refusals_or_violations() {
    for (path, loaded, script) in scripts()
        .iter()
        .filter(|(p, _, _)| p.to_string_lossy().contains(".exemplary."))
    {
        let drill = play_to_end(loaded, script, 1);
        assert_eq!(
            drill.outcome(),
            Some(Outcome::Resolved),
            "{}",
            path.display()
        );
        let problems: Vec<String> = drill
            .log()
            .iter()
            .filter(|e| {
                matches!(
                    e.event,
                    Event::CommandRefused { .. }
                        | Event::ActionRefused { .. }
                        | Event::ViolationNoted { .. }
                )
            })
            .map(firedrill::lenses::describe::describe)
            .collect();
        assert!(
            problems.is_empty(),
            "{}:\n{}",
            path.display(),
            problems.join("\n")
        );
    }
}

#[test]
fn chaotic_teams_break_doctrine_where_the_core_can_see_it() {
    for (path, loaded, script) in scripts()
        .iter()
        .filter(|(p, _, _)| p.to_string_lossy().contains(".chaotic."))
    {
        let drill = play_to_end(loaded, script, 1);
        let first_alert = drill
            .log()
            .iter()
            .find(|e| matches!(e.event, Event::AlertFired { .. }))
            .map(|e| e.at)
            .expect("an alert fired");
        let declared = drill.declared_at().unwrap_or(u32::MAX);
        assert!(
            declared >= first_alert + 10 * 60,
            "{}: chaotic teams declare late",
            path.display()
        );
        let violations = drill
            .log()
            .iter()
            .filter(|e| {
                matches!(
                    e.event,
                    Event::ViolationNoted {
                        violation: Violation::OutsideOpsChain | Violation::Freelancing,
                        ..
                    }
                )
            })
            .count();
        assert!(
            violations >= 1,
            "{}: expected refused or freelanced production changes",
            path.display()
        );
    }
}

#[test]
fn simulated_people_in_every_seat_win_every_scenario() {
    for loaded in scenarios() {
        for seed in 1..=5 {
            let drill = play_to_end(&loaded, &Script::empty(&loaded.scenario.id), seed);
            assert_eq!(
                drill.outcome(),
                Some(Outcome::Resolved),
                "{} seed {seed}",
                loaded.scenario.id
            );
            assert!(!drill.log().iter().any(|e| matches!(&e.event, Event::ViolationNoted { by, .. } if firedrill::scenario::stand_ins::is_seat_npc(by))), "{} seed {seed}: simulated seat holders follow doctrine", loaded.scenario.id);
        }
    }
}

#[test]
fn a_trainee_playing_any_single_seat_well_wins() {
    let solo: Vec<_> = scripts()
        .into_iter()
        .filter(|(p, _, _)| p.to_string_lossy().contains(".solo-"))
        .collect();
    assert!(
        solo.len() >= 4,
        "a solo script for each of IC, OL, CL and scribe"
    );
    for (path, loaded, script) in &solo {
        let trainee = &script.team[0].id;
        for seed in 1..=3 {
            let drill = play_to_end(loaded, script, seed);
            assert_eq!(
                drill.outcome(),
                Some(Outcome::Resolved),
                "{} seed {seed}",
                path.display()
            );
            let lapses: Vec<String> = drill
                .log()
                .iter()
                .filter(|e| match &e.event {
                    Event::CommandRefused { by, .. }
                    | Event::ActionRefused { by, .. }
                    | Event::ViolationNoted { by, .. } => by == trainee,
                    _ => false,
                })
                .map(firedrill::lenses::describe::describe)
                .collect();
            assert!(
                lapses.is_empty(),
                "{} seed {seed}: {lapses:?}",
                path.display()
            );
        }
    }
}
