//! Individual cards: a person's share of the marks, weighted by how long
//! they held the roles that own each criterion.

use serde::{Deserialize, Serialize};

use super::facts::Facts;
use super::{Band, Criterion, Judgement, Mark, aggregate, weighted};
use crate::scenario::Role;

/// One person's scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub who: String,
    pub name: String,
    /// Command roles held, with minutes held (from the first alert on).
    pub roles: Vec<(String, u32)>,
    pub overall: Option<f64>,
    pub band: Option<Band>,
    /// The person's judgements: only marks they were responsible for.
    pub criteria: Vec<Judgement>,
}

impl Card {
    /// The card of `who`, cut from the team's judgements.
    pub fn of(who: &str, facts: &Facts, team: &[Judgement]) -> Card {
        let mut weights = Vec::new();
        let criteria: Vec<Judgement> = team
            .iter()
            .map(|j| {
                // Each mark at the value of this person's own part.
                let marks: Vec<_> = j
                    .marks
                    .iter()
                    .filter(|m| m.who.iter().any(|w| w == who))
                    .map(|m| Mark {
                        value: m.value_for(who),
                        ..m.clone()
                    })
                    .collect();
                let value = aggregate(marks.iter());
                let share = share(who, j.criterion, facts);
                weights.push((j.weight * share, value));
                Judgement {
                    criterion: j.criterion,
                    weight: j.weight,
                    value,
                    band: value.map(Band::of),
                    note: if value.is_none() {
                        format!("N/A for {}: no opportunity fell to them", facts.name(who))
                    } else {
                        String::new()
                    },
                    marks,
                }
            })
            .collect();
        let overall = weighted(weights.into_iter());
        let mut roles = Vec::new();
        let mut command: Vec<Role> = Role::COMMAND_ROLES.to_vec();
        for change in &facts.roles {
            if !command.contains(&change.role) {
                command.push(change.role.clone());
            }
        }
        for role in command {
            // A role nobody ever staffed (often PL) is noise on every card.
            if role != Role::IC && facts.first_staffed(&role).is_none() && role != Role::Scribe {
                continue;
            }
            let (held, _) = facts.held_for(who, std::slice::from_ref(&role));
            if held > 0 {
                roles.push((role.label(), held));
            }
        }
        Card {
            who: who.to_string(),
            name: facts.name(who).to_string(),
            roles,
            overall,
            band: overall.map(Band::of),
            criteria,
        }
    }
}

/// How much of a criterion's weight falls on `who`: the share of the incident
/// they held one of its owning roles (everyone owns criteria with no owners).
fn share(who: &str, criterion: Criterion, facts: &Facts) -> f64 {
    let owners = criterion.owners();
    if owners.is_empty() {
        return 1.0;
    }
    let (held, total) = facts.held_for(who, owners);
    // Whoever held the role at all carries at least a tenth of its weight.
    if held == 0 {
        0.0
    } else {
        (f64::from(held) / f64::from(total)).max(0.1)
    }
}
