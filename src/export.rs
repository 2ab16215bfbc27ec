//! `strike-reader export`: the corpus and everything extracted from it, for scripts.

use std::io::{self, Write};

use std::sync::Arc;

use serde::Serialize;

use crate::corpus::extract::SpeakerKind;
use crate::corpus::index::Index;
use crate::corpus::{Article, Corpus};
use crate::filter::Engine;
use crate::select::{SelectError, Selection};

/// The articles a selection lets through, in the order the reader lists them; `None` when
/// nothing is selected (every article, in load order).
pub fn selected(corpus: &Corpus, select: &crate::cli::SelectArgs) -> Result<Option<Vec<usize>>, SelectError> {
    if select.is_empty() {
        return Ok(None);
    }
    let index = Index::build(&corpus.articles);
    let filters = Selection::resolve(&index, select)?.filters(select.query.as_deref());
    let hits = Engine::default().apply(corpus, &index, &filters);
    Ok(Some(hits.into_iter().map(|h| h.article).collect()))
}

/// How `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line, one line per article.
    Jsonl,
    /// One JSON array of the same objects.
    Json,
    /// One row per extracted entity.
    Csv,
}

#[derive(Serialize)]
struct ArticleRecord<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    date: Option<String>,
    authors: &'a [String],
    words: usize,
    people: Vec<PersonRecord<'a>>,
    hashtags: Vec<HashtagRecord<'a>>,
    handles: Vec<HandleRecord<'a>>,
    figures: Vec<FigureRecord<'a>>,
    title_inferred: bool,
    url: Option<&'a str>,
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
    organisations: Vec<OrganisationRecord<'a>>,
    quotes: Vec<QuoteRecord<'a>>,
    /// The time of day the article's date comes with (`HH:MM`, as the source writes it).
    time: Option<String>,
}

#[derive(Serialize)]
struct OrganisationRecord<'a> {
    name: &'a str,
    aliases: &'a [Arc<str>],
    count: usize,
}

#[derive(Serialize)]
struct QuoteRecord<'a> {
    /// The canonical person or organisation, when the article says who.
    speaker: Option<&'a str>,
    /// `person` or `organisation`, with `speaker`.
    speaker_kind: Option<&'static str>,
    speaker_text: &'a str,
    cue: &'a str,
    kind: &'static str,
    text: &'a str,
    /// Offset of `text` in the body, in characters (Unicode scalar values).
    offset: usize,
}

#[derive(Serialize)]
struct PersonRecord<'a> {
    name: &'a str,
    aliases: &'a [Arc<str>],
    count: usize,
    /// The article writes only a short form; the full name comes from the corpus.
    linked: bool,
}

#[derive(Serialize)]
struct HashtagRecord<'a> {
    tag: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct HandleRecord<'a> {
    handle: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct FigureRecord<'a> {
    text: &'a str,
    value: f64,
    unit: &'static str,
    context: &'a str,
    /// Offset of `text` in the body, in characters (Unicode scalar values).
    offset: usize,
    /// What it counts, as the figure groups key it ("junior doctor"); null for dates and times.
    what: Option<&'a str>,
}

impl<'a> ArticleRecord<'a> {
    fn new(a: &'a Article, with_body: bool) -> Self {
        let e = &a.entities;
        ArticleRecord {
            id: &a.id,
            path: &a.path,
            title: &a.title,
            date: a.date.map(|d| d.to_string()),
            authors: &a.authors,
            words: a.words,
            people: e
                .people
                .iter()
                .map(|p| PersonRecord {
                    name: &p.name,
                    aliases: &p.aliases,
                    count: p.count(),
                    linked: p.linked,
                })
                .collect(),
            hashtags: e.hashtags.iter().map(|h| HashtagRecord { tag: &h.tag, count: h.count() }).collect(),
            handles: e.handles.iter().map(|h| HandleRecord { handle: &h.handle, count: h.count() }).collect(),
            figures: figure_records(a),
            title_inferred: a.title_inferred,
            url: a.url.as_deref(),
            source: a.source.as_deref(),
            body: with_body.then_some(a.body.as_str()),
            organisations: e
                .organisations
                .iter()
                .map(|o| OrganisationRecord { name: &o.name, aliases: &o.aliases, count: o.count() })
                .collect(),
            quotes: quote_records(a),
            time: a.time.map(|m| format!("{:02}:{:02}", m / 60, m % 60)),
        }
    }
}

