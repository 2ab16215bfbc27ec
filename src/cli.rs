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

    /// Only articles published on or after DATE: `2016-04-26`, `2016-04` (from its first day),
    /// `2016`, `2015-08-06T19:00`, `26 April 2016`. Articles with no date are left out.
    #[arg(long, value_name = "DATE", value_parser = DateArg::parse)]
    pub since: Option<DateArg>,

    /// Only articles published on or before DATE (a month or year: to its end), as `--since`.
    #[arg(long, value_name = "DATE", value_parser = DateArg::parse)]
    pub until: Option<DateArg>,
}

/// A date given on the command line: the span of time it names, `2016-04` all of April.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateArg {
    /// Its first minute, since 1970-01-01.
    pub from: i64,
    /// The first minute after it.
    pub to: i64,
}

impl DateArg {
    /// Read `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a date and time (`2015-08-06T19:00`, `2015-08-06
    /// 19:00`: that minute), or any form a dateline takes (`26 April 2016`).
    pub fn parse(text: &str) -> Result<DateArg, String> {
        use crate::corpus::coverage::Step;
        use crate::corpus::date::{days_from_civil, parse_moment};
        let t = text.trim();
        let bad = || format!("{t:?} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)");
        let parts: Vec<&str> = t.split('-').collect();
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let month_start = |y: i64, m: u8| days_from_civil(y, m, 1) * 1440;
        match parts.as_slice() {
            [y] if digits(y, 4) => {
                let y: i64 = y.parse().map_err(|_| bad())?;
                let from = month_start(y, 1);
                return Ok(DateArg { from, to: Step::Year.next(from) });
            }
            [y, m] if digits(y, 4) && digits(m, 2) => {
                let (y, m): (i64, u8) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
                if !(1..=12).contains(&m) {
                    return Err(bad());
                }
                let from = month_start(y, m);
                return Ok(DateArg { from, to: Step::Month.next(from) });
            }
            _ => {}
        }
        let moment = parse_moment(t).ok_or_else(bad)?;
        let from = moment.minutes();
        let to = if moment.minute.is_some() { from + 1 } else { from + 1440 };
        Ok(DateArg { from, to })
    }
}

impl SelectArgs {
    /// Nothing is selected: every article, in load order.
    pub fn is_empty(&self) -> bool {
        self.person.is_empty()
            && self.org.is_empty()
            && self.said_by.is_empty()
            && self.tag.is_empty()
            && self.query.as_deref().is_none_or(|q| q.trim().is_empty())
            && self.since.is_none()
            && self.until.is_none()
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

    /// Write the figure groups of the selected articles instead of the articles: figures
    /// grouped by what they count, each value with the articles quoting it (see README).
    #[arg(long, conflicts_with = "with_body")]
    pub figure_groups: bool,

    /// `--person`, `--tag` and `--query`: which articles are exported, in the reader's order.
    #[command(flatten)]
    pub select: SelectArgs,
}
