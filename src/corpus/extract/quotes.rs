//! Who said what: every attribution in a body, read off the token stream with cues rather than
//! a parser. A quote is its content, the cue that attributes it ("said", "according to") and the
//! words that name the speaker ("Mr Hunt", "he", "a Department of Health spokesman").
//!
//! Direct quotes are words in quotation marks with a cue beside them (`"...," he said`,
//! `Hunt said: "..."`), or a quoted paragraph that runs on from the last speaker. Indirect ones
//! are a clause after a speaker and a cue (`the BMA said the offer was unfair`), before a cue at
//! the end of the sentence (`The offer was unfair, the BMA said.`) or beside "according to".

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

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

static CUES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../assets/quote-cues.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

const PRONOUNS: [&str; 7] = ["he", "she", "they", "we", "i", "you", "it"];
const DETERMINERS: [&str; 9] = ["the", "a", "an", "his", "her", "their", "its", "our", "one"];
/// Words that may stand between a speaker and the cue ("Hunt has also said").
const BETWEEN: [&str; 16] = [
    "also",
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
    "had",
];
/// Cue words that are more often nouns: they count only right after a speaker.
const NOUN_LIKE: [&str; 10] =
    ["claims", "notes", "reports", "states", "answers", "question", "point", "state", "report", "tweet"];
/// Words that come between "told" and what was told ("told the BBC that").
const RECIPIENT_MAX: usize = 5;
/// A quote of fewer words with no cue beside it is a scare quote or a title, not speech.
const MIN_WORDS: usize = 3;
/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 12] =
    ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "gov", "sen", "rep", "prof", "gen"];

fn lower(t: &Token, body: &str) -> String {
    t.text(body).to_lowercase()
}

fn is_word(t: &Token) -> bool {
    t.kind == Kind::Word
}

fn capitalised(t: &Token, body: &str) -> bool {
    is_word(t) && t.text(body).starts_with(char::is_uppercase)
}

fn sym(t: &Token, body: &str, s: &str) -> bool {
    t.kind == Kind::Sym && t.text(body) == s
}

fn quote_mark(t: &Token, body: &str) -> Option<char> {
    (t.kind == Kind::Sym)
        .then(|| t.text(body).chars().next())
        .flatten()
        .filter(|c| matches!(c, '"' | '“' | '”'))
}

fn is_cue(t: &Token, body: &str) -> bool {
    is_word(t) && CUES.contains(lower(t, body).as_str())
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

/// Quoted stretches of a paragraph as (opening mark, closing mark or paragraph end); a quote left
/// open runs to the end of the paragraph.
fn quoted(tokens: &[Token], body: &str, (start, end): (usize, usize)) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate().take(end).skip(start) {
        let Some(c) = quote_mark(t, body) else { continue };
        match (open, c) {
            (None, '”') => {}
            (None, _) => open = Some(i),
            (Some(o), '“') => open = Some(o),
            (Some(o), _) => {
                out.push((o, i));
                open = None;
            }
        }
    }
    if let Some(o) = open {
        out.push((o, end));
    }
    out
}

