//! Word lists the extractor uses, embedded from `assets/` so that the binary needs no files at
//! run time. Each list is parsed once, on first use.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use crate::corpus::date::MONTHS;

/// What the word lists say of one word, as flags: one look-up answers every question the
/// extractor asks of a word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Kinds(u32);

impl Kinds {
    /// A word that may open a sentence capitalised but never begins or ends a name ("But").
    pub const STOPWORD: Kinds = Kinds(1);
    /// A day of the week.
    pub const WEEKDAY: Kinds = Kinds(1 << 1);
    /// A month name or its abbreviation.
    pub const MONTH: Kinds = Kinds(1 << 2);
    /// A title before a name ("Mr", "Dr", "Baroness"): dropped from the name, kept in an alias.
    pub const HONORIFIC: Kinds = Kinds(1 << 3);
    /// A role that stands before a name ("secretary", "actor", "boss"): stripped from it.
    pub const ROLE: Kinds = Kinds(1 << 4);
    /// A given name that is not also an everyday word, a month or an organisation word
    /// ("Will", "Grant" and "May" prove little).
    pub const GIVEN: Kinds = Kinds(1 << 5);
    /// An organisation, place or work word.
    pub const NOT_NAME: Kinds = Kinds(1 << 6);
    /// A `NOT_NAME` word that is also a surname ("Hill", "Brown").
    pub const ALSO_SURNAME: Kinds = Kinds(1 << 7);
    /// A word that marks the capitalised run after it as a work, brand or place ("sitcom").
    pub const WORK_CUE: Kinds = Kinds(1 << 8);
    /// A verb that marks the capitalised run before it as a person ("said", "told").
    pub const SPEECH_VERB: Kinds = Kinds(1 << 9);
    /// A place on its own ("Madrid", "Texas"): a country, region or big city of the gazetteer.
    pub const PLACE: Kinds = Kinds(1 << 10);
    /// The first word of a place of several words ("Hong" of "Hong Kong").
    pub const PLACE_START: Kinds = Kinds(1 << 11);
    /// A nationality ("Argentine", "Welsh"): said of a person, never part of the name.
    pub const NATIONALITY: Kinds = Kinds(1 << 12);
    /// A title that is part of a name when no full name goes with it ("Prince Charles",
    /// "Lord Falconer"), unlike "Mr" or "Dr".
    pub const NAMING_TITLE: Kinds = Kinds(1 << 13);
    /// A naming title followed by a given name, not a surname ("King Charles", "Sir Alex").
    pub const TITLE_OF_GIVEN: Kinds = Kinds(1 << 14);
    /// A word of everyday English (written in lower case in a dictionary).
    pub const EVERYDAY: Kinds = Kinds(1 << 15);
    /// In a list of given names, even if it is also an everyday word ("Rose", "Grant").
    pub const ANY_GIVEN: Kinds = Kinds(1 << 16);
    /// A given name borne (almost) only by men, or a title only men hold ("Mr", "Lord").
    pub const MALE: Kinds = Kinds(1 << 17);
    /// A given name borne (almost) only by women, or a title only women hold ("Mrs", "Lady").
    pub const FEMALE: Kinds = Kinds(1 << 18);
    /// An everyday word that is also a common surname ("Brown", "Hunt", "Trump").
    pub const SURNAME: Kinds = Kinds(1 << 19);
    /// A town of the gazetteer too small to count as a place on its own ("Aston", "Carson").
    pub const TOWN: Kinds = Kinds(1 << 20);
    /// A city of 100,000 or more ("Toulouse", "Leeds"): clubs bear such names, so on its own
    /// it is nobody's surname.
    pub const CITY: Kinds = Kinds(1 << 21);
    /// A word that introduces a person right after it when written in lower case: an
    /// occupation or a relation ("rapper", "goalkeeper", "husband"; `person-cues.txt`).
    pub const PERSON_CUE: Kinds = Kinds(1 << 22);

