//! Corpus-wide entity resolution: what one article cannot settle about its people, the whole
//! corpus may. It runs once every article is in, after per-article extraction, and only ever
//! links a short form to a full name when the corpus leaves no doubt whose it is.
//!
//! - A surname on its own ("Trump", "Mr Hunt") is linked to the one person of that surname the
//!   corpus knows, when one dominates; where two people share it (George W Bush and Jeb Bush),
//!   it stays unlinked rather than guessed. The link shows: the person is marked `linked` and
//!   keeps the short form as an alias.
//! - A title that makes a name ("Prince Charles", "Lord Browne") is never a surname: those names
//!   are not candidates, so no other Charles or Browne can take them.
//! - A plural or a possessive written without its apostrophe ("Donald Trumps") joins the person
//!   whose name it extends.

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use smallvec::SmallVec;

use super::article::Article;
use super::extract::lexicon::{Kinds, kinds};
use super::extract::{Organisation, Person, Span, Spans, speakers};

/// A surname is linked only when the other people who bear it, each in a single article, add
/// up to at most this share of the articles that mention the dominant one.
const OTHERS_AT_MOST: f64 = 0.1;
/// A name is a work everywhere once this share of the articles listing it as a person show
/// it to be one.
const WORK_SHARE: f64 = 0.25;
/// Nor on the strength of a single article; and another bearer in this many articles makes
/// the surname shared.
const MIN_ARTICLES: u32 = 2;

/// Resolve people across the corpus. Safe to call again: a second call finds nothing to do.
pub fn resolve(articles: &mut [Article]) {
    let mut known = tally(articles);
    let works = works(articles, &known);
    if !works.is_empty() {
        articles.par_iter_mut().for_each(|a| a.entities.people.retain(|p| !works.contains(&*p.name)));
        known = tally(articles);
    }
    let plurals = plurals(&known);
    let dominant = dominant_surnames(&known, &plurals);
    let company = company(articles, &dominant);
    let vouched = vouched(articles, &known);
    let one_names = one_names(articles, &known);
    let corpus = Corpus { plurals: &plurals, dominant: &dominant, company: &company, one_names: &one_names };
    let acronyms = acronyms(articles);
    let not_orgs = not_orgs(articles);
    let generic = generic_orgs(articles);
    articles.par_iter_mut().for_each(|a| {
        let context = Context::of_article(a);
        let e = &mut a.entities;
        vouch_pending(&a.body, &mut e.people, &e.pending, &vouched);
        resolve_article(&a.body, &mut e.people, &e.unlinked, &context, &corpus);
        if !not_orgs.is_empty() {
            e.organisations.retain(|o| !not_orgs.contains(&o.name));
        }
        expand_acronyms(&mut e.organisations, &acronyms);
        if !generic.is_empty() {
            e.organisations.retain(|o| !generic.contains(&o.name));
        }
        // A person's name is never an organisation's: a name the article gives an organisation's
        // cue ("a Ladbrokes spokesman") is no person the corpus spread to it.
        if !e.organisations.is_empty() {
            let orgs = &e.organisations;
            e.people.retain(|p| !orgs.iter().any(|o| o.name == p.name || o.aliases.contains(&p.name)));
        }
        // People and organisations may have new names: speakers are resolved through them.
        speakers::attribute(&a.body, &mut e.quotes, &e.people, &e.organisations);
        e.unlinked = Vec::new();
        e.works = Vec::new();
        e.pending = Vec::new();
        e.not_orgs = Vec::new();
    });
}

/// In a corpus this large, a name made of everyday words and a head ("Riot Police", "Sloth
/// Network") that one article alone lists is a phrase in capitals more often than a name.
const GENERIC_CORPUS: usize = 100;

/// Organisations named only with everyday words and a head, listed by a single article of a
/// large corpus.
fn generic_orgs(articles: &[Article]) -> FxHashSet<Arc<str>> {
    if articles.len() < GENERIC_CORPUS {
        return FxHashSet::default();
    }
    let mut listed: FxHashMap<&Arc<str>, u32> = FxHashMap::default();
    for o in articles.iter().flat_map(|a| &a.entities.organisations) {
        *listed.entry(&o.name).or_default() += 1;
    }
    let everyday = |w: &str| {
        matches!(w, "of" | "for" | "and" | "&" | "the") || kinds(w).has(Kinds::EVERYDAY.or(Kinds::STOPWORD))
    };
    listed
        .into_iter()
        .filter(|(name, n)| {
            *n == 1 && name.contains(' ') && {
                let words: Vec<&str> = name.split(' ').collect();
                words[..words.len() - 1].iter().all(|w| everyday(w))
            }
        })
        .map(|(name, _)| Arc::clone(name))
        .collect()
}

