use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use openspace::cli::{Cli, Command};
use openspace::commands::{self, Failure, find_edition};
use openspace::config;
use openspace::run::{self, Options, Start};
use openspace::storage;

fn main() -> ExitCode {
    let config_path = config::path();
    let config_help = match &config_path {
        Some(p) => format!(
            "The config file (theme and keys, in RON) is {}; see the README.",
            p.display()
        ),
        None => "No config folder is known on this system.".to_string(),
    };
    let matches = Cli::command()
        .after_help(format!(
            "The sessions folder is --dir, else $OPENSPACE_DIR, else ./sessions when it exists, \
             else the platform's data folder.\n{config_help}"
        ))
        .get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    // clap already folded $OPENSPACE_DIR into --dir.
    let (folder, _) = storage::resolve(cli.dir.as_deref(), None, &cwd);
    let result: Result<i32, Failure> = match &cli.command {
        Some(Command::Present { file, .. }) => {
            let path = existing(file, &folder);
            path.and_then(|p| board(&cli, folder, Start::Present(p), config_path))
        }
        Some(Command::Scribe { file, space, name }) => {
            let path = existing(file, &folder);
            let device = name
                .clone()
                .unwrap_or_else(openspace::run::scribe::this_laptop);
            path.and_then(|path| {
                let start = Start::Scribe {
                    path,
                    space: space.clone(),
                    device,
                };
                board(&cli, folder, start, config_path)
            })
        }
        Some(command) => {
            // a file's bytes never reach the terminal unfiltered
            let mut out = openspace::text::Printable::new(std::io::stdout().lock());
            let result = match command {
                Command::List => commands::list(&folder, &mut out).map_err(io_failure),
                Command::Check { files, strict } => {
                    let off = config::load(config_path.as_deref()).warnings_off;
                    commands::check(files, *strict, &off, &mut out).map_err(io_failure)
                }
                Command::New(args) => commands::new(args, &folder, &mut out),
                Command::Print {
                    file,
                    width,
                    notes,
                    space,
                } => {
                    let options = commands::PrintOptions {
                        cols: *width,
                        notes: *notes,
                        space: space.clone(),
                    };
                    commands::print(file, &folder, &options, &mut out)
                }
                Command::Export {
                    file,
                    format,
                    out: dir,
                } => commands::export(file, &folder, *format, dir.as_deref(), &mut out),
                Command::Place {
                    file,
                    dry_run,
                    refit,
                } => commands::place(file, &folder, *dry_run, *refit, &mut out),
                Command::Search { text } => commands::search(&folder, &text.join(" "), &mut out),
                Command::Present { .. } | Command::Scribe { .. } => Ok(0),
            };
            let _ = out.flush();
            result
        }
        None => {
            let start = match &cli.file {
                Some(file) => existing(file, &folder).map(Start::File),
                None => std::fs::create_dir_all(&folder)
                    .map(|()| Start::Picker)
                    .map_err(|e| Failure(format!("cannot create {}: {e}", folder.display()))),
            };
            start.and_then(|s| board(&cli, folder, s, config_path))
        }
    };
    match result {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(Failure(message)) => {
            eprintln!("openspace: {}", openspace::text::printable(&message));
            ExitCode::from(1)
        }
    }
}

/// An edition named on the command line, which must exist.
fn existing(file: &std::path::Path, folder: &std::path::Path) -> Result<PathBuf, Failure> {
    let path = find_edition(file, folder);
    if path.exists() {
        Ok(path)
    } else {
        Err(Failure(format!(
            "no edition {} (looked for it as given and in {})",
            file.display(),
            folder.display()
        )))
    }
}

/// The interactive board, with the user's theme and keys.
fn board(
    cli: &Cli,
    folder: PathBuf,
    start: Start,
    config_path: Option<PathBuf>,
) -> Result<i32, Failure> {
    let settings = config::load(config_path.as_deref());
    let options = Options {
        folder,
        mouse: !cli.no_mouse,
        theme: settings.theme,
        keymap: settings.keymap,
        warnings_off: settings.warnings_off,
        fine_letters: settings.fine_letters,
        hide_conveners: matches!(
            cli.command,
            Some(Command::Present {
                hide_conveners: true,
                ..
            })
        ),
        rotate: match cli.command {
            Some(Command::Present { rotate, .. }) => rotate,
            _ => None,
        },
        config_problem: settings.problem,
    };
    run::run(start, options).map_err(Failure)?;
    Ok(0)
}

fn io_failure(e: std::io::Error) -> Failure {
    Failure(e.to_string())
}
