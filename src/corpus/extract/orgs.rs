//! Organisations: unions, employers, government bodies, companies, parties, hospitals,
//! charities. Found by cues rather than a list of names (`assets/org-cues.txt`): a name ending
//! in a word only organisations end in ("British Medical Association", "NHS Employers"), one
//! opening "Department of" or "Ministry of", a name someone speaks for ("a Labour spokesman"),
//! "the X said", and all-capital acronyms the article defines, that speak, or that take "the".
//! An acronym is merged into the full name it stands for ("British Medical Association (BMA)",
//! or "Department of Health" and a later "DH"). Words inside a person's name are never read
//! here, so a person is never an organisation.

use std::sync::{Arc, LazyLock};

use rustc_hash::{FxHashMap, FxHashSet};

use super::lexicon::{Kinds, Lower, kinds};
use super::tokens::{Gap, Kind, Token};
use super::{Organisation, Person, Span, Spans};

/// What a word may say about an organisation, as bits: one look-up answers every question asked
/// of a word.
const LAST: u16 = 1;
const FIRST: u16 = 1 << 1;
const AFTER: u16 = 1 << 2;
const BEFORE: u16 = 1 << 3;
const NOT: u16 = 1 << 4;
const SPEAKS: u16 = 1 << 5;
/// "of", "for": inside a name after its head ("Royal College of Nursing").
const OF: u16 = 1 << 6;
/// "of", "for", "and", "&": words that may join the parts of one name.
const JOIN: u16 = 1 << 7;
const THE: u16 = 1 << 8;

/// Verbs after which a name just before them is speaking ("the BMA said").
const SPEECH: [&str; 14] = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "warned",
    "claimed",
    "argued",
    "insisted",
    "announced",
    "stated",
    "confirmed",
    "responded",
];

static WORDS: LazyLock<FxHashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut words: FxHashMap<&'static str, u16> = FxHashMap::default();
    let mut section = 0;
    for line in include_str!("../../../assets/org-cues.txt").lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = match name {
                "last" => LAST,
                "first" => FIRST,
                "after" => AFTER,
                "before" => BEFORE,
                _ => NOT,
            };
            continue;
        }
        *words.entry(line).or_default() |= section;
    }
    for w in SPEECH {
        *words.entry(w).or_default() |= SPEAKS;
    }
    for w in ["of", "for"] {
        *words.entry(w).or_default() |= OF | JOIN;
    }
    for w in ["and", "&"] {
        *words.entry(w).or_default() |= JOIN;
    }
    *words.entry("the").or_default() |= THE;
    words
});

/// The bits of a word, case ignored.
fn org(word: &str) -> u16 {
    Lower::new(word).and_then(|l| WORDS.get(l.as_str()).copied()).unwrap_or(0)
}

fn has(word: &str, bits: u16) -> bool {
    org(word) & bits != 0
}

/// A word with its possessive cut off: "Association's" is "Association".
fn bare(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

fn capitalised(t: &Token, body: &str) -> bool {
    if t.kind != Kind::Word {
        return false;
    }
    // Asked of every token: ASCII needs no decoding.
    match body.as_bytes().get(t.start) {
        Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
        _ => t.text(body).starts_with(char::is_uppercase),
    }
}

/// An acronym of two to six letters, possessive allowed: all capitals ("BMA", "NHS") or
/// capitals round small words' initials ("DoH", "DfE").
fn acronym(word: &str) -> bool {
    let w = bare(word).as_bytes();
    (2..=6).contains(&w.len())
        && w.iter().all(u8::is_ascii_alphabetic)
        && w[0].is_ascii_uppercase()
        && w[w.len() - 1].is_ascii_uppercase()
        && w.iter().filter(|b| b.is_ascii_uppercase()).count() >= 2
}

/// A word, a name or a place written in capitals ("MOST", "REAGAN", "NY"): an acronym only
/// when the article spells it out.
fn word_in_capitals(w: &str) -> bool {
    has(w, NOT)
        || kinds(bare(w)).has(
            Kinds::EVERYDAY
                .or(Kinds::ANY_GIVEN)
                .or(Kinds::SURNAME)
                .or(Kinds::PLACE)
                .or(Kinds::NATIONALITY)
                .or(Kinds::STOPWORD)
                .or(Kinds::MONTH)
                .or(Kinds::WEEKDAY),
        )
}

/// Token `i` stands among words in capitals: a shouted sentence ("HE HATES UNIONS"), where
/// capitals say nothing of acronyms.
fn shouted(tokens: &[Token], body: &str, i: usize) -> bool {
    let capitals = |j: usize| {
        tokens.get(j).is_some_and(|t| {
            let w = t.text(body);
            t.kind == Kind::Word && w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'\'')
        })
    };
    let same_line = |j: usize| tokens.get(j).is_some_and(|t| t.gap != Gap::Line);
    (i > 0 && same_line(i) && capitals(i - 1)) || (same_line(i + 1) && capitals(i + 1))
}

