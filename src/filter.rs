//! The filter engine: fuzzy queries and entity filters over a corpus, shared by the reader and
//! the `bench` command.
//!
//! Fast at scale for three reasons: each distinct title, name and tag is scored once per term
//! (articles only look their scores up), a query that extends the previous one only searches the
//! previous results, and the remaining scans run on all cores.

use aho_corasick::AhoCorasick;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::corpus::index::{EntityId, Index, Table};

/// One space-separated part of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// Fuzzy over the title, people (names and aliases) and tags.
    Fuzzy(String),
    /// `#tag`: fuzzy over hashtags only.
    Hashtag(String),
    /// `@name`: fuzzy over handles only.
    Handle(String),
    /// `'word`: exact, case-insensitive, anywhere in the body.
    Exact(String),
}

impl Term {
    pub fn parse_query(query: &str) -> Vec<Term> {
        query
            .split_whitespace()
            .filter_map(|t| {
                let term = if let Some(rest) = t.strip_prefix('\'') {
                    Term::Exact(rest.to_lowercase())
                } else if t.len() > 1 && t.starts_with('#') {
                    Term::Hashtag(t.to_string())
                } else if t.len() > 1 && t.starts_with('@') {
                    Term::Handle(t.to_string())
                } else {
                    Term::Fuzzy(t.to_string())
                };
                // A lone "'" is still being typed: it filters nothing yet.
                match &term {
                    Term::Exact(w) if w.is_empty() => None,
                    _ => Some(term),
                }
            })
            .collect()
    }

    fn text(&self) -> &str {
        match self {
            Term::Fuzzy(t) | Term::Hashtag(t) | Term::Handle(t) | Term::Exact(t) => t,
        }
    }

    /// Does every match of `self` also match `previous`? True when `self` extends it.
    fn narrows(&self, previous: &Term) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(previous)
            && self.text().starts_with(previous.text())
    }
}

/// Everything that narrows the article list: the query and the entity filters (AND).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub query: String,
    pub people: Vec<Vec<EntityId>>,
    pub tags: Vec<Vec<EntityId>>,
    /// Only these articles, in store order (the bookmarked ones): None lets every article in.
    pub only: Option<Vec<usize>>,
    pub sort: Sort,
}

/// The order of the list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Relevance,
    Date,
    Title,
    People,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Relevance => Sort::Date,
            Sort::Date => Sort::Title,
            Sort::Title => Sort::People,
            Sort::People => Sort::Relevance,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Date => "date",
            Sort::Title => "title",
            Sort::People => "people",
        }
    }
}

impl Filters {
    /// The fuzzy terms, for highlighting matched characters in titles.
    pub fn fuzzy_terms(&self) -> Vec<String> {
        Term::parse_query(&self.query)
            .into_iter()
            .filter_map(|t| match t {
                Term::Fuzzy(s) => Some(s),
                _ => None,
            })
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub article: usize,
    pub score: i64,
}

/// Scores of one term for every distinct string of a table (`None`: no match).
type Scores = Vec<Option<i64>>;

/// What one term matched: titles, people and tags, each scored once.
#[derive(Debug, Clone)]
struct TermScores {
    term: Term,
    titles: Scores,
    people: Scores,
    tags: Scores,
}

/// The last search, kept so that the next keystroke can narrow it.
#[derive(Debug, Clone)]
struct Memo {
    filters: Filters,
    terms: Vec<TermScores>,
    hits: Vec<Hit>,
    articles: usize,
}

pub struct Engine {
    matcher: SkimMatcherV2,
    memo: Option<Memo>,
}

impl Default for Engine {
    fn default() -> Self {
        Engine { matcher: SkimMatcherV2::default().ignore_case(), memo: None }
    }
}

/// Strings scored in parallel only past this many; below it threads cost more than they save.
const PARALLEL: usize = 4096;

impl Engine {
    /// The articles that pass every filter: in store order for an empty query, otherwise best
    /// score first (ties in store order).
    pub fn apply(&mut self, corpus: &Corpus, index: &Index, filters: &Filters) -> Vec<Hit> {
        self.apply_until(corpus, index, filters, &|| false).unwrap_or_default()
    }