/// Acronyms that articles show to be products, indices or events ("Sony's PSP", "the FTSE
/// 100") in at least a quarter as many articles as list them as organisations: no
/// organisation anywhere.
fn not_orgs(articles: &[Article]) -> FxHashSet<Arc<str>> {
    let mut shown: FxHashMap<&Arc<str>, u32> = FxHashMap::default();
    for name in articles.iter().flat_map(|a| &a.entities.not_orgs) {
        *shown.entry(name).or_default() += 1;
    }
    if shown.is_empty() {
        return FxHashSet::default();
    }
    let mut listed: FxHashMap<&str, u32> = FxHashMap::default();
    for o in articles.iter().flat_map(|a| &a.entities.organisations) {
        if shown.contains_key(&o.name) {
            *listed.entry(&o.name).or_default() += 1;
        }
    }
    shown
        .into_iter()
        .filter(|(name, n)| {
            WORK_SHARE * f64::from(listed.get(&***name).copied().unwrap_or(0)) <= f64::from(*n)
        })
        .map(|(name, _)| Arc::clone(name))
        .collect()
}

/// Short names the corpus settles: an acronym that stands for one full name wherever an
/// article spells it out ("BMA" -> "British Medical Association", when at least four in five
/// articles that spell it out give that name), and a name that a head word completes in more
/// articles ("Labour" -> "Labour Party", "Conservative" -> "Conservative Party").
fn acronyms(articles: &[Article]) -> FxHashMap<Arc<str>, Arc<str>> {
    let mut spelled: FxHashMap<&Arc<str>, FxHashMap<&Arc<str>, u32>> = FxHashMap::default();
    let mut listed: FxHashMap<&str, (&Arc<str>, u32)> = FxHashMap::default();
    for o in articles.iter().flat_map(|a| &a.entities.organisations) {
        listed.entry(&o.name).or_insert((&o.name, 0)).1 += 1;
        for alias in &o.aliases {
            *spelled.entry(alias).or_default().entry(&o.name).or_default() += 1;
        }
    }
    let mut out: FxHashMap<Arc<str>, Arc<str>> = FxHashMap::default();
    for (short, fulls) in spelled {
        let total: u32 = fulls.values().sum();
        let best = fulls.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)));
        if let Some((full, n)) = best
            && f64::from(n) >= ACRONYM_SHARE * f64::from(total)
        {
            out.insert(Arc::clone(short), Arc::clone(full));
        }
    }
    for &(name, n) in listed.values() {
        let Some((short, head)) = name.rsplit_once(' ') else { continue };
        if !ORG_COMPLETERS.contains(&head) {
            continue;
        }
        let Some(&(short, m)) = listed.get(short) else { continue };
        if n >= m && !out.contains_key(short) {
            out.insert(Arc::clone(short), Arc::clone(name));
        }
    }
    out
}

/// The share of the articles spelling an acronym out that must agree on its full name.
const ACRONYM_SHARE: f64 = 0.8;
/// Head words that complete a short name of the same organisation ("Labour Party").
const ORG_COMPLETERS: [&str; 6] = ["Party", "Union", "Council", "Group", "plc", "Ltd"];

/// An article writing only "the BMA" lists the organisation under the name the corpus gives it.
fn expand_acronyms(orgs: &mut Vec<Organisation>, acronyms: &FxHashMap<Arc<str>, Arc<str>>) {
    if acronyms.is_empty() || !orgs.iter().any(|o| acronyms.contains_key(&o.name)) {
        return;
    }
    let mut i = 0;
    while i < orgs.len() {
        let Some(full) = acronyms.get(&orgs[i].name) else {
            i += 1;
            continue;
        };
        let short = orgs.remove(i);
        let forms = short.aliases.into_iter().chain([short.name]);
        match orgs.iter_mut().find(|o| o.name == *full) {
            Some(o) => {
                o.spans.extend(short.spans);
                o.spans.sort_unstable();
                for form in forms {
                    if !o.aliases.contains(&form) {
                        o.aliases.push(form);
                    }
                }
            }
            None => {
                let aliases = forms.collect();
                orgs.insert(i, Organisation { name: Arc::clone(full), aliases, spans: short.spans });
                i += 1;
            }
        }
    }
    orgs.sort_by_key(|o| std::cmp::Reverse(o.spans.len()));
}

/// A person in this many articles of the corpus is a person wherever their full name is
/// written, cue or no cue.
const VOUCHED_IN: u32 = 3;

