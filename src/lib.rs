//! strike-reader: read a pile of news coverage and see who is in it, which hashtags carry it and
//! what figures it quotes.
//!
//! `corpus` is the domain (articles, loading, extraction) and knows nothing of terminals;
//! `export` and the reader are built on it.

#![warn(missing_docs)]

pub mod bench;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod filter;
pub mod select;
pub mod state;
pub mod ui;

use std::path::PathBuf;

pub use corpus::{Corpus, LoadError, LoadOutcome, Source};

/// Exit codes, as documented in the README.
pub mod exit {
    /// Success, also when a pipe such as `| head` closes early.
    pub const OK: i32 = 0;
    /// Output or terminal failure.
    pub const FAILURE: i32 = 1;
    /// Bad input: a path that does not exist, a folder without articles, a usage error.
    pub const BAD_INPUT: i32 = 2;
}

/// Where to read from: the paths given, or the bundled seeds.
pub fn source_for(paths: &[PathBuf]) -> Source {
    if paths.is_empty() { Source::Seeds } else { Source::Paths(paths.to_vec()) }
}

/// Load a corpus, reporting skipped files and warnings on stderr.
pub fn load_reporting(source: &Source) -> Result<LoadOutcome, LoadError> {
    let outcome = Corpus::load(source).inspect_err(|e| {
        if let LoadError::NoArticles { passed_over } = e {
            passed_over.iter().for_each(|p| eprintln!("strike-reader: {p}"));
        }
    })?;
    for line in corpus::load::passed_over_lines(&outcome.skipped) {
        eprintln!("strike-reader: {line}");
    }
    for w in &outcome.warnings {
        eprintln!("strike-reader: {w}");
    }
    if let Some(summary) = outcome.summary() {
        eprintln!("strike-reader: {summary}");
    }
    Ok(outcome)
}
