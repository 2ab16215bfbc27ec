//! People: runs of capitalised words read with the cues news prose gives (titles, roles, given
//! names, speech verbs, lists), then merged so that each person is listed once.

use std::sync::Arc;

use rustc_hash::FxHashSet as HashSet;
use smallvec::SmallVec;

use super::lexicon::{self, Kinds, Lower, kinds};
use super::tokens::{Gap, Kind, Token};
use super::{Person, Span, Spans};

/// Lower-case words that may stand inside a name ("Ludwig van Beethoven", "Paulo de Souza").
const PARTICLES: [&str; 14] =
    ["al", "bin", "da", "de", "del", "della", "den", "der", "di", "dos", "du", "ibn", "la", "van"];
/// Nouns right after a title that mark it as a work ("Green Wing cast", "Peep Show stars").
const WORK_AFTER: [&str; 8] = ["cast", "star", "stars", "series", "episode", "fans", "viewers", "creator"];
/// Band members after a name make it a band's ("Franz Ferdinand frontman Alex Kapranos").
const BAND_ROLES: [&str; 6] = ["frontman", "frontwoman", "guitarist", "drummer", "bassist", "keyboardist"];
/// Words before a title that make it a work wherever else it is written ("film Vera Drake").
const WORK_FOR_CORPUS_BEFORE: [&str; 14] = [
    "album", "band", "biopic", "book", "film", "movie", "musical", "novel", "opera", "series", "sitcom",
    "song", "soap", "drama",
];
/// Words after a title that do the same ("Harry Potter films", "Harry Potter star"), besides
/// band members: "films" in the plural only, since "a Martin Scorsese film" is his.
const WORK_FOR_CORPUS_AFTER: [&str; 11] = [
    "cast",
    "creator",
    "episode",
    "star",
    "films",
    "books",
    "novels",
    "movies",
    "games",
    "franchise",
    "series",
];
/// Verbs that, followed by "in" or "of", introduce a work ("starred in Miranda").
const WORK_BEFORE_IN: [&str; 6] = ["starred", "starring", "appeared", "appears", "stars", "cast"];
/// A text of this many tokens or more is prose rather than a post or a caption.
const PROSE_TOKENS: usize = 150;
/// Names longer than this many words are headings or titles, not people.
const MAX_NAME_WORDS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// Named with a cue that only people get (a title, a role, a given name, a speech verb).
    Person,
    /// Looks like a name but nothing vouches for it yet; a list with a person may.
    Pending,
    /// A single capitalised word: counted only as a short form of a person found otherwise.
    Bare,
    /// A single word after a title or role ("Mr Hunt"): a person even without a full name.
    Surname,
    /// A single word that the words around it introduce as a person ("rapper Kano", "Dido
    /// said she", "Bez, 40,"): a person by that one name when no full name in the article
    /// ends with it.
    Cued,
}

/// Token indices of one capitalised run; most runs are a word or two.
type Run = SmallVec<[usize; 4]>;
type Words<'a> = SmallVec<[&'a str; 4]>;

#[derive(Debug)]
struct Mention<'a> {
    /// Name words, title and role stripped, possessive dropped.
    words: Words<'a>,
    /// The title written before the name ("Mr"), part of the form as written.
    title: Option<&'a str>,
    span: Span,
    /// Token range of the whole capitalised run, for list look-ups.
    first_tok: usize,
    last_tok: usize,
    strength: Strength,
    work: bool,
    /// Marked as a work by a cue that holds beyond this article.
    corpus_work: bool,
    /// Right after "the", "a" or "an".
    after_article: bool,
    /// Right after a preposition: "for Vera Drake", "of the Spotless Mind" read as titles.
    after_preposition: bool,
    /// Written in lower case somewhere in the article too ("Doctors" and "doctors"): filled in
    /// for one-word mentions only.
    common: bool,
    /// The first word opens a sentence and is an everyday word, not a given name.
    opener: bool,
    /// The last word of a title in title case: "My Summer of Love", "Shakespeare in Love".
    in_title: bool,
    /// A one-word name that may stand alone as a person's when a cue says so: not a place, a
    /// month, an organisation's word or an everyday word ("Kano", "Madonna", not "Chelsea").
    one_name: bool,
    /// A nickname written inside the name: "Ahmed 'Mido' Hossam".
    nickname: Option<&'a str>,
}

fn is_honorific(word: &str) -> bool {
    kinds(word).has(Kinds::HONORIFIC)
}

fn is_role(word: &str) -> bool {
    kinds(word).has(Kinds::ROLE)
}

/// Neither a month, a weekday nor an everyday word: what a one-word run must not be.
fn is_opener(k: Kinds) -> bool {
    k.has(Kinds::STOPWORD) || k.has(Kinds::WEEKDAY) || k.has(Kinds::MONTH)
}

/// A given name: for a hyphenated one, its first part ("Jean-Paul").
fn is_given_name(word: &str) -> bool {
    kinds(word.split('-').next().unwrap_or(word)).has(Kinds::GIVEN)
}

/// A word that can be part of a name: capitalised, and not an acronym ("NHS", "BMA").
fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let has_lower = word.chars().any(char::is_lowercase);
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    // Every part of a hyphenated name is capitalised ("Barnham-Brown", "Jay-Jay"); a part in
    // lower case makes a compound ("Ireland-based", "Final-year").
    let compound = word.split('-').skip(1).any(|part| part.starts_with(char::is_lowercase));
    // "Doesn't", "We're": a contraction is no part of a name.
    let contraction = ["n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'m", "’m"]
        .iter()
        .any(|c| word.ends_with(c));
    // "MPs", "CEOs": an acronym's plural.
    let acronyms = word.strip_suffix('s').is_some_and(|w| w.len() > 1 && w.chars().all(|c| c.is_uppercase()));
    !has_digit && !compound && !contraction && !acronyms && (letters == 1 || has_lower) && !glued(word)
}

/// Two words written as one, as in hashtags and handles ("BobbyJindal"): a capital after a
/// lower-case letter, other than after the prefixes names have ("McDonald", "DiCaprio",
/// "MacLeod", "LeBron", "DeShawn", "VanDyke").
fn glued(word: &str) -> bool {
    const PREFIXES: [&str; 8] = ["Mc", "Mac", "Di", "De", "Le", "La", "Van", "Von"];
    let b = word.as_bytes();
    (1..b.len()).any(|i| {
        b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase() && !PREFIXES.contains(&&word[..i])
    })
}

/// Ends like an English plural ("Keoghs"), not like a name that ends in s: "Jones", "Hughes",
/// "Davis", or a given name made a surname ("Williams", "Roberts"). Asked only where a plural
/// is expected.
fn is_plural(word: &str) -> bool {
    let Some(singular) = word.strip_suffix('s') else { return false };
    singular.len() > 2 && !singular.ends_with(['s', 'e', 'i', 'u']) && !kinds(singular).has(Kinds::ANY_GIVEN)
}

/// Whether the run at `idx` ends a title in title case: "of" or "in" between it and a
/// capitalised word ("My Summer of Love", "Shakespeare in Love"), or another small word after
/// an everyday word in title case ("Breakfast with Frost"). After a name or a sentence's first
/// word they join names ("Megyn Kelly on Trump", "Waiting for Trump").
fn in_title_phrase(body: &str, tokens: &[Token], idx: usize) -> bool {
    let word = |i: usize| tokens.get(i).filter(|t| t.kind == Kind::Word && t.gap != Gap::Line);
    let (Some(small), Some(before)) = (idx.checked_sub(1).and_then(word), idx.checked_sub(2).and_then(word))
    else {
        return false;
    };
    let small = small.text(body);
    if tokens[idx].gap == Gap::Line || !before.text(body).starts_with(char::is_uppercase) {
        return false;
    }
    // "Breakfast with Frost": after an everyday word in title case mid-sentence, other small
    // words make a title too.
    matches!(small, "of" | "in")
        || (matches!(small, "with" | "for" | "on" | "at" | "and" | "the" | "to" | "from")
            && kinds(before.text(body)).has(Kinds::EVERYDAY)
            && !sentence_start(body, tokens, idx - 2))
}