/// Names the corpus vouches for as people: listed as a person in at least `VOUCHED_IN`
/// articles, and in more articles than leave them unvouched ("Deutsche Boerse", a person in
/// three articles by mistake and unvouched in seven, is not spread further).
fn vouched(articles: &[Article], known: &FxHashMap<Arc<str>, u32>) -> FxHashMap<Arc<str>, u32> {
    let candidates: FxHashMap<&str, u32> = known
        .iter()
        .filter(|(name, n)| **n >= VOUCHED_IN && name.contains(' ') && !titled(name))
        .map(|(name, _)| (&**name, 0))
        .collect();
    let mut unvouched = candidates;
    for a in articles {
        let mut seen: SmallVec<[&str; 8]> = SmallVec::new();
        for name in a.entities.pending.iter().filter_map(|s| a.body.get(s.range())) {
            if let Some(n) = unvouched.get_mut(name)
                && !seen.contains(&name)
            {
                seen.push(name);
                *n += 1;
            }
        }
    }
    known
        .iter()
        .filter(|(name, n)| unvouched.get(&***name).is_some_and(|u| u < *n))
        .map(|(name, n)| (Arc::clone(name), *n))
        .collect()
}

/// "Cate Blanchett triumphed": nothing in this article says she is a person, but the corpus
/// has said so often enough.
fn vouch_pending(body: &str, people: &mut Vec<Person>, pending: &[Span], known: &FxHashMap<Arc<str>, u32>) {
    let mut names: Vec<(&str, Span)> =
        pending.iter().filter_map(|s| body.get(s.range()).map(|w| (w, *s))).collect();
    if names.is_empty() {
        return;
    }
    names.sort_unstable();
    let before = people.len();
    for group in names.chunk_by(|a, b| a.0 == b.0) {
        let Some((name, &n)) = known.get_key_value(group[0].0) else { continue };
        if n < VOUCHED_IN || people.iter().any(|p| p.name == *name) {
            continue;
        }
        let spans: Spans = group.iter().map(|(_, s)| *s).collect();
        people.push(Person { name: Arc::clone(name), aliases: Vec::new(), spans, linked: false });
    }
    if people.len() > before {
        people.sort_by_key(|p| std::cmp::Reverse(p.spans.len()));
    }
}

/// What the corpus knows, for resolving one article.
struct Corpus<'a> {
    plurals: &'a FxHashMap<Arc<str>, Arc<str>>,
    dominant: &'a FxHashMap<Arc<str>, Bearers>,
    company: &'a FxHashMap<Arc<str>, FxHashSet<Arc<str>>>,
    one_names: &'a FxHashSet<Arc<str>>,
}

/// A one-name person is spread to articles that write the name bare only while those are at
/// most this many times the articles that introduce it: one slip ("director Sony") must not
/// make a firm a person in a hundred articles.
const SPREAD_AT_MOST: u32 = 4;

/// People known by one name ("Madonna", "Usher", "Mido"): listed under that name alone in some
/// article, where a cue introduced them, and not better known as part of a full name: no
/// person whose full name ends or opens with the word is in as many articles. A name that is
/// also a given name or an everyday word ("Usher", "Prince") must have been introduced in
/// three articles or more; a place, an organisation's word or a month never spreads.
fn one_names(articles: &[Article], known: &FxHashMap<Arc<str>, u32>) -> FxHashSet<Arc<str>> {
    // A word that is also an everyday word, a place or a month is a person only where a cue
    // says so; a given name needs more than a slip or two to be one person corpus-wide.
    const ONLY_WITH_A_CUE: Kinds =
        Kinds::PLACE.or(Kinds::TOWN).or(Kinds::CITY).or(Kinds::NOT_NAME).or(Kinds::MONTH);
    let mut candidates: FxHashMap<&str, u32> = known
        .iter()
        .filter(|(name, n)| {
            let k = kinds(name);
            !name.contains(' ')
                && !name.starts_with(|c: char| c.is_ascii_digit())
                && !k.has(ONLY_WITH_A_CUE)
                && (**n >= VOUCHED_IN || !k.has(Kinds::ANY_GIVEN.or(Kinds::EVERYDAY)))
        })
        .map(|(name, &n)| (&**name, n))
        .collect();
    if candidates.is_empty() {
        return FxHashSet::default();
    }
    for (name, &n) in known.iter().filter(|(name, _)| name.contains(' ')) {
        for word in [name.split(' ').next(), name.rsplit(' ').next()].into_iter().flatten() {
            if candidates.get(word).is_some_and(|&m| n >= m) {
                candidates.remove(word);
            }
        }
    }
    // In how many articles each is written bare, waiting for the corpus.
    let mut bare: FxHashMap<&str, u32> = FxHashMap::default();
    for a in articles {
        let mut seen: SmallVec<[&str; 8]> = SmallVec::new();
        for w in a.entities.unlinked.iter().filter_map(|s| a.body.get(s.range())) {
            if candidates.contains_key(w) && !seen.contains(&w) {
                seen.push(w);
                *bare.entry(w).or_default() += 1;
            }
        }
    }
    known
        .keys()
        .filter(|name| {
            candidates
                .get(&***name)
                .is_some_and(|&n| bare.get(&***name).copied().unwrap_or(0) <= SPREAD_AT_MOST * n)
        })
        .cloned()
        .collect()
}