    /// Both sets of flags: `has` on the union asks for any of them.
    pub const fn or(self, k: Kinds) -> Kinds {
        Kinds(self.0 | k.0)
    }

    /// Any of the flags in `k` is set.
    pub fn has(self, k: Kinds) -> bool {
        self.0 & k.0 != 0
    }

    fn add(&mut self, k: Kinds) {
        self.0 |= k.0;
    }
}

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The word lists, split in two: what any word may be asked (function words, titles, roles,
/// speech verbs: a few thousand, hot in cache), and what only a capitalised word is (names,
/// places, everyday words: over a hundred thousand). Most words of a text are in lower case
/// and never touch the large table.
///
/// Words are kept by a 64-bit hash of their lower-case form, not as strings: a look-up then
/// touches one table slot rather than a slot and a string elsewhere in memory. Among the
/// lists' words a collision of two 64-bit hashes is out of the question.
struct Lexicon {
    any: FxHashMap<u64, Kinds>,
    capitalised: FxHashMap<u64, Kinds>,
}

fn key(lower: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(lower.as_bytes())
}

/// Flags that a word in lower case may be asked about.
const ANY_CASE: Kinds = Kinds::STOPWORD
    .or(Kinds::WEEKDAY)
    .or(Kinds::MONTH)
    .or(Kinds::HONORIFIC)
    .or(Kinds::ROLE)
    .or(Kinds::NOT_NAME)
    .or(Kinds::ALSO_SURNAME)
    .or(Kinds::WORK_CUE)
    .or(Kinds::SPEECH_VERB)
    .or(Kinds::NAMING_TITLE)
    .or(Kinds::PERSON_CUE);

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let (mut any, mut capitalised) = (FxHashMap::default(), FxHashMap::default());
    for (w, k) in every_list() {
        if k.has(ANY_CASE) {
            any.insert(key(w), k);
        } else {
            capitalised.insert(key(w), k);
        }
    }
    Lexicon { any, capitalised }
});

