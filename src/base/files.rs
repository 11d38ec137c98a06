//! Where Firedrill keeps the user's things, and how it writes them: to a
//! temporary file beside the target, synced, then renamed over it, so a crash
//! leaves either the old file or the new one, never half of one.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Firedrill's directory in the platform's usual place for a user's data:
/// `$XDG_DATA_HOME/firedrill` (else `~/.local/share/firedrill`) on Linux,
/// `~/Library/Application Support/Firedrill` on macOS,
/// `%APPDATA%\\Firedrill\\data` on Windows (the `directories` crate knows
/// each platform's rules). Without a home directory, the temporary one.
pub fn data_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "Firedrill")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join("firedrill"))
}

/// A new session file in the data directory's `sessions/`: `STEM-STAMP.ron`,
/// lower case. The wall clock only names the file; the drill never sees it.
pub fn new_session_path(stem: &str) -> PathBuf {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    data_dir()
        .join("sessions")
        .join(format!("{stem}-{stamp}-{}.ron", std::process::id()).to_lowercase())
}

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}
pub use bundled::{ASSETS, BUNDLED};

/// The scenario library: $FIREDRILL_SCENARIOS, ./scenarios, the one this
/// build came from, or else the library bundled in the binary, written out
/// to the data directory (an installed `firedrill` runs anywhere).
pub fn scenarios_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("FIREDRILL_SCENARIOS") {
        return PathBuf::from(dir);
    }
    let here = PathBuf::from("scenarios");
    if here.is_dir() {
        return here;
    }
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    if source.is_dir() {
        return source;
    }
    let unpacked = data_dir().join(format!("scenarios-{}", env!("CARGO_PKG_VERSION")));
    match unpack_bundled(&unpacked) {
        Ok(()) => unpacked,
        // Nothing better to offer: loading will name the missing directory.
        Err(_) => source,
    }
}

/// Writes the bundled library under `dir` (each file atomically; files
/// already there with the same contents are left alone).
pub fn unpack_bundled(dir: &Path) -> Result<(), String> {
    unpack(dir, BUNDLED.iter().map(|&(p, c)| (p, c.as_bytes())))
}

/// The game's assets (font, sounds): $FIREDRILL_ASSETS, ./assets, the ones
/// this build came from, or else those bundled in the binary, written out
/// to the data directory. Always an absolute path (Bevy's asset server
/// reads from it whatever directory the game was started in).
pub fn assets_dir() -> PathBuf {
    let absolute = |p: PathBuf| std::path::absolute(&p).unwrap_or(p);
    if let Some(dir) = std::env::var_os("FIREDRILL_ASSETS") {
        return absolute(PathBuf::from(dir));
    }
    let here = PathBuf::from("assets");
    if here.join("CREDITS.md").is_file() {
        return absolute(here);
    }
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets");
    if source.is_dir() {
        return source;
    }
    let unpacked = data_dir().join(format!("assets-{}", env!("CARGO_PKG_VERSION")));
    match unpack(&unpacked, ASSETS.iter().copied()) {
        Ok(()) => unpacked,
        Err(_) => source,
    }
}

/// Writes files under `dir` (each atomically; those already there with the
/// same bytes are left alone).
fn unpack<'a>(dir: &Path, files: impl Iterator<Item = (&'a str, &'a [u8])>) -> Result<(), String> {
    for (relative, contents) in files {
        let path = dir.join(relative);
        if std::fs::read(&path).is_ok_and(|have| have == contents) {
            continue;
        }
        write_atomic(&path, contents)?;
    }
    Ok(())
}

/// Writes `contents` to `path` atomically, creating its directory.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), String> {
    write_atomic_as(path, contents, false)
}

/// Like `write_atomic`, for secrets (join codes, keys): on Unix the file is
/// readable and writable by its owner only, from the moment it exists.
pub fn write_private(path: &Path, contents: &[u8]) -> Result<(), String> {
    write_atomic_as(path, contents, true)
}

fn create(path: &Path, private: bool) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    options.open(path)
}

