//! An article laid out for the reading pane: header, body wrapped to the pane's width, and every
//! highlight mapped from body offsets to lines. Only what comes on screen is wrapped, so that a
//! very long article opens and scrolls as fast as a short one.

use std::ops::Range;

use crate::corpus::Article;
use crate::corpus::index::{EntityId, Index};
use crate::filter::Matcher;

/// What a highlight shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A person, by index id.
    Person(EntityId),
    /// An organisation, by its id in the index's organisation table.
    Org(EntityId),
    /// A hashtag, by its id in the index's tag table.
    Hashtag(EntityId),
    /// A handle, by its id in the index's tag table.
    Handle(EntityId),
    /// The figure's position in the article's figure list.
    Figure(usize),
    /// Words of the query found in the text.
    Exact,
}

/// One highlighted stretch of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    /// Byte range in the body.
    pub range: Range<usize>,
    /// What it is.
    pub mark: Mark,
}

/// What a laid-out line holds, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The article's title.
    Title,
    /// Byline, date, word count, path.
    Meta,
    /// Body text.
    Body,
    /// Between paragraphs.
    Blank,
}

/// One line of the reading pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    /// The text, tabs and control characters already made safe.
    pub text: String,
    /// What it holds.
    pub kind: LineKind,
    /// Ranges of `text` and the highlight each one shows.
    pub spans: Vec<(Range<usize>, usize)>,
    /// The byte of the body the line starts at (for a blank line, the paragraph below it; for
    /// the header, 0).
    pub offset: usize,
    /// Ranges of `text` inside a quote.
    pub quoted: Vec<Range<usize>>,
    /// Ranges of `text` that are not in the body: who a "he" or "she" is, beside their quote.
    pub notes: Vec<Range<usize>>,
}

impl DocLine {
    fn plain(text: String, kind: LineKind, offset: usize) -> DocLine {
        DocLine { text, kind, spans: Vec::new(), offset, quoted: Vec::new(), notes: Vec::new() }
    }
}

/// A speaker's name shown beside a quote whose text names them only by a pronoun, before the
/// body byte `at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Where it goes: right after the pronoun.
    pub at: usize,
    /// What is shown.
    pub text: String,
}

/// Quoted stretches of the body, merged, and the speaker notes, both in body order.
pub fn quote_layer(article: &Article) -> (Vec<Range<usize>>, Vec<Note>) {
    let body = &article.body;
    let mut quoted: Vec<Range<usize>> =
        article.entities.quotes.iter().map(|q| q.quote.content.range()).filter(|r| r.start < r.end).collect();
    quoted.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(quoted.len());
    for r in quoted {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let mut notes: Vec<Note> = article
        .entities
        .quotes
        .iter()
        .filter(|q| q.quote.kind != crate::corpus::extract::quotes::QuoteKind::Direct)
        .filter_map(|q| {
            let who = q.speaker.as_ref()?;
            let span = q.quote.speaker?;
            let said = body.get(span.range())?;
            let pronoun = matches!(said.to_lowercase().as_str(), "he" | "she" | "they" | "it" | "we" | "i");
            pronoun.then(|| Note { at: span.end as usize, text: format!(" ‹{}›", who.name) })
        })
        .collect();
    notes.sort_by_key(|n| n.at);
    notes.dedup_by_key(|n| n.at);
    (merged, notes)
}

/// The open article laid out for the reading pane, and how far it is scrolled. Blocks of the
/// body are wrapped when they first come on screen, not when the article opens: the methods
/// that move the top take the body to wrap them from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The header (title, byline, meta line) first, then the body in blocks.
    blocks: Vec<Block>,
    /// Every highlight of the article, in body order, without overlaps.
    pub highlights: Vec<Highlight>,
    /// Quoted stretches of the body, in order, merged.
    pub quoted: Vec<Range<usize>>,
    /// Speaker notes, in body order.
    pub notes: Vec<Note>,
    /// The width it was wrapped to.
    pub width: u16,
    /// The first line on screen.
    top: Place,
    /// The body this was laid out from, which every later wrap must be given again.
    body_len: usize,
}