/// Whether the token opens a sentence: the first of its line, or after a full stop, a colon,
/// a question or exclamation mark, or an opening quote or bracket.
fn sentence_start(body: &str, tokens: &[Token], idx: usize) -> bool {
    let Some(prev) = idx.checked_sub(1).and_then(|i| tokens.get(i)) else { return true };
    tokens[idx].gap == Gap::Line
        || (prev.kind == Kind::Sym
            && matches!(
                prev.text(body),
                "." | "!" | "?" | ":" | ";" | "\"" | "“" | "‘" | "'" | "(" | "-" | "–" | "—"
            ))
}

fn ends_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

fn is_sym(body: &str, t: &Token, s: &str) -> bool {
    t.kind == Kind::Sym && t.text(body) == s
}

/// Particles that may open a surname written without the given name: "de Villepin", "van
/// Nistelrooy", "bin Laden".
const SURNAME_PARTICLES: [&str; 15] =
    ["bin", "da", "de", "del", "della", "den", "der", "di", "dos", "du", "ibn", "ten", "ter", "van", "von"];

/// Whether a word is a particle of a name, in either case ("van", "Van").
fn is_particle(word: &str) -> bool {
    word.len() <= 5 && SURNAME_PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(word))
}

/// Two capital letters standing for given names: "JK Rowling", "PJ Harvey".
fn is_initials(word: &str) -> bool {
    word.len() == 2 && word.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_open_quote(s: &str) -> bool {
    matches!(s, "'" | "‘" | "\"" | "“")
}

fn is_close_quote(s: &str) -> bool {
    matches!(s, "'" | "’" | "\"" | "”")
}

/// One run of name words: token indices, and a nickname written inside it ("Ahmed 'Mido'
/// Hossam") as the token of the nickname.
struct NameRun {
    tokens: Run,
    nickname: Option<usize>,
    /// Written as only a person's name is: a nickname inside it, a given name in brackets.
    shaped: bool,
}

/// Where a run may open besides a capitalised word: a lower-case particle before one ("de
/// Villepin"), initials ("JK Rowling"), or a number that an occupation introduces as a name
/// ("rapper 50 Cent").
fn opens_run(body: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let next_is_name = || {
        tokens
            .get(i + 1)
            .is_some_and(|n| n.kind == Kind::Word && n.gap == Gap::Space && is_name_word(n.text(body)))
    };
    match t.kind {
        Kind::Word => {
            let w = t.text(body);
            // Most words are neither: settle them before looking at the next one.
            let particle = w.len() <= 5 && SURNAME_PARTICLES.contains(&w);
            if !(particle || is_initials(w)) || !next_is_name() {
                return false;
            }
            if particle {
                return true;
            }
            // Initials before a surname, and the run ends there: not "UK Film Council", not
            // "BT Retail", not "US President".
            const NOT_AFTER_INITIALS: Kinds = Kinds::ROLE
                .or(Kinds::HONORIFIC)
                .or(Kinds::PLACE)
                .or(Kinds::CITY)
                .or(Kinds::NOT_NAME)
                .or(Kinds::NATIONALITY);
            is_initials(w) && !kinds(w).has(Kinds::STOPWORD.or(Kinds::PLACE)) && {
                let next = tokens[i + 1].text(body);
                let k = kinds(next);
                let everyday = k.has(Kinds::EVERYDAY) && !k.has(Kinds::SURNAME);
                !everyday
                    && !k.has(NOT_AFTER_INITIALS)
                    && !tokens.get(i + 2).is_some_and(|n| {
                        n.kind == Kind::Word && n.gap == Gap::Space && is_name_word(n.text(body))
                    })
            }
        }
        Kind::Number => {
            t.gap != Gap::None
                && t.end - t.start <= 3
                && t.text(body).bytes().all(|b| b.is_ascii_digit())
                && next_is_name()
                && i.checked_sub(1).is_some_and(|p| {
                    let w = tokens[p].text(body);
                    tokens[p].kind == Kind::Word && kinds(w).has(Kinds::ROLE.or(Kinds::PERSON_CUE))
                })
        }
        _ => false,
    }
}

/// Maximal runs of name words on one line, as token indices. An initial or title may carry a
/// full stop ("George W. Bush", "Dr. Ranj Singh", "J.K. Rowling"); a possessive ends a run; a
/// nickname in quotes may stand inside it; a given name in brackets may open it ("(Zinedine)
/// Zidane").
fn runs(body: &str, tokens: &[Token]) -> Vec<NameRun> {
    let word_at = |k: usize, gap: Gap| {
        tokens.get(k).is_some_and(|n| n.kind == Kind::Word && n.gap == gap && is_name_word(n.text(body)))
    };
    let sym_at = |k: usize, f: fn(&str) -> bool| {
        tokens.get(k).is_some_and(|n| n.kind == Kind::Sym && n.gap == Gap::None && f(n.text(body)))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let name_word = t.kind == Kind::Word && is_name_word(t.text(body));
        if !name_word && !opens_run(body, tokens, i) {
            i += 1;
            continue;
        }
        let mut run = Run::from_elem(i, 1);
        let mut nickname = None;
        let mut j = i;
        // "(Zinedine) Zidane": a given name in brackets before the surname.
        let bracketed = name_word
            && i > 0
            && is_sym(body, &tokens[i - 1], "(")
            && sym_at(i + 1, |s| s == ")")
            && word_at(i + 2, Gap::Space)
            && {
                let k = kinds(t.text(body));
                const NOT_GIVEN: Kinds = Kinds::EVERYDAY
                    .or(Kinds::PLACE)
                    .or(Kinds::TOWN)
                    .or(Kinds::CITY)
                    .or(Kinds::NOT_NAME)
                    .or(Kinds::NATIONALITY)
                    .or(Kinds::STOPWORD);
                !k.has(NOT_GIVEN)
            };
        if bracketed {
            run.push(i + 2);
            j = i + 2;
        }
        loop {
            let cur = tokens[j].text(body);
            if ends_possessive(cur) {
                break;
            }
            let mut k = j + 1;
            let single = cur.chars().count() == 1;
            let dotted = tokens.get(k).is_some_and(|d| d.gap == Gap::None && is_sym(body, d, "."))
                && (single || (cur.len() <= 4 && is_honorific(cur)));
            if dotted {
                k += 1;
                // "J.K.": initials written without a space.
                if single
                    && tokens.get(k).is_some_and(|n| {
                        n.kind == Kind::Word && n.gap == Gap::None && n.text(body).chars().count() == 1
                    })
                    && tokens[k].text(body).starts_with(char::is_uppercase)
                {
                    run.push(k);
                    j = k;
                    continue;
                }
            }
            let Some(next) = tokens.get(k) else { break };
            // "Ahmed 'Mido' Hossam": a nickname in quotes between given name and surname.
            if nickname.is_none()
                && next.kind == Kind::Sym
                && next.gap == Gap::Space
                && is_open_quote(next.text(body))
                && kinds(cur).has(Kinds::ANY_GIVEN)
                && word_at(k + 1, Gap::None)
                && sym_at(k + 2, is_close_quote)
                && word_at(k + 3, Gap::Space)
            {
                nickname = Some(k + 1);
                run.push(k + 3);
                j = k + 3;
                continue;
            }
            if next.kind != Kind::Word || next.gap != Gap::Space {
                break;
            }
            let text = next.text(body);
            if is_name_word(text) {
                run.push(k);
                j = k;
            } else if PARTICLES.contains(&text)
                && tokens.get(k + 1).is_some_and(|n| {
                    n.kind == Kind::Word && n.gap == Gap::Space && is_name_word(n.text(body))
                })
            {
                run.push(k);
                run.push(k + 1);
                j = k + 1;
            } else {
                break;
            }
        }
        i = j + 1;
        if nickname.is_some() || bracketed {
            out.push(NameRun { tokens: run, nickname, shaped: true });
        } else {
            split_strung_names(body, tokens, run, &mut out);
        }
    }
    out
}

/// "Megyn Kelly Chris Wallace": two names strung together without a comma (headlines, tweets).
/// A run of four words or more is cut before a given name that has two words before it.
fn split_strung_names(body: &str, tokens: &[Token], run: Run, out: &mut Vec<NameRun>) {
    let given = |k: usize| is_given_name(tokens[run[k]].text(body));
    // The word after the cut must be able to be a surname ("Chris Wallace", not "Stewart America").
    let surname = |k: usize| {
        let w = kinds(tokens[run[k]].text(body));
        let everyday = w.has(Kinds::EVERYDAY) && !w.has(Kinds::SURNAME);
        !everyday && !w.has(Kinds::PLACE.or(Kinds::NATIONALITY).or(Kinds::NOT_NAME))
    };
    // Not a name with particles, long by custom: "Luiz Inacio Lula da Silva".
    let particle = run.iter().any(|&i| PARTICLES.contains(&tokens[i].text(body)));
    let cut = (run.len() >= 4 && !particle)
        .then(|| (2..run.len() - 1).find(|&k| given(k) && surname(k + 1)))
        .flatten();
    match cut {
        Some(k) => {
            out.push(NameRun { tokens: run[..k].iter().copied().collect(), nickname: None, shaped: false });
            out.push(NameRun { tokens: run[k..].iter().copied().collect(), nickname: None, shaped: false });
        }
        None => out.push(NameRun { tokens: run, nickname: None, shaped: false }),
    }
}

fn word_before(body: &str, tokens: &[Token], idx: usize, back: usize) -> Option<Lower> {
    let mut i = idx;
    for _ in 0..back {
        let t = tokens.get(i.checked_sub(1)?)?;
        if t.kind != Kind::Word || t.gap == Gap::Line && i != idx {
            return None;
        }
        i -= 1;
    }
    // Only words on the same line count as context.
    if tokens[idx].gap == Gap::Line && back > 0 {
        return None;
    }
    tokens.get(i).and_then(|t| Lower::new(t.text(body)))
}

fn classify<'a>(body: &'a str, tokens: &[Token], name_run: &NameRun) -> Option<Mention<'a>> {
    let run = &name_run.tokens[..];
    // Most runs are one sentence-initial word ("The", "But"): settle those before allocating.
    if let [only] = run
        && is_opener(kinds(strip_possessive(tokens[*only].text(body))))
    {
        return None;
    }
    let words: SmallVec<[&str; 6]> = run.iter().map(|&i| tokens[i].text(body)).collect();
    let word_kinds: SmallVec<[Kinds; 6]> = words.iter().map(|w| kinds(w)).collect();
    let n = words.len();

    // Everything up to the last title or role word before the final word is not the name:
    // "Health Secretary Jeremy Hunt", "Former Prime Minister Tony Blair", "Mr Hunt".
    let mut start = 0;
    let mut honorific = false;
    let mut role = false;
    for (k, w) in word_kinds.iter().enumerate().take(n - 1) {
        if w.has(Kinds::HONORIFIC) {
            start = k + 1;
            honorific = true;
            role = false;
        } else if w.has(Kinds::ROLE) {
            start = k + 1;
            role = true;
            honorific = false;
        }
    }
    let byline = tokens[run[0]].gap == Gap::Line && words[0] == "By";
    // Where a place or nationality stands before a name, it says where the person is from:
    // "Argentine David Nalbandian", "Mayor of London Ken Livingstone".
    let mut peeled = false;
    while start + 1 < n {
        let (k, next) = (word_kinds[start], words[start + 1]);
        let peel = k.has(Kinds::NATIONALITY) || (k.has(Kinds::PLACE) && kinds(next).has(Kinds::ANY_GIVEN));
        if !peel || k.has(Kinds::HONORIFIC) {
            break;
        }
        start += 1;
        peeled = true;
    }
    // A sentence's first word is capitalised whatever it is: "Watch Megyn Kelly". Before a
    // given name it goes at once; before a lone word ("Ask Trump", "Gill Shaw") it goes only
    // if that word stands alone elsewhere (see `collect`).
    let opener = start == 0
        && n >= 2
        && word_kinds[0].has(Kinds::EVERYDAY)
        && !word_kinds[0].has(Kinds::ANY_GIVEN)
        && !word_kinds[0].has(Kinds::HONORIFIC)
        && !word_kinds[0].has(Kinds::ROLE)
        && sentence_start(body, tokens, run[0]);
    if opener && n >= 3 && is_given_name(words[1]) {
        start = 1;
    }
    let opener = opener && start == 0;
    let mut article = false;
    // Sentence openers and dates before a name: "Yesterday Gordon Brown", "On Monday Mr Hunt".
    while start < n {
        let (w, k) = (words[start], word_kinds[start]);
        let rest = n - start;
        let opener = k.has(Kinds::STOPWORD) || k.has(Kinds::WEEKDAY) || (k.has(Kinds::MONTH) && rest > 2);
        if !opener || (rest == 2 && is_given_name(w)) {
            break;
        }
        article = matches!(w, "The" | "A" | "An");
        start += 1;
        // A title may follow the opener: "But Mr Hunt".
        if start < n - 1 && word_kinds[start].has(Kinds::HONORIFIC) {
            honorific = true;
            start += 1;
        }
    }
    if start >= n {
        return None;
    }
    let name_words: Words = words[start..]
        .iter()
        .enumerate()
        .map(|(k, w)| if start + k == n - 1 { strip_possessive(w) } else { w })
        .collect();
    // "de Villepin", "Van Nistelrooy": a surname with its particle is one word of a name.
    // `extra_toks` counts the tokens beyond the name's words that it spans.
    let (name_words, m, extra_toks) = if name_words.len() == 2 && is_particle(name_words[0]) {
        let from = tokens[run[start]].start;
        let to = tokens[run[n - 1]].start + name_words[1].len();
        (Words::from_elem(&body[from..to], 1), 1, 1)
    } else {
        let m = name_words.len();
        (name_words, m, 0)
    };
    let opener = opener && m > 1;

    let given = is_given_name(name_words[0]);
    // The last word may have lost a possessive, so it is looked up again; the others are known.
    let last_kind = kinds(name_words[m - 1]);
    let name_kind = |k: usize| if k == m - 1 { last_kind } else { word_kinds[start + k] };
    for (k, w) in name_words.iter().enumerate() {
        if PARTICLES.contains(w) {
            continue;
        }
        let kind = name_kind(k);
        if kind.has(Kinds::STOPWORD) || kind.has(Kinds::MONTH) && m == 1 || kind.has(Kinds::WEEKDAY) {
            return None;
        }
        // "Damon Hill" is a person, "Preston North End" and "Hill Street" are not.
        if kind.has(Kinds::NOT_NAME) && !(kind.has(Kinds::ALSO_SURNAME) && given && m >= 2 && k == m - 1) {
            return None;
        }
    }
    if name_words.iter().filter(|w| !PARTICLES.contains(w)).count() > MAX_NAME_WORDS {
        return None;
    }
    // "Cruz Trump Trump": names strung together in a list without commas, not one name.
    if name_words.iter().enumerate().any(|(k, w)| name_words[..k].contains(w)) {
        return None;
    }
    // "Stade de France", "Real Madrid", "Native Americans": a name that ends in a country, a
    // big city or a nationality and does not open with a given name is a place's or a team's.
    if m >= 2 && last_kind.has(Kinds::PLACE.or(Kinds::NATIONALITY)) && !name_kind(0).has(Kinds::ANY_GIVEN) {
        return None;
    }
    // "Hong Kong", "Buenos Aires": a place, whatever vouches for its words.
    if lexicon::is_place_phrase(&name_words) {
        return None;
    }
    // A full name run on into a place: "Jon Stewart America".
    let mut name_words = name_words;
    if m >= 3 && given && last_kind.has(Kinds::PLACE) {
        name_words.pop();
    }
    // The kind of the name's last word, now that a word may have gone from its end.
    let end_kind =
        |words: &[&str]| if words.len() == m { last_kind } else { word_kinds[start + words.len() - 1] };
    // Only a cue that people alone get vouches for a name that ends in an everyday word no
    // family bears: "Jeb Bore", "Rose Ceremony", "Donald Trump Takes".
    let strong_cue = honorific || role || byline;
    let no_surname = |w: &str, k: Kinds| {
        // "Trumps" in "Donald Trumps hair" is Trump's.
        k.has(Kinds::EVERYDAY)
            && !k.has(Kinds::SURNAME.or(Kinds::ANY_GIVEN))
            && !w.strip_suffix('s').map(kinds).unwrap_or_default().has(Kinds::SURNAME.or(Kinds::ANY_GIVEN))
    };
    // After a particle the last word is a surname whatever it means: "Osama Bin Laden".
    let particle_before_last = name_words.len() >= 2
        && PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(name_words[name_words.len() - 2]));
    let weak_end = |words: &[&str]| {
        !strong_cue && !particle_before_last && words.last().is_some_and(|w| no_surname(w, end_kind(words)))
    };
    if name_words.len() >= 3 && weak_end(&name_words) {
        name_words.pop();
    }
    let m = name_words.len();
    let everyday_end = m >= 2 && weak_end(&name_words);

    let first_tok = run[0];
    let last_tok = run[start + extra_toks + m - 1];
    let prev_lower = word_before(body, tokens, first_tok, 1);
    let prev_word = prev_lower.as_ref().map(Lower::as_str);
    let prev_kinds = prev_word.map(kinds).unwrap_or_default();
    let prev_role = prev_kinds.has(Kinds::ROLE.or(Kinds::PERSON_CUE)) || prev_word == Some("mp");
    let work_before = prev_kinds.has(Kinds::WORK_CUE)
        || (matches!(prev_word, Some("in" | "of"))
            && word_before(body, tokens, first_tok, 2).is_some_and(|w| WORK_BEFORE_IN.contains(&w.as_str())));
    let next = tokens.get(last_tok + 1);
    let next_word = next.filter(|t| t.kind == Kind::Word && t.gap == Gap::Space).map(|t| t.text(body));
    // Fixtures ("Milton Keynes Dons v Peterborough") name teams.
    let versus = |w: Option<&str>| w.is_some_and(|w| w == "v" || w == "vs");
    // What follows the whole run counts too, when a word was dropped from its end.
    let run_next_word = tokens
        .get(run[n - 1] + 1)
        .filter(|t| t.kind == Kind::Word && t.gap == Gap::Space)
        .map(|t| t.text(body));
    let work_after = next_word.is_some_and(|w| WORK_AFTER.contains(&w) || BAND_ROLES.contains(&w))
        || versus(next_word)
        || versus(run_next_word)
        || versus(prev_word);
    // Cues sure enough to hold for the whole corpus: "film Vera Drake", "Franz Ferdinand
    // frontman". "play Roger Federer" or "Donald Trump fans" are not.
    // A plural verb after a name not joined to another ("Merrill Lynch are", "Franz Ferdinand
    // were") speaks of a firm or a band: one person never takes it.
    let joined = prev_word
        .is_some_and(|w| matches!(w, "and" | "on" | "about" | "of" | "for" | "with" | "to" | "by"))
        || first_tok.checked_sub(1).is_some_and(|i| {
            let t = &tokens[i];
            t.kind == Kind::Sym && matches!(t.text(body), "," | "&")
        });
    // Not for one word ("if Hunt were to press ahead" is a wish, not a band).
    let plural_verb = !joined
        && m >= 2
        && next_word.is_some_and(|w| w == "are" || (w == "were" && prev_word != Some("if")));
    let corpus_work = prev_word.is_some_and(|w| WORK_FOR_CORPUS_BEFORE.contains(&w))
        || next_word.is_some_and(|w| WORK_FOR_CORPUS_AFTER.contains(&w) || BAND_ROLES.contains(&w))
        || plural_verb;
    let speech = next_word.is_some_and(|w| kinds(w).has(Kinds::SPEECH_VERB));
    // "Christian Brotherhood of America": a name that ends in an everyday noun and goes on
    // with "of" and a proper name is an organisation's.
    if next_word == Some("of")
        && !honorific
        && name_words.last().is_some_and(|w| {
            let k = kinds(w);
            k.has(Kinds::EVERYDAY) && !k.has(Kinds::ANY_GIVEN)
        })
        && tokens
            .get(last_tok + 2)
            .is_some_and(|t| t.kind == Kind::Word && t.text(body).starts_with(char::is_uppercase))
    {
        return None;
    }
    let apposition =
        next.is_some_and(|t| is_sym(body, t, ",")) && apposition_follows(body, tokens, last_tok + 2, false);
    // "S Dunn", "J K Rowling": initials come before names.
    let initial = m >= 2 && name_words[0].chars().count() == 1;
    // "Ruud van Nistelrooy", "Osama bin Laden": a particle between a first word that is no
    // everyday word and a last one marks a person's name ("Tour de France" ended in a place
    // above).
    // "Scot Nick Smith", "Britain's Nick Buckfield": where someone is from, then a given name.
    let from_place = first_tok.checked_sub(1).is_some_and(|p| {
        let t = &tokens[p];
        let w = t.text(body);
        t.kind == Kind::Word
            && tokens[first_tok].gap == Gap::Space
            && ends_possessive(w)
            && kinds(strip_possessive(w)).has(Kinds::PLACE)
    });
    let placed = m >= 2 && (peeled || from_place) && kinds(name_words[0]).has(Kinds::ANY_GIVEN);
    let particle_inside = m >= 3
        && name_words[1..m - 1].iter().any(|w| SURNAME_PARTICLES.contains(w) && *w != "du")
        && !word_kinds[start].has(Kinds::EVERYDAY.or(Kinds::NOT_NAME).or(Kinds::PLACE).or(Kinds::CITY));

    // A place ("rapper Kano", Kano being a city too) only after an occupation said of it.
    let place = last_kind.has(Kinds::PLACE.or(Kinds::CITY));
    let alone = m == 1 && can_stand_alone(name_words[0], last_kind);
    let one_name = alone && !place;
    // "Kano, 19, said": an age between commas.
    let aged = || {
        next.is_some_and(|t| is_sym(body, t, ","))
            && tokens.get(last_tok + 2).is_some_and(|t| t.kind == Kind::Number && t.end - t.start <= 2)
            && tokens.get(last_tok + 3).is_some_and(|t| is_sym(body, t, ","))
    };
    let after_occupation = alone && (lower_cue_before(body, tokens, first_tok, false) || aged());
    let one_name_cue = after_occupation
        || one_name
            && ((role && !honorific)
                || lower_cue_before(
                    body,
                    tokens,
                    first_tok,
                    next.is_some_and(|t| is_sym(body, t, ",") || is_sym(body, t, "&"))
                        || next_word == Some("and"),
                )
                || (next.is_some_and(|t| is_sym(body, t, ","))
                    && apposition_follows(body, tokens, last_tok + 2, true))
                || (speech && speaks_of_a_person(body, tokens, last_tok + 2)));

    let strength = if m >= 2 {
        if everyday_end && !(prev_role || speech || apposition) {
            return None;
        } else if honorific
            || role
            || prev_role
            || given
            || speech
            || apposition
            || byline
            || initial
            || particle_inside
            || placed
            || name_run.shaped
        {
            Strength::Person
        } else {
            Strength::Pending
        }
    } else if honorific && !is_role(name_words[0]) && !is_honorific(name_words[0]) {
        Strength::Surname
    } else if one_name_cue {
        Strength::Cued
    } else {
        Strength::Bare
    };

    let span_start = tokens[run[start.min(n - 1)]].start;
    let span_start = if honorific && start > 0 { tokens[run[start - 1]].start } else { span_start };
    let span_end = tokens[last_tok].start + strip_possessive(tokens[last_tok].text(body)).len();
    let after_article = article || matches!(prev_word, Some("the" | "a" | "an"));
    // "the Bruce Keoghs of tomorrow": people like Bruce Keogh, named in the singular.
    let mut name_words = name_words;
    if after_article
        && m >= 2
        && let Some(last) = name_words.last_mut()
        && is_plural(last)
    {
        *last = &last[..last.len() - 1];
    }
    // "U.S.", "O.J.": initials alone name nobody.
    if name_words.iter().all(|w| w.chars().count() == 1) {
        return None;
    }
    let title = (honorific && start > 0).then(|| words[start - 1]);
    let name_words =
        if extra_toks == 0 { glue_initials(body, tokens, &run[start..], name_words) } else { name_words };
    Some(Mention {
        words: name_words,
        title,
        span: Span::new(span_start, span_end),
        first_tok,
        last_tok,
        strength,
        work: work_before || work_after || corpus_work,
        corpus_work,
        after_article,
        common: false,
        opener,
        after_preposition: matches!(
            prev_word,
            Some("of" | "for" | "in" | "at" | "on" | "from" | "with" | "into")
        ),
        // Asked only of one-word names, the ones the corpus may link.
        in_title: m == 1 && in_title_phrase(body, tokens, first_tok),
        one_name,
        nickname: name_run.nickname.map(|k| tokens[k].text(body)),
    })
}

