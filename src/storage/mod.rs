//! The only module that touches files: edition files, the sessions folder,
//! locks, drafts, the $EDITOR scratch file and the config file.

mod file;
mod folder;
mod format;
mod journal;
mod lock;
mod side;
mod summary;

pub use file::{
    LoadError, MAX_FILE, SaveError, SaveSteps, backup, backup_path, create, fingerprint, load,
    parse_text, read_plain, read_text, save, save_steps, save_with, stem,
};
pub use folder::{FolderSource, Listed, each, edition_files, list, list_but, resolve};
pub use format::{FileProblem, from_ron, positions, to_ron};
pub use journal::{
    Found, is_leftover, journal_path, journals_dir, read_journal, read_journals, write_journal,
};
pub use lock::{EditionLock, lock_path};
pub use side::{
    clean_leftovers, draft_path, find_recovery, forget_recovery, read_config, read_draft,
    recovery_paths, scratch, take_scratch, write_draft, write_recovery,
};
pub use summary::{Summarised, Summary, summaries, summaries_cached};
