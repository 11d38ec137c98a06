//! Participants, the roles they hold and the teams under the OL. The IC holds
//! every command role nobody else has been given.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::base::time::Tick;
use crate::scenario::stand_ins::seat_npc;
use crate::scenario::{Role, Scenario, Seat, Skill, Trait};

/// A human taking part: from a script, the app, or a session file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HumanSpec {
    pub id: String,
    pub name: String,
    pub seat: Seat,
    #[serde(default)]
    pub joins: crate::base::time::Dur,
}

/// The doctrine's rule for who holds a role, given who was explicitly given
/// which: the explicit holder, else, for a command role nobody was given,
/// whoever holds IC. The drill and the scorer (which replays role changes
/// from the log) both ask here.
pub fn holder_of<'a>(role: &Role, explicit: impl Fn(&Role) -> Option<&'a str>) -> Option<&'a str> {
    explicit(role).or_else(|| match role {
        Role::IC => None,
        r if Role::COMMAND_ROLES.contains(r) => explicit(&Role::IC),
        _ => None,
    })
}

/// Someone in the drill, human or simulated.
#[derive(Debug, Clone)]
pub struct Participant {
    pub id: String,
    pub name: String,
    pub human: bool,
    pub seat: Option<Seat>,
    pub skills: Vec<Skill>,
    pub traits: Vec<Trait>,
    pub joins_at: Tick,
    pub present: bool,
}

impl Participant {
    /// Whether the participant has a trait.
    pub fn has(&self, t: Trait) -> bool {
        self.traits.contains(&t)
    }
}

/// A team under the OL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team {
    pub lead: String,
    pub members: Vec<String>,
}

/// An offered handoff waiting for acceptance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingHandoff {
    pub role: Role,
    pub from: String,
    pub to: String,
}

/// Who is here and who holds what.
#[derive(Debug, Clone, Default)]
pub struct People {
    pub list: Vec<Participant>,
    explicit: BTreeMap<Role, String>,
    pub teams: BTreeMap<String, Team>,
    pub handoffs: Vec<PendingHandoff>,
    /// People assigned to watch (besides those who joined in the Observer seat).
    pub observers: std::collections::BTreeSet<String>,
}

impl People {
    /// Everyone in a new drill: the humans, a simulated holder for each
    /// staffed seat no human takes, then the scenario's responders.
    pub fn cast(scenario: &Scenario, humans: &[HumanSpec]) -> People {
        let mut list: Vec<Participant> = humans
            .iter()
            .map(|h| Participant {
                id: h.id.clone(),
                name: h.name.clone(),
                human: true,
                seat: Some(h.seat),
                skills: vec![],
                traits: vec![],
                joins_at: h.joins.0,
                present: false,
            })
            .collect();
        for seat in Seat::STAFFED {
            if humans.iter().any(|h| h.seat == seat) {
                continue;
            }
            if let Some((id, name, skills)) = seat_npc(seat) {
                list.push(Participant {
                    id: id.into(),
                    name: name.into(),
                    human: false,
                    seat: Some(seat),
                    skills,
                    traits: vec![],
                    joins_at: 0,
                    present: false,
                });
            }
        }
        for r in &scenario.responders {
            list.push(Participant {
                id: r.id.clone(),
                name: r.name.clone(),
                human: false,
                seat: None,
                skills: r.skills.clone(),
                traits: r.traits.clone(),
                joins_at: r.joins,
                present: false,
            });
        }
        People::new(list)
    }

    /// Everyone, nobody holding a role yet.
    pub fn new(list: Vec<Participant>) -> People {
        People {
            list,
            ..Default::default()
        }
    }

    /// A participant by id.
    pub fn get(&self, id: &str) -> Option<&Participant> {
        self.list.iter().find(|p| p.id == id)
    }

    /// Whether this id has joined the drill.
    pub fn is_present(&self, id: &str) -> bool {
        self.get(id).is_some_and(|p| p.present)
    }

    /// Who holds a role: its explicit holder, or the IC for undelegated command roles.
    pub fn holder(&self, role: &Role) -> Option<&str> {
        holder_of(role, |r| self.explicit.get(r).map(String::as_str))
    }

    /// The explicit holder, ignoring what the IC holds by default.
    pub fn explicit_holder(&self, role: &Role) -> Option<&str> {
        self.explicit.get(role).map(String::as_str)
    }

    /// Whether `id` holds `role` (explicitly or as IC by default).
    pub fn holds(&self, id: &str, role: &Role) -> bool {
        self.holder(role) == Some(id)
    }