/// "J.K. Rowling": initials written together are one word of the name, as written.
fn glue_initials<'a>(body: &'a str, tokens: &[Token], run: &[usize], words: Words<'a>) -> Words<'a> {
    let single = |k: usize| words.get(k).is_some_and(|w| w.chars().count() == 1);
    let glued = |k: usize| single(k) && single(k + 1) && tokens[run[k + 1]].start == tokens[run[k]].end + 1;
    if !(0..words.len()).any(glued) {
        return words;
    }
    let mut out = Words::new();
    let mut k = 0;
    while k < words.len() {
        if glued(k) {
            let mut last = k + 1;
            while glued(last) {
                last += 1;
            }
            let (from, mut to) = (tokens[run[k]].start, tokens[run[last]].end);
            if body[to..].starts_with('.') {
                to += 1;
            }
            out.push(&body[from..to]);
            k = last + 1;
        } else {
            out.push(words[k]);
            k += 1;
        }
    }
    out
}

/// Whether a full name ends with a surname of several words, whatever their case: "Ruud van
/// Nistelrooy" with "Van Nistelrooy".
fn ends_with_unit(words: &[String], unit: &str) -> bool {
    let parts: SmallVec<[&str; 3]> = unit.split(' ').collect();
    parts.len() > 1
        && words.len() > parts.len()
        && words[words.len() - parts.len()..].iter().zip(&parts).all(|(a, b)| a.eq_ignore_ascii_case(b))
}

