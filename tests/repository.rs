//! The repository itself: what a run leaves beside an edition is ignored
//! by git, so a fresh clone stays clean after the first run.

use std::path::Path;

/// Whether a file name matches a .gitignore pattern of `*`, `?` and letters.
fn matches(pattern: &str, name: &str) -> bool {
    fn go(p: &[u8], n: &[u8]) -> bool {
        match (p.first(), n.first()) {
            (None, None) => true,
            (Some(b'*'), _) => go(&p[1..], n) || (!n.is_empty() && go(p, &n[1..])),
            (Some(b'?'), Some(_)) => go(&p[1..], &n[1..]),
            (Some(a), Some(b)) if a == b => go(&p[1..], &n[1..]),
            _ => false,
        }
    }
    go(pattern.as_bytes(), name.as_bytes())
}

fn ignored(name: &str) -> bool {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".gitignore"))
        .expect("the .gitignore");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .any(|p| matches(p.trim_end_matches('/'), name))
}

#[test]
fn what_a_run_leaves_beside_an_edition_is_ignored_by_git() {
    let edition = Path::new("sessions/tech-leaders-meeting-2019.ron");
    let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
    let beside = [
        name(&openspace::storage::lock_path(edition)),
        name(&openspace::storage::draft_path(edition)),
        name(&openspace::storage::backup_path(edition)),
        name(&openspace::storage::recovery_paths(edition)[0]),
        // an interrupted save's temporary file
        ".tech-leaders-meeting-2019.ron.Ab12Cd".to_string(),
    ];
    for file in &beside {
        assert!(ignored(file), "{file} would show in git status");
    }
    assert!(
        !ignored("tech-leaders-meeting-2019.ron"),
        "the edition itself is kept"
    );
    assert!(!ignored("README.md"));
}
