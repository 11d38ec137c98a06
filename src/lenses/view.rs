//! What each seat sees. Like stations on a ship's bridge, every role gets its
//! own instruments: the OL the dashboards and the ops console, the CL the
//! status page, the executives and the customers, the IC the command post,
//! the roster and the ISD, the scribe the ISD and the timeline. A practice
//! lens shows everything. Pure, so the app and its tests share it.

use crate::scenario::{Role, Seat};
use crate::world::People;
use crate::world::comms::Channel;

/// Whose eyes the screen shows the drill through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lens {
    /// What one seat would see.
    Seat(Seat),
    /// Practice mode, instructors and debriefs: everything.
    Everything,
}

/// The instruments a lens gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Instruments {
    /// Metric plots and the alert feed.
    pub dashboards: bool,
    /// The platform map with health.
    pub topology: bool,
    /// Diagnostics and remediations to run.
    pub ops_console: bool,
    /// The status page composer and its history.
    pub status_composer: bool,
    /// Customer tickets.
    pub tickets: bool,
    /// The ISD, read and written.
    pub isd: bool,
    /// The drill's event timeline.
    pub timeline: bool,
    /// Who is here, with roles and tasks.
    pub roster: bool,
    /// Hidden causes and upcoming injects.
    pub ground_truth: bool,
    /// The on-call's pager: alerts firing, with acknowledgement, for a seat
    /// without dashboards (the IC is on call until they hand over).
    pub pager: bool,
}

impl Lens {
    /// The instruments this lens shows.
    pub fn instruments(self) -> Instruments {
        let all = Instruments {
            dashboards: true,
            topology: true,
            ops_console: true,
            status_composer: true,
            tickets: true,
            isd: true,
            timeline: true,
            roster: true,
            ground_truth: true,
            pager: true,
        };
        match self {
            Lens::Everything => all,
            Lens::Seat(Seat::OL) => Instruments {
                dashboards: true,
                topology: true,
                ops_console: true,
                roster: true,
                ..Default::default()
            },
            Lens::Seat(Seat::Responder) => Instruments {
                dashboards: true,
                topology: true,
                ops_console: true,
                ..Default::default()
            },
            Lens::Seat(Seat::CL) => Instruments {
                status_composer: true,
                tickets: true,
                isd: true,
                roster: true,
                topology: true,
                ..Default::default()
            },
            Lens::Seat(Seat::IC) => Instruments {
                topology: true,
                isd: true,
                roster: true,
                pager: true,
                ..Default::default()
            },
            Lens::Seat(Seat::Scribe) => Instruments {
                isd: true,
                timeline: true,
                roster: true,
                ..Default::default()
            },
            Lens::Seat(Seat::Observer) => Instruments {
                topology: true,
                timeline: true,
                roster: true,
                ..Default::default()
            },
        }
    }
}

pub use crate::world::can_read;

impl Instruments {
    /// These instruments and those every role in `roles` brings.
    pub fn with_roles(self, roles: &[Role]) -> Instruments {
        roles.iter().fold(self, |all, role| {
            let seat = match role {
                Role::IC => Seat::IC,
                Role::OL => Seat::OL,
                Role::CL => Seat::CL,
                Role::Scribe => Seat::Scribe,
                Role::TeamLead(_) | Role::Responder => Seat::Responder,
                Role::PL | Role::Observer => return all,
            };
            all.or(Lens::Seat(seat).instruments())
        })
    }

    fn or(self, other: Instruments) -> Instruments {
        Instruments {
            dashboards: self.dashboards || other.dashboards,
            topology: self.topology || other.topology,
            ops_console: self.ops_console || other.ops_console,
            status_composer: self.status_composer || other.status_composer,
            tickets: self.tickets || other.tickets,
            isd: self.isd || other.isd,
            timeline: self.timeline || other.timeline,
            roster: self.roster || other.roster,
            ground_truth: self.ground_truth || other.ground_truth,
            pager: self.pager || other.pager,
        }
    }
}

/// The roles `id` has been given explicitly (not those an IC holds until
/// delegating): what their screen follows as the drill goes on.
pub fn given_roles(people: &People, id: &str) -> Vec<Role> {
    let mut roles: Vec<Role> = Role::COMMAND_ROLES
        .into_iter()
        .filter(|r| people.explicit_holder(r) == Some(id))
        .collect();
    roles.extend(
        people
            .teams
            .iter()
            .filter(|(_, t)| t.lead == id)
            .map(|(name, _)| Role::TeamLead(name.clone())),
    );
    roles
}