/// Role words that firms, clubs and countries take as often as people ("rival Porsche",
/// "market leader Diageo"): before a full name they still mark a person, before a single word
/// they prove nothing.
const SHARED_WITH_FIRMS: [&str; 13] = [
    "rival", "leader", "owner", "partner", "winner", "user", "member", "chief", "official", "analyst",
    "client", "host", "champion",
];

/// Whether a single word may be a person's only name: some letters in lower case, and none of
/// the things a capitalised word more often is (a month, a nationality, an organisation's
/// word, a role, an everyday word no family or person bears). Places are weighed by the
/// caller: they need a stronger cue.
fn can_stand_alone(word: &str, k: Kinds) -> bool {
    const NEVER_ALONE: Kinds = Kinds::NATIONALITY
        .or(Kinds::NOT_NAME)
        .or(Kinds::MONTH)
        .or(Kinds::WEEKDAY)
        .or(Kinds::ROLE)
        .or(Kinds::HONORIFIC)
        .or(Kinds::STOPWORD)
        .or(Kinds::PERSON_CUE);
    let everyday = k.has(Kinds::EVERYDAY) && !k.has(Kinds::SURNAME.or(Kinds::ANY_GIVEN));
    // "T-Mobile", "Co-Author": a compound ending in an everyday word is a brand or a noun.
    let compound = word.rsplit_once('-').is_some_and(|(_, last)| {
        let k = kinds(last);
        last.len() > 2 && k.has(Kinds::EVERYDAY) && !k.has(Kinds::SURNAME.or(Kinds::ANY_GIVEN))
    });
    word.chars().count() > 1
        && word.chars().any(char::is_lowercase)
        && !everyday
        && !compound
        && !k.has(NEVER_ALONE)
}

