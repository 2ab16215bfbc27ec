//! Figures: every quantity the text quotes, written in digits or in words, with its value, its
//! unit and the words that say what it counts.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::lexicon::Lower;
use super::tokens::{Gap, Kind, Token};
use super::{Figure, Span, Unit};
use crate::corpus::article::month_number;

/// Words after a figure that say what it counts, at most.
const CONTEXT_WORDS: usize = 8;

const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

const DURATION_UNITS: [&str; 16] = [
    "second",
    "seconds",
    "secs",
    "minute",
    "minutes",
    "mins",
    "hour",
    "hours",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "fortnight",
    "decade",
    "decades",
];
const LONG_DURATION_UNITS: [&str; 6] = ["month", "months", "year", "years", "yrs", "centuries"];
/// Units glued to a number that make it a plain measurement ("2km", "500m", "30mph").
const GLUED_MEASURES: [&str; 24] = [
    "m", "km", "cm", "mm", "kg", "g", "mg", "lb", "lbs", "oz", "ft", "mph", "kmh", "kph", "mb", "gb", "kb",
    "tb", "mbps", "kbps", "ghz", "mhz", "kw", "ml",
];
/// Measures after a number written in words ("six yards", "eight megabit").
const MEASURE_WORDS: [&str; 24] = [
    "yards",
    "yard",
    "metres",
    "meters",
    "miles",
    "mile",
    "feet",
    "inches",
    "kilometres",
    "kilometers",
    "tonnes",
    "tons",
    "kilos",
    "kilograms",
    "litres",
    "gallons",
    "degrees",
    "points",
    "megabit",
    "megabits",
    "kilobit",
    "gigabit",
    "megabytes",
    "gigabytes",
];
/// Time zones after a four-digit clock time ("1200 GMT").
const ZONES: [&str; 9] = ["gmt", "bst", "utc", "cet", "est", "edt", "pst", "et", "pt"];
const CURRENCY_WORDS: [&str; 10] =
    ["euros", "euro", "dollars", "dollar", "pounds", "pound", "pence", "yen", "francs", "rupees"];
/// Words before a year that make it a date rather than a count ("in 2004", "since 1990").
const YEAR_LEADS: [&str; 20] = [
    "in", "since", "by", "of", "from", "until", "till", "to", "between", "and", "during", "after", "before",
    "early", "late", "mid", "the", "for", "around", "year",
];

/// Look a word up in a table, ignoring ASCII case, without allocating: this runs on every word.
fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(k, _)| k.eq_ignore_ascii_case(word)).map(|&(_, v)| v)
}

const MULTIPLIERS: [(&str, f64); 11] = [
    ("k", 1e3),
    ("thousand", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("million", 1e6),
    ("millions", 1e6),
    ("bn", 1e9),
    ("billion", 1e9),
    ("billions", 1e9),
    ("tn", 1e12),
    ("trillion", 1e12),
];

const FRACTIONS: [(&str, f64); 7] = [
    ("half", 0.5),
    ("third", 1.0 / 3.0),
    ("thirds", 1.0 / 3.0),
    ("quarter", 0.25),
    ("quarters", 0.25),
    ("fifth", 0.2),
    ("fifths", 0.2),
];

fn multiplier(word: &str) -> Option<f64> {
    lookup(&MULTIPLIERS, word)
}

/// Number and fraction words by their lower-case spelling, for one look-up per word.
static NUMBER_WORDS: LazyLock<FxHashMap<&'static str, NumberWord>> = LazyLock::new(|| {
    let small = SMALL.iter().enumerate().map(|(i, w)| (*w, NumberWord::Small(i as f64)));
    let tens = TENS.iter().enumerate().map(|(i, w)| (*w, NumberWord::Tens(20.0 + 10.0 * i as f64)));
    let fractions = FRACTIONS.iter().map(|&(w, f)| (w, NumberWord::Fraction(f)));
    small.chain(tens).chain(fractions).collect()
});

#[derive(Clone, Copy)]
enum NumberWord {
    Small(f64),
    Tens(f64),
    Fraction(f64),
}

