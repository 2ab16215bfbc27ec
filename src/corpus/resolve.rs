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

use super::article::Article;
use super::extract::lexicon::{Kinds, kinds};
use super::extract::{Person, Span, Spans};

/// A surname is linked only when the other people who bear it, each in a single article, add
/// up to at most this share of the articles that mention the dominant one.
const OTHERS_AT_MOST: f64 = 0.1;
/// Nor on the strength of a single article; and another bearer in this many articles makes
/// the surname shared.
const MIN_ARTICLES: u32 = 2;

/// Resolve people across the corpus. Safe to call again: a second call finds nothing to do.
pub fn resolve(articles: &mut [Article]) {
    let works = works(articles);
    if !works.is_empty() {
        articles.par_iter_mut().for_each(|a| a.entities.people.retain(|p| !works.contains(&*p.name)));
    }
    let known = tally(articles);
    let plurals = plurals(&known);
    let dominant = dominant_surnames(&known, &plurals);
    articles.par_iter_mut().for_each(|a| {
        let e = &mut a.entities;
        resolve_article(&a.body, &mut e.people, &e.unlinked, &plurals, &dominant);
        e.unlinked = Vec::new();
        e.works = Vec::new();
    });
}

/// Names some article shows to be a work or a band: "Harry Potter films" makes every
/// "Harry Potter" a title, not a person.
fn works(articles: &[Article]) -> FxHashSet<String> {
    articles
        .iter()
        .flat_map(|a| a.entities.works.iter().filter_map(|s| a.body.get(s.range())))
        .map(str::to_string)
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
    (top_n >= MIN_ARTICLES && !shared && !mostly_given && f64::from(stray) <= OTHERS_AT_MOST * f64::from(top_n))
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
            people.iter().filter(|(p, _)| !kinds(p.split(' ').next().unwrap_or("")).has(sex)).copied().collect()
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
    plurals: &FxHashMap<Arc<str>, Arc<str>>,
    dominant: &FxHashMap<Arc<str>, Bearers>,
) {
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
    // A titled surname the article left alone: "Mr Hunt" with no "Jeremy Hunt" in it.
    let mut i = 0;
    while i < people.len() {
        let p = &people[i];
        let title = p.aliases.iter().find_map(|a| a.split_once(' ')).map(|(t, _)| t);
        let lone_titled = !p.name.contains(' ') && title.is_some();
        match dominant.get(&p.name).filter(|_| lone_titled).and_then(|b| b.of(title)) {
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
        let Some((surname, full)) =
            dominant.get_key_value(word).and_then(|(s, b)| Some((s, b.of(None)?)))
        else {
            continue;
        };
        // Someone in the article already bears this name: it is theirs, or it is a guess.
        if people.iter().any(|p| p.name.split(' ').any(|w| w == word)) {
            continue;
        }
        let spans: Spans = group.iter().map(|(_, s)| *s).collect();
        people.push(Person { name: Arc::clone(full), aliases: vec![Arc::clone(surname)], spans, linked: true });
        changed = true;
    }
    if changed {
        // Most mentioned first, as extraction lists them.
        people.sort_by(|a, b| b.spans.len().cmp(&a.spans.len()));
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
        let articles =
            texts.iter().enumerate().map(|(i, t)| Article::parse(format!("a{i}"), format!("a{i}.txt"), t)).collect();
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
    fn a_bare_surname_links_to_the_one_dominant_person() {
        let mut texts = vec!["Debate\n\nDonald Trump said he would win."; 3];
        texts.push("Debate\n\nTrump was loud tonight.");
        let c = corpus(&texts);
        let last = &c.articles[3].entities.people;
        assert_eq!(last.len(), 1, "{last:?}");
        assert_eq!(&*last[0].name, "Donald Trump");
        assert!(last[0].linked);
        assert_eq!(last[0].aliases.iter().map(|a| a.to_string()).collect::<Vec<_>>(), ["Trump"]);
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
