//! Unit tests of the rubric on small drills.

use super::*;
use crate::testing;

#[test]
fn a_quiet_log_is_not_applicable_rather_than_zero() {
    let scenario = testing::tiny();
    let card = score(&scenario, &[], None);
    assert_eq!(card.overall, None);
    assert!(card.criteria.iter().all(|j| j.value.is_none()));
    assert!(!card.get(Criterion::C15).note.is_empty());
}
