use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use openspace::cli::{Cli, Command};
use openspace::commands::{self, Failure};
use openspace::storage;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    // clap already folded $OPENSPACE_DIR into --dir.
    let (folder, _) = storage::resolve(cli.dir.as_deref(), None, &cwd);
    let mut out = std::io::stdout().lock();
    let result: Result<i32, Failure> = match &cli.command {
        Some(Command::List) => commands::list(&folder, &mut out).map_err(io_failure),
        Some(Command::Check { files }) => commands::check(files, &mut out).map_err(io_failure),
        Some(Command::New(args)) => commands::new(args, &folder, &mut out),
        Some(Command::Print { file, width }) => commands::print(file, &folder, *width, &mut out),
        None => Err(Failure("the board is not built yet".into())),
    };
    let _ = out.flush();
    match result {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(Failure(message)) => {
            eprintln!("openspace: {message}");
            ExitCode::from(1)
        }
    }
}

fn io_failure(e: std::io::Error) -> Failure {
    Failure(e.to_string())
}