fn is_word(tokens: &[Token], i: usize, body: &str, w: &str) -> bool {
    tokens.get(i).is_some_and(|t| t.kind != Kind::Link && t.text(body).eq_ignore_ascii_case(w))
}

fn speaks(tokens: &[Token], i: usize, body: &str) -> bool {
    tokens.get(i).is_some_and(|t| t.kind == Kind::Word && has(t.text(body), SPEAKS))
}

/// A word that may not open an organisation's name as written at the start of a sentence or
/// after a preposition ("The", "But", "Unlike").
fn opener(word: &str) -> bool {
    let k = kinds(word);
    k.has(Kinds::STOPWORD) || k.has(Kinds::WEEKDAY) || k.has(Kinds::MONTH)
}

/// Runs of capitalised words: `(first token, one past the last)`, each outside every person.
fn runs(tokens: &[Token], body: &str, in_person: &dyn Fn(usize) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !capitalised(&tokens[i], body) || in_person(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut joined = false;
        while let Some(t) = tokens.get(end) {
            if t.gap == Gap::Line || in_person(end) {
                break;
            }
            // A possessive ends a name ("the BMA's offer") unless a head follows it ("St
            // George's Hospital", "King's College").
            let head_next = || has(bare(t.text(body)), LAST);
            if capitalised(t, body)
                && t.gap == Gap::Space
                && (!bare_ends(&tokens[end - 1], body) || head_next())
            {
                end += 1;
                continue;
            }
            // "Acme Widgets plc": a company's suffix in small letters ends its name.
            if t.gap == Gap::Space && matches!(t.text(body), "plc" | "ltd" | "inc" | "llc" | "llp") {
                end += 1;
                break;
            }
            // A joiner continues the name only before another capitalised word: "and" only
            // after "of" ("Department of Health and Social Care"), never before an acronym,
            // which starts a name of its own ("the Department of Health and NHS Employers").
            let w = t.text(body);
            let next = tokens.get(end + 1);
            // "Securities and Exchange Commission": "and" also joins when the words after it
            // end in a head.
            let head_ahead = || {
                tokens[end + 1..]
                    .iter()
                    .take(4)
                    .take_while(|n| capitalised(n, body) && n.gap == Gap::Space)
                    .any(|n| has(bare(n.text(body)), LAST))
            };
            // Small words are compared as written: a capitalised "Of" is inside the run already.
            let joins = matches!(w, "of" | "for" | "and" | "&")
                && (matches!(w, "of" | "for" | "&") || joined || head_ahead())
                && next.is_some_and(|n| {
                    capitalised(n, body)
                        && n.gap == Gap::Space
                        && !in_person(end + 1)
                        && !acronym(n.text(body))
                })
                && !bare_ends(&tokens[end - 1], body);
            if !joins {
                break;
            }
            joined |= matches!(w, "of" | "for");
            end += 2;
        }
        out.push((start, end));
        i = end;
    }
    out
}

