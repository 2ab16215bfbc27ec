//! Who said what: every attribution in a body, read off the token stream with cues rather than
//! a parser. A quote is its content, the cue that attributes it ("said", "according to") and the
//! words that name the speaker ("Mr Hunt", "he", "a Department of Health spokesman").
//!
//! Direct quotes are words in quotation marks with a cue beside them (`"...," he said`,
//! `Hunt said: "..."`), or a quoted paragraph that runs on from the last speaker. Indirect ones
//! are a clause after a speaker and a cue (`the BMA said the offer was unfair`), before a cue at
//! the end of the sentence (`The offer was unfair, the BMA said.`) or beside "according to".
//!
//! Cues include verbs of stance ("endorsed", "believes", "a poll found"), which news attribution
//! counts too. A cue inside what another cue reports is part of it, not a second quote; ", adding
//! that" and "and added" go on from the sentence's speaker; "X and that Y" is two clauses; a
//! paragraph ending "said:" introduces the next one (or the bullets after it); `''` quotes like
//! `"`. Every word's part is looked up once per token, without allocating.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::Span;
use super::tokens::{Gap, Kind, Token};

/// How the words are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// In quotation marks.
    Direct,
    /// Reported speech: a clause after or before a cue.
    Indirect,
    /// Reported speech holding a quoted fragment.
    Mixed,
}

impl QuoteKind {
    /// The kind as the export names it.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// One attribution; spans are byte ranges into the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The cue; empty for a quote that runs on from the last speaker without one.
    pub cue: Span,
    /// The words naming the speaker, when the text names one.
    pub speaker: Option<Span>,
    /// Where a speaker named only by a pronoun ("he said") was last named, as a reader takes it:
    /// the last speaker the article named before.
    pub named: Option<Span>,
    /// What was said.
    pub content: Span,
}

/// The cue lexicon, each word with whether it is a verb of stance rather than speech (the file's
/// second section, and "think", "believe" and "know" from the first).
static CUES: LazyLock<Vec<(&'static str, bool)>> = LazyLock::new(|| {
    let mut stance = false;
    let mut out = Vec::new();
    for line in include_str!("../../../assets/quote-cues.txt").lines().map(str::trim) {
        if line.starts_with("# Stance") {
            stance = true;
        }
        if !line.is_empty() && !line.starts_with('#') {
            let mental = ["think", "thinks", "thought", "believe", "believes", "believed"].contains(&line);
            out.push((line, stance || mental));
        }
    }
    out
});

// What a word is to the extractor: bit flags, looked up once per token.
/// A cue from the lexicon.
const CUE: u32 = 1;
/// A cue word more often a noun ("claims", "plans"): it counts only right after a speaker.
const NOUNISH: u32 = 1 << 1;
/// A subject pronoun.
const PRONOUN: u32 = 1 << 2;
/// A determiner that opens a noun phrase.
const DET: u32 = 1 << 3;
/// A word that may stand between a speaker and the cue ("Hunt has also said").
const BETWEEN: u32 = 1 << 4;
/// An abbreviation after which a full stop does not end a sentence.
const ABBR: u32 = 1 << 5;
/// A cue followed by whom it was said to ("told the BBC that").
const TELL: u32 = 1 << 6;
/// A cue in "-ing" that goes on from the speaker of its sentence (", adding that").
const ING: u32 = 1 << 7;
/// "that".
const THAT: u32 = 1 << 8;
/// "of", "for", "and": words inside a name ("Department of Health").
const JOIN: u32 = 1 << 9;
/// An object pronoun ("told him").
const OBJECT: u32 = 1 << 10;
/// A preposition or conjunction that opens an adverbial, not a clause ("said in a statement").
const PREP: u32 = 1 << 11;
/// "according".
const ACCORDING: u32 = 1 << 12;
/// "to".
const TO: u32 = 1 << 13;
/// "and".
const AND: u32 = 1 << 14;
/// A time word that may follow a cue ("said Tuesday that").
const TIME: u32 = 1 << 15;
/// A form of "be": after a cue it makes the cue an adjective ("the times stated are").
const COPULA: u32 = 1 << 16;
/// A word that joins two clauses ("but", "while").
const COORD: u32 = 1 << 17;
/// A particle that belongs to the cue before it ("pointed out").
const PARTICLE: u32 = 1 << 18;
/// "following": "issued the following advice:" introduces what comes next.
const FOLLOWING: u32 = 1 << 19;
/// A cue of stance or belief ("endorsed", "thinks"), not of speech.
const STANCE: u32 = 1 << 22;
/// A cue whose object follows a preposition: "referring to", "pointed to" (`TO`), "talked
/// about", "commented on" (`ABOUT`).
const POINTS: u32 = 1 << 27;
/// "talked about", "commented on": see `POINTS`.
const ABOUT: u32 = 1 << 28;
/// "called for a ban", "called on Congress to act": see `POINTS`.
const CALL: u32 = 1 << 31;
/// "but".
const BUT: u32 = 1 << 29;
/// A word that labels a paragraph rather than naming a speaker ("Update:", "Analysis:").
const RUBRIC: u32 = 1 << 30;
/// "if": a reported clause may open with it ("said if elected he would").
const IF: u32 = 1 << 23;
/// "it" and "you": pronouns as often objects as subjects.
const IT: u32 = 1 << 24;
/// "who": a relative clause's subject, standing for the name before it ("Cruz, who said").
const WHO: u32 = 1 << 25;
/// Set on tokens inside quotation marks, marks included.
const QUOTED: u32 = 1 << 20;
/// Set on a cue once it has attributed a quote.
const USED: u32 = 1 << 21;

const PRONOUNS: [&str; 7] = ["he", "she", "they", "we", "i", "you", "it"];
const DETERMINERS: [&str; 12] =
    ["the", "a", "an", "his", "her", "their", "its", "our", "one", "another", "this", "some"];
const BETWEEN_WORDS: [&str; 22] = [
    "also",
    "always",
    "has",
    "have",
    "had",
    "later",
    "then",
    "previously",
    "repeatedly",
    "recently",
    "once",
    "would",
    "will",
    "could",
    "did",
    "does",
    "not",
    "never",
    "often",
    "publicly",
    "reportedly",
    "now",
];
const NOUN_LIKE: [&str; 24] = [
    "claims", "notes", "reports", "states", "answers", "question", "point", "state", "report", "tweet",
    "call", "calls", "plan", "plans", "hope", "hopes", "fear", "fears", "support", "supports", "show",
    "shows", "attacks", "read",
];
const TELL_WORDS: [&str; 16] = [
    "told", "tells", "tell", "telling", "asked", "asks", "asking", "urged", "urging", "warned", "warning",
    "assured", "reminded", "informed", "promised", "ask",
];
const ABBREVIATIONS: [&str; 16] = [
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gov", "sen", "rep", "prof", "gen", "lt", "col", "sgt", "rev",
];
const PREPOSITIONS: [&str; 20] = [
    "in", "on", "at", "during", "after", "before", "of", "about", "to", "via", "from", "with", "while",
    "when", "as", "because", "if", "earlier", "last", "this",
];
const TIMES: [&str; 20] = [
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "recently",
    "again",
];

const RUBRICS: [&str; 40] = [
    "update",
    "updated",
    "updates",
    "recap",
    "watch",
    "exclusive",
    "report",
    "breaking",
    "analysis",
    "opinion",
    "note",
    "live",
    "video",
    "photos",
    "photo",
    "read",
    "related",
    "source",
    "sources",
    "correction",
    "editor",
    "summary",
    "background",
    "context",
    "question",
    "answer",
    "warning",
    "listen",
    "more",
    "also",
    "timeline",
    "explainer",
    "poll",
    "map",
    "chart",
    "graphic",
    "credit",
    "caption",
    "tags",
    "topics",
];

