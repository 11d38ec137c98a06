//! Shared helpers: the bundled files and a scripted play.

use std::path::{Path, PathBuf};

use firedrill::run::Simulation;
use firedrill::run::play::{Pace, play};
use firedrill::run::script::{self, Script};
use firedrill::scenario::{self, LoadedScenario};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

/// Every bundled scenario, loaded.
pub fn scenarios() -> Vec<LoadedScenario> {
    ron_files(&root().join("scenarios"))
        .iter()
        .map(|p| scenario::load(p).unwrap_or_else(|d| panic!("{d}")))
        .collect()
}

/// Every bundled script with the scenario it drives.
pub fn scripts() -> Vec<(PathBuf, LoadedScenario, Script)> {
    let scenarios = scenarios();
    ron_files(&root().join("scenarios/scripts"))
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let id = name.split('.').next().unwrap().to_string();
            let loaded = scenarios
                .iter()
                .find(|s| s.scenario.id == id)
                .unwrap_or_else(|| panic!("{name}: no bundled scenario `{id}`"))
                .clone();
            let script = script::load(&path, &loaded.scenario).unwrap_or_else(|d| panic!("{d}"));
            (path, loaded, script)
        })
        .collect()
}

/// Plays a script to the end without a session file.
pub fn play_to_end(loaded: &LoadedScenario, script: &Script, seed: u64) -> Simulation {
    play(loaded, script, seed, None, Pace::default()).expect("play")
}

/// A bundled scenario by id.
pub fn scenario(id: &str) -> LoadedScenario {
    scenario::load(&root().join(format!("scenarios/{id}.ron"))).unwrap_or_else(|d| panic!("{d}"))
}

/// A fresh temporary directory for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("firedrill-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs the firedrill binary from the project root.
pub fn firedrill(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_firedrill"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run firedrill")
}
