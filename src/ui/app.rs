//! The reader's whole state and the one function that changes it. `update` does no I/O.

use ratatui::layout::Rect;
use std::sync::Arc;

use super::document::{self, Document, Mark};
use super::keymap::{Action, Keymap};
use super::layout::{Pane, Panes, inner};
use super::search::{SearchDone, SearchJob};
use super::theme::Theme;
use crate::corpus::index::{Index, Tally};
use crate::corpus::load::{Gone, SkipReason};
use crate::corpus::{Corpus, LoadEvent};
use crate::filter::{Engine, Filters, Hit, Query, toggle_chip};
use crate::state::Marks;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    People,
    Tags,
    Figures,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::People, Tab::Tags, Tab::Figures];

    pub fn title(self) -> &'static str {
        match self {
            Tab::People => "People",
            Tab::Tags => "Tags",
            Tab::Figures => "Figures",
        }
    }

    fn index(self) -> usize {
        Tab::ALL.iter().position(|&t| t == self).unwrap_or(0)
    }
}

/// The filter prompt, and what it edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub target: Pane,
    pub text: String,
    /// The value before the prompt opened, restored by Esc.
    before: String,
}

/// A scrollable list's position.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    fn clamp(&mut self, len: usize, visible: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
        self.offset = self.offset.min(len.saturating_sub(visible));
    }

    fn step(&mut self, delta: isize, len: usize) {
        self.selected = self.selected.saturating_add_signed(delta).min(len.saturating_sub(1));
    }
}

/// One row of the People or Tags tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityRow {
    pub tally: Tally,
    pub active: bool,
}

pub struct App {
    /// Shared with the search worker, which reads a snapshot while the app goes on.
    pub corpus: Arc<Corpus>,
    pub index: Arc<Index>,
    pub engine: Engine,
    pub keymap: Keymap,
    pub theme: Theme,
    pub filters: Filters,
    pub hits: Vec<Hit>,
    pub list: Cursor,
    /// The article in the reading pane.
    pub open: Option<usize>,
    /// The open article laid out, and how far it is scrolled (see `scroll`).
    pub doc: Document,
    /// The article `doc` was laid out from; a new layout of it keeps its place.
    laid_out: Option<usize>,
    /// What `doc.highlights` were found for (article, store version, query): a new layout for
    /// the same reuses them, which in a long article costs more than the layout.
    highlights_for: Option<(usize, u64, String)>,
    /// Highlights that n/N step through, as indices into `doc.highlights`.
    pub matches: Vec<usize>,
    pub current_match: Option<usize>,
    pub focus: Pane,
    pub tab: Tab,
    pub sidebar_query: String,
    pub people_rows: Vec<EntityRow>,
    pub tag_rows: Vec<EntityRow>,
    pub sidebar: [Cursor; 3],
    pub prompt: Option<Prompt>,
    pub help: bool,
    /// The message list is open over the screen, scrolled this far.
    pub messages_open: bool,
    pub messages_scroll: usize,
    /// Below the wide layout the sidebar shows only when asked for.
    pub sidebar_shown: bool,
    pub size: (u16, u16),
    pub quit: bool,
    /// While a loader is still sending articles.
    pub loading: Option<Progress>,
    /// Read and bookmarked articles, by article key (see `Article::key`).
    pub marks: rustc_hash::FxHashMap<u64, Marks>,
    /// Marks changed since the loop last took them, to be saved.
    pub marks_changed: Vec<(u64, Marks)>,
    /// The list shows only bookmarked articles.
    pub bookmarked_only: bool,
    /// Files passed over, records that failed, state or config trouble: listed in the
    /// message list (`!`), and on stderr once the screen is gone.
    pub messages: Vec<String>,
    /// A load that failed, or start filters that match nothing: the reader ends with this.
    pub fatal: Option<String>,
    /// Files gone while loading, counted in one message (at `gone_line`).
    gone: Gone,
    gone_line: Option<usize>,
    /// People and tags named on the command line, applied once every article is in.
    pending: Option<(Vec<String>, Vec<String>)>,
    search: SearchState,
}

