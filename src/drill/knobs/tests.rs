use super::*;
use crate::drill::{Drill, Event};
use crate::testing::{idle_until, team, tiny_with};

/// Tiny with an executive inject, a customer inject and a ticket alert.
fn scenario() -> Scenario {
    tiny_with(
        r#"executives: [(id: "cto", name: "Kim", title: "CTO", patience: "5m")],"#,
        r#"executives: [(id: "cto", name: "Kim", title: "CTO", patience: "5m")],
    injects: [(at: "3m", from: Executive("cto"), text: "One"), (at: "6m", from: Customer("Jo"), text: "Two"), (at: "9m", from: Customer("Al"), text: "Three")],"#,
    )
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
    assert!(
        quiet
            .alerts
            .iter()
            .all(|a| a.severity == AlertSeverity::Page)
    );
    let noisy = Knobs {
        alert_noise: Level::High,
        ..Default::default()
    }
    .apply(&s);
    let added: Vec<_> = noisy
        .alerts
        .iter()
        .filter(|a| a.id.starts_with("noise-"))
        .collect();
    assert!(!added.is_empty());
    for a in &added {
        assert!(!in_exit(&noisy, a.component) && noisy.components[a.component].customers.is_none());
    }
    // They really do fire in a drill, and clear again.
    let mut d = Drill::new(noisy, 1, &team());
    idle_until(&mut d, 20 * MINUTE);
    let fired = d
        .log()
        .iter()
        .filter(
            |e| matches!(&e.event, Event::AlertFired { alert, .. } if alert.starts_with("noise-")),
        )
        .count();
    assert!(fired >= 2, "noise alerts fired {fired} times in 20 minutes");
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
    assert_eq!(by(&tight), by(&s) * 3 / 5);
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