/// The other names an article carries: its people and hashtags. Handles are left out: in a
/// retweet they name whoever is retweeted, not what the tweet is about.
struct Context(Vec<Arc<str>>);

/// Below this many words a text (a tweet, a caption) says too little about its subject to
/// judge a link by the company it keeps.
const CONTEXT_WORDS: usize = 100;

impl Context {
    fn of(e: &crate::corpus::Entities) -> Context {
        let people = e.people.iter().map(|p| &p.name);
        Context(people.chain(e.hashtags.iter().map(|h| &h.tag)).cloned().collect())
    }

    /// The context of an article long enough to have one; none for a short text.
    fn of_article(a: &Article) -> Context {
        if a.words < CONTEXT_WORDS { Context(Vec::new()) } else { Context::of(&a.entities) }
    }
}

/// The company each dominant person keeps: every other person and hashtag of the articles
/// that write their full name. A bare "Moody" in a piece on credit ratings shares
/// nothing with the rugby reports that name Lewis Moody, and is left alone.
fn company(
    articles: &[Article],
    dominant: &FxHashMap<Arc<str>, Bearers>,
) -> FxHashMap<Arc<str>, FxHashSet<Arc<str>>> {
    // Only the people some long article may be linked to need their company known.
    let wanted: FxHashSet<&Arc<str>> = articles
        .par_iter()
        .filter(|a| a.words >= CONTEXT_WORDS)
        .flat_map_iter(|a| {
            let bare = a.entities.unlinked.iter().filter_map(|s| a.body.get(s.range()));
            // One-word people a cue introduced ("striker Ronaldo") may be linked too.
            let alone = a.entities.people.iter().map(|p| &*p.name).filter(|n| !n.contains(' '));
            bare.chain(alone).filter_map(|w| dominant.get(w)?.anyone.as_ref())
        })
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    let mut out: FxHashMap<Arc<str>, FxHashSet<Arc<str>>> = FxHashMap::default();
    if wanted.is_empty() {
        return out;
    }
    for a in articles {
        let e = &a.entities;
        for p in e.people.iter().filter(|p| wanted.contains(&p.name)) {
            let company = out.entry(Arc::clone(&p.name)).or_default();
            let others = e.people.iter().map(|o| &o.name).filter(|n| **n != p.name);
            for n in others.chain(e.hashtags.iter().map(|h| &h.tag)) {
                if !company.contains(n) {
                    company.insert(Arc::clone(n));
                }
            }
        }
    }
    out
}

/// Names the corpus shows to be works, bands or firms: "the Harry Potter films" in some
/// articles makes "Harry Potter" a title in all of them. One stray cue among many articles
/// that speak of a person ("thoughts on Donald Trump are") does not.
fn works(articles: &[Article], known: &FxHashMap<Arc<str>, u32>) -> FxHashSet<String> {
    let mut marked: FxHashMap<&str, u32> = FxHashMap::default();
    for a in articles {
        let mut seen = FxHashSet::default();
        for w in a.entities.works.iter().filter_map(|s| a.body.get(s.range())) {
            if seen.insert(w) {
                *marked.entry(w).or_default() += 1;
            }
        }
    }
    marked
        .into_iter()
        .filter(|&(name, n)| {
            let as_person = known.get(name).copied().unwrap_or(0);
            n >= MIN_ARTICLES.min(as_person.max(1)) && WORK_SHARE * f64::from(as_person) <= f64::from(n)
        })
        .map(|(name, _)| name.to_string())
        .collect()
}

/// Each distinct name with the number of articles that list it.
fn tally(articles: &[Article]) -> FxHashMap<Arc<str>, u32> {
    let mut known: FxHashMap<Arc<str>, u32> = FxHashMap::default();
    for p in articles.iter().flat_map(|a| &a.entities.people) {
        *known.entry(Arc::clone(&p.name)).or_default() += 1;
    }
    known
}