/// Whether searches run here or are handed to a worker, and which answer is awaited.
#[derive(Debug, Default)]
struct SearchState {
    background: bool,
    /// The filters changed and no search for them has been handed out yet.
    wanted: bool,
    /// Counts filter changes; an answer for an older one is dropped.
    generation: u64,
    /// The change the listed hits answer.
    shown: u64,
    /// Counts changes to the store.
    version: u64,
}

/// How far a load has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub files: usize,
    pub done: usize,
    pub bytes: u64,
}

impl App {
    pub fn new(corpus: Corpus, keymap: Keymap, theme: Theme, size: (u16, u16)) -> App {
        let index = Arc::new(Index::build(&corpus.articles));
        let mut app = App {
            corpus: Arc::new(corpus),
            index,
            engine: Engine::default(),
            keymap,
            theme,
            filters: Filters::default(),
            hits: Vec::new(),
            list: Cursor::default(),
            open: None,
            doc: Document::default(),
            laid_out: None,
            highlights_for: None,
            matches: Vec::new(),
            current_match: None,
            focus: Pane::List,
            tab: Tab::People,
            sidebar_query: String::new(),
            people_rows: Vec::new(),
            tag_rows: Vec::new(),
            sidebar: [Cursor::default(); 3],
            prompt: None,
            help: false,
            messages_open: false,
            messages_scroll: 0,
            sidebar_shown: false,
            size,
            quit: false,
            loading: None,
            messages: Vec::new(),
            marks: rustc_hash::FxHashMap::default(),
            marks_changed: Vec::new(),
            bookmarked_only: false,
            fatal: None,
            gone: Gone::default(),
            gone_line: None,
            pending: None,
            search: SearchState::default(),
        };
        app.refilter();
        app
    }

    /// An empty reader that fills as a loader sends `LoadEvent`s (see `ingest`).
    pub fn loading(keymap: Keymap, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App::new(Corpus::default(), keymap, theme, size);
        app.loading = Some(Progress::default());
        app
    }

    /// Filters from the command line for a reader that is still loading: the query applies at
    /// once, people and tags when every article is in.
    pub fn filter_when_loaded(mut self, people: &[String], tags: &[String], query: Option<&str>) -> App {
        if let Some(q) = query {
            self.filters.query = q.to_string();
            self.refilter();
        }
        if !people.is_empty() || !tags.is_empty() {
            self.pending = Some((people.to_vec(), tags.to_vec()));
        }
        self
    }

    /// Take in what the loader reports.
    pub fn ingest(&mut self, event: LoadEvent) {
        match event {
            LoadEvent::Found { files, skipped } => {
                self.note_skipped(&skipped);
                self.loading = Some(Progress { files, ..Progress::default() });
                // Room for every article at once: growing by doubling would hold two copies of
                // the article list at its peak.
                Arc::make_mut(&mut self.corpus).articles.reserve_exact(files);
                Arc::make_mut(&mut self.index).reserve(files);
            }
            LoadEvent::Batch { files, articles, bytes, skipped, warnings } => {
                self.note_skipped(&skipped);
                self.messages.extend(warnings.iter().map(ToString::to_string));
                if let Some(p) = &mut self.loading {
                    p.done += files;
                    p.bytes += bytes;
                }
                // The worker has let go of its snapshot by now (the loop sends batches only
                // between searches), so these change the store in place rather than copying it.
                let (corpus, index) = (Arc::make_mut(&mut self.corpus), Arc::make_mut(&mut self.index));
                for a in articles {
                    index.add(&a);
                    corpus.articles.push(a);
                }
                self.store_changed();
                self.refilter();
            }
            LoadEvent::Done => {
                self.loading = None;
                // What was passed over is shown once, when there is something to show; the
                // list stays a key away (`!`) after it is dismissed.
                if !self.messages.is_empty() && self.prompt.is_none() && !self.help {
                    self.messages_open = true;
                }
                // Titled surnames resolve corpus-wide only now, which can rename people.
                let corpus = Arc::make_mut(&mut self.corpus);
                corpus.finish();
                // The old index goes before the new one is built: never two at once.
                self.index = Arc::default();
                self.index = Arc::new(Index::build(&corpus.articles));
                self.store_changed();
                if let Some((people, tags)) = self.pending.take() {
                    if let Err(e) = self.start_filters(&people, &tags, None) {
                        self.fatal = Some(e);
                    }
                    return;
                }
                self.refilter();
            }
            LoadEvent::Failed(e) => {
                self.loading = None;
                self.fatal = Some(e.to_string());
            }
        }
    }

