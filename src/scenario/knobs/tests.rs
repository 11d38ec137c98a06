use super::*;
use crate::testing::{idle_until, team};
use crate::world::Event;

/// Tiny with three injects, a batch job no fault reaches, and quiet alerts
/// on the database (which fails) and on the batch job (which does not).
fn scenario() -> Scenario {
    let text = crate::testing::TINY
        .replacen(
            r#"executives: [(id: "cto", name: "Kim", title: "CTO", patience: "5m")],"#,
            r#"executives: [(id: "cto", name: "Kim", title: "CTO", patience: "5m")],
    injects: [(at: "3m", from: Executive("cto"), text: "One"), (at: "6m", from: Customer("Jo"), text: "Two"), (at: "9m", from: Customer("Al"), text: "Three")],"#,
            1,
        )
        .replacen(
            r#"(id: "cache", name: "Cache", kind: Service),"#,
            r#"(id: "cache", name: "Cache", kind: Service),
        (id: "batch", name: "Batch", kind: Service),"#,
            1,
        )
        .replacen(
            r#"severity: Page, text: "DB errors")],"#,
            r#"severity: Page, text: "DB errors"),
        (id: "db-slow", component: "db", metric: "latency_ms", above: 500.0, for: "30s", severity: Ticket, text: "DB slow"),
        (id: "batch-slow", component: "batch", metric: "latency_ms", above: 500.0, for: "30s", severity: Ticket, text: "Batch slow")],"#,
            1,
        );
    crate::scenario::parse(&crate::base::diagnostic::Source {
        file: "tiny.ron".into(),
        text,
    })
    .unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn every_knob_at_normal_leaves_the_scenario_as_written() {
    let s = scenario();
    assert_eq!(
        format!("{:?}", Knobs::default().apply(&s)),
        format!("{s:?}")
    );
    assert!(Knobs::default().is_normal());
    assert_eq!(Knobs::default().describe(), "as written");
}

#[test]
fn alert_noise_drops_quiet_alerts_or_adds_flapping_ones_away_from_the_exit() {
    let s = scenario();
    let quiet = Knobs {
        alert_noise: Level::Low,
        ..Default::default()
    }
    .apply(&s);
    let ids: Vec<&str> = quiet.alerts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        ["db-errors", "db-slow"],
        "the clue on the failing db stays"
    );
    let noisy = Knobs {
        alert_noise: Level::High,
        ..Default::default()
    }
    .apply(&s);
    let added: Vec<_> = noisy.alerts.iter().filter(|a| a.noise).cloned().collect();
    assert_eq!(
        added.len(),
        1,
        "only the batch job is out of every fault's reach"
    );
    assert_eq!(noisy.components[added[0].component].id, "batch");
    assert!(crate::scenario::validate::valid_id(&added[0].id));
    assert!(!in_exit(&noisy, added[0].component));
    // They really do fire in a drill, and clear again.
    let mut d = crate::run::Simulation::new(noisy, 1, &team());
    idle_until(&mut d, 20 * MINUTE);
    let noise = added[0].id.clone();
    let fired = d
        .log()
        .iter()
        .filter(|e| matches!(&e.event, Event::AlertFired { alert, .. } if *alert == noise))
        .count();
    assert!(fired >= 2, "noise alerts fired {fired} times in 20 minutes");
    // And the scoring clock starts at the first real alert, not at noise.
    let facts = crate::judge::score::Facts::new(d.scenario(), d.log());
    let real = d
        .log()
        .iter()
        .find(|e| matches!(&e.event, Event::AlertFired { alert, .. } if *alert != noise))
        .map(|e| e.at);
    assert!(real.is_some());
    assert_eq!(facts.first_alert, real);
}

#[test]
fn responder_reliability_changes_traits_both_ways() {
    let s = scenario();
    let high = Knobs {
        npc_reliability: Level::High,
        ..Default::default()
    }
    .apply(&s);
    assert!(
        high.responders
            .iter()
            .all(|r| r.traits.contains(&Trait::Reliable)
                && !r.traits.contains(&Trait::Freelancer)
                && !r.traits.contains(&Trait::Slow))
    );
    let low = Knobs {
        npc_reliability: Level::Low,
        ..Default::default()
    }
    .apply(&s);
    assert!(
        low.responders
            .iter()
            .any(|r| r.traits.contains(&Trait::Freelancer))
    );
    for r in low
        .responders
        .iter()
        .filter(|r| !r.traits.contains(&Trait::Reliable))
    {
        assert!(r.traits.contains(&Trait::Freelancer) || r.traits.contains(&Trait::Slow));
    }
}

#[test]
fn inject_density_halves_or_adds_follow_ups_in_time_order() {
    let s = scenario();
    let sparse = Knobs {
        inject_density: Level::Low,
        ..Default::default()
    }
    .apply(&s);
    assert_eq!(
        sparse
            .injects
            .iter()
            .map(|i| i.text.as_str())
            .collect::<Vec<_>>(),
        ["One", "Three"]
    );
    let dense = Knobs {
        inject_density: Level::High,
        ..Default::default()
    }
    .apply(&s);
    assert!(
        dense.injects.len() >= s.injects.len() + 3,
        "{:?}",
        dense.injects
    );
    assert!(dense.injects.windows(2).all(|w| w[0].at <= w[1].at));
    assert!(dense.injects.iter().all(|i| i.at < dense.time_limit));
}

#[test]
fn time_pressure_shortens_or_lengthens_the_fuses() {
    let s = scenario();
    let by = |s: &Scenario| {
        s.faults
            .iter()
            .find_map(|f| match f.start {
                crate::scenario::FaultStart::IfNotMitigated { by, .. } => Some(by),
                _ => None,
            })
            .unwrap()
    };
    let tight = Knobs {
        time_pressure: Level::High,
        ..Default::default()
    }
    .apply(&s);
    assert_eq!(
        tight.executives[0].patience,
        s.executives[0].patience * 3 / 5
    );
    // The fuse is scaled from the parent fault's start (db-disk at 1m).
    let t0 = 60;
    assert_eq!(by(&tight), t0 + (by(&s) - t0) * 3 / 5);
    assert!(tight.complaints_per_min > s.complaints_per_min || s.complaints_per_min == 0.0);
    let relaxed = Knobs {
        time_pressure: Level::Low,
        ..Default::default()
    }
    .apply(&s);
    assert_eq!(
        relaxed.executives[0].patience,
        s.executives[0].patience * 3 / 2
    );
    assert!(by(&relaxed) > by(&s) && by(&relaxed) < s.time_limit);
}
