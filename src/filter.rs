//! The filter engine: fuzzy queries and entity filters over a corpus, shared by the reader and
//! the `bench` command. Pure: it reads the corpus and returns ranked hits.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::corpus::index::{EntityId, Index};
use crate::corpus::{Article, Corpus};

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
                // A lone "'" or "#" is still being typed: it filters nothing yet.
                match &term {
                    Term::Exact(w) if w.is_empty() => None,
                    _ => Some(term),
                }
            })
            .collect()
    }
}

/// Everything that narrows the article list: the query and the entity filters (AND).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub query: String,
    pub people: Vec<EntityId>,
    pub tags: Vec<EntityId>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty() && self.people.is_empty() && self.tags.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub article: usize,
    pub score: i64,
    /// Character positions in the title that the query matched, for highlighting.
    pub title_matches: Vec<usize>,
}

pub struct Engine {
    matcher: SkimMatcherV2,
}

impl Default for Engine {
    fn default() -> Self {
        Engine { matcher: SkimMatcherV2::default().ignore_case() }
    }
}

impl Engine {
    /// The articles that pass every filter: in store order for an empty query, otherwise best
    /// score first (ties in store order).
    pub fn apply(&self, corpus: &Corpus, index: &Index, filters: &Filters) -> Vec<Hit> {
        let terms = Term::parse_query(&filters.query);
        let mut hits: Vec<Hit> = corpus
            .articles
            .iter()
            .enumerate()
            .filter(|(i, _)| self.passes_entities(index, *i, filters))
            .filter_map(|(i, a)| {
                self.score(a, &terms).map(|(score, title_matches)| Hit { article: i, score, title_matches })
            })
            .collect();
        if terms.iter().any(|t| !matches!(t, Term::Exact(_))) {
            hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.article.cmp(&b.article)));
        }
        hits
    }

    fn passes_entities(&self, index: &Index, article: usize, filters: &Filters) -> bool {
        let has = |table: &[crate::corpus::index::Mentions], id: &EntityId| {
            table.get(article).is_some_and(|m| m.iter().any(|(e, _)| e == id))
        };
        filters.people.iter().all(|p| has(&index.article_people, p))
            && filters.tags.iter().all(|t| has(&index.article_tags, t))
    }

    /// Score an article against every term; `None` when one term does not match.
    pub fn score(&self, a: &Article, terms: &[Term]) -> Option<(i64, Vec<usize>)> {
        let mut total = 0;
        let mut title_matches = Vec::new();
        for term in terms {
            let best = match term {
                Term::Exact(word) => contains_ignore_case(&a.body, word).then_some(1),
                Term::Hashtag(t) => self.best(a.entities.hashtags.iter().map(|h| &*h.tag), t),
                Term::Handle(t) => self.best(a.entities.handles.iter().map(|h| &*h.handle), t),
                Term::Fuzzy(t) => {
                    let title = self.matcher.fuzzy_indices(&a.title, t);
                    let others = self.best(
                        a.entities
                            .people
                            .iter()
                            .flat_map(|p| std::iter::once(&*p.name).chain(p.aliases.iter().map(|a| &**a)))
                            .chain(a.entities.hashtags.iter().map(|h| &*h.tag))
                            .chain(a.entities.handles.iter().map(|h| &*h.handle)),
                        t,
                    );
                    match (title, others) {
                        (Some((ts, idx)), o) if o.is_none_or(|o| ts >= o) => {
                            title_matches.extend(idx);
                            Some(ts)
                        }
                        (_, o) => o,
                    }
                }
            }?;
            total += best;
        }
        title_matches.sort_unstable();
        title_matches.dedup();
        Some((total, title_matches))
    }

    fn best<'a>(&self, choices: impl Iterator<Item = &'a str>, pattern: &str) -> Option<i64> {
        choices.filter_map(|c| self.matcher.fuzzy_match(c, pattern)).max()
    }

    /// Fuzzy-match one string (a sidebar row) against a query; every term must match.
    pub fn matches(&self, choice: &str, query: &str) -> Option<i64> {
        query.split_whitespace().map(|t| self.matcher.fuzzy_match(choice, t)).sum()
    }
}

/// Case-insensitive substring test; `needle` is already lower case.
pub fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    if needle.is_ascii() {
        let n = needle.as_bytes();
        haystack.as_bytes().windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
    } else {
        haystack.to_lowercase().contains(needle)
    }
}

/// Byte ranges of every case-insensitive occurrence of `needle` (lower case) in `haystack`.
pub fn find_ignore_case(haystack: &str, needle: &str) -> Vec<std::ops::Range<usize>> {
    if needle.is_empty() || !needle.is_ascii() {
        return Vec::new();
    }
    let n = needle.as_bytes();
    let h = haystack.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + n.len() <= h.len() {
        if h[i..i + n.len()].eq_ignore_ascii_case(n)
            && haystack.is_char_boundary(i)
            && haystack.is_char_boundary(i + n.len())
        {
            out.push(i..i + n.len());
            i += n.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let e = Engine::default();
        let all = e.apply(&corpus, &index, &Filters::default());
        assert_eq!(all.iter().map(|h| h.article).collect::<Vec<_>>(), [0, 1, 2, 3]);

        let capaldi = e.apply(&corpus, &index, &Filters { query: "capaldi".into(), ..Filters::default() });
        assert_eq!(capaldi.iter().map(|h| h.article).collect::<Vec<_>>(), [0]);

        // Fuzzy: "#JuniorDoctorContracts" matches too, ranked below the exact spelling.
        let tag =
            e.apply(&corpus, &index, &Filters { query: "#juniorcontract".into(), ..Filters::default() });
        assert_eq!(tag.iter().map(|h| h.article).collect::<Vec<_>>(), [0, 3, 2]);
        let no_tag = e.apply(&corpus, &index, &Filters { query: "#capaldi".into(), ..Filters::default() });
        assert!(no_tag.is_empty(), "# matches hashtags only");

        let exact = e.apply(&corpus, &index, &Filters { query: "'Stratford".into(), ..Filters::default() });
        assert_eq!(exact.iter().map(|h| h.article).collect::<Vec<_>>(), [3]);

        let hunt = index.find_people("mr hunt");
        assert_eq!(hunt.len(), 1);
        let by_person = e.apply(&corpus, &index, &Filters { people: hunt.clone(), ..Filters::default() });
        assert_eq!(by_person.iter().map(|h| h.article).collect::<Vec<_>>(), [0, 1, 3]);
        let both = e.apply(
            &corpus,
            &index,
            &Filters { people: hunt, query: "'juniorcontract".into(), ..Filters::default() },
        );
        assert_eq!(both.iter().map(|h| h.article).collect::<Vec<_>>(), [0, 3]);
        assert_eq!(index.find_tags("juniorcontract").len(), 1);
        assert_eq!(index.find_tags("@drsherbert2").len(), 1);
    }

    #[test]
    fn occurrences() {
        assert_eq!(find_ignore_case("Strike! strike.", "strike"), [0..6, 8..14]);
        assert!(contains_ignore_case("A STRIKE", "strike"));
    }
}