/// An occupation or a relation in lower case right before the name ("rapper Kano", "her
/// husband Stephen"), or a phrase that gives a name ("better known as Bez").
fn lower_cue_before(body: &str, tokens: &[Token], first: usize, list_follows: bool) -> bool {
    if tokens[first].gap == Gap::Line {
        return false;
    }
    let mut before: SmallVec<[&str; 3]> = SmallVec::new();
    for t in tokens[..first].iter().rev().take(3) {
        if t.kind != Kind::Word {
            break;
        }
        before.push(t.text(body));
        if t.gap == Gap::Line {
            break;
        }
    }
    let Some(prev) = before.first() else { return false };
    if !prev.starts_with(char::is_lowercase) {
        return false;
    }
    // "best actress Oscar", "best newcomer Bafta": a category of an award, not a person.
    if before.get(1).is_some_and(|w| matches!(*w, "best" | "supporting" | "leading")) {
        return false;
    }
    if kinds(prev).has(Kinds::ROLE.or(Kinds::PERSON_CUE)) {
        return !SHARED_WITH_FIRMS.contains(prev);
    }
    // "hosts Ant and Dec", "rappers Eminem and 50 Cent": a plural before a list ("analysts
    // Gartner said" is a firm's name).
    if let Some(one) = prev.strip_suffix('s')
        && kinds(one).has(Kinds::ROLE.or(Kinds::PERSON_CUE))
        && !SHARED_WITH_FIRMS.contains(&one)
    {
        return list_follows;
    }
    // Phrases are rare: look them up only after a word that ends one.
    if !matches!(*prev, "as" | "name" | "nicknamed" | "aka") {
        return false;
    }
    let lower: SmallVec<[String; 3]> = before.iter().map(|w| w.to_lowercase()).collect();
    let lower: SmallVec<[&str; 3]> = lower.iter().map(String::as_str).collect();
    lexicon::cue_phrase_before(&lower)
}

/// After a speech verb: whether what follows speaks of a person, not a firm or a club. A
/// personal pronoun ("Dido said she", "Mido said: \"I ...\"") before any "it", "its", "we" or
/// "they", within the paragraph.
fn speaks_of_a_person(body: &str, tokens: &[Token], from: usize) -> bool {
    for t in tokens.iter().skip(from).take(25) {
        if t.gap == Gap::Line {
            return false;
        }
        if t.kind != Kind::Word {
            continue;
        }
        match t.text(body) {
            "he" | "she" | "his" | "her" | "him" | "himself" | "herself" | "I" | "my" | "me" => return true,
            "it" | "its" | "It" | "Its" | "we" | "We" | "our" | "Our" | "they" | "They" | "their" => {
                return false;
            }
            _ => {}
        }
    }
    false
}

