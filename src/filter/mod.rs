//! The filter engine: queries in fzf's extended syntax (see [`query`]) and entity filters over a
//! corpus, shared by the reader and the `bench` command.
//!
//! Fast at scale because nothing is worked out twice while a person types:
//! - every term keeps, per distinct title, name and tag, whether it matched and its score, and
//!   per article whether its body holds the term's text. A term typed further starts from what
//!   its shorter self ruled out (`cap` cannot match where `ca` did not), and the last few dozen
//!   terms are kept for when a key is deleted;
//! - a query that narrows the previous one only looks at the previous hits;
//! - a fuzzy match is first checked with a byte search, and scored by the fuzzy matcher only
//!   where it matches, and only when the hits are ranked;
//! - the answer comes in two tiers: what titles, people and tags match (fast: the strings are
//!   short) before what needs the bodies read (hundreds of megabytes in a large corpus);
//! - the scans run on all cores.

#![warn(missing_docs)]

pub mod matcher;
pub mod query;
pub mod timing;

use std::cmp::Reverse;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU8, Ordering::Relaxed};
use std::sync::{Arc, Mutex};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

pub use matcher::Matcher;
pub use query::{Kind, Query, Term};

use crate::corpus::Corpus;
use crate::corpus::coverage::Period;
use crate::corpus::index::{EntityId, Index, Mentions, Who};

/// How the hits are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Best match first when there is a query (ties, and no query, in store order).
    #[default]
    Relevance,
    /// Newest first; undated articles last.
    Date,
    /// By title, A to Z, ignoring case.
    Title,
    /// Articles naming the most people first.
    People,
}

impl Sort {
    /// The next order, cycling back to the first.
    pub fn next(self) -> Sort {
        match self {
            Sort::Relevance => Sort::Date,
            Sort::Date => Sort::Title,
            Sort::Title => Sort::People,
            Sort::People => Sort::Relevance,
        }
    }

    /// What the order is called on screen.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Date => "date",
            Sort::Title => "title",
            Sort::People => "people",
        }
    }
}

/// Everything that narrows and orders the article list. The query and every chip must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// The query as typed (see [`query`]).
    pub query: String,
    /// Person chips: an article must name someone from every chip; the ids of one chip are
    /// alternatives (`--person blair` may find several people).
    pub people: Vec<Vec<EntityId>>,
    /// Tag chips, as for people.
    pub tags: Vec<Vec<EntityId>>,
    /// Organisation chips, as for people.
    pub orgs: Vec<Vec<EntityId>>,
    /// "Said by" chips: an article must quote someone from every chip.
    pub said_by: Vec<Vec<Who>>,
    /// Only these articles, in store order (the bookmarked ones): None lets every article in.
    pub only: Option<Vec<usize>>,
    /// Only articles published in this period (a timeline bucket, `--since`/`--until`);
    /// articles with no date are in no period.
    pub period: Option<Period>,
    /// Figure chips: an article must quote a value from every chip (ids in
    /// `Index::figures.values`; a chip of a whole group holds all its values).
    pub figures: Vec<Vec<u32>>,
    /// How the hits are ordered.
    pub sort: Sort,
}

impl Filters {
    /// Is this person in one of the chips?
    pub fn has_person(&self, id: EntityId) -> bool {
        self.people.iter().any(|chip| chip.contains(&id))
    }

    /// Is this tag in one of the chips?
    pub fn has_tag(&self, id: EntityId) -> bool {
        self.tags.iter().any(|chip| chip.contains(&id))
    }

    /// Is this organisation in one of the chips?
    pub fn has_org(&self, id: EntityId) -> bool {
        self.orgs.iter().any(|chip| chip.contains(&id))
    }

    /// Is this speaker in one of the "said by" chips?
    pub fn has_speaker(&self, who: Who) -> bool {
        self.said_by.iter().any(|chip| chip.contains(&who))
    }

    /// The chips that decide which articles pass, apart from the query.
    fn chips(&self) -> Chips {
        Chips {
            people: self.people.clone(),
            tags: self.tags.clone(),
            orgs: self.orgs.clone(),
            said_by: self.said_by.clone(),
            only: self.only.clone(),
            period: self.period,
            figures: self.figures.clone(),
        }
    }
}

/// Every chip of a set of filters, remembered with the hits they let through.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Chips {
    people: Vec<Vec<EntityId>>,
    tags: Vec<Vec<EntityId>>,
    orgs: Vec<Vec<EntityId>>,
    said_by: Vec<Vec<Who>>,
    only: Option<Vec<usize>>,
    period: Option<Period>,
    figures: Vec<Vec<u32>>,
}

/// Add a chip of one entity, or take away the chips holding it.
pub fn toggle_chip<T: PartialEq>(chips: &mut Vec<Vec<T>>, id: T) {
    let before = chips.len();
    chips.retain(|chip| !chip.contains(&id));
    if chips.len() == before {
        chips.push(vec![id]);
    }
}