    /// `apply`, giving up (with `None`) as soon as `stop` says the answer is no longer wanted:
    /// a newer query has come in.
    pub fn apply_until(
        &mut self,
        corpus: &Corpus,
        index: &Index,
        filters: &Filters,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        let terms = Term::parse_query(&filters.query);
        let memo = self.memo.take().filter(|m| {
            m.articles == corpus.articles.len()
                && m.filters.people == filters.people
                && m.filters.tags == filters.tags
                && m.filters.only == filters.only
                && m.terms.len() <= terms.len()
                && m.terms.iter().zip(&terms).all(|(old, new)| new.narrows(&old.term))
        });
        let scored: Vec<TermScores> = terms
            .iter()
            .enumerate()
            .map(|(i, term)| {
                let previous = memo.as_ref().and_then(|m| m.terms.get(i));
                match previous {
                    Some(p) if p.term == *term => p.clone(),
                    _ => self.score_term(term, index, previous),
                }
            })
            .collect();

        if stop() {
            // The memo was taken above: the next search starts afresh, which is always right.
            return None;
        }
        let candidates: Vec<usize> = match &memo {
            Some(m) => m.hits.iter().map(|h| h.article).collect(),
            None => (0..corpus.articles.len()).filter(|&a| passes_entities(index, a, filters)).collect(),
        };
        let exact: Vec<Exact> = terms
            .iter()
            .filter_map(|t| match t {
                Term::Exact(w) => Some(Exact::new(w)),
                _ => None,
            })
            .collect();
        let stopped = std::sync::atomic::AtomicBool::new(false);
        let score = |&a: &usize| -> Option<Hit> {
            // Checked every so often, not per article: the check is an atomic load.
            if a % 256 == 0 && stop() {
                stopped.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            if stopped.load(std::sync::atomic::Ordering::Relaxed) {
                return None;
            }
            let mut total = 0;
            for ts in &scored {
                total += match ts.term {
                    Term::Exact(_) => 0,
                    _ => article_score(index, a, ts)?,
                };
            }
            let body = &corpus.articles[a].body;
            exact.iter().all(|e| e.is_in(body)).then_some(Hit { article: a, score: total })
        };
        let mut hits: Vec<Hit> = if candidates.len() >= PARALLEL && !scored.is_empty() {
            candidates.par_iter().filter_map(score).collect()
        } else {
            candidates.iter().filter_map(score).collect()
        };
        if stopped.into_inner() {
            return None;
        }
        if scored.iter().any(|t| !matches!(t.term, Term::Exact(_))) {
            // Scores descending, then store order: (score, article) pairs are unique, so an
            // unstable sort gives the same order as a stable one.
            let key = |h: &Hit| (std::cmp::Reverse(h.score), h.article);
            if hits.len() >= PARALLEL {
                hits.par_sort_unstable_by_key(key);
            } else {
                hits.sort_unstable_by_key(key);
            }
        }
        self.memo = Some(Memo {
            filters: filters.clone(),
            terms: scored,
            hits: hits.clone(),
            articles: corpus.articles.len(),
        });
        Some(hits)
    }

    /// Forget the last search (the corpus changed under it).
    pub fn reset(&mut self) {
        self.memo = None;
    }

    /// Score a term against every distinct string it can match; when it extends a previous term,
    /// only against the strings that one matched.
    fn score_term(&self, term: &Term, index: &Index, previous: Option<&TermScores>) -> TermScores {
        let text = term.text();
        let want = |kind: char| move |name: &str| name.starts_with(kind);
        let any = |_: &str| true;
        let (titles, people, tags) = match term {
            Term::Exact(_) => (Vec::new(), Vec::new(), Vec::new()),
            Term::Fuzzy(_) => (
                self.score_table(&index.titles, text, previous.map(|p| &p.titles), any, false),
                self.score_table(&index.people, text, previous.map(|p| &p.people), any, true),
                self.score_table(&index.tags, text, previous.map(|p| &p.tags), any, false),
            ),
            Term::Hashtag(_) => (
                Vec::new(),
                Vec::new(),
                self.score_table(&index.tags, text, previous.map(|p| &p.tags), want('#'), false),
            ),
            Term::Handle(_) => (
                Vec::new(),
                Vec::new(),
                self.score_table(&index.tags, text, previous.map(|p| &p.tags), want('@'), false),
            ),
        };
        TermScores { term: term.clone(), titles, people, tags }
    }

    fn score_table(
        &self,
        table: &Table,
        pattern: &str,
        previous: Option<&Scores>,
        keep: impl Fn(&str) -> bool + Sync,
        with_aliases: bool,
    ) -> Scores {
        let one = |id: usize| -> Option<i64> {
            if previous.is_some_and(|p| p.get(id).copied().flatten().is_none()) {
                return None;
            }
            let name = &table.names[id];
            if !keep(name) {
                return None;
            }
            let mut best = self.matcher.fuzzy_match(name, pattern);
            if with_aliases {
                for alias in &table.aliases[id] {
                    best = best.max(self.matcher.fuzzy_match(alias, pattern));
                }
            }
            best
        };
        if table.len() >= PARALLEL {
            (0..table.len()).into_par_iter().map(one).collect()
        } else {
            (0..table.len()).map(one).collect()
        }
    }

    /// Fuzzy-match one string (a sidebar row) against a query; every term must match.
    pub fn matches(&self, choice: &str, query: &str) -> Option<i64> {
        query.split_whitespace().map(|t| self.matcher.fuzzy_match(choice, t)).sum()
    }

    /// Character positions of `title` that the fuzzy terms match, for highlighting.
    pub fn title_matches(&self, title: &str, terms: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = terms
            .iter()
            .filter_map(|t| self.matcher.fuzzy_indices(title, t))
            .flat_map(|(_, idx)| idx)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// An exact term: case-insensitive substring search. For ASCII terms the body is lower-cased
/// into a per-thread buffer and searched with SIMD `memmem`, several times faster than a
/// case-insensitive automaton on common letters.
struct Exact {
    ascii: bool,
    finder: memchr::memmem::Finder<'static>,
    fallback: Option<AhoCorasick>,
}

thread_local! {
    static LOWER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Exact {
    fn new(word: &str) -> Exact {
        let ascii = word.is_ascii();
        let fallback =
            if ascii { None } else { AhoCorasick::builder().ascii_case_insensitive(true).build([word]).ok() };
        Exact { ascii, finder: memchr::memmem::Finder::new(word.as_bytes()).into_owned(), fallback }
    }

    fn is_in(&self, body: &str) -> bool {
        if !self.ascii {
            return self.fallback.as_ref().is_some_and(|ac| ac.is_match(&body.to_lowercase()));
        }
        // Most matches are in lower case already: look for those before copying anything.
        if self.finder.find(body.as_bytes()).is_some() {
            return true;
        }
        LOWER.with(|buf| {
            let mut buf = buf.borrow_mut();
            buf.clear();
            buf.extend(body.bytes().map(|b| b.to_ascii_lowercase()));
            self.finder.find(&buf).is_some()
        })
    }
}

fn passes_entities(index: &Index, article: usize, filters: &Filters) -> bool {
    let has = |table: &[crate::corpus::index::Mentions], id: &EntityId| {
        table.get(article).is_some_and(|m| m.iter().any(|(e, _)| e == id))
    };
    filters.only.as_ref().is_none_or(|only| only.binary_search(&article).is_ok())
        && filters.people.iter().all(|g| g.iter().any(|p| has(&index.article_people, p)))
        && filters.tags.iter().all(|g| g.iter().any(|t| has(&index.article_tags, t)))
}

/// The best an article does on one term: its title, or any of its people or tags.
fn article_score(index: &Index, a: usize, ts: &TermScores) -> Option<i64> {
    let lookup = |scores: &Scores, id: EntityId| scores.get(id as usize).copied().flatten();
    let title = index.article_title.get(a).and_then(|&t| lookup(&ts.titles, t));
    let people =
        index.article_people.get(a).into_iter().flatten().filter_map(|&(id, _)| lookup(&ts.people, id)).max();
    let tags =
        index.article_tags.get(a).into_iter().flatten().filter_map(|&(id, _)| lookup(&ts.tags, id)).max();
    title.max(people).max(tags)
}

/// Byte ranges of every case-insensitive occurrence of `needle` (lower case) in `haystack`.
pub fn find_ignore_case(haystack: &str, needle: &str) -> Vec<std::ops::Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let Ok(ac) = AhoCorasick::builder().ascii_case_insensitive(true).build([needle]) else {
        return Vec::new();
    };
    ac.find_iter(haystack).map(|m| m.range()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(hits: &[Hit]) -> Vec<usize> {
        hits.iter().map(|h| h.article).collect()
    }

    fn query(q: &str) -> Filters {
        Filters { query: q.into(), ..Filters::default() }
    }

    #[test]
    fn query_terms() {
        assert_eq!(
            Term::parse_query("jeremy #junior @Dr 'strike '"),
            [
                Term::Fuzzy("jeremy".into()),
                Term::Hashtag("#junior".into()),
                Term::Handle("@Dr".into()),
                Term::Exact("strike".into())
            ]
        );
    }

    #[test]
    fn filtering_the_seeds() {
        let corpus = Corpus::seeds().corpus;
        let index = Index::build(&corpus.articles);
        let mut e = Engine::default();
        assert_eq!(ids(&e.apply(&corpus, &index, &Filters::default())), [0, 1, 2, 3]);
        assert_eq!(ids(&e.apply(&corpus, &index, &query("capaldi"))), [0]);
        // Fuzzy: "#JuniorDoctorContracts" matches too, ranked below the exact spelling.
        assert_eq!(ids(&e.apply(&corpus, &index, &query("#juniorcontract"))), [0, 3, 2]);
        assert!(e.apply(&corpus, &index, &query("#capaldi")).is_empty(), "# matches hashtags only");
        assert_eq!(ids(&e.apply(&corpus, &index, &query("'Stratford"))), [3]);

        let hunt = index.find_people("mr hunt");
        assert_eq!(hunt.len(), 1);
        let by_person = Filters { people: vec![hunt.clone()], ..Filters::default() };
        assert_eq!(ids(&e.apply(&corpus, &index, &by_person)), [0, 1, 3]);
        let both = Filters { people: vec![hunt], query: "'juniorcontract".into(), ..Filters::default() };
        assert_eq!(ids(&e.apply(&corpus, &index, &both)), [0, 3]);
        assert_eq!(index.find_tags("juniorcontract").len(), 1);
        assert_eq!(index.find_tags("@drsherbert2").len(), 1);
    }

    #[test]
    fn typing_one_key_at_a_time_gives_what_a_fresh_search_gives() {
        let corpus = Corpus::seeds().corpus;
        let index = Index::build(&corpus.articles);
        for q in ["jeremy hunt", "'strike doc", "#junior capaldi", "bma doctors", "mr hunt 'nhs"] {
            let mut typed = Engine::default();
            for end in 1..=q.len() {
                let f = query(&q[..end]);
                let incremental = typed.apply(&corpus, &index, &f);
                let fresh = Engine::default().apply(&corpus, &index, &f);
                assert_eq!(incremental, fresh, "after typing {:?}", &q[..end]);
            }
            // Deleting characters starts afresh and still agrees.
            let back = typed.apply(&corpus, &index, &query(&q[..2]));
            assert_eq!(back, Engine::default().apply(&corpus, &index, &query(&q[..2])));
        }
    }

    #[test]
    fn occurrences() {
        assert_eq!(find_ignore_case("Strike! strike.", "strike"), [0..6, 8..14]);
        assert!(find_ignore_case("A STRIKE", "strike").len() == 1);
    }
}