/// Character offsets of byte offsets into `body`, in the order given.
fn char_offsets(body: &str, bytes: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_unstable_by_key(|&i| bytes[i]);
    let mut out = vec![0; bytes.len()];
    let (mut chars, mut at) = (0, 0);
    for i in order {
        let to = bytes[i].min(body.len());
        chars += body.get(at..to).map_or(0, |s| s.chars().count());
        at = at.max(to);
        out[i] = chars;
    }
    out
}

fn quote_records(a: &Article) -> Vec<QuoteRecord<'_>> {
    let quotes = &a.entities.quotes;
    let starts: Vec<usize> = quotes.iter().map(|q| q.quote.content.start as usize).collect();
    quotes
        .iter()
        .zip(char_offsets(&a.body, &starts))
        .map(|(q, offset)| QuoteRecord {
            speaker: q.speaker.as_ref().map(|s| &*s.name),
            speaker_kind: q.speaker.as_ref().map(|s| match s.kind {
                SpeakerKind::Person => "person",
                SpeakerKind::Organisation => "organisation",
            }),
            speaker_text: q.speaker_text(&a.body),
            cue: q.cue(&a.body),
            kind: q.quote.kind.as_str(),
            text: q.text(&a.body),
            offset,
        })
        .collect()
}

fn figure_records(a: &Article) -> Vec<FigureRecord<'_>> {
    // Figures come in text order, so character offsets are counted in one walk.
    let mut chars = 0;
    let mut at = 0;
    a.entities
        .figures
        .iter()
        .map(|f| {
            let start = f.span.start as usize;
            chars += a.body[at..start].chars().count();
            at = start;
            FigureRecord {
                text: f.text(&a.body),
                value: f.value,
                unit: f.unit.as_str(),
                context: f.context(&a.body),
                offset: chars,
                what: f.what.as_deref(),
            }
        })
        .collect()
}

/// Write the articles at `order` (indices into the corpus; all of them, in load order, when
/// `None`) in a format.
pub fn write(
    corpus: &Corpus,
    order: Option<&[usize]>,
    format: Format,
    with_body: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let all: Vec<usize>;
    let order = match order {
        Some(o) => o,
        None => {
            all = (0..corpus.articles.len()).collect();
            &all
        }
    };
    let articles = order.iter().filter_map(|&i| corpus.articles.get(i));
    match format {
        Format::Jsonl => {
            for a in articles {
                serde_json::to_writer(&mut *out, &ArticleRecord::new(a, with_body))?;
                out.write_all(b"\n")?;
            }
        }
        Format::Json => {
            let records: Vec<_> = articles.map(|a| ArticleRecord::new(a, with_body)).collect();
            serde_json::to_writer_pretty(&mut *out, &records)?;
            out.write_all(b"\n")?;
        }
        Format::Csv => write_csv(articles, out)?,
    }
    out.flush()
}

#[derive(Serialize)]
struct FigureGroupRecord<'a> {
    what: &'a str,
    unit: &'a str,
    quotes: u32,
    /// Values of one thing differ by more than 10% from the most quoted one.
    differ: bool,
    /// Many values, most quoted once: the words count many things.
    generic: bool,
    values: Vec<FigureValueRecord<'a>>,
}

#[derive(Serialize)]
struct FigureValueRecord<'a> {
    value: f64,
    /// As the first article quoting it writes it.
    text: &'a str,
    articles: Vec<&'a str>,
    differs: bool,
}