/// For each pair of first letters, the lengths of the number words that start with it: a test
/// that turns away "the", "that" and "for" before any look-up.
static NUMBER_SHAPES: LazyLock<[u16; 26 * 26]> = LazyLock::new(|| {
    let mut shapes = [0u16; 26 * 26];
    for w in NUMBER_WORDS.keys() {
        if let Some(i) = shape_index(w.as_bytes()) {
            shapes[i] |= 1 << w.len();
        }
    }
    shapes
});

fn shape_index(word: &[u8]) -> Option<usize> {
    let letter = |b: u8| b.to_ascii_lowercase().checked_sub(b'a').filter(|&i| i < 26).map(usize::from);
    Some(letter(*word.first()?)? * 26 + letter(*word.get(1)?)?)
}

fn number_word(word: &str) -> Option<NumberWord> {
    // Every number and fraction word is 3 to 9 letters: most words stop here or at their shape.
    if !(3..=9).contains(&word.len()) || NUMBER_SHAPES[shape_index(word.as_bytes())?] & (1 << word.len()) == 0
    {
        return None;
    }
    Lower::new(word).and_then(|l| NUMBER_WORDS.get(l.as_str()).copied())
}

fn small_number(word: &str) -> Option<f64> {
    match number_word(word) {
        Some(NumberWord::Small(v) | NumberWord::Tens(v)) => return Some(v),
        Some(NumberWord::Fraction(_)) => return None,
        None => {}
    }
    // "twenty-five"
    let (tens, unit) = word.split_once('-')?;
    match (number_word(tens)?, number_word(unit)?) {
        (NumberWord::Tens(t), NumberWord::Small(u)) if (1.0..10.0).contains(&u) => Some(t + u),
        _ => None,
    }
}

fn fraction(word: &str) -> Option<f64> {
    match number_word(word)? {
        NumberWord::Fraction(f) => Some(f),
        _ => None,
    }
}

struct Scan<'a> {
    body: &'a str,
    tokens: &'a [Token],
}

impl<'a> Scan<'a> {
    fn text(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.body))
    }

    fn is(&self, i: usize, kind: Kind) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == kind)
    }

    fn gap(&self, i: usize) -> Gap {
        self.tokens.get(i).map_or(Gap::Line, |t| t.gap)
    }

    fn word(&self, i: usize) -> Option<String> {
        self.is(i, Kind::Word).then(|| self.text(i).to_ascii_lowercase())
    }

    /// The word at `i` if it follows on the same line after a space.
    fn next_word(&self, i: usize) -> Option<String> {
        (self.gap(i) == Gap::Space).then(|| self.word(i)).flatten()
    }

    fn sym(&self, i: usize, s: &str) -> bool {
        self.is(i, Kind::Sym) && self.text(i) == s
    }
}

struct Draft {
    first: usize,
    /// Token index just past the figure's text.
    end: usize,
    value: f64,
    unit: Unit,
}

pub fn collect(body: &str, tokens: &[Token]) -> Vec<Figure> {
    let s = Scan { body, tokens };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let draft = match tokens[i].kind {
            Kind::Number => digits(&s, i),
            Kind::Word => words(&s, i),
            _ => None,
        };
        match draft {
            // A number too large for an f64 ("9999…" over 308 digits) is noise, not a figure.
            Some(d) if !d.value.is_finite() => i = d.end,
            Some(d) => {
                let start = tokens[d.first].start;
                let end = tokens[d.end - 1].end;
                out.push(Figure {
                    value: d.value,
                    unit: d.unit,
                    span: Span::new(start, end),
                    context: context(&s, d.first, d.end),
                });
                i = d.end;
            }
            None => i += 1,
        }
    }
    out
}