/// Every entity and exact query term in the article, in body order, without overlaps.
pub fn highlights(
    article: &Article,
    index: &Index,
    article_ix: usize,
    needles: &[Matcher],
) -> Vec<Highlight> {
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
    let org_ids = index.article_orgs.get(article_ix);
    for (i, o) in e.organisations.iter().enumerate() {
        let id = org_ids.and_then(|m| m.get(i)).map_or(EntityId::MAX, |m| m.0);
        out.extend(o.spans.iter().map(|s| Highlight { range: s.range(), mark: Mark::Org(id) }));
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
    for needle in needles {
        out.extend(
            needle.find_iter(&article.body).into_iter().map(|range| Highlight { range, mark: Mark::Exact }),
        );
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

/// Bodies are laid out in blocks of about this many bytes: runs of whole paragraphs, or pieces
/// of a longer paragraph cut at a space. Only the blocks that come on screen are ever wrapped,
/// so a 30 MB paragraph costs what a screenful of it does.
const BLOCK: usize = 16 << 10;

/// The body laid out as soon as an article opens: the whole of nearly every article, so that its
/// length (the scrollbar, `Reader N%`) is exact from the start.
const EAGER: usize = 64 << 10;

/// A move longer than this many lines is a jump: it goes by the estimated lengths of the blocks
/// it passes over rather than laying each one out.
const STEP_MAX: usize = 4096;

/// A line's position: its block and its line in that block.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    block: usize,
    line: usize,
}

/// What a new layout of the same article keeps of the old one's position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// A line of the header.
    Head(usize),
    /// The line that holds this byte of the body, at whatever width.
    Body(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Block {
    /// Bytes of the body; empty for the header.
    range: Range<usize>,
    /// Paragraphs in it; a piece of a long paragraph counts as one.
    paragraphs: usize,
    /// A blank line above it: it starts a paragraph that is not the first.
    gap: bool,
    /// Set for a piece of a paragraph cut for its length.
    piece: Option<Piece>,
    /// Its lines, once laid out.
    lines: Option<Vec<DocLine>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// The paragraph's bullet indent, which every line after its first takes.
    indent: usize,
    /// Not the paragraph's first piece: its first line is indented too.
    continued: bool,
}

/// Lay an article out at `width` columns: the header and the start of the body now, the rest
/// as it comes on screen (see `settle`).
pub fn layout(article: &Article, highlights: Vec<Highlight>, width: u16) -> Document {
    let w = usize::from(width.max(1));
    let mut head = Vec::new();
    wrap_plain(&article.title, w, LineKind::Title, &mut head);
    if !article.authors.is_empty() {
        wrap_plain(&format!("By {}", join_names(&article.authors)), w, LineKind::Meta, &mut head);
    }
    let mut meta = Vec::new();
    if let Some(d) = article.date {
        meta.push(d.to_string());
    }
    meta.push(format!("{} words", article.words));
    meta.push(article.path.clone());
    wrap_plain(&meta.join(" · "), w, LineKind::Meta, &mut head);
    head.push(DocLine::plain(String::new(), LineKind::Blank, 0));
    let head = Block { range: 0..0, paragraphs: 0, gap: false, piece: None, lines: Some(head) };
    let mut blocks = vec![head];
    blocks.extend(body_blocks(&article.body));
    let (quoted, notes) = quote_layer(article);
    let mut doc = Document {
        blocks,
        highlights,
        quoted,
        notes,
        width,
        top: Place::default(),
        body_len: article.body.len(),
    };
    let mut laid = 0;
    for b in 1..doc.blocks.len() {
        if laid >= EAGER {
            break;
        }
        laid += doc.blocks[b].range.len();
        doc.lay_out(b, &article.body);
    }
    doc
}

fn wrap_plain(text: &str, width: usize, kind: LineKind, lines: &mut Vec<DocLine>) {
    for l in textwrap::wrap(text, width) {
        lines.push(DocLine::plain(l.into_owned(), kind, 0));
    }
}

/// The body cut into blocks of whole paragraphs, a long paragraph into pieces.
fn body_blocks(body: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    let mut start = 0;
    // Paragraph breaks found with SIMD: this pass over the whole body is what opening costs.
    let ends = memchr::memmem::find_iter(body.as_bytes(), b"\n\n").chain([body.len()]);
    for (n, end) in ends.enumerate() {
        let range = start..end;
        start = end + 2;
        let para = &body[range.clone()];
        if para.len() > BLOCK {
            out.extend(current.take());
            cut(body, range, n > 0, &mut out);
            continue;
        }
        match &mut current {
            Some(b) if b.range.len() + 2 + para.len() <= BLOCK => {
                b.range.end = range.end;
                b.paragraphs += 1;
            }
            _ => {
                out.extend(current.take());
                current = Some(Block { range, paragraphs: 1, gap: n > 0, piece: None, lines: None });
            }
        }
    }
    out.extend(current);
    out
}

/// Cut a long paragraph into pieces of at most `BLOCK` bytes, each ending at a space where
/// there is one, so that a piece ends where a line could have ended anyway.
fn cut(body: &str, range: Range<usize>, gap: bool, out: &mut Vec<Block>) {
    let indent = bullet_indent(&body[range.clone()]).len();
    let mut at = range.start;
    while at < range.end {
        let mut end = range.end;
        if end - at > BLOCK {
            let mut limit = at + BLOCK;
            while !body.is_char_boundary(limit) {
                limit -= 1;
            }
            end = match body[at..limit].rfind(' ') {
                Some(i) if i > 0 => at + i + 1,
                _ => limit,
            };
        }
        let continued = at > range.start;
        out.push(Block {
            range: at..end,
            paragraphs: 1,
            gap: gap && !continued,
            piece: Some(Piece { indent, continued }),
            lines: None,
        });
        at = end;
    }
}

impl Document {
    /// No article is open.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// Lines in the whole article: exact once every block is laid out, estimated until then.
    pub fn len(&self) -> usize {
        (0..self.blocks.len()).map(|b| self.count(b)).sum()
    }

    /// The first line on screen, counted as `len` counts.
    pub fn top(&self) -> usize {
        (0..self.top.block).map(|b| self.count(b)).sum::<usize>() + self.top.line
    }

    /// The lines on screen, from the top: those `settle` laid out.
    pub fn visible(&self, height: usize) -> impl Iterator<Item = &DocLine> {
        let top = self.top;
        self.blocks
            .iter()
            .enumerate()
            .skip(top.block)
            .flat_map(move |(b, block)| {
                block.lines.iter().flatten().skip(if b == top.block { top.line } else { 0 })
            })
            .take(height)
    }

    /// Every line laid out so far, in order.
    pub fn laid_out(&self) -> impl Iterator<Item = &DocLine> {
        self.blocks.iter().flat_map(|b| b.lines.iter().flatten())
    }

    /// Bytes of the body laid out so far.
    pub fn laid_out_bytes(&self) -> usize {
        self.blocks.iter().filter(|b| b.lines.is_some()).map(|b| b.range.len()).sum()
    }

    /// Lay out the whole article (what a test or an export of the screen wants).
    pub fn lay_out_all(&mut self, body: &str) {
        for b in 0..self.blocks.len() {
            self.lay_out(b, body);
        }
    }

    /// Where the top is, to be kept by a new layout of the same article.
    pub fn anchor(&self) -> Anchor {
        match self.top.block {
            0 => Anchor::Head(self.top.line),
            _ => Anchor::Body(self.offset_of(self.top)),
        }
    }

    /// Put the top back where `anchor` says, then `settle`.
    pub fn restore(&mut self, body: &str, anchor: Anchor, height: usize) {
        self.top = match anchor {
            Anchor::Head(line) => Place { block: 0, line: line.min(self.count(0).saturating_sub(1)) },
            Anchor::Body(offset) => self.place_of_offset(body, offset),
        };
        self.settle(body, height);
    }

    /// The line a highlight starts on, when its block is laid out.
    pub fn highlight_line(&self, h: usize) -> Option<usize> {
        let start = self.highlights.get(h)?.range.start;
        let b = self.block_of(start)?;
        let lines = self.blocks[b].lines.as_ref()?;
        let line = lines.partition_point(|l| l.offset <= start).saturating_sub(1);
        Some((0..b).map(|b| self.count(b)).sum::<usize>() + line)
    }

    /// The byte of the body the top line starts at: matches at or after it are on screen or
    /// below it.
    pub fn top_offset(&self) -> usize {
        self.offset_of(self.top)
    }

    /// The byte of the body the first line below a screen of `height` lines starts at (past the
    /// end when the screen shows the last line).
    pub fn offset_below(&mut self, body: &str, height: usize) -> usize {
        let mut p = self.top;
        for _ in 0..height {
            match self.next(p, body) {
                Some(n) => p = n,
                None => return self.body_len + 1,
            }
        }
        self.offset_of(p)
    }

    /// Move the top `delta` lines, then `settle`.
    pub fn scroll_by(&mut self, body: &str, delta: isize, height: usize) {
        if delta.unsigned_abs() > STEP_MAX {
            let to = self.top().saturating_add_signed(delta);
            self.scroll_to(body, to, height);
            return;
        }
        for _ in 0..delta.unsigned_abs() {
            let moved = if delta > 0 { self.next(self.top, body) } else { self.prev(self.top, body) };
            match moved {
                Some(p) => self.top = p,
                None => break,
            }
        }
        self.settle(body, height);
    }

    /// Put the top at line `line` as `len` counts (`usize::MAX`: the end), then `settle`.
    pub fn scroll_to(&mut self, body: &str, line: usize, height: usize) {
        let mut left = line;
        self.top = Place { block: self.blocks.len().saturating_sub(1), line: usize::MAX };
        for b in 0..self.blocks.len() {
            let count = self.count(b);
            if left < count {
                self.top = Place { block: b, line: left };
                break;
            }
            left -= count;
        }
        self.settle(body, height);
    }

    /// Lay out what a screen of `height` lines from the top shows, and move the top up when the
    /// screen would run past the end. The top keeps its text: blocks laid out above it change
    /// the count of lines above it, not what it shows.
    pub fn settle(&mut self, body: &str, height: usize) {
        if self.blocks.is_empty() {
            return;
        }
        // A top placed by estimate lands as far into its block once the block is laid out.
        let b = self.top.block;
        if self.blocks[b].lines.is_none() {
            let estimate = self.count(b).max(1);
            self.lay_out(b, body);
            let count = self.count(b);
            self.top.line = self.top.line.min(estimate - 1) * count / estimate;
        }
        self.top.line = self.top.line.min(self.count(b).saturating_sub(1));
        let mut p = self.top;
        let mut short = height.max(1) - 1;
        while short > 0 {
            match self.next(p, body) {
                Some(n) => p = n,
                None => break,
            }
            short -= 1;
        }
        for _ in 0..short {
            match self.prev(self.top, body) {
                Some(p) => self.top = p,
                None => break,
            }
        }
    }

    /// Bring a highlight on screen, a third of the way down, unless it is there already.
    pub fn show(&mut self, body: &str, h: usize, height: usize) {
        let Some(target) = self.highlights.get(h).map(|h| h.range.start) else { return };
        self.show_offset(body, target, height);
    }

    /// Bring the line holding byte `target` of the body on screen, a third of the way down,
    /// unless it is there already.
    pub fn show_offset(&mut self, body: &str, target: usize, height: usize) {
        if self.blocks.is_empty() {
            return;
        }
        let place = self.place_of_offset(body, target);
        let mut p = self.top;
        for _ in 0..height.max(1) {
            if p == place {
                return;
            }
            match self.next(p, body) {
                Some(n) => p = n,
                None => break,
            }
        }
        self.top = place;
        for _ in 0..height / 3 {
            match self.prev(self.top, body) {
                Some(p) => self.top = p,
                None => break,
            }
        }
        self.settle(body, height);
    }

    fn count(&self, b: usize) -> usize {
        let Some(block) = self.blocks.get(b) else { return 0 };
        match &block.lines {
            Some(lines) => lines.len(),
            // Lines run a little short of the width; each paragraph ends in a part line and
            // all but the first have a blank line above.
            None => {
                let w = usize::from(self.width.max(1));
                let blanks = block.paragraphs - 1 + usize::from(block.gap);
                block.range.len() / (w - w / 8).max(1) + block.paragraphs + blanks
            }
        }
    }

    /// The line after `p`, laying out the block it is in.
    fn next(&mut self, p: Place, body: &str) -> Option<Place> {
        if p.line + 1 < self.count(p.block) {
            return Some(Place { line: p.line + 1, ..p });
        }
        let b = p.block + 1;
        if b >= self.blocks.len() {
            return None;
        }
        self.lay_out(b, body);
        Some(Place { block: b, line: 0 })
    }

    /// The line before `p`, laying out the block it is in.
    fn prev(&mut self, p: Place, body: &str) -> Option<Place> {
        if p.line > 0 {
            return Some(Place { line: p.line - 1, ..p });
        }
        let b = p.block.checked_sub(1)?;
        self.lay_out(b, body);
        Some(Place { block: b, line: self.count(b).saturating_sub(1) })
    }

    fn offset_of(&self, p: Place) -> usize {
        let Some(block) = self.blocks.get(p.block) else { return 0 };
        match &block.lines {
            Some(lines) => lines.get(p.line).map_or(block.range.end, |l| l.offset),
            None => block.range.start,
        }
    }

    /// The body block that holds byte `offset`, or the last one before it.
    fn block_of(&self, offset: usize) -> Option<usize> {
        let body = self.blocks.get(1..)?;
        let i = body.partition_point(|b| b.range.start <= offset);
        (i > 0).then_some(i)
    }

    /// The line that holds byte `offset` of the body, its block laid out.
    fn place_of_offset(&mut self, body: &str, offset: usize) -> Place {
        let Some(b) = self.block_of(offset) else { return Place::default() };
        self.lay_out(b, body);
        let lines = self.blocks[b].lines.as_deref().unwrap_or_default();
        Place { block: b, line: lines.partition_point(|l| l.offset <= offset).saturating_sub(1) }
    }

    /// Wrap one block, once.
    fn lay_out(&mut self, b: usize, body: &str) {
        let Some(block) = self.blocks.get(b) else { return };
        if block.lines.is_some() || body.len() != self.body_len {
            return;
        }
        let Some(text) = body.get(block.range.clone()) else { return };
        let w = usize::from(self.width.max(1));
        let mut lines = Vec::new();
        let mut at = block.range.start;
        // A piece of a long paragraph holds no paragraph break.
        for (k, para) in text.split("\n\n").enumerate() {
            if k > 0 || block.gap {
                lines.push(DocLine::plain(String::new(), LineKind::Blank, at));
            }
            let (first, rest) = match block.piece {
                Some(p) => (if p.continued { p.indent } else { 0 }, p.indent),
                None => (0, bullet_indent(para).len()),
            };
            let layers = Layers { highlights: &self.highlights, quoted: &self.quoted, notes: &self.notes };
            wrap_paragraph(para, at, (first, rest), w, &layers, &mut lines);
            at += para.len() + 2;
        }
        self.blocks[b].lines = Some(lines);
    }
}

/// What is laid over the body's text: highlights, quoted stretches and speaker notes.
struct Layers<'a> {
    highlights: &'a [Highlight],
    quoted: &'a [Range<usize>],
    notes: &'a [Note],
}

/// A paragraph as shown: its text with the speaker notes put in, and the way back from a
/// position in it to the paragraph.
struct Shown<'a> {
    text: std::borrow::Cow<'a, str>,
    /// Each note's position in the paragraph and in `text`, and its length.
    notes: Vec<(usize, usize, usize)>,
}

impl Shown<'_> {
    /// Where paragraph position `p` is shown; a position a note sits at is shown after the note
    /// when it starts something (`after`), before it when it ends something.
    fn shown(&self, p: usize, after: bool) -> usize {
        let before: usize =
            self.notes.iter().filter(|&&(at, _, _)| if after { at <= p } else { at < p }).map(|n| n.2).sum();
        p + before
    }

    /// The paragraph position shown at `x`; inside a note, where the note sits.
    fn para(&self, x: usize) -> usize {
        let mut p = x;
        for &(at, shown, len) in &self.notes {
            if x >= shown + len {
                p -= len;
            } else if x >= shown {
                return at;
            }
        }
        p
    }
}

