//! Corpus-wide tables of people and tags: each entity is interned once and articles refer to it
//! by id, so that counting "who is in the filtered articles" is a pass over small integers.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::{Article, SpeakerKind};

/// An entity's position in its `Table`: ids run from 0 in the order entities were first seen.
pub type EntityId = u32;

/// One interned entity table: display names, and the lower-case key each one is found by.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Display names by id, spelled as first seen (tags keep their `#` or `@`).
    pub names: Vec<String>,
    /// Every other form seen across the corpus (people's aliases).
    pub aliases: Vec<Vec<Arc<str>>>,
    by_key: FxHashMap<String, EntityId>,
}

impl Table {
    fn intern(&mut self, name: &str, key: String) -> EntityId {
        if let Some(&id) = self.by_key.get(&key) {
            return id;
        }
        let id = EntityId::try_from(self.names.len()).unwrap_or(EntityId::MAX);
        self.names.push(name.to_string());
        self.aliases.push(Vec::new());
        self.by_key.insert(key, id);
        id
    }

    /// Intern a named entity with its aliases (merged with the ones seen before), and its
    /// mention count in one article.
    fn intern_named(&mut self, name: &str, aliases: &[Arc<str>], mentions: usize) -> (EntityId, u32) {
        let id = self.intern(name, name.to_lowercase());
        if let Some(known) = self.aliases.get_mut(id as usize) {
            for alias in aliases {
                if !known.contains(alias) {
                    known.push(alias.clone());
                }
            }
        }
        (id, count(mentions))
    }

    /// How many entities: ids are `0..len`.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// No entity at all.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The display name of `id`; empty for an id not in the table.
    pub fn name(&self, id: EntityId) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }
}

/// Per article: which entities it holds and how often each is mentioned.
pub type Mentions = Vec<(EntityId, u32)>;

/// A speaker: a person or an organisation of the corpus tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Who {
    /// An id in `Index::people`.
    Person(EntityId),
    /// An id in `Index::orgs`.
    Org(EntityId),
}

/// The entity tables of a corpus and, per article (by its position in the corpus), what it
/// mentions.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// People, keyed by lower-cased name; aliases merged across articles.
    pub people: Table,
    /// Hashtags and @handles together, as the Tags tab shows them.
    pub tags: Table,
    /// For each article, the people in it and how often each is mentioned.
    pub article_people: Vec<Mentions>,
    /// For each article, its hashtags and handles and how often each is used.
    pub article_tags: Vec<Mentions>,
    /// Organisations, keyed by lower-cased name; acronyms merged across articles.
    pub orgs: Table,
    /// For each article, its organisations and how often each is mentioned.
    pub article_orgs: Vec<Mentions>,
    /// For each article, who is quoted in it and how many times.
    pub article_said: Vec<Vec<(Who, u32)>>,
    /// For each article, the speaker of each of its quotes, in the article's order.
    pub article_quote_speakers: Vec<Vec<Option<Who>>>,
    /// Distinct titles: syndicated copy repeats them, and the filter scores each one once.
    pub titles: Table,
    /// For each article, its title's id in `titles`.
    pub article_title: Vec<EntityId>,
    /// For each article, when it was published (see `When`); None when nothing says.
    pub article_when: Vec<Option<When>>,
    /// Figures grouped by what they count, across the corpus.
    pub figures: FigureTable,
    /// For each article, the figure values it quotes (ids in `figures.values`), sorted, each
    /// once.
    pub article_figures: Vec<Vec<u32>>,
}

/// When an article was published, as the timeline counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct When {
    /// Minutes since 1970-01-01 00:00 (a date alone: its first minute).
    pub minute: i64,
    /// The source gave a time of day, not only a date.
    pub timed: bool,
}

/// Figures grouped by what they count and their unit (see `extract::counts`), and within a
/// group by value: "98% of junior doctors" in two articles is one value of the group
/// `% · junior doctor`, quoted by two articles.
#[derive(Debug, Clone, Default)]
pub struct FigureTable {
    /// Each group's unit key (`%`, `count`, `hour`, `£`, ...).
    pub units: Vec<Arc<str>>,
    /// Each group's words ("junior doctor").
    pub whats: Vec<Arc<str>>,
    /// Each group's values, by id in `values`.
    pub group_values: Vec<Vec<u32>>,
    /// Each value: its group, the number and where it was first seen (article, figure).
    pub values: Vec<FigureValue>,
    by_group: FxHashMap<u64, u32>,
    by_value: FxHashMap<(u32, u64), u32>,
}