/// A possessive ends a name: "the BMA's offer".
fn bare_ends(t: &Token, body: &str) -> bool {
    let w = t.text(body);
    w.ends_with("'s") || w.ends_with("’s")
}

/// Where in a run an organisation's name is, if any cue says there is one.
fn named_in(
    tokens: &[Token],
    body: &str,
    (start, end): (usize, usize),
    title_case: bool,
) -> Option<(usize, usize)> {
    let word = |i: usize| bare(tokens[i].text(body));
    let text = |i: usize| tokens.get(i).map_or("", |t| t.text(body));
    // Most runs are one word: a sentence's first word or a name. Only a cue beside it can make
    // it an organisation (acronyms are weighed apart), so those are asked about first.
    if end - start == 1 && !acronym(word(start)) {
        let prev = start.checked_sub(1).map_or("", text);
        let the = prev.eq_ignore_ascii_case("the");
        let spoken_for = has(text(end), AFTER)
            || text(end).eq_ignore_ascii_case("chief") && text(end + 1).eq_ignore_ascii_case("executive");
        let introduced = !the && prev.starts_with(|c: char| c.is_lowercase()) && has(prev, BEFORE);
        let cued = spoken_for || introduced || the && speaks(tokens, end, body);
        return (cued && plain_name(tokens, body, (start, end), spoken_for || introduced))
            .then_some((start, end));
    }
    let mut from = start;
    // "The", "But".
    while from < end && (opener(word(from)) || has(word(from), THE)) {
        from += 1;
    }
    if from >= end {
        return None;
    }
    // A shouted sentence ("KASICH'S DAD WAS A MAILMAN BUT HE HATES UNIONS") and a title-case
    // phrase ("Need To Leave Our Party") hold small words no name has.
    let small = |i: usize| {
        let w = word(i);
        kinds(w).has(Kinds::STOPWORD) && !has(w, JOIN | THE)
    };
    if (from + 1..end).any(small) {
        return None;
    }
    // "SUMMER SCHOOL": words in capitals, not a name.
    let in_capitals = |i: usize| word(i).bytes().all(|b| b.is_ascii_uppercase());
    if (from..end).all(in_capitals) && (from..end).any(|i| word_in_capitals(word(i))) {
        return None;
    }
    // In a line whose every word is capitalised ("Rule Out Third Party", a headline, a post in
    // title case) capitals mark no name, so heads prove nothing there.
    let heads = !title_case;
    // "Department of Health": an opening head with "of"/"for", to the end of the run.
    if heads && end - from >= 3 && has(word(from), FIRST) && has(word(from + 1), OF) {
        return Some((from, trim_roles(tokens, body, from + 2, end)));
    }
    // "British Medical Association", "NHS Employers": the last head word ends the name.
    let last_head = (from..end).rev().find(|&i| has(word(i), LAST));
    if let Some(h) = last_head
        && h > from
        && heads
    {
        // "Royal College of Nursing": the name goes on after its head.
        let of = h + 2 < end && has(word(h + 1), OF);
        if of {
            return Some((from, trim_roles(tokens, body, h + 2, end)));
        }
        // "Norwich Union Grand Prix", "Labour Party Conference": a name that goes on past its
        // head names something else (an event, a prize) after the organisation.
        if h + 1 < trim_roles(tokens, body, h + 1, end) {
            return None;
        }
        return Some((from, h + 1));
    }
    // "NHS England": an acronym and a place.
    if heads && end - from == 2 && acronym(word(from)) && !has(word(from), NOT) {
        let place = kinds(word(from + 1));
        if place.has(Kinds::PLACE) && !place.has(Kinds::GIVEN) {
            return Some((from, end));
        }
    }
    // "a Labour spokesman", "the BMA said", "Acas officials".
    let spoken_for = has(text(end), AFTER)
        || text(end).eq_ignore_ascii_case("chief") && text(end + 1).eq_ignore_ascii_case("executive");
    let the_speaks = start > 0 && is_word(tokens, start - 1, body, "the") && speaks(tokens, end, body);
    let introduced = from == start
        && start > 0
        && tokens[start - 1].kind == Kind::Word
        && !capitalised(&tokens[start - 1], body)
        && has(tokens[start - 1].text(body), BEFORE);
    if (spoken_for || the_speaks || introduced)
        && plain_name(tokens, body, (from, end), spoken_for || introduced)
    {
        return Some((from, end));
    }
    None
}