/// What follows a name and a comma and marks it as a person: "who", an age (", 27,"), where
/// they are from (", from Birmingham"), or a role within a few words (", chair of the BMA",
/// ", the Olympic heptathlon champion").
/// For a one-word name (`one_word`), "who" and "from" prove nothing: clubs and firms take
/// them too ("Chelsea, who are top").
fn apposition_follows(body: &str, tokens: &[Token], from: usize, one_word: bool) -> bool {
    let Some(t) = tokens.get(from) else { return false };
    if t.kind == Kind::Number {
        return t.end - t.start <= 3 && tokens.get(from + 1).is_some_and(|c| is_sym(body, c, ","));
    }
    if t.kind == Kind::Word {
        match t.text(body) {
            "aged" => return true,
            "who" | "whose" | "from" if !one_word => return true,
            _ => {}
        }
    }
    let role = |t: &Token| kinds(t.text(body)).has(Kinds::ROLE.or(Kinds::PERSON_CUE));
    let words = tokens[from..].iter().take(5).take_while(|t| t.kind == Kind::Word && t.gap != Gap::Line);
    if !one_word {
        return words.clone().any(role);
    }
    // One word needs the role said of it at once: "Bez, the dancer", "Kano, a 19-year-old
    // rapper", not "Glenmorangie, one of Scotland's premier whisky firms".
    let mut words = words.peekable();
    if words.next_if(|t| matches!(t.text(body), "the" | "a" | "an" | "former")).is_none() {
        return words.next().is_some_and(|t| role(t) && !SHARED_WITH_FIRMS.contains(&t.text(body)));
    }
    words.take(3).any(|t| role(t) && !SHARED_WITH_FIRMS.contains(&t.text(body)))
}

/// Two runs side by side in a list: only commas and "and"/"or" between them.
fn listed_together(body: &str, tokens: &[Token], a: &Mention, b: &Mention) -> bool {
    let between = &tokens[a.last_tok + 1..b.first_tok];
    !between.is_empty()
        && between.len() <= 2
        && between
            .iter()
            .all(|t| is_sym(body, t, ",") || (t.kind == Kind::Word && matches!(t.text(body), "and" | "or")))
}

impl Mention<'_> {
    /// The form as written, title included ("Mr Hunt", "Dr Jason Seebaluk"); built only for
    /// the mentions that are kept.
    fn surface(&self) -> String {
        let name = self.words.join(" ");
        match self.title {
            Some(t) => format!("{t} {name}"),
            None => name,
        }
    }
}

struct Entry {
    words: Vec<String>,
    forms: Vec<String>,
    /// Nicknames written inside the name ("Mido"): a short form of this person as well.
    nicknames: Vec<String>,
    count: usize,
    spans: Vec<Span>,
    first: usize,
}

impl Entry {
    fn new(words: Vec<String>, first: usize) -> Entry {
        Entry { words, forms: Vec::new(), nicknames: Vec::new(), count: 0, spans: Vec::new(), first }
    }

    /// Whether a one-word form (or a surname with its particle) may stand for this person.
    fn answers_to(&self, word: &str) -> bool {
        self.words.iter().skip(1).any(|w| w == word)
            || self.words == [word]
            || self.nicknames.iter().any(|n| n == word)
            || ends_with_unit(&self.words, word)
    }

    fn name(&self) -> String {
        self.words.join(" ")
    }

    fn add(&mut self, surface: &str, span: Span) {
        if !self.forms.iter().any(|f| f == surface) {
            self.forms.push(surface.to_string());
        }
        self.count += 1;
        self.spans.push(span);
    }
}

/// What one article leaves for the corpus to settle (see `corpus::resolve`).
#[derive(Debug, Default)]
pub struct Leftovers {
    /// One-word names that no full name in the article accounts for ("Trump" in a tweet that
    /// never says "Donald"): the corpus may know whose they are.
    pub unlinked: Vec<Span>,
    /// Names of more than one word that the article shows to be works or bands ("Harry Potter
    /// films", "Franz Ferdinand frontman"): they are not people anywhere in the corpus.
    pub works: Vec<Span>,
    /// Names of more than one word that nothing in the article vouches for ("Cate Blanchett
    /// triumphed"): people where the corpus has vouched for them elsewhere.
    pub pending: Vec<Span>,
}