/// One value of a figure group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigureValue {
    /// The group, by id.
    pub group: u32,
    /// The value, in the unit's terms (see `Figure::value`).
    pub value: f64,
    /// The article (store position) and figure (its place in the article's figures) where
    /// this value was first seen: its written form comes from there.
    pub first: (u32, u32),
}

impl FigureTable {
    /// How many groups: ids run `0..groups()`.
    pub fn groups(&self) -> usize {
        self.whats.len()
    }

    fn intern(&mut self, unit: &str, what: &Arc<str>, value: f64, first: (u32, u32)) -> u32 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(unit.as_bytes());
        h.update(&[0x1f]);
        h.update(what.as_bytes());
        let next = u32::try_from(self.whats.len()).unwrap_or(u32::MAX);
        let group = *self.by_group.entry(h.digest()).or_insert(next);
        if group == next {
            self.units.push(Arc::from(unit));
            self.whats.push(what.clone());
            self.group_values.push(Vec::new());
        }
        // -0.0 and 0.0 are one value.
        let bits = if value == 0.0 { 0 } else { value.to_bits() };
        let next = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        let id = *self.by_value.entry((group, bits)).or_insert(next);
        if id == next {
            self.values.push(FigureValue { group, value, first });
            if let Some(g) = self.group_values.get_mut(group as usize) {
                g.push(id);
            }
        }
        id
    }
}

/// How an entity is counted over a set of articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// The entity, in the table the tally was made over.
    pub id: EntityId,
    /// Articles that mention it at least once.
    pub articles: u32,
    /// Mentions summed over those articles.
    pub mentions: u32,
}

impl Index {
    /// The index of `articles`, in order.
    pub fn build(articles: &[Article]) -> Index {
        let mut ix = Index::default();
        for a in articles {
            ix.add(a);
        }
        ix
    }

    /// Make room for `articles` more articles.
    pub fn reserve(&mut self, articles: usize) {
        self.article_people.reserve_exact(articles);
        self.article_tags.reserve_exact(articles);
        self.article_orgs.reserve_exact(articles);
        self.article_said.reserve_exact(articles);
        self.article_quote_speakers.reserve_exact(articles);
        self.article_title.reserve_exact(articles);
        self.article_when.reserve_exact(articles);
        self.article_figures.reserve_exact(articles);
    }

    /// Index one more article: it becomes the next position in the per-article tables.
    pub fn add(&mut self, a: &Article) {
        let people: Mentions = a
            .entities
            .people
            .iter()
            .map(|p| self.people.intern_named(&p.name, &p.aliases, p.count()))
            .collect();
        let mut tags = Vec::with_capacity(a.entities.hashtags.len() + a.entities.handles.len());
        for h in &a.entities.hashtags {
            tags.push((self.tags.intern(&h.tag, h.tag.to_lowercase()), count(h.count())));
        }
        for h in &a.entities.handles {
            tags.push((self.tags.intern(&h.handle, h.handle.to_lowercase()), count(h.count())));
        }
        let orgs: Mentions = a
            .entities
            .organisations
            .iter()
            .map(|o| self.orgs.intern_named(&o.name, &o.aliases, o.count()))
            .collect();
        // A speaker is one of the article's own people or organisations, just given ids.
        let speakers: Vec<Option<Who>> = a
            .entities
            .quotes
            .iter()
            .map(|q| {
                let s = q.speaker.as_ref()?;
                let same = |n: &Arc<str>| Arc::ptr_eq(n, &s.name) || *n == s.name;
                match s.kind {
                    SpeakerKind::Person => {
                        a.entities.people.iter().position(|p| same(&p.name)).map(|i| Who::Person(people[i].0))
                    }
                    SpeakerKind::Organisation => a
                        .entities
                        .organisations
                        .iter()
                        .position(|o| same(&o.name))
                        .map(|i| Who::Org(orgs[i].0)),
                }
            })
            .collect();
        let mut said: Vec<(Who, u32)> = Vec::new();
        for who in speakers.iter().flatten() {
            match said.iter_mut().find(|(w, _)| w == who) {
                Some((_, n)) => *n += 1,
                None => said.push((*who, 1)),
            }
        }
        self.article_people.push(people);
        self.article_tags.push(tags);
        self.article_orgs.push(orgs);
        self.article_said.push(said);
        self.article_quote_speakers.push(speakers);
        let title = self.titles.intern(&a.title, a.title.to_string());
        self.article_title.push(title);
        let when = a.date.map(|date| {
            let moment = super::Moment { date, minute: a.time };
            When { minute: moment.minutes(), timed: a.time.is_some() }
        });
        self.article_when.push(when);
        let position = u32::try_from(self.article_figures.len()).unwrap_or(u32::MAX);
        let mut values: Vec<u32> = Vec::new();
        for (i, f) in a.entities.figures.iter().enumerate() {
            let Some(what) = &f.what else { continue };
            let unit = super::extract::counts::unit_key(f, &a.body);
            let first = (position, u32::try_from(i).unwrap_or(u32::MAX));
            values.push(self.figures.intern(&unit, what, f.value, first));
        }
        values.sort_unstable();
        values.dedup();
        self.article_figures.push(values);
    }

