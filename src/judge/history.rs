//! Attempt history: every finished drill's score, kept in the user's data
//! directory, so the picker can show best and last scores, the AAR the change
//! since the previous attempt, and solo practice its ladder.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::base::diagnostic::Diagnostic;
use crate::judge::score::{Criterion, Mode, Scorecard};
use crate::scenario::Knobs;
use crate::scenario::{Difficulty, Seat};

/// One finished drill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub scenario: String,
    /// The trainee's seat in solo practice; `None` for team and simulated drills.
    pub seat: Option<Seat>,
    pub mode: String,
    pub seed: u64,
    /// The session file the attempt was played in.
    pub session: String,
    /// Seconds since the Unix epoch when it was recorded (for display only).
    pub finished: u64,
    pub overall: Option<f64>,
    /// C1..C16, `None` where N/A.
    pub criteria: Vec<Option<f64>>,
    /// How the drill was tuned; a tuned run is compared only with runs tuned
    /// the same way, and only the scenario as written counts for best and the ladder.
    #[serde(default, skip_serializing_if = "Knobs::is_normal")]
    pub knobs: Knobs,
}

impl Attempt {
    /// The attempt a scorecard describes.
    pub fn of(card: &Scorecard, seed: u64, session: &Path, finished: u64, knobs: Knobs) -> Attempt {
        Attempt {
            scenario: card.scenario.clone(),
            seat: match card.mode {
                Mode::Solo { seat, .. } => Some(seat),
                _ => None,
            },
            mode: card.mode.describe(),
            seed,
            // One spelling per file, however the path was given.
            session: std::fs::canonicalize(session)
                .unwrap_or_else(|_| session.to_path_buf())
                .display()
                .to_string(),
            finished,
            overall: card.overall,
            criteria: Criterion::ALL.iter().map(|&c| card.value(c)).collect(),
            knobs,
        }
    }

    /// A criterion's value in this attempt.
    pub fn value(&self, c: Criterion) -> Option<f64> {
        self.criteria.get(c as usize).copied().flatten()
    }
}

/// Every attempt, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub attempts: Vec<Attempt>,
}

/// Where the history lives.
pub fn default_path() -> PathBuf {
    crate::base::files::data_dir().join("history.ron")
}

impl History {
    /// Reads the history; a missing file is an empty history.
    pub fn load(path: &Path) -> Result<History, Diagnostic> {
        crate::base::files::read_ron(path, || {
            format!(
                "the attempt history is damaged; move {} aside to start a new one",
                path.display()
            )
        })
    }

    /// Writes the history atomically.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        crate::base::files::write_ron(path, self)
    }

    /// Adds the attempts of `other` this history lacks (another window may
    /// have recorded drills since this one was read).
    pub fn merge(&mut self, other: History) {
        for a in other.attempts {
            if !self.attempts.iter().any(|b| b.session == a.session) {
                self.attempts.push(a);
            }
        }
        self.attempts.sort_by_key(|a| a.finished);
    }

    /// Adds an attempt, replacing an earlier record of the same session.
    pub fn record(&mut self, attempt: Attempt) {
        self.attempts.retain(|a| a.session != attempt.session);
        self.attempts.push(attempt);
    }

    /// Attempts of one scenario, oldest first.
    pub fn of<'a>(&'a self, scenario: &str) -> impl Iterator<Item = &'a Attempt> + 'a {
        let scenario = scenario.to_string();
        self.attempts.iter().filter(move |a| a.scenario == scenario)
    }

    /// The best overall score of a scenario as written (untuned runs).
    pub fn best(&self, scenario: &str) -> Option<f64> {
        self.of(scenario)
            .filter(|a| a.knobs.is_normal())
            .filter_map(|a| a.overall)
            .reduce(f64::max)
    }

    /// The latest attempt of a scenario.
    pub fn last(&self, scenario: &str) -> Option<&Attempt> {
        self.of(scenario).last()
    }

    /// The attempt before `this`, in the same scenario, seat (any seat for
    /// team drills) and tuning.
    pub fn previous(&self, this: &Attempt) -> Option<&Attempt> {
        let mut candidates = self
            .of(&this.scenario)
            .filter(|a| a.seat == this.seat && a.knobs == this.knobs)
            .take_while(|a| a.session != this.session);
        candidates.by_ref().last()
    }

    /// The solo ladder of a seat: the hardest difficulty cleared in a row from
    /// Beginner, where a difficulty is cleared by a solo score of at least S
    /// (0.65) on any scenario of that difficulty as written (untuned).
    pub fn ladder(&self, seat: Seat, difficulty_of: impl Fn(&str) -> Option<Difficulty>) -> Rung {
        let cleared = |d: Difficulty| {
            self.attempts.iter().any(|a| {
                a.seat == Some(seat)
                    && a.knobs.is_normal()
                    && a.overall.is_some_and(|v| v >= 0.65)
                    && difficulty_of(&a.scenario) == Some(d)
            })
        };
        let mut rung = Rung::Unranked;
        for (d, r) in [
            (Difficulty::Beginner, Rung::Beginner),
            (Difficulty::Intermediate, Rung::Intermediate),
            (Difficulty::Advanced, Rung::Advanced),
            (Difficulty::Expert, Rung::Expert),
        ] {
            if !cleared(d) {
                break;
            }
            rung = r;
        }
        rung
    }
}

