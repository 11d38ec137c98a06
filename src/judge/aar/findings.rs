//! Strengths and areas for improvement, the after-action questions and the
//! improvement plan.

use std::collections::BTreeMap;

use super::{Doc, Input, guidance};
use crate::base::time::clock;
use crate::judge::score::{Area, Facts, Judgement};
use crate::scenario::{ActionKind, Role};

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
    let herrings: Vec<String> = f
        .actions
        .iter()
        .filter(|a| !a.refused && a.kind == ActionKind::Diagnostic)
        .filter(|a| {
            f.scenario
                .actions
                .iter()
                .any(|s| s.id == a.action && s.effects.is_empty())
        })
        .map(|a| format!("`{}` ({})", a.action, clock(a.at)))
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
            vec![
                format!(
                    "{} {} ({:.2}): {}",
                    j.criterion.id(),
                    j.criterion.title(),
                    j.value.unwrap_or(0.0),
                    j.evidence(1).join("")
                ),
                action.to_string(),
                owner(j, f),
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

/// Who owns fixing a criterion: the person behind most of its lapses, with
/// the role they held.
fn owner(j: &Judgement, f: &Facts) -> String {
    let mut lapses: BTreeMap<&str, usize> = BTreeMap::new();
    for m in j.marks.iter().filter(|m| m.value < 0.85) {
        for w in m.who.iter().filter(|w| !w.is_empty()) {
            *lapses.entry(w).or_default() += 1;
        }
    }
    let Some((who, _)) = lapses
        .into_iter()
        .max_by_key(|&(w, n)| (n, std::cmp::Reverse(w)))
    else {
        return "Whole team".into();
    };
    let roles: Vec<String> = Role::COMMAND_ROLES
        .iter()
        .filter(|r| f.held_for(who, std::slice::from_ref(r)).0 > 0)
        .filter(|r| j.criterion.owners().is_empty() || j.criterion.owners().contains(r))
        .map(|r| r.label())
        .collect();
    if roles.is_empty() {
        f.name(who).to_string()
    } else {
        format!("{} ({})", f.name(who), roles.join(", "))
    }
}
