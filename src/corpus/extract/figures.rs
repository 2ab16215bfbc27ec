//! Figures: every quantity the text quotes, written in digits or in words, with its value, its
//! unit and the words that say what it counts.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::lexicon::{self, Kinds, Lower};
use super::tokens::{Gap, Kind, Token};
use super::{Dimension, Figure, Span, Unit};
use crate::corpus::date::month_number;

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
/// A unit of measure: its dimension and what one of it is in the dimension's base unit
/// (`value * size + shift`; only Fahrenheit needs the shift).
#[derive(Clone, Copy)]
struct Measure {
    dim: Dimension,
    size: f64,
    shift: f64,
}

impl Measure {
    const fn of(dim: Dimension, size: f64) -> Measure {
        Measure { dim, size, shift: 0.0 }
    }

    fn base(self, value: f64) -> f64 {
        value * self.size + self.shift
    }
}

const FAHRENHEIT: Measure = Measure { dim: Dimension::Temperature, size: 5.0 / 9.0, shift: -160.0 / 9.0 };
const METRE: Measure = Measure::of(Dimension::Length, 1.0);
const INCH: Measure = Measure::of(Dimension::Length, 0.0254);

/// Units of measure written after a number, spelled out or abbreviated, in lower case: after a
/// space ("3 miles", "10 km"), glued ("10km") or as the head of a compound ("42-inch"). The
/// ambiguous one-letter forms are read only glued, by `glued_measure`; "pounds" is money.
const MEASURE_WORDS: [(&str, Measure); 102] = {
    use Dimension::*;
    const MILE: f64 = 1609.344;
    [
        ("metre", Measure::of(Length, 1.0)),
        ("metres", Measure::of(Length, 1.0)),
        ("meter", Measure::of(Length, 1.0)),
        ("meters", Measure::of(Length, 1.0)),
        ("kilometre", Measure::of(Length, 1e3)),
        ("kilometres", Measure::of(Length, 1e3)),
        ("kilometer", Measure::of(Length, 1e3)),
        ("kilometers", Measure::of(Length, 1e3)),
        ("km", Measure::of(Length, 1e3)),
        ("kms", Measure::of(Length, 1e3)),
        ("centimetre", Measure::of(Length, 0.01)),
        ("centimetres", Measure::of(Length, 0.01)),
        ("cm", Measure::of(Length, 0.01)),
        ("millimetre", Measure::of(Length, 1e-3)),
        ("millimetres", Measure::of(Length, 1e-3)),
        ("mm", Measure::of(Length, 1e-3)),
        ("mile", Measure::of(Length, MILE)),
        ("miles", Measure::of(Length, MILE)),
        ("yard", Measure::of(Length, 0.9144)),
        ("yards", Measure::of(Length, 0.9144)),
        ("yd", Measure::of(Length, 0.9144)),
        ("foot", Measure::of(Length, 0.3048)),
        ("feet", Measure::of(Length, 0.3048)),
        ("ft", Measure::of(Length, 0.3048)),
        ("inch", Measure::of(Length, 0.0254)),
        ("inches", Measure::of(Length, 0.0254)),
        ("hectare", Measure::of(Area, 1e4)),
        ("hectares", Measure::of(Area, 1e4)),
        ("acre", Measure::of(Area, 4046.856)),
        ("acres", Measure::of(Area, 4046.856)),
        ("litre", Measure::of(Volume, 1.0)),
        ("litres", Measure::of(Volume, 1.0)),
        ("liter", Measure::of(Volume, 1.0)),
        ("liters", Measure::of(Volume, 1.0)),
        ("millilitres", Measure::of(Volume, 1e-3)),
        ("ml", Measure::of(Volume, 1e-3)),
        ("gallon", Measure::of(Volume, 4.54609)),
        ("gallons", Measure::of(Volume, 4.54609)),
        ("kilogram", Measure::of(Mass, 1.0)),
        ("kilograms", Measure::of(Mass, 1.0)),
        ("kilogramme", Measure::of(Mass, 1.0)),
        ("kilogrammes", Measure::of(Mass, 1.0)),
        ("kilo", Measure::of(Mass, 1.0)),
        ("kilos", Measure::of(Mass, 1.0)),
        ("kg", Measure::of(Mass, 1.0)),
        ("kgs", Measure::of(Mass, 1.0)),
        ("gram", Measure::of(Mass, 1e-3)),
        ("grams", Measure::of(Mass, 1e-3)),
        ("gramme", Measure::of(Mass, 1e-3)),
        ("grammes", Measure::of(Mass, 1e-3)),
        ("mg", Measure::of(Mass, 1e-6)),
        ("tonne", Measure::of(Mass, 1e3)),
        ("tonnes", Measure::of(Mass, 1e3)),
        // News writes "tons" for tonnes as often as for either imperial ton; a tonne is the
        // middle of the three.
        ("ton", Measure::of(Mass, 1e3)),
        ("tons", Measure::of(Mass, 1e3)),
        ("stone", Measure::of(Mass, 6.350_293_18)),
        ("lb", Measure::of(Mass, 0.453_592_37)),
        ("lbs", Measure::of(Mass, 0.453_592_37)),
        ("ounce", Measure::of(Mass, 0.028_349_523)),
        ("ounces", Measure::of(Mass, 0.028_349_523)),
        ("oz", Measure::of(Mass, 0.028_349_523)),
        ("mph", Measure::of(Speed, MILE / 1e3)),
        ("kph", Measure::of(Speed, 1.0)),
        ("kmh", Measure::of(Speed, 1.0)),
        ("knots", Measure::of(Speed, 1.852)),
        ("degree", Measure::of(Temperature, 1.0)),
        ("degrees", Measure::of(Temperature, 1.0)),
        ("kilobyte", Measure::of(Data, 1e3)),
        ("kilobytes", Measure::of(Data, 1e3)),
        ("kb", Measure::of(Data, 1e3)),
        ("megabyte", Measure::of(Data, 1e6)),
        ("megabytes", Measure::of(Data, 1e6)),
        ("mb", Measure::of(Data, 1e6)),
        ("gigabyte", Measure::of(Data, 1e9)),
        ("gigabytes", Measure::of(Data, 1e9)),
        ("gb", Measure::of(Data, 1e9)),
        ("terabyte", Measure::of(Data, 1e12)),
        ("terabytes", Measure::of(Data, 1e12)),
        ("tb", Measure::of(Data, 1e12)),
        ("kilobit", Measure::of(DataRate, 1e3)),
        ("kilobits", Measure::of(DataRate, 1e3)),
        ("kbps", Measure::of(DataRate, 1e3)),
        ("megabit", Measure::of(DataRate, 1e6)),
        ("megabits", Measure::of(DataRate, 1e6)),
        ("mbps", Measure::of(DataRate, 1e6)),
        ("gigabit", Measure::of(DataRate, 1e9)),
        ("gigabits", Measure::of(DataRate, 1e9)),
        ("gbps", Measure::of(DataRate, 1e9)),
        ("hertz", Measure::of(Frequency, 1.0)),
        ("khz", Measure::of(Frequency, 1e3)),
        ("mhz", Measure::of(Frequency, 1e6)),
        ("megahertz", Measure::of(Frequency, 1e6)),
        ("ghz", Measure::of(Frequency, 1e9)),
        ("gigahertz", Measure::of(Frequency, 1e9)),
        ("watt", Measure::of(Power, 1.0)),
        ("watts", Measure::of(Power, 1.0)),
        ("kw", Measure::of(Power, 1e3)),
        ("kilowatt", Measure::of(Power, 1e3)),
        ("kilowatts", Measure::of(Power, 1e3)),
        ("megawatt", Measure::of(Power, 1e6)),
        ("megawatts", Measure::of(Power, 1e6)),
        ("gigawatts", Measure::of(Power, 1e9)),
    ]
};