/// The people of one article, and what it leaves for the corpus to settle.
pub fn collect(body: &str, tokens: &[Token]) -> (Vec<Person>, Leftovers) {
    let mut mentions: Vec<Mention> =
        runs(body, tokens).iter().filter_map(|r| classify(body, tokens, r)).collect();

    // A title marked as a work anywhere in the article is a work everywhere in it.
    let works: HashSet<String> = mentions.iter().filter(|m| m.work).map(|m| m.words.join(" ")).collect();
    let mut leftovers = Leftovers::default();
    let mut seen_works = HashSet::default();
    for m in mentions.iter().filter(|m| m.corpus_work && m.words.len() > 1 && m.title.is_none()) {
        if seen_works.insert(m.words.join(" ")) {
            leftovers.works.push(m.span);
        }
    }
    if !works.is_empty() {
        mentions.retain(|m| !works.contains(&m.words.join(" ")));
    }

    // A surname that also stands alone elsewhere is a person's ("Kieron Dyer ... Dyer reacted"):
    // organisations are shortened to their first word, not their last.
    // Only a word never written in lower case counts ("Doctors" is not), and not after an
    // article ("The Hulk").
    let candidates: Vec<String> = if mentions.iter().any(|m| m.strength != Strength::Person) {
        let mut c: Vec<String> = mentions
            .iter()
            .filter(|m| m.words.len() == 1 && !m.after_article)
            .map(|m| m.words[0].to_lowercase())
            .collect();
        c.sort_unstable();
        c.dedup();
        c
    } else {
        Vec::new()
    };
    // Which candidates also occur in lower case: one pass over the words, no set of them all.
    let mut common = vec![false; candidates.len()];
    if !candidates.is_empty() {
        // A cheap first test: the first byte and length of some candidate.
        let mut shapes = [0u64; 256];
        for c in &candidates {
            if let Some(&b) = c.as_bytes().first() {
                shapes[usize::from(b)] |= 1 << c.len().min(63);
            }
        }
        for t in tokens.iter().filter(|t| t.kind == Kind::Word) {
            let w = t.text(body);
            if shapes[usize::from(w.as_bytes()[0])] & (1 << w.len().min(63)) != 0
                && w.starts_with(|c: char| c.is_lowercase())
                && let Ok(i) = candidates.binary_search_by(|c| c.as_str().cmp(w))
            {
                common[i] = true;
            }
        }
    }
    for m in mentions.iter_mut().filter(|m| m.words.len() == 1) {
        m.common = Lower::new(m.words[0])
            .and_then(|l| candidates.binary_search_by(|c| c.as_str().cmp(l.as_str())).ok())
            .is_some_and(|i| common[i]);
    }
    let bare: HashSet<&str> = mentions
        .iter()
        .filter(|m| m.words.len() == 1 && !m.after_article)
        .map(|m| m.words[0])
        .filter(|w| {
            let l = w.to_lowercase();
            candidates.binary_search(&l).is_ok_and(|i| !common[i])
        })
        .collect();
    for m in mentions.iter_mut() {
        if m.strength == Strength::Pending
            && m.words.len() <= 3
            && m.words.last().is_some_and(|w| bare.contains(w))
        {
            if m.opener {
                // "Ask Trump ... Trump nails it": the sentence's first word was never his.
                m.words.remove(0);
                let rest = &tokens[m.first_tok + 1];
                m.span = Span::new(rest.start, m.span.end as usize);
                m.first_tok += 1;
                m.opener = false;
                m.strength = if m.words.len() == 1 { Strength::Bare } else { Strength::Person };
            } else {
                m.strength = Strength::Person;
            }
        }
    }

    // Lists vouch for their members: "Tamsin Greig, Stephen Mangan and Julian Rhind-Tutt".
    // The same name vouched for elsewhere in the article counts too.
    while mentions.iter().any(|m| m.strength == Strength::Pending) {
        let known: HashSet<String> =
            mentions.iter().filter(|m| m.strength == Strength::Person).map(|m| m.words.join(" ")).collect();
        let mut changed = false;
        for i in 0..mentions.len() {
            // A list vouches for names, not for titles of works ("for Eternal Sunshine of the
            // Spotless Mind and Marc Forster for Finding Neverland").
            let m = &mentions[i];
            if m.strength != Strength::Pending || m.after_article || m.after_preposition {
                continue;
            }
            let by_list = |j: usize| {
                let (a, b) = if j < i { (&mentions[j], &mentions[i]) } else { (&mentions[i], &mentions[j]) };
                mentions[j].strength == Strength::Person && listed_together(body, tokens, a, b)
            };
            let vouched = known.contains(&mentions[i].words.join(" "))
                || (i > 0 && by_list(i - 1))
                || (i + 1 < mentions.len() && by_list(i + 1));
            if vouched {
                mentions[i].strength = Strength::Person;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    // "Kylie Minogue, Joss Stone, Anastacia and Natasha Bedingfield": a one-word name listed
    // beside people is one of them.
    loop {
        let mut changed = false;
        for i in 0..mentions.len() {
            let m = &mentions[i];
            // "Oh, Trump and Carson": a sentence's first word is capitalised whatever it is.
            // "Jeb Bush, Your Record": only a run that is the name alone, never written in lower
            // case, and not cut short ("Blazin' Squad").
            let cut = tokens.get(m.last_tok + 1).is_some_and(|t| {
                t.gap == Gap::None && t.kind == Kind::Sym && matches!(t.text(body), "'" | "’")
            });
            if m.strength != Strength::Bare
                || !m.one_name
                || m.common
                || cut
                || m.after_article
                || m.after_preposition
                || sentence_start(body, tokens, m.first_tok)
                || m.span.start as usize != tokens[m.first_tok].start
            {
                continue;
            }
            let by_list = |j: usize| {
                let (a, b) = if j < i { (&mentions[j], &mentions[i]) } else { (&mentions[i], &mentions[j]) };
                matches!(mentions[j].strength, Strength::Person | Strength::Cued)
                    && listed_together(body, tokens, a, b)
            };
            if (i > 0 && by_list(i - 1)) || (i + 1 < mentions.len() && by_list(i + 1)) {
                mentions[i].strength = Strength::Cued;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    introduced_by_age(body, tokens, &mut mentions);
    for m in mentions.iter_mut().filter(|m| m.strength == Strength::Cued && m.common) {
        // Written in lower case elsewhere in the article: a word, whatever came before it.
        m.strength = Strength::Bare;
    }
    lineups(body, tokens, &mut mentions);
    leftovers.pending = mentions
        .iter()
        .filter(|m| m.strength == Strength::Pending && m.words.len() >= 2 && !m.after_article && !m.work)
        .map(|m| m.span)
        .collect();

    let mut entries: Vec<Entry> = Vec::new();
    for (order, m) in mentions.iter().enumerate() {
        if m.strength != Strength::Person {
            continue;
        }
        let words: Vec<String> = m.words.iter().map(|w| w.to_string()).collect();
        // "Jason Seebaluk" and "Jason Paul Seebaluk" are one person: same first and last word.
        let same = entries.iter_mut().find(|e| {
            e.words.first() == words.first() && e.words.last() == words.last() && e.words.len() > 1
        });
        let e = match same {
            Some(e) => {
                if words.len() > e.words.len() {
                    e.words = words;
                }
                e
            }
            None => {
                entries.push(Entry::new(words, order));
                let last = entries.len() - 1;
                &mut entries[last]
            }
        };
        e.add(&m.surface(), m.span);
        if let Some(nick) = m.nickname
            && !e.nicknames.iter().any(|n| n == nick)
        {
            e.nicknames.push(nick.to_string());
            e.forms.push(nick.to_string());
        }
    }
    merge_initials(&mut entries);
    // Titled surnames first, so that a later bare "Hunt" can join a lone "Mr Hunt".
    for pass in [Strength::Surname, Strength::Bare] {
        for (order, m) in mentions.iter().enumerate() {
            // A one-word name a cue introduced is settled with the titled ones.
            let strength = if m.strength == Strength::Cued { Strength::Surname } else { m.strength };
            if strength != pass || m.words.len() != 1 {
                continue;
            }
            let word = m.words[0];
            // "General Election": a title before a word the article also writes in lower case is
            // a heading or a phrase, not a name; before a country, a contest ("Miss America").
            if m.strength == Strength::Surname && (m.common || kinds(word).has(Kinds::PLACE)) {
                continue;
            }
            let title_kinds = m.title.map(kinds).unwrap_or_default();
            // After "King" or "Sir" comes a given name, not a surname.
            let given_follows = title_kinds.has(Kinds::TITLE_OF_GIVEN);
            // A surname is any word after the first ("Mr Lula" for "Luiz Inacio Lula da Silva").
            let mut matches: Vec<usize> = if given_follows {
                Vec::new()
            } else {
                (0..entries.len())
                    .filter(|&i| {
                        let e = &entries[i];
                        e.answers_to(word) && m.title.is_none_or(|t| lexicon::same_sex(t, &e.words[0]))
                    })
                    .collect()
            };
            // "Sir Digby" after "Sir Digby Jones", "Sir Alex" with "Alex Ferguson": a title with a
            // given name. Royalty and the clergy only join a full name written with the same
            // title: "King Charles" is not "Charles Kennedy".
            if matches.is_empty()
                && let Some(title) = m.title
            {
                let knight = matches!(title.to_lowercase().as_str(), "sir" | "dame");
                let surface_len = m.surface().len();
                matches = (0..entries.len())
                    .filter(|&i| {
                        let e = &entries[i];
                        // The same titled name again: "Prince Charles ... Prince Charles".
                        if e.words.len() == 2 && e.words[0] == title && e.words[1] == word {
                            return true;
                        }
                        e.words.first().is_some_and(|w| w == word)
                            && e.words.len() > 1
                            && ((knight && given_follows)
                                || e.forms.iter().any(|f| f.starts_with(title) && f.len() > surface_len))
                    })
                    .collect();
            }
            match (matches.as_slice(), pass) {
                ([one], _) => {
                    let e = &mut entries[*one];
                    // "50 Cent" again, its number read apart: the whole name as written.
                    let number = m.first_tok.checked_sub(1).map(|p| &tokens[p]).filter(|t| {
                        t.kind == Kind::Number && e.words.len() == 2 && t.text(body) == e.words[0]
                    });
                    match number {
                        Some(t) => e.add(&e.name(), Span::new(t.start, m.span.end as usize)),
                        None => e.add(&m.surface(), m.span),
                    }
                }
                // "rapper Kano": a person by one name, unless a full name here opens with it
                // (then it is a first name, and whose is a guess).
                ([], Strength::Surname)
                    if m.strength == Strength::Cued && entries.iter().any(|e| e.words[0] == word) => {}
                ([], Strength::Surname) => {
                    // "Lord Falconer", "Prince Charles", "Mrs Howard": with no full name in the
                    // article, the title is part of the name, so no other Charles can take it
                    // and Mr and Mrs Howard stay two people. The corpus may still link a "Mr"
                    // to a full name (see `corpus::resolve`).
                    let words = match m.title {
                        Some(t) => vec![t.to_string(), word.to_string()],
                        None => vec![word.to_string()],
                    };
                    let mut e = Entry::new(words, order);
                    e.add(&m.surface(), m.span);
                    entries.push(e);
                }
                // A word that is someone's given name here is not a surname.
                ([], _)
                    if could_be_surname(body, tokens, m) && !entries.iter().any(|e| e.words[0] == word) =>
                {
                    leftovers.unlinked.push(m.span)
                }
                // More than one person has this surname: never guess.
                _ => {}
            }
        }
    }

    entries.sort_by(|a, b| b.count.cmp(&a.count).then(a.first.cmp(&b.first)));
    let people = entries
        .into_iter()
        .map(|e| {
            let name = e.name();
            let aliases = e.forms.into_iter().filter(|f| *f != name).map(Arc::from).collect();
            Person { name: Arc::from(name), aliases, spans: Spans::from_vec(e.spans), linked: false }
        })
        .collect();
    (people, leftovers)
}

/// A one-word name the corpus may resolve: not a place, a nationality, an organisation word,
/// a given name on its own, or a word the article also writes in lower case.
fn could_be_surname(body: &str, tokens: &[Token], m: &Mention) -> bool {
    const NOT_A_SURNAME: Kinds = Kinds::PLACE
        .or(Kinds::CITY)
        .or(Kinds::NATIONALITY)
        .or(Kinds::NOT_NAME)
        .or(Kinds::ROLE)
        .or(Kinds::HONORIFIC)
        .or(Kinds::STOPWORD)
        .or(Kinds::MONTH)
        .or(Kinds::WEEKDAY);
    // "Look", "Watch": an everyday word that no family bears.
    let k = kinds(m.words[0]);
    let everyday = k.has(Kinds::EVERYDAY) && !k.has(Kinds::SURNAME);
    // In prose, a sentence's first word is capitalised whatever it is ("Major companies"); a
    // tweet may open with a surname ("Trump is ..."), and is too short to say otherwise.
    let prose_opener =
        tokens.len() >= PROSE_TOKENS && k.has(Kinds::EVERYDAY) && sentence_start(body, tokens, m.first_tok);
    !m.after_article
        && !prose_opener
        && !everyday
        && !m.common
        && !m.in_title
        && m.words[0].chars().count() > 1
        && !k.has(NOT_A_SURNAME)
}

/// "B O'Driscoll" in a team sheet is "Brian O'Driscoll" from the report: an initial joins the one
/// full name with that surname whose given name starts with it ("J Robinson" stays apart from
/// "Andy Robinson").
fn merge_initials(entries: &mut Vec<Entry>) {
    let mut i = 0;
    while i < entries.len() {
        let e = &entries[i];
        let initial = match e.words.as_slice() {
            [first, .., _] if first.chars().count() == 1 => first.clone(),
            _ => {
                i += 1;
                continue;
            }
        };
        let last = e.words.last().cloned().unwrap_or_default();
        let fuller: Vec<usize> = (0..entries.len())
            .filter(|&j| {
                j != i
                    && entries[j].words.last() == Some(&last)
                    && entries[j]
                        .words
                        .first()
                        .is_some_and(|f| f.chars().count() > 1 && f.starts_with(initial.as_str()))
            })
            .collect();
        if let [j] = fuller[..] {
            let short = entries.remove(i);
            let j = if j > i { j - 1 } else { j };
            let target = &mut entries[j];
            for form in short.forms {
                if !target.forms.contains(&form) {
                    target.forms.push(form);
                }
            }
            target.count += short.count;
            target.spans.extend(short.spans);
            target.spans.sort();
            target.first = target.first.min(short.first);
        } else {
            i += 1;
        }
    }
}

/// "Madonna ... The 46-year-old said": an age given as "the N-year-old" introduces the
/// one-word name just before it, when no other name comes between.
fn introduced_by_age(body: &str, tokens: &[Token], mentions: &mut [Mention]) {
    let ages = tokens.iter().enumerate().filter(|(i, t)| {
        t.kind == Kind::Word
            && t.text(body).starts_with("year-old")
            && *i >= 3
            && tokens[i - 2].kind == Kind::Number
            && matches!(tokens[i - 3].text(body), "the" | "The")
    });
    for (at, _) in ages {
        let before = mentions.iter().rposition(|m| m.last_tok < at);
        if let Some(i) = before
            && mentions[i].strength == Strength::Bare
            && mentions[i].one_name
            && at - mentions[i].last_tok <= 40
        {
            mentions[i].strength = Strength::Cued;
        }
    }
}

/// Team sheets: "Newcastle: Given, Carr, Boumsong, Bramble, ... Robert (Jenas 77), Shearer."
/// A comma list of four or more names, two of them people already, makes the rest people too,
/// and so does every other comma list in the same paragraph (substitutes, scorers, bookings).
fn lineups(body: &str, tokens: &[Token], mentions: &mut [Mention]) {
    let separator = |t: &Token| {
        (t.kind == Kind::Sym && matches!(t.text(body), "," | "(" | ")"))
            || t.kind == Kind::Number
            || (t.kind == Kind::Word && t.text(body) == "and")
    };
    // Groups of mentions with only separators between them, each with its paragraph start.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..mentions.len() {
        let joined = i > 0 && {
            let between = &tokens[mentions[i - 1].last_tok + 1..mentions[i].first_tok];
            // "(Jenas 77)" is a substitute; "(Gloucestershire)" after a name is not a player.
            let paren_only = between.iter().all(|t| t.kind == Kind::Sym && t.text(body) == "(");
            let substitute = tokens.get(mentions[i].last_tok + 1).is_some_and(|t| t.kind == Kind::Number);
            !between.is_empty()
                && between.iter().all(|t| separator(t) && t.gap != Gap::Line)
                && (!paren_only || substitute)
        };
        match groups.last_mut() {
            Some(g) if joined => g.push(i),
            _ => groups.push(vec![i]),
        }
    }
    // A paragraph is known by where its blank line is; asked only of the rare team sheets.
    let paragraph_of = |m: &Mention| body[..tokens[m.first_tok].start].rfind("\n\n");
    let known: HashSet<&str> = mentions
        .iter()
        .filter(|m| m.strength == Strength::Person)
        .flat_map(|m| m.words.iter().copied())
        .collect();
    let mut lineup_paragraphs = HashSet::default();
    for g in &groups {
        // A name with a minute after it ("(Pitman 105)", "Rigoglioso 59") is a substitute or
        // a scorer: as good a sign of a team sheet as a known player.
        let minute = |m: &Mention| tokens.get(m.last_tok + 1).is_some_and(|t| t.kind == Kind::Number);
        let people = g
            .iter()
            .filter(|&&i| {
                let m = &mentions[i];
                m.strength == Strength::Person || known.contains(m.words[0]) || minute(m)
            })
            .count();
        let surnames = g.iter().filter(|&&i| mentions[i].words.len() == 1).count();
        if g.len() >= 4 && people >= 2 && surnames >= 3 {
            lineup_paragraphs.insert(paragraph_of(&mentions[g[0]]));
        }
    }
    if lineup_paragraphs.is_empty() {
        return;
    }
    for g in groups.iter().filter(|g| g.len() >= 2) {
        if !lineup_paragraphs.contains(&paragraph_of(&mentions[g[0]])) {
            continue;
        }
        for &i in g {
            mentions[i].strength = match mentions[i].strength {
                Strength::Bare => Strength::Surname,
                Strength::Pending => Strength::Person,
                s => s,
            };
        }
    }
}
