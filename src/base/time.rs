//! Simulated time: integer ticks of one simulated second, and the human
//! durations ("90s", "5m", "1h30m") that scenario and script files use.

use std::fmt;

/// One simulated second since the drill started. The core never reads the wall clock.
pub type Tick = u32;

/// Ticks in one simulated minute.
pub const MINUTE: Tick = 60;

/// The longest duration any file may name: a drill is a working day at most.
pub const MAX_DURATION: Tick = 24 * 60 * MINUTE;

/// Parses "90s", "5m", "1h", "1h30m", "2m30s": every number with its unit,
/// hours before minutes before seconds, each unit once. One rule for every
/// duration a file, a command line or the composer names; a bare number is
/// refused, since nobody can tell whether "6" meant seconds or minutes.
pub fn parse_duration(text: &str) -> Result<Tick, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("empty duration; write e.g. \"90s\" or \"5m\"".into());
    }
    if text.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "`{text}` has no unit: write \"{text}s\" for seconds or \"{text}m\" for minutes"
        ));
    }
    let mut total: u64 = 0;
    let mut number = String::new();
    // The units still allowed, largest first: each comes once, in order.
    let mut units: &[(char, u64)] = &[('h', 3600), ('m', 60), ('s', 1)];
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            number.push(ch);
            continue;
        }
        let Some(k) = units.iter().position(|&(u, _)| u == ch) else {
            let fix = if matches!(ch, 'h' | 'm' | 's') {
                "each unit once, hours before minutes before seconds (\"1h30m\", \"2m30s\")"
            } else {
                "write e.g. \"90s\", \"5m\" or \"1h30m\""
            };
            return Err(format!(
                "`{text}` is not a duration: unexpected `{ch}`; {fix}"
            ));
        };
        let value: u64 = number
            .parse()
            .map_err(|_| format!("`{text}` is not a duration: a number must come before `{ch}`"))?;
        total = total.saturating_add(value.saturating_mul(units[k].1));
        units = &units[k + 1..];
        number.clear();
    }
    if !number.is_empty() {
        return Err(format!(
            "`{text}` is not a duration: `{number}` has no unit; add s, m or h"
        ));
    }
    checked(total, text)
}

fn checked(seconds: u64, text: &str) -> Result<Tick, String> {
    if seconds > u64::from(MAX_DURATION) {
        return Err(format!(
            "`{text}` is longer than a drill can be (24h at most)"
        ));
    }
    Ok(seconds as Tick)
}

/// Formats a tick as drill time, `T+mm:ss` (or `T+h:mm:ss` past an hour).
pub fn clock(tick: Tick) -> String {
    ClockTime(tick).to_string()
}

/// Formats a duration in words a trainee reads quickly: "4 min", "90 s", "1 h 5 min".
pub fn span(seconds: Tick) -> String {
    if seconds < 120 {
        format!("{seconds} s")
    } else if seconds < 3600 {
        format!("{} min", seconds / 60)
    } else {
        format!("{} h {} min", seconds / 3600, (seconds % 3600) / 60)
    }
}

/// Display wrapper for a drill time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockTime(pub Tick);

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.0;
        if t >= 3600 {
            write!(f, "T+{}:{:02}:{:02}", t / 3600, (t % 3600) / 60, t % 60)
        } else {
            write!(f, "T+{:02}:{:02}", t / 60, t % 60)
        }
    }
}

/// A duration as files write it ("90s", "5m", "1h30m"), held as ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Dur(pub Tick);

impl<'de> serde::Deserialize<'de> for Dur {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <String as serde::Deserialize>::deserialize(d)?;
        parse_duration(&text)
            .map(Dur)
            .map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for Dur {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_duration(self.0))
    }
}

/// Formats ticks as the shortest human duration that parses back: "1h5m", "90s".
pub fn format_duration(t: Tick) -> String {
    let (h, m, s) = (t / 3600, (t % 3600) / 60, t % 60);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if s > 0 || out.is_empty() {
        out.push_str(&format!("{s}s"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_human_durations() {
        assert_eq!(parse_duration("90s"), Ok(90));
        assert_eq!(parse_duration("5m"), Ok(300));
        assert_eq!(parse_duration("1h30m"), Ok(5400));
        assert_eq!(parse_duration("2m30s"), Ok(150));
        assert_eq!(parse_duration("1h5s"), Ok(3605));
    }

    #[test]
    fn every_number_needs_its_unit_and_units_come_once_in_order() {
        let bare = parse_duration("6").unwrap_err();
        assert!(
            bare.contains("no unit") && bare.contains("\"6s\"") && bare.contains("\"6m\""),
            "{bare}"
        );
        assert!(parse_duration("1m30").unwrap_err().contains("no unit"));
        assert!(
            parse_duration("1m2m")
                .unwrap_err()
                .contains("each unit once")
        );
        assert!(
            parse_duration("30s1m")
                .unwrap_err()
                .contains("hours before minutes")
        );
    }

    #[test]
    fn rejects_nonsense_with_a_hint() {
        assert!(
            parse_duration("5 minutes")
                .unwrap_err()
                .contains("unexpected")
        );
        assert!(
            parse_duration("m")
                .unwrap_err()
                .contains("number must come")
        );
        assert!(parse_duration("3x").unwrap_err().contains("\"5m\""));
        assert!(parse_duration("99999h").unwrap_err().contains("24h"));
        assert!(parse_duration("").is_err());
    }

    #[test]
    fn formats_round_trip() {
        for t in [0, 1, 59, 60, 61, 3599, 3600, 5400, 86_399] {
            assert_eq!(parse_duration(&format_duration(t)), Ok(t));
        }
        assert_eq!(clock(65), "T+01:05");
        assert_eq!(clock(3725), "T+1:02:05");
        assert_eq!(span(240), "4 min");
    }
}

/// A time box written in free text: "report in 10m", "5 min", "within 90s".
pub fn timebox_in(text: &str) -> Option<Tick> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        let word = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        if word.chars().next().is_some_and(|c| c.is_ascii_digit())
            && word.chars().any(|c| c.is_ascii_alphabetic())
            && let Ok(t) = parse_duration(word)
        {
            return Some(t);
        }
        if let Ok(n) = word.parse::<u32>() {
            let unit = words.get(i + 1).map(|w| w.to_lowercase());
            match unit
                .as_deref()
                .map(|u| u.trim_matches(|c: char| !c.is_ascii_alphabetic()))
            {
                Some("min" | "mins" | "minute" | "minutes") => {
                    return Some(n.min(MAX_DURATION / MINUTE) * MINUTE);
                }
                Some("s" | "sec" | "secs" | "seconds") => return Some(n.min(MAX_DURATION)),
                _ => {}
            }
        }
    }
    None
}

#[cfg(test)]
mod timebox_tests {
    use super::timebox_in;

    #[test]
    fn finds_time_boxes_in_words() {
        assert_eq!(
            timebox_in("@raj fail over orders-db, report in 10m"),
            Some(600)
        );
        assert_eq!(timebox_in("back to me in 5 min please"), Some(300));
        assert_eq!(timebox_in("can someone check the db"), None);
        assert_eq!(timebox_in("check db2 now"), None);
    }
}
