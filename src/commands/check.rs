use std::path::PathBuf;

use crate::model::Anchor;
use crate::model::warnings::{Rule, warnings};
use crate::storage;

/// Validates each file, then prints its warnings (clashes, full rooms, twin
/// topics) as `FILE:LINE:COL: warning: …`. 1 when a file is invalid, or
/// with `strict` when a file has warnings; 0 otherwise.
pub fn check(
    files: &[PathBuf],
    strict: bool,
    off: &[Rule],
    out: &mut impl std::io::Write,
) -> std::io::Result<i32> {
    let mut code = 0;
    for file in files {
        let edition = match storage::load(file) {
            Ok(edition) => edition,
            Err(error) => {
                code = 1;
                writeln!(out, "{error}")?;
                continue;
            }
        };
        let found = warnings(&edition, off);
        let text = storage::read_plain(file)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        let anchors: Vec<Anchor> = found
            .iter()
            .map(|w| Anchor::Topic {
                id: w.topics.first().copied().unwrap_or_default(),
                nth: 0,
            })
            .collect();
        for (w, at) in found.iter().zip(storage::positions(&text, &anchors)) {
            match at {
                Some((line, col)) => writeln!(
                    out,
                    "{}:{line}:{col}: warning: {} [{}]",
                    file.display(),
                    w.message(&edition),
                    w.rule.name()
                )?,
                None => writeln!(
                    out,
                    "{}: warning: {} [{}]",
                    file.display(),
                    w.message(&edition),
                    w.rule.name()
                )?,
            }
        }
        match found.len() {
            0 => writeln!(out, "{}: ok ({})", file.display(), edition.name)?,
            n => {
                let word = if n == 1 { "warning" } else { "warnings" };
                writeln!(out, "{}: ok ({}), {n} {word}", file.display(), edition.name)?;
                if strict {
                    code = 1;
                }
            }
        }
    }
    Ok(code)
}
