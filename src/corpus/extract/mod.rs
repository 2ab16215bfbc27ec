//! Entity extraction: people, hashtags, @handles and figures from an article body.
//!
//! One tokenizer pass feeds three readers. Everything is rule-based and runs on word lists
//! embedded from `assets/`, so extraction is fast, deterministic and needs no model download.

mod figures;
mod lexicon;
mod people;
mod tags;
pub mod tokens;

use serde::Serialize;

/// A byte range in an article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        // Bodies above 4 GiB are refused at load time, so offsets fit.
        let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        Span { start: clamp(start), end: clamp(end) }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Percent,
    Count,
    Money,
    Duration,
    Time,
    Date,
    Number,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::Money => "money",
            Unit::Duration => "duration",
            Unit::Time => "time",
            Unit::Date => "date",
            Unit::Number => "number",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// The fullest form seen, without title.
    pub name: String,
    /// Every other form seen ("Mr Hunt", "Hunt"), in order of first appearance.
    pub aliases: Vec<String>,
    pub count: usize,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hashtag {
    /// With its `#`, in the spelling seen most often.
    pub tag: String,
    pub count: usize,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Handle {
    /// With its `@`, as first seen.
    pub handle: String,
    pub count: usize,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The exact text in the body.
    pub text: String,
    pub value: f64,
    pub unit: Unit,
    pub span: Span,
    /// What the figure counts, in the text's own words.
    pub context: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entities {
    pub people: Vec<Person>,
    pub hashtags: Vec<Hashtag>,
    pub handles: Vec<Handle>,
    pub figures: Vec<Figure>,
}

/// Extract every entity from a body of text.
pub fn extract(body: &str) -> Entities {
    let tokens = tokens::tokenize(body);
    let (hashtags, handles) = tags::collect(body, &tokens);
    Entities {
        people: people::collect(body, &tokens),
        hashtags,
        handles,
        figures: figures::collect(body, &tokens),
    }
}