    fn note_skipped(&mut self, skipped: &[crate::corpus::Skipped]) {
        for s in skipped {
            if s.reason != SkipReason::Gone {
                self.messages.push(s.to_string());
                continue;
            }
            // Files that vanish come in hundreds when a folder is cleaned up under the reader:
            // one line, where the first of them was, says how many.
            self.gone.add(&s.path);
            let line = self.gone.line().unwrap_or_default();
            match self.gone_line {
                Some(at) if at < self.messages.len() => self.messages[at] = line,
                _ => {
                    self.gone_line = Some(self.messages.len());
                    self.messages.push(line);
                }
            }
        }
    }

    /// Start with filters from the command line: people and tags by name, and a query. A name
    /// that matches no one is an error, not a filter that silently shows everything.
    pub fn with_filters(
        mut self,
        people: &[String],
        tags: &[String],
        query: Option<&str>,
    ) -> Result<App, String> {
        self.start_filters(people, tags, query)?;
        Ok(self)
    }

    fn start_filters(
        &mut self,
        people: &[String],
        tags: &[String],
        query: Option<&str>,
    ) -> Result<(), String> {
        for p in people {
            let found = self.index.find_people(p);
            if found.is_empty() {
                return Err(format!("no person named {p:?} in these articles"));
            }
            self.filters.people.push(found);
        }
        for t in tags {
            let found = self.index.find_tags(t);
            if found.is_empty() {
                return Err(format!("no hashtag or handle {t:?} in these articles"));
            }
            self.filters.tags.push(found);
        }
        if let Some(q) = query {
            self.filters.query = q.to_string();
        }
        // The best match opens once the search is done.
        self.open = None;
        self.refilter();
        Ok(())
    }

    /// Start with the marks saved by earlier runs.
    pub fn with_marks(mut self, marks: impl IntoIterator<Item = (u64, Marks)>) -> App {
        self.marks.extend(marks);
        if self.bookmarked_only {
            self.refilter();
        }
        self
    }

    pub fn marks_of(&self, article: usize) -> Marks {
        self.corpus.articles.get(article).and_then(|a| self.marks.get(&a.key)).copied().unwrap_or_default()
    }

    fn set_marks(&mut self, article: usize, change: impl FnOnce(&mut Marks)) {
        let Some(key) = self.corpus.articles.get(article).map(|a| a.key) else { return };
        let mut marks = self.marks.get(&key).copied().unwrap_or_default();
        let before = marks;
        change(&mut marks);
        if marks != before {
            self.marks.insert(key, marks);
            self.marks_changed.push((key, marks));
        }
    }

    /// The article that `u` and `m` act on: the selected one in the list, else the open one.
    fn marked_article(&self) -> Option<usize> {
        match self.focus {
            Pane::List => self.hits.get(self.list.selected).map(|h| h.article),
            _ => self.current_article(),
        }
    }

    fn bookmarked_articles(&self) -> Vec<usize> {
        let articles = &self.corpus.articles;
        (0..articles.len())
            .filter(|&a| self.marks.get(&articles[a].key).is_some_and(|m| m.bookmarked))
            .collect()
    }

    pub fn panes(&self) -> Panes {
        Panes::compute(Rect::new(0, 0, self.size.0, self.size.1), self.focus, self.sidebar_shown)
    }

    /// The article the Figures tab describes: the open one, else the selected one.
    pub fn current_article(&self) -> Option<usize> {
        self.open.or_else(|| self.hits.get(self.list.selected).map(|h| h.article))
    }

    pub fn typing(&self) -> bool {
        self.prompt.is_some()
    }