/// After "Department of Health", role words and stray abbreviations are not the name:
/// "Department of Health Secretary", "... Organs RT".
fn trim_roles(tokens: &[Token], body: &str, from: usize, mut end: usize) -> usize {
    while end > from + 1
        && (kinds(bare(tokens[end - 1].text(body))).has(Kinds::ROLE) || has(tokens[end - 1].text(body), NOT))
    {
        end -= 1;
    }
    end
}

/// A run that may be an organisation's name on a cue alone: not a title, a role, a given name
/// or a lone head word ("the Government said" names no organisation of its own). A lone
/// everyday word counts only when someone speaks for it ("a Labour spokesman", not "the Bible
/// says").
fn plain_name(tokens: &[Token], body: &str, (from, to): (usize, usize), everyday_ok: bool) -> bool {
    let words: Vec<&str> = (from..to).map(|i| bare(tokens[i].text(body))).collect();
    if words.len() > 4 {
        return false;
    }
    let first = kinds(words[0]);
    if first.has(Kinds::HONORIFIC) || first.has(Kinds::ANY_GIVEN) || first.has(Kinds::ROLE) {
        return false;
    }
    if words.len() == 1 {
        let w = words[0];
        let k = kinds(w);
        if acronym(w) {
            return !word_in_capitals(w) && !shouted(tokens, body, from);
        }
        let head = has(w, LAST | FIRST);
        return !head
            && (everyday_ok || !k.has(Kinds::EVERYDAY))
            && !k.has(Kinds::NATIONALITY)
            && !k.has(Kinds::STOPWORD)
            && !k.has(Kinds::PLACE);
    }
    words.iter().all(|w| !kinds(w).has(Kinds::ROLE))
}

/// The initials of a name's words, its small words skipped: "Department of Health" is "DH";
/// an acronym inside the name counts whole ("UK Independence Party" is "UKIP").
fn initials(name: &str, with_small: bool) -> String {
    let mut out = String::new();
    for w in name.split(' ').filter(|w| with_small || !matches!(*w, "of" | "for" | "and" | "&" | "the")) {
        if acronym(w) && w.bytes().all(|b| b.is_ascii_uppercase()) {
            out.push_str(w);
        } else if let Some(c) = w.chars().next() {
            out.push(if with_small { c } else { c.to_ascii_uppercase() });
        }
    }
    out
}

/// Where a name's own words start after a place or a country's acronym in front of it ("UK
/// National Health Service"), when two words or more are left: the byte offset.
fn after_place(name: &str) -> Option<usize> {
    let first = name.split(' ').next()?;
    let rest = name.get(first.len() + 1..)?;
    let k = kinds(first);
    let place = has(first, NOT) || k.has(Kinds::PLACE) || k.has(Kinds::NATIONALITY);
    (place && rest.contains(' ')).then_some(first.len() + 1)
}

/// Count a mention of `name`, the first one making it an organisation of the article.
fn add(found: &mut Vec<Found>, by_key: &mut FxHashMap<String, usize>, name: &str, span: Span) {
    let key = name.to_lowercase();
    match by_key.get(&key) {
        Some(&i) => found[i].spans.push(span),
        None => {
            by_key.insert(key, found.len());
            found.push(Found {
                name: name.to_string(),
                aliases: Vec::new(),
                spans: Spans::from_elem(span, 1),
            });
        }
    }
}

/// The lines (runs of tokens between line breaks) written in title case: at least five words,
/// four in five of them capitalised.
struct TitleLines {
    /// Each title-case line: its first token and one past its last.
    lines: Vec<(usize, usize)>,
}

