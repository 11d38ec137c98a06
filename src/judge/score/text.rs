//! Free-text checks the rubric cites as evidence: resolution promises and
//! internal host names in public posts, CAN-form reports, handoff briefings.

use crate::scenario::Scenario;

/// Phrases that promise when a fix lands ("back in 10 minutes", "ETA").
pub fn eta_promises(text: &str) -> Vec<&'static str> {
    const PHRASES: [&str; 16] = [
        "eta",
        "fixed by",
        "fix by",
        "resolved by",
        "restored by",
        "back by",
        "back in",
        "back within",
        "will be fixed",
        "will be resolved",
        "will be restored",
        "expect a fix",
        "expect a full fix",
        "should be back",
        "should be fixed",
        "should be resolved",
    ];
    let lower = text.to_lowercase();
    // Every phrase holds one of these words; most posts hold none.
    if !["eta", "by", "back", "will", "expect", "should"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return Vec::new();
    }
    let bytes = lower.as_bytes();
    let is_word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
    PHRASES
        .into_iter()
        .filter(|phrase| {
            // "back in", "fixed by"…: a promise only when a time follows
            // ("back in 10 minutes", "fix by 10:30"), not "restored by rolling back".
            let needs_time =
                phrase.ends_with(" by") || phrase.ends_with(" in") || phrase.ends_with(" within");
            lower.match_indices(phrase).any(|(start, _)| {
                let end = start + phrase.len();
                let bounded = (start == 0 || !is_word(start - 1)) && !is_word(end);
                let timed = lower[end..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit());
                bounded && (!needs_time || timed)
            })
        })
        .collect()
}

/// Internal names a public post should not show: component ids with a dash
/// or a digit, and host-like tokens ("me-prod-01", "db3.internal", IPs).
pub fn internal_names(text: &str, scenario: &Scenario) -> Vec<String> {
    let mut found = Vec::new();
    for raw in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')')) {
        let token = raw.trim_matches(|c: char| matches!(c, '.' | ':' | '!' | '?' | '"' | '\''));
        if token.is_empty() {
            continue;
        }
        // Only tokens with a dash, a dot or a digit can be internal names.
        if !token
            .bytes()
            .any(|b| b == b'-' || b == b'.' || b.is_ascii_digit())
        {
            continue;
        }
        let lower = token.to_lowercase();
        let is_id = scenario
            .components
            .iter()
            .any(|c| c.id == lower && c.id.contains(|ch: char| ch == '-' || ch.is_ascii_digit()));
        let host_like = lower.contains('-')
            && lower.chars().any(|c| c.is_ascii_digit())
            && lower.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && lower
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
            && lower.split('-').count() >= 3;
        let domain_like = [".internal", ".local", ".corp", ".lan"]
            .iter()
            .any(|d| lower.ends_with(d));
        let ip_like = lower.split('.').count() == 4
            && lower
                .split('.')
                .all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()));
        if (is_id || host_like || domain_like || ip_like) && !found.contains(&token.to_string()) {
            found.push(token.to_string());
        }
    }
    found
}

/// Whether a report reads as Conditions / Actions / Needs.
pub fn is_can_form(text: &str) -> bool {
    let lower = text.to_lowercase();
    let has = |short: &str, long: &str| text.contains(short) || lower.contains(long);
    has("C:", "condition") && has("A:", "action") && has("N:", "need")
}

/// Whether a post states something about data loss ("no orders were lost").
pub fn states_data_loss(text: &str) -> bool {
    holds_any(
        text,
        &[
            "lost",
            "loss",
            "intact",
            "no data",
            "not affected",
            "were affected",
            "repair",
        ],
    )
}

/// Whether a text says no data was lost.
pub fn denies_data_loss(text: &str) -> bool {
    holds_any(
        text,
        &[
            "no data was lost",
            "no customer data was lost",
            "no data loss",
            "no data has been lost",
        ],
    )
}

/// Whether a text holds any of these lowercase phrases, whatever its case.
fn holds_any(text: &str, phrases: &[&str]) -> bool {
    let lower = text.to_lowercase();
    phrases.iter().any(|p| lower.contains(p))
}

/// Whether a text claims the problem is fixed: "resolved", "fixed",
/// "restored", "back to normal" as words, not negated ("not yet
/// resolved", "isn't fixed") nor part of another ("unresolved").
pub fn claims_fixed(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    const NEGATIONS: [&str; 7] = ["not", "isn't", "isnt", "no", "never", "yet", "being"];
    words.iter().enumerate().any(|(i, w)| {
        let claim = matches!(*w, "resolved" | "fixed" | "restored")
            || (*w == "normal" && i >= 2 && words[i - 2] == "back" && words[i - 1] == "to");
        claim
            && !words[i.saturating_sub(2)..i]
                .iter()
                .any(|p| NEGATIONS.contains(p))
    })
}

