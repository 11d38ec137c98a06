//! Scenarios: the RON file format, its loader and validation into the
//! runtime model the simulation runs on.

pub mod business;
pub mod kinds;
pub mod knobs;
pub mod model;
pub mod raw;
pub mod rubric;
pub mod stand_ins;
pub mod validate;

use std::path::{Path, PathBuf};

use crate::base::diagnostic::{Diagnostic, Diagnostics, Source};
pub use business::*;
pub use kinds::*;
pub use knobs::{Knobs, Level};
pub use model::*;
pub use rubric::{Area, Criterion};

/// A scenario together with where it came from and a hash of its exact bytes.
#[derive(Debug, Clone)]
pub struct LoadedScenario {
    pub scenario: Scenario,
    pub path: PathBuf,
    /// SHA-256 of the file, so a session can refuse a scenario that changed.
    pub hash: String,
}

/// Reads, parses and validates a scenario file, reporting every problem found.
pub fn load(path: &Path) -> Result<LoadedScenario, Diagnostics> {
    check(path).map(|(loaded, _)| loaded)
}

/// Like `load`, with the warnings on a file that validates (things allowed
/// but probably not meant, see `validate::advise`).
pub fn check(path: &Path) -> Result<(LoadedScenario, Vec<Diagnostic>), Diagnostics> {
    let source = Source::read(path).map_err(|d| Diagnostics(vec![d]))?;
    let (scenario, warnings) = parse_advised(&source).map_err(Diagnostics)?;
    let loaded = LoadedScenario {
        scenario,
        path: path.to_path_buf(),
        hash: content_hash(&source.text),
    };
    Ok((loaded, warnings))
}

/// Parses and validates scenario text.
pub fn parse(source: &Source) -> Result<Scenario, Vec<Diagnostic>> {
    parse_advised(source).map(|(scenario, _)| scenario)
}

/// Parses and validates scenario text, with the warnings on a valid one.
pub fn parse_advised(source: &Source) -> Result<(Scenario, Vec<Diagnostic>), Vec<Diagnostic>> {
    let raw: raw::RawScenario = crate::base::diagnostic::ron_options()
        .from_str(&source.text)
        .map_err(|err| vec![source.ron_error(&err)])?;
    let scenario = validate::validate(&raw, source)?;
    let warnings = validate::advise(&raw, &scenario, source);
    Ok((scenario, warnings))
}

/// Hex SHA-256 of a text.
pub fn content_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
