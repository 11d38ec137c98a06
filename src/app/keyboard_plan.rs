//! A keyboard plan: what a person at the keyboard does, from the title
//! screen to the debrief, named as a screen reader names it.
//!
//! ```ron
//! Keys(steps: [
//!     Press("Choose a drill"),            // Tab to the widget so named, then Enter
//!     At("5m35s"),                        // wait for the drill clock
//!     Type("/ackalert gateway-errors"),   // F6 to the composer, type, Enter
//!     Hear("Scorecard"),                  // wait until the screen says it
//! ])
//! ```

use std::path::Path;

use serde::Deserialize;

use crate::base::diagnostic::{Diagnostic, Source, ron_options};
use crate::base::time::Dur;

/// The steps, in order.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Keys", deny_unknown_fields)]
pub struct KeyPlan {
    pub steps: Vec<KeyStep>,
}

/// One thing done at the keyboard, or waited for.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub enum KeyStep {
    /// Tab until the focused widget's name is this, then Enter.
    Press(String),
    /// F6 (then Tab) until the chat composer has the focus, type the line
    /// key by key, then Enter.
    Type(String),
    /// Wait until the drill clock reaches this time.
    At(Dur),
    /// Wait until some text on screen contains this.
    Hear(String),
}

impl std::fmt::Display for KeyStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyStep::Press(name) => write!(f, "Press(\"{name}\")"),
            KeyStep::Type(text) => write!(f, "Type(\"{text}\")"),
            KeyStep::At(at) => write!(f, "At(\"{}\")", crate::base::time::format_duration(at.0)),
            KeyStep::Hear(text) => write!(f, "Hear(\"{text}\")"),
        }
    }
}

impl KeyPlan {
    /// Reads a plan; a mistake is located in the file with what to do.
    pub fn read(path: &Path) -> Result<KeyPlan, Diagnostic> {
        let source = Source::read(path)?;
        Self::parse(&source)
    }

    fn parse(source: &Source) -> Result<KeyPlan, Diagnostic> {
        let plan: KeyPlan = ron_options().from_str(&source.text).map_err(|e| {
            let mut d = source.ron_error(&e);
            d.hint.get_or_insert_with(|| {
                "a plan is Keys(steps: [...]) with Press(\"name\"), Type(\"text\"), At(\"5m\") or Hear(\"text\")".into()
            });
            d
        })?;
        if let Some(i) = plan.steps.iter().position(|s| match s {
            KeyStep::Press(t) | KeyStep::Type(t) | KeyStep::Hear(t) => t.trim().is_empty(),
            KeyStep::At(_) => false,
        }) {
            let offset = source.find_word("steps", 0).unwrap_or(0);
            let (line, column) = crate::base::diagnostic::line_column(&source.text, offset);
            return Err(Diagnostic {
                file: source.file.clone(),
                line,
                column,
                message: format!("step {} has no text", i + 1),
                hint: Some("name the widget, the line to type or the words to wait for".into()),
                warning: false,
                source_line: source.line_text(line),
            });
        }
        Ok(plan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<KeyPlan, Diagnostic> {
        KeyPlan::parse(&Source {
            file: "plan.ron".into(),
            text: text.into(),
        })
    }

    #[test]
    fn reads_every_step_kind() {
        let plan = parse(
            r#"Keys(steps: [Press("Choose a drill"), At("5m35s"), Type("/declare SEV1"), Hear("Scorecard")])"#,
        )
        .unwrap();
        assert_eq!(
            plan.steps,
            [
                KeyStep::Press("Choose a drill".into()),
                KeyStep::At(Dur(335)),
                KeyStep::Type("/declare SEV1".into()),
                KeyStep::Hear("Scorecard".into()),
            ]
        );
    }

    #[test]
    fn mistakes_are_located_with_the_fix() {
        let err = parse("Keys(steps: [\n  Click(\"Start\"),\n])").unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("plan.ron", 2), "{err}");
        assert!(err.to_string().contains("Click"), "{err}");
        let err = parse(r#"Keys(steps: [At("6")])"#).unwrap_err();
        assert!(err.to_string().contains("unit"), "{err}");
        let err = parse(r#"Keys(steps: [Press("  ")])"#).unwrap_err();
        assert!(err.message.contains("step 1 has no text"), "{err}");
    }

    #[test]
    fn the_bundled_plan_reads() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios/keyboard/matching-engine-failure.ron");
        let plan = KeyPlan::read(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(plan.steps.first(), Some(KeyStep::Press(_))));
    }
}