    /// Command roles `id` holds, explicit or by default.
    pub fn roles_of(&self, id: &str) -> Vec<Role> {
        let mut roles: Vec<Role> = Role::COMMAND_ROLES
            .into_iter()
            .filter(|r| self.holds(id, r))
            .collect();
        roles.extend(
            self.teams
                .iter()
                .filter(|(_, t)| t.lead == id)
                .map(|(name, _)| Role::TeamLead(name.clone())),
        );
        roles
    }

    /// Gives a role to someone (the previous explicit holder loses it).
    pub fn set_holder(&mut self, role: Role, id: &str) {
        self.explicit.insert(role, id.to_string());
    }

    /// Takes a role away from its explicit holder.
    pub fn clear_holder(&mut self, role: &Role) {
        self.explicit.remove(role);
    }

    /// The team someone leads, if any.
    pub fn team_led_by(&self, id: &str) -> Option<&str> {
        self.teams
            .iter()
            .find(|(_, t)| t.lead == id)
            .map(|(name, _)| name.as_str())
    }

    /// The team someone is on, if any.
    pub fn team_of(&self, id: &str) -> Option<&str> {
        self.teams
            .iter()
            .find(|(_, t)| t.members.iter().any(|m| m == id))
            .map(|(name, _)| name.as_str())
    }

    /// Whether someone only watches.
    pub fn is_observer(&self, id: &str) -> bool {
        self.observers.contains(id) || self.get(id).is_some_and(|p| p.seat == Some(Seat::Observer))
    }

    /// Who may read and write the need-to-know channel: the IC, OL and CL,
    /// the teams under the OL, and security staff.
    pub fn cleared_for_restricted(&self, id: &str) -> bool {
        [Role::IC, Role::OL, Role::CL]
            .iter()
            .any(|r| self.holds(id, r))
            || self.team_of(id).is_some()
            || self
                .get(id)
                .is_some_and(|p| p.skills.iter().any(|s| s.is("security")) && !self.is_observer(id))
    }

    /// Takes someone off whatever team they are on.
    pub fn leave_team(&mut self, id: &str) {
        for t in self.teams.values_mut() {
            t.members.retain(|m| m != id);
        }
    }

    /// Puts someone on a team, leaving any other.
    pub fn join_team(&mut self, team: &str, id: &str) {
        self.leave_team(id);
        if let Some(t) = self.teams.get_mut(team) {
            t.members.push(id.to_string());
        }
    }

    /// The Operations chain: the OL and everyone on a team under the OL.
    pub fn in_ops_chain(&self, id: &str) -> bool {
        self.holds(id, &Role::OL) || self.team_of(id).is_some()
    }

    /// Supervisor of `id` in the command structure, for reports and span of control.
    pub fn supervisor_of(&self, id: &str) -> Option<&str> {
        if let Some(team) = self.team_of(id) {
            let lead = self.teams[team].lead.as_str();
            if lead != id {
                return Some(lead);
            }
            return self.holder(&Role::OL);
        }
        if self.holds(id, &Role::IC) {
            return None;
        }
        self.holder(&Role::IC)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str) -> Participant {
        Participant {
            id: id.into(),
            name: id.into(),
            human: true,
            seat: None,
            skills: vec![],
            traits: vec![],
            joins_at: 0,
            present: true,
        }
    }

    #[test]
    fn ic_holds_undelegated_roles_until_delegating() {
        let mut people = People {
            list: vec![person("ana"), person("ben")],
            ..Default::default()
        };
        people.set_holder(Role::IC, "ana");
        assert!(people.holds("ana", &Role::OL) && people.holds("ana", &Role::CL));
        assert!(people.in_ops_chain("ana"));
        people.set_holder(Role::OL, "ben");
        assert!(!people.holds("ana", &Role::OL));
        assert!(!people.in_ops_chain("ana"));
        assert!(people.in_ops_chain("ben"));
        assert_eq!(
            people.roles_of("ana"),
            [Role::IC, Role::CL, Role::PL, Role::Scribe]
        );
    }

    #[test]
    fn team_members_are_in_the_ops_chain_and_report_to_their_lead() {
        let mut people = People {
            list: vec![person("ana"), person("ben"), person("raj"), person("kim")],
            ..Default::default()
        };
        people.set_holder(Role::IC, "ana");
        people.set_holder(Role::OL, "ben");
        people.teams.insert(
            "db".into(),
            Team {
                lead: "raj".into(),
                members: vec!["raj".into()],
            },
        );
        people.join_team("db", "kim");
        assert!(people.in_ops_chain("kim"));
        assert_eq!(people.supervisor_of("kim"), Some("raj"));
        assert_eq!(people.supervisor_of("raj"), Some("ben"));
        assert_eq!(people.supervisor_of("ben"), Some("ana"));
        assert_eq!(people.supervisor_of("ana"), None);
    }
}