/// "Donald Trumps" -> "Donald Trump", where the corpus lists the singular at least as often.
fn plurals(known: &FxHashMap<Arc<str>, u32>) -> FxHashMap<Arc<str>, Arc<str>> {
    let mut out = FxHashMap::default();
    for (name, &n) in known {
        let Some(singular) = name.strip_suffix('s') else { continue };
        if !name.contains(' ') || singular.ends_with('s') {
            continue;
        }
        if let Some((full, &m)) = known.get_key_value(singular)
            && m >= n
        {
            out.insert(Arc::clone(name), Arc::clone(full));
        }
    }
    out
}

/// A title that opens a name ("Prince Charles", "Mr Hunt" as a name of its own).
fn titled(name: &str) -> bool {
    name.split(' ').next().is_some_and(|w| kinds(w).has(Kinds::HONORIFIC))
}

/// Opens with a given name, an initial, or at least a word that can be nothing else ("Barack"
/// is in no list, but neither is it a word, a place or a nationality).
fn opens_with_given_name(name: &str) -> bool {
    const NOT_GIVEN: Kinds = Kinds::EVERYDAY
        .or(Kinds::NOT_NAME)
        .or(Kinds::PLACE)
        .or(Kinds::TOWN)
        .or(Kinds::NATIONALITY)
        .or(Kinds::STOPWORD)
        .or(Kinds::ROLE);
    let first = name.split([' ', '-']).next().unwrap_or("");
    let k = kinds(first);
    first.chars().count() == 1 || k.has(Kinds::ANY_GIVEN) || !k.has(NOT_GIVEN)
}

/// Two full names that may be one person: the same first name, or an initial for it
/// ("Donald J Trump", "D Trump", "Donald Trump").
fn compatible(a: &str, b: &str) -> bool {
    let (fa, fb) = (a.split(' ').next().unwrap_or(""), b.split(' ').next().unwrap_or(""));
    let initial = |short: &str, long: &str| short.chars().count() == 1 && long.starts_with(short);
    fa == fb || initial(fa, fb) || initial(fb, fa)
}

/// Who a surname stands for: whoever bears it, or, after "Mr" or "Mrs", the men or the women
/// who do ("Mr Blair" is not Cherie Blair, whoever else "Blair" may be).
#[derive(Debug, Default)]
struct Bearers {
    anyone: Option<Arc<str>>,
    man: Option<Arc<str>>,
    woman: Option<Arc<str>>,
}

impl Bearers {
    /// The bearer a short form stands for: its title's sex decides whom it may be.
    fn of(&self, title: Option<&str>) -> Option<&Arc<str>> {
        let k = title.map(kinds).unwrap_or_default();
        if k.has(Kinds::MALE) {
            self.man.as_ref()
        } else if k.has(Kinds::FEMALE) {
            self.woman.as_ref()
        } else {
            self.anyone.as_ref()
        }
    }
}

/// The one person who dominates a surname among `people` (most articles first), if any.
fn dominant(people: &[(&Arc<str>, u32)], opens: u32) -> Option<Arc<str>> {
    let (top, top_n) = *people.first()?;
    let others: Vec<u32> = people[1..].iter().filter(|(p, _)| !compatible(top, p)).map(|(_, n)| *n).collect();
    // Another person of this surname in two articles is a person, not a slip: never guess
    // between them. Single stray mentions are tolerated while they stay few.
    let shared = others.iter().any(|&n| n >= MIN_ARTICLES);
    let stray: u32 = others.iter().sum();
    let mostly_given = opens >= top_n;
    (top_n >= MIN_ARTICLES
        && !shared
        && !mostly_given
        && f64::from(stray) <= OTHERS_AT_MOST * f64::from(top_n))
    .then(|| Arc::clone(top))
}

