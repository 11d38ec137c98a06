//! Shared builders for unit tests: a tiny scenario and drills on it.

use crate::base::diagnostic::Source;
use crate::base::time::Dur;
use crate::run::Simulation;
use crate::scenario::{self, Scenario, Seat};
use crate::world::{Command, HumanSpec, Input};

/// A small platform: web depends on api, api on db; the db fails at 1m.
pub const TINY: &str = r#"Scenario(
    id: "tiny",
    title: "Tiny",
    summary: "A database fails.",
    difficulty: Beginner,
    objectives: ["Practise"],
    time_limit: "30m",
    par: (declare: "5m", mitigate: "15m", resolve: "25m"),
    severity: Sev2,
    components: [
        (id: "web", name: "Web", kind: Frontend, depends_on: ["api"], customers: (orders_per_min: 60.0, users: 100)),
        (id: "api", name: "API", kind: Service, depends_on: ["db"], degrades_with: ["cache"]),
        (id: "db", name: "Database", kind: Database),
        (id: "cache", name: "Cache", kind: Service),
    ],
    alerts: [(id: "db-errors", component: "db", metric: "error_rate", above: 20.0, for: "30s", severity: Page, text: "DB errors")],
    faults: [
        (id: "db-disk", component: "db", start: At("1m"), impairment: 1.0, root_cause: "Disk full"),
        (id: "db-corrupt", component: "db", start: IfNotMitigated(fault: "db-disk", by: "20m"), impairment: 1.0, root_cause: "Corruption"),
        (id: "cache-flush", component: "cache", start: AfterAction("wipe"), impairment: 1.0, root_cause: "Wiped"),
    ],
    actions: [
        (id: "look", name: "Look at the DB", kind: Diagnostic, target: "db", duration: "1m", effects: [Reveal("db-disk")], finding: "Disk full"),
        (id: "free", name: "Free disk space", kind: Remediation, target: "db", duration: "2m", effects: [Mitigate("db-disk"), Mitigate("db-corrupt")]),
        (id: "grow", name: "Grow the disk", kind: Remediation, target: "db", duration: "3m", requires: [Revealed("db-disk")], effects: [Resolve("db-disk"), Resolve("db-corrupt")]),
        (id: "wipe", name: "Wipe the cache", kind: Remediation, target: "cache", duration: "1m", trap: true, effects: []),
        (id: "warm", name: "Warm the cache", kind: Remediation, target: "cache", duration: "1m", effects: [Resolve("cache-flush")]),
    ],
    responders: [
        (id: "raj", name: "Raj", skills: [Database], traits: [Reliable], joins: "2m"),
        (id: "tom", name: "Tom", traits: [Freelancer], joins: "2m"),
    ],
    executives: [(id: "cto", name: "Kim", title: "CTO", patience: "5m")],
    exit: (mitigated: [Mitigated("db-disk")], resolved: [Resolved("db-disk")]),
)"#;

/// The tiny scenario, validated.
pub fn tiny() -> Scenario {
    let source = Source {
        file: "tiny.ron".into(),
        text: TINY.into(),
    };
    scenario::parse(&source).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Tiny with text replaced, expecting it to stay valid.
pub fn tiny_with(from: &str, to: &str) -> Scenario {
    assert!(TINY.contains(from), "`{from}` is not in the tiny scenario");
    let source = Source {
        file: "tiny.ron".into(),
        text: TINY.replacen(from, to, 1),
    };
    scenario::parse(&source).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Tiny with text replaced, expecting validation to fail; returns the messages.
pub fn tiny_errors(from: &str, to: &str) -> Vec<String> {
    assert!(TINY.contains(from), "`{from}` is not in the tiny scenario");
    let source = Source {
        file: "tiny.ron".into(),
        text: TINY.replacen(from, to, 1),
    };
    match scenario::parse(&source) {
        Ok(_) => panic!("`{to}` should not validate"),
        Err(errors) => errors.into_iter().map(|d| d.to_string()).collect(),
    }
}

const REFUNDS: &str = r#"obligations: [(id: "refunds", name: "Refund the stranded payouts", owner: OL,
        arises: Harm("merchants", Stranded), discharge: Action("refund"))],"#;

