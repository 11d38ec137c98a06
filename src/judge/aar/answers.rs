//! The after-action answers of a session, kept beside its session file as
//! `NAME.answers.ron` so the AAR can be rebuilt with them at any time.

use std::path::{Path, PathBuf};

use crate::base::diagnostic::{Diagnostic, Source};
use crate::judge::score::Answers;

/// Where a session's answers live: `drill.ron` → `drill.answers.ron`.
pub fn answers_path(session: &Path) -> PathBuf {
    let stem = session
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    session.with_file_name(format!("{stem}.answers.ron"))
}

/// Reads answers; errors name the file, line and column.
pub fn load(path: &Path) -> Result<Answers, Diagnostic> {
    let source = Source::read(path)?;
    crate::base::diagnostic::ron_options()
        .from_str(&source.text)
        .map_err(|e| source.ron_error(&e))
}

/// The answers beside a session, if any were written.
pub fn beside(session: &Path) -> Result<Option<Answers>, Diagnostic> {
    let path = answers_path(session);
    if path.exists() {
        load(&path).map(Some)
    } else {
        Ok(None)
    }
}

/// Writes answers atomically.
pub fn save(path: &Path, answers: &Answers) -> Result<(), String> {
    crate::base::files::write_ron(path, answers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_beside_the_session_and_errors_are_located() {
        let dir = std::env::temp_dir().join(format!("firedrill-answers-{}", std::process::id()));
        let session = dir.join("drill.ron");
        assert_eq!(answers_path(&session), dir.join("drill.answers.ron"));
        assert_eq!(beside(&session).unwrap(), None);
        let answers = Answers {
            went_well: "Early declaration".into(),
            ..Answers::default()
        };
        save(&answers_path(&session), &answers).unwrap();
        assert_eq!(beside(&session).unwrap(), Some(answers));
        std::fs::write(
            answers_path(&session),
            "(went_well: \"x\",\n wentbadly: \"y\")",
        )
        .unwrap();
        let err = beside(&session).unwrap_err().to_string();
        assert!(err.contains("drill.answers.ron:2:"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
