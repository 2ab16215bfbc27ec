//! Literal search, case-sensitive or not, used both to filter and to highlight: whatever a
//! search finds, the reader can mark.
//!
//! Case is ignored one character at a time: each character folds to its lower case when that is
//! a single character (`É` to `é`, `ẞ` to `ß`, `Σ` to `σ`). A character whose lower case is
//! longer (`İ`) or is ASCII while it is not (the Kelvin sign) stays itself, so that folding never
//! changes where a match starts or ends, and an ASCII needle only ever matches ASCII text: that
//! keeps the fast byte search exact. `ss` does not match `ß`.

use std::cell::RefCell;
use std::ops::Range;

use memchr::memmem::Finder;

/// One character with its case ignored (see the module documentation).
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if !l.is_ascii() => l,
        _ => c,
    }
}

/// `text` with every character folded: same number of characters, in the same places.
pub fn fold_str(text: &str) -> String {
    text.chars().map(fold).collect()
}

/// Does this text have a capital letter? Smart case: a term with one is matched case-sensitively.
pub fn has_upper(text: &str) -> bool {
    text.chars().any(char::is_uppercase)
}

/// A needle to look for in text.
#[derive(Debug, Clone)]
pub struct Matcher {
    needle: String,
    case_sensitive: bool,
    search: Search,
}

