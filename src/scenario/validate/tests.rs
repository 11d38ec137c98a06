//! Validation of the tiny test scenario and its broken variants.

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
