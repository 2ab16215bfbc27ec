//! The query language: fzf's extended search syntax.
//!
//! | term      | matches an article whose…                                              |
//! |-----------|------------------------------------------------------------------------|
//! | `word`    | title, people or tags match fuzzily; failing that, body contains `word` |
//! | `'word`   | title, a person's name or alias, a tag or the body contains `word`     |
//! | `^word`   | title, a name or alias, or a tag (with or without `#`/`@`) starts so    |
//! | `word$`   | title, a name or alias, or a tag ends so                                |
//! | `^word$`  | title, a name or alias, or a tag is exactly `word`                      |
//! | `!word`   | none of title, people, tags or body contains `word` (also `!'word`)    |
//! | `!^word`, `!word$` | no title, name or tag starts (ends) so                        |
//! | `#tag`, `@name` | hashtags (handles) match fuzzily                                 |
//!
//! Spaces separate terms that must all match; `a | b c` means (a or b) and c. A term with a
//! capital letter is case-sensitive, any other ignores case (smart case). A term still being
//! typed (`'`, `!`, `^`, `$`, `!'`, `#`, a dangling `|`) filters nothing yet. `\ ` is a space
//! inside a term.

use super::matcher::{Matcher, has_upper};

/// What a term looks for, and where (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `word`: fuzzy over title, people and tags; substring of the body.
    Fuzzy,
    /// `'word`, or `!word`: substring of title, people, tags or body.
    Exact,
    /// `^word`: start of the title, a name or alias, or a tag.
    Prefix,
    /// `word$`: end of the title, a name or alias, or a tag.
    Suffix,
    /// `^word$`: the whole title, name or alias, or tag.
    Whole,
    /// `#tag`: fuzzy over hashtags.
    Hashtag,
    /// `@name`: fuzzy over handles.
    Handle,
}

impl Kind {
    /// Does a term of this kind look in the body?
    pub fn reads_body(self) -> bool {
        matches!(self, Kind::Fuzzy | Kind::Exact)
    }

    /// Is it scored by the fuzzy matcher (rather than simply matching or not)?
    pub fn is_fuzzy(self) -> bool {
        matches!(self, Kind::Fuzzy | Kind::Hashtag | Kind::Handle)
    }
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    /// What it looks for.
    pub kind: Kind,
    /// The text, without its operators (`#` and `@` stay: tags are spelled with them).
    pub text: String,
    /// `!`: the article must not match.
    pub inverse: bool,
    /// Smart case: the text has a capital letter.
    pub case_sensitive: bool,
}

impl Term {
    /// A term as typed, or `None` for one that is only operators so far.
    pub fn parse(token: &str) -> Option<Term> {
        let (inverse, rest) = match token.strip_prefix('!') {
            Some(r) => (true, r),
            None => (false, token),
        };
        let (kind, text) = if let Some(r) = rest.strip_prefix('\'') {
            (Kind::Exact, r)
        } else {
            let (prefix, r) = match rest.strip_prefix('^') {
                Some(r) => (true, r),
                None => (false, rest),
            };
            let (suffix, r) = match r.strip_suffix('$') {
                Some(r) => (true, r),
                None => (false, r),
            };
            match (prefix, suffix) {
                (true, true) => (Kind::Whole, r),
                (true, false) => (Kind::Prefix, r),
                (false, true) => (Kind::Suffix, r),
                // fzf's rule: a negated plain word is an exact one.
                _ if inverse => (Kind::Exact, r),
                // A lone sigil is a tag being typed.
                _ if r == "#" || r == "@" => return None,
                _ if r.starts_with('#') => (Kind::Hashtag, r),
                _ if r.starts_with('@') => (Kind::Handle, r),
                _ => (Kind::Fuzzy, r),
            }
        };
        (!text.is_empty()).then(|| Term {
            kind,
            text: text.to_string(),
            inverse,
            case_sensitive: has_upper(text),
        })
    }

