//! Word lists the extractor uses, embedded from `assets/` so that the binary needs no files at
//! run time. Each list is parsed once, on first use.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use crate::corpus::article::MONTHS;

/// What the word lists say of one word, as flags: one look-up answers every question the
/// extractor asks of a word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Kinds(u16);

impl Kinds {
    pub const STOPWORD: Kinds = Kinds(1);
    pub const WEEKDAY: Kinds = Kinds(1 << 1);
    pub const MONTH: Kinds = Kinds(1 << 2);
    pub const HONORIFIC: Kinds = Kinds(1 << 3);
    pub const ROLE: Kinds = Kinds(1 << 4);
    /// A given name that is not also an everyday word, a month or an organisation word
    /// ("Will", "Grant" and "May" prove little).
    pub const GIVEN: Kinds = Kinds(1 << 5);
    /// An organisation, place or work word.
    pub const NOT_NAME: Kinds = Kinds(1 << 6);
    /// A `NOT_NAME` word that is also a surname ("Hill", "Brown").
    pub const ALSO_SURNAME: Kinds = Kinds(1 << 7);
    pub const WORK_CUE: Kinds = Kinds(1 << 8);
    pub const SPEECH_VERB: Kinds = Kinds(1 << 9);

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

static KINDS: LazyLock<FxHashMap<&'static str, Kinds>> = LazyLock::new(|| {
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
    mark(&mut entries(include_str!("../../../assets/speech-verbs.txt")), Kinds::SPEECH_VERB);
    for w in entries(include_str!("../../../assets/not-name-words.txt")) {
        match w.strip_prefix('~') {
            Some(w) => mark(&mut [w].into_iter(), Kinds(Kinds::NOT_NAME.0 | Kinds::ALSO_SURNAME.0)),
            None => mark(&mut [w].into_iter(), Kinds::NOT_NAME),
        }
    }
    let everyday = Kinds(Kinds::STOPWORD.0 | Kinds::NOT_NAME.0 | Kinds::MONTH.0);
    for w in entries(include_str!("../../../assets/given-names.txt")) {
        let k = map.entry(w).or_default();
        if !k.has(everyday) {
            k.add(Kinds::GIVEN);
        }
    }
    map
});

/// What the word lists say of a word, ignoring case.
pub fn kinds(word: &str) -> Kinds {
    Lower::new(word).and_then(|l| KINDS.get(l.as_str()).copied()).unwrap_or_default()
}

/// Lower-case a short word into a stack buffer for look-ups; words too long for it are never
/// in any list.
pub struct Lower {
    buf: [u8; 32],
    len: usize,
}

impl Lower {
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

    pub fn as_str(&self) -> &str {
        // Built from whole encoded chars above, so always valid UTF-8.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}
