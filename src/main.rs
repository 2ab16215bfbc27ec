use std::io::{self, Write};

// Loading runs on every core; jemalloc keeps the threads from queueing on one allocator lock.
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
use std::process::ExitCode;

use clap::Parser;
use strike_reader::bench;
use strike_reader::cli::{BenchArgs, Cli, Command, ExportArgs, ReadArgs};
use strike_reader::ui::{self, App, Keymap, Theme};
use strike_reader::{exit, export, load_reporting, source_for};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(Command::Export(args)) => run_export(&args),
        Some(Command::Bench(args)) => run_bench(&args),
        None => run_reader(&cli.read),
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

fn run_reader(args: &ReadArgs) -> i32 {
    let outcome = match load_reporting(&source_for(&args.paths)) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("strike-reader: {e}");
            return e.exit_code();
        }
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let app = match App::new(outcome.corpus, Keymap::default(), Theme::default_theme(no_color), (80, 24))
        .with_filters(&args.person, &args.tag, args.query.as_deref())
    {
        Ok(app) => app,
        Err(e) => {
            eprintln!("strike-reader: {e}");
            return exit::BAD_INPUT;
        }
    };
    match ui::run::run(app) {
        Ok(()) => exit::OK,
        Err(e @ ui::run::RunError::NotATerminal) => {
            eprintln!("strike-reader: {e}");
            exit::BAD_INPUT
        }
        Err(e) => {
            eprintln!("strike-reader: {e}");
            exit::FAILURE
        }
    }
}

fn run_bench(args: &BenchArgs) -> i32 {
    let queries: Vec<String> = if args.queries.is_empty() {
        bench::DEFAULT_QUERIES.iter().map(|q| q.to_string()).collect()
    } else {
        args.queries.clone()
    };
    match bench::run(&source_for(&args.paths), &queries) {
        Ok(report) if args.json => match serde_json::to_string(&report) {
            Ok(json) => {
                println!("{json}");
                exit::OK
            }
            Err(e) => {
                eprintln!("strike-reader: {e}");
                exit::FAILURE
            }
        },
        Ok(report) => {
            print!("{report}");
            exit::OK
        }
        Err(bench::BenchError::Load(e)) => {
            eprintln!("strike-reader: {e}");
            e.exit_code()
        }
        Err(e) => {
            eprintln!("strike-reader: {e}");
            exit::FAILURE
        }
    }
}

fn run_export(args: &ExportArgs) -> i32 {
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