/// A figure written in digits, starting at the number token `i`.
fn digits(s: &Scan, i: usize) -> Option<Draft> {
    let raw = s.text(i);
    // List numbering at a line start: "1. Fourth strike ...".
    if s.gap(i) == Gap::Line && (s.sym(i + 1, ".") || s.sym(i + 1, ")")) && s.gap(i + 2) != Gap::None {
        return None;
    }
    let prev_word = if s.gap(i) == Gap::Space && i > 0 { s.word(i - 1) } else { None };
    // Ranks and names: "No. 1", "Channel 4", "Apollo 11".
    if i >= 2 && s.sym(i - 1, ".") && s.text(i - 2) == "No" {
        return None;
    }
    if s.gap(i) == Gap::Space && i > 0 && s.is(i - 1, Kind::Word) {
        let w = s.text(i - 1);
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let lw = w.to_ascii_lowercase();
        let date_word = month_number(w).is_some()
            || matches!(
                lw.as_str(),
                "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            );
        let leads_sentence = i < 2 || s.gap(i - 1) == Gap::Line || s.sym(i - 2, ".");
        let possessive = w.ends_with("'s") || w.ends_with("’s");
        if capital && !date_word && !leads_sentence && !possessive && !unit_follows(s, i + 1) {
            return None;
        }
    }

    let mut first = i;
    let mut end = i + 1;
    let mut unit = None;
    let mut scale = 1.0;
    // Currency symbol right before: "£15.8m", "$1.2bn", "US$5".
    if i > 0
        && s.gap(i) == Gap::None
        && s.is(i - 1, Kind::Sym)
        && matches!(s.text(i - 1), "£" | "$" | "€" | "¥")
    {
        first = i - 1;
        unit = Some(Unit::Money);
    }

    // Times and dates written with separators.
    if raw.contains(':') {
        // Race and match times: "14:39.29", "2:01.52", "1:02:03" -> seconds.
        if raw.contains('.') || raw.matches(':').count() == 2 {
            let secs =
                raw.split(':').try_fold(0.0, |acc, part| part.parse::<f64>().ok().map(|v| acc * 60.0 + v))?;
            return Some(Draft { first, end, value: round3(secs), unit: Unit::Duration });
        }
        let (h, m) = raw.split_once(':')?;
        let (h, m) = (h.parse::<f64>().ok()?, m.parse::<f64>().ok()?);
        if h >= 24.0 || m >= 60.0 {
            return None;
        }
        let pm = s.gap(end) != Gap::Line && s.word(end).as_deref() == Some("pm");
        if s.word(end).is_some_and(|w| w == "am" || w == "pm") && s.gap(end) != Gap::Line {
            end += 1;
        }
        let h = if pm && h < 12.0 { h + 12.0 } else { h };
        return Some(Draft { first, end, value: h + m / 60.0, unit: Unit::Time });
    }
    if raw.contains('/') {
        let parts: Vec<u32> = raw.split('/').filter_map(|p| p.parse().ok()).collect();
        let month_next = s.next_word(end).is_some_and(|w| month_number(&w).is_some());
        return match parts.as_slice() {
            // "2003/2004": a season or financial year.
            [a, b] if (1800..=2100).contains(a) && (1800..=2100).contains(b) => {
                Some(Draft { first, end, value: f64::from(*a), unit: Unit::Date })
            }
            // "8/9 January": two days of one month.
            [a, b] if month_next && *a <= 31 && *b <= 31 => {
                Some(Draft { first, end: end + 1, value: f64::from(*a), unit: Unit::Date })
            }
            [d, m, y] if *d <= 31 && *m <= 12 => {
                let y = if *y < 100 { 2000 + y } else { *y };
                Some(Draft { first, end, value: f64::from(y * 10000 + m * 100 + d), unit: Unit::Date })
            }
            // "24/7", "9/11", fractions and ratios.
            _ => Some(Draft { first, end, value: parse_number(raw.split('/').next()?)?, unit: Unit::Number }),
        };
    }
    let value = parse_number(raw)?;
    let integer = !raw.contains('.');
    let plain_year = integer && raw.len() == 4 && (1800.0..=2100.0).contains(&value);

    // A score or range written with a hyphen: "2-1", "6-4".
    if s.sym(end, "-")
        && s.gap(end) == Gap::None
        && s.is(end + 1, Kind::Number)
        && s.gap(end + 1) == Gap::None
    {
        return Some(Draft { first, end: end + 2, value, unit: unit.unwrap_or(Unit::Number) });
    }

    // Glued suffixes: "1.6million", "15.8m", "8am", "1990s", "98%", "27th", "48-hour".
    if s.gap(end) == Gap::None {
        if s.sym(end, "%") {
            return Some(Draft { first, end: end + 1, value, unit: Unit::Percent });
        }
        if let Some(w) = s.word(end) {
            let suffix = s.text(end);
            if let Some(m) = multiplier(&w).filter(|_| w != "m" || m_means_million(s, raw, value, end, unit))
            {
                scale = m;
                end += 1;
            } else if GLUED_MEASURES.contains(&w.as_str()) && (suffix.len() > 1 || suffix == w) {
                // "2km", "500m", "6.63m"; but "3G" and "4D" are names.
                return Some(Draft { first, end: end + 1, value, unit: Unit::Number });
            } else if w == "am" || w == "pm" || w == "a" && s.sym(end + 1, ".") {
                let h = if w == "pm" && value < 12.0 { value + 12.0 } else { value };
                return Some(Draft { first, end: end + 1, value: h, unit: Unit::Time });
            } else if w == "s" && plain_year {
                return Some(Draft { first, end: end + 1, value, unit: Unit::Date });
            } else if matches!(w.as_str(), "st" | "nd" | "rd" | "th") {
                let month = s
                    .next_word(end + 1)
                    .and_then(|m| month_number(&m))
                    .or_else(|| (i > 0).then(|| s.word(i - 1)).flatten().and_then(|m| month_number(&m)));
                return month.map(|_| Draft { first, end: end + 1, value, unit: Unit::Date });
            } else if w == "p" && unit.is_none() {
                return Some(Draft { first, end: end + 1, value: value / 100.0, unit: Unit::Money });
            } else {
                // Glued to other letters ("3D", "4G", "mp3", "1990s" that is no year): a name.
                return None;
            }
        } else if s.sym(end, "-")
            && s.gap(end + 1) == Gap::None
            && let Some(w) = s.word(end + 1)
        {
            // "48-hour", "10-game", "27-year-old", "5m-a-year".
            let head = w.split('-').next().unwrap_or(&w);
            let unit = if w.ends_with("-old")
                || DURATION_UNITS.contains(&head)
                || LONG_DURATION_UNITS.contains(&head)
            {
                Unit::Duration
            } else {
                unit.unwrap_or(Unit::Count)
            };
            let value = value * multiplier(head).unwrap_or(1.0);
            return Some(Draft { first, end: end + 2, value, unit });
        }
    }
    let value = value * scale;
    finish_unit(s, first, end, value, unit, plain_year && scale == 1.0, prev_word.as_deref(), i)
}

/// Is a glued "m" millions ("£15.8m", "11m voters") or metres ("500m", "the 800m title",
/// "6.63m")? Currency says millions; athletics distances and events say metres.
fn m_means_million(s: &Scan, raw: &str, value: f64, m_tok: usize, unit: Option<Unit>) -> bool {
    const EVENTS: [&str; 14] = [
        "hurdles",
        "champion",
        "title",
        "titles",
        "gold",
        "silver",
        "bronze",
        "record",
        "final",
        "race",
        "relay",
        "freestyle",
        "backstroke",
        "breaststroke",
    ];
    const DISTANCES: [f64; 12] =
        [50.0, 60.0, 100.0, 110.0, 200.0, 400.0, 800.0, 1000.0, 1500.0, 3000.0, 5000.0, 10000.0];
    if unit.is_some() {
        return true;
    }
    let next = s.next_word(m_tok + 1);
    let next_raw = s.text(m_tok + 1);
    if next.as_deref().is_some_and(|n| CURRENCY_WORDS.contains(&n)) {
        return true;
    }
    if next.as_deref().is_some_and(|n| EVENTS.contains(&n)) || DISTANCES.contains(&value) {
        return false;
    }
    let counted = next.as_deref().is_some_and(is_counted_noun) && next_raw.starts_with(char::is_lowercase);
    counted || !raw.contains('.')
}

fn unit_follows(s: &Scan, i: usize) -> bool {
    s.sym(i, "%")
        || s.next_word(i).is_some_and(|w| {
            multiplier(&w).is_some()
                || w == "per"
                || w == "percent"
                || DURATION_UNITS.contains(&w.as_str())
                || LONG_DURATION_UNITS.contains(&w.as_str())
                || CURRENCY_WORDS.contains(&w.as_str())
        })
}

/// Read the words after a number (already scaled by any glued multiplier) for its unit.
#[allow(clippy::too_many_arguments)]
fn finish_unit(
    s: &Scan,
    first: usize,
    mut end: usize,
    mut value: f64,
    unit: Option<Unit>,
    plain_year: bool,
    prev_word: Option<&str>,
    num: usize,
) -> Option<Draft> {
    // "5 million", "£1.2 billion", "two hundred"
    while let Some(w) = s.next_word(end) {
        match multiplier(&w).or((w == "hundred").then_some(100.0)) {
            Some(m) if !(w == "m" && unit.is_none()) => {
                value *= m;
                end += 1;
            }
            _ => break,
        }
    }
    if let Some(u) = unit {
        return Some(Draft { first, end, value, unit: u });
    }
    let next = s.next_word(end);
    let Some(w) = next.as_deref() else {
        if s.sym(end, "%") && s.gap(end) == Gap::Space {
            return Some(Draft { first, end: end + 1, value, unit: Unit::Percent });
        }
        let unit = if plain_year { Unit::Date } else { Unit::Number };
        return Some(Draft { first, end, value, unit });
    };
    if w == "per" && s.next_word(end + 1).as_deref() == Some("cent") {
        return Some(Draft { first, end: end + 2, value, unit: Unit::Percent });
    }
    if w == "percent" || w == "pc" {
        return Some(Draft { first, end: end + 1, value, unit: Unit::Percent });
    }
    if w == "percentage" && s.next_word(end + 1).as_deref() == Some("points") {
        return Some(Draft { first, end: end + 2, value, unit: Unit::Percent });
    }
    let currency_after_adjective = s.text(end).starts_with(char::is_uppercase)
        && s.next_word(end + 1).is_some_and(|n| CURRENCY_WORDS.contains(&n.as_str()));
    if currency_after_adjective {
        return Some(Draft { first, end: end + 2, value, unit: Unit::Money });
    }
    if CURRENCY_WORDS.contains(&w) {
        return Some(Draft { first, end: end + 1, value, unit: Unit::Money });
    }
    if w == "am" || w == "pm" {
        let h = if w == "pm" && value < 12.0 { value + 12.0 } else { value };
        return Some(Draft { first, end: end + 1, value: h, unit: Unit::Time });
    }
    if w == "o'clock" {
        return Some(Draft { first, end: end + 1, value, unit: Unit::Time });
    }
    if (w == "years" || w == "year") && s.next_word(end + 1).as_deref() == Some("old") {
        return Some(Draft { first, end: end + 2, value, unit: Unit::Duration });
    }
    // "1200 GMT": a clock time without a colon.
    if s.text(num).len() == 4 && value.fract() == 0.0 && ZONES.contains(&w) {
        let hhmm = value as u32;
        if hhmm % 100 < 60 && hhmm / 100 < 24 {
            let hours = f64::from(hhmm / 100) + f64::from(hhmm % 100) / 60.0;
            return Some(Draft { first, end: end + 1, value: hours, unit: Unit::Time });
        }
    }
    // "two or three pounds", "5 to 6 hours": the first number takes the second's unit.
    if matches!(w, "or" | "to" | "and") && !plain_year {
        let second = match s.tokens.get(end + 1).map(|t| t.kind) {
            Some(Kind::Number) => digits(s, end + 1),
            Some(Kind::Word) => words(s, end + 1),
            _ => None,
        };
        if let Some(d) = second.filter(|d| !matches!(d.unit, Unit::Number | Unit::Count | Unit::Date)) {
            return Some(Draft { first, end, value, unit: d.unit });
        }
    }
    if DURATION_UNITS.contains(&w) || LONG_DURATION_UNITS.contains(&w) {
        return Some(Draft { first, end: end + 1, value, unit: Unit::Duration });
    }
    // Days of a month: "27 April", "26 and 27 April", "April 27".
    let day = value.fract() == 0.0 && (1.0..=31.0).contains(&value);
    if day && month_number(w).is_some() {
        return Some(Draft { first, end: end + 1, value, unit: Unit::Date });
    }
    if day
        && (w == "and" || w == "to" || w == "or")
        && s.is(end + 1, Kind::Number)
        && s.next_word(end + 2).is_some_and(|m| month_number(&m).is_some())
    {
        return Some(Draft { first, end, value, unit: Unit::Date });
    }
    if num > 0
        && s.gap(num) == Gap::Space
        && s.word(num - 1).is_some_and(|m| month_number(&m).is_some())
        && (day || plain_year)
    {
        return Some(Draft { first, end, value, unit: Unit::Date });
    }
    // What a number counts is written in lower case ("5,000 operations"; not "50,430 Ref").
    let lowercase_next = s.text(end).chars().next().is_some_and(char::is_lowercase);
    if plain_year {
        // "2000 people" counts; "in 2004", "its 2004 sequel" and "2005 could" are years.
        let counts = prev_word.is_some_and(|p| !YEAR_LEADS.contains(&p))
            && lowercase_next
            && w.ends_with('s')
            && is_counted_noun(w);
        let unit = if counts { Unit::Count } else { Unit::Date };
        return Some(Draft { first, end, value, unit });
    }
    // "100 million Visual Radio-enabled phones": millions of anything are a count.
    let scaled = s.tokens[num..end].iter().any(|t| t.kind == Kind::Word);
    let unit = if scaled || lowercase_next && is_counted_noun(w) { Unit::Count } else { Unit::Number };
    Some(Draft { first, end, value, unit })
}

/// Does this word name what a number counts? Function words and verbs do not.
fn is_counted_noun(w: &str) -> bool {
    if w == "of" || w == "more" || w == "new" || w == "other" || w == "extra" {
        return true;
    }
    w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && w.chars().next().is_some_and(char::is_lowercase)
        && !matches!(
            w,
            "and"
                | "or"
                | "to"
                | "in"
                | "on"
                | "at"
                | "for"
                | "from"
                | "by"
                | "with"
                | "than"
                | "as"
                | "is"
                | "are"
                | "was"
                | "were"
                | "be"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "the"
                | "a"
                | "an"
                | "that"
                | "this"
                | "which"
                | "who"
                | "but"
                | "if"
                | "so"
                | "after"
                | "before"
                | "when"
                | "while"
                | "into"
                | "per"
                | "up"
                | "down"
                | "out"
                | "over"
                | "under"
                | "since"
                | "until"
                | "against"
                | "about"
                | "last"
                | "next"
                | "ago"
                | "each"
                | "apiece"
                | "times"
                | "between"
                | "among"
                | "during"
                | "via"
        )
}

/// A figure written in words: "Ninety per cent", "four seconds", "a third of".
fn words(s: &Scan, i: usize) -> Option<Draft> {
    let w = s.text(i);
    // Every case below starts with a number or fraction word ("two-thirds" with "two").
    let head = w.bytes().position(|b| b == b'-').map_or(w, |i| &w[..i]);
    number_word(head)?;
    // Fractions: "a third of", "two-thirds of", "half of".
    if let Some(f) = fraction(w)
        && s.next_word(i + 1).as_deref() == Some("of")
    {
        let lead = if i > 0 && s.gap(i) == Gap::Space { s.word(i - 1) } else { None };
        return match lead.as_deref() {
            Some("a" | "one") => {
                Some(Draft { first: i - 1, end: i + 1, value: round3(f), unit: Unit::Number })
            }
            Some(n) if small_number(n).is_some_and(|v| v >= 2.0) => {
                let v = small_number(n).unwrap_or(1.0);
                Some(Draft { first: i - 1, end: i + 1, value: round3(v * f), unit: Unit::Number })
            }
            _ if w.eq_ignore_ascii_case("half") => {
                Some(Draft { first: i, end: i + 1, value: 0.5, unit: Unit::Number })
            }
            _ => None,
        };
    }
    if let Some((n, t)) = w.split_once('-')
        && let (Some(v), Some(f)) = (small_number(n), fraction(t))
        && s.next_word(i + 1).as_deref() == Some("of")
    {
        return Some(Draft { first: i, end: i + 1, value: round3(v * f), unit: Unit::Number });
    }

    // "four-year", "ten-part": a number word and what it measures in one hyphenated word.
    if let Some((head, tail)) = w.split_once('-')
        && small_number(w).is_none()
        && let Some(v) = small_number(head)
    {
        let tail = tail.to_ascii_lowercase();
        let unit_word = tail.split('-').next().unwrap_or(&tail);
        let unit = if DURATION_UNITS.contains(&unit_word)
            || LONG_DURATION_UNITS.contains(&unit_word)
            || tail.ends_with("year-old")
        {
            Unit::Duration
        } else {
            Unit::Count
        };
        return (v >= 2.0).then_some(Draft { first: i, end: i + 1, value: v, unit });
    }
    let mut value = small_number(w)?;
    // "Six Nations", "Radio Five Live", "the top ten": names and ranks, not quantities.
    let prev = if i > 0 && s.gap(i) == Gap::Space { s.word(i - 1) } else { None };
    let named = s.gap(i + 1) == Gap::Space
        && s.is(i + 1, Kind::Word)
        && s.text(i + 1).chars().next().is_some_and(char::is_uppercase);
    if named || prev.as_deref() == Some("top") || (s.gap(i) == Gap::None && i > 0) {
        return None;
    }
    let mut end = i + 1;
    let mut scaled = false;
    while let Some(n) = s.next_word(end) {
        match multiplier(&n).or((n == "hundred").then_some(100.0)) {
            Some(m) if n != "m" && n != "k" => {
                value *= m;
                end += 1;
                scaled = true;
            }
            _ => break,
        }
    }
    let measure = s.next_word(end).is_some_and(|n| MEASURE_WORDS.contains(&n.as_str()));
    let draft = finish_unit(s, i, end, value, None, false, None, i)?;
    // Below ten, a number in words is a figure only with a unit ("four seconds", "six yards");
    // "two sides" and "one of them" are prose.
    let has_unit = !matches!(draft.unit, Unit::Number | Unit::Count) || scaled || measure;
    (has_unit || value >= 10.0).then_some(draft)
}

fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

fn parse_number(raw: &str) -> Option<f64> {
    let cleaned: String = raw.chars().filter(|&c| c != ',').collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// What a figure counts: the words after it up to the end of the clause, or when nothing
/// follows, the words before it.
fn context(s: &Scan, first: usize, end: usize) -> Span {
    let is_text = |t: &Token| matches!(t.kind, Kind::Word | Kind::Number | Kind::Hashtag | Kind::Handle);
    // Symbols that sit inside a clause rather than end it ("A&E", "£5", "doctors' union").
    let inner = |t: &Token| {
        t.kind == Kind::Sym && matches!(t.text(s.body), "&" | "£" | "$" | "€" | "%" | "'" | "’" | "-")
    };
    let mut words = 0;
    let mut i = end;
    while let Some(t) = s.tokens.get(i) {
        if t.gap == Gap::Line || words >= CONTEXT_WORDS || !(is_text(t) || inner(t)) {
            break;
        }
        words += usize::from(is_text(t));
        i += 1;
    }
    if words > 0 {
        return clean(s, end, i);
    }
    // Nothing follows: look back, past a comma right before ("Dr Jason Seebaluk, 27,").
    let mut j = first;
    if j > 0 && s.tokens[j].gap != Gap::Line && s.sym(j - 1, ",") {
        j -= 1;
    }
    let stop = j;
    while j > 0 && words < CONTEXT_WORDS - 2 {
        let (t, p) = (&s.tokens[j], &s.tokens[j - 1]);
        if t.gap == Gap::Line || !(is_text(p) || inner(p)) {
            break;
        }
        words += usize::from(is_text(p));
        j -= 1;
    }
    clean(s, j, stop)
}

/// The span of tokens `from..to`, outer symbols trimmed. Lines are clean already (single
/// spaces), so the span reads as it should.
fn clean(s: &Scan, from: usize, to: usize) -> Span {
    if from >= to {
        return Span::new(0, 0);
    }
    let (start, end) = (s.tokens[from].start, s.tokens[to - 1].end);
    let text = &s.body[start..end];
    let keep = |c: char| c.is_alphanumeric() || matches!(c, '#' | '@' | '£' | '$');
    let lead = text.len() - text.trim_start_matches(|c: char| !keep(c)).len();
    let trimmed = text.trim_matches(|c: char| !keep(c));
    Span::new(start + lead, start + lead + trimmed.len())
}