/// Write the figure groups of the articles at `order` (every article when `None`): one JSON
/// object a group (`jsonl`), one array (`json`), or a CSV row a value.
pub fn write_figure_groups(
    corpus: &Corpus,
    order: Option<&[usize]>,
    format: Format,
    out: &mut dyn Write,
) -> io::Result<()> {
    let index = Index::build(&corpus.articles);
    let order: Vec<usize> = order.map_or_else(|| (0..corpus.articles.len()).collect(), <[usize]>::to_vec);
    let (groups, _) = crate::corpus::coverage::figure_groups(&index, order.iter().copied(), 0, &|_| true);
    let text_of = |value: u32| -> &str {
        let Some(v) = index.figures.values.get(value as usize) else { return "" };
        corpus
            .articles
            .get(v.first.0 as usize)
            .and_then(|a| a.entities.figures.get(v.first.1 as usize).map(|f| f.text(&a.body)))
            .unwrap_or("")
    };
    // Which listed articles quote each value, in the order given.
    let mut quoting: rustc_hash::FxHashMap<u32, Vec<&str>> = rustc_hash::FxHashMap::default();
    for &a in &order {
        for &v in index.article_figures.get(a).map_or(&[][..], Vec::as_slice) {
            quoting.entry(v).or_default().push(&corpus.articles[a].id);
        }
    }
    let records: Vec<FigureGroupRecord> = groups
        .iter()
        .map(|g| FigureGroupRecord {
            what: index.figures.whats.get(g.group as usize).map_or("", |w| w),
            unit: index.figures.units.get(g.group as usize).map_or("", |u| u),
            quotes: g.quotes,
            differ: g.disagree(&index),
            generic: g.generic,
            values: g
                .values
                .iter()
                .map(|&(v, _)| FigureValueRecord {
                    value: index.figures.values[v as usize].value,
                    text: text_of(v),
                    articles: quoting.get(&v).cloned().unwrap_or_default(),
                    differs: g.differs(&index, v),
                })
                .collect(),
        })
        .collect();
    match format {
        Format::Jsonl => {
            for r in &records {
                serde_json::to_writer(&mut *out, r)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &records)?;
            out.write_all(b"\n")?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record([
                "what",
                "unit",
                "value",
                "text",
                "articles",
                "differs",
                "group_quotes",
                "generic",
            ])?;
            for r in &records {
                for v in &r.values {
                    w.write_record([
                        r.what,
                        r.unit,
                        &v.value.to_string(),
                        v.text,
                        &v.articles.join("; "),
                        &v.differs.to_string(),
                        &r.quotes.to_string(),
                        &r.generic.to_string(),
                    ])?;
                }
            }
            w.flush()?;
        }
    }
    out.flush()
}

fn write_csv<'a>(articles: impl Iterator<Item = &'a Article>, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "article_id",
        "kind",
        "name",
        "value",
        "unit",
        "count",
        "context",
        "offset",
        "aliases",
        "linked",
        "speaker_text",
        "cue",
        "quote_kind",
    ])?;
    for a in articles {
        let e = &a.entities;
        for p in &e.people {
            w.write_record([
                &a.id,
                "person",
                &p.name,
                "",
                "",
                &p.count().to_string(),
                "",
                "",
                &p.aliases.join("; "),
                &p.linked.to_string(),
                "",
                "",
                "",
            ])?;
        }
        for h in &e.hashtags {
            w.write_record([
                &a.id,
                "hashtag",
                &h.tag,
                "",
                "",
                &h.count().to_string(),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ])?;
        }
        for h in &e.handles {
            w.write_record([
                &a.id,
                "handle",
                &h.handle,
                "",
                "",
                &h.count().to_string(),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ])?;
        }
        for f in figure_records(a) {
            let value = f.value.to_string();
            w.write_record([
                &a.id,
                "figure",
                f.text,
                &value,
                f.unit,
                "1",
                f.context,
                &f.offset.to_string(),
                "",
                "",
                "",
                "",
                "",
            ])?;
        }
        for o in &e.organisations {
            let count = o.count().to_string();
            let aliases = o.aliases.join("; ");
            w.write_record([
                &a.id,
                "organisation",
                &o.name,
                "",
                "",
                &count,
                "",
                "",
                &aliases,
                "",
                "",
                "",
                "",
            ])?;
        }
        for q in quote_records(a) {
            w.write_record([
                &a.id,
                "quote",
                q.speaker.unwrap_or(""),
                "",
                "",
                "1",
                q.text,
                &q.offset.to_string(),
                "",
                "",
                q.speaker_text,
                q.cue,
                q.kind,
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}
