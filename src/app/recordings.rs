//! The recordings on disk: every drill played in the app is a session file
//! under the data directory. The title screen lists them to replay one or
//! compare two.

use std::path::{Path, PathBuf};

use bevy_egui::egui;

use crate::session::Record;

/// One recording, as its file name and first line say.
#[derive(Debug, Clone, PartialEq)]
pub struct Recording {
    pub path: PathBuf,
    pub scenario: String,
    pub seed: u64,
    /// Who played, or "simulated team".
    pub who: String,
    pub branched: bool,
    modified: std::time::SystemTime,
}

/// The recordings in `dir`, newest first (at most `limit`).
pub fn list(dir: &Path, limit: usize) -> Vec<Recording> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Recording> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .filter_map(|path| {
            let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
            let text = std::fs::read_to_string(&path).ok()?;
            let Ok(Record::Header(h)) = ron::from_str::<Record>(text.lines().next()?) else {
                return None;
            };
            let who = if h.team.is_empty() {
                "simulated team".to_string()
            } else {
                h.team
                    .iter()
                    .map(|m| format!("{} ({:?})", m.name, m.seat))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            Some(Recording {
                path,
                scenario: h.scenario,
                seed: h.seed,
                who,
                branched: h.branched_from.is_some(),
                modified,
            })
        })
        .collect();
    found.sort_by_key(|r| std::cmp::Reverse(r.modified));
    found.truncate(limit);
    found
}

/// What the recordings window asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum RecordingsAction {
    Replay(PathBuf),
    /// Compare the earlier (A) with the later (B).
    Compare(PathBuf, PathBuf),
}

/// The list with a Replay button each and two ticks to compare.
pub fn window(
    ctx: &egui::Context,
    open: &mut bool,
    list: &[Recording],
    ticked: &mut Vec<PathBuf>,
) -> Option<RecordingsAction> {
    let mut action = None;
    egui::Window::new("Recordings")
        .open(open)
        .default_width(720.0)
        .show(ctx, |ui| {
            if list.is_empty() {
                ui.label("No recordings yet: every drill you play is recorded here.");
                return;
            }
            ui.weak("Replay one, or tick two runs of the same scenario to compare them.");
            egui::ScrollArea::vertical()
                .max_height(420.0)
                .show(ui, |ui| {
                    egui::Grid::new("recordings").striped(true).show(ui, |ui| {
                        for r in list {
                            let mut on = ticked.contains(&r.path);
                            if ui.checkbox(&mut on, "").changed() {
                                if on {
                                    ticked.push(r.path.clone());
                                    if ticked.len() > 2 {
                                        ticked.remove(0);
                                    }
                                } else {
                                    ticked.retain(|p| p != &r.path);
                                }
                            }
                            ui.label(format!(
                                "{}{}",
                                r.scenario,
                                if r.branched { " (branch)" } else { "" }
                            ));
                            ui.label(format!("seed {}", r.seed));
                            ui.label(&r.who);
                            ui.weak(
                                r.path
                                    .file_name()
                                    .map_or_else(String::new, |n| n.to_string_lossy().to_string()),
                            );
                            if ui.button("Replay").clicked() {
                                action = Some(RecordingsAction::Replay(r.path.clone()));
                            }
                            ui.end_row();
                        }
                    });
                });
            if ticked.len() == 2 && ui.button("Compare the two ticked runs").clicked() {
                // The list is newest first: the older run is A.
                let pos = |p: &PathBuf| list.iter().position(|r| &r.path == p);
                let (x, y) = (ticked[0].clone(), ticked[1].clone());
                action = Some(if pos(&x) > pos(&y) {
                    RecordingsAction::Compare(x, y)
                } else {
                    RecordingsAction::Compare(y, x)
                });
            }
        });
    action
}