#[derive(Debug, Clone)]
enum Search {
    /// Byte for byte: case-sensitive, or a needle without letters.
    Exact(Finder<'static>),
    /// An ASCII needle, case ignored: its lower case is searched for in lower-cased bytes, which
    /// are where they were since ASCII case changes no lengths.
    Ascii(Finder<'static>),
    /// Folded characters compared one by one. `run` is the needle's longest ASCII stretch, when
    /// it has one of two bytes or more: text without it cannot match, and the byte search for it
    /// is many times faster than the character walk.
    Folded { chars: Vec<char>, run: Option<Finder<'static>> },
}

thread_local! {
    /// Lower-cased text for `Search::Ascii`, kept per thread so that scanning a corpus of bodies
    /// allocates nothing.
    static LOWER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

impl Matcher {
    /// A matcher for `pattern`, case-sensitive or not.
    pub fn new(pattern: &str, case_sensitive: bool) -> Matcher {
        let has_case = |c: char| c.is_lowercase() || c.is_uppercase() || fold(c) != c;
        let search = if case_sensitive || !pattern.chars().any(has_case) {
            Search::Exact(Finder::new(pattern.as_bytes()).into_owned())
        } else if pattern.is_ascii() {
            Search::Ascii(Finder::new(pattern.to_ascii_lowercase().as_bytes()).into_owned())
        } else {
            let chars: Vec<char> = pattern.chars().map(fold).collect();
            let run = pattern
                .split(|c: char| !c.is_ascii())
                .max_by_key(|r| r.len())
                .filter(|r| r.len() >= 2)
                .map(|r| Finder::new(r.to_ascii_lowercase().as_bytes()).into_owned());
            Search::Folded { chars, run }
        };
        Matcher { needle: pattern.to_string(), case_sensitive, search }
    }

    /// A matcher with smart case: case-sensitive when `pattern` has a capital letter.
    pub fn smart(pattern: &str) -> Matcher {
        Matcher::new(pattern, has_upper(pattern))
    }

    /// The needle, as given.
    pub fn needle(&self) -> &str {
        &self.needle
    }

    /// Whether case counts.
    pub fn case_sensitive(&self) -> bool {
        self.case_sensitive
    }

    /// Is the needle anywhere in `haystack`? An empty needle is in everything.
    pub fn is_in(&self, haystack: &str) -> bool {
        match &self.search {
            Search::Exact(f) => f.find(haystack.as_bytes()).is_some(),
            Search::Ascii(f) if haystack.len() < 64 => {
                // Titles and names: comparing in place costs less than a copy.
                let needle = f.needle();
                needle.is_empty()
                    || haystack.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
            }
            Search::Ascii(f) => {
                // Most text is lower case: an occurrence as typed is found without copying.
                f.find(haystack.as_bytes()).is_some() || with_lower(haystack, |l| f.find(l).is_some())
            }
            Search::Folded { chars, run } => {
                if run.as_ref().is_some_and(|r| with_lower(haystack, |l| r.find(l).is_none())) {
                    return false;
                }
                folded_find(haystack, chars, 0).is_some()
            }
        }
    }

    /// Byte ranges of every occurrence in `haystack`, left to right, none overlapping: ranges
    /// into `haystack` itself, on character boundaries.
    pub fn find_iter(&self, haystack: &str) -> Vec<Range<usize>> {
        if self.needle.is_empty() {
            return Vec::new();
        }
        let n = self.needle.len();
        match &self.search {
            Search::Exact(f) => f.find_iter(haystack.as_bytes()).map(|s| s..s + n).collect(),
            Search::Ascii(f) => with_lower(haystack, |l| f.find_iter(l).map(|s| s..s + n).collect()),
            Search::Folded { chars, .. } => {
                let mut out = Vec::new();
                let mut from = 0;
                while let Some(r) = folded_find(haystack, chars, from) {
                    from = r.end;
                    out.push(r);
                }
                out
            }
        }
    }

    /// Does `haystack` start with the needle?
    pub fn is_prefix_of(&self, haystack: &str) -> bool {
        match &self.search {
            Search::Exact(_) => haystack.starts_with(self.needle.as_str()),
            Search::Ascii(_) => {
                let n = self.needle.len();
                haystack.len() >= n && haystack.as_bytes()[..n].eq_ignore_ascii_case(self.needle.as_bytes())
            }
            Search::Folded { chars, .. } => {
                let mut hay = haystack.chars();
                chars.iter().all(|&c| hay.next().is_some_and(|h| fold(h) == c))
            }
        }
    }

    /// Does `haystack` end with the needle?
    pub fn is_suffix_of(&self, haystack: &str) -> bool {
        match &self.search {
            Search::Exact(_) => haystack.ends_with(self.needle.as_str()),
            Search::Ascii(_) => {
                let (n, h) = (self.needle.len(), haystack.len());
                h >= n && haystack.as_bytes()[h - n..].eq_ignore_ascii_case(self.needle.as_bytes())
            }
            Search::Folded { chars, .. } => {
                let mut hay = haystack.chars().rev();
                chars.iter().rev().all(|&c| hay.next().is_some_and(|h| fold(h) == c))
            }
        }
    }

    /// Is `haystack` the needle, and nothing more?
    pub fn is_whole(&self, haystack: &str) -> bool {
        match &self.search {
            Search::Exact(_) => haystack == self.needle,
            Search::Ascii(_) => haystack.eq_ignore_ascii_case(&self.needle),
            Search::Folded { chars, .. } => {
                haystack.chars().count() == chars.len() && self.is_prefix_of(haystack)
            }
        }
    }
}

/// Call `f` with `text` lower-cased (ASCII letters only, so every byte stays where it was).
fn with_lower<T>(text: &str, f: impl FnOnce(&[u8]) -> T) -> T {
    LOWER.with(|buf| {
        // A reentrant call (none today) would find the buffer taken: it gets its own.
        let mut own = Vec::new();
        let mut guard = buf.try_borrow_mut();
        let buf = match guard.as_deref_mut() {
            Ok(b) => b,
            Err(_) => &mut own,
        };
        buf.clear();
        buf.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
        f(buf)
    })
}

/// The first occurrence of the folded `needle` in `haystack` at or after byte `from` (a
/// character boundary).
fn folded_find(haystack: &str, needle: &[char], from: usize) -> Option<Range<usize>> {
    let first = *needle.first()?;
    let rest = haystack.get(from..)?;
    for (i, c) in rest.char_indices() {
        if fold(c) != first {
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut hay = rest[end..].chars();
        let matched = needle[1..].iter().all(|&n| {
            hay.next().is_some_and(|h| {
                end += h.len_utf8();
                fold(h) == n
            })
        });
        if matched {
            return Some(from + i..from + end);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(m: &Matcher, hay: &'a str) -> Vec<&'a str> {
        m.find_iter(hay).into_iter().map(|r| &hay[r]).collect()
    }

    #[test]
    fn ascii_needles_ignore_case_unless_told() {
        let m = Matcher::new("strike", false);
        assert_eq!(m.find_iter("Strike! strike. STRIKES"), [0..6, 8..14, 16..22]);
        assert!(m.is_in("A STRIKE") && !m.is_in("a stroke"));
        let s = Matcher::smart("Strike");
        assert!(s.case_sensitive());
        assert_eq!(found(&s, "strike Strike STRIKE"), ["Strike"]);
        assert!(Matcher::smart("bma").is_in("the BMA said"));
    }

    #[test]
    fn unicode_case_is_folded_and_ranges_are_in_the_original() {
        let m = Matcher::new("élysée", false);
        assert!(!m.case_sensitive());
        let hay = "L'ÉLYSÉE, l'Élysée et l'élysée";
        assert_eq!(found(&m, hay), ["ÉLYSÉE", "Élysée", "élysée"]);
        assert!(Matcher::smart("élysée").is_in("PALAIS DE L'ÉLYSÉE"));
        assert!(!Matcher::smart("Élysée").is_in("PALAIS DE L'ÉLYSÉE"), "a capital makes it case-sensitive");
        // A needle whose ASCII stretch is missing is ruled out before the character walk.
        assert!(!m.is_in("Elysee"));
    }

    #[test]
    fn dotted_capital_i_and_sharp_s() {
        // İ lower-cases to two characters: it stays itself, and ranges stay in the original.
        let hay = "İSTANBUL, İstanbul, istanbul";
        assert_eq!(found(&Matcher::new("İstanbul", false), hay), ["İSTANBUL", "İstanbul"]);
        assert_eq!(Matcher::new("İstanbul", false).find_iter(hay)[0], 0..9);
        assert_eq!(found(&Matcher::new("istanbul", false), hay), ["istanbul"], "ASCII matches ASCII only");
        // ẞ (3 bytes) folds to ß (2 bytes): the range still covers the capital.
        let street = "STRAẞE und Straße";
        assert_eq!(Matcher::new("straße", false).find_iter(street), [0..8, 13..20]);
        assert!(!Matcher::new("strasse", false).is_in(street), "no full case folding");
        assert!(Matcher::new("ß", false).is_in("GROẞ"));
    }

    #[test]
    fn prefixes_suffixes_and_wholes() {
        let m = Matcher::new("prime", false);
        assert!(m.is_prefix_of("Prime Minister") && !m.is_prefix_of("The Prime Minister"));
        assert!(Matcher::new("minister", false).is_suffix_of("Prime MINISTER"));
        assert!(Matcher::new("élysée", false).is_suffix_of("Palais de l'Élysée"));
        assert!(Matcher::new("élysée", false).is_prefix_of("ÉLYSÉE palace"));
        assert!(
            Matcher::new("élysée", false).is_whole("Élysée")
                && !Matcher::new("élysée", false).is_whole("Élysées")
        );
        assert!(Matcher::new("nhs", false).is_whole("NHS") && !Matcher::new("NHS", true).is_whole("nhs"));
        assert!(!Matcher::new("long needle", false).is_suffix_of("needle"));
    }

    #[test]
    fn needles_without_letters_and_empty_needles() {
        let m = Matcher::new("98%", false);
        assert_eq!(m.find_iter("98% and 98%"), [0..3, 8..11]);
        assert!(Matcher::new("", false).is_in("anything"));
        assert!(Matcher::new("", false).find_iter("anything").is_empty());
    }

    #[test]
    fn folding_keeps_every_character_in_place() {
        for s in ["İSTANBUL", "STRAẞE", "ΣΊΣΥΦΟΣ", "Kelvin \u{212a}", "ǅemal"] {
            assert_eq!(fold_str(s).chars().count(), s.chars().count());
        }
        assert_eq!(fold('\u{212a}'), '\u{212a}', "the Kelvin sign does not become ASCII");
    }
}