impl TitleLines {
    fn of(tokens: &[Token], body: &str) -> TitleLines {
        // Asked only of capitalised tokens; a whole line is walked once.
        let mut lines = Vec::new();
        let (mut start, mut words, mut capitals) = (0, 0, 0);
        let mut close = |start: usize, end: usize, words: usize, capitals: usize| {
            if words >= 5 && capitals * 5 >= words * 4 {
                lines.push((start, end));
            }
        };
        for (i, t) in tokens.iter().enumerate() {
            if t.gap == Gap::Line {
                close(start, i, words, capitals);
                (start, words, capitals) = (i, 0, 0);
            }
            if t.kind == Kind::Word {
                words += 1;
                capitals += usize::from(capitalised(t, body));
            }
        }
        close(start, tokens.len(), words, capitals);
        TitleLines { lines }
    }

    fn holds(&self, token: usize) -> bool {
        let i = self.lines.partition_point(|l| l.1 <= token);
        self.lines.get(i).is_some_and(|l| l.0 <= token)
    }
}

/// Whether the capitalised words before the bracket at `open` spell out `acronym`.
fn spelled_out(tokens: &[Token], body: &str, open: usize, acronym: &str) -> bool {
    let mut from = open;
    while from > 0 && open - from < 8 {
        let t = &tokens[from - 1];
        let small = matches!(t.text(body), "of" | "for" | "and" | "&" | "the");
        if !(capitalised(t, body) || small) || t.gap == Gap::Line && from - 1 < open - 1 {
            break;
        }
        from -= 1;
    }
    (from..open).any(|s| {
        capitalised(&tokens[s], body)
            && body.get(tokens[s].start..tokens[open - 1].end).is_some_and(|words| {
                initials(words, false) == acronym || initials(words, true).eq_ignore_ascii_case(acronym)
            })
    })
}

/// A one-word organisation named more fully in the same article takes the fuller name: "United"
/// (from "United's chief executive") is the "Manchester United" the article writes.
fn lengthen(found: &mut [Found], runs: &[(usize, usize)], tokens: &[Token], body: &str) {
    for f in found.iter_mut().filter(|f| !f.name.contains(' ') && !acronym(&f.name)) {
        let mut fuller: FxHashMap<&str, Vec<Span>> = FxHashMap::default();
        for &(start, end) in runs {
            if end - start < 2 || bare(tokens[end - 1].text(body)) != f.name {
                continue;
            }
            let mut from = start;
            while from < end && opener(bare(tokens[from].text(body))) {
                from += 1;
            }
            let words = end - from;
            if !(2..=3).contains(&words) || bare(tokens[end - 1].text(body)) != f.name {
                continue;
            }
            // Not a sentence's adjective ("State-owned Rosneft", "Senior WorldCom staff").
            let word = tokens[from].text(body);
            let first = kinds(word);
            let compound = word.split('-').skip(1).any(|p| p.starts_with(char::is_lowercase));
            if first.has(Kinds::ROLE)
                || first.has(Kinds::HONORIFIC)
                || first.has(Kinds::ANY_GIVEN)
                || first.has(Kinds::EVERYDAY)
                || compound
            {
                continue;
            }
            let (s, e) = (tokens[from].start, tokens[end - 1].start + f.name.len());
            if let Some(name) = body.get(s..e) {
                fuller.entry(name).or_default().push(Span::new(s, e));
            }
        }
        let best = fuller.into_iter().max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)));
        if let Some((name, spans)) = best {
            f.aliases.retain(|a| a != name);
            f.aliases.push(std::mem::replace(&mut f.name, name.to_string()));
            f.spans.extend(spans);
        }
    }
}

/// One organisation while an article is read: its name, the acronyms that stand for it, spans.
struct Found {
    name: String,
    aliases: Vec<String>,
    spans: Spans,
}

