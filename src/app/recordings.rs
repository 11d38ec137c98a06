//! The recordings on disk: every drill played in the app is a session file
//! under the data directory. The title screen lists them to replay one or
//! compare two.

use std::path::{Path, PathBuf};

use bevy_egui::egui;

use crate::run::session::Record;

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
            // Only the header line is read.
            let mut first = String::new();
            std::io::BufRead::read_line(
                &mut std::io::BufReader::new(std::fs::File::open(&path).ok()?),
                &mut first,
            )
            .ok()?;
            let Ok(Record::Header(h)) = ron::from_str::<Record>(first.trim_end()) else {
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

/// "2026-11-21 23:41 UTC": when a recording was last written.
fn when(t: std::time::SystemTime) -> String {
    let secs = t
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        rest / 3600,
        rest % 3600 / 60
    )
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
                            ui.label(when(r.modified));
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

#[cfg(test)]
mod tests {
    #[test]
    fn recording_times_read_as_calendar_dates() {
        let at = |s: u64| super::when(std::time::UNIX_EPOCH + std::time::Duration::from_secs(s));
        assert_eq!(at(0), "1970-01-01 00:00 UTC");
        assert_eq!(at(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(at(1_795_304_429), "2026-11-21 23:40 UTC");
    }
}
