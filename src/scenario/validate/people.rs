//! Who takes part: responders, executives, injects, and scoring weights.

use super::*;
use crate::scenario::Criterion;

pub(super) fn responders(
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

pub(super) fn executives(
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
                        crate::base::time::format_duration(x.patience.0)
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

pub(super) fn injects(
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
    let mut injects = raw
        .injects
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
                RawPersona::Party(id) => {
                    Persona::Party(t.parties.resolve(id, "injects", source, e)?)
                }
            };
            Some(Inject {
                at: i.at.0,
                from,
                text: i.text.clone(),
            })
        })
        .collect::<Vec<_>>();
    // Delivered in time order, whatever order the file lists them in.
    injects.sort_by_key(|i| i.at);
    injects
}

pub(super) fn weights(
    raw: &RawScenario,
    source: &Source,
    e: &mut Vec<Diagnostic>,
) -> BTreeMap<Criterion, f64> {
    let start = source.find_key("scoring", 0).unwrap_or(0);
    let mut weights = BTreeMap::new();
    for (key, value) in &raw.scoring.weights {
        let here = source.find_quoted(key, start).unwrap_or(start);
        let Some(criterion) = Criterion::parse(key) else {
            let hint = crate::base::diagnostic::did_you_mean(key, CRITERIA)
                .map_or("criteria are C1 to C16".to_string(), |b| {
                    format!("did you mean \"{b}\"?")
                });
            e.push(source.at(here, format!("unknown criterion \"{key}\""), Some(hint)));
            continue;
        };
        if !number_ok(*value, 0.0..=100.0) {
            e.push(source.at(
                here,
                format!("weight {value} for {key} is out of range"),
                Some("weights run from 0 to 100".into()),
            ));
        }
        weights.insert(criterion, *value);
    }
    weights
}