    /// Rows of the list that fit: each article takes two lines.
    fn list_rows(&self) -> usize {
        self.panes().list.map_or(1, |r| usize::from(inner(r).height / 2).max(1))
    }

    fn sidebar_rows(&self) -> usize {
        // Tabs line and a rule above the rows.
        self.panes().sidebar.map_or(1, |r| usize::from(inner(r).height.saturating_sub(2)).max(1))
    }

    fn reader_height(&self) -> usize {
        self.panes().reader.map_or(1, |r| usize::from(inner(r).height).max(1))
    }

    fn reader_width(&self) -> u16 {
        // One column for the scrollbar.
        self.panes().reader.map_or(1, |r| inner(r).width.saturating_sub(1).max(1))
    }

    pub fn sidebar_len(&self) -> usize {
        match self.tab {
            Tab::People => self.people_rows.len(),
            Tab::Tags => self.tag_rows.len(),
            Tab::Figures => {
                self.current_article().map_or(0, |a| self.corpus.articles[a].entities.figures.len())
            }
        }
    }

    pub fn sidebar_cursor(&self) -> Cursor {
        self.sidebar[self.tab.index()]
    }

    fn sidebar_cursor_mut(&mut self) -> &mut Cursor {
        &mut self.sidebar[self.tab.index()]
    }

    /// The entity selected in the People or Tags tab.
    pub fn selected_entity(&self) -> Option<Mark> {
        let c = self.sidebar_cursor();
        match self.tab {
            Tab::People => self.people_rows.get(c.selected).map(|r| Mark::Person(r.tally.id)),
            Tab::Tags => self.tag_rows.get(c.selected).map(|r| Mark::Hashtag(r.tally.id)),
            Tab::Figures => None,
        }
    }

    /// Is this highlight one of the things the reader is looking for?
    pub fn is_active(&self, mark: Mark) -> bool {
        let selected =
            self.focus == Pane::Sidebar && self.selected_entity().is_some_and(|s| same_entity(s, mark));
        selected
            || match mark {
                Mark::Person(id) => self.filters.has_person(id),
                Mark::Hashtag(id) | Mark::Handle(id) => self.filters.has_tag(id),
                Mark::Exact => true,
                Mark::Figure(_) => false,
            }
    }

    fn store_changed(&mut self) {
        self.search.version += 1;
        self.engine.reset();
    }

    /// Hand searches to a worker from now on (see `take_search` and `search_done`); without
    /// one, every search runs inside `update`.
    pub fn search_in_background(&mut self) {
        self.search.background = true;
    }

    /// Filter the list after a change to the filters or the store. An empty filter is a pass
    /// in store order and runs here; anything else goes to the worker when there is one.
    fn refilter(&mut self) {
        self.search.generation += 1;
        self.filters.only = self.bookmarked_only.then(|| self.bookmarked_articles());
        let unfiltered = self.filters == Filters::default();
        if self.search.background && !unfiltered {
            self.search.wanted = true;
            return;
        }
        self.search.wanted = false;
        self.search.shown = self.search.generation;
        let hits = self.engine.apply(&self.corpus, &self.index, &self.filters);
        self.show_hits(hits);
    }

    /// The listed hits answer an earlier query: a search is wanted or out with the worker.
    pub fn searching(&self) -> bool {
        self.search.shown != self.search.generation
    }

    /// The search the filters are waiting for, if it has not been handed out yet.
    pub fn take_search(&mut self) -> Option<SearchJob> {
        if !std::mem::take(&mut self.search.wanted) {
            return None;
        }
        Some(SearchJob {
            generation: self.search.generation,
            version: self.search.version,
            corpus: Arc::clone(&self.corpus),
            index: Arc::clone(&self.index),
            filters: self.filters.clone(),
        })
    }

    /// Take in the worker's answer; an answer to an older query is dropped.
    pub fn search_done(&mut self, done: SearchDone) {
        if done.generation == self.search.generation {
            if done.complete {
                self.search.shown = done.generation;
            }
            self.show_hits(done.hits);
        }
    }