/// Every word the extractor knows, lower case, with its flags, keyed by its bytes.
static LEXICON: LazyLock<FxHashMap<&'static [u8], u32>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static [u8], u32> = FxHashMap::default();
    let mut add = |words: &[&'static str], flag: u32| {
        for w in words {
            *map.entry(w.as_bytes()).or_default() |= flag;
        }
    };
    for &(cue, stance) in CUES.iter() {
        let ing = if cue.ends_with("ing") { ING } else { 0 };
        add(&[cue], CUE | ing | if stance { STANCE } else { 0 });
    }
    add(&PRONOUNS, PRONOUN);
    add(&DETERMINERS, DET);
    add(&BETWEEN_WORDS, BETWEEN);
    add(&NOUN_LIKE, NOUNISH);
    add(&TELL_WORDS, TELL);
    add(&ABBREVIATIONS, ABBR);
    add(&PREPOSITIONS, PREP);
    add(&TIMES, TIME);
    add(&["of", "for", "and"], JOIN);
    add(&["him", "her", "them", "us", "me", "reporters"], OBJECT);
    add(&["that"], THAT);
    add(&["according"], ACCORDING);
    add(&["to"], TO);
    add(&["if"], IF);
    add(&["who"], WHO);
    add(&["but"], BUT);
    add(&RUBRICS, RUBRIC);
    add(&["referring", "referred", "pointed", "pointing"], POINTS);
    add(&["talked", "talking", "spoke", "commented", "commenting", "focused"], ABOUT);
    add(&["call", "calls", "called", "calling"], CALL);
    add(&["it", "you"], IT);
    add(&["and"], AND);
    add(&["is", "are", "was", "were", "be", "been"], COPULA);
    add(&["but", "while", "whereas", "although", "though", "and", "yet"], COORD);
    add(&["out", "up"], PARTICLE);
    add(&["following", "follows"], FOLLOWING);
    map
});

/// Words that come between "told" and what was told ("told the BBC that").
const RECIPIENT_MAX: usize = 5;
/// Attributions of a paragraph looked back over for a sentence's speaker or an enclosing
/// clause: more than any paragraph of prose holds, and a bound on a 30 MB one.
const RECENT_HITS: usize = 64;

/// A quote of fewer words with no cue beside it is a scare quote or a title, not speech.
const MIN_WORDS: usize = 3;
/// The most tokens reported speech runs to: longer than any sentence of prose.
const MAX_CLAUSE: usize = 160;
/// How far after a closing quotation mark its cue may come (`," Dr X, chair of Y, has said`).
const AFTER_MAX: usize = 30;
/// The longest relative clause ("who said ...,") looked through for its closing comma.
const RELATIVE_MAX: usize = 60;
/// The longest speaker phrase read before or after a cue, in words.
const SPEAKER_MAX: usize = 10;

/// The flags of one token: a lookup of its lower-cased text, without allocating.
/// For each word length up to 16, the first letters some word of `LEXICON` has: most words of
/// a text are in no list, and this turns them away before any hashing.
static SHAPES: LazyLock<[u32; 17]> = LazyLock::new(|| {
    let mut shapes = [0u32; 17];
    for w in LEXICON.keys() {
        if let (Some(slot), Some(&first)) = (shapes.get_mut(w.len()), w.first()) {
            *slot |= letter_bit(first);
        }
    }
    shapes
});

/// A bit for a first byte: one per letter, and one for anything else.
fn letter_bit(b: u8) -> u32 {
    let b = b.to_ascii_lowercase();
    if b.is_ascii_lowercase() { 1 << (b - b'a') } else { 1 << 26 }
}

fn flags(t: &Token, body: &str) -> u32 {
    if t.kind != Kind::Word {
        return 0;
    }
    let text = t.text(body).as_bytes();
    let shape = SHAPES.get(text.len()).copied().unwrap_or(0);
    if text.first().is_none_or(|&b| shape & letter_bit(b) == 0) {
        return 0;
    }
    let mut buf = [0u8; 16];
    let Some(dst) = buf.get_mut(..text.len()) else { return 0 };
    for (d, s) in dst.iter_mut().zip(text) {
        *d = s.to_ascii_lowercase();
    }
    LEXICON.get(&*dst).copied().unwrap_or(0)
}

/// Which way a quotation mark faces.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

/// A quoted stretch: the opening mark at `open`, the words `from..to`, the whole quote ending
/// before `close`.
#[derive(Clone, Copy)]
struct Quoted {
    open: usize,
    from: usize,
    to: usize,
    close: usize,
}

/// An attribution found in a paragraph, as token ranges until it is written out.
struct Hit {
    kind: QuoteKind,
    cue: Option<(usize, usize)>,
    who: Option<Span>,
    content: (usize, usize),
}

/// The body, its tokens and their flags.
struct Doc<'a> {
    body: &'a str,
    tokens: &'a [Token],
    tags: Vec<u32>,
}

