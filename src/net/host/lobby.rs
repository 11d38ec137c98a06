//! Who may join a hosted drill: a code per person (the team's, the seats',
//! a few spare ones for latecomers) and one for the game master, kept beside
//! the session so a host that crashed resumes with the same codes.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::net::codes::{Code, Ticket};
use crate::net::tls::Identity;
use crate::scenario::Seat;
use crate::world::{GAME_MASTER, HumanSpec};

/// Someone who may join, with their code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invitee {
    pub id: String,
    pub name: String,
    /// The seat they take; `None` for a latecomer paged in as a responder.
    pub seat: Option<Seat>,
    /// When they join the drill (from the team file), in simulated seconds.
    #[serde(default)]
    pub joins: crate::base::time::Dur,
    pub code: Code,
    /// On the drill's team from its start (the others are paged in when they connect).
    pub on_team: bool,
}

/// Everything a host needs to take its people back after a crash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Guests {
    pub invitees: Vec<Invitee>,
    pub game_master: Code,
    /// The host's certificate, when it encrypts.
    #[serde(default)]
    pub identity: Option<Identity>,
}

/// Ids of the people a host without a team file invites, one per seat.
const SEATS: [(Seat, &str, &str); 4] = [
    (Seat::IC, "ic", "Incident Commander"),
    (Seat::OL, "ol", "Operations Lead"),
    (Seat::CL, "cl", "Communications Lead"),
    (Seat::Scribe, "scribe", "Scribe"),
];

impl Guests {
    /// Codes for the team (or one per seat without one), `spare` latecomers
    /// and the game master; a certificate when encrypting.
    pub fn invite(team: Option<&[HumanSpec]>, spare: usize, tls: bool) -> Result<Guests, String> {
        let mut invitees = Vec::new();
        match team {
            Some(team) => {
                for h in team {
                    invitees.push(Invitee {
                        id: h.id.clone(),
                        name: h.name.clone(),
                        seat: Some(h.seat),
                        joins: h.joins,
                        code: Code::new()?,
                        on_team: true,
                    });
                }
            }
            None => {
                for (seat, id, name) in SEATS {
                    invitees.push(Invitee {
                        id: id.into(),
                        name: name.into(),
                        seat: Some(seat),
                        joins: Default::default(),
                        code: Code::new()?,
                        // Decided at the start: a seat nobody took is simulated.
                        on_team: false,
                    });
                }
            }
        }
        for n in 1..=spare {
            invitees.push(Invitee {
                id: format!("responder-{n}"),
                name: format!("Responder {n}"),
                seat: None,
                joins: Default::default(),
                code: Code::new()?,
                on_team: false,
            });
        }
        Ok(Guests {
            invitees,
            game_master: Code::new()?,
            identity: if tls {
                Some(Identity::generate()?)
            } else {
                None
            },
        })
    }

    /// Who a typed code belongs to: an invitee's id, or the game master's.
    pub fn who(&self, typed: &str) -> Option<&str> {
        if self.game_master.matches(typed) {
            return Some(GAME_MASTER);
        }
        self.invitees
            .iter()
            .find(|i| i.code.matches(typed))
            .map(|i| i.id.as_str())
    }

    /// An invitee by id.
    pub fn get(&self, id: &str) -> Option<&Invitee> {
        self.invitees.iter().find(|i| i.id == id)
    }

    /// The tickets to hand out: (who, the code as typed), the game master last.
    pub fn tickets(&self) -> Vec<(String, String)> {
        let fingerprint = self.identity.as_ref().map(Identity::fingerprint);
        self.invitees
            .iter()
            .map(|i| {
                (
                    i.id.clone(),
                    Ticket::render(&i.code, fingerprint.as_deref()),
                )
            })
            .chain(std::iter::once((
                GAME_MASTER.to_string(),
                Ticket::render(&self.game_master, fingerprint.as_deref()),
            )))
            .collect()
    }

    /// Writes the codes file: `PERSON CODE` a line, `gm CODE` last.
    pub fn write_codes(&self, path: &Path) -> Result<(), String> {
        let text: String = self
            .tickets()
            .iter()
            .map(|(who, ticket)| format!("{who} {ticket}\n"))
            .collect();
        crate::base::files::write_private(path, text.as_bytes())
    }

    /// Keeps the guests beside the session (readable by its owner only).
    pub fn save(&self, session: &Path) -> Result<(), String> {
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| e.to_string())?;
        crate::base::files::write_private(&guests_path(session), text.as_bytes())
    }

    /// The guests kept beside a session.
    pub fn load(session: &Path) -> Result<Guests, String> {
        let path = guests_path(session);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "{}: cannot read the hosted drill's codes: {e}\n  hint: only a session started by `firedrill host` can be resumed as a hosted drill",
                path.display()
            )
        })?;
        crate::base::diagnostic::ron_options()
            .from_str(&text)
            .map_err(|e| format!("{}:{}: {}", path.display(), e.span.start, e.code))
    }
}

/// Where a hosted session keeps its guests: `drill.ron` → `drill.host.ron`.
pub fn guests_path(session: &Path) -> PathBuf {
    let stem = session
        .file_stem()
        .map_or_else(|| "session".into(), |s| s.to_string_lossy().to_string());
    session.with_file_name(format!("{stem}.host.ron"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seat_and_latecomer_and_the_game_master_get_a_code() {
        let guests = Guests::invite(None, 2, false).unwrap();
        let tickets = guests.tickets();
        let who: Vec<&str> = tickets.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(
            who,
            [
                "ic",
                "ol",
                "cl",
                "scribe",
                "responder-1",
                "responder-2",
                "gm"
            ]
        );
        assert_eq!(guests.who(&tickets[1].1), Some("ol"));
        assert_eq!(guests.who(&tickets[6].1), Some(GAME_MASTER));
        assert_eq!(guests.who("aaaa-bbbb-cccc-dddd"), None);
    }
}