/// Surname -> who it stands for, for every surname one person dominates.
fn dominant_surnames(
    known: &FxHashMap<Arc<str>, u32>,
    plurals: &FxHashMap<Arc<str>, Arc<str>>,
) -> FxHashMap<Arc<str>, Bearers> {
    let mut by_surname: FxHashMap<&str, Vec<(&Arc<str>, u32)>> = FxHashMap::default();
    for (name, &n) in known.iter().filter(|(name, _)| !plurals.contains_key(*name)) {
        // Only a name that opens with a given name or an initial can lend its surname: not a
        // title ("Prince Charles"), nor a run that merely looks like a name ("Irish Lions").
        if titled(name) || !opens_with_given_name(name) {
            continue;
        }
        if let Some((_, last)) = name.rsplit_once(' ') {
            by_surname.entry(last).or_default().push((name, n));
        }
    }
    // How often each word opens a full name: "Charles" opens far more names (Charles Kennedy,
    // Charles Clarke) than it ends (Ray Charles), so a lone "Charles" is nobody's surname.
    let mut opens: FxHashMap<&str, u32> = FxHashMap::default();
    for (name, &n) in known {
        if let Some((first, _)) = name.split_once(' ') {
            *opens.entry(first).or_default() += n;
        }
    }
    let mut out = FxHashMap::default();
    for (surname, mut people) in by_surname {
        // Most articles first; ties by name, so that nothing depends on hash order.
        people.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let opens = opens.get(surname).copied().unwrap_or(0);
        let of_sex = |sex: Kinds| -> Vec<(&Arc<str>, u32)> {
            people
                .iter()
                .filter(|(p, _)| !kinds(p.split(' ').next().unwrap_or("")).has(sex))
                .copied()
                .collect()
        };
        let bearers = Bearers {
            anyone: dominant(&people, opens),
            man: dominant(&of_sex(Kinds::FEMALE), opens),
            woman: dominant(&of_sex(Kinds::MALE), opens),
        };
        if bearers.anyone.is_some() || bearers.man.is_some() || bearers.woman.is_some() {
            out.insert(Arc::from(surname), bearers);
        }
    }
    out
}

fn resolve_article(
    body: &str,
    people: &mut Vec<Person>,
    unlinked: &[Span],
    context: &Context,
    corpus: &Corpus,
) {
    let (plurals, dominant) = (corpus.plurals, corpus.dominant);
    let mut changed = false;
    // Plurals and possessives written without an apostrophe.
    let mut i = 0;
    while i < people.len() {
        match plurals.get(&people[i].name) {
            Some(full) => {
                let full = Arc::clone(full);
                let short = people.remove(i);
                merge_into(people, &full, short, false);
                changed = true;
            }
            None => i += 1,
        }
    }
    // A titled surname the article left alone: "Mr Hunt" with no "Jeremy Hunt" in it. Titles
    // that make a name ("Lord Falconer") are left as they are.
    let mut i = 0;
    while i < people.len() {
        let lone = match people[i].name.split_once(' ') {
            Some((title, surname)) if !surname.contains(' ') => {
                let k = kinds(title);
                (k.has(Kinds::HONORIFIC) && !k.has(Kinds::NAMING_TITLE)).then_some((title, surname))
            }
            _ => None,
        };
        match lone.and_then(|(title, surname)| dominant.get(surname)?.of(Some(title))) {
            Some(full) => {
                let full = Arc::clone(full);
                let short = people.remove(i);
                merge_into(people, &full, short, true);
                changed = true;
            }
            None => i += 1,
        }
    }
    // An article that names others must share some of the company the person keeps
    // elsewhere; a short text, or one that names nobody else, has only the surname to go by.
    let keeps_company = |full: &Arc<str>| {
        context.0.is_empty()
            || corpus.company.get(full).is_some_and(|c| context.0.iter().any(|n| c.contains(n)))
    };
    // A one-word person a cue introduced ("striker Ronaldo", "Kasich says he"): the full name
    // the corpus knows for the word, on the terms a bare surname gets.
    let mut i = 0;
    while i < people.len() {
        let name = &people[i].name;
        let full = (!name.contains(' '))
            .then(|| dominant.get(&**name)?.of(None))
            .flatten()
            .filter(|full| keeps_company(full) && !people.iter().any(|p| &p.name == *full));
        match full {
            Some(full) => {
                let full = Arc::clone(full);
                let short = people.remove(i);
                merge_into(people, &full, short, true);
                changed = true;
            }
            None => i += 1,
        }
    }
    // Bare surnames: "Trump" in a tweet that never says "Donald".
    let mut words: Vec<(&str, Span)> =
        unlinked.iter().filter_map(|s| body.get(s.range()).map(|w| (w, *s))).collect();
    words.sort_unstable();
    for group in words.chunk_by(|a, b| a.0 == b.0) {
        let word = group[0].0;
        let Some((surname, full)) = dominant.get_key_value(word).and_then(|(s, b)| Some((s, b.of(None)?)))
        else {
            // "Madonna", named bare here and introduced as a singer elsewhere.
            if let Some(name) = corpus.one_names.get(word)
                && !people.iter().any(|p| p.name.split(' ').any(|w| w == word))
            {
                let spans: Spans = group.iter().map(|(_, s)| *s).collect();
                people.push(Person { name: Arc::clone(name), aliases: Vec::new(), spans, linked: true });
                changed = true;
            }
            continue;
        };
        // Someone in the article already bears this name: it is theirs, or it is a guess.
        if people.iter().any(|p| p.name.split(' ').any(|w| w == word)) {
            continue;
        }
        if !keeps_company(full) {
            continue;
        }
        let spans: Spans = group.iter().map(|(_, s)| *s).collect();
        people.push(Person {
            name: Arc::clone(full),
            aliases: vec![Arc::clone(surname)],
            spans,
            linked: true,
        });
        changed = true;
    }
    if changed {
        // Most mentioned first, as extraction lists them.
        people.sort_by_key(|p| std::cmp::Reverse(p.spans.len()));
    }
}

