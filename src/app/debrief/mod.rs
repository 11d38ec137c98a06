//! The debrief: the scorecard, the After Action Report, and the form where
//! the team answers the after-action questions. Drawn from the core's
//! scoring and AAR; files are written atomically beside the session.

mod form;
mod report;
pub mod scorecard;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use bevy_egui::egui;

use crate::judge::aar;
use crate::judge::history::{Attempt, History};
use crate::judge::score::{Answers, Facts, Scorecard, score_facts};
use crate::world::Drill;

/// What the debrief shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Scorecard,
    Questions,
    Report,
    Timeline,
}

/// Something the trainee asked for on the debrief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebriefAction {
    SaveAnswers,
    Export { html: bool },
    Back,
}

/// The debrief of the drill just played.
#[derive(Resource)]
pub struct Debrief {
    pub card: Scorecard,
    /// The AAR, rebuilt whenever the answers change: as a document to draw
    /// and as the Markdown it exports to.
    pub doc: aar::Doc,
    pub report: String,
    pub answers: Answers,
    pub previous: Option<Attempt>,
    /// How the drill was tuned (from the session's header).
    pub knobs: crate::scenario::Knobs,
    /// Observers' ratings by area, beside each area's automatic score (never blended).
    pub ratings: Vec<(crate::scenario::Area, Option<f64>, f64, usize)>,
    pub tab: Tab,
    /// The last thing saved or exported, or why it failed.
    pub note: Option<String>,
    session: Option<PathBuf>,
    seed: u64,
    /// The answers file beside the session exists but cannot be read: never overwrite it.
    answers_damaged: bool,
    /// A hosted drill's debrief: the host scored it and keeps the answers.
    pub hosted: bool,
}

impl Debrief {
    /// Scores the drill, reads any saved answers, and records the attempt in
    /// `history` if the drill finished.
    pub fn new(drill: &Drill, session: Option<&Path>, history: &mut History) -> Debrief {
        let mut note = None;
        let mut answers_damaged = false;
        let answers = match session.map(aar::answers::beside) {
            Some(Ok(Some(answers))) => answers,
            Some(Err(d)) => {
                note = Some(format!(
                    "Saved answers could not be read: {d}. They will not be overwritten; fix or move the file to save new ones."
                ));
                answers_damaged = true;
                Answers::default()
            }
            _ => Answers::default(),
        };
        let session_name = session.map_or(String::new(), |p| p.display().to_string());
        let facts = Facts::new(drill.scenario(), drill.log());
        let card = score_facts(&facts, Some(&answers));
        let knobs = session
            .and_then(|p| crate::run::session::read(p).ok())
            .map(|r| r.session.header.knobs)
            .unwrap_or_default();
        let this = Attempt::of(
            &card,
            drill.seed(),
            Path::new(&session_name),
            unix_now(),
            knobs,
        );
        let previous = history.previous(&this).cloned();
        if drill.outcome().is_some() {
            history.record(this);
        }
        let ratings = aar::observers::ratings_beside_scores(&facts.notes, &card);
        let mut debrief = Debrief {
            knobs,
            ratings,
            card,
            doc: aar::Doc::default(),
            report: String::new(),
            answers,
            previous,
            tab: Tab::Scorecard,
            note,
            session: session.map(Path::to_path_buf),
            seed: drill.seed(),
            answers_damaged,
            hosted: false,
        };
        debrief.render(&facts);
        debrief
    }

    /// The debrief a host sent after a team drill: the team's scorecard (with
    /// everyone's card) and the After Action Report with everyone's answers.
    pub fn hosted(from: &crate::app::live::HostDebrief) -> Debrief {
        Debrief {
            card: from.team.clone(),
            doc: from.aar.clone(),
            report: from.aar.to_markdown(),
            answers: Answers::default(),
            previous: None,
            knobs: Default::default(),
            ratings: Vec::new(),
            tab: Tab::Scorecard,
            note: None,
            session: None,
            seed: 0,
            answers_damaged: false,
            hosted: true,
        }
    }

    /// Takes in a newer debrief from the host (after someone answered).
    pub fn refresh_from_host(&mut self, from: &crate::app::live::HostDebrief) {
        self.card = from.team.clone();
        self.doc = from.aar.clone();
        self.report = from.aar.to_markdown();
    }

    /// Re-scores with the current answers and rebuilds the report.
    pub fn rebuild(&mut self, drill: &Drill) {
        let facts = Facts::new(drill.scenario(), drill.log());
        self.card = score_facts(&facts, Some(&self.answers));
        self.render(&facts);
    }

