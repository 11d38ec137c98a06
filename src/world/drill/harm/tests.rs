//! The business around the platform, played: tickets in the customers' own
//! words, harm counted per segment, obligations that outlive the outage,
//! hazards defused before they strike, and parties who write in.

use crate::run::Simulation;
use crate::scenario::{Harm, Scenario};
use crate::testing::{act, idle_until, team, tiny, tiny_with};
use crate::world::comms::Channel;
use crate::world::{Command, Event, Outcome};

/// Tiny with two segments (shoppers blocked by the web, merchants left
/// with stranded payouts by the api), a party, and `extra` top-level fields.
fn business(extra: &str) -> Scenario {
    tiny_with(
        "    exit: (",
        &format!(
            r#"    customers: (complaints_per_min: 30.0, segments: [
        (id: "shoppers", name: "Shoppers", unit: "baskets", per_min: 120.0, people: 900,
         uses: [("web", Blocked)], says: ["My basket will not check out."]),
        (id: "merchants", name: "Merchants", unit: "payouts", per_min: 12.0, people: 40,
         uses: [("api", Stranded)]),
    ]),
    parties: [(id: "press", name: "The Daily Bugle", kind: "press"),
              (id: "board", name: "Trade Standards Board", kind: "regulator")],
    {extra}
    exit: ("#
        ),
    )
}

fn count(d: &Simulation, f: impl Fn(&Event) -> bool) -> usize {
    d.log().iter().filter(|e| f(&e.event)).count()
}