    /// The literal searched for in text (bodies, and for exact kinds names and titles).
    pub fn matcher(&self) -> Matcher {
        Matcher::new(&self.text, self.case_sensitive)
    }

    /// Is every article that has `self` (taken as positive) also one that has `old`? True when
    /// `self` was made by typing more of `old`. Only what matches the term itself is compared,
    /// not `!`.
    pub fn positive_within(&self, old: &Term) -> bool {
        self.kind == old.kind
            && (!old.case_sensitive || self.case_sensitive)
            && match self.kind {
                Kind::Fuzzy | Kind::Exact | Kind::Hashtag | Kind::Handle => self.text.contains(&old.text),
                Kind::Prefix => self.text.starts_with(&old.text),
                Kind::Suffix => self.text.ends_with(&old.text),
                Kind::Whole => self.text == old.text,
            }
    }

    /// Is every article `self` lets through also let through by `old`?
    fn narrows(&self, old: &Term) -> bool {
        self.inverse == old.inverse
            && if self.inverse { old.positive_within(self) } else { self.positive_within(old) }
    }
}

/// A parsed query: groups of terms; every group must match, and a group matches when any of its
/// terms does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// AND of ORs.
    pub groups: Vec<Vec<Term>>,
}

impl Query {
    /// Parse a query as typed (see the module documentation). Never fails: what cannot be a
    /// term yet is left out.
    pub fn parse(text: &str) -> Query {
        let mut groups: Vec<Vec<Term>> = Vec::new();
        let mut or_next = false;
        for token in tokens(text) {
            if token == "|" {
                or_next = !groups.is_empty();
                continue;
            }
            let Some(term) = Term::parse(&token) else { continue };
            match groups.last_mut() {
                Some(group) if or_next => group.push(term),
                _ => groups.push(vec![term]),
            }
            or_next = false;
        }
        Query { groups }
    }

    /// No terms: everything matches.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every term, group after group.
    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flatten()
    }

    /// Does every article this query lets through also pass `old`? Then `old`'s hits are all
    /// the articles this one needs to look at.
    pub fn narrows(&self, old: &Query) -> bool {
        self.groups.len() >= old.groups.len()
            && self
                .groups
                .iter()
                .zip(&old.groups)
                .all(|(new, old)| new.len() == old.len() && new.iter().zip(old).all(|(n, o)| n.narrows(o)))
    }

    /// What to mark in an article's body: the text of every term that is not negated, plain
    /// words of two characters or more included, as literal needles. Tags are marked as
    /// entities already.
    pub fn needles(&self) -> Vec<Matcher> {
        let mut seen: Vec<(&str, bool)> = Vec::new();
        let mut out = Vec::new();
        for t in self.terms() {
            let wanted = !t.inverse
                && match t.kind {
                    Kind::Exact | Kind::Prefix | Kind::Suffix | Kind::Whole => true,
                    Kind::Fuzzy => t.text.chars().count() >= 2,
                    Kind::Hashtag | Kind::Handle => false,
                };
            if wanted && !seen.contains(&(t.text.as_str(), t.case_sensitive)) {
                seen.push((t.text.as_str(), t.case_sensitive));
                out.push(t.matcher());
            }
        }
        out
    }
}

