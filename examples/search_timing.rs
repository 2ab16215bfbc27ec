//! Time the filter engine per keystroke on a corpus, several runs over, each with a fresh engine:
//! the search figures of `strike-reader bench` without loading through the reader.
//!
//! cargo run --release --example search_timing -- /tmp/corpus-varied-100000 5 [relevance|date|title|people]

use std::process::ExitCode;
use std::time::Instant;

use strike_reader::corpus::index::Index;
use strike_reader::filter::Sort;
use strike_reader::filter::timing::{Percentiles, QUERIES, type_queries};
use strike_reader::{Corpus, Source};

// As the reader runs: allocation costs are part of what is timed.
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: search_timing CORPUS [RUNS] [relevance|date|title|people]");
        return ExitCode::from(2);
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    let sort = match args.get(2).map(String::as_str) {
        None | Some("relevance") => Sort::Relevance,
        Some("date") => Sort::Date,
        Some("title") => Sort::Title,
        Some("people") => Sort::People,
        Some(other) => {
            eprintln!("search_timing: no sort called {other:?}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    let corpus = match Corpus::load(&Source::Paths(vec![path.into()])) {
        Ok(outcome) => outcome.corpus,
        Err(e) => {
            eprintln!("search_timing: {e}");
            return ExitCode::from(2);
        }
    };
    let index = Index::build(&corpus.articles);
    eprintln!(
        "loaded {} articles in {:.1}s: {} titles, {} people, {} tags",
        corpus.articles.len(),
        start.elapsed().as_secs_f64(),
        index.titles.len(),
        index.people.len(),
        index.tags.len()
    );
    let (mut fast, mut complete) = (Vec::new(), Vec::new());
    for run in 1..=runs {
        let t = type_queries(&corpus, &index, &QUERIES, sort);
        println!("run {run}\n{t}");
        fast.push(t.fast);
        complete.push(t.complete);
    }
    let median = |v: &[Percentiles], f: fn(&Percentiles) -> f64| {
        let mut x: Vec<f64> = v.iter().map(f).collect();
        x.sort_by(f64::total_cmp);
        x.get(x.len() / 2).copied().unwrap_or(0.0)
    };
    println!(
        "over {runs} runs, median of each run's: fast p50 {:.2} ms, fast p99 {:.2} ms; complete p50 {:.2} ms, complete p99 {:.2} ms",
        median(&fast, |p| p.p50_ms),
        median(&fast, |p| p.p99_ms),
        median(&complete, |p| p.p50_ms),
        median(&complete, |p| p.p99_ms)
    );
    ExitCode::SUCCESS
}