    fn show_hits(&mut self, hits: Vec<Hit>) {
        let selected_article = self.hits.get(self.list.selected).map(|h| h.article);
        self.hits = hits;
        // Keep the same article selected when it is still listed.
        self.list.selected =
            selected_article.and_then(|a| self.hits.iter().position(|h| h.article == a)).unwrap_or(0);
        let rows = self.list_rows();
        self.list.clamp(self.hits.len(), rows);
        self.retally();
        self.reopen_if_filtered_out();
    }

    /// Sidebar counts follow the filtered articles.
    fn retally(&mut self) {
        let visible = || self.hits.iter().map(|h| h.article);
        let people = Index::tally(&self.index.article_people, self.index.people.len(), visible());
        let tags = Index::tally(&self.index.article_tags, self.index.tags.len(), visible());
        let query = self.sidebar_query.trim().to_string();
        let keep = |names: &crate::corpus::index::Table, t: &Tally| {
            query.is_empty() || self.engine.matches(names.name(t.id), &query).is_some()
        };
        self.people_rows = people
            .into_iter()
            .filter(|t| keep(&self.index.people, t))
            .map(|tally| EntityRow { tally, active: self.filters.has_person(tally.id) })
            .collect();
        self.tag_rows = tags
            .into_iter()
            .filter(|t| keep(&self.index.tags, t))
            .map(|tally| EntityRow { tally, active: self.filters.has_tag(tally.id) })
            .collect();
        let rows = self.sidebar_rows();
        for (tab, len) in [(Tab::People, self.people_rows.len()), (Tab::Tags, self.tag_rows.len())] {
            self.sidebar[tab.index()].clamp(len, rows);
        }
        self.rematch();
    }

    /// The first line in the reading pane.
    pub fn scroll(&self) -> usize {
        self.doc.top()
    }

    /// The open article's layout, with its body to wrap more of it from.
    fn doc_and_body(&mut self) -> (&mut Document, &str) {
        let body = self.open.and_then(|i| self.corpus.articles.get(i)).map_or("", |a| a.body.as_str());
        (&mut self.doc, body)
    }

    /// Lay the open article out for the reader's current width: the same article keeps the text
    /// at its top, another starts at its own top.
    fn relayout(&mut self) {
        let width = self.reader_width();
        let height = self.reader_height();
        let keep = (self.laid_out == self.open).then(|| self.doc.anchor());
        self.laid_out = self.open;
        let found_for = self.open.map(|i| (i, self.search.version, self.filters.query.clone()));
        let found = (found_for.is_some() && found_for == self.highlights_for)
            .then(|| std::mem::take(&mut self.doc.highlights));
        self.highlights_for = found_for;
        self.doc = match self.open.and_then(|i| self.corpus.articles.get(i).map(|a| (i, a))) {
            Some((i, a)) => {
                let highlights = found.unwrap_or_else(|| {
                    let needles = Query::parse(&self.filters.query).needles();
                    document::highlights(a, &self.index, i, &needles)
                });
                let mut doc = document::layout(a, highlights, width);
                if let Some(anchor) = keep {
                    doc.restore(&a.body, anchor, height);
                }
                doc
            }
            None => Document::default(),
        };
        let fig_rows = self.sidebar_rows();
        let figures = self.current_article().map_or(0, |a| self.corpus.articles[a].entities.figures.len());
        self.sidebar[Tab::Figures.index()].clamp(figures, fig_rows);
        self.clamp_scroll();
        self.rematch();
    }

    fn rematch(&mut self) {
        self.matches =
            (0..self.doc.highlights.len()).filter(|&h| self.is_active(self.doc.highlights[h].mark)).collect();
        if self.current_match.is_some_and(|m| !self.matches.contains(&m)) {
            self.current_match = None;
        }
    }

    /// Lay out what the reading pane shows, the screen kept full at the end.
    fn clamp_scroll(&mut self) {
        let height = self.reader_height();
        let (doc, body) = self.doc_and_body();
        doc.settle(body, height);
    }

