//! The business around the platform: customer segments (one per
//! customer-facing component when the file names none), parties outside the
//! company, and obligations.

use super::*;
use crate::scenario::Seat;
use crate::scenario::business::*;

/// The scenario's segments, or one per component with customers.
pub(super) fn segments(
    raw: &RawScenario,
    t: &Tables,
    components: &[Component],
    source: &Source,
    e: &mut Vec<Diagnostic>,
) -> Vec<Segment> {
    if raw.customers.segments.is_empty() {
        return components
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let load = c.customers?;
                Some(Segment {
                    id: c.id.clone(),
                    name: format!("{} users", c.name),
                    unit: "orders".into(),
                    per_min: load.orders_per_min,
                    people: load.users,
                    uses: vec![(i, Harm::Blocked)],
                    says: Vec::new(),
                })
            })
            .collect();
    }
    raw.customers
        .segments
        .iter()
        .map(|s| {
            let here = source.find_definition(&s.id).unwrap_or(0);
            if !number_ok(s.per_min, 0.0..=1e9) {
                e.push(source.at(
                    source.find_key("per_min", here).unwrap_or(here),
                    format!("segment `{}` has per_min {}", s.id, s.per_min),
                    Some("units per minute in normal operation, 0 or more".into()),
                ));
            }
            if s.uses.is_empty() {
                e.push(source.at(
                    here,
                    format!("segment `{}` uses no component", s.id),
                    Some("list what they depend on, e.g. uses: [(\"checkout\", Blocked)]".into()),
                ));
            }
            if s.unit.trim().is_empty() {
                e.push(source.at(
                    here,
                    format!("segment `{}` has no unit", s.id),
                    Some("name what their business is counted in, e.g. unit: \"orders\"".into()),
                ));
            }
            Segment {
                id: s.id.clone(),
                name: s.name.clone(),
                unit: s.unit.clone(),
                per_min: s.per_min,
                people: s.people,
                uses: s
                    .uses
                    .iter()
                    .filter_map(|(c, harm)| {
                        Some((t.components.resolve(c, &s.id, source, e)?, *harm))
                    })
                    .collect(),
                says: s.says.clone(),
            }
        })
        .collect()
}

/// The parties outside the company.
pub(super) fn parties(
    raw: &RawScenario,
    t: &Tables,
    source: &Source,
    e: &mut Vec<Diagnostic>,
) -> Vec<Party> {
    raw.parties
        .iter()
        .map(|p| {
            if t.responders.contains(&p.id) || t.executives.contains(&p.id) {
                e.push(source.at(
                    source.find_quoted(&p.id, 0).unwrap_or(0),
                    format!("party id `{}` is also a person in the drill", p.id),
                    Some("give the party an id of its own".into()),
                ));
            }
            if !valid_id(&p.kind) {
                e.push(source.at(
                    source.find_quoted(&p.kind, 0).unwrap_or(0),
                    format!("party `{}` has kind `{}`, not an id", p.id, p.kind),
                    Some(
                        "a word of your own in lowercase, e.g. \"regulator\", \"press\", \"vendor\""
                            .into(),
                    ),
                ));
            }
            Party {
                id: p.id.clone(),
                name: p.name.clone(),
                kind: p.kind.clone(),
            }
        })
        .collect()
}

/// The obligations, each arising from harm or a fault and discharged by an
/// action (the OL's) or a notice (the CL's).
pub(super) fn obligations(
    raw: &RawScenario,
    t: &Tables,
    segments: &[Segment],
    source: &Source,
    e: &mut Vec<Diagnostic>,
) -> Vec<Obligation> {
    raw.obligations
        .iter()
        .filter_map(|o| {
            let here = source.find_definition(&o.id).unwrap_or(0);
            let arises = match &o.arises {
                RawArises::Harm(segment, harm) => {
                    let Some(s) = segments.iter().position(|s| &s.id == segment) else {
                        t.segments.resolve(segment, &o.id, source, e);
                        return None;
                    };
                    if !segments[s].uses.iter().any(|(_, h)| h == harm) {
                        e.push(source.at(
                            here,
                            format!(
                                "obligation `{}` arises from {harm:?} harm to `{segment}`, which no component can do",
                                o.id
                            ),
                            Some(format!(
                                "give segment `{segment}` a use with {harm:?}, or pick the harm it can suffer"
                            )),
                        ));
                    }
                    Arises::Harm(s, *harm)
                }
                RawArises::Fault(f) => Arises::Fault(t.faults.resolve(f, &o.id, source, e)?),
            };
            let discharge = match &o.discharge {
                RawDischarge::Action(a) => Discharge::Action(t.actions.resolve(a, &o.id, source, e)?),
                RawDischarge::Notice(p) => Discharge::Notice(t.parties.resolve(p, &o.id, source, e)?),
            };
            let fitting = match discharge {
                Discharge::Action(_) => o.owner == Seat::OL,
                Discharge::Notice(_) => o.owner == Seat::CL,
            };
            if !fitting {
                e.push(source.at(
                    source.find_key("owner", here).unwrap_or(here),
                    format!("obligation `{}` is owned by the {:?}, who cannot discharge it", o.id, o.owner),
                    Some("an action is the OL's to have run (owner: OL); a notice is the CL's to send (owner: CL)".into()),
                ));
            }
            Some(Obligation {
                id: o.id.clone(),
                name: o.name.clone(),
                owner: o.owner,
                arises,
                discharge,
            })
        })
        .collect()
}
