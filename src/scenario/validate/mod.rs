//! Turns a parsed `RawScenario` into a runnable `Scenario`, reporting every
//! problem at once, each located in the file with a hint.

mod advice;
mod business;
mod events;
mod graph;
mod ids;
mod metadata;
mod people;
mod platform;
mod reach;

pub use advice::advise;
pub use ids::valid_id;

use std::collections::BTreeMap;

use super::kinds::ActionKind;
use super::model::*;
use super::raw::*;
use crate::base::diagnostic::{Diagnostic, Source};
use crate::base::time::{MINUTE, Tick};
use events::{actions, conditions, faults};
use ids::IdTable;
use metadata::check_metadata;
use people::{executives, injects, responders, weights};
pub use platform::default_metrics;
use platform::{alerts, components};

pub use crate::scenario::rubric::CRITERIA;

struct Tables {
    components: IdTable,
    faults: IdTable,
    actions: IdTable,
    executives: IdTable,
    responders: IdTable,
    segments: IdTable,
    parties: IdTable,
    obligations: IdTable,
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
        segments: IdTable::new(
            "segment",
            raw.customers.segments.iter().map(|s| s.id.as_str()),
            source,
            e,
        ),
        parties: IdTable::new(
            "party",
            raw.parties.iter().map(|p| p.id.as_str()),
            source,
            e,
        ),
        obligations: IdTable::new(
            "obligation",
            raw.obligations.iter().map(|o| o.id.as_str()),
            source,
            e,
        ),
    };
    IdTable::new("alert", raw.alerts.iter().map(|a| a.id.as_str()), source, e);
    check_metadata(raw, source, e);
    for executive in &raw.executives {
        if tables.responders.contains(&executive.id) {
            e.push(source.at(
                source.find_definition(&executive.id).unwrap_or(0),
                format!("`{}` is both a responder and an executive", executive.id),
                Some("every person needs their own id".into()),
            ));
        }
    }
    for responder in &raw.responders {
        if crate::scenario::stand_ins::is_seat_npc(&responder.id) {
            e.push(source.at(
                source.find_definition(&responder.id).unwrap_or(0),
                format!(
                    "responder id `{}` is reserved for the simulated seat holders",
                    responder.id
                ),
                Some(format!(
                    "pick another id; reserved: {}",
                    crate::scenario::stand_ins::SEAT_NPC_IDS.join(", ")
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
    let segments = business::segments(raw, &tables, &components, source, e);
    let parties = business::parties(raw, &tables, source, e);
    let obligations = business::obligations(raw, &tables, &segments, source, e);
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
    reach::check(
        &faults,
        &actions,
        &exit,
        &obligations,
        raw,
        source,
        &mut errors,
    );
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
        segments,
        parties,
        obligations,
        injects,
        exit,
        weights,
    })
}

pub(super) fn number_ok(value: f64, range: std::ops::RangeInclusive<f64>) -> bool {
    value.is_finite() && range.contains(&value)
}

pub(super) fn past_limit(
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
                crate::base::time::format_duration(at),
                crate::base::time::format_duration(limit)
            ),
            Some("move it inside the drill or raise time_limit".into()),
        ));
    }
}

#[cfg(test)]
mod tests;
