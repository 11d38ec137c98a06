//! Join codes: one per person, unguessable (80 random bits from the
//! operating system), typed or pasted by people. On an encrypted host a code
//! also carries the fingerprint of the host's certificate after a dot, so a
//! client trusts exactly that host and needs no certificate authority.

use rand_core::{OsRng, TryRngCore};
use serde::{Deserialize, Serialize};

/// Crockford's letters: no i, l, o or u to mistake for 1, 0 or v.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// A person's secret for joining a drill.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Code(String);

impl Code {
    /// A new random code: 16 letters, 80 bits.
    pub fn new() -> Result<Code, String> {
        let mut bytes = [0u8; 10];
        OsRng
            .try_fill_bytes(&mut bytes)
            .map_err(|e| format!("the operating system gave no randomness for join codes: {e}"))?;
        let letters = base32(&bytes);
        let grouped: Vec<&str> = [0, 4, 8, 12].iter().map(|&i| &letters[i..i + 4]).collect();
        Ok(Code(grouped.join("-")))
    }

    /// The code as people type it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `typed` is this code (case and spaces forgiven, compared in
    /// constant time so answers do not leak how close a guess came).
    pub fn matches(&self, typed: &str) -> bool {
        let typed: Vec<u8> = typed
            .trim()
            .bytes()
            .map(|b| b.to_ascii_lowercase())
            .collect();
        let mine = self.0.as_bytes();
        typed.len() == mine.len()
            && typed
                .iter()
                .zip(mine)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }
}

/// What a person types: the code, and for an encrypted host its certificate's fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    pub code: String,
    pub fingerprint: Option<String>,
}

impl Ticket {
    /// Reads `CODE` or `CODE.FINGERPRINT`.
    pub fn parse(text: &str) -> Result<Ticket, String> {
        let text = text.trim();
        let (code, fingerprint) = match text.split_once('.') {
            Some((code, fp)) => (code, Some(fp.to_ascii_lowercase())),
            None => (text, None),
        };
        let ok = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        if !ok(code) || fingerprint.as_deref().is_some_and(|f| !ok(f)) {
            return Err(format!(
                "`{text}` is not a join code: it looks like `abcd-efgh-jkmn-pqrs` (with `.` and the host's fingerprint for an encrypted host); copy it as the host printed it"
            ));
        }
        Ok(Ticket {
            code: code.to_string(),
            fingerprint,
        })
    }

    /// The ticket as the host prints it.
    pub fn render(code: &Code, fingerprint: Option<&str>) -> String {
        match fingerprint {
            Some(fp) => format!("{}.{fp}", code.as_str()),
            None => code.as_str().to_string(),
        }
    }
}

/// Bytes written in the code alphabet, five bits a letter.
pub fn base32(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_long_random_and_forgiving_to_type() {
        let a = Code::new().unwrap();
        let b = Code::new().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 19, "16 letters in four groups");
        assert!(a.matches(&format!("  {}  ", a.as_str().to_uppercase())));
        assert!(!a.matches(b.as_str()));
        assert!(!a.matches(""));
    }

    #[test]
    fn a_ticket_carries_the_fingerprint_of_an_encrypted_host() {
        let t = Ticket::parse("abcd-efgh.xyz23").unwrap();
        assert_eq!(t.code, "abcd-efgh");
        assert_eq!(t.fingerprint.as_deref(), Some("xyz23"));
        assert!(
            Ticket::parse("not a code")
                .unwrap_err()
                .contains("not a join code")
        );
        assert_eq!(base32(&[0xff]), "zw");
    }
}