/// One article that passes the filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Its position in the store.
    pub article: usize,
    /// How well it matched, higher first; 0 without a query, and when the hits are not sorted by
    /// relevance (scores are only worked out to rank).
    pub score: i64,
}

/// What a group of terms scores when it matched only in a body: below any title, name or tag
/// match, however many terms matched that way (fuzzy scores are a few hundred at most).
const BODY: i64 = -(1 << 40);

/// Strings and articles are scanned in parallel only past this many; below it threads cost more
/// than they save.
const PARALLEL: usize = 4096;

/// The fast tier is ranked only while its hits times the fuzzy pattern's length (the fuzzy
/// matcher's work grows with both) stay under this; past it, scoring them all would take longer
/// than a frame, and they are given in store order. The complete answer ranks them.
const RANKED_FAST: usize = 16_000;

/// Terms whose matches are kept for later keystrokes.
const KEPT_TERMS: usize = 32;

/// Per string, per term: not looked at yet, no match, matched but not scored, else the score.
const UNKNOWN: i32 = i32::MIN;
const NO: i32 = i32::MIN + 1;
const MATCHED: i32 = i32::MIN + 2;

/// Per article, per text: not looked at yet, in the body, not in the body.
const BODY_UNKNOWN: u8 = 0;
const BODY_YES: u8 = 1;
const BODY_NO: u8 = 2;

/// The sizes of what the caches were made for: a change means a different corpus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Shape {
    articles: usize,
    titles: usize,
    people: usize,
    tags: usize,
}

impl Shape {
    fn of(corpus: &Corpus, index: &Index) -> Shape {
        Shape {
            articles: corpus.articles.len(),
            titles: index.titles.len(),
            people: index.people.len(),
            tags: index.tags.len(),
        }
    }
}

/// What one term (taken as positive) matched among the distinct titles, people and tags.
#[derive(Debug)]
struct StringCache {
    term: Term,
    titles: Vec<AtomicI32>,
    people: Vec<AtomicI32>,
    tags: Vec<AtomicI32>,
    used: u64,
}

/// Which articles' bodies hold one text.
#[derive(Debug)]
struct BodyCache {
    text: String,
    case_sensitive: bool,
    states: Vec<AtomicU8>,
    used: u64,
}

/// The last complete search, kept so that the next keystroke can narrow it.
#[derive(Debug, Clone)]
struct Memo {
    query: Query,
    chips: Chips,
    /// In store order.
    hits: Vec<usize>,
}

/// A query for `Engine::matches`, with its matchers made.
struct NamesQuery {
    groups: Vec<Vec<(Term, Matcher, FuzzyPattern)>>,
}

impl NamesQuery {
    fn new(text: &str) -> NamesQuery {
        let groups = Query::parse(text)
            .groups
            .into_iter()
            .map(|g| {
                g.into_iter()
                    .map(|t| {
                        let (m, fp) = (t.matcher(), FuzzyPattern::of(&t));
                        (t, m, fp)
                    })
                    .collect()
            })
            .collect();
        NamesQuery { groups }
    }
}

/// Runs searches; keeps what they found for the next one. One per thread that searches.
pub struct Engine {
    ignore_case: SkimMatcherV2,
    respect_case: SkimMatcherV2,
    shape: Shape,
    clock: u64,
    strings: Vec<StringCache>,
    bodies: Vec<BodyCache>,
    memo: Option<Memo>,
    /// What sorting by title and by date goes by, worked out when first needed.
    keys: SortKeys,
    /// `RANKED_FAST`, lowered by tests to see the other side of it.
    ranked_fast: usize,
    /// The last query `matches` was asked about, parsed.
    last_names_query: Mutex<Option<(String, Arc<NamesQuery>)>>,
}

impl Default for Engine {
    fn default() -> Self {
        Engine {
            ignore_case: SkimMatcherV2::default().ignore_case(),
            respect_case: SkimMatcherV2::default().respect_case(),
            shape: Shape::default(),
            clock: 0,
            strings: Vec::new(),
            bodies: Vec::new(),
            memo: None,
            keys: SortKeys::default(),
            ranked_fast: RANKED_FAST,
            last_names_query: Mutex::new(None),
        }
    }
}

impl Engine {
    /// The articles that pass every filter, in the order `filters.sort` asks for.
    pub fn apply(&mut self, corpus: &Corpus, index: &Index, filters: &Filters) -> Vec<Hit> {
        self.apply_until(corpus, index, filters, &|| false, &mut |_| {}).unwrap_or_default()
    }