/// A rung on a seat's solo ladder: the hardest difficulty cleared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rung {
    Unranked,
    Beginner,
    Intermediate,
    Advanced,
    Expert,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt(scenario: &str, seat: Option<Seat>, session: &str, overall: f64) -> Attempt {
        Attempt {
            scenario: scenario.into(),
            seat,
            mode: String::new(),
            seed: 1,
            session: session.into(),
            finished: 0,
            overall: Some(overall),
            criteria: vec![Some(overall); 15],
            knobs: Knobs::default(),
        }
    }

    #[test]
    fn best_last_previous_and_ladder() {
        let mut h = History::default();
        h.record(attempt("a", Some(Seat::IC), "s1", 0.5));
        h.record(attempt("a", Some(Seat::IC), "s2", 0.9));
        h.record(attempt("a", Some(Seat::CL), "s3", 0.7));
        h.record(attempt("a", Some(Seat::IC), "s4", 0.6));
        h.record(attempt("b", Some(Seat::IC), "s5", 0.8));
        assert_eq!(h.best("a"), Some(0.9));
        assert_eq!(h.last("a").map(|a| a.session.as_str()), Some("s4"));
        let s4 = h.last("a").unwrap().clone();
        assert_eq!(h.previous(&s4).map(|a| a.session.as_str()), Some("s2"));
        assert_eq!(h.previous(&attempt("a", Some(Seat::IC), "s1", 0.0)), None);
        // Re-recording a session replaces it.
        h.record(attempt("a", Some(Seat::IC), "s4", 0.95));
        assert_eq!(h.of("a").count(), 4);
        assert_eq!(h.best("a"), Some(0.95));
        let difficulty = |s: &str| match s {
            "a" => Some(Difficulty::Beginner),
            "b" => Some(Difficulty::Advanced),
            _ => None,
        };
        // Advanced is cleared but Intermediate is not: the ladder stops at Beginner.
        assert_eq!(h.ladder(Seat::IC, difficulty), Rung::Beginner);
        assert_eq!(h.ladder(Seat::OL, difficulty), Rung::Unranked);

        // A tuned run: not the scenario as written, so neither best nor the
        // ladder counts it, and it is compared only with runs tuned alike.
        let hard = Knobs {
            time_pressure: crate::scenario::Level::High,
            ..Knobs::default()
        };
        let tuned = |session: &str, overall| Attempt {
            knobs: hard,
            ..attempt("a", Some(Seat::OL), session, overall)
        };
        h.record(tuned("t1", 0.99));
        h.record(tuned("t2", 0.7));
        assert_eq!(h.best("a"), Some(0.95));
        assert_eq!(h.ladder(Seat::OL, difficulty), Rung::Unranked);
        let t2 = h.last("a").unwrap().clone();
        assert_eq!(h.previous(&t2).map(|a| a.session.as_str()), Some("t1"));
        let untuned = attempt("a", Some(Seat::OL), "t3", 0.8);
        assert_eq!(h.previous(&untuned), None, "no untuned OL run before");
    }

    #[test]
    fn merging_keeps_attempts_recorded_elsewhere() {
        let mut mine = History::default();
        mine.record(attempt("a", None, "s1", 0.5));
        let mut theirs = History::default();
        theirs.record(attempt("a", None, "s1", 0.9));
        theirs.record(attempt("b", None, "s2", 0.7));
        mine.merge(theirs);
        assert_eq!(mine.attempts.len(), 2);
        assert_eq!(mine.best("a"), Some(0.5), "our own record of s1 wins");
        assert_eq!(mine.best("b"), Some(0.7));
    }

    #[test]
    fn survives_a_round_trip_and_reports_damage_with_a_place() {
        let dir = std::env::temp_dir().join(format!("firedrill-history-{}", std::process::id()));
        let path = dir.join("history.ron");
        assert_eq!(History::load(&path).unwrap(), History::default());
        let mut h = History::default();
        h.record(attempt("a", None, "s1", 0.5));
        h.save(&path).unwrap();
        assert_eq!(History::load(&path).unwrap(), h);
        std::fs::write(&path, "(attempts: [(scenario: 3)])").unwrap();
        let err = History::load(&path).unwrap_err().to_string();
        assert!(err.contains("history.ron:1:"), "{err}");
        assert!(err.contains("move"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn tuning_is_saved_and_older_files_without_it_still_load() {
        let dir =
            std::env::temp_dir().join(format!("firedrill-history-knobs-{}", std::process::id()));
        let path = dir.join("history.ron");
        let mut h = History::default();
        h.record(Attempt {
            knobs: Knobs {
                alert_noise: crate::scenario::Level::High,
                ..Knobs::default()
            },
            ..attempt("a", None, "s1", 0.5)
        });
        h.save(&path).unwrap();
        assert_eq!(History::load(&path).unwrap(), h);
        let old = r#"(attempts: [(scenario: "a", seat: None, mode: "", seed: 1, session: "s0", finished: 0, overall: Some(0.5), criteria: [])])"#;
        std::fs::write(&path, old).unwrap();
        assert!(History::load(&path).unwrap().attempts[0].knobs.is_normal());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
