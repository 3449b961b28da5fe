//! The command line: clap definitions only; each subcommand runs in `commands`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "openspace",
    version,
    about = "Run an Open Space event live from the terminal.",
    long_about = "Run an Open Space event live from the terminal: the marketplace grid of \
time slots and spaces, topics, votes, notes and action points. Every edition is one RON \
file in the sessions folder, saved after every change.\n\n\
Without a subcommand, opens the board: FILE directly, or a picker of the sessions folder.",
    after_help = "The sessions folder is --dir, else $OPENSPACE_DIR, else ./sessions when it \
exists, else the platform's data folder.",
    subcommand_negates_reqs = true
)]
pub struct Cli {
    /// The sessions folder holding the editions
    #[arg(long, global = true, env = "OPENSPACE_DIR", value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Leave the mouse to the terminal, so text can be selected
    #[arg(long, global = true)]
    pub no_mouse: bool,

    /// An edition to open on the board (a path, or a name in the sessions folder)
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the editions in the sessions folder, newest first
    List,
    /// Check edition files; prints FILE:LINE:COL: message for each problem
    Check {
        /// Files to check
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Fail (exit 1) on warnings too: clashes, full rooms, twin topics
        #[arg(long)]
        strict: bool,
    },
    /// Create a new edition file
    New(NewArgs),
    /// Fill the grid from the parking lot: most votes into the largest rooms
    /// that hold them, no convener in two places, pinned and placed sessions kept
    Place {
        /// The edition
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Show what would be placed, change nothing
        #[arg(long)]
        dry_run: bool,
        /// Also move the unpinned sessions that break a rule (the fewest moves)
        #[arg(long)]
        refit: bool,
    },
    /// Show an edition in present mode, read-only, following the file as it
    /// changes: a second window for the projector
    Present {
        /// The edition to present
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Leave the conveners' names out (c shows them)
        #[arg(long)]
        hide_conveners: bool,
        /// Turn the pages by itself, each for this long (20s, 1m): now and
        /// next, the board page by page, each announcement
        #[arg(long, value_name = "TIME", value_parser = seconds)]
        rotate: Option<u32>,
    },
    /// A scribe's board: follows an edition read-only for the grid, as the
    /// facilitator's laptop saves it, and writes what the scribe adds (notes,
    /// participants, action points) to this laptop's journal beside it,
    /// NAME.scribes/DEVICE.ron, which the facilitator's board merges
    Scribe {
        /// The edition to follow
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The scribe's room: the board opens on its session going on
        #[arg(long, value_name = "NAME")]
        space: Option<String>,
        /// This laptop's name, which names its journal (default: the host's
        /// name); every scribe's laptop needs its own
        #[arg(long, value_name = "DEVICE")]
        name: Option<String>,
    },
    /// Search every edition of the sessions folder: topics, conveners, notes, action points
    Search {
        /// What to look for (case does not matter)
        #[arg(required = true, value_name = "TEXT")]
        text: Vec<String>,
    },
    /// Write the record of the day: proceedings (Markdown, HTML), CSV, a
    /// calendar, door signs
    Export {
        /// The edition to export
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Which to write (default: all of them)
        #[arg(long, value_enum, default_value = "all")]
        format: crate::export::Format,
        /// The folder to write into (default: NAME-export beside the edition)
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Print an edition's board as plain text, for chat or e-mail
    Print {
        /// The edition to print
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Width in columns (default: the terminal's, else 100)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(40..=1000))]
        width: Option<u16>,
        /// Add each session's notes and action points after the grid
        #[arg(long)]
        notes: bool,
        /// Only this space's sessions, as a list (its name or the start of it)
        #[arg(long, value_name = "NAME")]
        space: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct NewArgs {
    /// The file to create (a bare name goes into the sessions folder)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The edition's name, e.g. "Tech Leaders' Meeting 2020"
    #[arg(long)]
    pub name: String,
    /// The first day, YYYY-MM-DD
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: jiff::civil::Date,
    /// How many days (default 1, or the earlier edition's number with --from)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=31))]
    pub days: Option<u16>,
    /// Spaces with optional capacities: "Atrium:40,Library:12"
    #[arg(long, value_name = "LIST")]
    pub spaces: Option<String>,
    /// Slots on every day: "09:00-09:45, 10:30-10:45=Coffee, 17:00-17:30=Closing circle!"
    /// (a session slot, a break with its label, a plenary with its label and !)
    #[arg(long, value_name = "LIST")]
    pub slots: Option<String>,
    /// The theme question
    #[arg(long, value_name = "TEXT")]
    pub theme: Option<String>,
    /// Start from an earlier edition: its spaces, slots, theme, facilitators and open action points
    #[arg(long, value_name = "EARLIER.ron")]
    pub from: Option<PathBuf>,
}

/// "20s", "1m", "1m30s" or a number of seconds: how long a kiosk page stays.
fn seconds(text: &str) -> Result<u32, String> {
    let text = text.trim();
    let secs = match text.parse::<u32>() {
        Ok(n) => i64::from(n),
        Err(_) => text
            .parse::<jiff::SignedDuration>()
            .map_err(|e| format!("{text:?} is not a time such as 20s or 1m: {e}"))?
            .as_secs(),
    };
    match u32::try_from(secs) {
        Ok(n) if (3..=3600).contains(&n) => Ok(n),
        _ => Err(format!("{text:?}: a page stays 3 seconds to an hour")),
    }
}