    fn open_selected(&mut self) {
        if let Some(h) = self.hits.get(self.list.selected) {
            let article = h.article;
            self.set_marks(article, |m| m.read = true);
            self.open = Some(article);
            self.laid_out = None;
            self.current_match = None;
            self.relayout();
        }
    }

    /// Scroll so that a highlight's line is in view, a few lines from the top.
    fn show_highlight(&mut self, h: usize) {
        let height = self.reader_height();
        let (doc, body) = self.doc_and_body();
        doc.show(body, h, height);
        self.current_match = Some(h);
    }

    fn step_match(&mut self, forward: bool) {
        if self.matches.is_empty() {
            return;
        }
        let pos = self.current_match.and_then(|c| self.matches.iter().position(|&m| m == c));
        let next = match (pos, forward) {
            (Some(p), true) => (p + 1) % self.matches.len(),
            (Some(p), false) => (p + self.matches.len() - 1) % self.matches.len(),
            // From nothing: the first match below (or above) what is on screen. Compared by
            // where they are in the body, which needs no line of the article wrapped.
            (None, true) => {
                let top = self.doc.top_offset();
                let start = |m: usize| self.doc.highlights[m].range.start;
                self.matches.iter().position(|&m| start(m) >= top).unwrap_or(0)
            }
            (None, false) => {
                let height = self.reader_height();
                let (doc, body) = self.doc_and_body();
                let below = doc.offset_below(body, height);
                let start = |m: usize| self.doc.highlights[m].range.start;
                self.matches.iter().rposition(|&m| start(m) < below).unwrap_or(self.matches.len() - 1)
            }
        };
        self.show_highlight(self.matches[next]);
    }

    fn visible_panes(&self) -> Vec<Pane> {
        let wide = self.size.0 >= super::layout::WIDE;
        let narrow = self.size.0 < super::layout::NARROW;
        let mut panes = vec![Pane::List, Pane::Reader];
        if wide || narrow || self.sidebar_shown {
            panes.push(Pane::Sidebar);
        }
        panes
    }

    fn cycle_focus(&mut self, forward: bool) {
        let panes = self.visible_panes();
        let at = panes.iter().position(|&p| p == self.focus).unwrap_or(0);
        let n = panes.len();
        self.focus = panes[if forward { (at + 1) % n } else { (at + n - 1) % n }];
        self.after_layout_change();
    }

