//! The replay viewer: a recorded drill shown at any moment, played at
//! speed, annotated, and branched into a new live drill.

mod screen;
mod scrubber;

pub use screen::{ReplayAction, replay_screen};

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::instructor::GmState;
use super::live::LiveDrill;
use super::screen::Screen;
use super::ui_state::UiState;
use crate::base::time::Tick;
use crate::judge::score::Scorecard;
use crate::lenses::view::Lens;
use crate::run::Simulation;
use crate::run::replay::{KEYFRAME_EVERY, Marker, Replay, markers};
use crate::scenario::Area;
use crate::scenario::LoadedScenario;

/// Playback speeds, simulated seconds per wall second.
pub const SPEEDS: [u32; 4] = [1, 10, 30, 60];

/// A recording open in the viewer.
#[derive(Resource)]
pub struct ReplayViewer {
    pub path: PathBuf,
    pub loaded: LoadedScenario,
    pub replay: Replay,
    pub markers: Vec<Marker>,
    /// The drill as it was at `moment()`.
    pub shown: Simulation,
    pub playing: bool,
    pub speed: u32,
    pub lens: Lens,
    /// The score of the log up to the moment shown, and that moment.
    score: Option<(Tick, Scorecard)>,
    /// What the last note or branch did, or why it could not.
    pub message: Option<String>,
    accumulator: f64,
}

impl ReplayViewer {
    /// Opens a recording: reads it (recovering what comes before any damage),
    /// checks its scenario, and re-simulates it once.
    pub fn open(path: &Path, scenario: Option<&Path>) -> Result<ReplayViewer, String> {
        let recovered = crate::run::session::read(path).map_err(|d| d.to_string())?;
        let session = recovered.session;
        let loaded = crate::run::session::locate_scenario(path, &session, scenario)?;
        let replay =
            Replay::new(&session, &loaded).map_err(|e| format!("{}: {e}", path.display()))?;
        let message = recovered
            .damage
            .map(|d| format!("Shown up to the damage: {d}"));
        Ok(ReplayViewer {
            path: path.to_path_buf(),
            markers: markers(replay.events()),
            shown: replay.seek(0),
            loaded,
            replay,
            playing: false,
            speed: 10,
            lens: Lens::Everything,
            score: None,
            message,
            accumulator: 0.0,
        })
    }

    /// The moment shown.
    pub fn moment(&self) -> Tick {
        self.shown.now()
    }

    /// Shows the drill at `moment`: steps forward when it is just ahead, seeks otherwise.
    pub fn seek(&mut self, moment: Tick) {
        let moment = moment.min(self.replay.length());
        let now = self.shown.now();
        if moment >= now && moment - now <= KEYFRAME_EVERY {
            self.replay.advance(&mut self.shown, moment);
        } else if moment != now {
            self.shown = self.replay.seek(moment);
        }
    }

    /// Plays on by `seconds` of wall time at the current speed.
    pub fn play(&mut self, seconds: f64) {
        if !self.playing {
            return;
        }
        self.accumulator += seconds * f64::from(self.speed);
        let whole = self.accumulator.floor();
        self.accumulator -= whole;
        let target = self.moment().saturating_add(whole as Tick);
        self.seek(target);
        if self.moment() >= self.replay.length() {
            self.playing = false;
        }
    }

    /// The score of what happened up to the moment shown (cached).
    pub fn score_so_far(&mut self) -> &Scorecard {
        let moment = self.moment();
        // While playing, rescore every simulated half minute at most.
        let stale = match &self.score {
            None => true,
            Some((at, _)) => *at != moment && (!self.playing || moment.abs_diff(*at) >= 30),
        };
        if stale {
            let card = crate::judge::score::score(self.shown.scenario(), self.shown.log(), None);
            self.score = Some((moment, card));
        }
        &self.score.as_ref().expect("just scored").1
    }

    /// Pins a note to the moment shown and saves it into the recording.
    /// `Ok` once the note is in the file, with what to tell the user; `Err`
    /// if it is not.
    pub fn pin(&mut self, area: Area, rating: Option<u8>, text: &str) -> Result<String, String> {
        let moment = self.moment().min(self.replay.length().saturating_sub(1));
        let (session, at) =
            crate::run::replay::annotate(&self.path, &self.loaded, moment, area, rating, text)
                .map_err(|e| e.to_string())?;
        let saved = format!(
            "Note pinned at {} and saved into {}",
            crate::base::time::clock(at),
            self.path.display()
        );
        match Replay::new(&session, &self.loaded) {
            Ok(replay) => self.replay = replay,
            Err(e) => return Ok(format!("{saved}, but the viewer could not reload it: {e}")),
        }
        self.markers = markers(self.replay.events());
        // The log was rewritten, not extended: show it afresh.
        let shown_at = self.moment();
        self.shown = self.replay.seek(shown_at);
        self.score = None;
        Ok(saved)
    }

