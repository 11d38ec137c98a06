//! Validation of the tiny test scenario and its broken variants.

use crate::scenario::Effect;
use crate::testing::{tiny, tiny_errors};

#[test]
fn a_good_scenario_becomes_a_runnable_model() {
    let s = tiny();
    assert_eq!(s.components.len(), 4);
    let position = |id: &str| {
        s.topo_order
            .iter()
            .position(|&c| s.components[c].id == id)
            .unwrap()
    };
    assert!(
        position("db") < position("api") && position("api") < position("web"),
        "dependencies first"
    );
    assert_eq!(s.components[2].metrics.len(), 2, "default metrics");
    assert_eq!(s.components[1].depends_on, [(2, 1.0), (3, 0.5)]);
}

#[test]
fn dangling_ids_get_a_did_you_mean() {
    let errors = tiny_errors(r#"depends_on: ["db"]"#, r#"depends_on: ["dbb"]"#);
    assert!(
        errors[0].contains("unknown component id \"dbb\"")
            && errors[0].contains("did you mean \"db\""),
        "{errors:?}"
    );
}

#[test]
fn cycles_are_named() {
    let errors = tiny_errors(
        r#"(id: "db", name: "Database", kind: Database)"#,
        r#"(id: "db", name: "Database", kind: Database, depends_on: ["web"])"#,
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("dependency cycle") && e.contains("web -> api -> db -> web")),
        "{errors:?}"
    );
}

#[test]
fn faults_without_a_fix_and_unreachable_exits_are_refused() {
    let errors = tiny_errors("effects: [Resolve(\"cache-flush\")]", "effects: []");
    assert!(
        errors
            .iter()
            .any(|e| e.contains("no action can mitigate or resolve fault `cache-flush`")),
        "{errors:?}"
    );
    let errors = tiny_errors(
        "requires: [Revealed(\"db-disk\")]",
        "requires: [Revealed(\"cache-flush\")]",
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("exit `resolved`") && e.contains("can never hold")),
        "{errors:?}"
    );
}

