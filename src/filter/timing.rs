//! How long the engine takes per keystroke while a person types, measured through the same
//! engine (and so the same caches) the reader's search worker uses, without a terminal: the
//! search figures of `strike-reader bench`.

use std::time::Instant;

use serde::Serialize;

use super::{Engine, Filters, Sort};
use crate::corpus::Corpus;
use crate::corpus::index::Index;

/// Queries a reader of strike coverage types: fuzzy names, a hashtag, exact words, alternatives,
/// a negation, a prefix and a suffix.
pub const QUERIES: [&str; 9] = [
    "jeremy hunt",
    "#juniorcontract",
    "capaldi",
    "'strike",
    "bma doctors",
    "labour | tory",
    "!sport",
    "^prime",
    "minister$",
];

/// Nearest-rank percentiles of a set of timings, in milliseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Percentiles {
    /// The median.
    pub p50_ms: f64,
    /// The 99th percentile.
    pub p99_ms: f64,
    /// The slowest.
    pub max_ms: f64,
}

impl Percentiles {
    /// Percentiles of `ms`, in any order.
    pub fn of(ms: &[f64]) -> Percentiles {
        let mut sorted = ms.to_vec();
        sorted.sort_by(f64::total_cmp);
        let at = |p: f64| {
            let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
            sorted.get(rank.clamp(1, sorted.len().max(1)) - 1).copied().unwrap_or(0.0)
        };
        Percentiles { p50_ms: at(50.0), p99_ms: at(99.0), max_ms: sorted.last().copied().unwrap_or(0.0) }
    }
}

/// One query typed a key at a time.
#[derive(Debug, Clone, Serialize)]
pub struct QueryTiming {
    /// The query in full.
    pub query: String,
    /// Keys typed.
    pub keystrokes: usize,
    /// Articles found once it was all typed.
    pub hits: usize,
    /// Per key, until the fast tier (titles, people and tags) was ready: the complete answer's
    /// time where the engine had no separate fast tier to give.
    pub fast: Percentiles,
    /// Per key, until the complete answer (bodies read, every hit ranked).
    pub complete: Percentiles,
}

/// Every query typed, and the keystrokes of all of them together.
#[derive(Debug, Clone, Serialize)]
pub struct Timing {
    /// Articles searched.
    pub articles: usize,
    /// How the hits were sorted.
    pub sort: String,
    /// Query by query.
    pub queries: Vec<QueryTiming>,
    /// Every keystroke's fast tier.
    pub fast: Percentiles,
    /// Every keystroke's complete answer.
    pub complete: Percentiles,
}

/// Type each query into one engine a key at a time, as the reader's worker sees it (queries one
/// after another, no clearing in between: the app filters an empty query itself), and time
/// every keystroke. Nothing is ever stopped early.
pub fn type_queries(corpus: &Corpus, index: &Index, queries: &[&str], sort: Sort) -> Timing {
    let mut engine = Engine::default();
    let (mut all_fast, mut all_complete) = (Vec::new(), Vec::new());
    let mut out = Vec::new();
    for q in queries {
        let (mut fast, mut complete) = (Vec::new(), Vec::new());
        let mut hits = 0;
        for (i, c) in q.char_indices() {
            let filters = Filters { query: q[..i + c.len_utf8()].to_string(), sort, ..Filters::default() };
            let start = Instant::now();
            let mut first = None;
            let found =
                engine.apply_until(corpus, index, &filters, &|| false, &mut |_| first = Some(ms(start)));
            let done = ms(start);
            hits = found.map_or(0, |h| h.len());
            fast.push(first.unwrap_or(done));
            complete.push(done);
        }
        all_fast.extend_from_slice(&fast);
        all_complete.extend_from_slice(&complete);
        out.push(QueryTiming {
            query: q.to_string(),
            keystrokes: fast.len(),
            hits,
            fast: Percentiles::of(&fast),
            complete: Percentiles::of(&complete),
        });
    }
    Timing {
        articles: corpus.articles.len(),
        sort: sort.label().to_string(),
        queries: out,
        fast: Percentiles::of(&all_fast),
        complete: Percentiles::of(&all_complete),
    }
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

impl std::fmt::Display for Timing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{} articles, sorted by {}; per keystroke, in ms", self.articles, self.sort)?;
        writeln!(
            f,
            "{:<18} {:>4} {:>7}  {:>7} {:>7} {:>7}  {:>7} {:>7} {:>7}",
            "query", "keys", "hits", "fast50", "fast99", "max", "all50", "all99", "max"
        )?;
        let row = |f: &mut std::fmt::Formatter<'_>,
                   name: &str,
                   keys: String,
                   hits: String,
                   a: &Percentiles,
                   b: &Percentiles| {
            writeln!(
                f,
                "{name:<18} {keys:>4} {hits:>7}  {:>7.2} {:>7.2} {:>7.2}  {:>7.2} {:>7.2} {:>7.2}",
                a.p50_ms, a.p99_ms, a.max_ms, b.p50_ms, b.p99_ms, b.max_ms
            )
        };
        for q in &self.queries {
            row(f, &q.query, q.keystrokes.to_string(), q.hits.to_string(), &q.fast, &q.complete)?;
        }
        let keys: usize = self.queries.iter().map(|q| q.keystrokes).sum();
        row(f, "every keystroke", keys.to_string(), String::new(), &self.fast, &self.complete)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles() {
        let v: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        assert_eq!(Percentiles::of(&v), Percentiles { p50_ms: 50.0, p99_ms: 99.0, max_ms: 100.0 });
        assert_eq!(Percentiles::of(&[]), Percentiles::default());
    }

    #[test]
    fn typing_the_queries_into_the_seeds() {
        let corpus = Corpus::seeds().corpus;
        let index = Index::build(&corpus.articles);
        let t = type_queries(&corpus, &index, &["capaldi", "'strike"], Sort::Relevance);
        assert_eq!(t.articles, 4);
        assert_eq!(t.queries.iter().map(|q| (q.keystrokes, q.hits)).collect::<Vec<_>>(), [(7, 1), (7, 4)]);
        assert!(t.to_string().contains("every keystroke"));
    }
}
