use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use openspace::app::run::{self, Options, Start};
use openspace::cli::{Cli, Command};
use openspace::commands::{self, Failure, find_edition};
use openspace::storage;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    // clap already folded $OPENSPACE_DIR into --dir.
    let (folder, _) = storage::resolve(cli.dir.as_deref(), None, &cwd);
    let result: Result<i32, Failure> = match &cli.command {
        Some(command) => {
            let mut out = std::io::stdout().lock();
            let result = match command {
                Command::List => commands::list(&folder, &mut out).map_err(io_failure),
                Command::Check { files } => commands::check(files, &mut out).map_err(io_failure),
                Command::New(args) => commands::new(args, &folder, &mut out),
                Command::Print { file, width } => commands::print(file, &folder, *width, &mut out),
            };
            let _ = out.flush();
            result
        }
        None => board(&cli, folder),
    };
    match result {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(Failure(message)) => {
            eprintln!("openspace: {message}");
            ExitCode::from(1)
        }
    }
}

/// The interactive board, on a file or on the picker.
fn board(cli: &Cli, folder: PathBuf) -> Result<i32, Failure> {
    let start = match &cli.file {
        Some(file) => {
            let path = find_edition(file, &folder);
            if !path.exists() {
                return Err(Failure(format!(
                    "no edition {} (looked for it as given and in {})",
                    file.display(),
                    folder.display()
                )));
            }
            Start::File(path)
        }
        None => {
            std::fs::create_dir_all(&folder)
                .map_err(|e| Failure(format!("cannot create {}: {e}", folder.display())))?;
            Start::Picker
        }
    };
    let options = Options {
        folder,
        mouse: !cli.no_mouse,
    };
    run::run(start, options).map_err(Failure)?;
    Ok(0)
}

fn io_failure(e: std::io::Error) -> Failure {
    Failure(e.to_string())
}