/// Every list, word by word; split into `LEXICON` once built.
fn every_list() -> FxHashMap<&'static str, Kinds> {
    let mut map: FxHashMap<&'static str, Kinds> = FxHashMap::default();
    let mut mark = |words: &mut dyn Iterator<Item = &'static str>, k: Kinds| {
        for w in words {
            map.entry(w).or_default().add(k);
        }
    };
    mark(&mut entries(include_str!("../../../assets/stopwords.txt")), Kinds::STOPWORD);
    mark(&mut WEEKDAYS.into_iter(), Kinds::WEEKDAY);
    // Every form `month_number` reads: full names, their first three letters, and "sept".
    let mut months = MONTHS.iter().flat_map(|m| [*m, &m[..3]]).chain(["sept"]);
    mark(&mut months, Kinds::MONTH);
    mark(&mut entries(include_str!("../../../assets/honorifics.txt")), Kinds::HONORIFIC);
    mark(&mut entries(include_str!("../../../assets/role-words.txt")), Kinds::ROLE);
    mark(&mut entries(include_str!("../../../assets/work-cues.txt")), Kinds::WORK_CUE);
    mark(&mut PERSON_CUES.iter().filter(|c| !c.contains(' ')).copied(), Kinds::PERSON_CUE);
    mark(&mut entries(include_str!("../../../assets/speech-verbs.txt")), Kinds::SPEECH_VERB);
    for w in entries(include_str!("../../../assets/not-name-words.txt")) {
        match w.strip_prefix('~') {
            Some(w) => mark(&mut [w].into_iter(), Kinds::NOT_NAME.or(Kinds::ALSO_SURNAME)),
            None => mark(&mut [w].into_iter(), Kinds::NOT_NAME),
        }
    }
    mark(&mut entries(include_str!("../../../assets/nationalities.txt")), Kinds::NATIONALITY);
    mark(&mut entries(include_str!("../../../assets/everyday-words.txt")), Kinds::EVERYDAY);
    mark(&mut entries(include_str!("../../../assets/everyday-surnames.txt")), Kinds::SURNAME);
    mark(&mut NAMING_TITLES.into_iter(), Kinds::NAMING_TITLE);
    mark(&mut TITLES_OF_GIVEN.into_iter(), Kinds::NAMING_TITLE.or(Kinds::TITLE_OF_GIVEN));
    mark(&mut MALE_TITLES.into_iter(), Kinds::MALE);
    mark(&mut FEMALE_TITLES.into_iter(), Kinds::FEMALE);
    for line in entries(include_str!("../../../assets/given-names-gender.txt")) {
        match line.split_once(' ') {
            Some((name, "m")) => mark(&mut [name].into_iter(), Kinds::MALE),
            Some((name, "f")) => mark(&mut [name].into_iter(), Kinds::FEMALE),
            _ => {}
        }
    }
    // A town's name on its own proves little ("Carson"): the places marked `+` count alone,
    // cities marked `*` a little; every place counts as a phrase.
    for place in entries(include_str!("../../../assets/places.txt")) {
        if let Some(major) = place.strip_prefix('+') {
            mark(&mut [major].into_iter(), Kinds::PLACE);
        } else if let Some(city) = place.strip_prefix('*') {
            mark(&mut [city].into_iter(), Kinds::CITY.or(Kinds::TOWN));
        } else if let Some((first, _)) = place.split_once(' ') {
            mark(&mut [first].into_iter(), Kinds::PLACE_START);
        } else {
            mark(&mut [place].into_iter(), Kinds::TOWN);
        }
    }
    // A word that is a name in one list and a common word in another proves little on its own.
    let everyday = Kinds::STOPWORD.or(Kinds::NOT_NAME).or(Kinds::MONTH).or(Kinds::NATIONALITY);
    let given = entries(include_str!("../../../assets/given-names.txt"))
        .chain(entries(include_str!("../../../assets/given-names-world.txt")));
    for w in given {
        let k = map.entry(w).or_default();
        k.add(Kinds::ANY_GIVEN);
        if !k.has(everyday) {
            k.add(Kinds::GIVEN);
        }
    }
    for w in entries(include_str!("../../../assets/given-names-everyday.txt")) {
        map.entry(w).or_default().add(Kinds::ANY_GIVEN);
    }
    map
}

/// Titles that make a name of the word after them ("Lord Falconer", "Prince Charles"): the
/// peerage, royalty, the clergy, knighthood and military ranks.
const NAMING_TITLES: [&str; 16] = [
    "archbishop",
    "baron",
    "baroness",
    "bishop",
    "capt",
    "captain",
    "cardinal",
    "col",
    "colonel",
    "imam",
    "lady",
    "lord",
    "rabbi",
    "rev",
    "reverend",
    "sergeant",
];
/// Naming titles whose next word is a given name ("King Charles", "Father Ted", "Sir Alex").
const TITLES_OF_GIVEN: [&str; 12] = [
    "brother", "dame", "father", "fr", "king", "pope", "prince", "princess", "queen", "saint", "sir",
    "sister",
];

const MALE_TITLES: [&str; 10] =
    ["baron", "brother", "father", "fr", "king", "lord", "mr", "prince", "sir", "duke"];
const FEMALE_TITLES: [&str; 11] =
    ["baroness", "dame", "duchess", "lady", "miss", "mrs", "ms", "princess", "queen", "sister", "countess"];

/// Whether a title and a given name can belong to one person: "Mrs Howard" is not Michael
/// Howard. Words of unknown sex agree with both.
pub fn same_sex(title: &str, given: &str) -> bool {
    let (t, g) = (kinds(title), kinds(given.split('-').next().unwrap_or(given)));
    !(t.has(Kinds::MALE) && g.has(Kinds::FEMALE) || t.has(Kinds::FEMALE) && g.has(Kinds::MALE))
}

