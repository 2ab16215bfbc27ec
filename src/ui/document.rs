//! An article laid out for the reading pane: header, body wrapped to the pane's width, and every
//! highlight mapped from body offsets to lines.

use std::ops::Range;

use crate::corpus::Article;
use crate::corpus::index::{EntityId, Index};
use crate::filter::{Term, find_ignore_case};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Person(EntityId),
    Hashtag(EntityId),
    Handle(EntityId),
    /// The figure's position in the article's figure list.
    Figure(usize),
    /// An exact (`'word`) query term.
    Exact,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    /// Byte range in the body.
    pub range: Range<usize>,
    pub mark: Mark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Meta,
    Body,
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub text: String,
    pub kind: LineKind,
    /// Ranges of `text` and the highlight each one shows.
    pub spans: Vec<(Range<usize>, usize)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub lines: Vec<DocLine>,
    pub highlights: Vec<Highlight>,
    /// The line each highlight starts on.
    pub highlight_line: Vec<usize>,
    pub width: u16,
}

/// Every entity and exact query term in the article, in body order, without overlaps.
pub fn highlights(article: &Article, index: &Index, article_ix: usize, terms: &[Term]) -> Vec<Highlight> {
    let e = &article.entities;
    let mut out = Vec::new();
    let people_ids = index.article_people.get(article_ix);
    for (i, p) in e.people.iter().enumerate() {
        let id = people_ids.and_then(|m| m.get(i)).map_or(EntityId::MAX, |m| m.0);
        out.extend(p.spans.iter().map(|s| Highlight { range: s.range(), mark: Mark::Person(id) }));
    }
    let tag_ids = index.article_tags.get(article_ix);
    let tag_id = |i: usize| tag_ids.and_then(|m| m.get(i)).map_or(EntityId::MAX, |m| m.0);
    for (i, h) in e.hashtags.iter().enumerate() {
        out.extend(h.spans.iter().map(|s| Highlight { range: s.range(), mark: Mark::Hashtag(tag_id(i)) }));
    }
    let offset = e.hashtags.len();
    for (i, h) in e.handles.iter().enumerate() {
        out.extend(
            h.spans.iter().map(|s| Highlight { range: s.range(), mark: Mark::Handle(tag_id(offset + i)) }),
        );
    }
    for (i, f) in e.figures.iter().enumerate() {
        out.push(Highlight { range: f.span.range(), mark: Mark::Figure(i) });
    }
    for term in terms {
        if let Term::Exact(word) = term {
            out.extend(
                find_ignore_case(&article.body, word)
                    .into_iter()
                    .map(|range| Highlight { range, mark: Mark::Exact }),
            );
        }
    }
    // Exact query terms win over entities where they overlap: they are what the reader asked for.
    out.sort_by_key(|h| (h.range.start, h.mark != Mark::Exact, usize::MAX - h.range.end));
    let mut kept: Vec<Highlight> = Vec::with_capacity(out.len());
    for h in out {
        if kept.last().is_none_or(|k| h.range.start >= k.range.end) && h.range.start < h.range.end {
            kept.push(h);
        }
    }
    kept
}

fn wrap_plain(text: &str, width: usize, kind: LineKind, lines: &mut Vec<DocLine>) {
    for l in textwrap::wrap(text, width) {
        lines.push(DocLine { text: l.into_owned(), kind, spans: Vec::new() });
    }
}

/// Lay an article out at `width` columns.
pub fn layout(article: &Article, highlights: Vec<Highlight>, width: u16) -> Document {
    let w = usize::from(width.max(1));
    let mut lines = Vec::new();
    wrap_plain(&article.title, w, LineKind::Title, &mut lines);
    if !article.authors.is_empty() {
        wrap_plain(&format!("By {}", join_names(&article.authors)), w, LineKind::Meta, &mut lines);
    }
    let mut meta = Vec::new();
    if let Some(d) = article.date {
        meta.push(d.to_string());
    }
    meta.push(format!("{} words", article.words));
    meta.push(article.path.clone());
    wrap_plain(&meta.join(" · "), w, LineKind::Meta, &mut lines);
    lines.push(DocLine { text: String::new(), kind: LineKind::Blank, spans: Vec::new() });

    let mut highlight_line = vec![0; highlights.len()];
    let mut next_h: usize = 0;
    let mut para_start = 0;
    for (n, para) in article.body.split("\n\n").enumerate() {
        if n > 0 {
            lines.push(DocLine { text: String::new(), kind: LineKind::Blank, spans: Vec::new() });
        }
        let indent = bullet_indent(para);
        let opts = textwrap::Options::new(w).subsequent_indent(&indent);
        let mut cursor = 0;
        for (k, wrapped) in textwrap::wrap(para, opts).into_iter().enumerate() {
            let shown = wrapped.as_ref();
            let content = if k > 0 { shown.strip_prefix(indent.as_str()).unwrap_or(shown) } else { shown };
            let lead = shown.len() - content.len();
            let at = para[cursor..].find(content).map_or(cursor, |i| cursor + i);
            let start = para_start + at;
            let end = start + content.len();
            cursor = at + content.len();
            let mut spans = Vec::new();
            // Highlights that started on an earlier line and run on into this one.
            let mut h = next_h.saturating_sub(1);
            while h < highlights.len() && highlights[h].range.start < end {
                let r = &highlights[h].range;
                if r.end > start {
                    let s = r.start.max(start) - start + lead;
                    let e = r.end.min(end) - start + lead;
                    spans.push((s..e, h));
                    if r.start >= start {
                        highlight_line[h] = lines.len();
                    }
                }
                h += 1;
            }
            while next_h < highlights.len() && highlights[next_h].range.start < end {
                next_h += 1;
            }
            lines.push(DocLine { text: shown.to_string(), kind: LineKind::Body, spans });
        }
        para_start += para.len() + 2;
    }
    Document { lines, highlights, highlight_line, width }
}

/// "A", "A and B", "A, B and C".
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// List items wrap under their text, not under the bullet.
fn bullet_indent(para: &str) -> String {
    if crate::corpus::text::is_list_item(para) {
        let marker = para.split_whitespace().next().unwrap_or("");
        " ".repeat(marker.chars().count() + 1)
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn every_highlight_lands_on_the_text_it_marks() {
        let corpus = Corpus::seeds().corpus;
        let index = Index::build(&corpus.articles);
        for (i, a) in corpus.articles.iter().enumerate() {
            for width in [1u16, 7, 30, 80, 200] {
                let doc = layout(a, highlights(a, &index, i, &Term::parse_query("'doctors")), width);
                for line in &doc.lines {
                    assert!(
                        line.text.chars().count() <= usize::from(width).max(1)
                            || line.kind != LineKind::Body
                            || width < 10
                    );
                    for (r, h) in &line.spans {
                        let shown = &line.text[r.clone()];
                        let body = &a.body[doc.highlights[*h].range.clone()];
                        assert!(
                            body.contains(shown.trim()),
                            "{shown:?} is not part of {body:?} at width {width}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn bullets_wrap_under_their_text() {
        let corpus = Corpus::seeds().corpus;
        let a = &corpus.articles[3];
        let doc = layout(a, Vec::new(), 40);
        let i = doc.lines.iter().position(|l| l.text.starts_with("• If you have a planned")).expect("bullet");
        assert!(doc.lines[i + 1].text.starts_with("  "), "{:?}", doc.lines[i + 1].text);
    }
}
