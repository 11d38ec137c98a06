//! Advice on a scenario that validates: things that are allowed but are
//! probably not what the author meant. Each is a warning, located like an
//! error; the file still loads and plays.

use std::collections::BTreeSet;

use super::*;
use crate::base::diagnostic::did_you_mean;
use crate::scenario::kinds::Skill;

/// Every warning for a valid scenario.
pub fn advise(raw: &RawScenario, scenario: &Scenario, source: &Source) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    summary_gives_away(scenario, source, &mut warnings);
    skills_nobody_has(scenario, source, &mut warnings);
    kinds_like_known_ones(scenario, source, &mut warnings);
    escalations_at_once(raw, scenario, source, &mut warnings);
    warnings.into_iter().map(Diagnostic::as_warning).collect()
}

/// Words that say nothing about a cause.
const COMMON: &[&str] = &[
    "about",
    "after",
    "again",
    "because",
    "before",
    "being",
    "could",
    "every",
    "first",
    "their",
    "there",
    "these",
    "those",
    "through",
    "under",
    "until",
    "which",
    "while",
    "would",
    "minutes",
    "customers",
    "customer",
    "still",
    "other",
    "since",
    "where",
    "cannot",
    "reach",
    "working",
    "failing",
    "failed",
    "errors",
    "error",
    "timeouts",
    "slower",
    "users",
    "people",
    "orders",
];

/// The words of `text`, lowercase, letters and digits only.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A summary that names what a fault's hidden cause says. Words a trainee
/// sees anyway (component, metric and action names, alert texts, the title
/// and objectives) tell nothing; a long word of the cause beyond those is
/// telling. Four words in a row from the cause with two telling ones, or
/// three telling words anywhere, give it away: the team is meant to find
/// the cause, not read it in the picker.
fn summary_gives_away(scenario: &Scenario, source: &Source, out: &mut Vec<Diagnostic>) {
    let summary = words(&scenario.summary);
    let summary_words: BTreeSet<&str> = summary.iter().map(String::as_str).collect();
    let visible: BTreeSet<String> = scenario
        .components
        .iter()
        .flat_map(|c| {
            let metrics = c.metrics.iter().flat_map(|m| words(&m.name));
            words(&c.name)
                .into_iter()
                .chain(words(&c.id))
                .chain(metrics)
        })
        .chain(scenario.alerts.iter().flat_map(|a| words(&a.text)))
        .chain(scenario.actions.iter().flat_map(|a| words(&a.name)))
        .chain(words(&scenario.title))
        .chain(scenario.objectives.iter().flat_map(|o| words(o)))
        .collect();
    let telling = |w: &str| w.len() >= 5 && !COMMON.contains(&w) && !visible.contains(w);
    for fault in &scenario.faults {
        let cause = words(&fault.root_cause);
        let run = cause.windows(4).find(|w| {
            summary.windows(4).any(|s| s == *w) && w.iter().filter(|x| telling(x)).count() >= 2
        });
        let shared: BTreeSet<&str> = cause
            .iter()
            .map(String::as_str)
            .filter(|w| telling(w) && summary_words.contains(w))
            .collect();
        let shown = match run {
            Some(run) => format!("\"{}\"", run.join(" ")),
            None if shared.len() >= 3 => shared
                .iter()
                .map(|w| format!("\"{w}\""))
                .collect::<Vec<_>>()
                .join(", "),
            None => continue,
        };
        out.push(source.at(
            source.find_key("summary", 0).unwrap_or(0),
            format!(
                "the summary gives away the hidden cause of fault `{}`: it says {shown}",
                fault.id
            ),
            Some(
                "say what trainees would see (symptoms, who is calling), not why; the cause is for them to find"
                    .into(),
            ),
        ));
    }
}

/// A skill of the author's own that an action asks for and nobody in the
/// drill has: usually a typo (every responder would take half as long again).
fn skills_nobody_has(scenario: &Scenario, source: &Source, out: &mut Vec<Diagnostic>) {
    let held: BTreeSet<&Skill> = scenario
        .responders
        .iter()
        .flat_map(|r| r.skills.iter())
        .collect();
    let mut warned = BTreeSet::new();
    for action in &scenario.actions {
        let Some(skill) = &action.skill else { continue };
        let known = Skill::KNOWN.contains(&skill.as_str());
        if known || held.contains(skill) || !warned.insert(skill.clone()) {
            continue;
        }
        let names = held
            .iter()
            .map(|s| s.as_str())
            .chain(Skill::KNOWN.iter().copied());
        let hint = match did_you_mean(skill.as_str(), names) {
            Some(close) => format!("did you mean `{close}`? Or give a responder this skill"),
            None => "give a responder this skill, or leave `skill` out".to_string(),
        };
        out.push(source.at(
            source.locate_in(&action.id, "skill"),
            format!(
                "action `{}` needs the skill `{skill}`, which no responder in this drill has: whoever runs it takes half as long again",
                action.id
            ),
            Some(hint),
        ));
    }
}

/// A component kind of the author's own that is one letter or so from a
/// usual one (`storge`): kinds are free, but this is likely a typo.
fn kinds_like_known_ones(scenario: &Scenario, source: &Source, out: &mut Vec<Diagnostic>) {
    use crate::scenario::kinds::ComponentKind;
    for component in &scenario.components {
        let kind = component.kind.as_str();
        if ComponentKind::KNOWN.contains(&kind) {
            continue;
        }
        if let Some(close) = did_you_mean(kind, ComponentKind::KNOWN.iter().copied()) {
            out.push(source.at(
                source.locate_in(&component.id, "kind"),
                format!(
                    "component `{}` is of kind `{kind}`, close to the usual `{close}`",
                    component.id
                ),
                Some(format!(
                    "did you mean `{close}`? A kind of your own is fine (quote it: kind: \"{kind}\")"
                )),
            ));
        }
    }
}

/// `IfNotMitigated(by)` names a drill time: one at or before its parent's
/// start fires the moment the parent starts.
fn escalations_at_once(
    raw: &RawScenario,
    scenario: &Scenario,
    source: &Source,
    out: &mut Vec<Diagnostic>,
) {
    for (fault, raw_fault) in scenario.faults.iter().zip(&raw.faults) {
        let FaultStart::IfNotMitigated { fault: parent, by } = fault.start else {
            continue;
        };
        let FaultStart::At(parent_start) = scenario.faults[parent].start else {
            continue;
        };
        if by > parent_start {
            continue;
        }
        let time = crate::base::time::format_duration;
        out.push(source.at(
            source.locate_in(&raw_fault.id, "IfNotMitigated"),
            format!(
                "fault `{}` escalates if `{}` is not mitigated by {}, but that fault only starts at {}: it escalates the moment it starts",
                fault.id,
                scenario.faults[parent].id,
                time(by),
                time(parent_start)
            ),
            Some(format!(
                "`by` is a drill time, not a delay: write a time after {} (e.g. \"{}\"), or use AfterFault for a delay",
                time(parent_start),
                time(parent_start + 10 * MINUTE)
            )),
        ));
    }
}
