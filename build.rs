//! Bundles the scenario library and the assets into the binary, so an
//! installed `firedrill` (`cargo install --path .`) has its drills, its font
//! and its sounds wherever it runs.

use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let library = root.join("scenarios");
    println!("cargo:rerun-if-changed={}", library.display());
    let mut files = Vec::new();
    collect(&library, &["ron"], &mut files);
    files.sort();
    let mut out = String::new();
    table(
        &mut out,
        "/// The bundled scenario library: (path under scenarios/, contents).\npub const BUNDLED: &[(&str, &str)]",
        &library,
        &files,
        "include_str",
    );
    let assets = root.join("assets");
    println!("cargo:rerun-if-changed={}", assets.display());
    let mut files = Vec::new();
    // What the game loads (fonts, sounds) and their licences.
    collect(&assets, &["ttf", "wav", "png", "txt", "md"], &mut files);
    files.sort();
    table(
        &mut out,
        "/// The bundled assets: (path under assets/, bytes).\npub const ASSETS: &[(&str, &[u8])]",
        &assets,
        &files,
        "include_bytes",
    );
    let dest =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it")).join("bundled.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}

/// One constant: `declaration = &[(path under root, macro!(file)), …];`.
fn table(out: &mut String, declaration: &str, root: &Path, files: &[PathBuf], include: &str) {
    out.push_str(declaration);
    out.push_str(" = &[\n");
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        out.push_str(&format!(
            "    ({:?}, {include}!({:?})),\n",
            relative_path(root, file),
            file.display().to_string()
        ));
    }
    out.push_str("];\n");
}

/// Files under `dir` (at any depth) whose extension is one of `extensions`.
fn collect(dir: &Path, extensions: &[&str], files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, extensions, files);
        } else if path
            .extension()
            .is_some_and(|e| extensions.iter().any(|x| e == *x))
        {
            files.push(path);
        }
    }
}

/// `file` under `root`, with forward slashes.
fn relative_path(root: &Path, file: &Path) -> String {
    file.strip_prefix(root)
        .expect("under the root")
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