static MEASURES: LazyLock<FxHashMap<&'static str, Measure>> =
    LazyLock::new(|| MEASURE_WORDS.iter().copied().collect());

/// The unit of measure a word names, in any case ("miles", "KM").
fn measure_word(word: &str) -> Option<Measure> {
    if !(2..=11).contains(&word.len()) {
        return None;
    }
    Lower::new(word).and_then(|l| MEASURES.get(l.as_str()).copied())
}

/// The unit of measure glued to a number ("10km", "42in", "20C", "8Mb"). A capital C or F is a
/// temperature; other one-letter suffixes but "m" and "g" are names ("3G", "4D"). A glued "m"
/// is read by `m_means_million` first.
fn glued_measure(suffix: &str) -> Option<Measure> {
    match suffix {
        "m" => Some(METRE),
        "g" => Some(Measure::of(Dimension::Mass, 1e-3)),
        "in" | "ins" => Some(INCH),
        "C" => Some(Measure::of(Dimension::Temperature, 1.0)),
        "F" => Some(FAHRENHEIT),
        s if s.len() < 2 || s == "st" => None,
        s => abbreviated_measure(s),
    }
}

/// A unit of measure after a number, where case tells bits ("Mb", "kb") from bytes ("MB") and
/// megawatts ("MW") from milliwatts.
fn abbreviated_measure(word: &str) -> Option<Measure> {
    match word {
        "Kb" | "kb" => Some(Measure::of(Dimension::DataRate, 1e3)),
        "Mb" => Some(Measure::of(Dimension::DataRate, 1e6)),
        "Gb" => Some(Measure::of(Dimension::DataRate, 1e9)),
        "MW" => Some(Measure::of(Dimension::Power, 1e6)),
        "GW" => Some(Measure::of(Dimension::Power, 1e9)),
        w => measure_word(w),
    }
}

/// Time zones after a four-digit clock time ("1200 GMT").
const ZONES: [&str; 9] = ["gmt", "bst", "utc", "cet", "est", "edt", "pst", "et", "pt"];
const CURRENCY_WORDS: [&str; 33] = [
    "euros", "euro", "dollars", "dollar", "pounds", "pound", "pence", "cents", "yen", "francs", "franc",
    "rupees", "rupee", "rand", "yuan", "renminbi", "roubles", "rubles", "pesos", "peso", "krona", "kronor",
    "kroner", "krone", "zloty", "shekels", "lira", "lire", "dinars", "dirhams", "baht", "ringgit", "naira",
];
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

/// Is the word a number, fraction or multiplier word ("ten", "twenty", "half", "million",
/// "hundreds")? What a figure counts passes over them ("of 1,000 junior doctors").
pub(super) fn is_number_word(word: &str) -> bool {
    let scale = |w: &str| {
        ["hundred", "hundreds", "thousands", "dozen", "dozens"].iter().any(|s| s.eq_ignore_ascii_case(w))
    };
    number_word(word).is_some() || multiplier(word).is_some() || scale(word)
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

impl Draft {
    /// Tokens read as one thing that is no figure (a phone number's groups), so that none of
    /// them is read again as a figure of its own: `collect` passes over a value that is not
    /// finite.
    fn passed_over(first: usize, end: usize) -> Draft {
        Draft { first, end, value: f64::NAN, unit: Unit::Number }
    }
}

/// Every figure in `body`, in text order, read off its `tokens`.
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
            // A number too large for an f64 ("9999…" over 308 digits) is noise, not a figure;
            // so is a phone number.
            Some(d) if !d.value.is_finite() => i = d.end.max(i + 1),
            Some(d) => {
                let start = tokens[d.first].start;
                let end = tokens[d.end - 1].end;
                out.push(Figure {
                    value: d.value,
                    unit: d.unit,
                    span: Span::new(start, end),
                    context: context(&s, d.first, d.end),
                    what: None,
                });
                i = d.end;
            }
            None => i += 1,
        }
    }
    out
}

/// Verbs a phone number follows ("call 999", "ring 0800 ...").
const CALL_VERBS: [&str; 16] = [
    "call",
    "calls",
    "calling",
    "called",
    "dial",
    "dials",
    "dialled",
    "dialling",
    "ring",
    "ringing",
    "phone",
    "phoning",
    "text",
    "texting",
    "telephone",
    "contact",
];
/// Emergency and advice lines, a short and closed list; news names them ("a 999 call").
const SERVICE_NUMBERS: [&str; 5] = ["999", "911", "112", "111", "101"];
/// Words after a service number that show it is one ("999 calls", "the 111 service").
const LINE_WORDS: [&str; 14] = [
    "call",
    "calls",
    "caller",
    "callers",
    "service",
    "services",
    "number",
    "line",
    "lines",
    "operator",
    "operators",
    "operation",
    "emergency",
    "system",
];

fn all_digits(raw: &str) -> bool {
    !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit())
}

/// A phone number that starts at the number token `i`, as the token just past it. A figure is
/// never a phone number: "call 111 or 999", "0800 123 4567", "+44 20 7946 0000", "(020) 7946".
fn phone_number(s: &Scan, i: usize) -> Option<usize> {
    let raw = s.text(i);
    if !all_digits(raw) {
        return None;
    }
    let next = s.next_word(i + 1);
    // "0800 GMT" is a clock time.
    if next.as_deref().is_some_and(|w| ZONES.contains(&w)) {
        return None;
    }
    if clock_time(s, i).is_some() {
        return None;
    }
    let glued_plus = i > 0 && s.gap(i) == Gap::None && s.sym(i - 1, "+");
    let trunk = raw.len() >= 3 && raw.starts_with('0');
    let year = raw.len() == 4 && raw.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y));
    let dialled = i > 0
        && !year
        && s.gap(i) == Gap::Space
        && s.word(i - 1).is_some_and(|w| CALL_VERBS.contains(&w.as_str()))
        && !unit_follows(s, i + 1)
        // "he called 20 people" counts; "call 999 ambulances" is still the line.
        && (counted_noun_after(s, i, false).is_none() || SERVICE_NUMBERS.contains(&raw));
    let service = SERVICE_NUMBERS.contains(&raw) && next.is_some_and(|w| LINE_WORDS.contains(&w.as_str()));
    if !(glued_plus || trunk || dialled || service) {
        return None;
    }
    let mut end = i + 1;
    // Whether the number read last is a full phone number, which may go on in groups.
    let mut grouped = glued_plus || trunk;
    loop {
        // "(020) 7946 0000": the area code's bracket.
        let j = if s.sym(end, ")") && s.gap(end) == Gap::None { end + 1 } else { end };
        let group = s.is(j, Kind::Number) && s.gap(j) == Gap::Space && all_digits(s.text(j));
        if grouped && group && !unit_follows(s, j + 1) {
            end = j + 1;
            continue;
        }
        // "111 or 999": another line named in the same breath.
        let or = s.next_word(end).is_some_and(|w| w == "or" || w == "and");
        if or
            && s.is(end + 1, Kind::Number)
            && s.gap(end + 1) == Gap::Space
            && (SERVICE_NUMBERS.contains(&s.text(end + 1)) || s.text(end + 1).starts_with('0'))
            && all_digits(s.text(end + 1))
            && !unit_follows(s, end + 2)
        {
            grouped = s.text(end + 1).starts_with('0');
            end += 2;
            continue;
        }
        return Some(end);
    }
}

