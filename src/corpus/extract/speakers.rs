//! Who a quote's speaker is: the words that name the speaker ("Mr Hunt", "he", "the union",
//! "a Department of Health spokesman") resolved to one of the article's people or
//! organisations, as a careful reader would, or to no one ("a spokesman", "sources").
//!
//! - A name written in the speaker's words is that entity; a person named there wins over an
//!   organisation ("BMA council chair Mark Porter": Mark Porter).
//! - A pronoun is the speaker last named before it; "it" is the last organisation; a relative
//!   "who" is the name right before it.
//! - A definite role ("the union", "the department", "the health secretary") is the nearest
//!   entity before the quote that fits it: an organisation whose name holds that kind of head,
//!   or a person the article introduced with that role.
//! - An indefinite speaker ("a spokesman", "officials") names no one.

use std::sync::Arc;

use super::lexicon;
use super::{Attribution, Organisation, Person, Span, Speaker, SpeakerKind};

/// One mention of an entity: where, and which (index into people or organisations).
#[derive(Clone, Copy)]
struct Mention {
    span: Span,
    kind: SpeakerKind,
    index: usize,
}

/// Organisation nouns and the heads of the names they may stand for.
const ORG_ROLES: [(&str, &[&str]); 18] = [
    ("union", &["union", "unions", "association", "federation", "congress", "confederation"]),
    ("association", &["association", "union", "federation"]),
    ("federation", &["federation", "association", "union"]),
    ("department", &["department", "ministry", "office"]),
    ("ministry", &["ministry", "department"]),
    ("company", &["company", "plc", "ltd", "inc", "corp", "corporation", "group", "holdings"]),
    ("firm", &["company", "plc", "ltd", "inc", "corp", "corporation", "group", "llp", "partners"]),
    ("group", &["group", "campaign", "alliance", "coalition", "society", "network"]),
    ("party", &["party"]),
    ("trust", &["trust"]),
    ("council", &["council"]),
    ("hospital", &["hospital", "trust"]),
    ("charity", &["charity", "trust", "foundation", "society"]),
    ("bank", &["bank"]),
    ("regulator", &["regulator", "authority", "commission", "office"]),
    ("committee", &["committee"]),
    ("organisation", &[]),
    ("body", &[]),
];

/// Mentions a pronoun or a role looks back over for its speaker: far enough for any article, and
/// a bound on the work in one of 30 MB.
const LOOK_BACK: usize = 400;
/// No name is longer than this many bytes; mentions overlapping a speaker start no further back.
const MAX_NAME: u32 = 256;

const DEFINITE: [&str; 5] = ["the", "this", "that", "its", "their"];