    /// People whose name or any alias is `name`, ignoring case and a leading `@`/`#`; when no
    /// one is called exactly that, everyone whose name holds it as whole words ("blair" gives
    /// Tony, Cherie and Euan Blair).
    pub fn find_people(&self, name: &str) -> Vec<EntityId> {
        find(&self.people, name)
    }

    /// Organisations whose name or any acronym is `name`, ignoring case; when none is called
    /// exactly that, every one whose name holds it as whole words ("health" gives the
    /// Department of Health and NHS Health Scotland).
    pub fn find_orgs(&self, name: &str) -> Vec<EntityId> {
        find(&self.orgs, name)
    }

    /// The name of a speaker.
    pub fn who_name(&self, who: Who) -> &str {
        match who {
            Who::Person(id) => self.people.name(id),
            Who::Org(id) => self.orgs.name(id),
        }
    }

    /// How many quotes each person (first) and organisation (second) has over the given
    /// articles, by id.
    pub fn quote_counts(&self, articles: impl Iterator<Item = usize>) -> (Vec<u32>, Vec<u32>) {
        let mut people = vec![0u32; self.people.len()];
        let mut orgs = vec![0u32; self.orgs.len()];
        for a in articles {
            for &(who, n) in self.article_said.get(a).map_or(&[][..], Vec::as_slice) {
                let slot = match who {
                    Who::Person(id) => people.get_mut(id as usize),
                    Who::Org(id) => orgs.get_mut(id as usize),
                };
                if let Some(c) = slot {
                    *c += n;
                }
            }
        }
        (people, orgs)
    }

    /// Tags spelled `tag`, with or without its `#` or `@`, ignoring case.
    pub fn find_tags(&self, tag: &str) -> Vec<EntityId> {
        let want = tag.trim().trim_start_matches(['#', '@']).to_lowercase();
        (0..self.tags.len())
            .filter(|&i| self.tags.names[i][1..].to_lowercase() == want)
            .map(|i| i as EntityId)
            .collect()
    }

    /// Count entities over the given articles, most articles first, then most mentions.
    pub fn tally(table: &[Mentions], size: usize, articles: impl Iterator<Item = usize>) -> Vec<Tally> {
        let mut counts = vec![(0u32, 0u32); size];
        for a in articles {
            for &(id, n) in table.get(a).map_or(&[][..], Vec::as_slice) {
                if let Some(c) = counts.get_mut(id as usize) {
                    c.0 += 1;
                    c.1 += n;
                }
            }
        }
        let mut out: Vec<Tally> = counts
            .into_iter()
            .enumerate()
            .filter(|(_, (a, _))| *a > 0)
            .map(|(id, (articles, mentions))| Tally { id: id as EntityId, articles, mentions })
            .collect();
        out.sort_by(|a, b| {
            b.articles.cmp(&a.articles).then(b.mentions.cmp(&a.mentions)).then(a.id.cmp(&b.id))
        });
        out
    }
}

/// Entities of `table` named `name` exactly (name or alias, case ignored), else those whose
/// name or an alias holds its words in a row.
fn find(table: &Table, name: &str) -> Vec<EntityId> {
    let want = name.trim().trim_start_matches(['@', '#']).to_lowercase();
    if want.is_empty() {
        return Vec::new();
    }
    let forms = |i: usize| {
        std::iter::once(table.names[i].to_lowercase())
            .chain(table.aliases[i].iter().map(|a| a.to_lowercase()))
    };
    let exact: Vec<EntityId> =
        (0..table.len()).filter(|&i| forms(i).any(|f| f == want)).map(|i| i as EntityId).collect();
    if !exact.is_empty() {
        return exact;
    }
    let words: Vec<&str> = want.split_whitespace().collect();
    let holds = |form: String| {
        let have: Vec<&str> = form.split_whitespace().collect();
        have.windows(words.len()).any(|w| w == words.as_slice())
    };
    (0..table.len()).filter(|&i| forms(i).any(holds)).map(|i| i as EntityId).collect()
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
