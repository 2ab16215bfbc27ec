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
    /// `export` or `bench`; none opens the reader.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The reader's own arguments.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Arguments of the reader.
#[derive(Debug, Args, Default)]
pub struct ReadArgs {
    /// Articles to open: files (.txt .md .html .json .jsonl .csv .xml .rss .atom), folders
    /// searched recursively, or - for standard input.
    pub paths: Vec<PathBuf>,

    /// `--person`, `--tag` and `--query`: which articles the reader lists.
    #[command(flatten)]
    pub select: SelectArgs,

    /// Read keys and theme from this TOML file instead of ~/.config/strike-reader/config.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Print the default config (every key and theme setting, with comments) and exit.
    #[arg(long)]
    pub print_default_config: bool,
}

/// Filters given on the command line, with the same meaning for the reader and for `export`.
#[derive(Debug, Args, Default, Clone)]
pub struct SelectArgs {
    /// Only articles with this person (a name or any alias, any case; a name several people
    /// share lets any of them in). Repeat for more: each must be in.
    #[arg(long, value_name = "NAME")]
    pub person: Vec<String>,

    /// Only articles with this organisation (a name or acronym, any case; "bma" is the British
    /// Medical Association). Repeat for more: each must be in. `--person` matches people only.
    #[arg(long, value_name = "NAME")]
    pub org: Vec<String>,

    /// Only articles that quote this person or organisation (name or alias): "said by".
    /// Repeat for more: each must be quoted.
    #[arg(long, value_name = "NAME")]
    pub said_by: Vec<String>,

    /// Only articles with this hashtag or @handle, with or without its # or @. Repeat for more.
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,

    /// A query in the reader's search syntax (fuzzy terms, 'exact, ^prefix, suffix$, !not,
    /// a | b); best match first.
    #[arg(long, value_name = "Q")]
    pub query: Option<String>,
}

impl SelectArgs {
    /// Nothing is selected: every article, in load order.
    pub fn is_empty(&self) -> bool {
        self.person.is_empty()
            && self.org.is_empty()
            && self.said_by.is_empty()
            && self.tag.is_empty()
            && self.query.as_deref().is_none_or(|q| q.trim().is_empty())
    }
}

/// What to do instead of reading.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print every article and what was extracted from it (people, hashtags, handles, figures).
    Export(ExportArgs),
    /// Load a corpus as the reader does, type queries one keystroke at a time into the reader's
    /// filter, draw a 160x48 frame after each, and report the timings.
    Bench(BenchArgs),
}

/// Arguments of `bench`.
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

/// Arguments of `export`.
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

    /// `--person`, `--tag` and `--query`: which articles are exported, in the reader's order.
    #[command(flatten)]
    pub select: SelectArgs,
}
