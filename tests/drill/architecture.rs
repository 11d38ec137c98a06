//! The floors point one way. Reads the `crate::`, `super::` and `self::`
//! paths in src/ (test code left out) and checks that each top-level module
//! uses only the floors below it, that the app's modules form no circle, and
//! that src/ stays small enough to read from the tree.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::common::root;

/// The floors, lowest first (docs/architecture.md says what each owns).
const FLOORS: [&str; 11] = [
    "base", "scenario", "world", "cast", "lenses", "run", "judge", "tools", "net", "app", "cli",
];

/// Test-only helpers, used by unit tests on every floor.
const TEST_ONLY: &str = "testing";

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "tests") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|x| x == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            out.push(path);
        }
    }
}

/// The module path of a file: src/world/drill/mod.rs is ["world", "drill"].
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The code of a file without comments and without its test module at the end.
fn code_lines(text: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let next = lines.get(i + 1).map_or("", |l| l.trim());
        if line.trim() == "#[cfg(test)]"
            && (next.starts_with("mod ") || next.starts_with("pub mod "))
            && next.ends_with('{')
        {
            break;
        }
        let code = line.split("//").next().unwrap_or("");
        out.push((i + 1, code.to_string()));
    }
    out
}

fn ident(s: &str) -> Option<&str> {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    (end > 0).then(|| &s[..end])
}

/// Absolute module paths named on one line of a file in module `here`.
fn targets(line: &str, here: &[String]) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for head in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(pos) = line[from..].find(head) {
            let start = from + pos;
            from = start + head.len();
            let before = line[..start].chars().last();
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let mut base: Vec<String> = match head {
                "crate::" => Vec::new(),
                _ => {
                    let mut up = usize::from(head == "super::");
                    let mut rest = &line[from..];
                    while let Some(r) = rest.strip_prefix("super::") {
                        up += 1;
                        rest = r;
                    }
                    from = line.len() - rest.len();
                    here[..here.len().saturating_sub(up)].to_vec()
                }
            };
            let rest = &line[from..];
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or("");
                for item in inner.split(',') {
                    if let Some(name) = ident(item.trim()).filter(|n| *n != "self") {
                        let mut t = base.clone();
                        t.push(name.to_string());
                        found.push(t);
                    }
                }
            } else if let Some(first) = ident(rest) {
                base.push(first.to_string());
                if let Some(second) = rest[first.len()..].strip_prefix("::").and_then(ident) {
                    base.push(second.to_string());
                }
                found.push(base);
            }
        }
    }
    found
}

/// Arrows between the modules directly under `under` (a module path), with
/// a place each arrow starts.
fn arrows(under: &[&str]) -> BTreeMap<(String, String), String> {
    let src = root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut edges = BTreeMap::new();
    for file in files {
        let here = module_of(&src, &file);
        if here.len() <= under.len() || here.iter().zip(under).any(|(a, b)| a != b) {
            continue;
        }
        let me = here[under.len()].clone();
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in code_lines(&text) {
            for target in targets(&line, &here) {
                if target.len() <= under.len() || target.iter().zip(under).any(|(a, b)| a != b) {
                    continue;
                }
                let other = target[under.len()].clone();
                if other != me {
                    edges
                        .entry((me.clone(), other))
                        .or_insert_with(|| format!("{}:{n}", file.display()));
                }
            }
        }
    }
    edges
}

/// A circle among the arrows, if there is one.
fn circle(edges: &BTreeMap<(String, String), String>) -> Option<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges.keys() {
        next.entry(a).or_default().push(b);
    }
    fn visit<'a>(
        node: &'a str,
        next: &BTreeMap<&'a str, Vec<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|n| *n == node) {
            return Some(path[i..].iter().map(|s| s.to_string()).collect());
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for n in next.get(node).into_iter().flatten() {
            if let Some(c) = visit(n, next, path, done) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for start in next.keys() {
        let mut path = Vec::new();
        if let Some(c) = visit(start, &next, &mut path, &mut done) {
            return Some(c);
        }
    }
    None
}

#[test]
fn each_floor_uses_only_the_floors_below_it() {
    let edges = arrows(&[]);
    let rank = |m: &str| FLOORS.iter().position(|f| *f == m);
    let mut wrong = Vec::new();
    for ((a, b), place) in &edges {
        if a == TEST_ONLY {
            continue;
        }
        match (rank(a), rank(b)) {
            (Some(ra), Some(rb)) if rb < ra => {}
            (None, _) | (_, None) => wrong.push(format!(
                "{a} -> {b} ({place}): every top-level module is one of the floors {FLOORS:?}"
            )),
            _ => wrong.push(format!("{a} -> {b} ({place}) runs upwards")),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(
        edges.len() > 20,
        "the reader found the arrows ({} of them)",
        edges.len()
    );
}

#[test]
fn src_has_at_most_twelve_modules_and_the_app_no_circle() {
    let top: BTreeSet<String> = std::fs::read_dir(root().join("src"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || p.file_stem().is_some_and(|s| s != "lib" && s != "main"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
        .collect();
    assert!(top.len() <= 12, "{} modules under src/: {top:?}", top.len());
    for under in [
        &["app"][..],
        &["world"],
        &["run"],
        &["judge"],
        &["tools"],
        &["lenses"],
    ] {
        let edges = arrows(under);
        if let Some(c) = circle(&edges) {
            panic!("a circle under src/{}: {}", under.join("/"), c.join(" -> "));
        }
    }
}

#[test]
fn the_reader_sees_upward_arrows_and_circles() {
    let here = vec!["world".to_string(), "drill".to_string()];
    assert_eq!(
        targets("use crate::run::{Room, Simulation};", &here),
        [vec!["run"]]
    );
    assert_eq!(
        targets("use crate::{cast, judge::score};", &here),
        [vec!["cast"], vec!["judge"]]
    );
    assert_eq!(
        targets("use super::super::cast::Cast;", &here)[0],
        ["cast", "Cast"]
    );
    let mut edges = BTreeMap::new();
    edges.insert(("a".to_string(), "b".to_string()), String::new());
    assert!(circle(&edges).is_none());
    edges.insert(("b".to_string(), "a".to_string()), String::new());
    assert!(circle(&edges).is_some());
}
