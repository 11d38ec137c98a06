//! The After Action Report: built from the scenario, the log and the
//! scorecard as a document, rendered to Markdown (for a wiki) or HTML.

pub mod answers;
mod appendix;
mod believed;
pub mod doc;
mod findings;
mod guidance;
pub mod observers;
mod overview;

pub use doc::Doc;
pub use guidance::guidance;

use crate::judge::history::Attempt;
use crate::judge::score::{Answers, Facts, Scorecard};

/// What an AAR is made from.
pub struct Input<'a> {
    /// The indexed log (and its scenario).
    pub facts: &'a Facts<'a>,
    pub seed: u64,
    pub card: &'a Scorecard,
    /// The previous attempt of the same scenario (and seat), if any.
    pub previous: Option<&'a Attempt>,
    pub answers: Option<&'a Answers>,
    /// How the drill was tuned (stated in the overview when not as written).
    pub knobs: crate::scenario::Knobs,
}

/// Builds the report.
pub fn build(input: &Input) -> Doc {
    let facts = input.facts;
    let mut doc = Doc::default();

    doc.h(1, format!("After Action Report: {}", facts.scenario.title));
    overview::overview(&mut doc, input, facts);
    overview::scorecard(&mut doc, input);
    observers::section(&mut doc, input);
    overview::timeline(&mut doc, facts);
    findings::strengths_and_areas(&mut doc, input);
    findings::questions(&mut doc, input, facts);
    findings::plan(&mut doc, input, facts);
    believed::section(&mut doc, facts);
    appendix::section(&mut doc, facts);
    doc
}

/// The report as Markdown.
pub fn markdown(input: &Input) -> String {
    build(input).to_markdown()
}

/// The report as a standalone HTML page.
pub fn html(input: &Input) -> String {
    page(&build(input), &input.facts.scenario.title)
}

/// A built report as a standalone HTML page.
pub fn page(doc: &Doc, scenario_title: &str) -> String {
    doc.to_html(&format!("AAR: {scenario_title}"))
}

/// "0.82 (P)" or "N/A".
pub fn value_text(value: Option<f64>) -> String {
    match value {
        Some(v) => format!("{v:.2} ({:?})", crate::judge::score::Band::of(v)),
        None => "N/A".into(),
    }
}

#[cfg(test)]
mod tests;