/// Whose eyes a seat's lens looks through when nobody in particular is
/// typing (a game master, a replay): the person in that seat, human or
/// simulated, or `fallback`.
pub fn eyes<'a>(people: &'a People, lens: Lens, fallback: &'a str) -> &'a str {
    match lens {
        Lens::Seat(seat) => people
            .list
            .iter()
            .find(|p| p.seat == Some(seat))
            .map_or(fallback, |p| p.id.as_str()),
        Lens::Everything => fallback,
    }
}

/// The channels `id` can read now, in a stable order (the command post first).
pub fn readable_channels(people: &People, id: &str) -> Vec<Channel> {
    let mut channels = vec![
        Channel::CommandPost,
        Channel::Executive,
        Channel::Liaison,
        Channel::Restricted,
    ];
    channels.extend(people.teams.keys().map(|t| Channel::Team(t.clone())));
    channels.retain(|c| can_read(people, id, c));
    channels
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{act, drill_with_ol, idle_until};
    use crate::world::Command;

    #[test]
    fn a_watcher_looking_through_a_seat_reads_what_its_holder_reads() {
        // Humans hold IC and OL; simulated people the CL and scribe seats.
        let d = crate::testing::drill();
        let people = d.people();
        assert_eq!(eyes(people, Lens::Seat(Seat::OL), "gm"), "ben");
        assert_eq!(eyes(people, Lens::Seat(Seat::CL), "gm"), "casey");
        assert_eq!(eyes(people, Lens::Everything, "gm"), "gm");
        assert!(!can_read(
            people,
            "gm",
            &Channel::Direct("ben".into(), "casey".into())
        ));
    }

    #[test]
    fn each_seat_gets_its_own_instruments() {
        let ol = Lens::Seat(Seat::OL).instruments();
        assert!(ol.dashboards && ol.ops_console && !ol.status_composer);
        let cl = Lens::Seat(Seat::CL).instruments();
        assert!(cl.status_composer && cl.tickets && !cl.dashboards && !cl.ops_console);
        let ic = Lens::Seat(Seat::IC).instruments();
        assert!(
            ic.isd && ic.roster && !ic.dashboards && !ic.ops_console,
            "the IC reads reports, not raw dashboards"
        );
        let scribe = Lens::Seat(Seat::Scribe).instruments();
        assert!(scribe.isd && scribe.timeline && !scribe.dashboards);
        assert!(!ol.ground_truth && Lens::Everything.instruments().ground_truth);
    }

    #[test]
    fn a_role_given_brings_its_instruments() {
        let mut d = drill_with_ol();
        let people = d.people();
        assert_eq!(given_roles(people, "ben"), [Role::OL]);
        assert!(
            given_roles(people, "raj").is_empty(),
            "not in the drill yet"
        );
        let ol = Lens::Seat(Seat::Scribe)
            .instruments()
            .with_roles(&given_roles(people, "ben"));
        assert!(
            ol.ops_console && ol.dashboards && ol.isd,
            "the scribe's and the OL's"
        );
        act(
            &mut d,
            "ana",
            Command::Assign {
                role: Role::CL,
                to: "ben".into(),
                briefing: String::new(),
            },
        );
        let both = Instruments::default().with_roles(&given_roles(d.people(), "ben"));
        assert!(both.status_composer && both.ops_console);
        let ana = Instruments::default().with_roles(&given_roles(d.people(), "ana"));
        assert!(
            ana.pager && !ana.status_composer,
            "an IC holds CL by default but is not given its instruments until they take it"
        );
    }

    #[test]
    fn channels_follow_roles_and_teams() {
        let mut d = drill_with_ol();
        idle_until(&mut d, 125);
        act(
            &mut d,
            "ben",
            Command::CreateTeam {
                team: "db".into(),
                lead: "raj".into(),
            },
        );
        let people = d.people();
        assert!(can_read(people, "raj", &Channel::Team("db".into())));
        assert!(!can_read(people, "tom", &Channel::Team("db".into())));
        assert!(
            can_read(people, "ana", &Channel::Executive)
                && !can_read(people, "ben", &Channel::Executive)
        );
        assert_eq!(
            readable_channels(people, "ben"),
            [
                Channel::CommandPost,
                Channel::Restricted,
                Channel::Team("db".into())
            ]
        );
    }
}