impl Doc<'_> {
    fn has(&self, i: usize, flag: u32) -> bool {
        self.tags.get(i).is_some_and(|t| t & flag != 0)
    }

    fn word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// A word, hashtag, handle or number: something a speaker phrase may hold.
    fn namey(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| matches!(t.kind, Kind::Word | Kind::Hashtag | Kind::Handle))
    }

    fn capitalised(&self, i: usize) -> bool {
        self.namey(i)
            && self.tokens[i].text(self.body).starts_with(|c: char| c.is_uppercase() || c == '#' || c == '@')
    }

    fn sym(&self, i: usize, s: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Sym && t.text(self.body) == s)
    }

    fn ends_sentence(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == Kind::Sym && matches!(t.text(self.body), "." | "!" | "?"))
    }

    /// A full stop, "!" or "?" that is not the dot of an abbreviation or an initial ("Ms.").
    fn full_stop(&self, i: usize) -> bool {
        self.ends_sentence(i)
            && !(i > 0
                && (self.has(i - 1, ABBR)
                    || self.word(i - 1) && self.tokens[i - 1].text(self.body).chars().count() == 1))
    }

    /// A quotation mark at token `i` and how many tokens it takes (`''` takes two).
    fn mark(&self, i: usize) -> Option<(Mark, usize)> {
        let t = self.tokens.get(i).filter(|t| t.kind == Kind::Sym)?;
        match t.text(self.body) {
            "“" => Some((Mark::Open, 1)),
            "”" => Some((Mark::Close, 1)),
            "\"" => Some((Mark::Either, 1)),
            "'" if self.tokens.get(i + 1).is_some_and(|n| n.gap == Gap::None && n.text(self.body) == "'") => {
                Some((Mark::Either, 2))
            }
            _ => None,
        }
    }

    /// The quoted stretches of a paragraph; a quote left open runs to the end of the paragraph.
    /// Marks their tokens `QUOTED`.
    fn quoted(&mut self, (start, end): (usize, usize)) -> Vec<Quoted> {
        let mut out = Vec::new();
        let mut open: Option<(usize, usize)> = None;
        let mut i = start;
        while i < end {
            let Some((m, w)) = self.mark(i) else {
                i += 1;
                continue;
            };
            match (open, m) {
                (None, Mark::Close) | (Some(_), Mark::Open) => {}
                (None, _) => open = Some((i, w)),
                (Some((o, ow)), _) => {
                    out.push(Quoted { open: o, from: o + ow, to: i, close: (i + w).min(end) });
                    open = None;
                }
            }
            i += w;
        }
        if let Some((o, ow)) = open {
            out.push(Quoted { open: o, from: (o + ow).min(end), to: end, close: end });
        }
        for q in &out {
            for t in &mut self.tags[q.open..q.close] {
                *t |= QUOTED;
            }
        }
        out
    }

    /// Sentences of a paragraph as token ranges, quotes kept whole.
    fn sentences(&self, (start, end): (usize, usize)) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut from = start;
        for i in start..end {
            if self.ends_sentence(i) && self.has(i, QUOTED) {
                // A quote that closes its sentence inside the marks (`is "ongoing." He said`)
                // ends it when a capitalised word or a new quote follows.
                if let Some((Mark::Close | Mark::Either, w)) = self.mark(i + 1)
                    && i + 1 + w < end
                    && self.tokens[i + 1 + w].gap != Gap::None
                    && (self.capitalised(i + 1 + w) && !self.has(i + 1 + w, QUOTED)
                        || self.mark(i + 1 + w).is_some())
                    && self.full_stop(i)
                {
                    out.push((from, i + 1 + w));
                    from = i + 1 + w;
                }
                continue;
            }
            if !self.ends_sentence(i) {
                continue;
            }
            // An initial ends a sentence when a pronoun or a determiner opens the next one
            // ("to the U.S. He said"): names follow initials, not those.
            let initial =
                i > start && self.word(i - 1) && self.tokens[i - 1].text(self.body).chars().count() == 1;
            let opens = self.capitalised(i + 1) && self.has(i + 1, PRONOUN | DET) && !self.has(i + 1, IT);
            let abbreviation =
                i > start && !self.full_stop(i) && !(initial && !self.has(i - 1, ABBR) && opens);
            let next_starts = i + 1 >= end || {
                let n = &self.tokens[i + 1];
                n.gap != Gap::None && (self.capitalised(i + 1) || self.mark(i + 1).is_some())
            };
            if !abbreviation && next_starts {
                out.push((from, i + 1));
                from = i + 1;
            }
        }
        if from < end {
            out.push((from, end));
        }
        out
    }

    fn span(&self, (from, to): (usize, usize)) -> Span {
        if from >= to {
            return Span::new(0, 0);
        }
        Span::new(self.tokens[from].start, self.tokens[to - 1].end)
    }

    /// The words of `from..to` without punctuation at either end.
    fn trimmed(&self, (mut from, mut to): (usize, usize)) -> (usize, usize) {
        let edge = |t: &Token| {
            t.kind == Kind::Sym && !matches!(t.text(self.body), "$" | "£" | "€" | "%" | "#" | "@")
        };
        while from < to && edge(&self.tokens[from]) {
            from += 1;
        }
        while to > from && edge(&self.tokens[to - 1]) {
            to -= 1;
        }
        (from, to)
    }

    fn words(&self, (from, to): (usize, usize)) -> usize {
        self.tokens.get(from..to).map_or(0, |t| t.iter().filter(|t| t.kind == Kind::Word).count())
    }

    /// The speaker named right before token `k` (a cue), walking back over "has also" and the
    /// like; `from` is where the clause starts.
    fn speaker_before(&self, from: usize, k: usize) -> Option<(usize, usize)> {
        let mut end = k;
        let mut skipped = 0;
        while end > from && skipped < 4 {
            if self.has(end - 1, BETWEEN | TIME) || self.has(k, ING) && self.has(end - 1, COPULA) {
                // "has also said", "is calling for".
                end -= 1;
            } else if self.has(end - 1, PREP) && end < k && self.has(end, TIME) {
                // "on Wednesday"
                end -= 1;
            } else if self.sym(end - 1, ")") {
                // "Sen. Chuck Grassley (R-Iowa) said"
                let Some(open) = (from..end - 1).rev().take(8).find(|&i| self.sym(i, "(")) else { break };
                end = open;
            } else {
                break;
            }
            skipped += 1;
        }
        if end == from || !self.namey(end - 1) || self.has(end - 1, QUOTED) {
            return None;
        }
        if self.has(end - 1, WHO) {
            // "Barkley, who said": the name and the "who" that stands for it.
            let before = if end - 1 > from && self.sym(end - 2, ",") { end - 2 } else { end - 1 };
            // Within a name's length, so that a run of "who" recurses a bounded depth.
            let near = from.max(before.saturating_sub(SPEAKER_MAX));
            let antecedent = self.speaker_before(near, before).filter(|a| a.1 == before);
            return Some((antecedent.map_or(end - 1, |a| a.0), end));
        }
        if self.has(end - 1, PRONOUN) {
            return Some((end - 1, end));
        }
        if self.has(end - 1, DET | CUE | THAT | PREP | OBJECT | COPULA) {
            return None;
        }
        // "Bernie Sanders’ campaign said", "Clinton's press secretary said": the possessor's.
        for head in 1..=2 {
            let Some(p) = end.checked_sub(head + 1).filter(|&p| p >= from) else { break };
            if !(p + 1..end).all(|i| self.word(i) && !self.capitalised(i) && !self.has(i, DET | PREP | CUE)) {
                break;
            }
            let t = self.tokens[p].text(self.body);
            let owner = if t.ends_with("’s") || t.ends_with("'s") {
                Some(p + 1)
            } else if (t == "’" || t == "'") && p > from && self.tokens[p].gap == Gap::None {
                Some(p)
            } else {
                None
            };
            if let Some(o) = owner
                && let Some((a, b)) = self.speaker_before(from.max(o.saturating_sub(SPEAKER_MAX)), o)
                && b == o
                && self.capitalised(o - 1)
            {
                return Some((a, end));
            }
        }
        // "47 percent said": a share of those polled.
        if end - from >= 2
            && self.number(end - 2)
            && self.tokens[end - 1].text(self.body).eq_ignore_ascii_case("percent")
        {
            return Some((end - 2, end));
        }
        // A determiner within six words opens a phrase ("a Department of Health spokesman").
        let mut i = end;
        while i > from
            && end - i < 7
            && (self.namey(i - 1) || self.number(i - 1))
            && !self.has(i - 1, CUE | QUOTED)
        {
            i -= 1;
            if self.has(i, DET) && i + 1 < end {
                return Some((i, end));
            }
            if self.tokens[i].gap == Gap::None && i + 1 < end {
                break;
            }
        }
        // Otherwise a run of capitalised words, "of" and "for" inside it ("Department of Health").
        let mut i = end;
        while i > from
            && (self.capitalised(i - 1) || i < end && self.has(i - 1, JOIN))
            && !self.has(i - 1, QUOTED)
        {
            i -= 1;
        }
        while i < end && (!self.capitalised(i) || self.has(i, COORD | PREP) && i + 1 < end) {
            i += 1;
        }
        if i < end {
            // With the words describing them ("Instagram user offdutydoctor").
            return Some((i, end));
        }
        // "officials said", "sources say": one plural noun.
        let last = self.tokens[end - 1].text(self.body);
        if last.ends_with('s') && last.len() > 3 {
            return Some((end - 1, end));
        }
        // The whole subject, when the clause is short and holds no verb-like cue
        // ("Ninety per cent of doctors polled have said").
        let subject =
            (from..end).all(|i| (self.namey(i) || self.number(i)) && !self.has(i, CUE | THAT | QUOTED));
        (subject && end - from <= 8 && self.capitalised(from)).then_some((from, end))
    }

    fn number(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Number)
    }

    /// The speaker before an aside that ends right before the cue at `k` ("Trump, speaking in
    /// Iowa, said"): the words before the aside's opening comma.
    fn aside(&self, from: usize, k: usize) -> Option<(usize, usize)> {
        let mut end = k;
        while end > from && self.has(end - 1, BETWEEN) {
            end -= 1;
        }
        if end == from || !self.sym(end - 1, ",") {
            return None;
        }
        let open = (from..end - 1)
            .rev()
            .take(25)
            .take_while(|&i| !self.has(i, QUOTED))
            .find(|&i| self.sym(i, ","))?;
        // An aside holds no cue, but for a relative clause ("Barkley, who said X, said Y").
        if !self.has(open + 1, WHO) && (open + 1..end).any(|i| self.has(i, CUE)) {
            return None;
        }
        self.speaker_before(from, open)
    }

    /// The speaker named right after token `k` ("said Mr Hunt", "said the health secretary").
    fn speaker_after(&self, k: usize, to: usize) -> Option<(usize, usize)> {
        let first = k + 1;
        if first >= to || !self.namey(first) || self.has(first, QUOTED | TIME | PREP | THAT) {
            return None;
        }
        if self.has(first, PRONOUN) {
            return Some((first, first + 1));
        }
        let mut i = first;
        while i < to
            && i - first < SPEAKER_MAX
            && (self.namey(i) || self.number(i))
            && !self.has(i, CUE | QUOTED | TIME | THAT)
            && !(i > first && self.has(i, PREP) && !self.has(i, JOIN))
        {
            i += 1;
        }
        let named = self.has(first, DET) && i > first + 1
            || (first..i).any(|j| self.capitalised(j))
            || i > first
                && i <= first + 3
                && self.tokens[i - 1].text(self.body).ends_with('s')
                && !self.has(i - 1, BETWEEN);
        named.then_some((first, i))
    }

    /// The source after "according to" (token `k` is "to"): any noun phrase up to a comma
    /// ("according to recent polls", "according to him"), or a named speaker.
    fn source_after(&self, k: usize, to: usize) -> Option<(usize, usize)> {
        let first = k + 1;
        let mut i = first;
        while i < to
            && i - first < SPEAKER_MAX
            && (self.namey(i) || self.number(i) || self.sym(i, "'") || self.sym(i, "’") || self.sym(i, "-"))
            && !self.has(i, QUOTED | CUE | THAT)
            && !(i > first && self.has(i, PREP) && !self.has(i, JOIN))
        {
            i += 1;
        }
        let ends = i == to || self.sym(i, ",") || self.ends_sentence(i) || self.sym(i, ";");
        if i > first && ends && self.namey(first) {
            return Some((first, i));
        }
        self.speaker_after(k, to)
    }

    /// Whether token `i` opens an infinitive ("promised to act", "refused to help"): "to" and
    /// a lower-case word that is neither a noun phrase's start nor a plural.
    fn infinitive(&self, i: usize) -> bool {
        let v = i + 1;
        self.has(i, TO)
            && self.word(v)
            && !self.capitalised(v)
            && !self.has(v, DET | OBJECT | PRONOUN | PREP | COPULA | IT)
            && self.tokens.get(v).is_some_and(|t| {
                let w = t.text(self.body);
                !w.ends_with('s') || w.ends_with("ss")
            })
    }

    /// A speaker `(a, b)` found before a cue, widened to the noun phrase after a ", but" or
    /// ", and" that opens its clause ("yes, but 55 percent of all voters say").
    fn widen(&self, s: usize, (a, b): (usize, usize)) -> (usize, usize) {
        let start = (a.saturating_sub(6).max(s + 1)..a)
            .rev()
            .take_while(|&i| self.namey(i) || self.number(i))
            .find(|&i| self.has(i, COORD) && self.sym(i - 1, ","));
        start.map_or((a, b), |c| (c + 1, b))
    }

    /// The speaker of the sentence `s..k` so far: of its first cue with a speaker before it.
    fn subject(&self, s: usize, k: usize, hits: &[Hit]) -> Option<Span> {
        if let Some(h) =
            hits.iter().rev().take(RECENT_HITS).find(|h| h.cue.is_some_and(|(c, _)| c >= s && c < k))
        {
            return h.who;
        }
        (s..k)
            .filter(|&i| self.has(i, CUE) && !self.has(i, QUOTED))
            .find_map(|i| self.speaker_before(s, i))
            .or_else(|| self.leading(s, k))
            .map(|w| self.span(w))
    }

    /// The name or pronoun that opens the sentence `s..k` ("Gill Shaw contacted us to say").
    fn leading(&self, s: usize, k: usize) -> Option<(usize, usize)> {
        // Past an opening "But" or "And".
        let s = if self.has(s, COORD) && s + 1 < k { s + 1 } else { s };
        if self.has(s, PRONOUN) {
            return Some((s, s + 1));
        }
        let mut i = s;
        while i < k && (self.capitalised(i) || i > s && self.has(i, JOIN) && self.capitalised(i + 1)) {
            i += 1;
        }
        (i > s && i < k && !self.has(s, PREP | DET | CUE)).then_some((s, i))
    }

    /// The cue and speaker after a closing quotation mark: `," he said`, `," said Mr Hunt`,
    /// `," Dr X, chair of Y, has said`, `," according to X`.
    fn cue_after(&self, close: usize, e: usize) -> Option<((usize, usize), (usize, usize))> {
        let mut j = close;
        if self.sym(j, ",") || self.sym(j, "—") {
            j += 1;
        }
        if j >= e || self.has(j, QUOTED) {
            return None;
        }
        if self.has(j, ACCORDING) && self.has(j + 1, TO) {
            return self.source_after(j + 1, e).map(|who| ((j, j + 2), who));
        }
        if self.has(j, CUE) && !self.has(j, NOUNISH) {
            return self.speaker_after(j, e).map(|who| ((j, j + 1), who));
        }
        let k = (j + 1..e.min(j + AFTER_MAX))
            .take_while(|&i| !self.has(i, QUOTED) && !self.full_stop(i))
            .find(|&i| self.has(i, CUE))?;
        let mut end = k;
        while end > j && self.has(end - 1, BETWEEN) {
            end -= 1;
        }
        let end = (j..end).find(|&i| self.sym(i, ",")).unwrap_or(end);
        let ok = end > j
            && end - j <= SPEAKER_MAX
            && (j..end).all(|i| {
                self.namey(i) || self.number(i) || self.sym(i, "'") || self.sym(i, "’") || self.sym(i, ".")
            })
            && !self.has(j, AND | THAT | PREP | CUE)
            && (self.has(j, PRONOUN | DET)
                || self.capitalised(j)
                || end - j == 1 && self.tokens[j].text(self.body).ends_with('s'));
        ok.then_some(((k, k + 1), (j, end)))
    }

    /// The cue and speaker right before an opening quotation mark: `Hunt said: "`, `she told
    /// the BBC: "`, `, adding: "`.
    fn cue_before(&self, s: usize, open: usize, hits: &[Hit]) -> Option<((usize, usize), Option<Span>)> {
        let mut k = open;
        while k > s && open - k <= RECIPIENT_MAX + 2 {
            k -= 1;
            if self.has(k, QUOTED) || self.full_stop(k) || self.has(k, THAT) {
                return None;
            }
            if !self.has(k, CUE) {
                continue;
            }
            let right_after = k + 1 == open || self.sym(open - 1, ",") || self.sym(open - 1, ":");
            if !right_after || self.has(k, NOUNISH) && k + 1 == open {
                return None;
            }
            if self.has(k, ING) && k > s && self.sym(k - 1, ",") {
                return Some(((k, k + 1), self.subject(s, k, hits)));
            }
            let who = self.speaker_before(s, k).or_else(|| self.aside(s, k))?;
            return Some(((k, k + 1), Some(self.span(who))));
        }
        None
    }

    /// Where the reported clause after the cue at `k` starts: past whom it was told to, a time
    /// and "that".
    fn clause_after(&self, k: usize, e: usize) -> usize {
        let mut from = k + 1;
        if self.has(k, TELL) {
            if let Some(that) = (from..e.min(from + RECIPIENT_MAX + 1)).find(|&i| self.has(i, THAT)) {
                return that + 1;
            }
            if self.has(from, OBJECT) {
                from += 1;
            } else if self.has(from, DET) || self.capitalised(from) {
                if self.has(from, DET) {
                    from += 1;
                }
                let run = from;
                while from < e && (self.capitalised(from) || from > run && self.has(from, JOIN)) {
                    from += 1;
                }
                if from == run {
                    from += 1;
                }
            }
        }
        // "referring to X", "talked about X": X is what the cue is about.
        let prep = self.tokens.get(from).map_or("", |t| t.text(self.body));
        if self.has(k, POINTS) && prep == "to"
            || self.has(k, ABOUT) && matches!(prep, "about" | "on")
            || self.has(k, CALL) && matches!(prep, "for" | "on")
        {
            return from + 1;
        }
        // Past "out", "Tuesday", "on Monday".
        while from < e
            && (self.has(from, TIME | PARTICLE)
                || self.has(from, PREP) && self.has(from + 1, TIME) && from + 1 < e)
        {
            from += if self.has(from, PREP) && !self.has(from, TIME) { 2 } else { 1 };
        }
        if self.has(from, THAT) {
            return from + 1;
        }
        // "said in a statement on Tuesday that": past an adverbial to "that".
        if self.has(from, PREP) && !self.has(from, IF) {
            let phrase = (from..e.min(from + 8)).take_while(|&i| self.namey(i) || self.number(i));
            if let Some(that) = phrase.clone().find(|&i| self.has(i, THAT)) {
                return that + 1;
            }
            // "said on Friday he met", "said in an interview they would": past a short
            // adverbial to the reported clause's subject.
            if let Some(subject) = phrase.take(6).skip(1).find(|&i| self.has(i, PRONOUN) && !self.has(i, IT))
            {
                return subject;
            }
        }
        from
    }

    /// Where reported speech that starts at `from` ends: at the sentence end `e`, or before a
    /// cue that goes on from it (", adding") or a quote's own cue.
    fn clause_end(&self, from: usize, e: usize) -> usize {
        // No clause runs longer than `MAX_CLAUSE`: a sentence without an end is not read to it
        // for every cue.
        let e = e.min(from.saturating_add(MAX_CLAUSE));
        (from..e)
            .find(|&i| self.has(i, USED) || self.has(i, ING) && i > from && self.sym(i - 1, ","))
            .unwrap_or(e)
    }
}