/// The elements a handoff briefing should cover, with words that show each.
pub const BRIEFING: [(&str, &[&str]); 7] = [
    ("situation", &["situation", "sev", "impact", "currently"]),
    (
        "objectives",
        &["objective", "goal", "priority", "priorities"],
    ),
    (
        "organisation",
        &["organisation", "organization", "team", "ol ", "cl "],
    ),
    (
        "tasks in flight",
        &["in flight", "tasks", "working on", "under way", "due"],
    ),
    ("pending decisions", &["decision"]),
    (
        "external commitments",
        &[
            "commitment",
            "promised",
            "status update",
            "customers",
            "regulator",
        ],
    ),
    ("risks", &["risk", "watch out", "could"]),
];

/// The briefing elements a text covers and the ones it misses.
pub fn briefing_coverage(text: &str) -> (Vec<&'static str>, Vec<&'static str>) {
    let lower = format!("{} ", text.to_lowercase());
    BRIEFING
        .iter()
        .map(|(name, words)| (*name, words.iter().any(|w| lower.contains(w))))
        .fold(
            (Vec::new(), Vec::new()),
            |(mut has, mut misses), (n, ok)| {
                if ok {
                    has.push(n);
                } else {
                    misses.push(n);
                }
                (has, misses)
            },
        )
}

/// Drill times written as "T+12:30" or "T+12" in a text, in seconds.
pub fn stamps(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for part in text.split("T+").skip(1) {
        let digits: String = part
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ':')
            .collect();
        // Typed by people: parse wide and drop anything past a day.
        let fields: Vec<u64> = digits
            .split(':')
            .map_while(|f| f.parse::<u64>().ok())
            .take(3)
            .collect();
        let seconds = match fields.as_slice() {
            [m] => m.checked_mul(60),
            [m, s] => m.checked_mul(60).and_then(|m| m.checked_add(*s)),
            [h, m, s] => h
                .checked_mul(3600)
                .and_then(|h| h.checked_add(m.checked_mul(60)?))
                .and_then(|t| t.checked_add(*s)),
            _ => None,
        };
        if let Some(t) = seconds.filter(|&t| t <= u64::from(crate::base::time::MAX_DURATION)) {
            out.push(t as u32);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::tiny;

    #[test]
    fn etas_are_found_but_update_times_are_not() {
        assert_eq!(
            eta_promises("Trading should be back in 10 minutes"),
            ["back in", "should be back"]
        );
        assert_eq!(
            eta_promises("We expect a full fix by 10:30."),
            ["fix by", "expect a full fix"]
        );
        assert!(eta_promises("Next update within 20 minutes.").is_empty());
        assert!(eta_promises("This incident is resolved.").is_empty());
        assert!(eta_promises("Our beta users").is_empty());
        assert!(
            eta_promises("Service was restored by rolling back; back in normal operation.")
                .is_empty()
        );
    }

    #[test]
    fn host_names_are_found_but_public_names_are_not() {
        let mut scenario = tiny();
        assert_eq!(
            internal_names(
                "We restarted me-prod-01 and db3.internal (10.0.0.12).",
                &scenario
            ),
            ["me-prod-01", "db3.internal", "10.0.0.12"]
        );
        assert!(
            internal_names("Order gateway and web trading are degraded.", &scenario).is_empty()
        );
        scenario.components[0].id = "orders-db".into();
        assert_eq!(
            internal_names("Restarted orders-db.", &scenario),
            ["orders-db"]
        );
        assert!(internal_names("Restarted the orders database.", &scenario).is_empty());
    }

    #[test]
    fn reports_and_briefings_are_read() {
        assert!(is_can_form("C: db slow A: failing over N: nothing"));
        assert!(!is_can_form("all good here"));
        let (has, misses) = briefing_coverage("Situation: Sev1. Objectives: restore. Risks: none.");
        assert_eq!(has, ["situation", "objectives", "risks"]);
        assert!(misses.contains(&"pending decisions"));
        assert_eq!(
            stamps("T+05:18 page; T+6 declared; T+x; T+1:02:03"),
            [318, 360, 3723]
        );
    }

    #[test]
    fn a_fix_is_claimed_only_in_words_that_claim_it() {
        for claim in [
            "All fixed.",
            "Resolved at 10:05",
            "service restored",
            "we are back to normal",
        ] {
            assert!(claims_fixed(claim), "{claim}");
        }
        for not in [
            "not yet resolved",
            "It isn't fixed",
            "the unresolved part",
            "no fix yet; working on it",
            "being restored now",
        ] {
            assert!(!claims_fixed(not), "{not}");
        }
        assert!(denies_data_loss("No customer data was lost."));
        assert!(states_data_loss(
            "Some records were affected; we are repairing them."
        ));
    }
}
