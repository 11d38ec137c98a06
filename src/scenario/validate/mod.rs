//! Turns a parsed `RawScenario` into a runnable `Scenario`, reporting every
//! problem at once, each located in the file with a hint.

mod graph;
mod ids;
mod reach;

pub use ids::valid_id;

use std::collections::BTreeMap;

use super::kinds::ActionKind;
use super::model::*;
use super::raw::*;
use crate::diagnostic::{Diagnostic, Source};
use crate::time::{MINUTE, Tick};
use ids::IdTable;

/// Criteria ids a scenario may reweight.
pub const CRITERIA: [&str; 15] = [
    "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12", "C13", "C14", "C15",
];

struct Tables {
    components: IdTable,
    faults: IdTable,
    actions: IdTable,
    executives: IdTable,
    responders: IdTable,
}

/// Validates a parsed scenario; on failure returns every problem found.
pub fn validate(raw: &RawScenario, source: &Source) -> Result<Scenario, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let e = &mut errors;
    let tables = Tables {
        components: IdTable::new(
            "component",
            raw.components.iter().map(|c| c.id.as_str()),
            source,
            e,
        ),
        faults: IdTable::new("fault", raw.faults.iter().map(|f| f.id.as_str()), source, e),
        actions: IdTable::new(
            "action",
            raw.actions.iter().map(|a| a.id.as_str()),
            source,
            e,
        ),
        executives: IdTable::new(
            "executive",
            raw.executives.iter().map(|x| x.id.as_str()),
            source,
            e,
        ),
        responders: IdTable::new(
            "responder",
            raw.responders.iter().map(|r| r.id.as_str()),
            source,
            e,
        ),
    };
    IdTable::new("alert", raw.alerts.iter().map(|a| a.id.as_str()), source, e);
    check_metadata(raw, source, e);
    for responder in &raw.responders {
        if crate::npc::is_seat_npc(&responder.id) {
            e.push(source.at(
                source.find_definition(&responder.id).unwrap_or(0),
                format!(
                    "responder id `{}` is reserved for the simulated seat holders",
                    responder.id
                ),
                Some(format!(
                    "pick another id; reserved: {}",
                    crate::npc::SEAT_NPC_IDS.join(", ")
                )),
            ));
        }
    }
    let limit = raw.time_limit.0;
    let components = components(raw, &tables, source, e);
    let topo_order = graph::topological_order(&components, source, e);
    let alerts = alerts(raw, &tables, &components, source, e);
    let faults = faults(raw, &tables, &components, limit, source, e);
    let actions = actions(raw, &tables, limit, source, e);
    let responders = responders(raw, limit, source, e);
    let executives = executives(raw, limit, source, e);
    let injects = injects(raw, &tables, limit, source, e);
    let exit = Exit {
        mitigated: conditions(&raw.exit.mitigated, "exit", &tables, source, e),
        resolved: conditions(&raw.exit.resolved, "exit", &tables, source, e),
    };
    if raw.exit.resolved.is_empty() {
        e.push(
            source.at(
                source
                    .find_key("resolved", source.find_key("exit", 0).unwrap_or(0))
                    .unwrap_or(0),
                "exit `resolved` is empty: the drill could never be won",
                Some("list what must hold, e.g. [Resolved(\"orders-db-disk\")]".into()),
            ),
        );
    }
    let weights = weights(raw, source, e);
    if !errors.is_empty() {
        return Err(errors);
    }
    reach::check(&faults, &actions, &exit, raw, source, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Scenario {
        id: raw.id.clone(),
        title: raw.title.clone(),
        summary: raw.summary.clone(),
        difficulty: raw.difficulty,
        objectives: raw.objectives.clone(),
        recommended_seats: raw.recommended_seats.clone(),
        time_limit: limit,
        par: Par {
            declare: raw.par.declare.0,
            mitigate: raw.par.mitigate.0,
            resolve: raw.par.resolve.0,
        },
        severity: raw.severity,
        need_to_know: raw.need_to_know,
        components,
        topo_order,
        alerts,
        faults,
        actions,
        responders,
        executives,
        complaints_per_min: raw.customers.complaints_per_min,
        injects,
        exit,
        weights,
    })
}