/// Every organisation in the article, most mentioned first, and the acronyms the article shows
/// to name something else (a product, an index, an event), for the corpus-wide stage. `people`
/// are the article's people: their names are never read as organisations.
pub(crate) fn collect(body: &str, tokens: &[Token], people: &[Person]) -> (Vec<Organisation>, Vec<Arc<str>>) {
    let mut spans: Vec<Span> = people.iter().flat_map(|p| p.spans.iter().copied()).collect();
    spans.sort_unstable();
    // Asked only of capitalised tokens and their neighbours, not of every token.
    let in_person = |i: usize| {
        let Some(t) = tokens.get(i) else { return false };
        let at = spans.partition_point(|s| (s.end as usize) <= t.start);
        spans.get(at).is_some_and(|s| (s.start as usize) < t.end)
    };
    let mut found: Vec<Found> = Vec::new();
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    // Acronyms, and where each is written.
    let mut acronyms: Vec<(String, Span, usize)> = Vec::new();
    let all_runs = runs(tokens, body, &in_person);
    let titles = TitleLines::of(tokens, body);
    for &run in &all_runs {
        if let Some((from, to)) = named_in(tokens, body, run, titles.holds(run.0)) {
            let start = tokens[from].start;
            let last = &tokens[to - 1];
            let end = last.start + bare(last.text(body)).len();
            // "St Thomas' Hospital": the name as written, a possessive inside it kept.
            if let Some(name) = body.get(start..end) {
                add(&mut found, &mut by_key, name, Span::new(start, end));
                continue;
            }
        }
        // Acronyms standing alone in a run are weighed once every full name is known.
        for (i, t) in tokens.iter().enumerate().take(run.1).skip(run.0) {
            let w = bare(t.text(body));
            if acronym(w) && !has(w, NOT) {
                acronyms.push((w.to_string(), Span::new(t.start, t.start + w.len()), i));
            }
        }
    }
    // An acronym is an organisation when a full name in the article stands for it, when it is
    // defined in brackets, when it takes "the" or when it speaks.
    // What each full name's acronym would be, worked out once.
    // A name may also stand without the place in front of it: "NHS" is the "National Health
    // Service" of "UK National Health Service" (the offset where that part starts).
    let mut initials_of: Vec<(usize, String, String, usize)> = Vec::new();
    for (k, f) in found.iter().enumerate().filter(|(_, f)| f.name.contains(' ')) {
        initials_of.push((k, initials(&f.name, false), initials(&f.name, true), 0));
        if let Some(at) = after_place(&f.name) {
            initials_of.push((k, initials(&f.name[at..], false), initials(&f.name[at..], true), at));
        }
    }
    let stands_at = |short: &str| {
        initials_of
            .iter()
            .find(|(_, plain, small, _)| {
                short == plain || short == small || short.eq_ignore_ascii_case(small)
            })
            .map(|(k, _, _, at)| (*k, *at))
    };
    let stands = |short: &str| stands_at(short).map(|(k, _)| k);
    // The acronym tells which part is the name: "National Health Service", not "UK ...".
    let mut renamed: Vec<(usize, usize)> = Vec::new();
    // Acronyms that name something other than an organisation here: a product ("Sony's PSP"),
    // an index ("FTSE 100"), or a thing the article spells out in words that name no
    // organisation ("Consumer Electronics Show (CES)").
    let mut not_orgs: FxHashSet<&str> = FxHashSet::default();
    for (word, _, i) in &acronyms {
        let i = *i;
        let owned = i >= 1 && bare_ends(&tokens[i - 1], body) && capitalised(&tokens[i - 1], body);
        let numbered = tokens.get(i + 1).is_some_and(|t| t.kind == Kind::Number && t.gap == Gap::Space);
        let spelled = i >= 2
            && is_word(tokens, i - 1, body, "(")
            && stands(word).is_none()
            && spelled_out(tokens, body, i - 1, word);
        if owned || numbered || spelled {
            not_orgs.insert(word.as_str());
        }
    }
    let not_orgs: FxHashSet<String> = not_orgs.into_iter().map(str::to_string).collect();
    for (word, span, i) in acronyms {
        let defined = i >= 1
            && is_word(tokens, i - 1, body, "(")
            && tokens.get(i + 1).is_some_and(|t| t.text(body) == ")");
        let full = stands_at(&word);
        if let Some((f, at)) = full {
            if at > 0 {
                renamed.push((f, at));
            }
            let alias = &mut found[f].aliases;
            if !alias.contains(&word) {
                alias.push(word);
            }
            found[f].spans.push(span);
            continue;
        }
        // "the BMA" is an organisation's, but "the FA Cup" a competition's: "the" counts for an
        // acronym that is not the first word of a longer name.
        let modifier = tokens.get(i + 1).is_some_and(|t| capitalised(t, body) && t.gap == Gap::Space);
        let the = i >= 1 && is_word(tokens, i - 1, body, "the") && !modifier;
        let introduced = i >= 1
            && tokens[i - 1].kind == Kind::Word
            && !capitalised(&tokens[i - 1], body)
            && has(tokens[i - 1].text(body), BEFORE);
        let spoken_for = tokens.get(i + 1).is_some_and(|t| has(t.text(body), AFTER));
        if not_orgs.contains(&word) || word_in_capitals(&word) || !defined && shouted(tokens, body, i) {
            continue;
        }
        if defined || the || introduced || spoken_for || speaks(tokens, i + 1, body) {
            add(&mut found, &mut by_key, &word, span);
        } else if let Some(&f) = by_key.get(&word.to_lowercase()) {
            found[f].spans.push(span);
        }
    }
    // A bare acronym that only later turned out to stand for a full name joins it. Full names
    // hold a space and acronyms none, so no full name moves.
    let targets: Vec<Option<usize>> = found
        .iter()
        .enumerate()
        .map(|(k, f)| if acronym(&f.name) { stands(&f.name).filter(|&t| t != k) } else { None })
        .collect();
    let mut place = vec![usize::MAX; found.len()];
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    let mut moved: Vec<(usize, Found)> = Vec::new();
    for (k, f) in found.into_iter().enumerate() {
        match targets[k] {
            Some(t) => moved.push((t, f)),
            None => {
                place[k] = kept.len();
                kept.push(f);
            }
        }
    }
    for (t, gone) in moved {
        let Some(into) = kept.get_mut(place[t]) else { continue };
        if !into.aliases.contains(&gone.name) {
            into.aliases.push(gone.name);
        }
        into.spans.extend(gone.spans);
    }
    let mut found = kept;
    renamed.sort_unstable();
    renamed.dedup();
    for (k, at) in renamed {
        if let Some(into) = place.get(k).and_then(|&p| found.get_mut(p))
            && let Some(rest) = into.name.get(at..)
        {
            into.name = rest.to_string();
        }
    }
    // The cues above may have taken a product's acronym on its own ("the PSP said").
    found.retain(|f| !not_orgs.contains(&f.name));
    lengthen(&mut found, &all_runs, tokens, body);
    let mut orgs: Vec<Organisation> = found
        .into_iter()
        .map(|mut f| {
            f.spans.sort_unstable();
            f.spans.dedup();
            Organisation {
                name: Arc::from(f.name.as_str()),
                aliases: f.aliases.iter().map(|a| Arc::from(a.as_str())).collect(),
                spans: f.spans,
            }
        })
        .collect();
    orgs.sort_by_key(|o| std::cmp::Reverse(o.spans.len()));
    let mut not_orgs: Vec<Arc<str>> = not_orgs.into_iter().map(|n| Arc::from(n.as_str())).collect();
    not_orgs.sort_unstable();
    (orgs, not_orgs)
}