    /// The human whose seat the lens shows, for a branch (the first human otherwise).
    fn trainee(&self) -> Option<String> {
        let humans = self.shown.people().list.iter().filter(|p| p.human);
        match self.lens {
            Lens::Seat(seat) => humans
                .clone()
                .find(|p| p.seat == Some(seat))
                .or_else(|| humans.clone().next()),
            Lens::Everything => humans.clone().next(),
        }
        .map(|p| p.id.clone())
    }

    /// Starts a new live drill from the moment shown, recorded to `out`.
    pub fn branch(&self, out: &Path) -> Result<LiveDrill, String> {
        let (drill, journal, _) =
            crate::run::replay::branch(&self.replay, &self.path, self.moment(), out)?;
        // A drill that had a game master keeps one in its branch.
        let moment = self.moment();
        let instructor = self.replay.header().instructor
            || self
                .replay
                .inputs()
                .iter()
                .any(|(at, i)| *at < moment && i.by == crate::world::GAME_MASTER);
        Ok(LiveDrill::branched(
            drill,
            journal,
            out.to_path_buf(),
            self.trainee(),
            instructor,
        ))
    }
}

/// Where a branch of `viewer`'s recording is saved.
pub fn branch_path(viewer: &ReplayViewer) -> PathBuf {
    crate::base::files::new_session_path(&format!(
        "{}-branch-{}",
        viewer.loaded.scenario.id,
        crate::base::time::format_duration(viewer.moment())
    ))
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        play.run_if(in_state(Screen::Replay).and_then(resource_exists::<ReplayViewer>)),
    );
    app.add_systems(
        EguiPrimaryContextPass,
        draw.run_if(in_state(Screen::Replay).and_then(resource_exists::<ReplayViewer>)),
    );
    app.add_systems(OnEnter(Screen::Replay), |mut ui: ResMut<UiState>| {
        *ui = UiState::default()
    });
}

fn play(mut viewer: ResMut<ReplayViewer>, time: Res<Time>) {
    viewer.play(time.delta_secs_f64());
}

fn draw(
    mut contexts: EguiContexts,
    mut commands: Commands,
    mut viewer: ResMut<ReplayViewer>,
    mut state: ResMut<UiState>,
    mut notes: Local<GmState>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = egui::Ui::new(
        ctx.clone(),
        "replay".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    let actions = replay_screen(&mut root, &mut viewer, &mut state, &mut notes);
    for action in actions {
        apply(
            &mut commands,
            &mut viewer,
            &mut notes,
            &mut state,
            &mut next,
            action,
        );
    }
    Ok(())
}

/// Carries out what the viewer asked for.
fn apply(
    commands: &mut Commands,
    viewer: &mut ReplayViewer,
    notes: &mut GmState,
    state: &mut UiState,
    next: &mut NextState<Screen>,
    action: ReplayAction,
) {
    match action {
        ReplayAction::Seek(t) => viewer.seek(t),
        ReplayAction::Play(on) => {
            if on && viewer.moment() >= viewer.replay.length() {
                viewer.seek(0);
            }
            viewer.playing = on;
        }
        ReplayAction::Speed(s) => viewer.speed = s,
        ReplayAction::Lens(lens) => viewer.lens = lens,
        ReplayAction::Pin { area, rating, text } => {
            viewer.message = Some(match viewer.pin(area, rating, &text) {
                Ok(saved) => {
                    // The typed note is only let go once it is safely in the file,
                    // and the panels' indexes are rebuilt for the rewritten log.
                    notes.note_text.clear();
                    *state = UiState::default();
                    saved
                }
                Err(e) => format!("The note was not saved (it is still in the box): {e}"),
            });
        }
        ReplayAction::Branch => {
            let out = branch_path(viewer);
            match viewer.branch(&out) {
                Ok(live) => {
                    commands.insert_resource(live);
                    next.set(Screen::Drill);
                }
                Err(e) => viewer.message = Some(format!("Cannot branch: {e}")),
            }
        }
        ReplayAction::Close => next.set(Screen::Title),
    }
}

#[cfg(test)]
mod tests;