/// A clock time in four digits without a colon, as hours: "at 0200 local time", "a curfew
/// between 2200 and 0700". Only where it cannot be a year (a leading zero, or past 2100) and
/// the words around it speak of time.
fn clock_time(s: &Scan, i: usize) -> Option<f64> {
    let raw = s.text(i);
    let hhmm = |r: &str| -> Option<f64> {
        let (h, m) = (r.get(..2)?.parse::<u32>().ok()?, r.get(2..)?.parse::<u32>().ok()?);
        let unlike_a_year = r.starts_with('0') || h * 100 + m > 2100;
        (r.len() == 4 && all_digits(r) && h < 24 && m < 60 && unlike_a_year)
            .then(|| f64::from(h) + f64::from(m) / 60.0)
    };
    let hours = hhmm(raw)?;
    if s.is(i + 1, Kind::Number) && s.gap(i + 1) == Gap::Space {
        return None;
    }
    let lead = i > 0
        && s.gap(i) == Gap::Space
        && s.word(i - 1).is_some_and(|w| {
            matches!(
                w.as_str(),
                "at" | "from" | "until" | "till" | "by" | "before" | "after" | "since" | "between"
            )
        });
    let next = s.next_word(i + 1);
    let tail = next.as_deref().is_some_and(|w| matches!(w, "local" | "hours" | "hrs"));
    let range = next.as_deref().is_some_and(|w| matches!(w, "to" | "and" | "until"))
        && s.gap(i + 2) == Gap::Space
        && s.is(i + 2, Kind::Number)
        && hhmm(s.text(i + 2)).is_some();
    // The second of a range: "between 2200 and 0700".
    let second = i >= 2
        && s.gap(i) == Gap::Space
        && s.word(i - 1).is_some_and(|w| matches!(w.as_str(), "to" | "and" | "until"))
        && s.is(i - 2, Kind::Number)
        && hhmm(s.text(i - 2)).is_some();
    (lead || tail || range || second).then_some(hours)
}

/// Does the word at `i` say that the number before it is an age by what follows it: "years
/// old", "year-old", "years of age"? Returns the token just past those words.
fn age_words_after(s: &Scan, i: usize) -> Option<usize> {
    let w = s.next_word(i)?;
    match w.as_str() {
        "years" | "year" | "yrs" => match s.next_word(i + 1).as_deref() {
            Some("old") => Some(i + 2),
            Some("of") if s.next_word(i + 2).as_deref() == Some("age") => Some(i + 3),
            _ => None,
        },
        _ => None,
    }
}

/// Is the number at `i` an age by the words before it: "aged 47", "at the age of 47", "aged 18
/// to 24", "aged between 18 and 24", "Jason Seebaluk, 27, who" or "she was 14."?
fn age_lead(s: &Scan, i: usize) -> bool {
    let mut i = i;
    loop {
        if i == 0 {
            return false;
        }
        let prev = if s.gap(i) == Gap::Space { s.word(i - 1) } else { None };
        match prev.as_deref() {
            Some("aged") => return true,
            Some("of") => return i >= 2 && s.word(i - 2).is_some_and(|w| w == "age" || w == "ages"),
            Some("between" | "over" | "under") => return i >= 2 && s.word(i - 2).as_deref() == Some("aged"),
            // The second of a range: "aged 18 to 24".
            Some("to" | "and" | "or") if i >= 2 && s.is(i - 2, Kind::Number) => i -= 2,
            Some(w) => return personal_age(s, i, w),
            None => return apposition_age(s, i),
        }
    }
}

/// "she was 14.", "I am 25,", "he turned 40 when": a person's age, said of them.
fn personal_age(s: &Scan, i: usize, verb: &str) -> bool {
    let subject = |w: &str| matches!(w, "he" | "she" | "i");
    let said = match verb {
        "was" | "is" | "am" | "turned" | "turns" => {
            i >= 2 && s.gap(i - 1) == Gap::Space && s.word(i - 2).is_some_and(|w| subject(&w))
        }
        "i'm" | "i’m" | "he's" | "he’s" | "she's" | "she’s" => true,
        _ => false,
    };
    said && small_age(s.text(i)) && clause_ends(s, i + 1)
}

/// "Jason Seebaluk, 27, who": a bare number between commas after a name is the person's age.
fn apposition_age(s: &Scan, i: usize) -> bool {
    i >= 2
        && s.sym(i - 1, ",")
        && s.gap(i) == Gap::Space
        && s.gap(i - 1) == Gap::None
        && s.is(i - 2, Kind::Word)
        && s.text(i - 2).starts_with(char::is_uppercase)
        && {
            let k = lexicon::kinds(s.text(i - 2));
            !(k.has(Kinds::MONTH) || k.has(Kinds::WEEKDAY) || k.has(Kinds::STOPWORD))
        }
        && small_age(s.text(i))
        && s.sym(i + 1, ",")
        && s.gap(i + 1) == Gap::None
        && s.next_word(i + 2).is_some_and(|w| s.text(i + 2).starts_with(char::is_lowercase) && !w.is_empty())
}

fn small_age(raw: &str) -> bool {
    all_digits(raw) && raw.len() <= 3 && raw.parse::<u32>().is_ok_and(|v| (1..=120).contains(&v))
}

/// Does a clause end at `i`: punctuation, the end of a line, or a word that starts another?
fn clause_ends(s: &Scan, i: usize) -> bool {
    match s.tokens.get(i) {
        None => true,
        Some(t) if t.gap == Gap::Line => true,
        Some(t) if t.kind == Kind::Sym => matches!(s.text(i), "," | "." | ";" | "!" | "?" | ")" | "\"" | "”"),
        Some(_) => s.next_word(i).is_some_and(|w| matches!(w.as_str(), "when" | "now" | "and" | "but")),
    }
}

/// "in his 40s", "her early 20s", "their mid-30s", "the over-65s": an age by its decade.
fn decade_age(s: &Scan, i: usize, value: f64) -> bool {
    let mut j = i;
    // "mid-30s", "over-65s", "under-18s"
    if j >= 2 && s.gap(j) == Gap::None && s.sym(j - 1, "-") {
        // "the over-65s" is an age group; "the Under-21s" a team.
        if matches!(s.text(j - 2), "over" | "under") {
            return true;
        }
        let head = s.word(j - 2);
        if value % 10.0 != 0.0 {
            return false;
        }
        if head.as_deref() != Some("mid") {
            return false;
        }
        j -= 2;
    } else if value % 10.0 != 0.0 {
        return false;
    } else if j >= 1 && s.gap(j) == Gap::Space && matches!(s.word(j - 1).as_deref(), Some("early" | "late")) {
        j -= 1;
    }
    j >= 1
        && s.gap(j) == Gap::Space
        && matches!(s.word(j - 1).as_deref(), Some("his" | "her" | "their" | "my" | "your" | "our"))
}

/// Words that may stand capitalised at the start of a sentence before a number ("Nearly 5,000",
/// "About 40"), beside the stop words; any other capitalised word before a number makes it part
/// of a name ("Euro 2004", "Windows 95").
const NUMBER_LEADS: [&str; 23] = [
    "aged",
    "nearly",
    "almost",
    "around",
    "roughly",
    "approximately",
    "some",
    "fewer",
    "less",
    "least",
    "exactly",
    "barely",
    "another",
    "between",
    "among",
    "just",
    "only",
    "over",
    "under",
    "up",
    "until",
    "till",
    "throughout",
];

/// Seasons and holidays that date a year ("Christmas 2004", "summer 2005") as months do.
const DATE_NAMES: [&str; 7] = ["christmas", "easter", "spring", "summer", "autumn", "winter", "fall"];

/// Words that close an address after a number ("10 Downing Street").
const STREET_WORDS: [&str; 14] = [
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "lane",
    "square",
    "place",
    "terrace",
    "drive",
    "crescent",
    "gardens",
    "row",
    "boulevard",
];

/// Is the number at `num` the house number of an address: "10 Downing Street"?
fn address(s: &Scan, num: usize) -> bool {
    (num + 1..num + 4)
        .take_while(|&j| {
            s.gap(j) == Gap::Space && s.is(j, Kind::Word) && s.text(j).starts_with(char::is_uppercase)
        })
        .any(|j| s.word(j).is_some_and(|w| STREET_WORDS.contains(&w.as_str())))
}

