//! Strengths and areas for improvement, the after-action questions and the
//! improvement plan.

use super::{Doc, Input, guidance};
use crate::base::time::clock;
use crate::judge::score::{Area, Facts, Judgement, Mark};
use crate::scenario::Role;

/// Findings by area: observation → analysis → recommendation.
pub fn strengths_and_areas(doc: &mut Doc, input: &Input) {
    doc.h(2, "Strengths and areas for improvement");
    for area in Area::ALL {
        let judged: Vec<&Judgement> = input
            .card
            .criteria
            .iter()
            .filter(|j| j.criterion.area() == area && j.value.is_some())
            .collect();
        doc.h(3, format!("{area:?}"));
        if judged.is_empty() {
            doc.p("Nothing to judge in this area.");
            continue;
        }
        let strengths: Vec<String> = judged
            .iter()
            .filter(|j| j.value >= Some(0.85))
            .map(|j| {
                let best = j
                    .marks
                    .iter()
                    .max_by(|a, b| a.value.total_cmp(&b.value))
                    .map_or(String::new(), |m| m.text.clone());
                format!(
                    "**Strength — {} {}.** Observation: {best}. Analysis: {}",
                    j.criterion.id(),
                    j.criterion.title(),
                    guidance(j.criterion).0
                )
            })
            .collect();
        let areas: Vec<String> = judged
            .iter()
            .filter(|j| j.value < Some(0.85))
            .map(|j| {
                let (why, what, _) = guidance(j.criterion);
                format!(
                    "**To improve — {} {} ({:.2}).** Observation: {}. Analysis: {why} Recommendation: {what}",
                    j.criterion.id(),
                    j.criterion.title(),
                    j.value.unwrap_or(0.0),
                    j.evidence(2).join("; ")
                )
            })
            .collect();
        doc.bullets(strengths.into_iter().chain(areas).collect());
    }
}

/// The five questions, the deeper ones, and what the log says about them.
pub fn questions(doc: &mut Doc, input: &Input, f: &Facts) {
    let answers = input.answers.cloned().unwrap_or_default();
    let shown = |a: &str| {
        if a.trim().is_empty() {
            "_(not answered yet)_".to_string()
        } else {
            a.trim().to_string()
        }
    };
    doc.h(2, "After-action questions");
    doc.bullets(
        answers
            .five()
            .iter()
            .map(|(q, a)| format!("**{q}** {}", shown(a)))
            .collect(),
    );
    doc.h(3, "Deeper questions");
    let help = f
        .roles
        .iter()
        .find(|c| f.is_participant(c.by) && c.to.is_some_and(|to| to != c.by))
        .map(|c| {
            format!(
                "{} first brought someone in ({} as {}) at {}",
                f.name(c.by),
                f.name(c.to.unwrap_or("")),
                c.role.label(),
                clock(c.at)
            )
        })
        .unwrap_or_else(|| "nobody was brought in".into());
    // A diagnostic that read a sick component found the symptom; only those
    // that came back clean from a healthy one led nowhere.
    let herrings: Vec<String> = f
        .dead_ends
        .iter()
        .map(|(at, action)| format!("`{action}` ({})", clock(*at)))
        .collect();
    let [(help_q, help_a), (data_q, data_a)] = answers.deeper();
    doc.bullets(vec![
        format!("**{help_q}** {} — from the log: {help}.", shown(help_a)),
        format!(
            "**{data_q}** {} — from the log: {}.",
            shown(data_a),
            if herrings.is_empty() {
                "no diagnostic led nowhere".to_string()
            } else {
                format!(
                    "diagnostics that found nothing wrong: {}",
                    herrings.join(", ")
                )
            }
        ),
    ]);
}

/// An action per weak criterion: what, who, by when, and how the re-run shows it worked.
pub fn plan(doc: &mut Doc, input: &Input, f: &Facts) {
    doc.h(2, "Improvement plan");
    let mut weak: Vec<&Judgement> = input
        .card
        .criteria
        .iter()
        .filter(|j| j.value.is_some_and(|v| v < 0.85))
        .collect();
    weak.sort_by(|a, b| {
        let cost = |j: &Judgement| j.weight * (1.0 - j.value.unwrap_or(1.0));
        cost(b)
            .total_cmp(&cost(a))
            .then(a.criterion.cmp(&b.criterion))
    });
    if weak.is_empty() {
        doc.p(format!(
            "Every judged criterion reached P. Next: re-run {} on a different seed, or try a harder scenario.",
            input.facts.scenario.id
        ));
        return;
    }
    let rows = weak
        .into_iter()
        .take(6)
        .map(|j| {
            let (_, action, verify) = guidance(j.criterion);
            // The evidence and its owner come from the same mark: the worst.
            let worst = j.worst_first().first().copied();
            vec![
                format!(
                    "{} {} ({:.2}): {}",
                    j.criterion.id(),
                    j.criterion.title(),
                    j.value.unwrap_or(0.0),
                    worst.map_or("", |m| m.text.as_str())
                ),
                action.to_string(),
                worst.map_or_else(|| "Whole team".to_string(), |m| owner(m, j, f)),
                "Before the next drill".to_string(),
                format!("Re-run `{}`: {verify}", input.facts.scenario.id),
            ]
        })
        .collect();
    doc.table(
        &["Issue", "Action", "Owner", "Due", "Verify on re-run"],
        rows,
    );
}

/// Who owns fixing what a mark shows: the people it names, each with the
/// roles (of those owning the criterion) they held at that moment; of a
/// lapse shared by several holders of a role, the one whose part was worst.
fn owner(m: &Mark, j: &Judgement, f: &Facts) -> String {
    let worst = (!m.personal.is_empty())
        .then(|| {
            m.who
                .iter()
                .min_by(|a, b| m.value_for(a).total_cmp(&m.value_for(b)))
        })
        .flatten();
    let people: Vec<String> = m
        .who
        .iter()
        .filter(|w| !w.is_empty() && worst.is_none_or(|worst| worst == *w))
        .map(|who| {
            let at = m.at.unwrap_or(f.end);
            let held = |r: &Role| match worst {
                // Their part ended before the mark's moment: any time they held it.
                Some(_) => f.held_for(who, std::slice::from_ref(r)).0 > 0,
                None => f.holder(r, at) == Some(who.as_str()),
            };
            let roles: Vec<String> = Role::COMMAND_ROLES
                .iter()
                .filter(|r| held(r))
                .filter(|r| j.criterion.owners().is_empty() || j.criterion.owners().contains(r))
                .map(|r| r.label())
                .collect();
            if roles.is_empty() {
                f.name(who).to_string()
            } else {
                format!("{} ({})", f.name(who), roles.join(", "))
            }
        })
        .collect();
    if people.is_empty() {
        "Whole team".into()
    } else {
        people.join(", ")
    }
}
