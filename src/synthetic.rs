//! Generated scenarios of any size, for benchmarks and stress runs: a tree of
//! components (each depends on its parent), a fault at the root that the
//! whole tree feels, alerts on every tenth component.

use std::fmt::Write;

use crate::diagnostic::Source;
use crate::scenario::{self, Scenario};

/// A valid scenario with `components` components (at least 2).
pub fn scenario(components: usize) -> Scenario {
    let source = Source {
        file: format!("synthetic-{components}.ron"),
        text: text(components),
    };
    scenario::parse(&source)
        .unwrap_or_else(|errors| panic!("synthetic scenario is invalid: {errors:?}"))
}

/// The RON text of `scenario(components)`.
pub fn text(components: usize) -> String {
    let n = components.max(2);
    let mut out = String::from(
        "Scenario(id: \"synthetic\", title: \"Synthetic platform\", summary: \"A generated platform for benchmarks.\",\n\
         difficulty: Expert, objectives: [\"Scale\"], time_limit: \"60m\",\n\
         par: (declare: \"5m\", mitigate: \"20m\", resolve: \"40m\"), severity: Sev2,\n components: [\n",
    );
    for i in 0..n {
        let deps = if i == 0 {
            String::new()
        } else {
            format!("depends_on: [\"c{}\"], ", (i - 1) / 2)
        };
        let customers = if i % 7 == 1 {
            "customers: (orders_per_min: 100.0, users: 1000), "
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  (id: \"c{i}\", name: \"Component {i}\", kind: Service, {deps}{customers}),"
        );
    }
    out.push_str(" ],\n alerts: [\n");
    for i in (0..n).step_by(10) {
        let _ = writeln!(
            out,
            "  (id: \"a{i}\", component: \"c{i}\", metric: \"error_rate\", above: 5.0, for: \"30s\", severity: Page, text: \"c{i} errors\"),"
        );
    }
    out.push_str(
        " ],\n faults: [(id: \"root\", component: \"c0\", start: At(\"2m\"), impairment: 0.9, ramp: \"3m\", root_cause: \"Root failure\")],\n\
         actions: [\n\
         (id: \"inspect\", name: \"Inspect the root\", kind: Diagnostic, target: \"c0\", duration: \"3m\", effects: [Reveal(\"root\")], finding: \"Root failure\"),\n\
         (id: \"restart\", name: \"Restart the root\", kind: Remediation, target: \"c0\", duration: \"4m\", effects: [Mitigate(\"root\")]),\n\
         (id: \"repair\", name: \"Repair the root\", kind: Remediation, target: \"c0\", duration: \"6m\", requires: [Revealed(\"root\")], effects: [Resolve(\"root\")]),\n\
         ],\n\
         responders: [(id: \"r1\", name: \"R One\", joins: \"3m\"), (id: \"r2\", name: \"R Two\", traits: [Slow], joins: \"5m\")],\n\
         executives: [(id: \"x\", name: \"X\", title: \"CEO\", patience: \"20m\")],\n\
         exit: (mitigated: [Mitigated(\"root\")], resolved: [Resolved(\"root\")]),\n)\n",
    );
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn synthetic_scenarios_validate_at_any_size() {
        for n in [2, 14, 100, 400] {
            let s = super::scenario(n);
            assert_eq!(s.components.len(), n);
            assert_eq!(s.alerts.len(), n.div_ceil(10));
        }
    }
}