/// Every line of `person-cues.txt`: words, and phrases of several words.
static PERSON_CUES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../../assets/person-cues.txt")).collect());

/// Whether the words before a name, last first and in lower case, end with a phrase of
/// `person-cues.txt` that introduces it ("known as", "real name").
pub fn cue_phrase_before(last_first: &[&str]) -> bool {
    PERSON_CUES.iter().filter(|c| c.contains(' ')).any(|phrase| {
        let words = phrase.split(' ').rev();
        let n = phrase.split(' ').count();
        n <= last_first.len() && words.zip(last_first).all(|(a, b)| a == *b)
    })
}

/// Places of more than one word ("hong kong", "new york"), in lower case with single spaces.
static PLACES: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    entries(include_str!("../../../assets/places.txt")).filter(|p| p.contains(' ')).collect()
});

/// Whether these words, in order, name a place of more than one word ("Hong Kong").
pub fn is_place_phrase(words: &[&str]) -> bool {
    if words.len() < 2 || !kinds(words[0]).has(Kinds::PLACE_START) {
        return false;
    }
    let phrase = words.join(" ").to_lowercase();
    PLACES.contains(phrase.as_str())
}

/// What the word lists say of a word, ignoring case.
/// What the word lists say of a word, ignoring case; names, places and everyday words are
/// found only for a word written with a capital ("Brown", not "brown").
pub fn kinds(word: &str) -> Kinds {
    let Some(lower) = Lower::new(word) else { return Kinds::default() };
    let capital = word.starts_with(char::is_uppercase);
    let hash = key(lower.as_str());
    // The answer depends on the case of the first letter, so the two are cached apart.
    let cached = hash ^ u64::from(capital);
    RECENT.with(|recent| {
        let mut recent = recent.borrow_mut();
        let slot = &mut recent[(cached >> 7) as usize & (RECENT_SLOTS - 1)];
        if slot.0 == cached {
            return slot.1;
        }
        let lex = &*LEXICON;
        let kinds = match lex.any.get(&hash) {
            Some(k) => *k,
            None if capital => lex.capitalised.get(&hash).copied().unwrap_or_default(),
            None => Kinds::default(),
        };
        *slot = (cached, kinds);
        kinds
    })
}

/// How many recent answers each thread keeps: a text repeats its words (names above all), and
/// a slot of this small table is far quicker to reach than the large one.
const RECENT_SLOTS: usize = 4096;

thread_local! {
    static RECENT: std::cell::RefCell<Box<[(u64, Kinds)]>> =
        std::cell::RefCell::new(vec![(u64::MAX, Kinds::default()); RECENT_SLOTS].into_boxed_slice());
}

/// Lower-case a short word into a stack buffer for look-ups; words too long for it are never
/// in any list.
pub struct Lower {
    buf: [u8; 32],
    len: usize,
}

impl Lower {
    /// `word` in lower case; None when it is longer than 32 bytes lower-cased.
    pub fn new(word: &str) -> Option<Lower> {
        let mut buf = [0u8; 32];
        if word.is_ascii() {
            let bytes = word.as_bytes();
            let out = buf.get_mut(..bytes.len())?;
            out.copy_from_slice(bytes);
            out.make_ascii_lowercase();
            return Some(Lower { buf, len: bytes.len() });
        }
        let mut len = 0;
        for c in word.chars() {
            for l in c.to_lowercase() {
                let mut tmp = [0u8; 4];
                let s = l.encode_utf8(&mut tmp);
                if len + s.len() > buf.len() {
                    return None;
                }
                buf[len..len + s.len()].copy_from_slice(s.as_bytes());
                len += s.len();
            }
        }
        Some(Lower { buf, len })
    }

    /// The lower-cased word.
    pub fn as_str(&self) -> &str {
        // Built from whole encoded chars above, so always valid UTF-8.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}
