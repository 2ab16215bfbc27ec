//! Word lists the extractor uses, embedded from `assets/` so that the binary needs no files at
//! run time. Each list is parsed once, on first use.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

pub struct Lexicon {
    pub given_names: FxHashSet<&'static str>,
    pub honorifics: FxHashSet<&'static str>,
    pub roles: FxHashSet<&'static str>,
    /// Organisation, place and work words; the bool is true for words that are also surnames.
    pub not_name: FxHashMap<&'static str, bool>,
    pub work_cues: FxHashSet<&'static str>,
    pub stopwords: FxHashSet<&'static str>,
    pub speech_verbs: FxHashSet<&'static str>,
}

fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    given_names: entries(include_str!("../../../assets/given-names.txt")).collect(),
    honorifics: entries(include_str!("../../../assets/honorifics.txt")).collect(),
    roles: entries(include_str!("../../../assets/role-words.txt")).collect(),
    not_name: entries(include_str!("../../../assets/not-name-words.txt"))
        .map(|w| match w.strip_prefix('~') {
            Some(w) => (w, true),
            None => (w, false),
        })
        .collect(),
    work_cues: entries(include_str!("../../../assets/work-cues.txt")).collect(),
    stopwords: entries(include_str!("../../../assets/stopwords.txt")).collect(),
    speech_verbs: entries(include_str!("../../../assets/speech-verbs.txt")).collect(),
});

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

/// Look a word up in a set, case-insensitively.
pub fn contains(set: &FxHashSet<&'static str>, word: &str) -> bool {
    Lower::new(word).is_some_and(|l| set.contains(l.as_str()))
}
