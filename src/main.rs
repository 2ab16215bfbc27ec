use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use strike_reader::cli::{Cli, Command};
use strike_reader::{exit, export, load_reporting, source_for};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(Command::Export(args)) => run_export(&args),
        None => run_export_placeholder(),
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

fn run_export(args: &strike_reader::cli::ExportArgs) -> i32 {
    let outcome = match load_reporting(&source_for(&args.paths)) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("strike-reader: {e}");
            return e.exit_code();
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match export::write(&outcome.corpus, args.format, args.with_body, &mut out).and_then(|()| out.flush()) {
        Ok(()) => exit::OK,
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => exit::OK,
        Err(e) => {
            eprintln!("strike-reader: cannot write output: {e}");
            exit::FAILURE
        }
    }
}

fn run_export_placeholder() -> i32 {
    exit::FAILURE
}