#[cfg(test)]
mod tests {
    use super::super::extract;

    fn orgs(text: &str) -> Vec<(String, Vec<String>, usize)> {
        extract(text)
            .organisations
            .into_iter()
            .map(|o| (o.name.to_string(), o.aliases.iter().map(|a| a.to_string()).collect(), o.spans.len()))
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        let mut n: Vec<String> = orgs(text).into_iter().map(|o| o.0).collect();
        n.sort();
        n
    }

    #[test]
    fn a_defined_acronym_joins_its_full_name() {
        let o = orgs("The British Medical Association (BMA) called a strike. The BMA's leaders met.");
        assert_eq!(o, [("British Medical Association".to_string(), vec!["BMA".to_string()], 3)]);
    }

    #[test]
    fn heads_name_organisations() {
        assert_eq!(
            names("Staff at Ealing Hospital and NHS Employers met the Royal College of Nursing."),
            ["Ealing Hospital", "NHS Employers", "Royal College of Nursing"]
        );
        assert_eq!(names("The Department of Health said it was sorry."), ["Department of Health"]);
        assert_eq!(orgs("The UK National Health Service (NHS) is busy.")[0].0, "National Health Service");
        assert_eq!(names("The UK Independence Party (UKIP) said so."), ["UK Independence Party"]);
        assert_eq!(
            names("A Department for Education and Skills official spoke."),
            ["Department for Education and Skills"]
        );
        assert_eq!(names("Shares in Acme Widgets plc fell."), ["Acme Widgets plc"]);
        assert_eq!(
            names("The Securities and Exchange Commission fined it."),
            ["Securities and Exchange Commission"]
        );
        assert!(names("He shops at Marks and Spencer.").is_empty());
        assert!(names("He won the Norwich Union Grand Prix.").is_empty(), "an event named after a sponsor");
        assert!(names("The FA Cup final. The FA Cup was won.").is_empty(), "a competition");
        assert_eq!(names("Nurses at St George's Hospital struck."), ["St George's Hospital"]);
    }

