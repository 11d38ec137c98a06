//! Starting the drill in play: alone in a seat, as a game master, from a
//! branch of a recording, or in a hosted drill this window joined.

use std::path::PathBuf;

use super::{LiveDrill, Remote, Source};
use crate::base::time::Dur;
use crate::lenses::view::Lens;
use crate::run::script::Script;
use crate::run::session::Journal;
use crate::run::{Room, Simulation};
use crate::scenario::{Knobs, LoadedScenario, Seat};
use crate::world::HumanSpec;

/// Who plays: the script's team, or the trainee alone in `seat`.
fn team_for(seat: Seat, script: Option<&Script>) -> Vec<HumanSpec> {
    match script {
        Some(script) => script.team.clone(),
        None => vec![HumanSpec {
            id: "you".into(),
            name: "You".into(),
            seat,
            joins: Dur(0),
        }],
    }
}

impl LiveDrill {
    /// Starts a drill with the trainee in `seat` (or the script's team), journaled to `session_path`.
    pub fn start(
        loaded: &LoadedScenario,
        seat: Seat,
        seed: u64,
        script: Option<Script>,
        session_path: Option<PathBuf>,
    ) -> Result<LiveDrill, String> {
        Self::start_tuned(loaded, seat, seed, script, session_path, Knobs::default())
    }

    /// `start`, on the scenario tuned by `knobs` (recorded in the session).
    pub fn start_tuned(
        loaded: &LoadedScenario,
        seat: Seat,
        seed: u64,
        script: Option<Script>,
        session_path: Option<PathBuf>,
        knobs: Knobs,
    ) -> Result<LiveDrill, String> {
        let team = team_for(seat, script.as_ref());
        Self::start_with(loaded, team, seat, seed, script, session_path, knobs, false)
    }

    /// Starts a drill for a game master watching simulated people in every seat.
    pub fn start_unattended(
        loaded: &LoadedScenario,
        seed: u64,
        script: Option<Script>,
        session_path: Option<PathBuf>,
        knobs: Knobs,
    ) -> Result<LiveDrill, String> {
        let team = script.as_ref().map(|s| s.team.clone()).unwrap_or_default();
        let mut live = Self::start_with(
            loaded,
            team,
            Seat::Observer,
            seed,
            script,
            session_path,
            knobs,
            true,
        )?;
        if live.drill().people().list.iter().all(|p| !p.human) {
            live.me = crate::world::GAME_MASTER.into();
        }
        Ok(live)
    }

    /// Starts a drill with a game master at the console: the recording says so.
    pub fn start_instructed(
        loaded: &LoadedScenario,
        seat: Seat,
        seed: u64,
        script: Option<Script>,
        session_path: Option<PathBuf>,
        knobs: Knobs,
    ) -> Result<LiveDrill, String> {
        let team = team_for(seat, script.as_ref());
        Self::start_with(loaded, team, seat, seed, script, session_path, knobs, true)
    }

    #[allow(clippy::too_many_arguments)]
    fn start_with(
        loaded: &LoadedScenario,
        team: Vec<HumanSpec>,
        seat: Seat,
        seed: u64,
        script: Option<Script>,
        session_path: Option<PathBuf>,
        knobs: Knobs,
        instructor: bool,
    ) -> Result<LiveDrill, String> {
        let me = team
            .iter()
            .find(|h| h.seat == seat)
            .or(team.first())
            .map_or_else(|| "you".to_string(), |h| h.id.clone());
        let room = Room::start(
            loaded,
            seed,
            team,
            script,
            knobs,
            session_path.as_deref(),
            |header| header.instructor = instructor,
        )?;
        Ok(LiveDrill {
            source: Source::Local(Box::new(room)),
            me,
            seat,
            practice: false,
            session_path,
            instructor,
            gm_lens: Lens::Everything,
            end_announced: false,
        })
    }

    /// Continues a drill branched from a recording, journaled by `journal`.
    /// The trainee types as `me` (a human of the recorded team); with no
    /// human on the team, the drill runs with a game master watching.
    pub fn branched(
        sim: Simulation,
        journal: Journal,
        session_path: PathBuf,
        me: Option<String>,
        instructor: bool,
    ) -> LiveDrill {
        let humans: Vec<(String, Seat)> = sim
            .people()
            .list
            .iter()
            .filter(|p| p.human)
            .map(|p| (p.id.clone(), p.seat.unwrap_or(Seat::Observer)))
            .collect();
        let (me, seat) = me
            .and_then(|id| humans.iter().find(|(h, _)| *h == id).cloned())
            .or_else(|| humans.first().cloned())
            .unwrap_or_else(|| (crate::world::GAME_MASTER.to_string(), Seat::Observer));
        let mut room = Room::new(sim, Some(journal));
        room.clock.paused = true;
        LiveDrill {
            source: Source::Local(Box::new(room)),
            instructor: instructor || humans.is_empty(),
            me,
            seat,
            practice: false,
            session_path: Some(session_path),
            gm_lens: Lens::Everything,
            end_announced: false,
        }
    }

    /// A hosted drill this window has joined (and started).
    pub fn remote(remote: Remote) -> LiveDrill {
        let me = remote.person.clone();
        let seat = remote.seat.unwrap_or(if remote.game_master {
            Seat::Observer
        } else {
            Seat::Responder
        });
        LiveDrill {
            instructor: remote.game_master,
            source: Source::Remote(Box::new(remote)),
            me,
            seat,
            practice: false,
            session_path: None,
            gm_lens: Lens::Everything,
            end_announced: false,
        }
    }
}
