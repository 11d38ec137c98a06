//! Harm done and what it costs: each segment's count in its own unit, and
//! what the company owes once harm is done: an obligation arises from a
//! segment's harm or a fault's start, is discharged by its action or its
//! notice, and while one is owed the incident is not over.

use serde::{Deserialize, Serialize};

use super::Drill;
use super::event::{Event, SegmentImpact};
use crate::base::time::Tick;
use crate::scenario::{Arises, Discharge, Harm, ObligationIdx};
use crate::world::comms::{Channel, Message};

/// Where an obligation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Owing {
    /// Nothing has made it due.
    #[default]
    NotYet,
    Owed {
        since: Tick,
    },
    /// Paid, when the segment's harm stood at `units` (an action's payment
    /// covers the harm done until then: more harm owes it again).
    Discharged {
        at: Tick,
        units: u64,
    },
}

impl Drill {
    /// Harm done for the first time is announced; obligations whose harm
    /// has now been done become owed.
    pub(super) fn obligations_arise(&mut self) {
        for s in 0..self.scenario.segments.len() {
            for harm in Harm::ALL {
                let bit = 1u8 << harm as u8;
                if self.harm_noted[s] & bit == 0 && self.platform.harmed(s, harm) >= 1 {
                    self.harm_noted[s] |= bit;
                    let segment = self.scenario.segments[s].id.clone();
                    self.emit(Event::SegmentHarmed { segment, harm });
                }
            }
        }
        for o in 0..self.scenario.obligations.len() {
            let ob = &self.scenario.obligations[o];
            let arisen = match (self.owing[o], ob.arises) {
                (Owing::Owed { .. }, _) => false,
                (Owing::NotYet, Arises::Harm(segment, harm)) => {
                    self.platform.harmed(segment, harm) >= 1
                }
                // Owed from when the team can know it: the cause found, or
                // the problem fixed.
                (Owing::NotYet, Arises::Fault(f)) => {
                    let fault = &self.faults[f];
                    fault.has_started() && (fault.revealed || fault.is_mitigated())
                }
                (Owing::Discharged { units, .. }, Arises::Harm(segment, harm)) => {
                    matches!(ob.discharge, Discharge::Action(_))
                        && self.platform.harmed(segment, harm) > units
                }
                (Owing::Discharged { .. }, Arises::Fault(_)) => false,
            };
            if arisen {
                self.owing[o] = Owing::Owed { since: self.now };
                let ob = &self.scenario.obligations[o];
                let event = Event::ObligationArose {
                    obligation: ob.id.clone(),
                    name: ob.name.clone(),
                    owner: ob.owner,
                };
                self.note_debt(&event);
                self.emit(event);
            }
        }
    }

    /// An action finished well: the obligations it pays are discharged.
    pub(super) fn discharge_by_action(&mut self, action: usize, by: &str) {
        self.discharge_where(by, |d| d == Discharge::Action(action));
    }

    /// A team member's post in #liaison: the notices owed to the parties it
    /// names (by @id or by name) are sent.
    pub(super) fn discharge_by_notice(&mut self, message: &Message) {
        if message.channel != Channel::Liaison || self.people.get(&message.from).is_none() {
            return;
        }
        let named: Vec<usize> = (0..self.scenario.parties.len())
            .filter(|&p| {
                let party = &self.scenario.parties[p];
                crate::world::comms::names_party(
                    &message.text,
                    &message.mentions,
                    &party.id,
                    &party.name,
                )
            })
            .collect();
        let by = message.from.clone();
        self.discharge_where(
            &by,
            |d| matches!(d, Discharge::Notice(p) if named.contains(&p)),
        );
    }

    fn discharge_where(&mut self, by: &str, pays: impl Fn(Discharge) -> bool) {
        for o in 0..self.scenario.obligations.len() {
            if matches!(self.owing[o], Owing::Owed { .. })
                && pays(self.scenario.obligations[o].discharge)
            {
                let units = match self.scenario.obligations[o].arises {
                    Arises::Harm(segment, harm) => self.platform.harmed(segment, harm),
                    Arises::Fault(_) => 0,
                };
                self.owing[o] = Owing::Discharged {
                    at: self.now,
                    units,
                };
                let event = Event::ObligationDischarged {
                    obligation: self.scenario.obligations[o].id.clone(),
                    by: by.into(),
                };
                self.note_debt(&event);
                self.emit(event);
            }
        }
    }

    /// What is owed now, as the team was told: (obligation id, name, the
    /// seat whose duty it is). A mirror keeps it from the events.
    pub fn debts(&self) -> &[(String, String, crate::scenario::Seat)] {
        &self.debts
    }

    /// Keeps `debts` in step with an obligation event (host and mirror alike).
    pub(super) fn note_debt(&mut self, event: &Event) {
        match event {
            Event::ObligationArose {
                obligation,
                name,
                owner,
            } => {
                self.debts.retain(|d| d.0 != *obligation);
                self.debts.push((obligation.clone(), name.clone(), *owner));
            }
            Event::ObligationDischarged { obligation, .. } => {
                self.debts.retain(|d| d.0 != *obligation)
            }
            _ => {}
        }
    }

    /// Where an obligation stands.
    pub fn owing(&self, obligation: ObligationIdx) -> Owing {
        self.owing.get(obligation).copied().unwrap_or_default()
    }

    /// The obligations owed now.
    pub fn owed(&self) -> impl Iterator<Item = ObligationIdx> + '_ {
        (0..self.owing.len()).filter(|&o| matches!(self.owing[o], Owing::Owed { .. }))
    }

    /// What each segment has suffered so far, in its own unit.
    pub fn impact(&self) -> Vec<SegmentImpact> {
        self.scenario
            .segments
            .iter()
            .enumerate()
            .map(|(s, segment)| SegmentImpact {
                segment: segment.id.clone(),
                blocked: self.platform.harmed(s, Harm::Blocked),
                stranded: self.platform.harmed(s, Harm::Stranded),
                wrong: self.platform.harmed(s, Harm::Wrong),
            })
            .collect()
    }

    /// Whether any segment has data that will need repair.
    pub fn data_harmed(&self) -> bool {
        (0..self.scenario.segments.len()).any(|s| self.platform.harmed(s, Harm::Wrong) >= 1)
    }
}

#[cfg(test)]
mod tests;
