//! The subcommands that need no screen. Each returns the process's exit code.

mod check;
mod export;
mod list;
mod new;
mod place;
mod print;
mod search;

use std::path::{Path, PathBuf};

pub use check::check;
pub use export::export;
pub use list::list;
pub use new::{create_edition, new};
pub use place::place;
pub use print::{PrintOptions, board_text, print};
pub use search::search;

/// An error worth one line on stderr and exit status 1.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Failure(pub String);

/// An edition named on the command line: the path as given when it exists,
/// else a file of that name in the sessions folder (".ron" may be left out).
pub fn find_edition(arg: &Path, folder: &Path) -> PathBuf {
    if arg.exists() || arg.components().count() > 1 {
        return arg.to_path_buf();
    }
    let in_folder = with_ron(&folder.join(arg));
    if in_folder.exists() {
        in_folder
    } else {
        arg.to_path_buf()
    }
}

/// Where a new edition goes: a bare name lands in the sessions folder.
pub fn new_edition_path(arg: &Path, folder: &Path) -> PathBuf {
    if arg.components().count() > 1 || arg.is_absolute() {
        with_ron(arg)
    } else {
        with_ron(&folder.join(arg))
    }
}

/// Adds ".ron" unless the name already ends in it ("meeting-v1.1" → "meeting-v1.1.ron").
fn with_ron(path: &Path) -> PathBuf {
    if path.extension().is_some_and(|x| x == "ron") {
        path.to_path_buf()
    } else {
        let mut name = path.as_os_str().to_os_string();
        name.push(".ron");
        PathBuf::from(name)
    }
}
