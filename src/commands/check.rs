use std::path::PathBuf;

use crate::storage;

/// Validates each file; 0 when all are valid, 1 otherwise.
pub fn check(files: &[PathBuf], out: &mut impl std::io::Write) -> std::io::Result<i32> {
    let mut code = 0;
    for file in files {
        match storage::load(file) {
            Ok(edition) => writeln!(out, "{}: ok ({})", file.display(), edition.name)?,
            Err(error) => {
                code = 1;
                writeln!(out, "{error}")?;
            }
        }
    }
    Ok(code)
}
