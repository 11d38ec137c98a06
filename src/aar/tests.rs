//! AAR unit tests.

use super::*;
use crate::score::score;
use crate::testing;

#[test]
fn an_empty_drill_still_gets_every_section() {
    let scenario = testing::tiny();
    let facts = crate::score::Facts::new(&scenario, &[]);
    let card = score(&scenario, &[], None);
    let input = Input {
        facts: &facts,
        seed: 1,
        card: &card,
        previous: None,
        answers: None,
    };
    let md = markdown(&input);
    for heading in [
        "## Overview",
        "## Scorecard",
        "## Timeline",
        "## Strengths and areas for improvement",
        "## After-action questions",
        "## Improvement plan",
        "## Believed versus true",
        "## Appendix A: status page posts",
        "## Appendix B: ISD snapshots",
        "## Appendix C: command post log",
    ] {
        assert!(md.contains(heading), "missing {heading}");
    }
    assert!(md.contains("_(not answered yet)_"));
}
