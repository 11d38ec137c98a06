//! Role and team commands: assignment, handoff with acceptance, release,
//! teams under the OL.

use super::super::Drill;
use crate::scenario::{Role, validate::valid_id};
use crate::world::drill::event::Event;
use crate::world::drill::people::{PendingHandoff, Team};

impl Drill {
    /// Offers a role to someone; it changes hands when they accept.
    pub(super) fn handoff(
        &mut self,
        by: &str,
        role: &Role,
        to: &str,
        briefing: &str,
    ) -> Result<(), String> {
        if !self.people.holds(by, role) {
            return Err(format!("{} does not hold {}", self.name(by), role.label()));
        }
        self.require_present(to)?;
        if to == by {
            return Err("a handoff needs someone else to take the role".into());
        }
        self.people.handoffs.retain(|h| h.role != *role);
        self.people.handoffs.push(PendingHandoff {
            role: role.clone(),
            from: by.into(),
            to: to.to_string(),
        });
        self.emit(Event::HandoffOffered {
            role: role.clone(),
            from: by.into(),
            to: to.to_string(),
            briefing: briefing.to_string(),
        });
        Ok(())
    }

    /// Takes a role that was offered.
    pub(super) fn accept_handoff(&mut self, by: &str, role: &Role) -> Result<(), String> {
        let i = self
            .people
            .handoffs
            .iter()
            .position(|h| h.role == *role && h.to == by)
            .ok_or_else(|| format!("nobody has offered {} to {}", role.label(), self.name(by)))?;
        if !self.people.holds(&self.people.handoffs[i].from, role) {
            let from = self.people.handoffs.remove(i).from;
            return Err(format!(
                "{} no longer holds {}",
                self.name(&from),
                role.label()
            ));
        }
        if *role == Role::IC {
            // The IC keeps hands off production: no OL, no team lead, no team.
            if self.people.explicit_holder(&Role::OL) == Some(by) {
                return Err(format!(
                    "{} is the OL; hand OL to someone else before taking IC",
                    self.name(by)
                ));
            }
            if let Some(team) = self.people.team_led_by(by) {
                return Err(format!(
                    "{} leads team `{team}`; hand the team to someone else before taking IC",
                    self.name(by)
                ));
            }
            if let Some(team) = self.people.team_of(by).map(String::from) {
                self.people.leave_team(by);
                self.emit(Event::TeamLeft {
                    team,
                    who: by.into(),
                });
            }
        }
        let handoff = self.people.handoffs.remove(i);
        // The old IC keeps only what was explicitly theirs.
        self.people.set_holder(role.clone(), by);
        self.emit(Event::HandoffAccepted {
            role: role.clone(),
            from: handoff.from,
            to: by.into(),
        });
        Ok(())
    }

    /// Gives a role back to the IC.
    pub(super) fn release(&mut self, by: &str, role: &Role) -> Result<(), String> {
        if *role == Role::IC {
            return Err("the IC cannot simply leave: hand off IC with a briefing".into());
        }
        if self.people.explicit_holder(role) != Some(by) {
            return Err(format!("{} does not hold {}", self.name(by), role.label()));
        }
        self.people.clear_holder(role);
        self.emit(Event::RoleReleased {
            role: role.clone(),
            by: by.into(),
        });
        Ok(())
    }

    /// The IC keeps hands off production, so never joins a team.
    fn require_hands_free(&self, id: &str) -> Result<(), String> {
        if self.people.holds(id, &Role::IC) {
            return Err(format!(
                "{} is the IC and stays hands-off: the IC joins no team",
                self.name(id)
            ));
        }
        Ok(())
    }

    /// The OL forms a team with a named lead.
    pub(super) fn create_team(&mut self, by: &str, team: &str, lead: &str) -> Result<(), String> {
        self.require_role(by, &Role::OL, "forming teams")?;
        if !valid_id(team) {
            return Err(format!(
                "`{team}` is not a usable team name: lowercase letters, digits and `-`"
            ));
        }
        if self.people.teams.contains_key(team) {
            return Err(format!("team `{team}` already exists"));
        }
        self.require_present(lead)?;
        self.require_hands_free(lead)?;
        self.people.teams.insert(
            team.to_string(),
            Team {
                lead: lead.to_string(),
                members: Vec::new(),
            },
        );
        self.people.join_team(team, lead);
        self.emit(Event::TeamCreated {
            team: team.to_string(),
            lead: lead.to_string(),
            by: by.into(),
        });
        Ok(())
    }

    /// The OL or a team lead puts someone on the team.
    pub(super) fn join_team(&mut self, by: &str, team: &str, person: &str) -> Result<(), String> {
        let lead = self
            .people
            .teams
            .get(team)
            .map(|t| t.lead.clone())
            .ok_or_else(|| format!("no team `{team}`; the OL creates teams first"))?;
        if lead != by && !self.people.holds(by, &Role::OL) {
            return Err(format!("only the OL or the lead of `{team}` staffs it"));
        }
        self.require_present(person)?;
        self.require_hands_free(person)?;
        if let Some(other) = self.people.team_led_by(person) {
            return Err(format!(
                "{} leads team `{other}`; name another lead there first",
                self.name(person)
            ));
        }
        self.people.join_team(team, person);
        self.emit(Event::TeamJoined {
            team: team.to_string(),
            who: person.to_string(),
            by: by.into(),
        });
        Ok(())
    }

    /// The IC gives a command role to someone.
    pub(super) fn assign(
        &mut self,
        by: &str,
        role: &Role,
        to: &str,
        briefing: &str,
    ) -> Result<(), String> {
        self.require_present(to)?;
        match role {
            Role::IC => {
                return Err(
                    "IC changes hands by handoff: /handoff with a briefing, then they accept"
                        .into(),
                );
            }
            Role::TeamLead(_) => {
                return Err("team leads are named when the OL creates a team".into());
            }
            Role::Responder => return Err("responders join a team under the OL".into()),
            Role::OL | Role::CL | Role::PL | Role::Scribe | Role::Observer => {}
        }
        self.require_role(by, &Role::IC, "assigning roles")?;
        if *role == Role::Observer {
            // Any number of people may watch; a watcher holds nothing and joins no team.
            if let Some(held) = self.people.roles_of(to).first() {
                return Err(format!(
                    "{} holds {}; hand it off before watching",
                    self.name(to),
                    held.label()
                ));
            }
            self.people.leave_team(to);
            self.people.observers.insert(to.to_string());
            self.emit(Event::RoleAssigned {
                role: Role::Observer,
                to: to.into(),
                by: by.into(),
                briefing: briefing.into(),
            });
            return Ok(());
        }
        if self.people.is_observer(to) {
            return Err(format!(
                "{} is observing; observers hold no role",
                self.name(to)
            ));
        }
        if let Some(holder) = self.people.explicit_holder(role) {
            if holder == to {
                return Err(format!("{} already holds {}", self.name(to), role.label()));
            }
            return Err(format!(
                "{} holds {}; ask them to hand it off",
                self.name(holder),
                role.label()
            ));
        }
        if self.people.holds(to, &Role::IC) {
            return Err(format!(
                "{} is the IC and holds {} already",
                self.name(to),
                role.label()
            ));
        }
        self.people.set_holder(role.clone(), to);
        self.emit(Event::RoleAssigned {
            role: role.clone(),
            to: to.into(),
            by: by.into(),
            briefing: briefing.into(),
        });
        Ok(())
    }
}
