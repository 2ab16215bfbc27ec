//! Hashtags and @handles, counted, with case variants of a hashtag folded into one.

use std::collections::HashMap;
use std::sync::Arc;

use super::tokens::{Kind, Token};
use super::{Handle, Hashtag, Span, Spans};

/// The hashtags and @handles among `tokens`, each listed once in order of first use.
pub fn collect(body: &str, tokens: &[Token]) -> (Vec<Hashtag>, Vec<Handle>) {
    let mut tags: Vec<Hashtag> = Vec::new();
    let mut tag_index: HashMap<String, usize> = HashMap::new();
    // Per tag: how often each spelling was seen, to show the most common one.
    let mut spellings: Vec<Vec<(&str, usize)>> = Vec::new();
    let mut handles: Vec<Handle> = Vec::new();
    let mut handle_index: HashMap<String, usize> = HashMap::new();

    for t in tokens {
        let text = t.text(body);
        let span = Span::new(t.start, t.end);
        match t.kind {
            Kind::Hashtag => {
                let i = *tag_index.entry(text.to_lowercase()).or_insert_with(|| {
                    tags.push(Hashtag { tag: Arc::from(text), spans: Spans::new() });
                    spellings.push(Vec::new());
                    tags.len() - 1
                });
                tags[i].spans.push(span);
                match spellings[i].iter_mut().find(|(s, _)| *s == text) {
                    Some((_, n)) => *n += 1,
                    None => spellings[i].push((text, 1)),
                }
            }
            // Handles are case-insensitive on every network, so they fold the same way.
            Kind::Handle => {
                let i = *handle_index.entry(text.to_lowercase()).or_insert_with(|| {
                    handles.push(Handle { handle: Arc::from(text), spans: Spans::new() });
                    handles.len() - 1
                });
                handles[i].spans.push(span);
            }
            _ => {}
        }
    }
    for (tag, seen) in tags.iter_mut().zip(&spellings) {
        // Most frequent spelling; the first seen wins a tie (max_by_key keeps the last max).
        if let Some((s, _)) = seen.iter().rev().max_by_key(|(_, n)| *n)
            && *tag.tag != **s
        {
            tag.tag = Arc::from(*s);
        }
    }
    (tags, handles)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn case_variants_fold_to_the_most_common_spelling() {
        let body = "#GOPdebate #GOPDebate #GOPDebate #gopdebate @RealDonaldTrump @realDonaldTrump";
        let (tags, handles) = collect(body, &tokenize(body));
        assert_eq!(tags.len(), 1);
        assert_eq!(&*tags[0].tag, "#GOPDebate");
        assert_eq!(tags[0].count(), 4);
        assert_eq!(handles.len(), 1);
        assert_eq!(handles[0].count(), 2);
        assert_eq!(&*handles[0].handle, "@RealDonaldTrump");
    }

    #[test]
    fn trailing_punctuation_and_emails() {
        let body = "Write to press@bbc.co.uk or @BBCNews, and use #strike! (#NHS)";
        let (tags, handles) = collect(body, &tokenize(body));
        let names: Vec<&str> = tags.iter().map(|t| &*t.tag).collect();
        assert_eq!(names, ["#strike", "#NHS"]);
        assert_eq!(handles.iter().map(|h| &*h.handle).collect::<Vec<_>>(), ["@BBCNews"]);
    }
}