/// Wrap one paragraph (or piece) that starts at byte `start` of the body, mapping the
/// highlights, quotes and notes over it to its lines.
fn wrap_paragraph(
    para: &str,
    start: usize,
    (first, rest): (usize, usize),
    width: usize,
    layers: &Layers,
    lines: &mut Vec<DocLine>,
) {
    let end = start + para.len();
    let first_note = layers.notes.partition_point(|n| n.at <= start);
    let notes_here: Vec<&Note> = layers.notes[first_note..].iter().take_while(|n| n.at <= end).collect();
    let shown = if notes_here.is_empty() {
        Shown { text: std::borrow::Cow::Borrowed(para), notes: Vec::new() }
    } else {
        let mut text = String::with_capacity(para.len() + 32);
        let (mut from, mut notes) = (0, Vec::new());
        for n in notes_here {
            let at = n.at - start;
            text.push_str(&para[from..at]);
            notes.push((at, text.len(), n.text.len()));
            text.push_str(&n.text);
            from = at;
        }
        text.push_str(&para[from..]);
        Shown { text: std::borrow::Cow::Owned(text), notes }
    };
    let (first, rest) = (" ".repeat(first), " ".repeat(rest));
    let opts = textwrap::Options::new(width).initial_indent(&first).subsequent_indent(&rest);
    let highlights = layers.highlights;
    // Highlights are in body order and do not overlap, so their ends are in order too.
    let mut next_h = highlights.partition_point(|h| h.range.end <= start);
    let mut next_q = layers.quoted.partition_point(|q| q.end <= start);
    let mut cursor = 0;
    for (k, wrapped) in textwrap::wrap(&shown.text, opts).into_iter().enumerate() {
        let line = wrapped.as_ref();
        let indent = if k == 0 { &first } else { &rest };
        let content = line.strip_prefix(indent.as_str()).unwrap_or(line);
        let lead = line.len() - content.len();
        let at = shown.text[cursor..].find(content).map_or(cursor, |i| cursor + i);
        let (x_start, x_end) = (at, at + content.len());
        cursor = x_end;
        let (line_start, line_end) = (start + shown.para(x_start), start + shown.para(x_end));
        // A body range as a range of this line's text, if they meet.
        let on_line = |r: &Range<usize>| {
            let s = shown.shown(r.start.max(start) - start, true).max(x_start);
            let e = shown.shown(r.end.min(end) - start, false).min(x_end);
            (s < e).then(|| s - x_start + lead..e - x_start + lead)
        };
        while next_h < highlights.len() && highlights[next_h].range.end <= line_start {
            next_h += 1;
        }
        let mut spans = Vec::new();
        for (h, highlight) in highlights.iter().enumerate().skip(next_h) {
            if highlight.range.start >= line_end {
                break;
            }
            if let Some(r) = on_line(&highlight.range) {
                spans.push((r, h));
            }
        }
        while next_q < layers.quoted.len() && layers.quoted[next_q].end <= line_start {
            next_q += 1;
        }
        let quoted: Vec<Range<usize>> =
            layers.quoted[next_q..].iter().take_while(|q| q.start < line_end).filter_map(on_line).collect();
        let notes: Vec<Range<usize>> = shown
            .notes
            .iter()
            .filter_map(|&(_, x, len)| {
                let (s, e) = (x.max(x_start), (x + len).min(x_end));
                (s < e).then(|| s - x_start + lead..e - x_start + lead)
            })
            .collect();
        lines.push(DocLine {
            text: line.to_string(),
            kind: LineKind::Body,
            spans,
            offset: line_start,
            quoted,
            notes,
        });
    }
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

    fn laid_out_fully(a: &Article, highlights: Vec<Highlight>, width: u16) -> Document {
        let mut doc = layout(a, highlights, width);
        doc.lay_out_all(&a.body);
        doc
    }

    fn check_highlights(a: &Article, doc: &Document, width: u16) {
        for line in doc.laid_out() {
            assert!(
                line.text.chars().count() <= usize::from(width).max(1)
                    || line.kind != LineKind::Body
                    || width < 10
            );
            for (r, h) in &line.spans {
                let shown = &line.text[r.clone()];
                let body = &a.body[doc.highlights[*h].range.clone()];
                assert!(body.contains(shown.trim()), "{shown:?} is not part of {body:?} at width {width}");
            }
        }
    }

    #[test]
    fn every_highlight_lands_on_the_text_it_marks() {
        let corpus = Corpus::seeds().corpus;
        let index = Index::build(&corpus.articles);
        for (i, a) in corpus.articles.iter().enumerate() {
            for width in [1u16, 7, 30, 80, 200] {
                let doc = laid_out_fully(
                    a,
                    highlights(a, &index, i, &crate::filter::Query::parse("'doctors").needles()),
                    width,
                );
                check_highlights(a, &doc, width);
            }
        }
    }

    #[test]
    fn bullets_wrap_under_their_text() {
        let corpus = Corpus::seeds().corpus;
        let a = &corpus.articles[3];
        let doc = laid_out_fully(a, Vec::new(), 40);
        let lines: Vec<&DocLine> = doc.laid_out().collect();
        let i = lines.iter().position(|l| l.text.starts_with("• If you have a planned")).expect("bullet");
        assert!(lines[i + 1].text.starts_with("  "), "{:?}", lines[i + 1].text);
    }

    /// One paragraph of `bytes` bytes, with a person and a figure in every sentence.
    fn long_article(bytes: usize) -> Article {
        let sentence = "Health secretary Jeremy Hunt said 98% of junior doctors had voted for the strike. ";
        let mut text = String::from("A long one\n\nIt begins here. ");
        while text.len() < bytes {
            text.push_str(sentence);
        }
        text.push_str("The very last words.");
        Article::parse("long".into(), "long.txt".into(), &text)
    }

    /// The text without its white space: what wrapping must not change.
    fn letters<'a>(texts: impl Iterator<Item = &'a str>) -> String {
        texts.flat_map(str::split_whitespace).collect()
    }

    #[test]
    fn a_huge_paragraph_is_wrapped_only_where_it_is_shown() {
        let a = long_article(8 << 20);
        let index = Index::build(std::slice::from_ref(&a));
        let mut doc = layout(&a, highlights(&a, &index, 0, &[]), 80);
        assert!(doc.laid_out_bytes() <= EAGER + BLOCK, "opening wraps the start only");
        assert!(doc.len() > 8_000_000 / 80, "the length is estimated from the rest: {}", doc.len());
        doc.settle(&a.body, 40);
        let first: Vec<&DocLine> = doc.visible(40).collect();
        assert_eq!(first.len(), 40);
        assert_eq!(first[0].text, "A long one");

        // The end, and a highlight in the middle, each lay out a block or two, not the text
        // between.
        doc.scroll_to(&a.body, usize::MAX, 40);
        assert!(doc.laid_out_bytes() <= EAGER + 3 * BLOCK, "{}", doc.laid_out_bytes());
        let last: Vec<&DocLine> = doc.visible(40).collect();
        assert_eq!(last.len(), 40, "the screen is full at the end");
        assert!(last[39].text.ends_with("The very last words."), "{:?}", last[39].text);
        let middle = doc.highlights.len() / 2;
        doc.show(&a.body, middle, 40);
        assert!(doc.laid_out_bytes() <= EAGER + 5 * BLOCK, "{}", doc.laid_out_bytes());
        let offset = doc.highlights[middle].range.start;
        let line = doc.highlight_line(middle).expect("laid out");
        assert!(line >= doc.top() && line < doc.top() + 40, "the highlight is on screen");
        assert!(doc.top_offset() <= offset && offset < doc.offset_below(&a.body, 40));

        // Line by line up from the end, each line is the one above the last.
        doc.scroll_to(&a.body, usize::MAX, 40);
        let mut seen = Vec::new();
        for _ in 0..3000 {
            seen.push(doc.visible(1).next().expect("a line").clone());
            doc.scroll_by(&a.body, -1, 40);
        }
        seen.reverse();
        doc.lay_out_all(&a.body);
        let all: Vec<&DocLine> = doc.laid_out().collect();
        assert_eq!(all.len(), doc.len(), "laid out, the length is exact");
        let at =
            all.iter().position(|l| l.offset == seen[0].offset && l.text == seen[0].text).expect("found");
        assert_eq!(at + seen.len(), all.len() - 39, "the last line seen is the top of the last screen");
        for (k, line) in seen.iter().enumerate() {
            assert!(all[at + k] == line, "line {k} after the first seen");
        }
    }

    #[test]
    fn cutting_a_long_paragraph_into_blocks_loses_no_text_and_no_highlight() {
        let a = long_article(200 << 10);
        let index = Index::build(std::slice::from_ref(&a));
        for width in [7u16, 33, 80] {
            let doc = laid_out_fully(&a, highlights(&a, &index, 0, &[]), width);
            check_highlights(&a, &doc, width);
            let lines: Vec<&DocLine> = doc.laid_out().collect();
            let got = letters(lines.iter().filter(|l| l.kind == LineKind::Body).map(|l| l.text.as_str()));
            assert!(got == letters(std::iter::once(a.body.as_str())), "text lost at width {width}");
            let marked: usize = lines.iter().map(|l| l.spans.len()).sum();
            assert!(marked >= doc.highlights.len(), "every highlight is on a line");
            assert!(lines.iter().all(|l| l.text.chars().count() <= usize::from(width) || width < 10));
        }
    }

    #[test]
    fn a_short_article_is_laid_out_whole_at_once() {
        let corpus = Corpus::seeds().corpus;
        for a in &corpus.articles {
            let mut doc = layout(a, Vec::new(), 60);
            let lines = doc.laid_out().count();
            assert_eq!(lines, doc.len());
            doc.lay_out_all(&a.body);
            assert_eq!(doc.laid_out().count(), lines, "nothing was left to lay out");
        }
    }
}