fn name_of<'a>(m: Mention, people: &'a [Person], orgs: &'a [Organisation]) -> &'a Arc<str> {
    match m.kind {
        SpeakerKind::Person => &people[m.index].name,
        SpeakerKind::Organisation => &orgs[m.index].name,
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Resolve each quote's speaker through the article's entities.
pub(crate) fn attribute(body: &str, quotes: &mut [Attribution], people: &[Person], orgs: &[Organisation]) {
    if quotes.is_empty() {
        return;
    }
    let mut mentions: Vec<Mention> = Vec::new();
    for (index, p) in people.iter().enumerate() {
        mentions.extend(p.spans.iter().map(|&span| Mention { span, kind: SpeakerKind::Person, index }));
    }
    for (index, o) in orgs.iter().enumerate() {
        mentions.extend(o.spans.iter().map(|&span| Mention { span, kind: SpeakerKind::Organisation, index }));
    }
    // A name inside quoted words is someone spoken of, never the one speaking.
    let mut quoted: Vec<Span> = quotes.iter().map(|q| q.quote.content).collect();
    quoted.sort_unstable();
    let in_quote = |s: Span| {
        let i = quoted.partition_point(|q| q.start <= s.start);
        quoted[..i].iter().rev().take(4).any(|q| q.end >= s.end)
    };
    mentions.retain(|m| !in_quote(m.span));
    mentions.sort_unstable_by_key(|m| (m.span.start, m.kind == SpeakerKind::Organisation));
    for q in quotes.iter_mut() {
        q.speaker = who(body, &q.quote, &mentions, people, orgs)
            .map(|m| Speaker { kind: m.kind, name: Arc::clone(name_of(m, people, orgs)) });
    }
}

fn who(
    body: &str,
    q: &super::quotes::Quote,
    mentions: &[Mention],
    people: &[Person],
    orgs: &[Organisation],
) -> Option<Mention> {
    let span = q.speaker?;
    let text = body.get(span.range())?;
    // Mentions are sorted by start, and no mention is longer than a name: those that can
    // overlap `s` start within a bounded stretch before it.
    let inside = |s: Span| {
        let to = mentions.partition_point(|m| m.span.start < s.end);
        let from = mentions[..to].partition_point(|m| m.span.start + MAX_NAME < s.start);
        let mut best: Option<Mention> = None;
        for m in mentions[from..to].iter().rev().filter(|m| overlaps(m.span, s)) {
            if best.is_none_or(|b| b.kind == SpeakerKind::Organisation && m.kind == SpeakerKind::Person) {
                best = Some(*m);
            }
        }
        best
    };
    if let Some(m) = inside(span) {
        return Some(m);
    }
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("").to_lowercase();
    let last = words.next_back().map(str::to_lowercase);
    let one_word = last.is_none();
    let first = first.as_str();
    // Where the quote begins: an entity "before it" is mentioned before this.
    let at = q.content.start.min(q.cue.start).min(span.start);
    let upto = mentions.partition_point(|m| m.span.start < at);
    let before = |kind: Option<SpeakerKind>, fits: &dyn Fn(&Mention) -> bool| {
        mentions[..upto]
            .iter()
            .rev()
            .take(LOOK_BACK)
            .filter(|m| m.span.end <= at && kind.is_none_or(|k| m.kind == k))
            .find(|m| fits(m))
            .copied()
    };
    if one_word {
        match first {
            // "I" in a quote is whoever speaks it.
            "i" => {
                if let Some(m) = q.named.and_then(inside).filter(|m| m.kind == SpeakerKind::Person) {
                    return Some(m);
                }
                return before(Some(SpeakerKind::Person), &|_| true);
            }
            // "he" and "she": the nearest person before of that sex, as a reader takes it.
            "he" | "she" => {
                let title = if first == "he" { "mr" } else { "mrs" };
                let fits = |m: &Mention| fits_sex(&people[m.index], title);
                return before(Some(SpeakerKind::Person), &fits)
                    .or_else(|| q.named.and_then(inside).filter(|m| m.kind == SpeakerKind::Person));
            }
            "it" => return before(Some(SpeakerKind::Organisation), &|_| true),
            // A relative clause's "who" is the name right before it ("Cruz, who said").
            "who" => {
                let gap = |m: &Mention| {
                    body.get(m.span.end as usize..span.start as usize)
                        .is_some_and(|g| g.trim().is_empty() || g.trim() == ",")
                };
                return before(None, &gap);
            }
            // A plural is a body of people, not the last person named.
            "they" | "we" => return q.named.and_then(inside).filter(|m| m.kind == SpeakerKind::Organisation),
            _ => {}
        }
    }
    // A name written in the words that people extraction did not take (a bare surname).
    if let Some(m) = by_name(text, mentions, people, orgs, at) {
        return Some(m);
    }
    let last = last.as_deref().filter(|_| DEFINITE.contains(&first))?;
    let head = last.strip_suffix("'s").or_else(|| last.strip_suffix("’s")).unwrap_or(last);
    let head = head.trim_end_matches(['\'', '’']);
    if let Some((_, heads)) = ORG_ROLES.iter().find(|(role, _)| *role == head) {
        let fits = |m: &Mention| {
            let name = orgs[m.index].name.to_lowercase();
            heads.is_empty() || name.split(' ').any(|w| heads.contains(&w)) || !name.contains(' ')
        };
        return before(Some(SpeakerKind::Organisation), &fits);
    }
    // "the junior doctors": many people, none of them in particular.
    if head.ends_with('s') && !head.ends_with("ss") {
        return None;
    }
    // "the health secretary": a person the article introduced with that role, just before or
    // after their name.
    let introduced = |m: &Mention| {
        let (s, e) = (m.span.start as usize, m.span.end as usize);
        let pre = body.get(floor(body, s.saturating_sub(40))..s).unwrap_or("").trim_end().to_lowercase();
        let post = body.get(e..floor(body, (e + 60).min(body.len()))).unwrap_or("");
        let apposition = post.strip_prefix(',').map(|p| p.split([',', '.', ';']).next().unwrap_or(""));
        pre.ends_with(head)
            || apposition.is_some_and(|a| a.to_lowercase().split_whitespace().any(|w| w == head))
    };
    before(Some(SpeakerKind::Person), &introduced)
}

/// Whether a person can be called "he" (`title` "mr") or "she" ("mrs"): by the given name, and
/// by any title the article gives them.
fn fits_sex(p: &Person, title: &str) -> bool {
    let given = p.name.split(' ').next().unwrap_or("");
    let other = if title == "mr" { ["mrs", "ms", "miss"].as_slice() } else { ["mr"].as_slice() };
    let titled_other = std::iter::once(&p.name).chain(&p.aliases).any(|n| {
        n.split(' ')
            .next()
            .is_some_and(|w| other.iter().any(|o| w.trim_end_matches('.').eq_ignore_ascii_case(o)))
    });
    lexicon::same_sex(title, given) && !titled_other
}

/// The first char boundary at or before `i`.
fn floor(body: &str, mut i: usize) -> usize {
    while i > 0 && !body.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The entity whose name or last word the speaker's words hold ("Hunt" in "a defiant Hunt"),
/// when only one fits; the nearest mention before the quote stands for it.
fn by_name(
    text: &str,
    mentions: &[Mention],
    people: &[Person],
    orgs: &[Organisation],
    at: u32,
) -> Option<Mention> {
    let capitalised: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|w| w.starts_with(char::is_uppercase))
        .collect();
    if capitalised.is_empty() {
        return None;
    }
    let holds = |name: &str| capitalised.contains(&name.rsplit(' ').next().unwrap_or(name));
    let people_found = people
        .iter()
        .enumerate()
        .filter(|(_, p)| holds(&p.name) || p.aliases.iter().any(|a| holds(a)))
        .map(|(i, _)| (SpeakerKind::Person, i));
    let orgs_found = orgs
        .iter()
        .enumerate()
        .filter(|(_, o)| holds(&o.name) || o.aliases.iter().any(|a| holds(a)))
        .map(|(i, _)| (SpeakerKind::Organisation, i));
    let mut all = people_found.chain(orgs_found);
    let found = all.next();
    if all.next().is_some() {
        return None;
    }
    let (kind, index) = found?;
    let of = |m: &&Mention| m.kind == kind && m.index == index;
    let upto = mentions.partition_point(|m| m.span.start < at);
    mentions[..upto].iter().rev().find(of).or_else(|| mentions.iter().find(of)).copied()
}

#[cfg(test)]
mod tests {
    use super::super::extract;

    fn said(text: &str) -> Vec<(String, Option<String>)> {
        let e = extract(text);
        e.quotes
            .iter()
            .map(|q| (q.speaker_text(text).to_string(), q.speaker.as_ref().map(|s| s.name.to_string())))
            .collect()
    }

    #[test]
    fn names_pronouns_and_roles_resolve_to_the_article_s_entities() {
        let text = "Health secretary Jeremy Hunt spoke on Monday. Mr Hunt said the contract was safe.\n\n\
                    He added that talks would go on.\n\n\
                    The British Medical Association (BMA) disagreed. The union said the offer was unfair.";
        let s = said(text);
        assert!(s.contains(&("Mr Hunt".to_string(), Some("Jeremy Hunt".to_string()))), "{s:?}");
        assert!(s.contains(&("He".to_string(), Some("Jeremy Hunt".to_string()))), "{s:?}");
        assert!(
            s.contains(&("The union".to_string(), Some("British Medical Association".to_string()))),
            "{s:?}"
        );
    }

    #[test]
    fn an_organisation_speaks_through_its_spokesman_and_nobody_through_a_stranger() {
        let text = "A Department of Health spokesman said the strike was unnecessary.\n\n\
                    A spokesman said the plans were final.";
        let s = said(text);
        assert_eq!(s[0].1.as_deref(), Some("Department of Health"), "{s:?}");
        assert_eq!(s[1], ("A spokesman".to_string(), None));
    }

    #[test]
    fn he_and_she_are_the_nearest_person_of_that_sex_not_one_quoted() {
        let text = "Dr John Smith spoke first.\n\nMary Jones, a patient, had her visit cancelled. \
                    She said the wait was long.\n\n\"Ask Peter Brown,\" he said.";
        let s = said(text);
        assert!(s.contains(&("She".to_string(), Some("Mary Jones".to_string()))), "{s:?}");
        assert!(s.contains(&("he".to_string(), Some("John Smith".to_string()))), "{s:?}");
    }

    #[test]
    fn a_role_resolves_to_the_person_it_introduced() {
        let text = "Health secretary Jeremy Hunt met Heidi Alexander on Monday.\n\n\
                    The health secretary said the deal was done.";
        let s = said(text);
        assert_eq!(s[0].1.as_deref(), Some("Jeremy Hunt"), "{s:?}");
    }
}