/// Split on white space, keeping `\ ` as a space inside a token.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_whitespace()) {
            current.extend(chars.next());
        } else if c.is_whitespace() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(kind: Kind, text: &str, inverse: bool) -> Term {
        Term { kind, text: text.into(), inverse, case_sensitive: has_upper(text) }
    }

    fn one(q: &str) -> Term {
        let parsed = Query::parse(q);
        assert_eq!(parsed.groups.len(), 1, "{q:?} is one term: {parsed:?}");
        parsed.groups[0][0].clone()
    }

    #[test]
    fn each_operator() {
        assert_eq!(one("hunt"), term(Kind::Fuzzy, "hunt", false));
        assert_eq!(one("'strike"), term(Kind::Exact, "strike", false));
        assert_eq!(one("^prime"), term(Kind::Prefix, "prime", false));
        assert_eq!(one("minister$"), term(Kind::Suffix, "minister", false));
        assert_eq!(one("^nhs$"), term(Kind::Whole, "nhs", false));
        assert_eq!(one("!sport"), term(Kind::Exact, "sport", true));
        assert_eq!(one("!'sport"), term(Kind::Exact, "sport", true));
        assert_eq!(one("!^prime"), term(Kind::Prefix, "prime", true));
        assert_eq!(one("!minister$"), term(Kind::Suffix, "minister", true));
        assert_eq!(one("#junior"), term(Kind::Hashtag, "#junior", false));
        assert_eq!(one("@DrSherbert2"), term(Kind::Handle, "@DrSherbert2", false));
        // `'` takes the rest literally.
        assert_eq!(one("'^a$"), term(Kind::Exact, "^a$", false));
        assert_eq!(one("'jeremy\\ hunt"), term(Kind::Exact, "jeremy hunt", false));
    }

    #[test]
    fn smart_case() {
        assert!(!one("hunt").case_sensitive);
        assert!(one("Hunt").case_sensitive);
        assert!(one("'NHS").case_sensitive);
        assert!(one("^Élysée").case_sensitive, "capitals outside ASCII count");
        assert!(!one("élysée").case_sensitive);
        assert!(!one("98%").case_sensitive);
    }

    #[test]
    fn half_typed_terms_filter_nothing() {
        for q in ["'", "!", "^", "$", "!'", "!^", "!$", "^$", "#", "@", "|", "| |", "  "] {
            assert!(Query::parse(q).is_empty(), "{q:?} gave {:?}", Query::parse(q));
        }
        assert_eq!(Query::parse("hunt '"), Query::parse("hunt"));
        assert_eq!(Query::parse("hunt |"), Query::parse("hunt"));
        assert_eq!(Query::parse("hunt | !"), Query::parse("hunt"));
        assert_eq!(Query::parse("| hunt"), Query::parse("hunt"));
    }

    #[test]
    fn or_binds_tighter_than_and() {
        let q = Query::parse("labour | tory 'strike");
        assert_eq!(q.groups.len(), 2);
        assert_eq!(q.groups[0], [term(Kind::Fuzzy, "labour", false), term(Kind::Fuzzy, "tory", false)]);
        assert_eq!(q.groups[1], [term(Kind::Exact, "strike", false)]);
        let q = Query::parse("a | b | !c d");
        assert_eq!(q.groups.iter().map(Vec::len).collect::<Vec<_>>(), [3, 1]);
        // `|` only counts on its own.
        assert_eq!(one("a|b"), term(Kind::Fuzzy, "a|b", false));
    }

    #[test]
    fn typing_narrows_and_deleting_a_negation_narrows() {
        let n = |new: &str, old: &str| Query::parse(new).narrows(&Query::parse(old));
        assert!(n("hunt", "hun") && n("jeremy h", "jeremy") && n("'strike", "'stri"));
        assert!(n("x", "") && n("hunT", "hun"));
        assert!(!n("hun", "hunt") && !n("Hun", "hun"));
        assert!(!n("labour | t", "labour"), "another alternative widens");
        assert!(n("labour | to", "labour | t"));
        assert!(!n("!sport", "!spor") && n("!spor", "!sport"));
        assert!(n("^prim", "^pri") && n("inister$", "nister$") && !n("minister$", "minister"));
    }

    #[test]
    fn needles_to_mark() {
        let q = Query::parse("b bma 'strike ^prime minister$ !sport #junior Élysée bma");
        let needles = q.needles();
        let needles: Vec<(&str, bool)> = needles.iter().map(|m| (m.needle(), m.case_sensitive())).collect();
        assert_eq!(
            needles,
            [("bma", false), ("strike", false), ("prime", false), ("minister", false), ("Élysée", true)]
        );
    }
}
