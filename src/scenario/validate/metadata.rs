//! Metadata: ids, texts, time limit and par times.

use super::*;

pub(super) fn check_metadata(raw: &RawScenario, source: &Source, e: &mut Vec<Diagnostic>) {
    let at = |word: &str| source.find_key(word, 0).unwrap_or(0);
    if !valid_id(&raw.id) {
        e.push(source.at(
            at("id"),
            format!("scenario id `{}` is not a valid id", raw.id),
            Some("use lowercase letters, digits and `-` (e.g. \"matching-engine-failure\")".into()),
        ));
    }
    for (field, text) in [("title", &raw.title), ("summary", &raw.summary)] {
        if text.trim().is_empty() {
            e.push(source.at(
                at(field),
                format!("`{field}` is empty"),
                Some("trainees read it in the picker; say what the drill is".into()),
            ));
        }
    }
    if raw.objectives.iter().all(|o| o.trim().is_empty()) {
        e.push(source.at(
            at("objectives"),
            "no learning objectives",
            Some("name what the drill teaches, one sentence each".into()),
        ));
    }
    let limit = raw.time_limit.0;
    if !(5 * MINUTE..=8 * 60 * MINUTE).contains(&limit) {
        e.push(source.at(
            at("time_limit"),
            format!(
                "time_limit {} is out of range",
                crate::base::time::format_duration(limit)
            ),
            Some("a drill lasts between 5m and 8h".into()),
        ));
    }
    let par = &raw.par;
    for (name, value) in [
        ("declare", par.declare.0),
        ("mitigate", par.mitigate.0),
        ("resolve", par.resolve.0),
    ] {
        if value > limit {
            e.push(source.at(
                source.find_key(name, at("par")).unwrap_or(0),
                format!(
                    "par `{name}` ({}) is past the time limit ({})",
                    crate::base::time::format_duration(value),
                    crate::base::time::format_duration(limit)
                ),
                Some("par times must fall inside the drill".into()),
            ));
        }
    }
    if !(par.declare.0 <= par.mitigate.0 && par.mitigate.0 <= par.resolve.0) {
        e.push(source.at(
            at("par"),
            "par times are out of order",
            Some("declare ≤ mitigate ≤ resolve".into()),
        ));
    }
}