fn write_atomic_as(path: &Path, contents: &[u8], private: bool) -> Result<(), String> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
    let name = path
        .file_name()
        .ok_or_else(|| format!("{}: not a file name", path.display()))?;
    // A temporary name no other writer (another Firedrill, another thread) uses.
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut temp_name = name.to_os_string();
    temp_name.push(format!(".{}-{n}.tmp", std::process::id()));
    let temp = dir.join(temp_name);
    let result = (|| {
        let mut file = create(&temp, private)?;
        file.write_all(contents)?;
        file.sync_all()
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(format!("{}: cannot write: {e}", temp.display()));
    }
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        format!("{}: cannot replace: {e}", path.display())
    })?;
    // Make the rename itself durable (best effort: not every platform can sync a directory).
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Writes a value as pretty RON, atomically.
pub fn write_ron<T: serde::Serialize>(path: &Path, value: &T) -> Result<(), String> {
    let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default())
        .map_err(|e| e.to_string())?;
    write_atomic(path, text.as_bytes())
}

/// Reads a RON file the user's data directory keeps (a missing one is the
/// default); a damaged one is located at line:column with `hint` saying what to do.
pub fn read_ron<T: serde::de::DeserializeOwned + Default>(
    path: &Path,
    hint: impl FnOnce() -> String,
) -> Result<T, crate::base::diagnostic::Diagnostic> {
    if !path.exists() {
        return Ok(T::default());
    }
    let source = crate::base::diagnostic::Source::read(path)?;
    ron::from_str(&source.text).map_err(|e| {
        let mut d = source.ron_error(&e);
        d.hint = Some(hint());
        d
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_files_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("firedrill-files-{}", std::process::id()));
        let path = dir.join("sub/out.md");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        let left: Vec<_> = std::fs::read_dir(dir.join("sub")).unwrap().collect();
        assert_eq!(left.len(), 1);
        let err = write_atomic(&dir.join("sub/out.md/inside"), b"x").unwrap_err();
        assert!(err.contains("out.md"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_secret_is_its_owners_alone_from_the_start() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("firedrill-private-{}", std::process::id()));
        let path = dir.join("codes.txt");
        write_private(&path, b"ana abcd").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_bundled_library_unpacks_whole_wherever_the_binary_runs() {
        let dir = std::env::temp_dir().join(format!("firedrill-bundled-{}", std::process::id()));
        unpack_bundled(&dir).unwrap();
        let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        let mut on_disk = Vec::new();
        let mut stack = vec![source.clone()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "ron") {
                    on_disk.push(p);
                }
            }
        }
        assert_eq!(BUNDLED.len(), on_disk.len(), "every file of the library");
        for path in on_disk {
            let relative = path.strip_prefix(&source).unwrap();
            let unpacked = std::fs::read_to_string(dir.join(relative)).unwrap();
            assert_eq!(unpacked, std::fs::read_to_string(&path).unwrap());
        }
        // A second unpack leaves it as it is.
        unpack_bundled(&dir).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_assets_are_bundled_with_their_credits() {
        let names: Vec<&str> = ASSETS.iter().map(|(p, _)| *p).collect();
        for needed in [
            "CREDITS.md",
            "fonts/DejaVuSans.ttf",
            "fonts/LICENSE-DejaVu.txt",
            "sounds/page.wav",
            "sounds/ack.wav",
            "sounds/resolved.wav",
            "sounds/warning.wav",
        ] {
            assert!(names.contains(&needed), "{needed} missing from {names:?}");
        }
        let credits =
            std::str::from_utf8(ASSETS.iter().find(|(p, _)| *p == "CREDITS.md").unwrap().1)
                .unwrap();
        for (path, bytes) in ASSETS {
            if path.ends_with(".wav") || path.ends_with(".ttf") {
                assert!(credits.contains(&format!("`{path}`")), "{path} is credited");
                assert!(bytes.len() > 1000, "{path} has content");
            }
            if path.ends_with(".wav") {
                assert_eq!(&bytes[..4], b"RIFF");
                assert_eq!(&bytes[8..12], b"WAVE");
            }
        }
        assert!(assets_dir().is_absolute());
    }
}
