//! Extract every article under the given folders and print counts: a quick way to profile
//! extraction outside criterion (`perf record cargo run --release --example extract_all DIR`).

use std::path::PathBuf;

use strike_reader::corpus::Corpus;
use strike_reader::corpus::extract::extract;

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let outcome = match Corpus::from_paths(&paths) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let (mut people, mut figures) = (0, 0);
    for _ in 0..10 {
        for a in &outcome.corpus.articles {
            let e = extract(&a.body);
            people += e.people.len();
            figures += e.figures.len();
        }
    }
    println!("{} articles: {people} people, {figures} figures (10 rounds)", outcome.corpus.articles.len());
}