    /// `apply`, giving up (with `None`) as soon as `stop` says the answer is no longer wanted:
    /// a newer query has come in.
    ///
    /// When reading bodies or ranking many matches is still to come, `partial` is first given
    /// the fast tier: the articles certain to be in the answer from their titles, people and
    /// tags alone (possibly none), ordered as asked, except that more than a few thousand are
    /// given in store order when sorting by relevance. It is called at most once.
    pub fn apply_until(
        &mut self,
        corpus: &Corpus,
        index: &Index,
        filters: &Filters,
        stop: &(dyn Fn() -> bool + Sync),
        partial: &mut dyn FnMut(Vec<Hit>),
    ) -> Option<Vec<Hit>> {
        let shape = Shape::of(corpus, index);
        if shape != self.shape {
            self.reset();
            self.shape = shape;
        }
        let query = Query::parse(&filters.query);
        let candidates = match self.memo.take() {
            Some(m) if m.chips == filters.chips() && query.narrows(&m.query) => m.hits,
            _ => (0..corpus.articles.len()).filter(|&a| passes_chips(index, a, filters)).collect(),
        };
        if filters.sort == Sort::Title && self.keys.title_rank.len() != index.titles.len() {
            self.keys.title_rank = title_rank(index);
        }
        if filters.sort == Sort::Date && self.keys.dates.len() != corpus.articles.len() {
            self.keys.dates = corpus.articles.iter().map(|a| a.date.map_or(0, date_key)).collect();
        }
        // The hits in store order.
        let remember = |hits: Vec<usize>| Memo { query: query.clone(), chips: filters.chips(), hits };
        if query.is_empty() {
            let mut hits: Vec<Hit> = candidates.iter().map(|&article| Hit { article, score: 0 }).collect();
            order(&mut hits, filters.sort, false, index, &self.keys);
            self.memo = Some(remember(candidates));
            return Some(hits);
        }

        let slots = self.prepare(corpus, index, &query);
        let search = self.search(corpus, index, slots, stop);
        let ranked = filters.sort == Sort::Relevance;

        // The fast tier: titles, people and tags, and bodies already read for earlier keys.
        let verdicts: Vec<(usize, bool)> =
            search.par_filter_map(&candidates, |a| match search.verdict(a, false) {
                Tri::Yes => Some((a, true)),
                Tri::Unknown => Some((a, false)),
                Tri::No => None,
            })?;
        let (sure, unsure): (Vec<_>, Vec<_>) = verdicts.into_iter().partition(|v| v.1);
        let fuzzy_chars: usize =
            query.terms().filter(|t| t.kind.is_fuzzy() && !t.inverse).map(|t| t.text.chars().count()).sum();
        let rank_fast = ranked && sure.len() * fuzzy_chars.max(1) <= self.ranked_fast;
        // Without fuzzy terms ranking is only looking up what matched: no reason for a fast tier
        // unless bodies are still to be read.
        if !unsure.is_empty() || (ranked && !rank_fast && fuzzy_chars > 0) {
            let sure: Vec<usize> = sure.iter().map(|v| v.0).collect();
            let mut fast = search.hits(&sure, rank_fast, false)?;
            order(&mut fast, filters.sort, rank_fast, index, &self.keys);
            partial(fast);
        }

        // The complete answer: bodies read where the fast tier could not tell.
        let unsure: Vec<usize> = unsure.into_iter().map(|v| v.0).collect();
        let more = search.par_filter_map(&unsure, |a| (search.verdict(a, true) == Tri::Yes).then_some(a))?;
        let mut all: Vec<usize> = sure.into_iter().map(|v| v.0).chain(more).collect();
        all.sort_unstable();
        let mut hits = search.hits(&all, ranked, true)?;
        order(&mut hits, filters.sort, ranked, index, &self.keys);
        self.memo = Some(remember(all));
        Some(hits)
    }

    /// Forget every search: the corpus changed under them.
    pub fn reset(&mut self) {
        self.memo = None;
        self.strings.clear();
        self.bodies.clear();
        self.keys = SortKeys::default();
    }