/// A figure written in digits, starting at the number token `i`.
fn digits(s: &Scan, i: usize) -> Option<Draft> {
    let raw = s.text(i);
    // List numbering at a line start: "1. Fourth strike ...".
    if s.gap(i) == Gap::Line && (s.sym(i + 1, ".") || s.sym(i + 1, ")")) && s.gap(i + 2) != Gap::None {
        return None;
    }
    if let Some(end) = phone_number(s, i) {
        return Some(Draft::passed_over(i, end));
    }
    let prev_word = if s.gap(i) == Gap::Space && i > 0 { s.word(i - 1) } else { None };
    // Ranks and names: "No. 1", "Channel 4", "Apollo 11", "reached numbers 19 and 10",
    // "Under-21", "F-16".
    if i >= 2 && s.sym(i - 1, ".") && s.text(i - 2) == "No" {
        return None;
    }
    let rank = |j: usize| j > 0 && s.gap(j) == Gap::Space && matches!(s.text(j - 1), "number" | "numbers");
    // "net users number 100m": the verb, with a unit after.
    let ranked =
        rank(i) || i >= 2 && rank(i - 2) && matches!(prev_word.as_deref(), Some("and" | "or" | "to"));
    if ranked && !glued_unit(s, i) && !unit_follows(s, i + 1) {
        return None;
    }
    if i >= 2
        && s.gap(i) == Gap::None
        && s.sym(i - 1, "-")
        && s.gap(i - 1) == Gap::None
        && s.is(i - 2, Kind::Word)
        && s.text(i - 2).starts_with(char::is_uppercase)
    {
        return None;
    }
    if s.gap(i) == Gap::Space && i > 0 && s.is(i - 1, Kind::Word) {
        let w = s.text(i - 1);
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let lw = w.to_ascii_lowercase();
        let kinds = lexicon::kinds(w);
        let date_word =
            kinds.has(Kinds::MONTH) || kinds.has(Kinds::WEEKDAY) || DATE_NAMES.contains(&lw.as_str());
        // A sentence may open with "Nearly" or "In" before a number, but "Euro 2004" and
        // "Windows 95" are names there too.
        let leads_sentence =
            sentence_start(s, i - 1) && (kinds.has(Kinds::STOPWORD) || NUMBER_LEADS.contains(&lw.as_str()));
        let possessive = w.ends_with("'s") || w.ends_with("’s");
        let dated = s.next_word(i + 1).is_some_and(|m| month_number(&m).is_some());
        if capital
            && !date_word
            && !leads_sentence
            && !possessive
            && !dated
            && !unit_follows(s, i + 1)
            && !glued_unit(s, i)
        {
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
        let unit = if unit.is_none() && age_lead(s, i) { Unit::Age } else { unit.unwrap_or(Unit::Number) };
        return Some(Draft { first, end: end + 2, value, unit });
    }
    if unit.is_none()
        && !(s.gap(end) == Gap::None && s.is(end, Kind::Word))
        && let Some(hours) = clock_time(s, i)
    {
        let zoned = s.next_word(end).is_some_and(|w| ZONES.contains(&w.as_str()));
        return Some(Draft { first, end: end + usize::from(zoned), value: hours, unit: Unit::Time });
    }
    if unit.is_none() && integer && age_lead(s, i) {
        let end = age_words_after(s, end)
            .or_else(|| s.next_word(end).is_some_and(|w| w == "years").then_some(end + 1))
            .unwrap_or(end);
        return Some(Draft { first, end, value, unit: Unit::Age });
    }

    // Glued suffixes: "1.6million", "15.8m", "8am", "1990s", "98%", "27th", "48-hour", "10km".
    if s.gap(end) == Gap::None {
        if s.sym(end, "%") {
            return Some(Draft { first, end: end + 1, value, unit: Unit::Percent });
        }
        // "20°C", "-5°": a temperature.
        if s.sym(end, "°") && unit.is_none() {
            let scale =
                s.word(end + 1).filter(|_| s.gap(end + 1) == Gap::None).and_then(|w| match w.as_str() {
                    "c" => Some(Measure::of(Dimension::Temperature, 1.0)),
                    "f" => Some(FAHRENHEIT),
                    _ => None,
                });
            let (m, end) = match scale {
                Some(m) => (m, end + 2),
                None => (Measure::of(Dimension::Temperature, 1.0), end + 1),
            };
            return Some(temperature(s, i, end, value, m));
        }
        if let Some(w) = s.word(end) {
            let suffix = s.text(end);
            // "418bn-rand", "5km-long": a glued compound read by its head.
            let (head, tail) = suffix.split_once('-').unwrap_or((suffix, ""));
            if let Some(m) = multiplier(head)
                .filter(|_| !head.eq_ignore_ascii_case("m") || m_means_million(s, raw, value, end, unit))
            {
                if !tail.is_empty() {
                    let tail = tail.to_ascii_lowercase();
                    if unit.is_some() || CURRENCY_WORDS.contains(&tail.as_str()) {
                        return Some(Draft { first, end: end + 1, value: value * m, unit: Unit::Money });
                    }
                    return None;
                }
                scale = m;
                end += 1;
            } else if let Some(m) = glued_measure(head).filter(|_| unit.is_none()) {
                if m.dim == Dimension::Temperature {
                    return Some(temperature(s, i, end + 1, value, m));
                }
                // "100km/h"
                if m.dim == Dimension::Length
                    && s.sym(end + 1, "/")
                    && s.gap(end + 1) == Gap::None
                    && s.gap(end + 2) == Gap::None
                    && s.word(end + 2).as_deref() == Some("h")
                {
                    let kmh = round_measure(m.base(value) / 1e3);
                    return Some(Draft {
                        first,
                        end: end + 3,
                        value: kmh,
                        unit: Unit::Measure(Dimension::Speed),
                    });
                }
                let (value, end) = feet_and_inches(s, end + 1, m.base(value), head);
                return Some(Draft { first, end, value: round_measure(value), unit: Unit::Measure(m.dim) });
            } else if !tail.is_empty() {
                return None;
            } else if w == "am" || w == "pm" || w == "a" && s.sym(end + 1, ".") {
                let h = if w == "pm" && value < 12.0 { value + 12.0 } else { value };
                return Some(Draft { first, end: end + 1, value: h, unit: Unit::Time });
            } else if w == "s" && plain_year {
                return Some(Draft { first, end: end + 1, value, unit: Unit::Date });
            } else if w == "s" && integer && value <= 100.0 && decade_age(s, i, value) {
                return Some(Draft { first, end: end + 1, value, unit: Unit::Age });
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
            // "48-hour", "10-game", "27-year-old", "5m-a-year", "42-inch".
            let head = w.split('-').next().unwrap_or(&w);
            if let Some(age) = hyphenated_age(&w) {
                return Some(Draft { first, end: end + 2, value: round3(value * age), unit: Unit::Age });
            }
            // "a 360-degree view" is an angle.
            if unit.is_none()
                && let Some(m) = measure_word(head).filter(|m| m.dim != Dimension::Temperature)
            {
                return Some(Draft {
                    first,
                    end: end + 2,
                    value: round_measure(m.base(value)),
                    unit: Unit::Measure(m.dim),
                });
            }
            let unit = if DURATION_UNITS.contains(&head) || LONG_DURATION_UNITS.contains(&head) {
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

/// "27-year-old", "six-month-old", "16-year-olds": an age, as the number of years one unit of
/// the compound is.
fn hyphenated_age(compound: &str) -> Option<f64> {
    let compound = compound.trim_end_matches("'s").trim_end_matches("’s");
    let unit = compound.strip_suffix("-old").or_else(|| compound.strip_suffix("-olds"))?;
    match unit {
        "year" | "years" => Some(1.0),
        "month" | "months" => Some(1.0 / 12.0),
        "week" | "weeks" => Some(7.0 / 365.25),
        "day" | "days" => Some(1.0 / 365.25),
        _ => None,
    }
}

/// A temperature from `i` to `end`, negative when a minus sign or "minus" leads it ("-5C").
fn temperature(s: &Scan, i: usize, end: usize, value: f64, m: Measure) -> Draft {
    let glued_minus = i > 0
        && s.gap(i) == Gap::None
        && s.sym(i - 1, "-")
        && !(i >= 2 && s.gap(i - 1) == Gap::None && s.is(i - 2, Kind::Number));
    let minus_word = i > 0 && s.gap(i) == Gap::Space && s.word(i - 1).as_deref() == Some("minus");
    let (first, value) = if glued_minus || minus_word { (i - 1, -value) } else { (i, value) };
    Draft { first, end, value: round_measure(m.base(value)), unit: Unit::Measure(m.dim) }
}

/// "6ft 2in", "5 feet 10 inches": the inches after a length in feet, in metres with it.
fn feet_and_inches(s: &Scan, end: usize, metres: f64, unit: &str) -> (f64, usize) {
    let feet = matches!(unit.to_ascii_lowercase().as_str(), "ft" | "feet" | "foot");
    if !feet || !s.is(end, Kind::Number) || s.gap(end) != Gap::Space {
        return (metres, end);
    }
    let Some(inches) = parse_number(s.text(end)).filter(|v| *v < 12.0) else { return (metres, end) };
    let glued = s.gap(end + 1) == Gap::None && s.word(end + 1).is_some_and(|w| w == "in" || w == "ins");
    let spaced = s.next_word(end + 1).is_some_and(|w| w == "inches" || w == "inch" || w == "in");
    if glued || spaced { (metres + INCH.base(inches), end + 2) } else { (metres, end) }
}

/// Measures are converted, so keep their values to what the text said: six significant
/// figures, no float noise ("6ft 2in" is 1.8796 m, not 1.8796000000000002).
fn round_measure(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let digits = (5 - v.abs().log10().floor() as i32).clamp(-300, 300);
    // Dividing by a power of ten above 1 is exact where multiplying by its inverse is not.
    if digits >= 0 {
        let factor = 10f64.powi(digits);
        (v * factor).round() / factor
    } else {
        let factor = 10f64.powi(-digits);
        (v / factor).round() * factor
    }
}

/// Is a glued "m" millions ("£15.8m", "11m voters") or metres ("500m", "the 800m title",
/// "6.63m", "50m taller")? Currency says millions; athletics distances and events, words of
/// size and marks to the centimetre say metres.
fn m_means_million(s: &Scan, raw: &str, value: f64, m_tok: usize, unit: Option<Unit>) -> bool {
    const EVENTS: [&str; 30] = [
        "races",
        "heats",
        "events",
        "records",
        "medals",
        "champions",
        "sprinters",
        "hurdlers",
        "specialists",
        "rivals",
        "swimmers",
        "hurdles",
        "champion",
        "title",
        "titles",
        "gold",
        "silver",
        "bronze",
        "record",
        "final",
        "finals",
        "race",
        "relay",
        "freestyle",
        "backstroke",
        "breaststroke",
        "butterfly",
        "runner",
        "runners",
        "medallist",
    ];
    /// Words of size after a length: "50m taller", "300m long", "with 500m to go".
    const SIZE_WORDS: [&str; 20] = [
        "tall", "taller", "high", "higher", "long", "longer", "wide", "wider", "deep", "deeper", "away",
        "ahead", "behind", "above", "below", "across", "short", "shorter", "further", "farther",
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
    // "204.3m (£109m)": the same sum in another currency follows.
    if s.sym(m_tok + 1, "(") && matches!(s.text(m_tok + 2), "£" | "$" | "€") {
        return true;
    }
    let event = next.as_deref().is_some_and(|n| EVENTS.contains(&n));
    if event {
        return false;
    }
    let lowercase_next = next_raw.starts_with(char::is_lowercase);
    // "100m people", "14m customers": millions of a plural.
    if lowercase_next && next.as_deref().is_some_and(|n| is_plural_noun(n) && !SIZE_WORDS.contains(&n)) {
        return true;
    }
    if DISTANCES.contains(&value) {
        return false;
    }
    let sized = next.as_deref().is_some_and(|n| SIZE_WORDS.contains(&n))
        || next.as_deref() == Some("to") && s.next_word(m_tok + 2).as_deref() == Some("go");
    if sized {
        return false;
    }
    // Jumps and throws are measured to the centimetre: "6.63m", "17.30m".
    if raw.split_once('.').is_some_and(|(_, d)| d.len() == 2) && value < 100.0 {
        return false;
    }
    let counted = next.as_deref().is_some_and(is_counted_noun) && lowercase_next;
    counted || !raw.contains('.') || raw.split_once('.').is_some_and(|(_, d)| d.len() == 1)
}

/// Is a unit glued to the number at `i`: "100m", "5%", "10km"? ("Olympic 100m champion" is no
/// name like "Channel 4".)
fn glued_unit(s: &Scan, i: usize) -> bool {
    s.gap(i + 1) == Gap::None
        && (s.sym(i + 1, "%") || s.is(i + 1, Kind::Word) && {
            let w = s.text(i + 1);
            let head = w.split('-').next().unwrap_or(w);
            multiplier(head).is_some() || glued_measure(head).is_some()
        }
        // "Sudanese 18-year-old", "Olympic 10-day": a compound with a unit.
        || s.sym(i + 1, "-") && s.gap(i + 2) == Gap::None && s.word(i + 2).is_some_and(|w| {
            let head = w.split('-').next().unwrap_or(&w);
            hyphenated_age(&w).is_some()
                || DURATION_UNITS.contains(&head)
                || LONG_DURATION_UNITS.contains(&head)
                || measure_word(head).is_some()
        }))
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
                || measure_word(&w).is_some()
        })
}

/// A unit of measure written after a number and a space, with what completes it: "3 miles",
/// "100 square miles", "30 miles an hour", "20 degrees Celsius", "6 feet 2 inches". Returns
/// the measure in its base unit and the token past it.
fn spaced_measure(s: &Scan, end: usize, value: f64, after_digits: bool) -> Option<(f64, Dimension, usize)> {
    let w = s.text(end);
    if s.gap(end) != Gap::Space || !s.is(end, Kind::Word) {
        return None;
    }
    let lw = w.to_ascii_lowercase();
    // "100 square miles", "20 sq km", "5 cubic metres".
    if matches!(lw.as_str(), "square" | "sq" | "cubic") {
        let m = s.next_word(end + 1).and_then(|u| measure_word(&u)).filter(|m| m.dim == Dimension::Length)?;
        let (dim, size) = match lw.as_str() {
            "cubic" => (Dimension::Volume, m.size.powi(3) * 1e3),
            _ => (Dimension::Area, m.size.powi(2)),
        };
        return Some((round_measure(value * size), dim, end + 2));
    }
    // "3 Mile Island", "5 Miles Davis": a capitalised word after a number is a name, but for
    // the abbreviations of bit rates ("2 Mbps").
    let mut chars = w.chars();
    let capitalised =
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase);
    if capitalised && !matches!(lw.as_str(), "mbps" | "kbps" | "gbps") {
        return None;
    }
    let m = abbreviated_measure(w)?;
    match m.dim {
        // "two degrees" is more often a university's than the weather's.
        Dimension::Temperature => {
            let scale = match s.next_word(end + 1).as_deref() {
                Some("c" | "celsius" | "centigrade") => {
                    Some((Measure::of(Dimension::Temperature, 1.0), end + 2))
                }
                Some("f" | "fahrenheit") => Some((FAHRENHEIT, end + 2)),
                _ => None,
            };
            match scale {
                Some((m, end)) => Some((round_measure(m.base(value)), m.dim, end)),
                None if after_digits => Some((round_measure(value), m.dim, end + 1)),
                None => None,
            }
        }
        Dimension::Length => {
            // "30 miles an hour", "10 metres per second".
            let per = s.next_word(end + 1);
            let time = s.next_word(end + 2);
            if matches!(per.as_deref(), Some("per" | "an" | "a")) {
                let hours = match time.as_deref() {
                    Some("hour") => Some(1.0),
                    Some("second") => Some(1.0 / 3600.0),
                    _ => None,
                };
                if let Some(h) = hours {
                    return Some((round_measure(m.base(value) / 1e3 / h), Dimension::Speed, end + 3));
                }
            }
            let (v, end) = feet_and_inches(s, end + 1, m.base(value), w);
            Some((round_measure(v), m.dim, end))
        }
        _ => Some((round_measure(m.base(value)), m.dim, end + 1)),
    }
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
    let after_digits = s.is(num, Kind::Number);
    if let Some((value, dim, end)) = spaced_measure(s, end, value, after_digits) {
        return Some(Draft { first, end, value, unit: Unit::Measure(dim) });
    }
    if let Some(end) = age_words_after(s, end) {
        return Some(Draft { first, end, value, unit: Unit::Age });
    }
    // A code, not a quantity: "the 3230 and 7710", where 3,230 phones would have its comma.
    let code = after_digits
        && s.text(num).len() >= 4
        && all_digits(s.text(num))
        && (value > 2100.0 || s.text(num).len() > 4)
        && end == num + 1;
    let next = s.next_word(end);
    let Some(w) = next.as_deref() else {
        if s.sym(end, "%") && s.gap(end) == Gap::Space {
            return Some(Draft { first, end: end + 1, value, unit: Unit::Percent });
        }
        if code {
            return None;
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
    // Money is in units of its currency, as "50p" is: a hundred cents make one.
    let hundredths = |c: &str| if matches!(c, "pence" | "cents") { value / 100.0 } else { value };
    let adjective_currency = s.next_word(end + 1).filter(|n| CURRENCY_WORDS.contains(&n.as_str()));
    if s.text(end).starts_with(char::is_uppercase)
        && let Some(c) = adjective_currency
    {
        return Some(Draft { first, end: end + 2, value: hundredths(&c), unit: Unit::Money });
    }
    if CURRENCY_WORDS.contains(&w) {
        return Some(Draft { first, end: end + 1, value: hundredths(w), unit: Unit::Money });
    }
    if w == "am" || w == "pm" {
        let h = if w == "pm" && value < 12.0 { value + 12.0 } else { value };
        return Some(Draft { first, end: end + 1, value: h, unit: Unit::Time });
    }
    if w == "o'clock" {
        return Some(Draft { first, end: end + 1, value, unit: Unit::Time });
    }
    // "1200 GMT": a clock time without a colon.
    if s.text(num).len() == 4 && value.fract() == 0.0 && ZONES.contains(&w) {
        let hhmm = value as u32;
        if hhmm % 100 < 60 && hhmm / 100 < 24 {
            let hours = f64::from(hhmm / 100) + f64::from(hhmm % 100) / 60.0;
            return Some(Draft { first, end: end + 1, value: hours, unit: Unit::Time });
        }
    }
    // "two or three pounds", "5 to 6 hours": the first number takes the second's unit, but
    // millions are no percentage ("11.9m and 49.2% of the audience").
    let scaled = s.tokens[num..end].iter().any(|t| t.kind == Kind::Word);
    if matches!(w, "or" | "to" | "and") && !plain_year {
        let second = match s.tokens.get(end + 1).map(|t| t.kind) {
            Some(Kind::Number) => digits(s, end + 1),
            Some(Kind::Word) => words(s, end + 1),
            _ => None,
        };
        let takes =
            |u: Unit| !(matches!(u, Unit::Number | Unit::Count | Unit::Date) || scaled && u == Unit::Percent);
        if let Some(d) = second.filter(|d| takes(d.unit)) {
            let value = match d.unit {
                Unit::Measure(_) if d.value != 0.0 => {
                    // The second's value is converted; convert the first alike.
                    let second_raw = words_value(s, end + 1).unwrap_or(d.value);
                    round_measure(value * d.value / second_raw)
                }
                _ => value,
            };
            if d.value.is_finite() {
                return Some(Draft { first, end, value, unit: d.unit });
            }
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
    if after_digits && address(s, num) {
        return None;
    }
    // "100 million Visual Radio-enabled phones": millions of anything are a count.
    let unit = if scaled || lowercase_next && is_counted_noun(w) { Unit::Count } else { Unit::Number };
    if code && unit == Unit::Number {
        return None;
    }
    Some(Draft { first, end, value, unit })
}

/// The value of a number written in words or digits at `i`, before any unit converts it.
fn words_value(s: &Scan, i: usize) -> Option<f64> {
    match s.tokens.get(i)?.kind {
        Kind::Number => parse_number(s.text(i)),
        Kind::Word => small_number(s.text(i)),
        _ => None,
    }
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

/// Plural nouns that do not end in "s".
const IRREGULAR_PLURALS: [&str; 17] = [
    "people",
    "men",
    "women",
    "children",
    "police",
    "staff",
    "feet",
    "teeth",
    "mice",
    "geese",
    "cattle",
    "personnel",
    "sheep",
    "deer",
    "aircraft",
    "offspring",
    "folk",
];
/// Words that end in "s" but are no plural nouns (those in "ss", "us" and "is" aside).
const NOT_PLURALS: [&str; 27] = [
    "was",
    "has",
    "does",
    "its",
    "yes",
    "news",
    "hers",
    "ours",
    "yours",
    "theirs",
    "always",
    "perhaps",
    "besides",
    "sometimes",
    "towards",
    "afterwards",
    "whereas",
    "goes",
    "says",
    "whilst",
    "indoors",
    "outdoors",
    "overseas",
    "upstairs",
    "downstairs",
    "nowadays",
    "sideways",
];

/// Is this word a plural noun: "ministers", "MPs", "people"?
fn is_plural_noun(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('s') else {
        return Lower::new(word).is_some_and(|l| IRREGULAR_PLURALS.contains(&l.as_str()));
    };
    // "MPs", "CDs", "GPs"
    if stem.len() >= 2 && stem.bytes().all(|b| b.is_ascii_uppercase()) {
        return true;
    }
    if stem.len() < 2 || !word.chars().all(|c| c.is_alphabetic() || c == '-') {
        return false;
    }
    let Some(lower) = Lower::new(word) else { return false };
    let l = lower.as_str();
    !(l.ends_with("ss") || l.ends_with("us") || l.ends_with("is") || NOT_PLURALS.contains(&l))
}

/// The plural noun a number at `i` counts, right after it or after up to two words that
/// describe it: "three ministers", "five priority areas", "two very fine saves". With
/// `capitals` (the number is written in lower case), the words may be capitalised: "two Nokia
/// handsets", "all four Britons".
fn counted_noun_after(s: &Scan, i: usize, capitals: bool) -> Option<usize> {
    for j in i + 1..i + 4 {
        if s.gap(j) != Gap::Space || !s.is(j, Kind::Word) {
            return None;
        }
        let w = s.text(j);
        let capital = w.starts_with(char::is_uppercase);
        let acronym = w
            .strip_suffix('s')
            .is_some_and(|stem| stem.len() >= 2 && stem.bytes().all(|b| b.is_ascii_uppercase()));
        if capital && !capitals && !acronym {
            return None;
        }
        if is_plural_noun(w) {
            return Some(j);
        }
        let lw = w.to_ascii_lowercase();
        // Describing words only: not "two of them", "the two were", "two said".
        if lw == "of" || (!capital && !is_counted_noun(&lw)) || lexicon::kinds(w).has(Kinds::SPEECH_VERB) {
            return None;
        }
    }
    None
}

/// Words before "one day" that make it a length of time ("for one day"); without them it is
/// the idiom ("will one day", "one day he").
const ONE_DAY_LEADS: [&str; 16] = [
    "for", "in", "within", "than", "only", "just", "of", "by", "every", "per", "after", "over", "a",
    "single", "least", "to",
];

/// A figure written in words: "Ninety per cent", "four seconds", "a third of", "three
/// ministers".
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

    // "four-year", "ten-part", "six-foot", "four-year-old": a number word and what it counts or
    // measures in one hyphenated word. "one-off" and "one-day" are idioms as often as not.
    if let Some((head, tail)) = w.split_once('-')
        && small_number(w).is_none()
        && let Some(v) = small_number(head)
    {
        if v < 2.0 {
            return None;
        }
        let tail = tail.to_ascii_lowercase();
        let unit_word = tail.split('-').next().unwrap_or(&tail);
        if let Some(age) = hyphenated_age(&tail) {
            return Some(Draft { first: i, end: i + 1, value: round3(v * age), unit: Unit::Age });
        }
        // "a 360-degree turn" is an angle.
        if let Some(m) = measure_word(unit_word).filter(|m| m.dim != Dimension::Temperature) {
            return Some(Draft {
                first: i,
                end: i + 1,
                value: round_measure(m.base(v)),
                unit: Unit::Measure(m.dim),
            });
        }
        let unit = if DURATION_UNITS.contains(&unit_word) || LONG_DURATION_UNITS.contains(&unit_word) {
            Unit::Duration
        } else {
            Unit::Count
        };
        return Some(Draft { first: i, end: i + 1, value: v, unit });
    }
    let mut value = small_number(w)?;
    // "the top ten" is a rank; "Radio Five Live", "League One" and "the Fantastic Four" are
    // names: a number word capitalised anywhere but at the start of a sentence.
    let prev = if i > 0 && s.gap(i) == Gap::Space { s.word(i - 1) } else { None };
    let lower_case = w.starts_with(char::is_lowercase);
    if prev.as_deref() == Some("top")
        || (s.gap(i) == Gap::None && i > 0)
        || !lower_case && !sentence_start(s, i)
    {
        return None;
    }
    if age_lead(s, i) {
        return Some(Draft { first: i, end: i + 1, value, unit: Unit::Age });
    }
    // "one" counts nothing a reader would count: "one of them", "no one", "one man".
    let one = value == 1.0;
    let counted = if value >= 2.0 { counted_noun_after(s, i, lower_case) } else { None };
    // "Six Nations" is a name; "two Nokia handsets" and "Three MPs" are counts.
    let named = s.gap(i + 1) == Gap::Space
        && s.is(i + 1, Kind::Word)
        && s.text(i + 1).chars().next().is_some_and(char::is_uppercase);
    if named {
        return counted.map(|_| Draft { first: i, end: i + 1, value, unit: Unit::Count });
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
    let draft = finish_unit(s, i, end, value, None, false, None, i)?;
    let has_unit = !matches!(draft.unit, Unit::Number | Unit::Count) || scaled;
    if one && draft.unit == Unit::Duration && s.next_word(end).as_deref() == Some("day") {
        return prev.is_some_and(|p| ONE_DAY_LEADS.contains(&p.as_str())).then_some(draft);
    }
    if has_unit || value >= 10.0 {
        return Some(draft);
    }
    // Below ten, a number in words is a figure when it counts a plural noun: "three
    // ministers", "two more years", "six times".
    if let Some(j) = counted {
        let noun = s.text(j).to_ascii_lowercase();
        let unit = if DURATION_UNITS.contains(&noun.as_str()) || LONG_DURATION_UNITS.contains(&noun.as_str())
        {
            Unit::Duration
        } else if noun == "times" {
            Unit::Number
        } else {
            Unit::Count
        };
        return Some(Draft { first: i, end: i + 1, value, unit });
    }
    // "two or three ministers": the first counts what the second does.
    if !one
        && s.next_word(i + 1).is_some_and(|c| c == "or" || c == "to")
        && s.is(i + 2, Kind::Word)
        && s.gap(i + 2) == Gap::Space
        && words(s, i + 2).is_some_and(|d| d.unit == Unit::Count && d.value < 10.0)
    {
        return Some(Draft { first: i, end: i + 1, value, unit: Unit::Count });
    }
    None
}

/// Does a sentence (or a quotation, or a line) start at token `i`?
fn sentence_start(s: &Scan, i: usize) -> bool {
    i == 0
        || s.gap(i) == Gap::Line
        || s.is(i - 1, Kind::Sym)
            && matches!(
                s.text(i - 1),
                "." | "!" | "?" | ";" | "\"" | "“" | "‘" | "'" | ":" | "(" | "-" | "–" | "—"
            )
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

#[cfg(test)]
mod tests {
    use super::super::{Dimension, Unit, extract};

    fn figures(text: &str) -> Vec<(String, f64, Unit)> {
        extract(text).figures.into_iter().map(|f| (f.text(text).to_string(), f.value, f.unit)).collect()
    }

    fn texts(text: &str) -> Vec<String> {
        figures(text).into_iter().map(|(t, _, _)| t).collect()
    }

    #[test]
    fn spelled_counts_count_a_plural_noun() {
        let f = figures("Three ministers resigned, nine months on, and five people died.");
        assert_eq!(f[0], ("Three".into(), 3.0, Unit::Count));
        assert_eq!(f[1], ("nine months".into(), 9.0, Unit::Duration));
        assert_eq!(f[2], ("five".into(), 5.0, Unit::Count));
        // Describing words may come between: "five priority areas", "two Nokia handsets".
        assert_eq!(figures("their five priority areas")[0], ("five".into(), 5.0, Unit::Count));
        assert_eq!(figures("limited to two Nokia handsets")[0], ("two".into(), 2.0, Unit::Count));
        assert_eq!(figures("all four Britons held")[0].2, Unit::Count);
        assert_eq!(figures("Three MPs said so")[0].2, Unit::Count);
        assert_eq!(figures("the two sides met")[0], ("two".into(), 2.0, Unit::Count));
        assert_eq!(figures("two or three ministers")[0], ("two".into(), 2.0, Unit::Count));
        assert_eq!(figures("two more years")[0], ("two".into(), 2.0, Unit::Duration));
        assert_eq!(figures("six times as much")[0], ("six".into(), 6.0, Unit::Number));
    }

    #[test]
    fn prose_and_idioms_are_no_counts() {
        for prose in [
            "one of them said no one would",
            "only one man recognises it",
            "he will one day stand down",
            "two of the best stores",
            "the two were arrested",
            "the Six Nations and Radio Five Live",
            "it only takes one man",
            "the top three",
            "a one-off payment",
        ] {
            assert!(figures(prose).is_empty(), "{prose}: {:?}", figures(prose));
        }
        assert_eq!(figures("a strike for one day")[0], ("one day".into(), 1.0, Unit::Duration));
    }

    #[test]
    fn measures_are_in_one_base_unit_per_dimension() {
        let f = figures("He is 6ft 2in, ran 10km in a 500m race and has a 42in TV.");
        assert_eq!(f[0], ("6ft 2in".into(), 1.8796, Unit::Measure(Dimension::Length)));
        assert_eq!(f[1], ("10km".into(), 10_000.0, Unit::Measure(Dimension::Length)));
        assert_eq!(f[2], ("500m".into(), 500.0, Unit::Measure(Dimension::Length)));
        assert_eq!(f[3], ("42in".into(), 1.0668, Unit::Measure(Dimension::Length)));
        let f = figures("It weighs 5kg, over 3 miles and 100 metres, at 30mph, on 20C days.");
        assert_eq!(f[0], ("5kg".into(), 5.0, Unit::Measure(Dimension::Mass)));
        assert_eq!(f[1], ("3 miles".into(), 4828.03, Unit::Measure(Dimension::Length)));
        assert_eq!(f[2], ("100 metres".into(), 100.0, Unit::Measure(Dimension::Length)));
        assert_eq!(f[3], ("30mph".into(), 48.2803, Unit::Measure(Dimension::Speed)));
        assert_eq!(f[4], ("20C".into(), 20.0, Unit::Measure(Dimension::Temperature)));
        let f = figures("It was -5C, or 68F, or 20 degrees Celsius; a 42-inch screen; six yards out.");
        assert_eq!(f[0], ("-5C".into(), -5.0, Unit::Measure(Dimension::Temperature)));
        assert_eq!(f[1], ("68F".into(), 20.0, Unit::Measure(Dimension::Temperature)));
        assert_eq!(f[2], ("20 degrees Celsius".into(), 20.0, Unit::Measure(Dimension::Temperature)));
        assert_eq!(f[3], ("42-inch".into(), 1.0668, Unit::Measure(Dimension::Length)));
        assert_eq!(f[4], ("six yards".into(), 5.4864, Unit::Measure(Dimension::Length)));
        let f = figures("A 50GB disc, an 8Mb line, a 2Mbps link and 30 miles an hour.");
        assert_eq!(f[0], ("50GB".into(), 5e10, Unit::Measure(Dimension::Data)));
        assert_eq!(f[1], ("8Mb".into(), 8e6, Unit::Measure(Dimension::DataRate)));
        assert_eq!(f[2], ("2Mbps".into(), 2e6, Unit::Measure(Dimension::DataRate)));
        assert_eq!(f[3], ("30 miles an hour".into(), 48.2803, Unit::Measure(Dimension::Speed)));
        assert_eq!(
            figures("three or four inch rods")[0],
            ("three".into(), 0.0762, Unit::Measure(Dimension::Length))
        );
        // "two degrees" is a university's; a "360-degree" view an angle.
        assert_eq!(figures("she holds two degrees")[0].2, Unit::Count);
        assert!(figures("a 360-degree view").iter().all(|f| f.2 != Unit::Measure(Dimension::Temperature)));
    }

    #[test]
    fn a_glued_m_is_money_in_money_and_metres_on_the_track() {
        assert_eq!(figures("it cost £500m")[0], ("£500m".into(), 5e8, Unit::Money));
        assert_eq!(figures("about 500m euros")[0], ("500m euros".into(), 5e8, Unit::Money));
        assert_eq!(figures("some 14m customers")[0], ("14m".into(), 1.4e7, Unit::Count));
        assert_eq!(figures("with 500m to go")[0].2, Unit::Measure(Dimension::Length));
        assert_eq!(figures("the 500m race")[0].2, Unit::Measure(Dimension::Length));
        assert_eq!(
            figures("she jumped 6.63m, a record")[0],
            ("6.63m".into(), 6.63, Unit::Measure(Dimension::Length))
        );
        assert_eq!(figures("it rose to 294.3m barrels")[0].2, Unit::Count);
        assert_eq!(figures("the Olympic 100m champion")[0].2, Unit::Measure(Dimension::Length));
    }

    #[test]
    fn ages_are_not_durations() {
        let f = figures("the 47-year-old director, aged 47, was 20 years old");
        assert_eq!(f[0], ("47-year-old".into(), 47.0, Unit::Age));
        assert_eq!(f[1], ("47".into(), 47.0, Unit::Age));
        assert_eq!(f[2], ("20 years old".into(), 20.0, Unit::Age));
        assert_eq!(figures("Dr Jason Seebaluk, 27, who works")[0], ("27".into(), 27.0, Unit::Age));
        assert_eq!(figures("by the age of 18.")[0], ("18".into(), 18.0, Unit::Age));
        assert_eq!(figures("By the time he was 40, he left")[0], ("40".into(), 40.0, Unit::Age));
        let range = figures("those aged 18 to 24 said");
        assert_eq!(range.iter().map(|f| f.2).collect::<Vec<_>>(), [Unit::Age, Unit::Age]);
        assert_eq!(figures("a man in his 40s")[0], ("40s".into(), 40.0, Unit::Age));
        assert_eq!(figures("a refund for the over-65s")[0], ("65s".into(), 65.0, Unit::Age));
        assert_eq!(figures("a six-month-old baby")[0], ("six-month-old".into(), 0.5, Unit::Age));
        assert_eq!(figures("a four-year-old boy")[0], ("four-year-old".into(), 4.0, Unit::Age));
        // Still durations: "48 hours", "a four-year project".
        assert_eq!(figures("a four-year project")[0].2, Unit::Duration);
        // A number after a name with no comma on both sides is no age: "Jenas 77".
        assert!(figures("Subs: Jenas 77, Owen 80.").is_empty());
    }

    #[test]
    fn phone_and_emergency_numbers_are_not_figures() {
        for phone in [
            "If it is serious call 999 or go to A&E.",
            "call 111 or 999 at once",
            "Ring 0800 123 4567 today.",
            "Call NHS Direct on 020 7946 0000 now.",
            "Dial +44 20 7946 0000.",
            "Call (020) 7946 0000.",
            "There was a 999 call at night.",
        ] {
            assert!(figures(phone).is_empty(), "{phone}: {:?}", figures(phone));
        }
        // A count after a call verb still counts; a clock time with a leading zero is a time.
        assert_eq!(figures("he called 20 people")[0].2, Unit::Count);
        assert_eq!(figures("a curfew between 2200 and 0700")[1], ("0700".into(), 7.0, Unit::Time));
        assert_eq!(figures("at 0800 GMT")[0], ("0800 GMT".into(), 8.0, Unit::Time));
    }

    #[test]
    fn model_numbers_addresses_and_ranks_are_not_figures() {
        for name in [
            "two handsets due out soon - the 3230 and 7710 - but",
            "the Nokia 6600 is out",
            "he met Tony Blair at 10 Downing Street on Monday",
            "it reached number 13 in the singles chart",
            "a former Wales Under-21 skipper",
        ] {
            let f = texts(name);
            assert!(f.iter().all(|t| !t.chars().next().is_some_and(|c| c.is_ascii_digit())), "{name}: {f:?}");
        }
    }

    #[test]
    fn years_used_as_names_are_not_figures() {
        for name in [
            "Euro 2004 was a success.",
            "Windows 95 crashed.",
            "the Terrorism Act 2000 applies",
            "Fifa 2005 is back at the top.",
        ] {
            assert!(figures(name).is_empty(), "{name}: {:?}", figures(name));
        }
        // A sentence may open with a word that leads a figure.
        assert_eq!(figures("In 2004 sales rose.")[0], ("2004".into(), 2004.0, Unit::Date));
        assert_eq!(figures("Nearly 5,000 people came.")[0].2, Unit::Count);
        assert_eq!(figures("Christmas 2004 was the worst")[0].2, Unit::Date);
    }

    #[test]
    fn other_currencies_are_money() {
        assert_eq!(figures("worth 6.8bn rand")[0], ("6.8bn rand".into(), 6.8e9, Unit::Money));
        assert_eq!(figures("the 418bn-rand budget")[0], ("418bn-rand".into(), 4.18e11, Unit::Money));
        assert_eq!(figures("it fell 19 cents")[0], ("19 cents".into(), 0.19, Unit::Money));
    }
}