    fn after_layout_change(&mut self) {
        let width = self.reader_width();
        if width != self.doc.width {
            self.relayout();
        }
        let (rows, side) = (self.list_rows(), self.sidebar_rows());
        self.list.clamp(self.hits.len(), rows);
        let len = self.sidebar_len();
        self.sidebar_cursor_mut().clamp(len, side);
        self.clamp_scroll();
        self.rematch();
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Pane::List => {
                self.list.step(delta, self.hits.len());
                let rows = self.list_rows();
                self.list.clamp(self.hits.len(), rows);
                if self.open.is_none() {
                    self.relayout();
                }
            }
            Pane::Reader => {
                let height = self.reader_height();
                let (doc, body) = self.doc_and_body();
                doc.scroll_by(body, delta, height);
            }
            Pane::Sidebar => {
                let (len, rows) = (self.sidebar_len(), self.sidebar_rows());
                let c = self.sidebar_cursor_mut();
                c.step(delta, len);
                c.clamp(len, rows);
                self.rematch();
            }
        }
    }

    fn page(&self) -> isize {
        let rows = match self.focus {
            Pane::List => self.list_rows(),
            Pane::Reader => self.reader_height().saturating_sub(1),
            Pane::Sidebar => self.sidebar_rows(),
        };
        isize::try_from(rows.max(1)).unwrap_or(1)
    }

    fn activate(&mut self) {
        match self.focus {
            Pane::List => {
                self.open_selected();
                self.focus = Pane::Reader;
                self.after_layout_change();
            }
            Pane::Reader => {}
            Pane::Sidebar => match self.tab {
                Tab::People | Tab::Tags => {
                    let c = self.sidebar_cursor();
                    let (rows, ids) = match self.tab {
                        Tab::People => (&self.people_rows, &mut self.filters.people),
                        _ => (&self.tag_rows, &mut self.filters.tags),
                    };
                    if let Some(row) = rows.get(c.selected) {
                        toggle_chip(ids, row.tally.id);
                        self.refilter();
                    }
                }
                Tab::Figures => {
                    let i = self.sidebar_cursor().selected;
                    if let Some(h) = self.doc.highlights.iter().position(|h| h.mark == Mark::Figure(i)) {
                        self.show_highlight(h);
                    }
                }
            },
        }
    }

    /// After a filter change, show the best match when the open article no longer passes.
    fn reopen_if_filtered_out(&mut self) {
        let listed = self.open.is_some_and(|o| self.hits.iter().any(|h| h.article == o));
        if !listed {
            self.open = self.hits.first().map(|h| h.article);
            self.laid_out = None;
            self.current_match = None;
        }
        self.relayout();
    }

    fn set_tab(&mut self, tab: Tab) {
        self.tab = tab;
        let (len, rows) = (self.sidebar_len(), self.sidebar_rows());
        self.sidebar_cursor_mut().clamp(len, rows);
        self.rematch();
    }

    fn prompt_changed(&mut self) {
        let Some(p) = &self.prompt else { return };
        match p.target {
            Pane::Sidebar => {
                self.sidebar_query = p.text.clone();
                for c in &mut self.sidebar[..2] {
                    *c = Cursor::default();
                }
                self.retally();
            }
            _ => {
                self.filters.query = p.text.clone();
                self.list = Cursor::default();
                self.refilter();
            }
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let Some((pane, rect)) = self.panes().hit(column, row) else { return };
        self.focus = pane;
        let body = inner(rect);
        let inside = row >= body.y && row < body.y + body.height;
        match pane {
            Pane::List if inside => {
                let i = self.list.offset + usize::from((row - body.y) / 2);
                if i < self.hits.len() {
                    self.list.selected = i;
                    self.open_selected();
                }
            }
            Pane::Sidebar if inside && row == body.y => {
                // The tab line: pick the tab under the pointer.
                let tab =
                    (usize::from(column.saturating_sub(body.x)) * 3 / usize::from(body.width.max(1))).min(2);
                self.set_tab(Tab::ALL[tab]);
            }
            Pane::Sidebar if inside && row >= body.y + 2 => {
                let i = self.sidebar_cursor().offset + usize::from(row - body.y - 2);
                if i < self.sidebar_len() {
                    self.sidebar_cursor_mut().selected = i;
                }
            }
            _ => {}
        }
        self.after_layout_change();
    }

    fn scroll_at(&mut self, column: u16, row: u16, delta: isize) {
        let focus = self.focus;
        if let Some((pane, _)) = self.panes().hit(column, row) {
            self.focus = pane;
        }
        self.move_by(delta);
        self.focus = focus;
    }

    fn escape(&mut self) {
        if let Some(p) = self.prompt.take() {
            self.prompt = Some(Prompt { text: p.before.clone(), ..p });
            self.prompt_changed();
            self.prompt = None;
        } else if self.help {
            self.help = false;
        } else {
            self.filters = Filters::default();
            self.bookmarked_only = false;
            self.sidebar_query.clear();
            self.refilter();
        }
    }
}

/// Hashtags and handles share one table, so a selected tag matches either mark.
fn same_entity(a: Mark, b: Mark) -> bool {
    match (a, b) {
        (Mark::Person(x), Mark::Person(y)) => x == y,
        (Mark::Hashtag(x) | Mark::Handle(x), Mark::Hashtag(y) | Mark::Handle(y)) => x == y,
        _ => false,
    }
}