    /// Caches for every term of `query`, made from the nearest earlier term where possible: per
    /// group, each term with its string cache and body cache.
    fn prepare<'q>(&mut self, corpus: &Corpus, index: &Index, query: &'q Query) -> Slots<'q> {
        self.clock += 1;
        // Old entries go first, so that the indices taken below stay good.
        evict(&mut self.strings, |c| c.used, KEPT_TERMS);
        evict(&mut self.bodies, |c| c.used, KEPT_TERMS);
        let mut slots = Vec::new();
        for group in &query.groups {
            let mut g: Vec<(&Term, usize, Option<usize>)> = group
                .iter()
                .map(|t| {
                    (t, self.string_cache(t, index), t.kind.reads_body().then(|| self.body_cache(t, corpus)))
                })
                .collect();
            // The shortest text first: the likeliest to be found early in a body.
            g.sort_by_key(|(t, _, _)| t.text.len());
            slots.push(g);
        }
        slots
    }

    fn search<'a>(
        &'a self,
        corpus: &'a Corpus,
        index: &'a Index,
        slots: Slots<'a>,
        stop: &'a (dyn Fn() -> bool + Sync),
    ) -> Search<'a> {
        let groups = slots
            .into_iter()
            .map(|g| {
                g.into_iter()
                    .map(|(t, s, b)| Prepared::new(t, &self.strings[s], b.map(|b| &self.bodies[b])))
                    .collect()
            })
            .collect();
        Search {
            ignore_case: &self.ignore_case,
            respect_case: &self.respect_case,
            corpus,
            index,
            groups,
            stop,
            stopped: AtomicBool::new(false),
        }
    }

    fn string_cache(&mut self, term: &Term, index: &Index) -> usize {
        let positive = Term { inverse: false, ..term.clone() };
        if let Some(i) = self.strings.iter().position(|c| c.term == positive) {
            self.strings[i].used = self.clock;
            return i;
        }
        // The longest earlier term whose matches include all of this one's.
        let ancestor = self
            .strings
            .iter()
            .filter(|c| positive.positive_within(&c.term))
            .max_by_key(|c| c.term.text.len());
        let from = |states: Option<&Vec<AtomicI32>>, n: usize| -> Vec<AtomicI32> {
            (0..n)
                .map(|i| {
                    let ruled_out = states.and_then(|s| s.get(i)).is_some_and(|s| s.load(Relaxed) == NO);
                    AtomicI32::new(if ruled_out { NO } else { UNKNOWN })
                })
                .collect()
        };
        let cache = StringCache {
            titles: from(ancestor.map(|a| &a.titles), index.titles.len()),
            people: from(ancestor.map(|a| &a.people), index.people.len()),
            tags: from(ancestor.map(|a| &a.tags), index.tags.len()),
            term: positive,
            used: self.clock,
        };
        self.strings.push(cache);
        self.strings.len() - 1
    }

    fn body_cache(&mut self, term: &Term, corpus: &Corpus) -> usize {
        let same = |c: &BodyCache| c.text == term.text && c.case_sensitive == term.case_sensitive;
        if let Some(i) = self.bodies.iter().position(same) {
            self.bodies[i].used = self.clock;
            return i;
        }
        // A body without `stri` has no `strike` either.
        let ancestor = self
            .bodies
            .iter()
            .filter(|c| (!c.case_sensitive || term.case_sensitive) && term.text.contains(&c.text))
            .max_by_key(|c| c.text.len());
        let states = (0..corpus.articles.len())
            .map(|a| {
                let ruled_out =
                    ancestor.and_then(|c| c.states.get(a)).is_some_and(|s| s.load(Relaxed) == BODY_NO);
                AtomicU8::new(if ruled_out { BODY_NO } else { BODY_UNKNOWN })
            })
            .collect();
        self.bodies.push(BodyCache {
            text: term.text.clone(),
            case_sensitive: term.case_sensitive,
            states,
            used: self.clock,
        });
        self.bodies.len() - 1
    }

    /// Match one string (a sidebar row) against a query in the same syntax; bodies aside, terms
    /// mean what they mean for articles. The score is higher for a better match.
    pub fn matches(&self, choice: &str, query: &str) -> Option<i64> {
        // The sidebar asks once per row with the same query: it is parsed once.
        let parsed = {
            let mut last = self.last_names_query.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            match &*last {
                Some((text, parsed)) if text == query => Arc::clone(parsed),
                _ => {
                    let parsed = Arc::new(NamesQuery::new(query));
                    *last = Some((query.to_string(), Arc::clone(&parsed)));
                    parsed
                }
            }
        };
        let mut total = 0;
        for group in &parsed.groups {
            total += group.iter().filter_map(|t| self.match_one(choice, t)).max()?;
        }
        Some(total)
    }

    fn match_one(&self, choice: &str, (t, literal, fp): &(Term, Matcher, FuzzyPattern)) -> Option<i64> {
        let fuzzy_score = || fuzzy(&self.ignore_case, &self.respect_case, fp, &t.text, choice);
        let hit = match t.kind {
            Kind::Fuzzy => fuzzy_score(),
            Kind::Hashtag if choice.starts_with('#') => fuzzy_score(),
            Kind::Handle if choice.starts_with('@') => fuzzy_score(),
            Kind::Hashtag | Kind::Handle => None,
            _ => literal_match(literal, t.kind, choice, true).then_some(0),
        };
        if t.inverse { hit.is_none().then_some(0) } else { hit }
    }

    /// Positions (in characters) of `title` that the query's terms match, for highlighting.
    pub fn title_matches(&self, title: &str, query: &Query) -> Vec<usize> {
        let mut out = Vec::new();
        for t in query.terms().filter(|t| !t.inverse) {
            let m = t.matcher();
            let ranges: Vec<std::ops::Range<usize>> = match t.kind {
                Kind::Fuzzy => {
                    let found = match FuzzyPattern::of(t) {
                        FuzzyPattern::Ignore(_) => self.ignore_case.fuzzy_indices(title, &t.text),
                        FuzzyPattern::Respect(_) => self.respect_case.fuzzy_indices(title, &t.text),
                        FuzzyPattern::Folded(p) => {
                            self.respect_case.fuzzy_indices(&matcher::fold_str(title), &p)
                        }
                    };
                    out.extend(found.map(|(_, idx)| idx).unwrap_or_default());
                    continue;
                }
                Kind::Exact => m.find_iter(title),
                Kind::Prefix if m.is_prefix_of(title) => {
                    std::iter::once(0..prefix_bytes(title, &t.text)).collect()
                }
                Kind::Suffix if m.is_suffix_of(title) => {
                    let n = t.text.chars().count();
                    let start = title.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
                    std::iter::once(start..title.len()).collect()
                }
                Kind::Whole if m.is_whole(title) => std::iter::once(0..title.len()).collect(),
                _ => Vec::new(),
            };
            for r in ranges {
                out.extend(
                    title.char_indices().enumerate().filter(|(_, (b, _))| r.contains(b)).map(|(i, _)| i),
                );
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Bytes of `title` taken by its first as many characters as `needle` has.
fn prefix_bytes(title: &str, needle: &str) -> usize {
    title.char_indices().nth(needle.chars().count()).map_or(title.len(), |(i, _)| i)
}

/// Per group of a query, each term with the indices of its string and body caches.
type Slots<'q> = Vec<Vec<(&'q Term, usize, Option<usize>)>>;

/// Drop the least recently used entries past `keep`.
fn evict<T>(entries: &mut Vec<T>, used: impl Fn(&T) -> u64, keep: usize) {
    if entries.len() > keep {
        entries.sort_by_key(|e| Reverse(used(e)));
        entries.truncate(keep);
    }
}

fn passes_chips(index: &Index, article: usize, filters: &Filters) -> bool {
    let has = |table: &[Mentions], chip: &[EntityId]| {
        table.get(article).is_some_and(|m| m.iter().any(|(e, _)| chip.contains(e)))
    };
    filters.only.as_ref().is_none_or(|only| only.binary_search(&article).is_ok())
        && filters.people.iter().all(|chip| has(&index.article_people, chip))
        && filters.tags.iter().all(|chip| has(&index.article_tags, chip))
        && filters.orgs.iter().all(|chip| has(&index.article_orgs, chip))
        && filters.said_by.iter().all(|chip| {
            index.article_said.get(article).is_some_and(|said| said.iter().any(|(w, _)| chip.contains(w)))
        })
        && filters.period.is_none_or(|p| {
            index.article_when.get(article).copied().flatten().is_some_and(|w| p.holds(w.minute))
        })
        && filters.figures.iter().all(|chip| {
            index.article_figures.get(article).is_some_and(|quoted| quoted.iter().any(|v| chip.contains(v)))
        })
}

/// Each title id's place in A-to-Z order, case ignored (ties by spelling, then id).
fn title_rank(index: &Index) -> Vec<u32> {
    let names = &index.titles.names;
    let keys: Vec<String> = names.par_iter().map(|n| n.to_lowercase()).collect();
    // The first eight bytes, in an integer, settle most comparisons without following a pointer.
    let head = |s: &str| {
        let mut b = [0u8; 8];
        let n = s.len().min(8);
        b[..n].copy_from_slice(&s.as_bytes()[..n]);
        u64::from_be_bytes(b)
    };
    let mut ids: Vec<(u64, usize)> = keys.iter().enumerate().map(|(i, k)| (head(k), i)).collect();
    ids.par_sort_unstable_by(|&(ha, a), &(hb, b)| {
        ha.cmp(&hb).then_with(|| keys[a].cmp(&keys[b])).then_with(|| names[a].cmp(&names[b])).then(a.cmp(&b))
    });
    let mut rank = vec![0u32; names.len()];
    for (r, &(_, id)) in ids.iter().enumerate() {
        rank[id] = u32::try_from(r).unwrap_or(u32::MAX);
    }
    rank
}

/// Put hits (given in store order) in the order asked for; ties stay in store order.
/// Per-corpus keys for sorting, each looked up by id rather than from the article: an article
/// is big, and reading one per hit costs a cache miss each.
#[derive(Debug, Default)]
struct SortKeys {
    /// Per title id, its place in A-to-Z order.
    title_rank: Vec<u32>,
    /// Per article, its date as a number that grows with it; 0 for none.
    dates: Vec<u32>,
}

fn date_key(d: crate::corpus::Date) -> u32 {
    u32::from(d.year) << 9 | u32::from(d.month) << 5 | u32::from(d.day)
}

fn order(hits: &mut [Hit], sort: Sort, ranked: bool, index: &Index, keys: &SortKeys) {
    // Every key is worked out once, up front: looking an article up per comparison costs a
    // cache miss each time.
    let key: Box<dyn Fn(&Hit) -> u64 + Sync> = match sort {
        Sort::Relevance if ranked => {
            // Best first: the score flipped into an unsigned order.
            Box::new(|h: &Hit| u64::MAX - (h.score as u64 ^ (1 << 63)))
        }
        Sort::Relevance => return,
        Sort::Date => Box::new(|h: &Hit| {
            // Newest first, undated last.
            match keys.dates.get(h.article).copied().unwrap_or(0) {
                0 => u64::MAX,
                d => u64::MAX - 1 - u64::from(d),
            }
        }),
        Sort::Title => Box::new(|h: &Hit| {
            let rank = index.article_title.get(h.article).and_then(|&t| keys.title_rank.get(t as usize));
            rank.map_or(u64::MAX, |&r| u64::from(r))
        }),
        Sort::People => {
            Box::new(|h: &Hit| u64::MAX - index.article_people.get(h.article).map_or(0, |p| p.len() as u64))
        }
    };
    // (key, article) pairs are unique: an unstable sort gives the stable order.
    let mut keyed: Vec<(u64, Hit)> = if hits.len() >= PARALLEL {
        hits.par_iter().map(|h| (key(h), *h)).collect()
    } else {
        hits.iter().map(|h| (key(h), *h)).collect()
    };
    let by = |x: &(u64, Hit)| (x.0, x.1.article);
    if keyed.len() >= PARALLEL {
        keyed.par_sort_unstable_by_key(by);
    } else {
        keyed.sort_unstable_by_key(by);
    }
    for (slot, (_, h)) in hits.iter_mut().zip(keyed) {
        *slot = h;
    }
}

/// Does a literal term of `kind` match one title, name or tag? Tags also count without their
/// `#` or `@` for `^`, `$` and `^…$`.
fn literal_match(m: &Matcher, kind: Kind, name: &str, is_tag: bool) -> bool {
    let bare = if is_tag { name.strip_prefix(['#', '@']) } else { None };
    let either = |f: &dyn Fn(&str) -> bool| f(name) || bare.is_some_and(f);
    match kind {
        Kind::Exact => m.is_in(name),
        Kind::Prefix => either(&|s| m.is_prefix_of(s)),
        Kind::Suffix => m.is_suffix_of(name),
        Kind::Whole => either(&|s| m.is_whole(s)),
        Kind::Fuzzy | Kind::Hashtag | Kind::Handle => false,
    }
}

/// How a fuzzy term is matched. The fuzzy matcher ignores case only for ASCII letters, so a
/// pattern with other letters is matched, case ignored, against folded text instead.
#[derive(Debug, Clone)]
enum FuzzyPattern {
    /// ASCII, case ignored: the pattern's bytes (lower case), for the byte pre-check.
    Ignore(Vec<u8>),
    /// Case-sensitive: the pattern.
    Respect(String),
    /// Not ASCII, case ignored: the folded pattern.
    Folded(String),
}

impl FuzzyPattern {
    fn of(t: &Term) -> FuzzyPattern {
        if t.case_sensitive {
            FuzzyPattern::Respect(t.text.clone())
        } else if t.text.is_ascii() {
            FuzzyPattern::Ignore(t.text.to_ascii_lowercase().into_bytes())
        } else {
            FuzzyPattern::Folded(matcher::fold_str(&t.text))
        }
    }

    /// Whether `choice` matches, exactly as the fuzzy matcher would decide (it matches when the
    /// pattern is a subsequence of the choice) but without scoring.
    fn quick_match(&self, choice: &str) -> bool {
        match self {
            FuzzyPattern::Ignore(p) => subsequence(choice.as_bytes(), p, true),
            FuzzyPattern::Respect(p) if p.is_ascii() => subsequence(choice.as_bytes(), p.as_bytes(), false),
            FuzzyPattern::Respect(p) => {
                let mut hay = choice.chars();
                p.chars().all(|c| hay.any(|h| h == c))
            }
            FuzzyPattern::Folded(p) => {
                let mut hay = choice.chars().map(matcher::fold);
                p.chars().all(|c| hay.any(|h| h == c))
            }
        }
    }
}

/// The fuzzy matcher's score for `choice`, case treated as `p` says.
fn fuzzy(
    ignore: &SkimMatcherV2,
    respect: &SkimMatcherV2,
    p: &FuzzyPattern,
    text: &str,
    choice: &str,
) -> Option<i64> {
    match p {
        FuzzyPattern::Ignore(_) => ignore.fuzzy_match(choice, text),
        FuzzyPattern::Respect(_) => respect.fuzzy_match(choice, text),
        FuzzyPattern::Folded(f) => respect.fuzzy_match(&matcher::fold_str(choice), f),
    }
}

/// Is `pattern` (ASCII; lower case when `fold`) a subsequence of `hay`, ASCII case ignored when
/// `fold`? Bytes of other characters are never ASCII, so this is the fuzzy matcher's own test.
fn subsequence(hay: &[u8], pattern: &[u8], fold: bool) -> bool {
    if hay.len() < 64 {
        // Short strings (titles, names): a plain loop beats setting up a vector search per byte.
        let mut rest = hay.iter();
        return pattern.iter().all(|&p| {
            let other = if fold { p.to_ascii_uppercase() } else { p };
            rest.any(|&b| b == p || b == other)
        });
    }
    let mut rest = hay;
    for &p in pattern {
        let at = if fold && p.is_ascii_lowercase() {
            memchr::memchr2(p, p.to_ascii_uppercase(), rest)
        } else {
            memchr::memchr(p, rest)
        };
        match at {
            Some(i) => rest = &rest[i + 1..],
            None => return false,
        }
    }
    true
}

/// Yes, no, or not known without reading a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tri {
    Yes,
    No,
    Unknown,
}

impl Tri {
    fn not(self) -> Tri {
        match self {
            Tri::Yes => Tri::No,
            Tri::No => Tri::Yes,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Titles,
    People,
    Tags,
}

/// One term ready to search: its caches and its matchers.
struct Prepared<'a> {
    term: &'a Term,
    strings: &'a StringCache,
    body: Option<&'a BodyCache>,
    literal: Matcher,
    fuzzy: Option<FuzzyPattern>,
}

impl<'a> Prepared<'a> {
    fn new(term: &'a Term, strings: &'a StringCache, body: Option<&'a BodyCache>) -> Prepared<'a> {
        let fuzzy = term.kind.is_fuzzy().then(|| FuzzyPattern::of(term));
        Prepared { term, strings, body, literal: term.matcher(), fuzzy }
    }

    fn looks_at(&self, table: Table) -> bool {
        match self.term.kind {
            Kind::Hashtag | Kind::Handle => table == Table::Tags,
            _ => true,
        }
    }

    fn states(&self, table: Table) -> &[AtomicI32] {
        match table {
            Table::Titles => &self.strings.titles,
            Table::People => &self.strings.people,
            Table::Tags => &self.strings.tags,
        }
    }
}

/// One search under way.
struct Search<'a> {
    ignore_case: &'a SkimMatcherV2,
    respect_case: &'a SkimMatcherV2,
    corpus: &'a Corpus,
    index: &'a Index,
    groups: Vec<Vec<Prepared<'a>>>,
    stop: &'a (dyn Fn() -> bool + Sync),
    stopped: AtomicBool,
}

impl<'a> Search<'a> {
    /// `f` over `items` in order, on all cores when there are many; `None` when told to stop.
    fn par_filter_map<T: Send>(
        &self,
        items: &[usize],
        f: impl Fn(usize) -> Option<T> + Sync,
    ) -> Option<Vec<T>> {
        let one = |(i, &a): (usize, &usize)| {
            // Checked every so often, not per article: the check is not free.
            if i % 256 == 0 && (self.stop)() {
                self.stopped.store(true, Relaxed);
            }
            if self.stopped.load(Relaxed) { None } else { f(a) }
        };
        let out: Vec<T> = if items.len() >= PARALLEL {
            items.par_iter().enumerate().with_min_len(256).filter_map(one).collect()
        } else {
            items.iter().enumerate().filter_map(one).collect()
        };
        (!self.stopped.load(Relaxed)).then_some(out)
    }

    /// The hits for these articles (in store order), scored when `ranked`.
    fn hits(&self, articles: &[usize], ranked: bool, read: bool) -> Option<Vec<Hit>> {
        if !ranked {
            return Some(articles.iter().map(|&article| Hit { article, score: 0 }).collect());
        }
        self.par_filter_map(articles, |a| Some(Hit { article: a, score: self.score(a, read) }))
    }

    /// Does the article pass? With `read`, bodies are read where needed and the answer is
    /// never `Unknown`.
    fn verdict(&self, a: usize, read: bool) -> Tri {
        let mut sure = true;
        for group in &self.groups {
            match self.group(group, a, read) {
                Tri::No => return Tri::No,
                Tri::Unknown => sure = false,
                Tri::Yes => {}
            }
        }
        if sure { Tri::Yes } else { Tri::Unknown }
    }

    fn group(&self, group: &[Prepared], a: usize, read: bool) -> Tri {
        let mut unknown = false;
        for p in group {
            match self.term(p, a, false) {
                Tri::Yes => return Tri::Yes,
                Tri::Unknown => unknown = true,
                Tri::No => {}
            }
        }
        if !unknown {
            return Tri::No;
        }
        if !read {
            return Tri::Unknown;
        }
        if group.iter().any(|p| self.term(p, a, true) == Tri::Yes) { Tri::Yes } else { Tri::No }
    }

    fn term(&self, p: &Prepared, a: usize, read: bool) -> Tri {
        let found = if self.entity(p, a) { Tri::Yes } else { self.body(p, a, read) };
        if p.term.inverse { found.not() } else { found }
    }

    /// A group's score: the best fuzzy score of a term that matched a title, name or tag;
    /// failing that 0 for a negated term it passes; failing that it matched in a body only.
    fn score(&self, a: usize, read: bool) -> i64 {
        let mut total = 0;
        for group in &self.groups {
            let positive = group.iter().filter(|p| !p.term.inverse);
            total += match positive.filter_map(|p| self.entity_score(p, a)).max() {
                Some(s) => s,
                None if group.iter().any(|p| p.term.inverse && self.term(p, a, read) == Tri::Yes) => 0,
                None => BODY,
            };
        }
        total
    }

    /// The ids of an article's title, people or tags.
    fn ids(&self, table: Table, a: usize) -> impl Iterator<Item = usize> + '_ {
        let mentions = |m: &'a [Mentions]| m.get(a).map_or(&[][..], Vec::as_slice);
        let (title, list) = match table {
            Table::Titles => (self.index.article_title.get(a).copied(), &[][..]),
            Table::People => (None, mentions(&self.index.article_people)),
            Table::Tags => (None, mentions(&self.index.article_tags)),
        };
        title.into_iter().chain(list.iter().map(|&(id, _)| id)).map(|id| id as usize)
    }

    fn entity(&self, p: &Prepared, a: usize) -> bool {
        [Table::Titles, Table::People, Table::Tags]
            .into_iter()
            .filter(|&t| p.looks_at(t))
            .any(|t| self.ids(t, a).any(|id| self.state(p, t, id) != NO))
    }

    fn entity_score(&self, p: &Prepared, a: usize) -> Option<i64> {
        if p.fuzzy.is_none() {
            // Literal terms score 0 wherever they match: the first match will do.
            return self.entity(p, a).then_some(0);
        }
        [Table::Titles, Table::People, Table::Tags]
            .into_iter()
            .filter(|&t| p.looks_at(t))
            .flat_map(|t| self.ids(t, a).map(move |id| (t, id)))
            .filter_map(|(t, id)| self.score_of(p, t, id))
            .max()
    }

    /// The names a string of a table goes by: a person's aliases too.
    fn names(&self, table: Table, id: usize) -> impl Iterator<Item = &str> {
        let (names, aliases) = match table {
            Table::Titles => (&self.index.titles.names, None),
            Table::People => (&self.index.people.names, self.index.people.aliases.get(id)),
            Table::Tags => (&self.index.tags.names, None),
        };
        names.get(id).map(String::as_str).into_iter().chain(aliases.into_iter().flatten().map(|a| &**a))
    }

    /// A string's state for a term, worked out the first time it is asked for.
    fn state(&self, p: &Prepared, table: Table, id: usize) -> i32 {
        let cell = p.states(table).get(id);
        if let Some(s) = cell.map(|c| c.load(Relaxed)).filter(|&s| s != UNKNOWN) {
            return s;
        }
        let s = self.work_out(p, table, id);
        if let Some(c) = cell {
            c.store(s, Relaxed);
        }
        s
    }

    fn work_out(&self, p: &Prepared, table: Table, id: usize) -> i32 {
        let is_tag = table == Table::Tags;
        let Some(fp) = &p.fuzzy else {
            let hit = self.names(table, id).any(|n| literal_match(&p.literal, p.term.kind, n, is_tag));
            return if hit { 0 } else { NO };
        };
        let sigil = match p.term.kind {
            Kind::Hashtag => Some('#'),
            Kind::Handle => Some('@'),
            _ => None,
        };
        // Whether it matches is quick to tell; scoring waits until the hit is ranked.
        let mut names = self.names(table, id).filter(|n| sigil.is_none_or(|s| n.starts_with(s)));
        if names.any(|n| fp.quick_match(n)) { MATCHED } else { NO }
    }

    fn fuzzy_best(&self, p: &Prepared, fp: &FuzzyPattern, table: Table, id: usize) -> Option<i64> {
        let sigil = match p.term.kind {
            Kind::Hashtag => Some('#'),
            Kind::Handle => Some('@'),
            _ => None,
        };
        self.names(table, id)
            .filter(|n| sigil.is_none_or(|s| n.starts_with(s)))
            .filter_map(|n| fuzzy(self.ignore_case, self.respect_case, fp, &p.term.text, n))
            .max()
    }

    fn score_of(&self, p: &Prepared, table: Table, id: usize) -> Option<i64> {
        match self.state(p, table, id) {
            NO => None,
            MATCHED => {
                let best = p.fuzzy.as_ref().and_then(|fp| self.fuzzy_best(p, fp, table, id));
                if let Some(c) = p.states(table).get(id) {
                    c.store(best.map_or(NO, clamp), Relaxed);
                }
                best
            }
            s => Some(i64::from(s)),
        }
    }

    fn body(&self, p: &Prepared, a: usize, read: bool) -> Tri {
        let Some(cache) = p.body else { return Tri::No };
        let cell = cache.states.get(a);
        match cell.map_or(BODY_UNKNOWN, |c| c.load(Relaxed)) {
            BODY_YES => Tri::Yes,
            BODY_NO => Tri::No,
            _ if !read => Tri::Unknown,
            _ => {
                let found = self.corpus.articles.get(a).is_some_and(|x| p.literal.is_in(&x.body));
                if let Some(c) = cell {
                    c.store(if found { BODY_YES } else { BODY_NO }, Relaxed);
                }
                if found { Tri::Yes } else { Tri::No }
            }
        }
    }
}

/// A score as kept in a cache, clear of the markers below it.
fn clamp(score: i64) -> i32 {
    i32::try_from(score).unwrap_or(if score < 0 { i32::MIN } else { i32::MAX }).max(MATCHED + 1)
}

#[cfg(test)]
mod tests;
