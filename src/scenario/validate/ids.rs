//! Tables of declared ids, with located errors and did-you-mean hints for
//! references that name no declared item.

use std::collections::BTreeMap;

use crate::base::diagnostic::{Diagnostic, Source, did_you_mean};

/// Declared ids of one kind ("component", "fault"…), in declaration order.
pub(super) struct IdTable {
    kind: &'static str,
    index: BTreeMap<String, usize>,
    order: Vec<String>,
}

impl IdTable {
    /// Registers ids, reporting duplicates and ids unfit for @mentions and commands.
    pub(super) fn new<'a>(
        kind: &'static str,
        ids: impl IntoIterator<Item = &'a str>,
        source: &Source,
        errors: &mut Vec<Diagnostic>,
    ) -> IdTable {
        let mut table = IdTable {
            kind,
            index: BTreeMap::new(),
            order: Vec::new(),
        };
        let mut seen_at = 0;
        // Indices are positions in the file's list, duplicates included, so they
        // match the runtime lists built from it.
        for (position, id) in ids.into_iter().enumerate() {
            let at = source.find_quoted(id, seen_at).unwrap_or(seen_at);
            seen_at = at + 1;
            if !valid_id(id) {
                errors.push(source.at(
                    at,
                    format!("{kind} id `{id}` is not a valid id"),
                    Some("use lowercase letters, digits and `-`, starting with a letter (e.g. \"orders-db\")".into()),
                ));
            }
            if table.index.contains_key(id) {
                errors.push(source.at(
                    at,
                    format!("{kind} id `{id}` is declared twice"),
                    Some("give each one its own id".into()),
                ));
                continue;
            }
            table.index.insert(id.to_string(), position);
            table.order.push(id.to_string());
        }
        table
    }

    /// Resolves a reference made inside item `owner`, reporting it when dangling.
    pub(super) fn resolve(
        &self,
        reference: &str,
        owner: &str,
        source: &Source,
        errors: &mut Vec<Diagnostic>,
    ) -> Option<usize> {
        if let Some(&i) = self.index.get(reference) {
            return Some(i);
        }
        let hint = match did_you_mean(reference, self.order.iter().map(String::as_str)) {
            Some(best) => format!("did you mean \"{best}\"?"),
            None if self.order.is_empty() => format!("no {} is declared yet", self.kind),
            None => format!("declared {}s: {}", self.kind, preview(&self.order)),
        };
        errors.push(source.at(
            source.locate_in(owner, reference),
            format!("unknown {} id \"{reference}\"", self.kind),
            Some(hint),
        ));
        None
    }

    /// Whether an id is declared.
    pub(super) fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }
}

fn preview(ids: &[String]) -> String {
    let mut text = ids.iter().take(8).cloned().collect::<Vec<_>>().join(", ");
    if ids.len() > 8 {
        text.push_str(", …");
    }
    text
}

/// Ids are typed in chat (@raj, /run failover-db): keep them plain.
pub fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && id.len() <= 48
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_plain() {
        assert!(valid_id("orders-db"));
        assert!(valid_id("db2"));
        assert!(!valid_id("Orders"));
        assert!(!valid_id("2db"));
        assert!(!valid_id("a b"));
        assert!(!valid_id(""));
    }
}
