//! Operations, continued: mitigation first, against par (C14).

use super::{at, holder, mark};
use crate::base::time::span;
use crate::judge::score::Mark;
use crate::judge::score::facts::Facts;
use crate::judge::score::targets::{Targets, score_time};
use crate::scenario::Role;
use crate::world::Violation;

/// C14: mitigate first; time to mitigation against par; no traps.
pub fn mitigation(f: &Facts, t: &Targets) -> Vec<Mark> {
    let Some(alert) = f.first_alert else {
        return Vec::new();
    };
    let resolve_note = match f.resolved {
        Some(r) => format!(
            "; resolved at {} (par {}, shown, not scored)",
            at(r),
            span(f.scenario.par.resolve)
        ),
        None => String::new(),
    };
    let mut marks = vec![match f.mitigated {
        Some(m) => {
            let delay = m.saturating_sub(alert);
            // Harm that outlives the outage is named, not called recovered.
            let owed: Vec<&str> = f
                .obligations
                .iter()
                .filter(|&&(arose, _, paid)| arose <= m && paid.is_none_or(|p| p > m))
                .filter_map(|o| f.scenario.obligations.iter().find(|x| x.id == o.1))
                .map(|o| o.name.as_str())
                .collect();
            let owed = if owed.is_empty() {
                String::new()
            } else {
                format!(" (still owed then: {})", owed.join("; "))
            };
            mark(
                m,
                &[holder(f, &Role::OL, m), holder(f, &Role::IC, m)],
                score_time(delay, t.mitigate),
                format!(
                    "Service restored at {}{owed}, {} after the first alert (par {}){resolve_note}",
                    at(m),
                    span(delay),
                    span(t.mitigate.0)
                ),
            )
        }
        // Charged to whoever led when par ran out, not whoever was left at the end.
        None => {
            let due = alert.saturating_add(t.mitigate.0).min(f.end);
            mark(
                f.end,
                &[holder(f, &Role::OL, due), holder(f, &Role::IC, due)],
                0.0,
                "Never mitigated: customers were still hurting when the drill ended".to_string(),
            )
        }
    }];
    for &(when, by, v, detail) in &f.violations {
        if v == Violation::WrongFix {
            marks.push(mark(
                when,
                &[by, holder(f, &Role::OL, when)],
                0.0,
                format!("{}'s {detail} (at {})", f.name(by), at(when)),
            ));
        }
    }
    marks
}