/// Apply one action to the app. Pure: no I/O, no terminal.
pub fn update(app: &mut App, action: Action) {
    if app.messages_open && !matches!(action, Action::Quit | Action::Resize { .. }) {
        // The message list takes every key: it scrolls, and closes on Esc or !.
        let step = |by: isize| {
            app.messages_scroll.saturating_add_signed(by).min(app.messages.len().saturating_sub(1))
        };
        match action {
            Action::Escape | Action::Messages => app.messages_open = false,
            Action::Down | Action::ScrollDown { .. } => app.messages_scroll = step(1),
            Action::Up | Action::ScrollUp { .. } => app.messages_scroll = step(-1),
            Action::PageDown => app.messages_scroll = step(10),
            Action::PageUp => app.messages_scroll = step(-10),
            Action::Top => app.messages_scroll = 0,
            Action::Bottom => app.messages_scroll = step(isize::MAX / 2),
            _ => {}
        }
        return;
    }
    if app.help && !matches!(action, Action::Quit | Action::Resize { .. }) {
        // The help overlay takes every key and closes on Esc or ?.
        if matches!(action, Action::Escape | Action::Help) {
            app.help = false;
        }
        return;
    }
    if let Some(prompt) = &mut app.prompt {
        match action {
            Action::Input(c) => {
                prompt.text.push(c);
                app.prompt_changed();
                return;
            }
            Action::Backspace => {
                prompt.text.pop();
                app.prompt_changed();
                return;
            }
            Action::Activate => {
                app.prompt = None;
                return;
            }
            Action::Escape => {
                app.escape();
                return;
            }
            _ => {}
        }
    }
    match action {
        Action::Quit => app.quit = true,
        Action::FocusNext => app.cycle_focus(true),
        Action::FocusPrev => app.cycle_focus(false),
        Action::Down => app.move_by(1),
        Action::Up => app.move_by(-1),
        Action::PageDown => app.move_by(app.page()),
        Action::PageUp => app.move_by(-app.page()),
        Action::Top => app.move_by(isize::MIN / 2),
        Action::Bottom => app.move_by(isize::MAX / 2),
        Action::Activate => app.activate(),
        Action::Filter => {
            let target = if app.focus == Pane::Sidebar && app.tab != Tab::Figures {
                Pane::Sidebar
            } else {
                Pane::List
            };
            let text =
                if target == Pane::Sidebar { app.sidebar_query.clone() } else { app.filters.query.clone() };
            if target == Pane::List && app.focus == Pane::Reader && app.size.0 < super::layout::NARROW {
                app.focus = Pane::List;
            }
            app.prompt = Some(Prompt { target, before: text.clone(), text });
        }
        Action::Escape => app.escape(),
        Action::NextMatch => app.step_match(true),
        Action::PrevMatch => app.step_match(false),
        Action::TabPeople => app.set_tab(Tab::People),
        Action::TabTags => app.set_tab(Tab::Tags),
        Action::TabFigures => app.set_tab(Tab::Figures),
        Action::TabPrev => app.set_tab(Tab::ALL[(app.tab.index() + 2) % 3]),
        Action::TabNext => app.set_tab(Tab::ALL[(app.tab.index() + 1) % 3]),
        Action::ToggleSidebar => {
            app.sidebar_shown = !app.sidebar_shown;
            if app.sidebar_shown {
                app.focus = Pane::Sidebar;
            } else if app.focus == Pane::Sidebar {
                app.focus = Pane::Reader;
            }
            app.after_layout_change();
        }
        Action::Help => app.help = true,
        Action::Messages => {
            app.messages_open = true;
            app.messages_scroll = 0;
        }
        Action::ToggleRead => {
            if let Some(a) = app.marked_article() {
                app.set_marks(a, |m| m.read = !m.read);
            }
        }
        Action::ToggleBookmark => {
            if let Some(a) = app.marked_article() {
                app.set_marks(a, |m| m.bookmarked = !m.bookmarked);
                if app.bookmarked_only {
                    app.refilter();
                }
            }
        }
        Action::BookmarkedOnly => {
            app.bookmarked_only = !app.bookmarked_only;
            app.refilter();
        }
        Action::Input(_) | Action::Backspace => {}
        Action::Click { column, row } => app.click(column, row),
        Action::ScrollUp { column, row } => app.scroll_at(column, row, -3),
        Action::ScrollDown { column, row } => app.scroll_at(column, row, 3),
        Action::Resize { width, height } => {
            app.size = (width, height);
            app.after_layout_change();
        }
    }
}