#[test]
fn times_past_the_limit_and_absurd_numbers_are_refused() {
    assert!(tiny_errors("At(\"1m\")", "At(\"45m\")")[0].contains("past the time limit"));
    assert!(
        tiny_errors(
            "impairment: 1.0, root_cause: \"Disk full\"",
            "impairment: -2.0, root_cause: \"Disk full\""
        )[0]
        .contains("impairment")
    );
    assert!(tiny_errors("patience: \"5m\"", "patience: \"2h\"")[0].contains("patience"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let errors = tiny_errors(
        "(id: \"cto\", name: \"Kim\", title: \"CTO\", patience: \"5m\")",
        "(id: \"cto\", name: \"Kim\", title: \"CTO\", patience: \"1s\"), (id: \"cto\", name: \"Lee\", title: \"CEO\", patience: \"1s\")",
    );
    assert_eq!(
        errors.len(),
        3,
        "one duplicate id and two bad patiences: {errors:?}"
    );
}

#[test]
fn a_duplicate_id_does_not_cascade_into_phantom_errors() {
    let errors = tiny_errors(
        r#"(id: "cache", name: "Cache", kind: Service)"#,
        r#"(id: "web", name: "Cache", kind: Service)"#,
    );
    assert!(
        errors.iter().any(|e| e.contains("declared twice")),
        "{errors:?}"
    );
    assert!(
        !errors
            .iter()
            .any(|e| e.contains("cycle") || e.contains("metric")),
        "{errors:?}"
    );
}

#[test]
fn injects_are_delivered_in_time_order_and_people_do_not_share_ids() {
    let s = crate::testing::tiny_with(
        r#"    exit: ("#,
        r#"    injects: [(at: "9m", from: Customer("b"), text: "late"), (at: "2m", from: Customer("a"), text: "early")],
    exit: ("#,
    );
    assert_eq!(
        s.injects.iter().map(|i| i.at).collect::<Vec<_>>(),
        [120, 540]
    );
    let errors = tiny_errors(r#"(id: "tom", name: "Tom""#, r#"(id: "cto", name: "Tom""#);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("both a responder and an executive")),
        "{errors:?}"
    );
}

/// The warnings on a variant of the tiny scenario that still validates.
fn warnings(from: &str, to: &str) -> Vec<String> {
    assert!(
        crate::testing::TINY.contains(from),
        "`{from}` is not in the tiny scenario"
    );
    let text = crate::testing::TINY.replace(from, to);
    let source = crate::base::diagnostic::Source {
        file: "tiny.ron".into(),
        text,
    };
    let (_, warnings) = crate::scenario::parse_advised(&source).expect("still valid");
    warnings.iter().map(ToString::to_string).collect()
}

#[test]
fn the_tiny_scenario_draws_no_warning() {
    assert!(warnings("Tiny", "Tiny").is_empty());
}

#[test]
fn a_summary_that_gives_the_cause_away_is_warned_about() {
    let cause = r#"root_cause: "Disk full""#;
    let long = r#"root_cause: "A runaway audit logger filled the database volume overnight""#;
    let leak = warnings(cause, long);
    assert!(
        leak.is_empty(),
        "the summary says nothing of it yet: {leak:?}"
    );
    let text = crate::testing::TINY.replace(cause, long).replace(
        r#"summary: "A database fails.""#,
        r#"summary: "Overnight a runaway audit logger filled the volume.""#,
    );
    let source = crate::base::diagnostic::Source {
        file: "tiny.ron".into(),
        text,
    };
    let (_, leak) = crate::scenario::parse_advised(&source).unwrap();
    let leak: Vec<String> = leak.iter().map(ToString::to_string).collect();
    assert_eq!(leak.len(), 1, "{leak:?}");
    assert!(
        leak[0].contains("warning: the summary gives away the hidden cause of fault `db-disk`")
            && leak[0].contains("\"a runaway audit logger\""),
        "{leak:?}"
    );
}

#[test]
fn a_skill_nobody_has_is_warned_about_with_a_guess() {
    let typo = warnings(
        r#"duration: "1m", effects: [Reveal("db-disk")]"#,
        r#"duration: "1m", skill: "databse", effects: [Reveal("db-disk")]"#,
    );
    assert!(
        typo.len() == 1 && typo[0].contains("skill `databse`") && typo[0].contains("`database`"),
        "{typo:?}"
    );
    // A name of the author's own that a responder has is welcome.
    let own = crate::testing::TINY
        .replace(
            r#"skills: [Database]"#,
            r#"skills: [Database, "messaging"]"#,
        )
        .replace(
            r#"duration: "1m", effects: [Reveal("db-disk")]"#,
            r#"duration: "1m", skill: "Messaging", effects: [Reveal("db-disk")]"#,
        );
    let source = crate::base::diagnostic::Source {
        file: "tiny.ron".into(),
        text: own,
    };
    let (scenario, warned) = crate::scenario::parse_advised(&source).unwrap();
    assert!(warned.is_empty(), "{warned:?}");
    assert_eq!(
        scenario.actions[0].skill.as_ref().unwrap().as_str(),
        "messaging"
    );
    assert_eq!(scenario.components[0].kind.as_str(), "frontend");
}

#[test]
fn an_escalation_due_before_its_parent_starts_is_warned_about() {
    let warned = warnings(r#"by: "20m""#, r#"by: "1m""#);
    assert!(
        warned.len() == 1
            && warned[0].contains("`by` is a drill time")
            && warned[0].contains("escalates the moment it starts"),
        "{warned:?}"
    );
}

#[test]
fn a_component_kind_of_ones_own_is_welcome_and_a_near_miss_is_warned_about() {
    let own = warnings(
        r#"(id: "cache", name: "Cache", kind: Service)"#,
        r#"(id: "cache", name: "Cache", kind: "cache")"#,
    );
    assert!(own.is_empty(), "{own:?}");
    let typo = warnings(
        r#"(id: "db", name: "Database", kind: Database)"#,
        r#"(id: "db", name: "Database", kind: Databse)"#,
    );
    assert!(
        typo.len() == 1 && typo[0].contains("kind `databse`") && typo[0].contains("`database`"),
        "{typo:?}"
    );
}

#[test]
fn the_business_parts_are_checked_with_the_place_and_the_fix() {
    let business = |extra: &str| {
        tiny_errors(
            "    exit: (",
            &format!(
                r#"    customers: (segments: [
        (id: "shoppers", name: "Shoppers", unit: "baskets", per_min: 60.0, people: 100, uses: [("webb", Blocked)]),
        (id: "sellers", name: "Sellers", unit: "", per_min: -1.0, people: 5, uses: []),
    ]),
    parties: [(id: "press", name: "The Daily Bugle", kind: "The Press")],
    {extra}
    exit: ("#
            ),
        )
        .join("\n")
    };
    let errors = business(
        r#"obligations: [
        (id: "refunds", name: "Refunds", owner: CL, arises: Harm("shoppers", Stranded), discharge: Action("free")),
        (id: "notice", name: "Notice", owner: CL, arises: Harm("buyers", Wrong), discharge: Notice("presss")),
    ],"#,
    );
    for expected in [
        "unknown component id \"webb\"",
        "hint: did you mean \"web\"?",
        "segment `sellers` uses no component",
        "segment `sellers` has no unit",
        "segment `sellers` has per_min -1",
        "party `press` has kind `The Press`, not an id",
        "obligation `refunds` arises from Stranded harm to `shoppers`, which no component can do",
        "obligation `refunds` is owned by the CL, who cannot discharge it",
        "unknown segment id \"buyers\"",
    ] {
        assert!(
            errors.contains(expected),
            "`{expected}` missing from:\n{errors}"
        );
    }
    let errors = tiny_errors(
        "    exit: (",
        r#"    injects: [(at: "2m", from: Party("press"), text: "Hello?")],
    exit: ("#,
    );
    assert!(
        errors.join("\n").contains("unknown party id \"press\""),
        "{errors:?}"
    );
}

#[test]
fn a_hazard_can_be_defused_and_an_owed_action_must_be_able_to_run() {
    // Defusing counts as a fix: no "no action can mitigate or resolve".
    let s = crate::testing::tiny_with(
        r#"effects: [Resolve("cache-flush")]"#,
        r#"effects: [Defuse("cache-flush")]"#,
    );
    assert!(
        s.actions
            .iter()
            .any(|a| a.effects.contains(&Effect::Defuse(2)))
    );
    let text = crate::testing::TINY
        .replacen(
            r#"effects: [Resolve("cache-flush")]"#,
            r#"requires: [Revealed("cache-flush")], effects: [Resolve("cache-flush")]"#,
            1,
        )
        .replacen(
            "    exit: (",
            r#"    customers: (segments: [(id: "shoppers", name: "Shoppers", unit: "baskets", per_min: 60.0, people: 100, uses: [("web", Stranded)])]),
    obligations: [(id: "refunds", name: "Refunds", owner: OL, arises: Harm("shoppers", Stranded), discharge: Action("warm"))],
    exit: ("#,
            1,
        );
    let source = crate::base::diagnostic::Source {
        file: "tiny.ron".into(),
        text,
    };
    let errors = crate::scenario::parse(&source)
        .expect_err("an obligation nobody can discharge")
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        errors.contains("obligation `refunds` can never be discharged: `warm` can never run"),
        "{errors}"
    );
}

#[test]
fn a_party_cannot_share_an_id_with_a_person() {
    let errors = tiny_errors(
        "    exit: (",
        r#"    parties: [(id: "raj", name: "Raj's firm", kind: "vendor")],
    exit: ("#,
    );
    assert!(
        errors
            .join("\n")
            .contains("party id `raj` is also a person in the drill"),
        "{errors:?}"
    );
}