fn check_metadata(raw: &RawScenario, source: &Source, e: &mut Vec<Diagnostic>) {
    let at = |word: &str| source.find_key(word, 0).unwrap_or(0);
    if !valid_id(&raw.id) {
        e.push(source.at(
            at("id"),
            format!("scenario id `{}` is not a valid id", raw.id),
            Some("use lowercase letters, digits and `-` (e.g. \"matching-engine-failure\")".into()),
        ));
    }
    for (field, text) in [("title", &raw.title), ("summary", &raw.summary)] {
        if text.trim().is_empty() {
            e.push(source.at(
                at(field),
                format!("`{field}` is empty"),
                Some("trainees read it in the picker; say what the drill is".into()),
            ));
        }
    }
    if raw.objectives.iter().all(|o| o.trim().is_empty()) {
        e.push(source.at(
            at("objectives"),
            "no learning objectives",
            Some("name what the drill teaches, one sentence each".into()),
        ));
    }
    let limit = raw.time_limit.0;
    if !(5 * MINUTE..=8 * 60 * MINUTE).contains(&limit) {
        e.push(source.at(
            at("time_limit"),
            format!(
                "time_limit {} is out of range",
                crate::time::format_duration(limit)
            ),
            Some("a drill lasts between 5m and 8h".into()),
        ));
    }
    let par = &raw.par;
    for (name, value) in [
        ("declare", par.declare.0),
        ("mitigate", par.mitigate.0),
        ("resolve", par.resolve.0),
    ] {
        if value > limit {
            e.push(source.at(
                source.find_key(name, at("par")).unwrap_or(0),
                format!(
                    "par `{name}` ({}) is past the time limit ({})",
                    crate::time::format_duration(value),
                    crate::time::format_duration(limit)
                ),
                Some("par times must fall inside the drill".into()),
            ));
        }
    }
    if !(par.declare.0 <= par.mitigate.0 && par.mitigate.0 <= par.resolve.0) {
        e.push(source.at(
            at("par"),
            "par times are out of order",
            Some("declare ≤ mitigate ≤ resolve".into()),
        ));
    }
}

fn number_ok(value: f64, range: std::ops::RangeInclusive<f64>) -> bool {
    value.is_finite() && range.contains(&value)
}

fn components(
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
                kind: c.kind,
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

fn alerts(
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
            })
        })
        .collect()
}

