//! C16 on small drills: a party answered in time, late, never, with a fix
//! time or ahead of the truth; a notice owed and sent or not.

use crate::judge::score::{Criterion, Scorecard, score};
use crate::run::Simulation;
use crate::scenario::{Inject, Persona, Scenario};
use crate::testing::{idle_until, team, tiny_with};

/// Tiny with the press as a party that asks at 2 minutes, and `extra`.
fn scenario(extra: &str) -> Scenario {
    let mut s = tiny_with(
        "    exit: (",
        &format!(
            r#"    customers: (segments: [
        (id: "shoppers", name: "Shoppers", unit: "baskets", per_min: 60.0, people: 100, uses: [("web", Wrong)]),
    ]),
    parties: [(id: "press", name: "The Daily Bugle", kind: "press")],
    {extra}
    exit: ("#
        ),
    );
    s.injects.push(Inject {
        at: 2 * 60,
        from: Persona::Party(0),
        text: "Are your shoppers unable to pay?".into(),
    });
    s
}

/// Ana (IC, holding CL) says `text` in #liaison at `at` (if any); scored at 25 minutes.
fn played(s: Scenario, said: &[(u32, &str)]) -> Scorecard {
    let mut d = Simulation::new(s.clone(), 2, &team());
    for &(at, text) in said {
        idle_until(&mut d, at);
        crate::testing::say_in_liaison(&mut d, "ana", text);
    }
    idle_until(&mut d, 25 * 60);
    score(&s, d.log(), None)
}

fn evidence(card: &Scorecard) -> String {
    card.get(Criterion::C16).evidence(10).join(" | ")
}

#[test]
fn a_party_answered_in_time_is_p_and_one_never_answered_is_charged_to_the_cl() {
    let card = played(
        scenario(""),
        &[(5 * 60, "@press We are investigating problems at checkout.")],
    );
    assert_eq!(card.value(Criterion::C16), Some(1.0), "{}", evidence(&card));
    let card = played(scenario(""), &[]);
    assert_eq!(card.value(Criterion::C16), Some(0.0));
    assert!(evidence(&card).contains("The Daily Bugle wrote at T+02:00 and never had an answer"));
    let ana = card
        .cards
        .iter()
        .find(|c| c.who == "ana")
        .expect("ana's card");
    assert!(
        ana.criteria
            .iter()
            .any(|j| j.criterion == Criterion::C16 && j.value == Some(0.0)),
        "the IC held CL, so it is hers"
    );
}

#[test]
fn a_late_answer_scores_less_and_a_fix_time_or_a_claim_ahead_of_the_truth_is_a_lapse() {
    let late = played(scenario(""), &[(22 * 60, "@press We are investigating.")]);
    let late = late.value(Criterion::C16).unwrap();
    assert!(late > 0.0 && late < 1.0, "{late}");
    let card = played(
        scenario(""),
        &[(4 * 60, "@press It will be fixed by 10:30, ETA 20 minutes.")],
    );
    assert!(evidence(&card).contains("promised an outside party a fix time"));
    let card = played(
        scenario(""),
        &[(3 * 60, "@press All fixed, back to normal.")],
    );
    assert!(
        evidence(&card).contains("that it was fixed, which was not true then"),
        "{}",
        evidence(&card)
    );
    let card = played(
        scenario(""),
        &[(
            4 * 60,
            "@press We are investigating. No customer data was lost.",
        )],
    );
    assert!(
        evidence(&card).contains("that no data was lost"),
        "{}",
        evidence(&card)
    );
}

#[test]
fn a_notice_owed_and_never_sent_is_charged_and_one_sent_is_credited() {
    let notice = r#"obligations: [(id: "notify", name: "Tell the press about wrong baskets", owner: CL,
        arises: Harm("shoppers", Wrong), discharge: Notice("press"))],"#;
    let card = played(scenario(notice), &[]);
    assert!(
        evidence(&card).contains("fell due at T+01:00 and was never sent"),
        "{}",
        evidence(&card)
    );
    let card = played(
        scenario(notice),
        &[(
            3 * 60,
            "@press Some baskets were recorded wrongly; we are repairing them.",
        )],
    );
    assert_eq!(card.value(Criterion::C16), Some(1.0), "{}", evidence(&card));
}

#[test]
fn a_status_post_that_denies_harm_done_is_a_c9_lapse() {
    let mut d = Simulation::new(scenario(""), 2, &team());
    idle_until(&mut d, 3 * 60);
    crate::testing::act(
        &mut d,
        "ana",
        crate::world::Command::Declare(crate::scenario::Severity::Sev2),
    );
    crate::testing::act(
        &mut d,
        "ana",
        crate::world::Command::PostStatus {
            state: crate::world::comms::StatusState::Investigating,
            impact: "Checkout is failing for some shoppers.".into(),
            components: vec!["Web".into()],
            next_update: Some(crate::base::time::Dur(20 * 60)),
            text: "We are investigating. No customer data was lost.".into(),
        },
    );
    idle_until(&mut d, 10 * 60);
    let card = score(d.scenario(), d.log(), None);
    let c9 = card.get(Criterion::C9).evidence(5).join(" | ");
    assert!(
        c9.contains("said no data was lost while some needed repair"),
        "{c9}"
    );
}
