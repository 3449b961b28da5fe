//! The only module that touches files: edition files, the sessions folder, locks.

mod file;
mod folder;
mod format;
mod lock;

pub use file::{LoadError, SaveError, backup_path, create, load, save, save_with, stem};
pub use folder::{FolderSource, Listed, list, resolve};
pub use format::{FileProblem, from_ron, to_ron};
pub use lock::{EditionLock, lock_path};