/// Fold `short` into the person named `full`, adding that person if the article lacks them.
fn merge_into(people: &mut Vec<Person>, full: &Arc<str>, short: Person, linked: bool) {
    let forms = short.aliases.into_iter().chain([short.name]);
    match people.iter_mut().find(|p| &p.name == full) {
        Some(p) => {
            p.spans.extend(short.spans);
            p.spans.sort_unstable();
            for form in forms {
                if form != *full && !p.aliases.contains(&form) {
                    p.aliases.push(form);
                }
            }
        }
        None => {
            let aliases = forms.filter(|f| f != full).collect();
            people.push(Person { name: Arc::clone(full), aliases, spans: short.spans, linked });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    fn corpus(texts: &[&str]) -> Corpus {
        let articles = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::parse(format!("a{i}"), format!("a{i}.txt"), t))
            .collect();
        Corpus::from_articles(articles)
    }

    fn people(c: &Corpus, i: usize) -> Vec<(String, bool)> {
        c.articles[i].entities.people.iter().map(|p| (p.name.to_string(), p.linked)).collect()
    }

    #[test]
    fn a_titled_name_never_joins_another_given_name() {
        let c = corpus(&[
            "Music\n\nSinger Ray Charles said he would tour. Ray Charles died later.",
            "Royals\n\nThe speech by Prince Charles was praised. Prince Charles said so.",
            "Lords\n\nLord Browne spoke. Defence Secretary Des Browne said no.",
            "Peers\n\nLord Browne told the BBC he agreed.",
        ]);
        assert_eq!(people(&c, 1), [("Prince Charles".to_string(), false)]);
        assert_eq!(people(&c, 3), [("Lord Browne".to_string(), false)]);
    }

    #[test]
    fn a_one_name_person_is_a_person_across_the_corpus() {
        let c = corpus(&[
            "Goal\n\nBarcelona striker Ronaldinho scored again.",
            "Rested\n\nTonight Ronaldinho was rested by the coach.",
        ]);
        assert_eq!(people(&c, 1), [("Ronaldinho".to_string(), true)]);
        // An everyday word ("Usher") needs three articles that introduce it.
        let mut texts = vec!["Charts\n\nThe R&B singer Usher topped the chart again."; 2];
        texts.push("Awards\n\nTonight Usher won again.");
        let c = corpus(&texts);
        assert!(people(&c, 2).is_empty(), "{:?}", people(&c, 2));
        let mut texts = vec!["Charts\n\nThe R&B singer Usher topped the chart again."; 3];
        texts.push("Awards\n\nTonight Usher won again.");
        let c = corpus(&texts);
        assert_eq!(people(&c, 3), [("Usher".to_string(), true)]);
        // A word better known as part of a full name is not spread: "striker Ronaldo" once, and
        // Cristiano Ronaldo in two articles.
        let c = corpus(&[
            "Goal\n\nBrazil striker Ronaldo scored.",
            "United\n\nCristiano Ronaldo crossed for Rooney. Ronaldo ran on. #mufc",
            "United\n\nCristiano Ronaldo scored again. #mufc",
            "Derby\n\nIt was Ronaldo who scored. #mufc",
        ]);
        assert_eq!(people(&c, 3), [("Cristiano Ronaldo".to_string(), true)]);
    }

    #[test]
    fn a_bare_surname_links_to_the_one_dominant_person() {
        let mut texts = vec!["Debate\n\nDonald Trump said he would win. #GOPDebate"; 3];
        texts.push("Debate\n\nTrump was loud tonight. #GOPDebate");
        // Nothing in common with the articles that name him: not linked.
        let long =
            format!("Cards\n\nJohn Smith said Trump was the card he played. {}", "He played on. ".repeat(40));
        texts.push(&long);
        let c = corpus(&texts);
        let last = &c.articles[3].entities.people;
        assert_eq!(last.len(), 1, "{last:?}");
        assert_eq!(&*last[0].name, "Donald Trump");
        assert!(last[0].linked);
        assert_eq!(last[0].aliases.iter().map(|a| a.to_string()).collect::<Vec<_>>(), ["Trump"]);
        assert_eq!(people(&c, 4), [("John Smith".to_string(), false)]);
    }

    #[test]
    fn a_shared_surname_stays_unlinked() {
        let c = corpus(&[
            "One\n\nJeb Bush said hello.",
            "Two\n\nJeb Bush said goodbye.",
            "Three\n\nGeorge W Bush said nothing.",
            "Four\n\nGeorge W Bush said more.",
            "Five\n\nBush was there.",
        ]);
        assert!(people(&c, 4).is_empty(), "{:?}", people(&c, 4));
    }

    #[test]
    fn titled_names_and_places_never_take_another_name() {
        let c = corpus(&[
            "Toys\n\nFather Christmas visited the children.",
            "Cards\n\nMerry Christmas said the card. Merry Christmas told us.",
            "Film\n\nThe remake of King Kong opened. King Kong is huge.",
            "Markets\n\nShares in Hong Kong fell. Hong Kong traders said so.",
        ]);
        assert!(people(&c, 0).is_empty() && people(&c, 1).is_empty(), "{:?}", people(&c, 1));
        assert_eq!(people(&c, 2), [("King Kong".to_string(), false)]);
        assert!(people(&c, 3).is_empty(), "{:?}", people(&c, 3));
    }

    #[test]
    fn mr_and_mrs_link_only_to_someone_of_their_sex() {
        let c = corpus(&[
            "One\n\nTony Blair said yes.",
            "Two\n\nTony Blair said no.",
            "Three\n\nCherie Blair said maybe.",
            "Four\n\nMr Blair said it again.",
            "Five\n\nMrs Blair said it again.",
        ]);
        // Tony and Cherie both bear the name: "Mr Blair" can only be Tony, "Mrs Blair" only
        // Cherie, and neither is a guess between two people of one sex.
        assert_eq!(people(&c, 3), [("Tony Blair".to_string(), true)]);
        assert_eq!(people(&c, 4), [("Mrs Blair".to_string(), false)]);
    }

    #[test]
    fn a_lone_first_name_is_nobody_s_surname() {
        let c = corpus(&[
            "One\n\nCharles Kennedy said yes.",
            "Two\n\nCharles Clarke said no.",
            "Three\n\nCharles Clarke said so.",
            "Four\n\nSinger Ray Charles said so.",
            "Five\n\nSinger Ray Charles said it.",
            "Six\n\nCharles was in Wales.",
        ]);
        assert!(people(&c, 5).is_empty(), "{:?}", people(&c, 5));
    }

    #[test]
    fn a_name_shown_to_be_a_work_is_not_a_person_anywhere() {
        let c = corpus(&[
            "One\n\nThe Harry Potter films made millions.",
            "Two\n\nHarry Potter said nothing, being fictional.",
        ]);
        assert!(people(&c, 1).is_empty(), "{:?}", people(&c, 1));
    }

    #[test]
    fn a_name_the_corpus_vouches_for_is_a_person_without_a_cue() {
        let mut texts = vec!["Awards\n\nActress Cate Blanchett won again."; 3];
        texts.push("Bets\n\nBookmakers predict Cate Blanchett will be named best actress.");
        texts.push("Bets\n\nBookmakers predict Zed Quorn will be named best actor.");
        let c = corpus(&texts);
        assert_eq!(people(&c, 3), [("Cate Blanchett".to_string(), false)]);
        assert!(people(&c, 4).is_empty(), "{:?}", people(&c, 4));
    }

    #[test]
    fn a_plural_joins_the_person_it_extends() {
        let c = corpus(&[
            "One\n\nDonald Trump said hello.",
            "Two\n\nDonald Trump said goodbye.",
            "Three\n\nWe saw Donald Trumps hair. Donald Trumps hair was big.",
        ]);
        assert_eq!(people(&c, 2), [("Donald Trump".to_string(), false)]);
    }

    #[test]
    fn resolving_twice_changes_nothing() {
        let mut c = corpus(&["A\n\nDonald Trump said so.", "B\n\nDonald Trump said it.", "C\n\nTrump won."]);
        let before: Vec<_> = c.articles.iter().map(|a| a.entities.clone()).collect();
        c.finish();
        let after: Vec<_> = c.articles.iter().map(|a| a.entities.clone()).collect();
        assert_eq!(after, before);
    }
}