    #[test]
    fn an_acronym_that_speaks_or_takes_the_is_an_organisation() {
        assert_eq!(names("Talks at Acas failed, the TUC said."), ["TUC"]);
        assert_eq!(names("The NHS is busy and the NHS is free. HMRC said taxes rose."), ["HMRC", "NHS"]);
        assert!(names("The UK and the US met on TV at 9PM.").is_empty());
        assert!(names("Sony's PSP sold well. The PSP is small.").is_empty(), "a product");
        assert!(names("The FTSE 100 rose. The FTSE fell.").is_empty(), "an index");
        assert!(names("At the Consumer Electronics Show (CES) the CES said.").is_empty(), "an event");
    }

    #[test]
    fn a_later_acronym_joins_the_name_it_stands_for() {
        let o = orgs("The DH said no. The Department of Health had said yes.");
        assert_eq!(o, [("Department of Health".to_string(), vec!["DH".to_string()], 2)]);
        let o = orgs("The Department of Health spoke. The DoH said more.");
        assert_eq!(o[0].1, ["DoH"]);
    }

    #[test]
    fn someone_speaking_for_a_name_makes_it_an_organisation() {
        assert_eq!(names("A Labour spokesman said no."), ["Labour"]);
        assert!(names("Rule Out Third Party Bids Now Says Sloth Network").is_empty(), "a post in title case");
        let o = orgs("Manchester United fans met. United's chief executive said no.");
        assert_eq!(o[0].0, "Manchester United", "{o:?}");
        assert_eq!(
            names("Talks with the conciliation body ACAS and the charity Shelter."),
            ["ACAS", "Shelter"]
        );
        assert_eq!(names("Tesco chief executive Dave Lewis said yes."), ["Tesco"]);
        assert!(names("A Government spokesman said no.").is_empty(), "an everyday word alone");
    }

    #[test]
    fn people_are_never_organisations() {
        assert!(names("Health secretary Jeremy Hunt said the offer stood.").is_empty());
        assert!(names("Mr Hunt's spokesman said no.").is_empty());
        assert!(names("The rapper Kano said no.").is_empty());
    }

    #[test]
    fn sentence_openers_and_roles_are_not_part_of_the_name() {
        assert_eq!(names("Unlike Ealing Hospital, it stayed open."), ["Ealing Hospital"]);
        assert_eq!(names("Ministry of Defence Minister Ann Smith spoke."), ["Ministry of Defence"]);
    }
}
