//! `firedrill score` and `firedrill aar`: the verdict on a recorded session.

use std::path::Path;

use crate::judge::aar;
use crate::judge::history::{Attempt, History};
use crate::judge::score::{Answers, Facts, Scorecard, score, score_facts};
use crate::run::session::{self, Session};

/// A recorded session with its (unchanged) scenario and any answers.
struct Recorded {
    session: Session,
    /// The scenario the drill ran (tuned by its recorded knobs).
    scenario: crate::scenario::Scenario,
    answers: Option<Answers>,
}

fn open(path: &Path, scenario: Option<&Path>, answers: Option<&Path>) -> Result<Recorded, String> {
    let session = super::commands::read_session(path)?.session;
    let loaded = super::commands::session_scenario(path, &session, scenario)?;
    session::ensure_same_scenario(&session.header, &loaded)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if session.end.is_none() {
        eprintln!(
            "note: {}: the drill was interrupted; scoring what was recorded up to {}",
            path.display(),
            crate::base::time::clock(session.events.last().map_or(0, |e| e.at))
        );
    }
    let answers = match answers {
        Some(file) => Some(aar::answers::load(file).map_err(|d| d.to_string())?),
        None => aar::answers::beside(path).map_err(|d| d.to_string())?,
    };
    Ok(Recorded {
        scenario: session.header.scenario(&loaded),
        session,
        answers,
    })
}

/// The scorecard in a terminal.
pub fn text(card: &Scorecard, title: &str) -> String {
    let mut out = format!(
        "{title} — {}\nOverall: {}\n\n",
        card.mode.describe(),
        aar::value_text(card.overall)
    );
    for j in &card.criteria {
        let c = j.criterion;
        out.push_str(&format!(
            "{:<4}{:<38}{:>9}  ",
            c.id(),
            c.title(),
            aar::value_text(j.value)
        ));
        out.push_str(&if j.value.is_none() {
            j.note.clone()
        } else {
            j.evidence(2).join("; ")
        });
        out.push('\n');
    }
    for c in &card.cards {
        out.push_str(&format!(
            "\n{}: {} ({})",
            c.name,
            aar::value_text(c.overall),
            c.roles
                .iter()
                .map(|(r, m)| format!("{r} {m} min"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    out
}

pub(super) fn score_cmd(
    path: &Path,
    json: bool,
    scenario: Option<&Path>,
    answers: Option<&Path>,
) -> Result<(), String> {
    let r = open(path, scenario, answers)?;
    let card = score(&r.scenario, &r.session.events, r.answers.as_ref());
    if json {
        let text = serde_json::to_string_pretty(&card).map_err(|e| e.to_string())?;
        say!("{text}");
    } else {
        say!("{}", text(&card, &r.scenario.title));
    }
    Ok(())
}

pub(super) fn aar_cmd(
    path: &Path,
    out: &Path,
    scenario: Option<&Path>,
    answers: Option<&Path>,
    force: bool,
) -> Result<(), String> {
    let html = match out.extension().and_then(|e| e.to_str()) {
        Some("md") => false,
        Some("html" | "htm") => true,
        _ => {
            return Err(format!(
                "{}: unknown report format\n  hint: name the output FILE.md (Markdown) or FILE.html",
                out.display()
            ));
        }
    };
    if out.exists() && !force {
        return Err(format!(
            "{}: already exists\n  hint: pass --force to replace it",
            out.display()
        ));
    }
    let r = open(path, scenario, answers)?;
    let facts = Facts::new(&r.scenario, &r.session.events);
    let card = score_facts(&facts, r.answers.as_ref());
    let history = History::load(&crate::judge::history::default_path()).unwrap_or_else(|d| {
        eprintln!("warning: {d}; the report will not compare with earlier attempts");
        History::default()
    });
    let this = Attempt::of(
        &card,
        r.session.header.seed,
        path,
        0,
        r.session.header.knobs,
    );
    let previous = history.previous(&this);
    let input = aar::Input {
        facts: &facts,
        seed: r.session.header.seed,
        card: &card,
        previous,
        answers: r.answers.as_ref(),
        knobs: r.session.header.knobs,
    };
    let text = if html {
        aar::html(&input)
    } else {
        aar::markdown(&input)
    };
    crate::base::files::write_atomic(out, text.as_bytes())?;
    say!(
        "After Action Report written to {} (overall {})",
        out.display(),
        aar::value_text(card.overall)
    );
    Ok(())
}
