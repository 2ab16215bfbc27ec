//! The file formats an article can come in. Each turns decoded text into `Document`s: the fields
//! it knows, and a body. Parsing is left to the crates made for each format (scraper, serde_json,
//! csv, feed-rs); this module maps what they give to articles.

mod feed;
mod html;
mod records;
mod table;

use std::path::Path;

use super::Moment;

/// One article as a format gives it, before it is made safe and extracted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// None when the format has none: the title is then inferred from the body.
    pub title: Option<String>,
    /// The article's text, markup already turned into text; not yet made safe to print.
    pub body: String,
    /// The publication date (and time) the format records; None leaves it to a dateline in
    /// the body, then to the file's name.
    pub date: Option<Moment>,
    /// Bylines the format records; empty leaves them to the body's top.
    pub authors: Vec<String>,
    /// Where the article was published: a feed item's link, a page's canonical URL, a field.
    pub url: Option<String>,
    /// The outlet: a feed's title, a page's site name, a record's `source` field.
    pub source: Option<String>,
    /// The body starts with the article's headline, dateline and byline (plain text). A record
    /// of a dataset holds only the article: a tweet's first line is not its headline.
    pub header_in_body: bool,
}

impl Document {
    /// Plain text: everything, header included, is in the body.
    pub fn text(body: String) -> Document {
        Document { body, header_in_body: true, ..Document::default() }
    }
}

/// How a file is read, chosen by its extension (see `EXTENSIONS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown: one article, its header at the top of the body.
    Text,
    /// A saved web page: one article.
    Html,
    /// A JSON array of records, or an object holding one.
    Json,
    /// One JSON record a line.
    JsonLines,
    /// A table with a text column: one article a row.
    Csv,
    /// An RSS or Atom feed: one article an item.
    Feed,
}

/// File endings and the format each is read as.
pub const EXTENSIONS: [(&str, Format); 13] = [
    ("txt", Format::Text),
    ("md", Format::Text),
    ("text", Format::Text),
    ("html", Format::Html),
    ("htm", Format::Html),
    ("xhtml", Format::Html),
    ("json", Format::Json),
    ("jsonl", Format::JsonLines),
    ("ndjson", Format::JsonLines),
    ("csv", Format::Csv),
    ("xml", Format::Feed),
    ("rss", Format::Feed),
    ("atom", Format::Feed),
];

impl Format {
    /// The format a file's extension names, in any case; None for a file that is not read.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?;
        EXTENSIONS.iter().find(|(e, _)| e.eq_ignore_ascii_case(ext)).map(|&(_, f)| f)
    }

    /// What standard input holds: JSON when it starts like JSON, otherwise one article.
    pub fn sniff(text: &str) -> Format {
        match text.trim_start().as_bytes().first() {
            Some(b'{') => Format::JsonLines,
            Some(b'[') => Format::Json,
            _ => Format::Text,
        }
    }

    /// Formats that hold a whole dataset may be far larger than one article.
    pub fn holds_many(self) -> bool {
        matches!(self, Format::Json | Format::JsonLines | Format::Csv | Format::Feed)
    }
}

/// Why a whole file could not be read in its format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct FormatError(pub String);

/// What one file gave: its documents, and the records that failed (each says where).
#[derive(Debug, Default)]
pub struct Parsed {
    /// The articles, in file order.
    pub documents: Vec<Document>,
    /// One line per record passed over, saying where it is and why.
    pub problems: Vec<String>,
}

/// Read decoded `text` as `format`. Fails only when the file as a whole cannot be read (a JSON
/// syntax error, a feed that does not parse, a CSV without a text column).
pub fn parse(format: Format, text: String) -> Result<Parsed, FormatError> {
    match format {
        Format::Text => Ok(Parsed { documents: vec![Document::text(text)], problems: Vec::new() }),
        Format::Html => Ok(Parsed { documents: vec![html::document(&text)], problems: Vec::new() }),
        Format::Json => records::array(&text),
        Format::JsonLines => Ok(records::lines(&text)),
        Format::Csv => table::rows(&text),
        Format::Feed => feed::items(&text),
    }
}

/// Text that may hold markup (feed descriptions, JSON bodies scraped from the web) as text.
pub fn markup_to_text(text: &str) -> String {
    if looks_like_markup(text) { html::fragment_text(text) } else { text.to_string() }
}

fn looks_like_markup(text: &str) -> bool {
    ["<p>", "<p ", "<br", "<div", "</", "<a "].iter().any(|tag| text.contains(tag))
}