fn metric_index(
    component: &Component,
    name: &str,
    owner: &str,
    source: &Source,
    e: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let found = component.metric_index(name);
    if found.is_none() {
        let names: Vec<&str> = component.metrics.iter().map(|m| m.name.as_str()).collect();
        let hint = match crate::diagnostic::did_you_mean(name, names.iter().copied()) {
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

fn past_limit(
    what: String,
    at: Tick,
    limit: Tick,
    offset: usize,
    source: &Source,
    e: &mut Vec<Diagnostic>,
) {
    if at > limit {
        e.push(source.at(
            offset,
            format!(
                "{what} at {}, past the time limit ({})",
                crate::time::format_duration(at),
                crate::time::format_duration(limit)
            ),
            Some("move it inside the drill or raise time_limit".into()),
        ));
    }
}

fn faults(
    raw: &RawScenario,
    t: &Tables,
    components: &[Component],
    limit: Tick,
    source: &Source,
    e: &mut Vec<Diagnostic>,
) -> Vec<Fault> {
    if raw.faults.is_empty() {
        e.push(source.at(
            source.find_key("faults", 0).unwrap_or(0),
            "the scenario has no faults",
            Some("a drill needs something to go wrong".into()),
        ));
    }
    raw.faults
        .iter()
        .filter_map(|f| {
            let here = source.find_definition(&f.id).unwrap_or(0);
            let component = t.components.resolve(&f.component, &f.id, source, e);
            if !number_ok(f.impairment, 0.0..=1.0) {
                e.push(source.at(
                    source.find_key("impairment", here).unwrap_or(here),
                    format!("fault `{}` has impairment {}", f.id, f.impairment),
                    Some("impairment runs from 0.0 (no effect) to 1.0 (down)".into()),
                ));
            }
            if f.impairment == 0.0 && f.metrics.is_empty() {
                e.push(source.at(
                    here,
                    format!("fault `{}` has no effect", f.id),
                    Some("give it an impairment or metrics it drives".into()),
                ));
            }
            if f.root_cause.trim().is_empty() {
                e.push(source.at(
                    here,
                    format!("fault `{}` has no root cause", f.id),
                    Some("describe what diagnostics will find".into()),
                ));
            }
            let start = match &f.start {
                RawFaultStart::At(at) => {
                    past_limit(
                        format!("fault `{}` starts", f.id),
                        at.0,
                        limit,
                        here,
                        source,
                        e,
                    );
                    Some(FaultStart::At(at.0))
                }
                RawFaultStart::IfNotMitigated { fault, by } => {
                    past_limit(
                        format!("fault `{}` triggers", f.id),
                        by.0,
                        limit,
                        here,
                        source,
                        e,
                    );
                    t.faults
                        .resolve(fault, &f.id, source, e)
                        .map(|i| FaultStart::IfNotMitigated { fault: i, by: by.0 })
                }
                RawFaultStart::AfterAction(action) => t
                    .actions
                    .resolve(action, &f.id, source, e)
                    .map(FaultStart::AfterAction),
                RawFaultStart::AfterFault { fault, delay } => {
                    if fault == &f.id {
                        e.push(source.at(
                            here,
                            format!("fault `{}` starts after itself", f.id),
                            Some("name another fault".into()),
                        ));
                    }
                    t.faults
                        .resolve(fault, &f.id, source, e)
                        .map(|i| FaultStart::AfterFault {
                            fault: i,
                            delay: delay.0,
                        })
                }
            };
            let component = component?;
            let metrics = f
                .metrics
                .iter()
                .filter_map(|(name, value)| {
                    if !number_ok(*value, -1e9..=1e9) {
                        e.push(source.at(
                            source.locate_in(&f.id, name),
                            format!("fault `{}` drives `{name}` to an absurd value", f.id),
                            Some("use a finite number within ±1e9".into()),
                        ));
                    }
                    metric_index(&components[component], name, &f.id, source, e)
                        .map(|m| (m, *value))
                })
                .collect();
            Some(Fault {
                id: f.id.clone(),
                component,
                start: start?,
                impairment: f.impairment,
                ramp: f.ramp.map_or(0, |r| r.0),
                metrics,
                root_cause: f.root_cause.clone(),
            })
        })
        .collect()
}

fn conditions(
    list: &[RawCondition],
    owner: &str,
    t: &Tables,
    source: &Source,
    e: &mut Vec<Diagnostic>,
) -> Vec<Condition> {
    list.iter()
        .filter_map(|c| {
            Some(match c {
                RawCondition::Revealed(f) => {
                    Condition::Revealed(t.faults.resolve(f, owner, source, e)?)
                }
                RawCondition::Active(f) => {
                    Condition::Active(t.faults.resolve(f, owner, source, e)?)
                }
                RawCondition::Mitigated(f) => {
                    Condition::Mitigated(t.faults.resolve(f, owner, source, e)?)
                }
                RawCondition::Resolved(f) => {
                    Condition::Resolved(t.faults.resolve(f, owner, source, e)?)
                }
                RawCondition::Done(a) => Condition::Done(t.actions.resolve(a, owner, source, e)?),
                RawCondition::NotDone(a) => {
                    Condition::NotDone(t.actions.resolve(a, owner, source, e)?)
                }
                RawCondition::Healthy(c) => {
                    Condition::Healthy(t.components.resolve(c, owner, source, e)?)
                }
            })
        })
        .collect()
}

fn actions(
    raw: &RawScenario,
    t: &Tables,
    limit: Tick,
    source: &Source,
    e: &mut Vec<Diagnostic>,
) -> Vec<Action> {
    raw.actions
        .iter()
        .filter_map(|a| {
            let here = source.find_definition(&a.id).unwrap_or(0);
            let target = t.components.resolve(&a.target, &a.id, source, e);
            if a.duration.0 == 0 || a.duration.0 > limit {
                e.push(source.at(
                    source.find_key("duration", here).unwrap_or(here),
                    format!(
                        "action `{}` takes {}",
                        a.id,
                        crate::time::format_duration(a.duration.0)
                    ),
                    Some("an action takes more than 0s and less than the whole drill".into()),
                ));
            }
            if !number_ok(a.failure_chance, 0.0..=0.95) {
                e.push(source.at(
                    source.find_key("failure_chance", here).unwrap_or(here),
                    format!("action `{}` has failure_chance {}", a.id, a.failure_chance),
                    Some("a probability from 0.0 to 0.95".into()),
                ));
            }
            let requires = conditions(&a.requires, &a.id, t, source, e);
            let effects: Vec<Effect> = a
                .effects
                .iter()
                .filter_map(|fx| {
                    Some(match fx {
                        RawEffect::Reveal(f) => {
                            Effect::Reveal(t.faults.resolve(f, &a.id, source, e)?)
                        }
                        RawEffect::Mitigate(f) => {
                            Effect::Mitigate(t.faults.resolve(f, &a.id, source, e)?)
                        }
                        RawEffect::Resolve(f) => {
                            Effect::Resolve(t.faults.resolve(f, &a.id, source, e)?)
                        }
                        RawEffect::Trigger(f) => {
                            Effect::Trigger(t.faults.resolve(f, &a.id, source, e)?)
                        }
                    })
                })
                .collect();
            if a.kind == ActionKind::Diagnostic
                && effects.iter().any(|fx| !matches!(fx, Effect::Reveal(_)))
            {
                e.push(source.at(
                    here,
                    format!("diagnostic `{}` changes production", a.id),
                    Some("diagnostics only Reveal; make it kind: Remediation".into()),
                ));
            }
            if a.kind == ActionKind::Diagnostic && a.finding.trim().is_empty() {
                e.push(source.at(
                    here,
                    format!("diagnostic `{}` has no finding", a.id),
                    Some("write what the responder sees (finding: \"...\")".into()),
                ));
            }
            Some(Action {
                id: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind,
                target: target?,
                duration: a.duration.0,
                skill: a.skill,
                requires,
                effects,
                failure_chance: a.failure_chance,
                finding: a.finding.clone(),
                trap: a.trap,
            })
        })
        .collect()
}

fn responders(
    raw: &RawScenario,
    limit: Tick,
    source: &Source,
    e: &mut Vec<Diagnostic>,
) -> Vec<Responder> {
    raw.responders
        .iter()
        .map(|r| {
            past_limit(
                format!("responder `{}` joins", r.id),
                r.joins.0,
                limit,
                source.find_definition(&r.id).unwrap_or(0),
                source,
                e,
            );
            Responder {
                id: r.id.clone(),
                name: r.name.clone(),
                skills: r.skills.clone(),
                traits: r.traits.clone(),
                joins: r.joins.0,
            }
        })
        .collect()
}

fn executives(
    raw: &RawScenario,
    limit: Tick,
    source: &Source,
    e: &mut Vec<Diagnostic>,
) -> Vec<Executive> {
    raw.executives
        .iter()
        .map(|x| {
            if x.patience.0 < MINUTE || x.patience.0 > limit {
                e.push(source.at(
                    source.find_definition(&x.id).unwrap_or(0),
                    format!(
                        "executive `{}` has patience {}",
                        x.id,
                        crate::time::format_duration(x.patience.0)
                    ),
                    Some("between 1m and the time limit".into()),
                ));
            }
            Executive {
                id: x.id.clone(),
                name: x.name.clone(),
                title: x.title.clone(),
                patience: x.patience.0,
            }
        })
        .collect()
}

fn injects(
    raw: &RawScenario,
    t: &Tables,
    limit: Tick,
    source: &Source,
    e: &mut Vec<Diagnostic>,
) -> Vec<Inject> {
    if !number_ok(raw.customers.complaints_per_min, 0.0..=100.0) {
        e.push(source.at(
            source.find_key("complaints_per_min", 0).unwrap_or(0),
            "complaints_per_min is out of range",
            Some("0 to 100".into()),
        ));
    }
    let start = source.find_key("injects", 0).unwrap_or(0);
    raw.injects
        .iter()
        .filter_map(|i| {
            let here = source.find_quoted(&i.text, start).unwrap_or(start);
            past_limit("inject".into(), i.at.0, limit, here, source, e);
            let from = match &i.from {
                RawPersona::Executive(id) if !t.executives.contains(id) => {
                    t.executives.resolve(id, "injects", source, e);
                    return None;
                }
                RawPersona::Responder(id) if !t.responders.contains(id) => {
                    t.responders.resolve(id, "injects", source, e);
                    return None;
                }
                RawPersona::Executive(id) => Persona::Executive(id.clone()),
                RawPersona::Responder(id) => Persona::Responder(id.clone()),
                RawPersona::Customer(name) => Persona::Customer(name.clone()),
                RawPersona::Vendor(name) => Persona::Vendor(name.clone()),
                RawPersona::Regulator(name) => Persona::Regulator(name.clone()),
            };
            Some(Inject {
                at: i.at.0,
                from,
                text: i.text.clone(),
            })
        })
        .collect()
}

fn weights(raw: &RawScenario, source: &Source, e: &mut Vec<Diagnostic>) -> BTreeMap<String, f64> {
    let start = source.find_key("scoring", 0).unwrap_or(0);
    for (key, value) in &raw.scoring.weights {
        let here = source.find_quoted(key, start).unwrap_or(start);
        if !CRITERIA.contains(&key.as_str()) {
            let hint = crate::diagnostic::did_you_mean(key, CRITERIA)
                .map_or("criteria are C1 to C15".to_string(), |b| {
                    format!("did you mean \"{b}\"?")
                });
            e.push(source.at(here, format!("unknown criterion \"{key}\""), Some(hint)));
        } else if !number_ok(*value, 0.0..=100.0) {
            e.push(source.at(
                here,
                format!("weight {value} for {key} is out of range"),
                Some("weights run from 0 to 100".into()),
            ));
        }
    }
    raw.scoring.weights.clone()
}

#[cfg(test)]
mod tests {
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
}