    fn render(&mut self, facts: &Facts) {
        self.doc = aar::build(&self.input(facts));
        self.report = self.doc.to_markdown();
    }

    fn input<'a>(&'a self, facts: &'a Facts<'a>) -> aar::Input<'a> {
        aar::Input {
            facts,
            seed: self.seed,
            card: &self.card,
            previous: self.previous.as_ref(),
            answers: Some(&self.answers),
            knobs: self.knobs,
        }
    }

    /// Saves the answers beside the session and re-scores.
    pub fn save_answers(&mut self, drill: &Drill) -> Result<PathBuf, String> {
        let session = self
            .session
            .as_ref()
            .ok_or("this drill has no session file to keep the answers beside")?;
        let path = aar::answers::answers_path(session);
        if self.answers_damaged && path.exists() {
            return Err(format!(
                "{} cannot be read; fix it or move it aside, then save again",
                path.display()
            ));
        }
        self.answers_damaged = false;
        aar::answers::save(&path, &self.answers)?;
        self.rebuild(drill);
        Ok(path)
    }

    /// The attempt this debrief stands for, with the current answers' score.
    pub fn attempt(&self, drill: &Drill) -> Attempt {
        let session = self.session.clone().unwrap_or_default();
        Attempt::of(&self.card, drill.seed(), &session, unix_now(), self.knobs)
    }

    /// Writes the AAR beside the session as Markdown or HTML (a hosted
    /// drill's, whose session the host keeps, in the data directory's reports/).
    pub fn export(&self, drill: &Drill, html: bool) -> Result<PathBuf, String> {
        let hosted_here;
        let session = match (&self.session, self.hosted) {
            (Some(session), _) => session,
            (None, true) => {
                hosted_here = crate::base::files::data_dir()
                    .join("reports")
                    .join(format!("{}-team.ron", drill.scenario().id));
                if let Some(dir) = hosted_here.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                }
                &hosted_here
            }
            (None, false) => return Err("this drill has no session file to export beside".into()),
        };
        let stem = session
            .file_stem()
            .map_or("drill".into(), |s| s.to_string_lossy().into_owned());
        let path =
            session.with_file_name(format!("{stem}.aar.{}", if html { "html" } else { "md" }));
        // The report was rendered when the answers last changed: write it as it stands.
        let text = if html {
            aar::page(&self.doc, &drill.scenario().title)
        } else {
            self.report.clone()
        };
        crate::base::files::write_atomic(&path, text.as_bytes())?;
        Ok(path)
    }
}

fn unix_now() -> u64 {
    // The wall clock only stamps the attempt for display; scoring never sees it.
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The whole debrief screen; returns what the trainee asked for.
pub fn debrief_screen(
    ui: &mut egui::Ui,
    debrief: &mut Debrief,
    drill: &Drill,
) -> Vec<DebriefAction> {
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        ui.heading(format!("Debrief — {}", drill.scenario().title));
        if ui.button("Back to the library").clicked() {
            actions.push(DebriefAction::Back);
        }
    });
    ui.horizontal(|ui| {
        for (tab, label) in [
            (Tab::Scorecard, "Scorecard"),
            (Tab::Questions, "After-action questions"),
            (Tab::Report, "After Action Report"),
            (Tab::Timeline, "Timeline"),
        ] {
            ui.selectable_value(&mut debrief.tab, tab, label);
        }
    });
    if let Some(note) = &debrief.note {
        ui.weak(note);
    }
    ui.separator();
    match debrief.tab {
        Tab::Scorecard => scorecard::show(
            ui,
            &debrief.card,
            debrief.previous.as_ref(),
            &debrief.ratings,
        ),
        Tab::Questions => {
            if form::show(ui, &mut debrief.answers) {
                actions.push(DebriefAction::SaveAnswers);
            }
        }
        Tab::Report => {
            ui.horizontal(|ui| {
                if ui.button("Export Markdown").clicked() {
                    actions.push(DebriefAction::Export { html: false });
                }
                if ui.button("Export HTML").clicked() {
                    actions.push(DebriefAction::Export { html: true });
                }
                ui.weak("Written beside the session file, ready to paste into a wiki.");
            });
            report::show(ui, &debrief.doc);
        }
        Tab::Timeline => {
            let log = drill.log();
            egui::ScrollArea::vertical().auto_shrink(false).show_rows(
                ui,
                18.0,
                log.len(),
                |ui, range| {
                    for entry in &log[range] {
                        ui.add(
                            egui::Label::new(crate::lenses::describe::describe(entry)).truncate(),
                        );
                    }
                },
            );
        }
    }
    actions
}
