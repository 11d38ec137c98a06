//! Reading people's words: @mentions, whether a message names a party, and
//! phrases that hand a task to nobody in particular.

/// Ids mentioned as `@id` in a text, in order of appearance, without repeats.
pub fn mentions_in(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for part in text.split('@').skip(1) {
        let id: String = part
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
            .collect();
        let id = id.trim_end_matches('-').to_string();
        if !id.is_empty() && !found.contains(&id) {
            found.push(id);
        }
    }
    found
}

/// Whether a message names a party: an @mention of its id, or its id or
/// name as whole words ("Press" is not in "pressure").
pub fn names_party(text: &str, mentions: &[String], id: &str, name: &str) -> bool {
    let lower = text.to_lowercase();
    let whole = |needle: &str| {
        let needle = needle.to_lowercase();
        !needle.is_empty()
            && lower.match_indices(&needle).any(|(i, _)| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + needle.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
    };
    mentions.iter().any(|m| m == id) || whole(id) || whole(name)
}

/// Phrases that hand a task to nobody in particular ("can someone…"). In a
/// message addressed to someone by name only the requests count ("can
/// someone…", "someone should…"): "anyone", "somebody" and "whoever" are then
/// ordinary words ("ask anyone on the db team", "whoever is on call").
pub fn vague_asks(text: &str, addressed: bool) -> Vec<&'static str> {
    const REQUESTS: [&str; 4] = [
        "can someone",
        "could someone",
        "someone should",
        "can anybody",
    ];
    let found = vague_phrases(text);
    if addressed {
        let mut asks: Vec<&'static str> =
            found.into_iter().filter(|p| REQUESTS.contains(p)).collect();
        let lower = text.to_lowercase();
        if ["can anyone", "could anyone"]
            .iter()
            .any(|p| lower.contains(p))
        {
            asks.push("can anyone");
        }
        asks
    } else {
        found
    }
}

/// Phrases that hand a task to nobody in particular ("can someone…").
pub fn vague_phrases(text: &str) -> Vec<&'static str> {
    const PHRASES: [&str; 7] = [
        "can someone",
        "could someone",
        "somebody",
        "anyone",
        "someone should",
        "can anybody",
        "whoever",
    ];
    // Every phrase contains "some", "any" or "whoever"; most messages
    // contain none, so one pass over the bytes settles them.
    let bytes = text.as_bytes();
    let at = |i: usize, w: &[u8]| {
        bytes
            .get(i..i + w.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(w))
    };
    let candidate = (0..bytes.len()).any(|i| match bytes[i] | 0x20 {
        b's' => at(i, b"some"),
        b'a' => at(i, b"any"),
        b'w' => at(i, b"whoever"),
        _ => false,
    });
    if !candidate {
        return Vec::new();
    }
    let mut lower = text.to_lowercase();
    // "Anyone else seeing this?" asks about symptoms, not for work.
    for observation in ["anyone else seeing", "anyone else notic"] {
        lower = lower.replace(observation, " ");
    }
    PHRASES.into_iter().filter(|p| lower.contains(p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_mentions() {
        assert_eq!(
            mentions_in("@ana and @ben-2, please; @ana again"),
            ["ana", "ben-2"]
        );
        assert_eq!(mentions_in("mail me at x@ or @-"), Vec::<String>::new());
    }

    #[test]
    fn flags_vague_asks() {
        assert_eq!(
            vague_phrases("Can someone look at the DB?"),
            ["can someone"]
        );
        assert!(vague_phrases("@raj fail over orders-db, report in 10m").is_empty());
        assert!(vague_phrases("Anyone else seeing this on their side?").is_empty());
        assert_eq!(
            vague_phrases("Anyone else seeing errors? Can anyone look?"),
            ["anyone"]
        );
    }

    #[test]
    fn a_party_is_named_by_mention_or_whole_words() {
        let none: Vec<String> = Vec::new();
        assert!(names_party(
            "@press hello",
            &["press".into()],
            "press",
            "The Press"
        ));
        assert!(names_party(
            "To the Daily Bugle: hello",
            &none,
            "bugle",
            "Daily Bugle"
        ));
        assert!(!names_party("under pressure", &none, "press", "Press"));
        assert!(!names_party(
            "@pressman hi",
            &["pressman".into()],
            "press",
            "Press"
        ));
    }

    #[test]
    fn can_anyone_in_an_addressed_message_is_still_an_ask() {
        assert_eq!(
            vague_asks("@raj thanks. Can anyone check the DB?", true),
            ["can anyone"]
        );
        assert!(vague_asks("@raj check whether anyone changed it", true).is_empty());
    }
}