/// Sentence ends (exclusive token indices) of a paragraph, quotes kept whole.
fn sentences(
    tokens: &[Token],
    body: &str,
    (start, end): (usize, usize),
    quotes: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let inside = |i: usize| quotes.iter().any(|&(o, c)| i > o && i < c);
    let mut out = Vec::new();
    let mut from = start;
    for i in start..end {
        let t = &tokens[i];
        let ends = t.kind == Kind::Sym && matches!(t.text(body), "." | "!" | "?") && !inside(i);
        if !ends {
            continue;
        }
        let abbreviation = i > start && ABBREVIATIONS.contains(&lower(&tokens[i - 1], body).as_str());
        let next_starts = tokens.get(i + 1).is_none_or(|n| {
            i + 1 >= end || n.gap != Gap::None && (capitalised(n, body) || quote_mark(n, body).is_some())
        });
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

/// The speaker named right before token `k` (a cue), walking back over "has also" and the like.
fn speaker_before(tokens: &[Token], body: &str, from: usize, k: usize) -> Option<(usize, usize)> {
    let mut end = k;
    let mut skipped = 0;
    while end > from && skipped < 2 && BETWEEN.contains(&lower(&tokens[end - 1], body).as_str()) {
        end -= 1;
        skipped += 1;
    }
    if end == from || !is_word(&tokens[end - 1]) {
        return None;
    }
    let last = lower(&tokens[end - 1], body);
    if PRONOUNS.contains(&last.as_str()) {
        return Some((end - 1, end));
    }
    if DETERMINERS.contains(&last.as_str()) {
        return None;
    }
    // A determiner within six words opens a phrase ("a Department of Health spokesman").
    let mut i = end;
    while i > from && end - i < 6 && is_word(&tokens[i - 1]) {
        i -= 1;
        if DETERMINERS.contains(&lower(&tokens[i], body).as_str()) && i + 1 < end {
            return Some((i, end));
        }
        if tokens[i].gap == Gap::None && i + 1 < end {
            break;
        }
    }
    // Otherwise a run of capitalised words, "of" and "for" inside it ("Department of Health").
    let mut i = end;
    while i > from
        && (capitalised(&tokens[i - 1], body)
            || i < end && matches!(lower(&tokens[i - 1], body).as_str(), "of" | "for" | "and"))
    {
        i -= 1;
    }
    while i < end && !capitalised(&tokens[i], body) {
        i += 1;
    }
    if i < end {
        return Some((i, end));
    }
    // "officials said", "sources say": one plural noun.
    (last.ends_with('s') && last.len() > 3).then_some((end - 1, end))
}

/// The speaker before an aside that ends right before the cue at `k` ("Trump, speaking in Iowa,
/// said"): the words before the aside's opening comma.
fn aside(tokens: &[Token], body: &str, from: usize, k: usize) -> Option<(usize, usize)> {
    if k == from || !sym(&tokens[k - 1], body, ",") {
        return None;
    }
    let open = (from..k - 1).rev().take(12).find(|&i| sym(&tokens[i], body, ","))?;
    speaker_before(tokens, body, from, open)
}

/// The speaker named right after token `k` ("said Mr Hunt", "said the health secretary").
fn speaker_after(tokens: &[Token], body: &str, k: usize, to: usize) -> Option<(usize, usize)> {
    let first = tokens.get(k + 1).filter(|_| k + 1 < to)?;
    if !is_word(first) {
        return None;
    }
    let w = lower(first, body);
    if PRONOUNS.contains(&w.as_str()) {
        return Some((k + 1, k + 2));
    }
    let mut i = k + 1;
    if DETERMINERS.contains(&w.as_str()) {
        while i < to && i - k <= 6 && is_word(&tokens[i]) {
            i += 1;
        }
        return (i > k + 2).then_some((k + 1, i));
    }
    while i < to
        && (capitalised(&tokens[i], body)
            || i > k + 1 && matches!(lower(&tokens[i], body).as_str(), "of" | "for"))
    {
        i += 1;
    }
    (i > k + 1).then_some((k + 1, i))
}

/// Reported speech: a cue, a speaker and a clause, as token ranges.
fn reported(tokens: &[Token], cue: (usize, usize), who: (usize, usize), content: (usize, usize)) -> Quote {
    Quote {
        kind: QuoteKind::Indirect,
        cue: span(tokens, cue),
        speaker: Some(span(tokens, who)),
        named: None,
        content: span(tokens, content),
    }
}

fn span(tokens: &[Token], (from, to): (usize, usize)) -> Span {
    if from >= to {
        return Span::new(0, 0);
    }
    Span::new(tokens[from].start, tokens[to - 1].end)
}

/// The words of `from..to` without punctuation at either end.
fn trimmed(tokens: &[Token], body: &str, (mut from, mut to): (usize, usize)) -> (usize, usize) {
    let edge = |t: &Token| t.kind == Kind::Sym && !matches!(t.text(body), "$" | "£" | "€" | "%");
    while from < to && edge(&tokens[from]) {
        from += 1;
    }
    while to > from && edge(&tokens[to - 1]) {
        to -= 1;
    }
    (from, to)
}

fn words(tokens: &[Token], (from, to): (usize, usize)) -> usize {
    tokens[from..to].iter().filter(|t| is_word(t)).count()
}

/// Every attribution in `body`, in text order.
pub fn extract(body: &str) -> Vec<Quote> {
    collect(body, &super::tokens::tokenize(body))
}

/// `extract`, over tokens already read off `body`.
pub(crate) fn collect(body: &str, tokens: &[Token]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<Span> = None;
    for para in paragraphs(tokens) {
        let quotes = quoted(tokens, body, para);
        let sents = sentences(tokens, body, para, &quotes);
        let sentence_of = |i: usize| sents.iter().copied().find(|&(s, e)| i >= s && i < e).unwrap_or(para);
        let mut direct: Vec<Quote> = Vec::new();
        for &(o, c) in &quotes {
            let content = trimmed(tokens, body, (o + 1, c.min(para.1)));
            if content.0 >= content.1 {
                continue;
            }
            let (s, e) = (sentence_of(o).0, sentence_of(c.min(para.1 - 1)).1.max(c.min(para.1)));
            let n = words(tokens, content);
            // After the quote: `," he said` or `," said Mr Hunt`.
            let mut found = None;
            let mut k = c + 1;
            while k < e.min(c + 8) && quote_mark(&tokens[k], body).is_none() {
                if is_cue(&tokens[k], body) {
                    let who =
                        speaker_before(tokens, body, c + 1, k).or_else(|| speaker_after(tokens, body, k, e));
                    if let Some(who) = who {
                        found = Some((k, who));
                    }
                    break;
                }
                k += 1;
            }
            // Before it: `Hunt said: "` or `she told the BBC: "`.
            if found.is_none() && o > s {
                let mut k = o;
                let mut steps = 0;
                while k > s && steps <= RECIPIENT_MAX + 2 {
                    k -= 1;
                    steps += 1;
                    if is_cue(&tokens[k], body) {
                        if let Some(who) = speaker_before(tokens, body, s, k) {
                            found = Some((k, who));
                        }
                        break;
                    }
                    if quote_mark(&tokens[k], body).is_some() || sym(&tokens[k], body, ".") {
                        break;
                    }
                }
            }
            let quote = match found {
                Some((k, who)) => {
                    let speaker = span(tokens, who);
                    last_speaker = Some(speaker);
                    Quote {
                        kind: QuoteKind::Direct,
                        cue: span(tokens, (k, k + 1)),
                        speaker: Some(speaker),
                        named: None,
                        content: span(tokens, content),
                    }
                }
                // Runs on from the last speaker: a paragraph that opens with a quote.
                None if o == para.0 && n >= MIN_WORDS && last_speaker.is_some() => Quote {
                    kind: QuoteKind::Direct,
                    cue: Span::new(0, 0),
                    speaker: last_speaker,
                    named: None,
                    content: span(tokens, content),
                },
                None => continue,
            };
            if found.is_some() || n >= MIN_WORDS {
                direct.push(quote);
            }
        }
        let in_quote = |i: usize| quotes.iter().any(|&(o, c)| i >= o && i <= c);
        let mut indirect: Vec<Quote> = Vec::new();
        for &(s, e) in &sents {
            for k in s..e {
                if in_quote(k) || !is_word(&tokens[k]) {
                    continue;
                }
                let w = lower(&tokens[k], body);
                // "according to X, ..." and "..., according to X."
                if w == "according" && tokens.get(k + 1).is_some_and(|t| lower(t, body) == "to") {
                    let Some(who) = speaker_after(tokens, body, k + 1, e) else { continue };
                    let content = if k <= s + 1 {
                        trimmed(tokens, body, (who.1, e))
                    } else {
                        trimmed(tokens, body, (s, k))
                    };
                    if words(tokens, content) >= MIN_WORDS {
                        indirect.push(reported(tokens, (k, k + 2), who, content));
                    }
                    break;
                }
                if !CUES.contains(w.as_str()) {
                    continue;
                }
                if let Some(who) = speaker_before(tokens, body, s, k).or_else(|| aside(tokens, body, s, k)) {
                    if NOUN_LIKE.contains(&w.as_str())
                        && who.1 - who.0 == 1
                        && !capitalised(&tokens[who.0], body)
                        && !PRONOUNS.contains(&lower(&tokens[who.0], body).as_str())
                    {
                        continue;
                    }
                    // What follows: past "that" and past whom it was told to.
                    let mut from = k + 1;
                    if matches!(
                        w.as_str(),
                        "told" | "tells" | "tell" | "telling" | "asked" | "urged" | "warned"
                    ) {
                        let that = (from..e.min(from + RECIPIENT_MAX + 1))
                            .find(|&i| lower(&tokens[i], body) == "that");
                        from = that.unwrap_or(from);
                    }
                    if tokens.get(from).is_some_and(|t| lower(t, body) == "that") {
                        from += 1;
                    }
                    if tokens.get(from).is_some_and(|t| sym(t, body, ":") || quote_mark(t, body).is_some()) {
                        continue;
                    }
                    let content = trimmed(tokens, body, (from, e));
                    if words(tokens, content) >= MIN_WORDS && !in_quote(from) {
                        last_speaker = Some(span(tokens, who));
                        indirect.push(reported(tokens, (k, k + 1), who, content));
                        break;
                    }
                }
                // "The offer was unfair, the BMA said." and "..., said Mr Hunt."
                let comma = (s..k).rev().find(|&i| sym(&tokens[i], body, ","));
                if let Some(comma) = comma.filter(|&c| k - c <= 7 && e - k <= 8) {
                    let who = speaker_before(tokens, body, comma + 1, k)
                        .or_else(|| speaker_after(tokens, body, k, e));
                    let content = trimmed(tokens, body, (s, comma));
                    if let Some(who) = who.filter(|_| words(tokens, content) >= MIN_WORDS && !in_quote(s)) {
                        last_speaker = Some(span(tokens, who));
                        indirect.push(reported(tokens, (k, k + 1), who, content));
                        break;
                    }
                }
            }
        }
        // A quoted fragment inside reported speech makes it mixed, and is not a quote of its own.
        for q in &mut indirect {
            let holds = |d: &Quote| d.content.start >= q.content.start && d.content.end <= q.content.end;
            if direct.iter().any(holds) {
                q.kind = QuoteKind::Mixed;
                direct.retain(|d| !holds(d));
            }
        }
        out.extend(direct);
        out.extend(indirect);
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
}
