//! AAR unit tests.

use super::*;
use crate::judge::score::score;
use crate::testing;

#[test]
fn an_empty_drill_still_gets_every_section() {
    let scenario = testing::tiny();
    let facts = crate::judge::score::Facts::new(&scenario, &[]);
    let card = score(&scenario, &[], None);
    let input = Input {
        facts: &facts,
        seed: 1,
        card: &card,
        previous: None,
        answers: None,
        knobs: Default::default(),
    };
    let md = markdown(&input);
    assert!(
        !md.contains("| Tuning |"),
        "a drill as written says nothing of tuning"
    );
    let tuned = markdown(&Input {
        knobs: crate::scenario::Knobs {
            time_pressure: crate::scenario::Level::High,
            ..Default::default()
        },
        ..input
    });
    assert!(tuned.contains("| Tuning | time pressure High |"), "{tuned}");
    for heading in [
        "## Overview",
        "## Scorecard",
        "## Timeline",
        "## Strengths and areas for improvement",
        "## After-action questions",
        "## Improvement plan",
        "## Believed versus true",
        "## Appendix A: status page posts",
        "## Appendix B: ISD snapshots",
        "## Appendix C: command post log",
    ] {
        assert!(md.contains(heading), "missing {heading}");
    }
    assert!(md.contains("_(not answered yet)_"));
}

#[test]
fn believed_versus_true_flags_a_premature_all_clear() {
    use crate::world::comms::{StatusPost, StatusState};
    use crate::world::{Entry, Event};
    let scenario = testing::tiny();
    let post = |at, state| Entry {
        at,
        event: Event::StatusPosted(Box::new(StatusPost {
            at,
            by: "ana".into(),
            state,
            impact: "Orders fail".into(),
            components: vec!["Web".into()],
            next_update: None,
            text: "Update".into(),
        })),
    };
    let log = vec![
        Entry {
            at: 60,
            event: Event::FaultStarted {
                fault: "db-disk".into(),
                component: "db".into(),
            },
        },
        post(120, StatusState::Investigating),
        post(180, StatusState::Resolved),
    ];
    let facts = crate::judge::score::Facts::new(&scenario, &log);
    let mut doc = Doc::default();
    believed::section(&mut doc, &facts);
    let md = doc.to_markdown();
    assert!(md.contains("| T+02:00 | status page | Investigating: Update | active: `db-disk`; customers hurting; cause not yet found | consistent |"), "{md}");
    assert!(md.contains("**ahead of the truth**"), "{md}");
}

#[test]
fn mitigation_with_money_still_owed_is_worded_as_it_is() {
    let scenario = testing::tiny_with_refunds();
    let mut d = testing::with_ol(scenario.clone());
    testing::ben_fixes_the_disk(&mut d);
    testing::idle_until(&mut d, 30 * 60);
    let facts = crate::judge::score::Facts::new(&scenario, d.log());
    let card = score(&scenario, d.log(), None);
    let md = build(&Input {
        facts: &facts,
        seed: 2,
        card: &card,
        previous: None,
        answers: None,
        knobs: Default::default(),
    })
    .to_markdown();
    assert!(
        md.contains(
            "service restored (incident mitigated); still owed: Refund the stranded payouts"
        ),
        "{md}"
    );
    assert!(md.contains("| Still owed at the end | Refund the stranded payouts |"));
    assert!(md.contains("| Customer impact | Merchants: "));
    assert!(!md.contains("customers recovered"));
    assert!(
        md.contains("still owed: Refund the stranded payouts"),
        "believed versus true names it"
    );
    assert!(
        card.get(crate::judge::score::Criterion::C14)
            .evidence(3)
            .join(" ")
            .contains("(still owed then: Refund the stranded payouts)")
    );
}