/// Where each paragraph's tokens start and end.
fn paragraphs(tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=tokens.len() {
        if i == tokens.len() || tokens[i].gap == Gap::Line {
            if start < i {
                out.push((start, i));
            }
            start = i;
        }
    }
    out
}

/// Every attribution in `body`, in text order.
pub fn extract(body: &str) -> Vec<Quote> {
    collect(body, &super::tokens::tokenize(body))
}

/// `extract`, over tokens already read off `body`.
pub(crate) fn collect(body: &str, tokens: &[Token]) -> Vec<Quote> {
    let mut doc = Doc { body, tokens, tags: tokens.iter().map(|t| flags(t, body)).collect() };
    let mut out: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<Span> = None;
    // A "said:" that introduces the next paragraph, or the bullets after it.
    let mut colon: Option<(Span, Span, bool)> = None;
    let mut hits: Vec<Hit> = Vec::new();
    for para in paragraphs(tokens) {
        hits.clear();
        if let Some((cue, who, first)) = colon.take() {
            let bullet = doc.sym(para.0, "•") || doc.sym(para.0, "-") || doc.sym(para.0, "*");
            if (first || bullet) && doc.mark(para.0).is_none() {
                let content = doc.trimmed(para);
                if content.0 < content.1 {
                    out.push(Quote {
                        kind: QuoteKind::Direct,
                        cue,
                        speaker: Some(who),
                        named: None,
                        content: doc.span(content),
                    });
                    colon = Some((cue, who, false));
                    continue;
                }
            }
        }
        // Most paragraphs hold no attribution: none without a cue, a quotation mark or a colon.
        let triggers = CUE | ACCORDING | POINTS | ABOUT | CALL;
        let any = (para.0..para.1)
            .any(|i| doc.has(i, triggers) || doc.mark(i).is_some() || doc.sym(i, ":") || doc.sym(i, "‘"));
        if !any {
            continue;
        }
        let quotes = doc.quoted(para);
        let sents = doc.sentences(para);
        // A capitalised cue inside a sentence is a name ("United States"), and the cues in an
        // opening "Asked how many strikes he thought there would be," are part of the question.
        for &(s, e) in &sents {
            let question = doc.has(s, TELL) && doc.has(s, CUE);
            let comma = (s..e).find(|&i| doc.sym(i, ",")).unwrap_or(s);
            // A headline in title case keeps its cues ("Clinton Says Trump Is Unfit").
            let title = (s..e)
                .all(|i| !doc.word(i) || doc.capitalised(i) || doc.tokens[i].end - doc.tokens[i].start <= 3);
            for i in s + 1..e {
                let name = doc.capitalised(i) && !title && doc.mark(i - 1).is_none();
                if doc.has(i, CUE) && (name || question && i < comma) {
                    doc.tags[i] &= !CUE;
                }
            }
        }
        let sentence_of = |i: usize| sents.iter().copied().find(|&(s, e)| i >= s && i < e).unwrap_or(para);
        let mut resumed: Option<Span> = None;
        for q in &quotes {
            let content = doc.trimmed((q.from, q.to));
            if content.0 >= content.1 {
                continue;
            }
            let s = sentence_of(q.open).0;
            let e = sentence_of(q.close.saturating_sub(1).max(q.open)).1.max(q.close);
            // A quote that ends its sentence (`"... now." Hunt said.`) takes a cue from the next
            // one only when the cue and speaker are all that sentence says.
            let ended = e == q.close && q.close < para.1 && q.to > q.from && doc.full_stop(q.to - 1);
            let e = if ended { sentence_of(q.close).1 } else { e };
            let n = doc.words(content);
            let found = doc
                .cue_after(q.close, e)
                .filter(|&((_, c), (_, w))| !ended || doc.words((c.max(w), e)) <= 3)
                .map(|(cue, who)| (cue, Some(doc.span(who))))
                .or_else(|| doc.cue_before(s, q.open, &hits));
            match found {
                Some((cue, who)) => {
                    for t in &mut doc.tags[cue.0..cue.1] {
                        *t |= USED;
                    }
                    if who.is_some() {
                        last_speaker = who;
                    }
                    resumed = who;
                    hits.push(Hit { kind: QuoteKind::Direct, cue: Some(cue), who, content });
                }
                // Runs on from the last speaker: a paragraph that opens with a quote, or a
                // sentence that resumes one after "he said".
                None if n >= MIN_WORDS
                    && (q.open == para.0 && last_speaker.is_some() || q.open == s && resumed.is_some()) =>
                {
                    let who = if q.open == para.0 { last_speaker } else { resumed };
                    hits.push(Hit { kind: QuoteKind::Direct, cue: None, who, content });
                }
                None => {}
            }
        }
        let direct = hits.len();
        // "Sanders: Brexit's message could help Trump." and transcripts ("BOULDUAN: You guys...").
        let name_end = (para.0..para.1.min(para.0 + 4))
            .take_while(|&i| doc.capitalised(i) && !doc.has(i, CUE | PRONOUN | DET))
            .last()
            .map_or(para.0, |i| i + 1);
        // One word names someone only in capitals ("BOULDUAN:"), not a rubric ("Recap:"); a
        // quotation in single marks after the name is a post's headline.
        let shouted =
            name_end == para.0 + 1 && !doc.tokens[para.0].text(body).chars().any(char::is_lowercase);
        // Or a surname before what they said ("Lynch: No outside influence on the probe"),
        // which no rubric word is ("Update:", "Analysis:").
        let shouted = shouted
            || name_end == para.0 + 1
                && !doc.has(para.0, TIME | RUBRIC)
                && doc.tokens[para.0].text(body).chars().count() > 2;
        if (name_end > para.0 + 1 || shouted) && name_end < para.1 && doc.sym(name_end, ":") {
            let headline = doc.sym(name_end + 1, "'") || doc.sym(name_end + 1, "‘");
            let content = doc.trimmed((name_end + 1, para.1));
            if doc.words(content) >= MIN_WORDS && !doc.has(content.0, QUOTED) && !headline {
                let who = doc.span((para.0, name_end));
                last_speaker = Some(who);
                let cue = Some((name_end, name_end + 1));
                hits.push(Hit { kind: QuoteKind::Indirect, cue, who: Some(who), content });
            }
        }
        for &(s, e) in &sents {
            let mut k = s;
            while k < e {
                let at = k;
                k += 1;
                if doc.has(at, QUOTED | USED) || !doc.word(at) {
                    continue;
                }
                // "according to X, ..." and "..., according to X."
                if doc.has(at, ACCORDING) && doc.has(at + 1, TO) {
                    let Some(who) = doc.source_after(at + 1, e) else { continue };
                    let content = if at <= s + 1 { doc.trimmed((who.1, e)) } else { doc.trimmed((s, at)) };
                    if doc.words(content) >= MIN_WORDS {
                        last_speaker = Some(doc.span(who));
                        hits.push(Hit {
                            kind: QuoteKind::Indirect,
                            cue: Some((at, at + 2)),
                            who: Some(doc.span(who)),
                            content,
                        });
                    }
                    k = who.1;
                    continue;
                }
                if !doc.has(at, CUE) {
                    continue;
                }
                // "groups backed by Ankara", "was endorsed by": a passive participle.
                let passive = doc.tokens.get(at + 1).is_some_and(|t| t.text(body) == "by")
                    && doc.tokens[at].text(body).ends_with("ed");
                if passive {
                    continue;
                }
                // ", adding that ..." and "and added that ...": the sentence's speaker goes on.
                let joined = at > s + 1
                    && (doc.has(at, ING) && doc.sym(at - 1, ",")
                        || doc.has(at - 1, AND | BUT) && !doc.has(at, ING));
                // "contacted us to say that": the sentence's subject said it.
                let infinitive = at > s + 1 && doc.has(at - 1, TO) && !doc.has(at, ING);
                let who = if joined || infinitive {
                    doc.subject(s, at, &hits).map(|w| (w, None))
                } else {
                    doc.speaker_before(s, at)
                        .map(|w| doc.widen(s, w))
                        .or_else(|| doc.aside(s, at))
                        .map(|w| (doc.span(w), Some(w)))
                };
                let clause = doc.clause_after(at, e);
                let mut content = doc.trimmed((clause, doc.clause_end(clause, e)));
                // ", who said X, said Y": the relative clause ends at its closing comma.
                if doc.has(at.saturating_sub(1), WHO) && at >= s + 2 && doc.sym(at - 2, ",") {
                    let close = (content.0..content.1).take(RELATIVE_MAX).find(|&i| {
                        doc.sym(i, ",")
                            && (i + 1..content.1.min(i + 4))
                                .find(|&j| !doc.has(j, BETWEEN))
                                .is_some_and(|j| doc.has(j, CUE))
                    });
                    if let Some(c) = close {
                        content = doc.trimmed((content.0, c));
                    }
                }
                if let Some((who, range)) = who {
                    // A noun-like cue is a verb after a name or a pronoun, or after a phrase
                    // with a determiner when a clause follows ("a new poll shows Sanders").
                    let det_phrase = range.is_some_and(|(a, b)| {
                        (2..=4).contains(&(b - a)) && doc.has(a, DET) && !(a..b).any(|i| doc.has(i, JOIN))
                    }) && (doc.has(at + 1, THAT | DET | PRONOUN)
                        || doc.capitalised(at + 1)
                        || doc.number(at + 1));
                    // "... and calls her", "but plans to": a verb going on from the subject.
                    let verb_after = joined
                        && (doc.has(at + 1, OBJECT | DET | THAT | PRONOUN | TO) || doc.capitalised(at + 1));
                    if doc.has(at, NOUNISH)
                        && !det_phrase
                        && !verb_after
                        && range.is_none_or(|(_, b)| !doc.capitalised(b - 1) && !doc.has(b - 1, PRONOUN))
                    {
                        continue;
                    }
                    // "said:" closing the paragraph introduces the next one.
                    let intro = e == para.1
                        && doc.sym(e - 1, ":")
                        && (content.0 >= content.1
                            || doc.has(content.0, PREP)
                            || (content.0..content.1).any(|i| doc.has(i, FOLLOWING)));
                    if intro {
                        colon = Some((doc.span((at, at + 1)), who, true));
                        last_speaker = Some(who);
                        continue;
                    }
                    // A parenthetical "X, he said, Y": what was said is around it, the whole
                    // sentence when it goes on after the aside, else what is before it.
                    let aside_cue =
                        range.is_some_and(|(a, _)| a > s && doc.sym(a - 1, ",")) && doc.sym(at + 1, ",");
                    let content = if !aside_cue {
                        content
                    } else if doc.words((at + 2, e)) >= MIN_WORDS && !doc.has(at + 2, COORD) {
                        doc.trimmed((s, e))
                    } else {
                        doc.trimmed((s, range.map_or(s, |r| r.0)))
                    };
                    let after_that = clause > at + 1 && doc.has(clause - 1, THAT);
                    // What the writer means to do ("I have always wanted to") is no one's report.
                    let first_person = range.is_some_and(|(a, b)| {
                        b == a + 1 && matches!(doc.tokens[a].text(body), "I" | "we" | "We")
                    });
                    let starts_ok = content.0 < content.1
                        && (aside_cue || !doc.has(content.0, COPULA))
                        && (after_that
                            || aside_cue
                            || !doc.has(content.0, PREP)
                            || doc.has(content.0, IF)
                            || doc.infinitive(content.0) && !first_person)
                        && !doc.sym(clause, ":");
                    if starts_ok && doc.words(content) >= 1 {
                        // The clause before ends where this one joins it: ", adding", "and added",
                        // "- but unions say".
                        let cut = if joined {
                            Some(at - 1)
                        } else {
                            range.map(|r| r.0).filter(|&a| a > s && doc.has(a - 1, COORD)).map(|a| a - 1)
                        };
                        // A cue inside what another cue reports is part of it, not an attribution.
                        // Quotes are in text order: the one that may hold `at` is found by
                        // halving; reported speech is checked back over the latest clauses.
                        let holds = |h: &Hit| h.content.0 <= at && at < h.content.1;
                        let (quoted, reported) = hits.split_at(direct);
                        let before = quoted.partition_point(|h| h.content.0 <= at);
                        let nested = before.checked_sub(1).is_some_and(|i| holds(&quoted[i]))
                            || reported.iter().rev().take(RECENT_HITS).any(holds);
                        if nested && cut.is_none() {
                            continue;
                        }
                        if let Some(cut) = cut {
                            let before = hits[direct..]
                                .iter_mut()
                                .rev()
                                .find(|h| h.content.0 < cut && h.content.1 > cut);
                            if let Some(h) = before {
                                h.content = doc.trimmed((h.content.0, cut));
                            }
                        }
                        doc.tags[at] |= USED;
                        last_speaker = Some(who);
                        // "X and that Y": one clause each.
                        let and_that = (content.0 + 1..content.1)
                            .find(|&i| doc.has(i, AND) && doc.has(i + 1, THAT) && !doc.has(i, QUOTED));
                        let cue = Some((at, at + 1));
                        if let Some(i) = and_that {
                            hits.push(Hit {
                                kind: QuoteKind::Indirect,
                                cue,
                                who: Some(who),
                                content: doc.trimmed((content.0, i)),
                            });
                            hits.push(Hit {
                                kind: QuoteKind::Indirect,
                                cue,
                                who: Some(who),
                                content: doc.trimmed((i + 2, content.1)),
                            });
                        } else {
                            hits.push(Hit { kind: QuoteKind::Indirect, cue, who: Some(who), content });
                        }
                        continue;
                    }
                }
                // "The offer was unfair, the BMA said." and "..., said Mr Hunt."
                let comma = (s..at).rev().take(MAX_CLAUSE).find(|&i| doc.sym(i, ","));
                let speech = !doc.has(at, STANCE);
                if let Some(comma) =
                    comma.filter(|&c| speech && at - c <= 10 && e - at <= 8 && !doc.has(c + 1, COORD))
                {
                    let who = doc.speaker_before(comma + 1, at).or_else(|| doc.speaker_after(at, e));
                    let content = doc.trimmed((s, comma));
                    if let Some(who) = who.filter(|_| doc.words(content) >= MIN_WORDS && !doc.has(s, QUOTED))
                    {
                        doc.tags[at] |= USED;
                        last_speaker = Some(doc.span(who));
                        hits.push(Hit {
                            kind: QuoteKind::Indirect,
                            cue: Some((at, at + 1)),
                            who: Some(doc.span(who)),
                            content,
                        });
                    }
                }
            }
        }
        // A quoted fragment inside reported speech makes it mixed, and is not a quote of its own.
        let mut keep = vec![true; hits.len()];
        let (quoted, reported) = hits.split_at_mut(direct);
        for h in reported {
            let (a, b) = h.content;
            let first = quoted.partition_point(|d| d.content.0 < a);
            for (j, d) in quoted.iter().enumerate().skip(first).take_while(|(_, d)| d.content.0 < b) {
                if d.content.1 <= b && d.content.0 < d.content.1 {
                    keep[j] = false;
                    h.kind = QuoteKind::Mixed;
                }
            }
        }
        for (h, keep) in hits.iter().zip(keep) {
            // Reported speech runs to its sentence's end; in text with no full stops that is
            // the whole paragraph, for every cue in it.
            let content = match h.kind {
                QuoteKind::Direct => h.content,
                _ => doc.trimmed((h.content.0, h.content.1.min(h.content.0 + MAX_CLAUSE))),
            };
            if keep && content.0 < content.1 {
                let quoting = (content.0..content.1).any(|i| doc.has(i, QUOTED));
                out.push(Quote {
                    kind: if h.kind == QuoteKind::Indirect && quoting { QuoteKind::Mixed } else { h.kind },
                    cue: h.cue.map_or(Span::new(0, 0), |c| doc.span(c)),
                    speaker: h.who,
                    named: None,
                    content: doc.span(content),
                });
            }
        }
    }
    out.sort_by_key(|q| q.content.start);
    name_pronouns(body, &mut out);
    out
}

