//! What happens: faults, the actions that reveal and fix them, and conditions.

use super::platform::metric_index;
use super::*;

pub(super) fn faults(
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

pub(super) fn conditions(
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
                RawCondition::Defused(f) => {
                    Condition::Defused(t.faults.resolve(f, owner, source, e)?)
                }
                RawCondition::Discharged(o) => {
                    Condition::Discharged(t.obligations.resolve(o, owner, source, e)?)
                }
            })
        })
        .collect()
}

pub(super) fn actions(
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
                        crate::base::time::format_duration(a.duration.0)
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
                        RawEffect::Defuse(f) => {
                            Effect::Defuse(t.faults.resolve(f, &a.id, source, e)?)
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
                skill: a.skill.clone(),
                requires,
                effects,
                failure_chance: a.failure_chance,
                finding: a.finding.clone(),
                trap: a.trap,
            })
        })
        .collect()
}
