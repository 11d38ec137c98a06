//! The platform: components, their dependencies and metrics, and alert rules.

use super::*;

pub(super) fn components(
    raw: &RawScenario,
    t: &Tables,
    source: &Source,
    e: &mut Vec<Diagnostic>,
) -> Vec<Component> {
    if raw.components.is_empty() {
        e.push(source.at(
            source.find_key("components", 0).unwrap_or(0),
            "the platform has no components",
            Some("declare at least one component".into()),
        ));
    }
    raw.components
        .iter()
        .map(|c| {
            let mut depends_on = Vec::new();
            for (list, weight) in [(&c.depends_on, 1.0), (&c.degrades_with, 0.5)] {
                for dep in list {
                    if dep == &c.id {
                        e.push(source.at(
                            source.locate_in(&c.id, dep),
                            format!("component `{}` depends on itself", c.id),
                            Some("remove it from its own list".into()),
                        ));
                    } else if let Some(i) = t.components.resolve(dep, &c.id, source, e) {
                        depends_on.push((i, weight));
                    }
                }
            }
            let mut metrics: Vec<Metric> = c
                .metrics
                .iter()
                .map(|(name, m)| {
                    if !number_ok(m.baseline, -1e9..=1e9) || !number_ok(m.failed, -1e9..=1e9) {
                        e.push(source.at(
                            source.locate_in(&c.id, name),
                            format!("metric `{name}` of `{}` has an absurd value", c.id),
                            Some("use finite numbers within ±1e9".into()),
                        ));
                    }
                    Metric {
                        name: name.clone(),
                        baseline: m.baseline,
                        failed: m.failed,
                        unit: m.unit.clone(),
                    }
                })
                .collect();
            if metrics.is_empty() {
                metrics = default_metrics();
            }
            let customers = c.customers.as_ref().map(|load| {
                if !number_ok(load.orders_per_min, 0.0..=1e7) {
                    e.push(source.at(
                        source.locate_in(&c.id, "orders_per_min"),
                        "orders_per_min is out of range",
                        Some("0 to 10,000,000".into()),
                    ));
                }
                CustomerLoad {
                    orders_per_min: load.orders_per_min,
                    users: load.users,
                }
            });
            Component {
                id: c.id.clone(),
                name: c.name.clone(),
                kind: c.kind.clone(),
                depends_on,
                metrics,
                customers,
            }
        })
        .collect()
}

/// Metrics every component has unless the scenario names its own.
pub fn default_metrics() -> Vec<Metric> {
    let metric = |name: &str, baseline, failed, unit: &str| Metric {
        name: name.into(),
        baseline,
        failed,
        unit: unit.into(),
    };
    vec![
        metric("error_rate", 0.2, 100.0, "%"),
        metric("latency_ms", 25.0, 5000.0, "ms"),
    ]
}

pub(super) fn alerts(
    raw: &RawScenario,
    t: &Tables,
    components: &[Component],
    source: &Source,
    e: &mut Vec<Diagnostic>,
) -> Vec<AlertRule> {
    raw.alerts
        .iter()
        .filter_map(|a| {
            let component = t.components.resolve(&a.component, &a.id, source, e)?;
            let metric = metric_index(&components[component], &a.metric, &a.id, source, e)?;
            match (a.above, a.below) {
                (None, None) | (Some(_), Some(_)) => e.push(source.at(
                    source.find_definition(&a.id).unwrap_or(0),
                    format!("alert `{}` needs exactly one of `above` or `below`", a.id),
                    Some("e.g. above: Some(500.0)".into()),
                )),
                (Some(v), None) | (None, Some(v)) if !number_ok(v, -1e9..=1e9) => {
                    e.push(source.at(
                        source.find_definition(&a.id).unwrap_or(0),
                        format!("alert `{}` has an absurd threshold", a.id),
                        Some("use a finite number within ±1e9".into()),
                    ))
                }
                _ => {}
            }
            Some(AlertRule {
                id: a.id.clone(),
                component,
                metric,
                above: a.above,
                below: a.below,
                sustained: a.sustained.0,
                severity: a.severity,
                text: a.text.clone(),
                noise: false,
            })
        })
        .collect()
}

pub(super) fn metric_index(
    component: &Component,
    name: &str,
    owner: &str,
    source: &Source,
    e: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let found = component.metric_index(name);
    if found.is_none() {
        let names: Vec<&str> = component.metrics.iter().map(|m| m.name.as_str()).collect();
        let hint = match crate::base::diagnostic::did_you_mean(name, names.iter().copied()) {
            Some(best) => format!("did you mean \"{best}\"?"),
            None => format!("`{}` has metrics: {}", component.id, names.join(", ")),
        };
        e.push(source.at(
            source.locate_in(owner, name),
            format!("component `{}` has no metric \"{name}\"", component.id),
            Some(hint),
        ));
    }
    found
}