/// Give each speaker that is only a pronoun the last speaker named before it.
fn name_pronouns(body: &str, quotes: &mut [Quote]) {
    let mut last_named: Option<Span> = None;
    for q in quotes.iter_mut() {
        let Some(s) = q.speaker else { continue };
        let text = body.get(s.range()).unwrap_or("").to_lowercase();
        if PRONOUNS.contains(&text.as_str()) {
            q.named = last_named;
        } else if text.chars().next().is_some_and(char::is_alphabetic) {
            last_named = Some(s);
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn reported_speech_in_text_without_full_stops_is_cut_short() {
        let words =
            ["the", "union", "said", "doctors", "would", "strike", "and", "Hunt", "told", "reporters"];
        let text: String =
            (0..20_000).map(|i| words[(i * 7 + i / 3) % words.len()]).collect::<Vec<_>>().join(" ");
        let quotes = extract(&text);
        assert!(!quotes.is_empty());
        // Every clause stops within MAX_CLAUSE tokens, not at the end of a 20,000-word sentence.
        assert!(quotes.iter().all(|q| q.content.end - q.content.start < 2_000), "{:?}", quotes.first());
    }
    use super::super::tokens::tokenize;
    use super::*;

    fn quotes(body: &str) -> Vec<(&'static str, String, String, String)> {
        collect(body, &tokenize(body))
            .into_iter()
            .map(|q| {
                let text = |s: Span| body[s.range()].to_string();
                (q.kind.as_str(), q.speaker.map(text).unwrap_or_default(), text(q.cue), text(q.content))
            })
            .collect()
    }

    #[test]
    fn direct_quotes_with_the_cue_after_before_and_running_on() {
        let q = quotes(
            "\"We will not back down on patient safety,\" Mr Hunt said.\n\nThe BMA said: \"This contract is unsafe for patients.\"\n\n\"And it is unfair to women,\" she added.\n\n\"We have tried everything to avoid this.\"",
        );
        assert_eq!(
            q[0],
            ("direct", "Mr Hunt".into(), "said".into(), "We will not back down on patient safety".into())
        );
        assert_eq!(
            q[1],
            ("direct", "The BMA".into(), "said".into(), "This contract is unsafe for patients".into())
        );
        assert_eq!(q[2].1, "she");
        assert_eq!(
            q[3],
            ("direct", "she".into(), "".into(), "We have tried everything to avoid this".into())
        );
        assert_eq!(q.len(), 4);
    }

    #[test]
    fn indirect_quotes_and_according_to() {
        let q = quotes(
            "Jeremy Hunt said the new contract was safe for patients. The offer was unfair to junior doctors, the union warned. According to NHS England, 5,000 operations were postponed. A Department of Health spokesman told the BBC that talks would resume.",
        );
        assert_eq!(
            q[0],
            (
                "indirect",
                "Jeremy Hunt".into(),
                "said".into(),
                "the new contract was safe for patients".into()
            )
        );
        assert_eq!(
            q[1],
            (
                "indirect",
                "the union".into(),
                "warned".into(),
                "The offer was unfair to junior doctors".into()
            )
        );
        assert_eq!(q[2].1, "NHS England");
        assert_eq!(q[2].3, "5,000 operations were postponed");
        assert_eq!(q[3].1, "A Department of Health spokesman");
        assert_eq!(q[3].3, "talks would resume");
    }

    #[test]
    fn scare_quotes_and_nouns_are_not_speech() {
        assert!(quotes("Doctors put a \"human face\" behind the dispute.").is_empty());
        assert!(quotes("The claims were rejected by the court on Monday.").is_empty());
        let q = quotes("Mr Hunt said the deal was \"fair and safe for everyone\" on Tuesday.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, "mixed");
    }

    #[test]
    fn double_apostrophes_quote_and_an_aside_may_stand_before_the_cue() {
        let q = quotes("''We will win the vote,'' Ms. Carter said.");
        assert_eq!(q, vec![("direct", "Ms. Carter".into(), "said".into(), "We will win the vote".into())]);
        let q = quotes("\"The plan is sound,\" Jane Doe, the city's treasurer, has said.");
        assert_eq!(q[0].1, "Jane Doe");
        assert_eq!(q.len(), 1);
    }

    #[test]
    fn a_quote_resumed_after_the_cue_keeps_its_speaker() {
        let q = quotes("\"We are ready,\" the coach said. \"The team has trained all year.\"");
        assert_eq!(q.len(), 2);
        assert_eq!(q[1], ("direct", "the coach".into(), "".into(), "The team has trained all year".into()));
    }

    #[test]
    fn participles_and_clauses_joined_by_and_that() {
        let q = quotes("The mayor said the budget was balanced, adding that taxes would fall.");
        assert_eq!(q[0].3, "the budget was balanced");
        assert_eq!(
            (q[1].1.as_str(), q[1].2.as_str(), q[1].3.as_str()),
            ("The mayor", "adding", "taxes would fall")
        );
        let q = quotes("She said the road was closed and that buses would run.");
        assert_eq!(
            q.iter().map(|q| q.3.as_str()).collect::<Vec<_>>(),
            ["the road was closed", "buses would run"]
        );
    }

    #[test]
    fn a_cue_inside_reported_speech_is_not_a_second_quote() {
        let q = quotes("Ms Lee said she believes the plan will fail.");
        assert_eq!(
            q,
            vec![("indirect", "Ms Lee".into(), "said".into(), "she believes the plan will fail".into())]
        );
    }

    #[test]
    fn stance_verbs_and_names_that_look_like_cues() {
        let q = quotes("The senator endorsed the new farm bill on Monday.");
        assert_eq!(q[0].3, "the new farm bill on Monday");
        assert!(quotes("The United States Senate passed the farm bill.").is_empty());
        assert!(quotes("The bridge was old, but the town would never know.").is_empty());
    }

    #[test]
    fn a_colon_introduces_the_next_paragraph_or_names_a_speaker() {
        let q = quotes(
            "The council issued the following statement:\n\nThe park will reopen in May.\n\nMILLER: We need more nurses on every ward.",
        );
        assert_eq!(
            q[0],
            ("direct", "The council".into(), "issued".into(), "The park will reopen in May".into())
        );
        assert_eq!(
            q[1],
            ("indirect", "MILLER".into(), ":".into(), "We need more nurses on every ward".into())
        );
        assert!(quotes("Recap: what has happened so far today").is_empty());
        let q = quotes("Lynch: No outside influence on the inquiry");
        assert_eq!((q[0].1.as_str(), q[0].3.as_str()), ("Lynch", "No outside influence on the inquiry"));
        assert!(quotes("Analysis: why the vote went the way it did").is_empty());
    }

    #[test]
    fn a_quote_closing_its_sentence_ends_it() {
        let q = quotes("Lee said the probe was \"ongoing.\" He said the office had not commented on it.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].1, "He");
        assert_eq!(q[1].3, "the office had not commented on it");
        let q = quotes("\"We will win the vote.\" Carter said.");
        assert_eq!(q, vec![("direct", "Carter".into(), "said".into(), "We will win the vote".into())]);
    }

    #[test]
    fn according_to_any_source_and_a_clause_after_an_adverbial() {
        let q = quotes("The mill will close in May, according to recent filings.");
        assert_eq!(q[0].1, "recent filings");
        let q = quotes("The mayor said on Friday he would resign.");
        assert_eq!(q[0].3, "he would resign");
        let q = quotes("Mr Cruz said if elected he would cut taxes.");
        assert_eq!(q[0].3, "if elected he would cut taxes");
    }

    #[test]
    fn relative_clauses_and_shares() {
        let q = quotes("Barkley, who said he votes early, said the line was long.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[0].1.as_str(), q[0].3.as_str()), ("Barkley, who", "he votes early"));
        assert_eq!((q[1].1.as_str(), q[1].3.as_str()), ("Barkley", "the line was long"));
        let q = quotes("In May, 47 percent said they would vote for the plan.");
        assert_eq!(q[0].1, "47 percent");
    }

    #[test]
    fn infinitives_and_noun_like_cues_after_a_determiner() {
        let q = quotes("The governor promised on Monday to close the old prison.");
        assert_eq!(q[0].3, "to close the old prison");
        assert!(quotes("The governor spoke to the crowd.").is_empty());
        let q = quotes("A new poll shows Smith with a narrow lead.");
        assert_eq!((q[0].1.as_str(), q[0].3.as_str()), ("A new poll", "Smith with a narrow lead"));
        assert!(quotes("The TV shows were cancelled last year.").is_empty());
    }

    #[test]
    fn phrasal_cues_and_passive_participles() {
        let q = quotes("The senator pointed to the rising cost of housing.");
        assert_eq!(q[0].3, "the rising cost of housing");
        let q = quotes("The mayor talked about the new tram line.");
        assert_eq!(q[0].3, "the new tram line");
        assert!(quotes("Rebel groups backed by the army took the town.").is_empty());
        assert!(quotes("He was backed by most young voters.").is_empty());
        let q = quotes("Ms Diaz is calling for a review of the new contract.");
        assert_eq!((q[0].1.as_str(), q[0].3.as_str()), ("Ms Diaz", "a review of the new contract"));
    }

    #[test]
    fn a_second_clause_joined_by_but_has_its_own_attribution() {
        let q = quotes("Most voters said yes, but 40 percent of young voters say the tax is unfair.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].3, "yes");
        assert_eq!((q[1].1.as_str(), q[1].3.as_str()), ("40 percent of young voters", "the tax is unfair"));
        let q = quotes("The mayor says she likes the plan but argues that it costs too much.");
        assert_eq!(
            q.iter().map(|q| q.3.as_str()).collect::<Vec<_>>(),
            ["she likes the plan", "it costs too much"]
        );
    }

    #[test]
    fn asides_plural_speakers_after_the_cue_and_possessors() {
        let q = quotes("In his state, Mr Lee said, first offenders are sent to treatment.");
        assert_eq!(q[0].3, "In his state, Mr Lee said, first offenders are sent to treatment");
        let q = quotes("The rise surprised the party more than anyone, said several observers.");
        assert_eq!(q[0].1, "several observers");
        let q = quotes("Bernie Sanders’ campaign says it raised more money in January.");
        assert_eq!(
            (q[0].1.as_str(), q[0].3.as_str()),
            ("Bernie Sanders’ campaign", "it raised more money in January")
        );
        let q = quotes("Clinton's press secretary said the emails were private.");
        assert_eq!(q[0].1, "Clinton's press secretary");
        assert!(quotes("who who who who who who who who who who who who who said").len() <= 1);
    }
}
