//! The only module that touches files: edition files, the sessions folder,
//! locks, drafts, the $EDITOR scratch file and the config file.

mod file;
mod folder;
mod format;
mod lock;
mod side;

pub use file::{LoadError, SaveError, backup_path, create, load, save, save_with, stem};
pub use folder::{FolderSource, Listed, list, resolve};
pub use format::{FileProblem, from_ron, to_ron};
pub use lock::{EditionLock, lock_path};
pub use side::{draft_path, read_config, read_draft, scratch, take_scratch, write_draft};