fn with_refund_action(s: &str) -> String {
    s.replace(
        r#"        (id: "wipe","#,
        r#"        (id: "refund", name: "Refund stranded payouts", kind: Remediation, target: "api", duration: "2m", requires: [Mitigated("db-disk")]),
        (id: "wipe","#,
    )
}

/// Tiny where merchants' payouts are stranded while the api is impaired,
/// and refunding them (`refund`, after the fix) is owed by the OL.
pub fn tiny_with_refunds() -> Scenario {
    let source = Source {
        file: "tiny.ron".into(),
        text: with_refund_action(&TINY.replacen(
            "    exit: (",
            &format!(
                r#"    customers: (segments: [
        (id: "merchants", name: "Merchants", unit: "payouts", per_min: 12.0, people: 40, uses: [("api", Stranded)]),
    ]),
    {REFUNDS}
    exit: ("#
            ),
            1,
        )),
    };
    scenario::parse(&source).unwrap_or_else(|e| panic!("{e:?}"))
}

/// A human team: ana (IC) and ben (OL) from the start.
pub fn team() -> Vec<HumanSpec> {
    vec![
        HumanSpec {
            id: "ana".into(),
            name: "Ana".into(),
            seat: Seat::IC,
            joins: Dur(0),
        },
        HumanSpec {
            id: "ben".into(),
            name: "Ben".into(),
            seat: Seat::OL,
            joins: Dur(0),
        },
    ]
}

/// A drill (with its simulated people) on the tiny scenario with the human team.
pub fn drill() -> Simulation {
    Simulation::new(tiny(), 1, &team())
}

/// A drill on the tiny scenario in which Ana (IC) has made Ben the OL.
pub fn drill_with_ol() -> Simulation {
    with_ol(tiny())
}

/// A drill on `scenario` (seed 1) in which Ana (IC) has made Ben the OL.
pub fn with_ol(scenario: Scenario) -> Simulation {
    let mut d = Simulation::new(scenario, 1, &team());
    act(
        &mut d,
        "ana",
        Command::Assign {
            role: crate::scenario::Role::OL,
            to: "ben".into(),
            briefing: String::new(),
        },
    );
    d
}

/// Steps with an order from `from` to `to`, with an optional time box in seconds.
pub fn order(
    drill: &mut Simulation,
    from: &str,
    to: &str,
    task: crate::world::Task,
    timebox: Option<u32>,
) {
    let command = Command::Order {
        to: Some(to.into()),
        task,
        timebox: timebox.map(Dur),
        text: String::new(),
    };
    act(drill, from, command);
}

/// Steps with one command from `by`.
pub fn act(drill: &mut Simulation, by: &str, command: Command) {
    drill.step(&[Input {
        by: by.into(),
        command,
    }]);
}

/// Ben (OL) finds the full disk at 3 minutes and grows it at 5.
pub fn ben_fixes_the_disk(d: &mut Simulation) {
    for (at, action) in [(3 * 60, "look"), (5 * 60, "grow")] {
        idle_until(d, at);
        act(d, "ben", Command::Run(action.into()));
    }
}

/// Steps with a post by `by` in #liaison.
pub fn say_in_liaison(d: &mut Simulation, by: &str, text: &str) {
    act(
        d,
        by,
        Command::Say {
            channel: crate::world::comms::Channel::Liaison,
            kind: crate::world::comms::MessageKind::StatusUpdate,
            text: text.into(),
        },
    );
}

/// Steps without input until the tick `at`.
pub fn idle_until(drill: &mut Simulation, at: u32) {
    while drill.now() < at && !drill.is_over() {
        drill.step(&[]);
    }
}
