//! The malformed-scenario corpus: each case gives a located error, none panics.

use std::path::PathBuf;

use firedrill::base::diagnostic::MAX_FILE_BYTES;
use firedrill::scenario;

use super::common::{root, temp_dir};

#[test]
fn every_malformed_scenario_gets_a_located_error() {
    let dir = root().join("tests/malformed");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 25, "the corpus has {} cases", cases.len());
    for path in cases {
        let text = std::fs::read_to_string(&path).unwrap();
        let expect = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("// expect: "))
            .unwrap_or_else(|| {
                panic!(
                    "{}: first line must be `// expect: LINE:COL text`",
                    path.display()
                )
            });
        let (place, wanted) = expect.split_once(' ').unwrap();
        let errors =
            scenario::load(&path).expect_err(&format!("{} should not validate", path.display()));
        let first = &errors.0[0];
        assert_eq!(
            format!("{}:{}", first.line, first.column),
            place,
            "{}: {first}",
            path.display()
        );
        assert!(
            first.message.contains(wanted.trim()),
            "{}: `{}` should contain `{}`",
            path.display(),
            first.message,
            wanted.trim()
        );
        assert!(
            errors.to_string().starts_with(&path.display().to_string()),
            "errors name the file"
        );
        // The offending line is shown, with a caret under the place.
        if first.line >= 1
            && let Some(line) = text.lines().nth(first.line - 1)
        {
            let shown = first.to_string();
            let rows: Vec<&str> = shown.lines().collect();
            let gutter = first.line.to_string().len();
            let source_row = format!(" {} | {}", first.line, line.trim_end());
            let at = rows
                .iter()
                .position(|r| *r == source_row)
                .unwrap_or_else(|| panic!("{}: no source line in\n{shown}", path.display()));
            let caret = rows[at + 1];
            let prefix = format!(" {} | ", " ".repeat(gutter));
            let pad = caret
                .strip_prefix(&prefix)
                .and_then(|c| c.strip_suffix('^'))
                .unwrap_or_else(|| panic!("{}: no caret row in\n{shown}", path.display()));
            assert_eq!(
                pad.chars().count(),
                first.column - 1,
                "{}: the caret is under column {}:\n{shown}",
                path.display(),
                first.column
            );
        }
    }
}

#[test]
fn every_error_in_a_file_is_reported_at_once() {
    let mut text =
        std::fs::read_to_string(root().join("scenarios/matching-engine-failure.ron")).unwrap();
    text = text
        .replacen(
            "depends_on: [\"orders-db\"]",
            "depends_on: [\"order-db\"]",
            1,
        )
        .replacen("patience: \"15m\"", "patience: \"5s\"", 1)
        .replacen("impairment: 0.85", "impairment: 1.85", 1);
    let dir = temp_dir("many-errors");
    let path = dir.join("many.ron");
    std::fs::write(&path, text).unwrap();
    let errors = scenario::load(&path).unwrap_err();
    assert_eq!(errors.0.len(), 3, "{errors}");
    assert!(
        errors
            .0
            .iter()
            .any(|d| d.hint.as_deref() == Some("did you mean \"orders-db\"?"))
    );
}

#[test]
fn binary_and_huge_files_are_refused_clearly() {
    let dir = temp_dir("bad-bytes");
    let binary = dir.join("binary.ron");
    std::fs::write(&binary, b"Scenario(\n  id: \"x\xff\xfe\",\n").unwrap();
    let err = scenario::load(&binary).unwrap_err();
    assert_eq!((err.0[0].line, err.0[0].column), (2, 9));
    assert!(err.0[0].message.contains("not UTF-8"), "{err}");

    let huge = dir.join("huge.ron");
    std::fs::write(&huge, vec![b' '; MAX_FILE_BYTES + 1]).unwrap();
    let err = scenario::load(&huge).unwrap_err();
    assert!(err.0[0].message.contains("MiB"), "{err}");

    let empty = dir.join("empty.ron");
    std::fs::write(&empty, "").unwrap();
    let err = scenario::load(&empty).unwrap_err();
    assert_eq!((err.0[0].line, err.0[0].column), (1, 1), "{err}");

    let missing = scenario::load(&dir.join("nope.ron")).unwrap_err();
    assert!(missing.0[0].message.contains("cannot read"), "{missing}");
}

#[test]
fn bad_scripts_are_located_too() {
    let loaded = super::common::scenario("matching-engine-failure");
    let dir = temp_dir("bad-script");
    let path = dir.join("s.ron");
    std::fs::write(&path, "Script(title: \"t\", scenario: \"matching-engine-failure\",\n team: [(id: \"ana\", name: \"Ana\", seat: IC)],\n commands: [(at: \"1m\", by: \"ana\", do: Run(\"me-restart-hardd\"))],\n)").unwrap();
    let err = firedrill::run::script::load(&path, &loaded.scenario).unwrap_err();
    assert_eq!((err.0[0].line, err.0[0].column), (3, 43), "{err}");
    assert!(
        err.to_string().contains("did you mean \"me-restart-hard\""),
        "{err}"
    );

    std::fs::write(&path, "Script(title: \"t\", scenario: \"matching-engine-failure\", team: [], commands: [(at: \"1m\", by: \"zed\", do: Declare(Sev9))])").unwrap();
    let err = firedrill::run::script::load(&path, &loaded.scenario).unwrap_err();
    assert!(err.to_string().contains("Sev9"), "{err}");
}
