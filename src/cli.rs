//! Command-line interface.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::export::Format;

/// A terminal reader for news coverage of a dispute: who is in it, which hashtags carry it and
/// what figures it quotes.
///
/// With no PATH it opens the four bundled articles on the 2016 junior doctors' strike.
#[derive(Debug, Parser)]
#[command(name = "strike-reader", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, Args, Default)]
pub struct ReadArgs {
    /// Articles to open: files (.txt .md .html .json .jsonl .csv .xml .rss .atom), folders
    /// searched recursively, or - for standard input.
    pub paths: Vec<PathBuf>,

    /// Start filtered to a person (a name or any alias, any case). Repeat for more (AND).
    #[arg(long, value_name = "NAME")]
    pub person: Vec<String>,

    /// Start filtered to a hashtag or @handle, with or without its # or @. Repeat for more.
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,

    /// Start with this fuzzy query in the filter.
    #[arg(long, value_name = "Q")]
    pub query: Option<String>,

    /// Read keys and theme from this TOML file instead of ~/.config/strike-reader/config.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Print the default config (every key and theme setting, with comments) and exit.
    #[arg(long)]
    pub print_default_config: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print every article and what was extracted from it (people, hashtags, handles, figures).
    Export(ExportArgs),
    /// Load a corpus as the reader does, type queries one keystroke at a time into the reader's
    /// filter, draw a 160x48 frame after each, and report the timings.
    Bench(BenchArgs),
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Articles to load; the bundled seed articles when none is given.
    pub paths: Vec<PathBuf>,

    /// A query to type; repeat for more. Default: the five queries in the README.
    #[arg(long = "query", value_name = "Q")]
    pub queries: Vec<String>,

    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Articles to export; the bundled seed articles when none is given.
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,

    /// Add each article's normalised body (the text figure offsets count in) as a last key.
    #[arg(long)]
    pub with_body: bool,
}
