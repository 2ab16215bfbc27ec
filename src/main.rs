use std::io::{self, IsTerminal, Write};

// Loading runs on every core; jemalloc keeps the threads from queueing on one allocator lock.
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Give freed pages back to the system soon: loading frees as much as it keeps (raw text, token
/// lists), and peak memory is one of the reader's targets.
#[allow(non_upper_case_globals)]
#[unsafe(export_name = "_rjem_malloc_conf")]
pub static malloc_conf: &[u8] = b"dirty_decay_ms:250,muzzy_decay_ms:0,background_thread:true\0";
use std::process::ExitCode;

use clap::Parser;
use strike_reader::bench;
use strike_reader::cli::{BenchArgs, Cli, Command, ExportArgs, ReadArgs};
use strike_reader::state::{self, ReadingState};
use strike_reader::ui::config::Config;
use strike_reader::ui::{self, App};
use strike_reader::{corpus, exit, export, load_reporting, source_for};

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
    if args.print_default_config {
        print!("{}", ui::config::DEFAULT_CONFIG);
        return exit::OK;
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    // A bad config is refused before the screen changes, with the line it is on.
    let config = match Config::load(args.config.as_deref(), no_color) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("strike-reader: {e}");
            return exit::BAD_INPUT;
        }
    };
    let source = source_for(&args.paths);
    // A path that does not exist is refused before the screen changes.
    if let Err(e) = corpus::load::check_paths(&source) {
        eprintln!("strike-reader: {e}");
        return e.exit_code();
    }
    if !io::stdout().is_terminal() {
        eprintln!("strike-reader: {}", ui::run::RunError::NotATerminal);
        return exit::BAD_INPUT;
    }
    // Articles load on all cores in the background and reach the screen as they are read.
    let rx = corpus::load::spawn(source);
    let mut app = App::loading(config.keymap, config.theme, (80, 24));
    // Marks from earlier runs; trouble with the state file is a message, never a lost mark.
    let mut state = match state::default_path() {
        Ok(path) => {
            let (state, note) = ReadingState::open(path);
            app.messages.extend(note);
            app = app.with_marks(state.marks());
            Some(state)
        }
        Err(e) => {
            app.messages.push(format!("{e}; marks will not be saved"));
            None
        }
    };
    let app = app.filter_when_loaded(&args.select);
    match ui::run::run(app, Some(rx), state.as_mut()) {
        Ok(app) => {
            for m in &app.messages {
                eprintln!("strike-reader: {m}");
            }
            match app.fatal {
                Some(e) => {
                    eprintln!("strike-reader: {e}");
                    exit::BAD_INPUT
                }
                None => exit::OK,
            }
        }
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
    let order = match export::selected(&outcome.corpus, &args.select) {
        Ok(order) => order,
        Err(e) => {
            eprintln!("strike-reader: {e}");
            return exit::BAD_INPUT;
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = if args.figure_groups {
        export::write_figure_groups(&outcome.corpus, order.as_deref(), args.format, &mut out)
    } else {
        export::write(&outcome.corpus, order.as_deref(), args.format, args.with_body, &mut out)
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => exit::OK,
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => exit::OK,
        Err(e) => {
            eprintln!("strike-reader: cannot write output: {e}");
            exit::FAILURE
        }
    }
}
