//! Errors a person can act on: the file, the place (line:column), what was
//! expected and a hint. Shared by scenario, script and session loading.

use std::fmt;
use std::path::Path;

/// RON options for files people write: `Some(...)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Largest file Firedrill reads; anything bigger is a mistake, not a drill.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// One located problem in a user's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
    /// Advice rather than an error: the file still loads.
    pub warning: bool,
    /// The text of the line the problem is on, shown with a caret under
    /// the place (as compilers show it); `None` when there is no such line.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// The same finding, as advice: the file still loads.
    pub fn as_warning(mut self) -> Diagnostic {
        self.warning = true;
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = if self.warning { "warning" } else { "error" };
        write!(
            f,
            "{}:{}:{}: {level}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if let Some(text) = &self.source_line {
            let number = self.line.to_string();
            let gutter = " ".repeat(number.len());
            // The caret lines up under the column, tabs kept as tabs.
            let pad: String = text
                .chars()
                .take(self.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(f, "\n {gutter} |\n {number} | {text}\n {gutter} | {pad}^")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Every problem found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// A file's text with its name, for turning byte offsets into line:column.
#[derive(Debug, Clone)]
pub struct Source {
    pub file: String,
    pub text: String,
}

impl Source {
    /// Reads a UTF-8 text file of bounded size, or explains why it can't be used.
    pub fn read(path: &Path) -> Result<Source, Diagnostic> {
        let file = path.display().to_string();
        let fail = |line, column, message: String, hint: &str| Diagnostic {
            file: file.clone(),
            line,
            column,
            message,
            hint: Some(hint.to_string()),
            warning: false,
            source_line: None,
        };
        let metadata = std::fs::metadata(path).map_err(|e| {
            fail(
                0,
                0,
                format!("cannot read the file: {e}"),
                "check the path and its permissions",
            )
        })?;
        if metadata.len() > MAX_FILE_BYTES as u64 {
            return Err(fail(
                1,
                1,
                format!(
                    "the file is {:.1} MiB; Firedrill reads files of at most {} MiB",
                    metadata.len() as f64 / (1024.0 * 1024.0),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
                "is this the right file? Scenarios, scripts and sessions are small text files",
            ));
        }
        let bytes = std::fs::read(path).map_err(|e| {
            fail(
                0,
                0,
                format!("cannot read the file: {e}"),
                "check the path and its permissions",
            )
        })?;
        Source::from_bytes(file, bytes)
    }

    /// Checks that bytes are UTF-8 text and wraps them.
    pub fn from_bytes(file: String, bytes: Vec<u8>) -> Result<Source, Diagnostic> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source { file, text }),
            Err(err) => {
                let valid = err.utf8_error().valid_up_to();
                let prefix = String::from_utf8_lossy(&err.as_bytes()[..valid]).into_owned();
                let (line, column) = line_column(&prefix, valid);
                Err(Diagnostic {
                    file,
                    line,
                    column,
                    message: "the file is not UTF-8 text".into(),
                    hint: Some(
                        "save the file as UTF-8 (it may be binary or in another encoding)".into(),
                    ),
                    warning: false,
                    source_line: None,
                })
            }
        }
    }

    /// A diagnostic at a byte offset of this file.
    pub fn at(
        &self,
        offset: usize,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Diagnostic {
        let (line, column) = line_column(&self.text, offset);
        Diagnostic {
            file: self.file.clone(),
            line,
            column,
            message: message.into(),
            hint,
            warning: false,
            source_line: self.line_text(line),
        }
    }

    /// Offset of `needle` at or after `from`, skipping `//` comments.
    pub fn find_word(&self, needle: &str, from: usize) -> Option<usize> {
        let mut at = from;
        loop {
            let found = self.text.get(at..)?.find(needle)? + at;
            let line_start = self.text[..found].rfind('\n').map_or(0, |i| i + 1);
            if !self.text[line_start..found].contains("//") {
                return Some(found);
            }
            at = found + needle.len();
        }
    }

    /// Offset of `"id"` (a quoted string) at or after `from`.
    pub fn find_quoted(&self, id: &str, from: usize) -> Option<usize> {
        self.find_word(&format!("\"{id}\""), from)
    }

    /// Offset of a field `key:` at or after `from`.
    pub fn find_key(&self, key: &str, from: usize) -> Option<usize> {
        let needle = format!("{key}:");
        let mut at = from;
        while let Some(found) = self.find_word(&needle, at) {
            let boundary = self.text[..found]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric() && c != '_');
            if boundary {
                return Some(found);
            }
            at = found + needle.len();
        }
        None
    }

    /// Offset of the definition `id: "X"` of an item, or of the first `"X"`.
    pub fn find_definition(&self, id: &str) -> Option<usize> {
        self.find_word(&format!("id: \"{id}\""), 0)
            .or_else(|| self.find_quoted(id, 0))
    }

    /// Best place for a problem with reference `needle` inside the item `owner`.
    pub fn locate_in(&self, owner: &str, needle: &str) -> usize {
        let start = self
            .find_definition(owner)
            .or_else(|| self.find_key(owner, 0))
            .unwrap_or(0);
        self.find_quoted(needle, start)
            .or_else(|| self.find_word(needle, start))
            .unwrap_or(start)
    }

    /// Turns a RON parse error into a located diagnostic with a hint.
    pub fn ron_error(&self, err: &ron::error::SpannedError) -> Diagnostic {
        let (line, column) = (err.span.start.line.max(1), err.span.start.col.max(1));
        let (message, hint) = describe_ron_error(&err.code);
        Diagnostic {
            file: self.file.clone(),
            line,
            column,
            message,
            hint,
            warning: false,
            source_line: self.line_text(line),
        }
    }

    /// The text of 1-based line `line`, if the file has it (trailing
    /// whitespace trimmed).
    pub fn line_text(&self, line: usize) -> Option<String> {
        let text = self.text.lines().nth(line.checked_sub(1)?)?;
        Some(text.trim_end().to_string())
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut end = offset;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn describe_ron_error(code: &ron::error::Error) -> (String, Option<String>) {
    use ron::error::Error as E;
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let owner = outer.as_deref().unwrap_or("this item");
            let hint = match did_you_mean(found, expected.iter().copied()) {
                Some(best) => format!(
                    "did you mean `{best}`? Fields here: {}",
                    expected.join(", ")
                ),
                None => format!("fields allowed here: {}", expected.join(", ")),
            };
            (format!("unknown field `{found}` in {owner}"), Some(hint))
        }
        E::MissingStructField { field, outer } => (
            format!(
                "missing field `{field}` in {}",
                outer.as_deref().unwrap_or("this item")
            ),
            Some(format!(
                "add `{field}: ...` (see README, \"Scenario format\")"
            )),
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let owner = outer.as_deref().unwrap_or("this value");
            let hint = match did_you_mean(found, expected.iter().copied()) {
                Some(best) => format!("did you mean `{best}`? Choices: {}", expected.join(", ")),
                None => format!("choices: {}", expected.join(", ")),
            };
            (format!("`{found}` is not a valid {owner}"), Some(hint))
        }
        E::DuplicateStructField { field, .. } => (
            format!("field `{field}` is given twice"),
            Some("keep one of them".into()),
        ),
        E::Eof => (
            "the file ends too early".into(),
            Some("a `(`, `[` or `{` is not closed, or the file was cut off".into()),
        ),
        E::ExpectedStructLikeEnd | E::ExpectedArrayEnd | E::ExpectedMapEnd | E::ExpectedComma => (
            code.to_string().replace("Expected", "expected"),
            Some("a comma may be missing between two entries, or a bracket is unbalanced".into()),
        ),
        E::ExpectedString => (
            "expected a text in double quotes here".into(),
            Some("ids, names and durations are quoted: \"orders-db\", \"5m\"".into()),
        ),
        E::ExpectedStringEnd => (
            "a text in quotes is never closed".into(),
            Some("add the closing `\"`; if the file was cut off, restore the rest of it".into()),
        ),
        E::ExpectedFloat | E::ExpectedInteger => (
            code.to_string().replace("Expected", "expected a"),
            Some("write a plain number here, e.g. 0.5 or 120".into()),
        ),
        E::ExpectedNamedStructLike(name) => (
            format!("expected `{name}(` here"),
            Some(format!(
                "the file must start with {name}( … ); is it empty, or another kind of file?"
            )),
        ),
        E::Message(text) => (text.clone(), None),
        other => (
            other.to_string(),
            Some("compare with a bundled file in scenarios/".into()),
        ),
    }
}

/// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current.push(
                (previous[j] + cost)
                    .min(previous[j + 1] + 1)
                    .min(current[j] + 1),
            );
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_ids_only() {
        let ids = ["orders-db", "matching-engine", "gateway"];
        assert_eq!(did_you_mean("order-db", ids), Some("orders-db"));
        assert_eq!(did_you_mean("matching-engin", ids), Some("matching-engine"));
        assert_eq!(did_you_mean("kyc-provider", ids), None);
    }

    #[test]
    fn lines_and_columns_are_one_based() {
        let text = "ab\ncdé\nf";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 8), (3, 1));
        assert_eq!(line_column(text, 7), (2, 4));
    }

    #[test]
    fn non_utf8_is_located() {
        let err = Source::from_bytes("x.ron".into(), b"ok\n  \xff".to_vec()).unwrap_err();
        assert_eq!((err.line, err.column), (2, 3));
        assert!(err.message.contains("UTF-8"));
    }

    #[test]
    fn locates_a_reference_inside_its_owner() {
        let src = Source {
            file: "s.ron".into(),
            text: "(id: \"a\", x: \"b\")\n(id: \"c\", x: \"b\")".into(),
        };
        let at = src.locate_in("c", "b");
        assert_eq!(line_column(&src.text, at), (2, 14));
    }
}