#[test]
fn tickets_speak_the_segments_words_or_name_what_is_impaired_and_never_another_business() {
    let mut d = Simulation::new(business(""), 3, &team());
    idle_until(&mut d, 15 * 60);
    let tickets: Vec<(String, String)> = d
        .log()
        .iter()
        .filter_map(|e| match &e.event {
            Event::CustomerTicket { from, text } => Some((from.clone(), text.clone())),
            _ => None,
        })
        .collect();
    assert!(tickets.len() > 10, "tickets come while customers hurt");
    for (from, text) in &tickets {
        if from.starts_with("Shoppers") {
            assert_eq!(text, "My basket will not check out.");
        } else {
            assert!(from.starts_with("Merchants"), "{from}");
            assert!(text.contains("API"), "names the impaired component: {text}");
        }
    }
    assert!(tickets.iter().any(|(f, _)| f.starts_with("Merchants")));
    // Left unsaid, the segments are the customer-facing components.
    let mut d = Simulation::new(tiny(), 3, &team());
    idle_until(&mut d, 15 * 60);
    let texts: Vec<String> = d
        .log()
        .iter()
        .filter_map(|e| match &e.event {
            Event::CustomerTicket { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert!(!texts.is_empty());
    for text in texts {
        assert!(text.contains("Web"), "{text}");
        for word in ["trade", "balance", "log in", "orders"] {
            assert!(!text.to_lowercase().contains(word), "{text}");
        }
    }
}

#[test]
fn harm_is_counted_per_segment_as_blocked_stranded_or_wrong() {
    let mut d = Simulation::new(business(""), 3, &team());
    idle_until(&mut d, 10 * 60);
    let impact = d.impact();
    let (shoppers, merchants) = (&impact[0], &impact[1]);
    assert!(shoppers.blocked > 0 && shoppers.stranded == 0 && shoppers.wrong == 0);
    assert!(merchants.stranded > 0 && merchants.blocked == 0 && merchants.wrong == 0);
    // The web is down (1.0) about 9 minutes: 120 baskets a minute blocked.
    assert!((900..=1200).contains(&shoppers.blocked), "{shoppers:?}");
    assert_eq!(
        count(&d, |e| matches!(
            e,
            Event::SegmentHarmed {
                harm: Harm::Stranded,
                ..
            }
        )),
        1,
        "the first harm of a kind is announced once"
    );
}

#[test]
fn an_obligation_blocks_resolution_until_discharged_and_simulated_people_discharge_it() {
    // Simulated people in every seat fix the fault, then run the refund.
    let mut d = Simulation::new(crate::testing::tiny_with_refunds(), 2, &[]);
    idle_until(&mut d, 30 * 60);
    let at = |f: &dyn Fn(&Event) -> bool| d.log().iter().find(|e| f(&e.event)).map(|e| e.at);
    let arose = at(&|e| matches!(e, Event::ObligationArose { .. })).expect("owed");
    let paid = at(&|e| matches!(e, Event::ObligationDischarged { .. })).expect("paid");
    let resolved = at(&|e| matches!(e, Event::IncidentResolved)).expect("resolved");
    assert!(
        arose < paid && paid <= resolved,
        "{arose} {paid} {resolved}"
    );
    assert!(
        at(&|e| matches!(e, Event::FaultResolved { .. })).unwrap() < paid,
        "the fault was fixed first: owed money held the incident open"
    );
    // A team that fixes the fault and never refunds does not resolve.
    let mut d = crate::testing::with_ol(crate::testing::tiny_with_refunds());
    crate::testing::ben_fixes_the_disk(&mut d);
    idle_until(&mut d, 30 * 60);
    assert_eq!(d.outcome(), Some(Outcome::MitigatedOnly));
    let undone = d.left_undone();
    assert!(
        undone
            .iter()
            .any(|(role, text)| *role == crate::scenario::Role::OL
                && text.contains("Refund the stranded payouts")
                && text.contains("`refund` never run")),
        "{undone:?}"
    );
}

#[test]
fn a_notice_is_owed_to_a_party_and_the_simulated_cl_sends_it_in_liaison() {
    let s = business(
        r#"obligations: [(id: "notify", name: "Notify the Trade Standards Board", owner: CL,
        arises: Harm("merchants", Stranded), discharge: Notice("board"))],"#,
    );
    let mut d = Simulation::new(s, 2, &[]);
    idle_until(&mut d, 30 * 60);
    let notice = d
        .messages()
        .iter()
        .find(|m| m.channel == Channel::Liaison && m.mentions.contains(&"board".to_string()))
        .expect("a notice in #liaison");
    assert!(notice.text.contains("Notify the Trade Standards Board"));
    assert_eq!(
        count(&d, |e| matches!(e, Event::ObligationDischarged { .. })),
        1
    );
    assert_eq!(d.outcome(), Some(Outcome::Resolved));
}

/// Tiny with a certificate on the api that expires at 20 minutes, which a
/// scan finds and a renewal defuses.
fn hazard() -> Scenario {
    let source = crate::base::diagnostic::Source {
        file: "tiny.ron".into(),
        text: crate::testing::TINY
            .replacen(
                r#"        (id: "cache-flush","#,
                r#"        (id: "api-cert", component: "api", start: At("20m"), impairment: 1.0, root_cause: "The api's certificate expires at 20 minutes"),
        (id: "cache-flush","#,
                1,
            )
            .replacen(
                r#"        (id: "wipe","#,
                r#"        (id: "scan-certs", name: "Scan certificate expiry", kind: Diagnostic, target: "api", duration: "1m", effects: [Reveal("api-cert")], finding: "The api certificate expires in minutes"),
        (id: "renew", name: "Renew the api certificate", kind: Remediation, target: "api", duration: "2m", requires: [Revealed("api-cert")], effects: [Defuse("api-cert")]),
        (id: "wipe","#,
                1,
            )
            .replacen(
                r#"resolved: [Resolved("db-disk")]"#,
                r#"resolved: [Resolved("db-disk"), Resolved("api-cert")]"#,
                1,
            ),
    };
    crate::scenario::parse(&source).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn a_hazard_found_in_time_is_defused_and_never_strikes() {
    let mut d = Simulation::new(hazard(), 2, &[]);
    idle_until(&mut d, 29 * 60);
    assert_eq!(
        count(
            &d,
            |e| matches!(e, Event::FaultDefused { fault, .. } if fault == "api-cert")
        ),
        1,
        "simulated people found and defused it"
    );
    assert_eq!(
        count(
            &d,
            |e| matches!(e, Event::FaultStarted { fault, .. } if fault == "api-cert")
        ),
        0
    );
    assert_eq!(d.outcome(), Some(Outcome::Resolved));
    // A team that never looks is struck at its deadline.
    let mut d = Simulation::new(hazard(), 2, &team());
    idle_until(&mut d, 21 * 60);
    assert_eq!(
        count(
            &d,
            |e| matches!(e, Event::FaultStarted { fault, .. } if fault == "api-cert")
        ),
        1
    );
}

#[test]
fn a_diagnostic_finds_a_dormant_fault_only_if_it_has_a_deadline() {
    let mut d = Simulation::new(hazard(), 2, &team());
    idle_until(&mut d, 30);
    act(&mut d, "ana", Command::Run("scan-certs".into()));
    idle_until(&mut d, 2 * 60);
    assert_eq!(
        count(
            &d,
            |e| matches!(e, Event::CauseRevealed { fault, .. } if fault == "api-cert")
        ),
        1,
        "found before it strikes"
    );
    // An escalation that has not started cannot be found.
    let s = tiny_with(
        r#"effects: [Reveal("db-disk")]"#,
        r#"effects: [Reveal("db-disk"), Reveal("db-corrupt")]"#,
    );
    let mut d = Simulation::new(s, 2, &team());
    idle_until(&mut d, 2 * 60);
    act(&mut d, "ana", Command::Run("look".into()));
    idle_until(&mut d, 4 * 60);
    assert_eq!(
        count(
            &d,
            |e| matches!(e, Event::CauseRevealed { fault, .. } if fault == "db-corrupt")
        ),
        0
    );
}

#[test]
fn an_ignored_party_follows_up_in_liaison_and_an_answer_stops_it() {
    let parse = |extra: &str| {
        let mut s = business(extra);
        s.injects.push(crate::scenario::Inject {
            at: 2 * 60,
            from: crate::scenario::Persona::Party(0),
            text: "Are your shoppers unable to pay?".into(),
        });
        s
    };
    let mut d = Simulation::new(parse(""), 2, &team());
    idle_until(&mut d, 23 * 60);
    let from_press: Vec<_> = d
        .messages()
        .iter()
        .filter(|m| m.from == "press" && m.channel == Channel::Liaison)
        .map(|m| (m.at, m.text.clone()))
        .collect();
    assert_eq!(
        from_press.len(),
        3,
        "asked, then twice again: {from_press:?}"
    );
    assert!(
        from_press[0]
            .1
            .starts_with("The Daily Bugle: Are your shoppers")
    );
    assert_eq!(from_press[1].0, 12 * 60);
    assert!(from_press[1].1.contains("no answer"));
    // Answered, it waits.
    let mut d = Simulation::new(parse(""), 2, &team());
    idle_until(&mut d, 4 * 60);
    crate::testing::say_in_liaison(
        &mut d,
        "ana",
        "@press We are investigating problems with checkout.",
    );
    idle_until(&mut d, 23 * 60);
    assert_eq!(d.messages().iter().filter(|m| m.from == "press").count(), 1);
}

#[test]
fn the_simulated_cl_never_says_no_data_was_lost_when_some_needs_repair() {
    let s = tiny_with(
        "    exit: (",
        r#"    customers: (segments: [
        (id: "shoppers", name: "Shoppers", unit: "baskets", per_min: 60.0, people: 100, uses: [("web", Wrong)]),
    ]),
    exit: ("#,
    );
    let mut d = Simulation::new(s, 2, &[]);
    idle_until(&mut d, 30 * 60);
    let last = d.status_posts().last().expect("a final post").clone();
    assert!(
        !last.text.contains("No customer data was lost"),
        "{}",
        last.text
    );
    assert!(last.text.contains("records were affected"));
    // And where nothing was harmed in that way, it says so.
    let mut d = Simulation::new(tiny(), 2, &[]);
    idle_until(&mut d, 30 * 60);
    assert!(
        d.status_posts()
            .last()
            .unwrap()
            .text
            .contains("No customer data was lost")
    );
}

#[test]
fn a_defused_hazard_owes_nothing_and_an_exit_on_a_debt_never_owed_holds() {
    let text = crate::testing::TINY
        .replacen(
            r#"        (id: "cache-flush","#,
            r#"        (id: "api-cert", component: "api", start: At("20m"), impairment: 1.0, root_cause: "Expiring certificate"),
        (id: "cache-flush","#,
            1,
        )
        .replacen(
            r#"        (id: "wipe","#,
            r#"        (id: "scan-certs", name: "Scan certificates", kind: Diagnostic, target: "api", duration: "1m", effects: [Reveal("api-cert")], finding: "Expires soon"),
        (id: "renew", name: "Renew the certificate", kind: Remediation, target: "api", duration: "2m", requires: [Revealed("api-cert")], effects: [Defuse("api-cert")]),
        (id: "wipe","#,
            1,
        )
        .replacen(
            "    exit: (",
            r#"    parties: [(id: "board", name: "Trade Standards Board", kind: "regulator")],
    obligations: [(id: "notify", name: "Report the certificate outage", owner: CL, arises: Fault("api-cert"), discharge: Notice("board"))],
    exit: ("#,
            1,
        )
        .replacen(
            r#"resolved: [Resolved("db-disk")]"#,
            r#"resolved: [Resolved("db-disk"), Resolved("api-cert"), Discharged("notify")]"#,
            1,
        );
    let source = crate::base::diagnostic::Source {
        file: "tiny.ron".into(),
        text,
    };
    let s = crate::scenario::parse(&source).unwrap_or_else(|e| panic!("{e:?}"));
    let mut d = Simulation::new(s, 2, &[]);
    idle_until(&mut d, 29 * 60);
    assert_eq!(count(&d, |e| matches!(e, Event::FaultDefused { .. })), 1);
    assert_eq!(
        count(&d, |e| matches!(e, Event::ObligationArose { .. })),
        0,
        "a hazard that never struck owes nothing"
    );
    assert_eq!(d.outcome(), Some(Outcome::Resolved));
}

#[test]
fn more_harm_after_a_payment_owes_it_again() {
    // The refund needs no fix first: paid early, owed again as harm goes on.
    let s = crate::testing::tiny_with_refunds();
    let mut s = s;
    let refund = s.actions.iter().position(|a| a.id == "refund").unwrap();
    s.actions[refund].requires.clear();
    let mut d = crate::testing::with_ol(s);
    idle_until(&mut d, 3 * 60);
    act(&mut d, "ben", Command::Run("refund".into()));
    crate::testing::ben_fixes_the_disk(&mut d);
    idle_until(&mut d, 12 * 60);
    assert!(
        count(&d, |e| matches!(e, Event::ObligationArose { .. })) >= 2,
        "owed again after the first payment"
    );
    assert_eq!(d.owed().count(), 1);
}

#[test]
fn only_the_ic_and_the_cl_speak_for_the_company_in_liaison() {
    let mut d = crate::testing::with_ol(business(""));
    crate::testing::say_in_liaison(&mut d, "ben", "@press all good");
    assert!(
        d.log().iter().any(|e| matches!(&e.event, Event::CommandRefused { by, reason, .. } if by == "ben" && reason.contains("#liaison"))),
        "the OL is refused"
    );
    crate::testing::say_in_liaison(&mut d, "ana", "@press We are investigating.");
    assert_eq!(
        d.messages()
            .iter()
            .filter(|m| m.channel == Channel::Liaison)
            .count(),
        1
    );
}

#[test]
fn what_is_owed_is_known_to_the_host_and_to_a_mirror_told_the_events() {
    let mut d = crate::testing::with_ol(crate::testing::tiny_with_refunds());
    crate::testing::ben_fixes_the_disk(&mut d);
    idle_until(&mut d, 12 * 60);
    let owed: Vec<&str> = d.debts().iter().map(|d| d.1.as_str()).collect();
    assert_eq!(owed, ["Refund the stranded payouts"]);
    let mut mirror = crate::world::Drill::mirror(d.scenario().shared());
    for entry in d.log() {
        mirror.absorb(entry);
    }
    assert_eq!(mirror.debts(), d.debts());
}
