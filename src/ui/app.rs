//! The reader's whole state and the one function that changes it. `update` does no I/O: what
//! needs the world (a link to open, marks to save, a search to run) is left in the state for the
//! loop to take.
//!
//! `App` is made of one state per pane (`panes`), the domain `Store`, and a stack of overlays
//! that get each key before the panes do, the top one first, as in helix's compositor.

use ratatui::layout::Rect;

use super::document::{self, Document, Mark};
use super::help;
use super::keymap::{Action, Keymap};
use super::layout::{Geometry, NARROW, Pane, Panes, WIDE};
use super::prompt::Prompt;
use super::search::{SearchDone, SearchJob};
use super::theme::Theme;
use crate::corpus::coverage::{Entity, Period, Timeline, Together};
use crate::corpus::index::{EntityId, Index, Table, Who};
use crate::corpus::load::{Gone, SkipReason};
use crate::corpus::{Corpus, LoadEvent, Store};
use crate::filter::{Engine, Filters, Hit, Query};
use crate::state::Marks;

pub use super::panes::{Cursor, EntityRow, ListState, QuoteRow, ReaderState, SidebarState, Tab};

/// Something over the panes that takes keys first: the top of `App::overlays` gets a key,
/// and what it does not take goes on to the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The key list and search syntax, scrolled this far.
    Help {
        /// The first line shown.
        scroll: usize,
    },
    /// Files passed over and warnings, scrolled this far.
    Messages {
        /// The first message shown.
        scroll: usize,
    },
    /// The filter prompt.
    Prompt(Prompt),
}

/// How far a load has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Files found.
    pub files: usize,
    /// Files read.
    pub done: usize,
    /// Bytes read.
    pub bytes: u64,
}

/// The reader's state.
pub struct App {
    /// The articles and their index; the search worker reads snapshots of it.
    pub store: Store,
    /// Filters the list when no worker does (tests, the unfiltered list) and the sidebar's names.
    pub engine: Engine,
    /// Keys to actions; every hint on screen comes from it.
    pub keymap: Keymap,
    /// Styles.
    pub theme: Theme,
    /// What the list is filtered and sorted by.
    pub filters: Filters,
    /// The article list.
    pub list: ListState,
    /// The reading pane.
    pub reader: ReaderState,
    /// The sidebar.
    pub sidebar: SidebarState,
    /// Overlays, bottom first; the last gets keys first.
    pub overlays: Vec<Overlay>,
    /// The focused pane.
    pub focus: Pane,
    /// The terminal's size.
    pub size: (u16, u16),
    /// Where everything is at this size, focus and sidebar.
    pub geometry: Geometry,
    /// The user asked to leave.
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
    /// A one-line answer to the last key ("no messages"), shown in the status bar until the
    /// next key.
    pub flash: Option<String>,
    /// A link the user asked to open, for the loop to hand to the browser.
    pub link_to_open: Option<String>,
    /// A load that failed, or start filters that match nothing: the reader ends with this.
    pub fatal: Option<String>,
    /// Files gone while loading, counted in one message (at `gone_line`).
    gone: Gone,
    gone_line: Option<usize>,
    /// People and tags named on the command line, applied once every article is in.
    pending: Option<crate::cli::SelectArgs>,
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
}

impl App {
    /// A reader over a whole corpus.
    pub fn new(corpus: Corpus, keymap: Keymap, theme: Theme, size: (u16, u16)) -> App {
        App::over(Store::new(corpus), keymap, theme, size)
    }

    /// An empty reader that fills as a loader sends `LoadEvent`s (see `ingest`).
    pub fn loading(keymap: Keymap, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App::over(Store::filling(), keymap, theme, size);
        app.loading = Some(Progress::default());
        app
    }

    fn over(store: Store, keymap: Keymap, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App {
            store,
            engine: Engine::default(),
            keymap,
            theme,
            filters: Filters::default(),
            list: ListState::default(),
            reader: ReaderState::default(),
            sidebar: SidebarState::default(),
            overlays: Vec::new(),
            focus: Pane::List,
            size,
            geometry: Geometry::default(),
            quit: false,
            loading: None,
            marks: rustc_hash::FxHashMap::default(),
            marks_changed: Vec::new(),
            bookmarked_only: false,
            messages: Vec::new(),
            flash: None,
            link_to_open: None,
            fatal: None,
            gone: Gone::default(),
            gone_line: None,
            pending: None,
            search: SearchState::default(),
        };
        app.measure();
        app.refilter();
        app
    }

    /// The articles.
    pub fn corpus(&self) -> &Corpus {
        self.store.corpus()
    }

    /// The index over the articles.
    pub fn index(&self) -> &Index {
        self.store.index()
    }

    /// Filters from the command line for a reader that is still loading: the query applies at
    /// once, names and tags when every article is in.
    pub fn filter_when_loaded(mut self, select: &crate::cli::SelectArgs) -> App {
        if let Some(q) = &select.query {
            self.filters.query = q.clone();
            self.refilter();
        }
        let names = crate::cli::SelectArgs { query: None, ..select.clone() };
        if !names.is_empty() {
            self.pending = Some(names);
        }
        self
    }

    /// Take in what the loader reports.
    pub fn ingest(&mut self, event: LoadEvent) {
        match event {
            LoadEvent::Found { files, skipped } => {
                self.note_skipped(&skipped);
                self.loading = Some(Progress { files, ..Progress::default() });
                self.store.reserve(files);
            }
            LoadEvent::Batch { files, articles, bytes, skipped, warnings } => {
                self.note_skipped(&skipped);
                self.messages.extend(warnings.iter().map(ToString::to_string));
                if let Some(p) = &mut self.loading {
                    p.done += files;
                    p.bytes += bytes;
                }
                // The worker has let go of its snapshot by now (the loop sends batches only
                // between searches), so the store changes in place rather than copying.
                self.store.add_batch(articles);
                self.engine.reset();
                self.refilter();
            }
            LoadEvent::Done => {
                self.loading = None;
                // What was passed over is shown once, when nothing else is open; the list
                // stays a key away (`!`) after it is dismissed.
                if !self.messages.is_empty() && self.overlays.is_empty() {
                    self.overlays.push(Overlay::Messages { scroll: 0 });
                }
                self.store.finish();
                self.engine.reset();
                if let Some(names) = self.pending.take() {
                    if let Err(e) = self.start_filters(&names) {
                        self.fatal = Some(e.to_string());
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
    /// that matches no one is an error (with the closest names), not a filter that silently
    /// shows everything.
    pub fn with_filters(
        mut self,
        people: &[String],
        tags: &[String],
        query: Option<&str>,
    ) -> Result<App, crate::select::SelectError> {
        let select = crate::cli::SelectArgs {
            person: people.to_vec(),
            tag: tags.to_vec(),
            query: query.map(str::to_string),
            ..Default::default()
        };
        self.start_filters(&select)?;
        Ok(self)
    }

    /// Start with every filter the command line can give (see `with_filters`).
    pub fn with_selection(
        mut self,
        select: &crate::cli::SelectArgs,
    ) -> Result<App, crate::select::SelectError> {
        self.start_filters(select)?;
        Ok(self)
    }

    fn start_filters(&mut self, select: &crate::cli::SelectArgs) -> Result<(), crate::select::SelectError> {
        let chosen = crate::select::Selection::resolve(self.store.index(), select)?;
        self.filters.people.extend(chosen.people);
        self.filters.tags.extend(chosen.tags);
        self.filters.orgs.extend(chosen.orgs);
        self.filters.said_by.extend(chosen.said_by);
        if chosen.period.is_some() {
            self.filters.period = chosen.period;
        }
        if let Some(q) = &select.query {
            self.filters.query = q.clone();
        }
        // The best match opens once the search is done.
        self.reader.open = None;
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

    /// An article's marks.
    pub fn marks_of(&self, article: usize) -> Marks {
        self.store.articles().get(article).and_then(|a| self.marks.get(&a.key)).copied().unwrap_or_default()
    }

    fn set_marks(&mut self, article: usize, change: impl FnOnce(&mut Marks)) {
        let Some(key) = self.store.articles().get(article).map(|a| a.key) else { return };
        let mut marks = self.marks.get(&key).copied().unwrap_or_default();
        let before = marks;
        change(&mut marks);
        if marks != before {
            self.marks.insert(key, marks);
            self.marks_changed.push((key, marks));
        }
    }

    /// The article that `u`, `m` and `o` act on: the selected one in the list, else the open one.
    fn marked_article(&self) -> Option<usize> {
        match self.focus {
            Pane::List => self.list.selected_article(),
            _ => self.current_article(),
        }
    }

    fn bookmarked_articles(&self) -> Vec<usize> {
        let articles = self.store.articles();
        (0..articles.len())
            .filter(|&a| self.marks.get(&articles[a].key).is_some_and(|m| m.bookmarked))
            .collect()
    }

    /// The panes on screen.
    pub fn panes(&self) -> Panes {
        self.geometry.panes
    }

    /// Work out where everything goes after a change of size, focus or sidebar.
    fn measure(&mut self) {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        self.geometry = Geometry::compute(
            area,
            self.focus,
            self.sidebar.shown,
            &Tab::titles(),
            &Tab::ALL.map(Tab::short),
        );
    }

    /// The article the Figures tab describes: the open one, else the selected one.
    pub fn current_article(&self) -> Option<usize> {
        self.reader.open.or_else(|| self.list.selected_article())
    }

    /// The prompt, when it is open.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Prompt(p) => Some(p),
            _ => None,
        })
    }

    /// The overlay on top, which gets keys first.
    pub fn top_overlay(&self) -> Option<&Overlay> {
        self.overlays.last()
    }

    /// Keys are text: the prompt is on top.
    pub fn typing(&self) -> bool {
        matches!(self.overlays.last(), Some(Overlay::Prompt(_)))
    }

    /// Rows in the sidebar's current tab.
    pub fn sidebar_len(&self) -> usize {
        match self.sidebar.tab {
            Tab::People => self.sidebar.people.len(),
            Tab::Orgs => self.sidebar.orgs.len(),
            Tab::Tags => self.sidebar.tags.len(),
            Tab::Figures => self.figures_len(),
            Tab::Quotes => self.sidebar.quotes.len(),
            Tab::Time => self.sidebar.timeline.buckets.len(),
            Tab::With => self.sidebar.together.rows.len(),
        }
    }

    fn figures_len(&self) -> usize {
        if self.sidebar.figures_all {
            return self.sidebar.group_rows.len();
        }
        self.current_article().map_or(0, |a| self.store.articles()[a].entities.figures.len())
    }

    /// A figure value as the first article quoting it writes it ("Ninety per cent").
    pub fn figure_value_text(&self, value: u32) -> &str {
        let Some(v) = self.index().figures.values.get(value as usize) else { return "" };
        let (article, figure) = (v.first.0 as usize, v.first.1 as usize);
        self.store
            .articles()
            .get(article)
            .and_then(|a| a.entities.figures.get(figure).map(|f| f.text(&a.body)))
            .unwrap_or("")
    }

    /// The entity selected in the People or Tags tab.
    pub fn selected_entity(&self) -> Option<Mark> {
        let c = self.sidebar.cursor();
        match self.sidebar.tab {
            Tab::People => self.sidebar.people.get(c.selected).map(|r| Mark::Person(r.tally.id)),
            Tab::Orgs => self.sidebar.orgs.get(c.selected).map(|r| Mark::Org(r.tally.id)),
            Tab::Tags => self.sidebar.tags.get(c.selected).map(|r| Mark::Hashtag(r.tally.id)),
            Tab::Quotes => self.sidebar.quotes.get(c.selected).and_then(|r| r.who).map(|w| match w {
                Who::Person(id) => Mark::Person(id),
                Who::Org(id) => Mark::Org(id),
            }),
            Tab::With => self.sidebar.together.rows.get(c.selected).map(|&(e, _)| mark_of(e)),
            Tab::Figures | Tab::Time => None,
        }
    }

    /// The speaker the "said by" key would filter by: the person or organisation under the
    /// cursor, or a quote row's speaker.
    pub fn selected_speaker(&self) -> Option<Who> {
        match self.selected_entity()? {
            Mark::Person(id) => Some(Who::Person(id)),
            Mark::Org(id) => Some(Who::Org(id)),
            _ => None,
        }
    }

    /// Is this highlight one of the things the reader is looking for?
    pub fn is_active(&self, mark: Mark) -> bool {
        let selected =
            self.focus == Pane::Sidebar && self.selected_entity().is_some_and(|s| same_entity(s, mark));
        selected
            || match mark {
                Mark::Person(id) => self.filters.has_person(id) || self.filters.has_speaker(Who::Person(id)),
                Mark::Org(id) => self.filters.has_org(id) || self.filters.has_speaker(Who::Org(id)),
                Mark::Hashtag(id) | Mark::Handle(id) => self.filters.has_tag(id),
                Mark::Exact => true,
                Mark::Figure(_) => false,
            }
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
        let hits = self.engine.apply(self.store.corpus(), self.store.index(), &self.filters);
        self.show_hits(hits, true);
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
            snapshot: self.store.snapshot(),
            filters: self.filters.clone(),
        })
    }

    /// Take in the worker's answer; an answer to an older query is dropped. A first answer
    /// (titles and entities) is shown at once; the search goes on until the complete one.
    pub fn search_done(&mut self, done: SearchDone) {
        if done.generation == self.search.generation {
            if done.complete {
                self.search.shown = done.generation;
            }
            self.show_hits(done.hits, done.complete);
        }
    }

    /// List `hits`. The sidebar's counts follow only a complete answer: counting people over
    /// a first answer that is about to grow would cost its frame for nothing.
    fn show_hits(&mut self, hits: Vec<Hit>, complete: bool) {
        let selected_article = self.list.selected_article();
        self.list.hits = hits;
        // Keep the same article selected when it is still listed.
        self.list.cursor.selected =
            selected_article.and_then(|a| self.list.hits.iter().position(|h| h.article == a)).unwrap_or(0);
        self.list.cursor.clamp(self.list.hits.len(), self.geometry.list_rows);
        if complete {
            self.retally();
        }
        self.reopen_if_filtered_out();
    }

    /// Sidebar counts follow the filtered articles.
    fn retally(&mut self) {
        let index = self.store.index();
        let visible = || self.list.hits.iter().map(|h| h.article);
        let people = Index::tally(&index.article_people, index.people.len(), visible());
        let orgs = Index::tally(&index.article_orgs, index.orgs.len(), visible());
        let tags = Index::tally(&index.article_tags, index.tags.len(), visible());
        let (said_people, said_orgs) = index.quote_counts(visible());
        let query = self.sidebar.query.trim();
        let keep = |names: &Table, id: EntityId| {
            query.is_empty() || self.engine.matches(names.name(id), query).is_some()
        };
        let rows = |tallies: Vec<crate::corpus::index::Tally>,
                    names: &Table,
                    on: &dyn Fn(EntityId) -> bool,
                    said: &[u32]| {
            tallies
                .into_iter()
                .filter(|t| keep(names, t.id))
                .map(|tally| EntityRow {
                    tally,
                    active: on(tally.id),
                    quotes: said.get(tally.id as usize).copied().unwrap_or(0),
                })
                .collect::<Vec<_>>()
        };
        let f = &self.filters;
        self.sidebar.people = rows(people, &index.people, &|id| f.has_person(id), &said_people);
        self.sidebar.orgs = rows(orgs, &index.orgs, &|id| f.has_org(id), &said_orgs);
        self.sidebar.tags = rows(tags, &index.tags, &|id| f.has_tag(id), &[]);
        self.sidebar.quotes_total = self
            .list
            .hits
            .iter()
            .map(|h| self.store.articles().get(h.article).map_or(0, |a| a.entities.quotes.len()))
            .sum();
        self.sidebar.quotes_for = None;
        self.sidebar.groups_for = None;
        self.sidebar.timeline_for = None;
        self.sidebar.together_for = None;
        self.refresh_view();
        let rows = self.geometry.sidebar_rows;
        for tab in [Tab::People, Tab::Orgs, Tab::Tags, Tab::Quotes] {
            let len = match tab {
                Tab::People => self.sidebar.people.len(),
                Tab::Orgs => self.sidebar.orgs.len(),
                Tab::Tags => self.sidebar.tags.len(),
                _ => self.sidebar.quotes.len(),
            };
            self.sidebar.cursors[tab.index()].clamp(len, rows);
        }
        self.rematch();
    }

    /// Work out what the sidebar's tab shows when it is made from all the listed articles
    /// (quotes, figure groups, the timeline, who appears with whom): only the tab shown is made,
    /// and only when something it depends on changed.
    fn refresh_view(&mut self) {
        match self.sidebar.tab {
            Tab::Quotes => self.requote(),
            Tab::Figures if self.sidebar.figures_all => self.regroup(),
            Tab::Time => self.retime(),
            Tab::With => self.rewith(),
            _ => {}
        }
        let (len, rows) = (self.sidebar_len(), self.geometry.sidebar_rows);
        self.sidebar.cursor_mut().clamp(len, rows);
    }

    /// The figure groups of the listed articles, for the Figures tab across the coverage.
    fn regroup(&mut self) {
        let key = (self.store.version(), self.search.generation, self.sidebar.query.clone());
        if self.sidebar.groups_for.as_ref() == Some(&key) {
            return;
        }
        let index = self.store.index();
        let query = self.sidebar.query.trim();
        let keep = |g: u32| {
            query.is_empty()
                || index
                    .figures
                    .whats
                    .get(g as usize)
                    .is_some_and(|w| self.engine.matches(w, query).is_some())
        };
        let hits = self.list.hits.iter().map(|h| h.article);
        let (groups, total) = crate::corpus::coverage::figure_groups(index, hits, MAX_GROUPS, &keep);
        let mut rows = Vec::new();
        for (g, group) in groups.iter().enumerate() {
            rows.push((g, None));
            rows.extend((0..group.values.len()).map(|v| (g, Some(v))));
        }
        self.sidebar.groups = groups;
        self.sidebar.group_rows = rows;
        self.sidebar.groups_total = total;
        self.sidebar.groups_for = Some(key);
    }

    /// The listed articles over time, for the Time tab.
    fn retime(&mut self) {
        let key = (self.store.version(), self.search.generation);
        if self.sidebar.timeline_for == Some(key) {
            return;
        }
        let hits = self.list.hits.iter().map(|h| h.article);
        self.sidebar.timeline = Timeline::over(self.store.index(), hits);
        self.sidebar.timeline_for = Some(key);
    }

    /// Who appears with the With tab's entity in the listed articles.
    fn rewith(&mut self) {
        let index = self.store.index();
        if self.sidebar.anchor.is_none() {
            // Nobody chosen yet: the most mentioned person (else organisation, tag) listed.
            let first = |rows: &[EntityRow]| rows.first().map(|r| r.tally.id);
            self.sidebar.anchor = first(&self.sidebar.people)
                .map(Entity::Person)
                .or_else(|| first(&self.sidebar.orgs).map(Entity::Org))
                .or_else(|| first(&self.sidebar.tags).map(Entity::Tag));
        }
        let anchor = self.sidebar.anchor;
        let key = (self.store.version(), self.search.generation, anchor, self.sidebar.query.clone());
        if self.sidebar.together_for.as_ref() == Some(&key) {
            return;
        }
        let query = self.sidebar.query.trim();
        let keep = |e: Entity| query.is_empty() || self.engine.matches(e.name(index), query).is_some();
        let hits = self.list.hits.iter().map(|h| h.article);
        self.sidebar.together = match anchor {
            Some(anchor) => crate::corpus::coverage::together(index, hits, anchor, MAX_WITH, &keep),
            None => Together::default(),
        };
        self.sidebar.together_for = Some(key);
    }

    /// The Quotes tab's rows for the listed articles: grouped by speaker, the most quoted
    /// first, unnamed speakers last; within a group in list order. Made only while the tab is
    /// shown, and again only when the hits, the store or the tab's filter changed.
    fn requote(&mut self) {
        let key = (self.store.version(), self.search.generation, self.sidebar.query.clone());
        if self.sidebar.quotes_for.as_ref() == Some(&key) {
            return;
        }
        let index = self.store.index();
        let articles = self.store.articles();
        let query = self.sidebar.query.trim();
        let needle = (!query.is_empty()).then(|| crate::filter::Matcher::smart(query));
        let mut all: Vec<QuoteRow> = Vec::new();
        for h in &self.list.hits {
            let Some(a) = articles.get(h.article) else { continue };
            let speakers = index.article_quote_speakers.get(h.article);
            for (q, quote) in a.entities.quotes.iter().enumerate() {
                let who = speakers.and_then(|s| s.get(q).copied()).flatten();
                if let Some(needle) = &needle {
                    let name = who.map_or_else(|| quote.speaker_text(&a.body), |w| index.who_name(w));
                    let by_name = self.engine.matches(name, query).is_some();
                    if !by_name && !needle.is_in(quote.text(&a.body)) {
                        continue;
                    }
                }
                all.push(QuoteRow { article: h.article, quote: q, who, first: false, group: 0 });
            }
        }
        let mut sizes: rustc_hash::FxHashMap<Option<Who>, u32> = rustc_hash::FxHashMap::default();
        for r in &all {
            *sizes.entry(r.who).or_default() += 1;
        }
        // A stable sort keeps list order inside each group.
        all.sort_by(|a, b| {
            let (sa, sb) = (sizes[&a.who], sizes[&b.who]);
            a.who.is_none().cmp(&b.who.is_none()).then(sb.cmp(&sa)).then(a.who.cmp(&b.who))
        });
        let mut last: Option<Option<Who>> = None;
        for r in &mut all {
            r.group = sizes[&r.who];
            r.first = last != Some(r.who);
            last = Some(r.who);
        }
        self.sidebar.quotes = all;
        self.sidebar.quotes_for = Some(key);
        let (len, rows) = (self.sidebar.quotes.len(), self.geometry.sidebar_rows);
        self.sidebar.cursors[Tab::Quotes.index()].clamp(len, rows);
    }

    /// The first line in the reading pane.
    pub fn scroll(&self) -> usize {
        self.reader.doc.top()
    }

    /// The open article's layout, with its body to wrap more of it from.
    fn doc_and_body(&mut self) -> (&mut Document, &str) {
        let body =
            self.reader.open.and_then(|i| self.store.articles().get(i)).map_or("", |a| a.body.as_str());
        (&mut self.reader.doc, body)
    }

    /// Lay the open article out for the reader's current width: the same article keeps the text
    /// at its top, another starts at its own top.
    fn relayout(&mut self) {
        let width = self.geometry.reader_width();
        let height = self.geometry.reader_height();
        let r = &mut self.reader;
        let keep = (r.laid_out == r.open).then(|| r.doc.anchor());
        r.laid_out = r.open;
        let found_for = r.open.map(|i| (i, self.store.version(), self.filters.query.clone()));
        let found = (found_for.is_some() && found_for == r.highlights_for)
            .then(|| std::mem::take(&mut r.doc.highlights));
        r.highlights_for = found_for;
        r.doc = match r.open.and_then(|i| self.store.articles().get(i).map(|a| (i, a))) {
            Some((i, a)) => {
                let highlights = found.unwrap_or_else(|| {
                    let needles = Query::parse(&self.filters.query).needles();
                    document::highlights(a, self.store.index(), i, &needles)
                });
                let mut doc = document::layout(a, highlights, width);
                if let Some(anchor) = keep {
                    doc.restore(&a.body, anchor, height);
                }
                doc
            }
            None => Document::default(),
        };
        let (figures, rows) = (self.figures_len(), self.geometry.sidebar_rows);
        self.sidebar.cursors[Tab::Figures.index()].clamp(figures, rows);
        self.clamp_scroll();
        self.rematch();
    }

    fn rematch(&mut self) {
        let highlights = &self.reader.doc.highlights;
        let matches = (0..highlights.len()).filter(|&h| self.is_active(highlights[h].mark)).collect();
        let r = &mut self.reader;
        r.matches = matches;
        if r.current_match.is_some_and(|m| !r.matches.contains(&m)) {
            r.current_match = None;
        }
    }

    /// Lay out what the reading pane shows, the screen kept full at the end.
    fn clamp_scroll(&mut self) {
        let height = self.geometry.reader_height();
        let (doc, body) = self.doc_and_body();
        doc.settle(body, height);
    }

    fn open_article(&mut self, article: usize) {
        self.set_marks(article, |m| m.read = true);
        self.reader.open = Some(article);
        self.reader.laid_out = None;
        self.reader.current_match = None;
        self.relayout();
    }

    fn open_selected(&mut self) {
        if let Some(a) = self.list.selected_article() {
            self.open_article(a);
        }
    }

    /// Scroll so that a highlight's line is in view, a few lines from the top.
    fn show_highlight(&mut self, h: usize) {
        let height = self.geometry.reader_height();
        let (doc, body) = self.doc_and_body();
        doc.show(body, h, height);
        self.reader.current_match = Some(h);
    }

    fn step_match(&mut self, forward: bool) {
        let matches = self.reader.matches.clone();
        if matches.is_empty() {
            self.flash = Some("nothing highlighted to step through".into());
            return;
        }
        let pos = self.reader.current_match.and_then(|c| matches.iter().position(|&m| m == c));
        let start = |doc: &Document, m: usize| doc.highlights[m].range.start;
        let next = match (pos, forward) {
            (Some(p), true) => (p + 1) % matches.len(),
            (Some(p), false) => (p + matches.len() - 1) % matches.len(),
            // From nothing: the first match below (or above) what is on screen. Compared by
            // where they are in the body, which needs no line of the article wrapped.
            (None, true) => {
                let top = self.reader.doc.top_offset();
                matches.iter().position(|&m| start(&self.reader.doc, m) >= top).unwrap_or(0)
            }
            (None, false) => {
                let height = self.geometry.reader_height();
                let (doc, body) = self.doc_and_body();
                let below = doc.offset_below(body, height);
                let doc = &self.reader.doc;
                matches.iter().rposition(|&m| start(doc, m) < below).unwrap_or(matches.len() - 1)
            }
        };
        self.show_highlight(matches[next]);
    }

    fn visible_panes(&self) -> Vec<Pane> {
        let (wide, narrow) = (self.size.0 >= WIDE, self.size.0 < NARROW);
        let mut panes = vec![Pane::List, Pane::Reader];
        if wide || narrow || self.sidebar.shown {
            panes.push(Pane::Sidebar);
        }
        panes
    }

    fn set_focus(&mut self, pane: Pane) {
        if self.focus != pane {
            self.focus = pane;
            self.after_layout_change();
        }
    }

    fn cycle_focus(&mut self, forward: bool) {
        let panes = self.visible_panes();
        let at = panes.iter().position(|&p| p == self.focus).unwrap_or(0);
        let n = panes.len();
        self.set_focus(panes[if forward { (at + 1) % n } else { (at + n - 1) % n }]);
    }

    fn after_layout_change(&mut self) {
        self.measure();
        if self.geometry.reader_width() != self.reader.doc.width {
            self.relayout();
        }
        let g = &self.geometry;
        self.list.cursor.clamp(self.list.hits.len(), g.list_rows);
        let (len, rows) = (self.sidebar_len(), g.sidebar_rows);
        self.sidebar.cursor_mut().clamp(len, rows);
        self.clamp_scroll();
        self.rematch();
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Pane::List => {
                self.list.cursor.step(delta, self.list.hits.len());
                self.list.cursor.clamp(self.list.hits.len(), self.geometry.list_rows);
                if self.reader.open.is_none() {
                    self.relayout();
                }
            }
            Pane::Reader => {
                let height = self.geometry.reader_height();
                let (doc, body) = self.doc_and_body();
                doc.scroll_by(body, delta, height);
            }
            Pane::Sidebar => {
                let (len, rows) = (self.sidebar_len(), self.geometry.sidebar_rows);
                let c = self.sidebar.cursor_mut();
                c.step(delta, len);
                c.clamp(len, rows);
                self.rematch();
            }
        }
    }

    fn page(&self) -> isize {
        let rows = match self.focus {
            Pane::List => self.geometry.list_rows,
            Pane::Reader => self.geometry.reader_height().saturating_sub(1),
            Pane::Sidebar => self.geometry.sidebar_rows,
        };
        isize::try_from(rows.max(1)).unwrap_or(1)
    }

    fn activate(&mut self) {
        match self.focus {
            Pane::List => {
                self.open_selected();
                self.set_focus(Pane::Reader);
            }
            Pane::Reader => {}
            Pane::Sidebar => match self.sidebar.tab {
                Tab::People | Tab::Orgs | Tab::Tags => {
                    let c = self.sidebar.cursor();
                    let (rows, chips) = match self.sidebar.tab {
                        Tab::People => (&self.sidebar.people, &mut self.filters.people),
                        Tab::Orgs => (&self.sidebar.orgs, &mut self.filters.orgs),
                        _ => (&self.sidebar.tags, &mut self.filters.tags),
                    };
                    if let Some(row) = rows.get(c.selected) {
                        crate::filter::toggle_chip(chips, row.tally.id);
                        self.refilter();
                    }
                }
                Tab::Figures if self.sidebar.figures_all => self.filter_to_figure(),
                Tab::Figures => {
                    let i = self.sidebar.cursor().selected;
                    if let Some(h) = self.reader.doc.highlights.iter().position(|h| h.mark == Mark::Figure(i))
                    {
                        self.show_highlight(h);
                    }
                }
                Tab::Quotes => self.open_quote(),
                Tab::Time => self.filter_to_bucket(),
                Tab::With => self.filter_with(),
            },
        }
    }

    /// Only the articles of the timeline's bucket under the cursor, or every date again.
    fn filter_to_bucket(&mut self) {
        let t = &self.sidebar.timeline;
        let Some(b) = t.buckets.get(self.sidebar.cursor().selected) else { return };
        let period = Period { from: b.from, to: b.to, step: t.step };
        self.filters.period = if self.filters.period == Some(period) { None } else { Some(period) };
        self.sidebar.cursors[Tab::Time.index()] = Cursor::default();
        self.refilter();
    }

    /// Only articles quoting the figure value (or any value of the group) under the cursor.
    fn filter_to_figure(&mut self) {
        let Some(&(g, v)) = self.sidebar.group_rows.get(self.sidebar.cursor().selected) else { return };
        let Some(group) = self.sidebar.groups.get(g) else { return };
        let chip: Vec<u32> = match v {
            Some(v) => group.values.get(v).map(|&(id, _)| vec![id]).unwrap_or_default(),
            None => self.index().figures.group_values.get(group.group as usize).cloned().unwrap_or_default(),
        };
        if chip.is_empty() {
            return;
        }
        let before = self.filters.figures.len();
        self.filters.figures.retain(|c| *c != chip);
        if self.filters.figures.len() == before {
            self.filters.figures.push(chip);
        }
        self.refilter();
    }

    /// The With tab's entity and the one under the cursor, both as filters (the second taken
    /// away again when it already is one).
    fn filter_with(&mut self) {
        let (Some(anchor), Some(&(other, _))) =
            (self.sidebar.anchor, self.sidebar.together.rows.get(self.sidebar.cursor().selected))
        else {
            return;
        };
        let f = &mut self.filters;
        let on = |f: &Filters, e: Entity| match e {
            Entity::Person(id) => f.has_person(id),
            Entity::Org(id) => f.has_org(id),
            Entity::Tag(id) => f.has_tag(id),
        };
        let toggle = |f: &mut Filters, e: Entity| match e {
            Entity::Person(id) => crate::filter::toggle_chip(&mut f.people, id),
            Entity::Org(id) => crate::filter::toggle_chip(&mut f.orgs, id),
            Entity::Tag(id) => crate::filter::toggle_chip(&mut f.tags, id),
        };
        if !on(f, anchor) {
            toggle(f, anchor);
        }
        toggle(f, other);
        self.refilter();
    }

    /// `c`: who appears with the person, organisation or tag under the cursor.
    fn with(&mut self) {
        let Some(entity) = self.selected_entity().and_then(entity_of) else {
            let keys = self.keymap.hint(Action::With).unwrap_or_default();
            self.flash = Some(format!("{keys}: on a person, an organisation or a tag in the sidebar"));
            return;
        };
        self.sidebar.anchor = Some(entity);
        self.sidebar.cursors[Tab::With.index()] = Cursor::default();
        self.show_tab(Tab::With);
    }

    /// `a`: the Figures tab, switched between this article's figures and all listed articles'.
    fn figures_across(&mut self) {
        if self.sidebar.tab == Tab::Figures {
            self.sidebar.figures_all = !self.sidebar.figures_all;
        } else {
            self.sidebar.figures_all = true;
        }
        self.sidebar.cursors[Tab::Figures.index()] = Cursor::default();
        self.show_tab(Tab::Figures);
    }

    /// Switch to a tab and make sure the sidebar is on screen.
    fn show_tab(&mut self, tab: Tab) {
        self.sidebar.tab = tab;
        if !self.sidebar.shown && self.size.0 < WIDE && self.size.0 >= NARROW {
            self.sidebar.shown = true;
            self.after_layout_change();
        }
        self.set_tab(tab);
    }

    /// Open the article of the quote under the cursor at that quote.
    fn open_quote(&mut self) {
        let Some(row) = self.sidebar.quotes.get(self.sidebar.cursor().selected).copied() else { return };
        let Some(start) = self
            .store
            .articles()
            .get(row.article)
            .and_then(|a| a.entities.quotes.get(row.quote))
            .map(|q| q.quote.content.start as usize)
        else {
            return;
        };
        if let Some(i) = self.list.hits.iter().position(|h| h.article == row.article) {
            self.list.cursor.selected = i;
            self.list.cursor.clamp(self.list.hits.len(), self.geometry.list_rows);
        }
        if self.reader.open != Some(row.article) {
            self.open_article(row.article);
        }
        let height = self.geometry.reader_height();
        let (doc, body) = self.doc_and_body();
        doc.show_offset(body, start, height);
        self.reader.current_match = None;
    }

    /// "Said by": only articles quoting the speaker under the cursor, or all again.
    fn said_by(&mut self) {
        match self.selected_speaker() {
            Some(who) => {
                crate::filter::toggle_chip(&mut self.filters.said_by, who);
                self.refilter();
            }
            None => {
                let keys = self.keymap.hint(Action::SaidBy).unwrap_or_default();
                self.flash = Some(format!("{keys}: on a person, an organisation or a quote in the sidebar"));
            }
        }
    }

    /// After a filter change, show the best match when the open article no longer passes.
    fn reopen_if_filtered_out(&mut self) {
        let open = self.reader.open;
        let listed = open.is_some_and(|o| self.list.hits.iter().any(|h| h.article == o));
        if !listed {
            self.reader.open = self.list.hits.first().map(|h| h.article);
            self.reader.laid_out = None;
            self.reader.current_match = None;
        }
        self.relayout();
    }

    fn set_tab(&mut self, tab: Tab) {
        // Coming from a list of names, the With tab is about the name under the cursor there.
        if tab == Tab::With
            && self.sidebar.tab != Tab::With
            && let Some(e) = self.selected_entity().and_then(entity_of)
        {
            if self.sidebar.anchor != Some(e) {
                self.sidebar.cursors[Tab::With.index()] = Cursor::default();
            }
            self.sidebar.anchor = Some(e);
        }
        self.sidebar.tab = tab;
        self.refresh_view();
        self.rematch();
    }

    /// The prompt's text changed: filter what it targets.
    fn prompt_changed(&mut self, target: Pane, text: String) {
        match target {
            Pane::Sidebar => {
                self.sidebar.query = text;
                for tab in Tab::ALL.into_iter().filter(|t| !matches!(t, Tab::Figures | Tab::Time)) {
                    self.sidebar.cursors[tab.index()] = Cursor::default();
                }
                self.retally();
            }
            _ => {
                self.filters.query = text;
                self.list.cursor = Cursor::default();
                self.refilter();
            }
        }
    }

    fn open_prompt(&mut self) {
        let names = match self.sidebar.tab {
            Tab::Figures => self.sidebar.figures_all,
            Tab::Time => false,
            _ => true,
        };
        let target = if self.focus == Pane::Sidebar && names { Pane::Sidebar } else { Pane::List };
        let current = if target == Pane::Sidebar { &self.sidebar.query } else { &self.filters.query };
        let prompt = Prompt::new(target, current);
        if target == Pane::List && self.focus == Pane::Reader && self.size.0 < NARROW {
            self.set_focus(Pane::List);
        }
        self.overlays.push(Overlay::Prompt(prompt));
    }

    fn click(&mut self, column: u16, row: u16) {
        let Some((pane, rect)) = self.geometry.panes.hit(column, row) else { return };
        self.set_focus(pane);
        let body = super::layout::inner(rect);
        let inside = row >= body.y && row < body.y + body.height;
        match pane {
            Pane::List if inside => {
                let i = self.list.cursor.offset + usize::from((row - body.y) / super::layout::LIST_ROW_LINES);
                if i < self.list.hits.len() {
                    self.list.cursor.selected = i;
                    self.open_selected();
                }
            }
            Pane::Sidebar if inside => {
                if let Some(tab) = self.geometry.tab_at(column, row) {
                    self.set_tab(Tab::ALL[tab]);
                } else if row >= self.geometry.sidebar_body.y {
                    let i = self.sidebar.cursor().offset + usize::from(row - self.geometry.sidebar_body.y);
                    if i < self.sidebar_len() {
                        self.sidebar.cursor_mut().selected = i;
                        self.rematch();
                    }
                }
            }
            _ => {}
        }
    }

    fn scroll_at(&mut self, column: u16, row: u16, delta: isize) {
        let focus = self.focus;
        if let Some((pane, _)) = self.geometry.panes.hit(column, row) {
            self.focus = pane;
        }
        self.move_by(delta);
        self.focus = focus;
    }

    fn clear_filters(&mut self) {
        let sort = self.filters.sort;
        self.filters = Filters { sort, ..Filters::default() };
        self.bookmarked_only = false;
        self.sidebar.query.clear();
        self.refilter();
    }

    /// `q`: back a level. From the list there is nowhere further back, so it quits.
    fn back(&mut self) {
        match self.focus {
            Pane::List => self.quit = true,
            Pane::Reader | Pane::Sidebar => {
                if self.focus == Pane::Sidebar && self.size.0 < WIDE && self.size.0 >= NARROW {
                    self.sidebar.shown = false;
                }
                self.set_focus(Pane::List);
            }
        }
    }

    fn next_unread(&mut self) {
        let n = self.list.hits.len();
        let from = self.list.cursor.selected;
        // After the cursor first, then from the top: the article under the cursor comes last.
        let found = (1..=n).map(|i| (from + i) % n).find(|&i| !self.marks_of(self.list.hits[i].article).read);
        match found {
            Some(i) => {
                self.list.cursor.selected = i;
                self.list.cursor.clamp(n, self.geometry.list_rows);
                self.open_selected();
            }
            None => self.flash = Some("no unread articles in the list".into()),
        }
    }

    fn mark_all_read(&mut self) {
        let listed: Vec<usize> = self.list.hits.iter().map(|h| h.article).collect();
        let mut marked = 0;
        for a in listed {
            if !self.marks_of(a).read {
                self.set_marks(a, |m| m.read = true);
                marked += 1;
            }
        }
        self.flash = Some(format!("{} marked read", super::text::count(marked, "article", "articles")));
    }

    fn open_link(&mut self) {
        let Some(a) = self.marked_article() else { return };
        match self.store.articles()[a].url.as_deref().map(str::trim) {
            None | Some("") => self.flash = Some("this article has no link".into()),
            Some(url) if web_link(url) => self.link_to_open = Some(url.to_string()),
            Some(url) => {
                let shown = crate::corpus::safe::escaped(url);
                self.flash = Some(format!("only http and https links are opened, not {shown}"));
            }
        }
    }

    fn cycle_sort(&mut self) {
        // The cursor stays on its article, wherever the new order puts it.
        self.filters.sort = self.filters.sort.next();
        self.refilter();
    }

    /// The top overlay's turn at an action: true when it took it.
    fn overlay_takes(&mut self, action: Action) -> bool {
        // The help's length needs it laid out: only worth it while the help is on top.
        let help_extent = match self.overlays.last() {
            Some(Overlay::Help { .. }) => help::extent(self.geometry.area, &self.keymap),
            _ => (0, 0),
        };
        let messages = self.messages.len();
        let Some(top) = self.overlays.last_mut() else { return false };
        let scroll_to = |at: usize, max: usize, page: usize| -> Option<usize> {
            let page = isize::try_from(page.max(1)).unwrap_or(1);
            let by = |d: isize| Some(at.saturating_add_signed(d).min(max));
            match action {
                Action::Down | Action::ScrollDown { .. } => by(1),
                Action::Up | Action::ScrollUp { .. } => by(-1),
                Action::PageDown => by(page),
                Action::PageUp => by(-page),
                Action::Top => Some(0),
                Action::Bottom => Some(max),
                _ => None,
            }
        };
        match top {
            Overlay::Help { scroll } => {
                let (max, visible) = help_extent;
                if let Some(to) = scroll_to(*scroll, max, visible.saturating_sub(1)) {
                    *scroll = to;
                } else if matches!(action, Action::Escape | Action::Help | Action::Back) {
                    self.overlays.pop();
                }
                true
            }
            Overlay::Messages { scroll } => {
                if let Some(to) = scroll_to(*scroll, messages.saturating_sub(1), 10) {
                    *scroll = to;
                } else if matches!(action, Action::Escape | Action::Messages | Action::Back) {
                    self.overlays.pop();
                }
                true
            }
            Overlay::Prompt(p) => match action {
                Action::Edit(edit) => {
                    if p.line.edit(edit) {
                        let (target, text) = (p.target, p.line.text().to_string());
                        self.prompt_changed(target, text);
                    }
                    true
                }
                Action::Activate => {
                    self.overlays.pop();
                    true
                }
                Action::Escape => {
                    let (target, before) = (p.target, p.before.clone());
                    self.overlays.pop();
                    self.prompt_changed(target, before);
                    true
                }
                // Moving in the list, paging, clicks and the wheel work while typing.
                _ => false,
            },
        }
    }
}

/// Only a web link goes to the browser: a `file:` or `javascript:` link in a feed is not the
/// reader's to open.
fn web_link(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && url.len() > lower.find("//").map_or(0, |i| i + 2)
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The figure groups the Figures tab shows across the coverage, most quoted first: past a
/// few hundred, a group is quoted by one or two articles and `/` finds it faster than scrolling.
const MAX_GROUPS: usize = 500;

/// Rows of the With tab.
const MAX_WITH: usize = 200;

/// The highlight mark of an entity.
fn mark_of(e: Entity) -> Mark {
    match e {
        Entity::Person(id) => Mark::Person(id),
        Entity::Org(id) => Mark::Org(id),
        Entity::Tag(id) => Mark::Hashtag(id),
    }
}

/// The entity a highlight mark stands for (figures and exact matches stand for none).
fn entity_of(m: Mark) -> Option<Entity> {
    match m {
        Mark::Person(id) => Some(Entity::Person(id)),
        Mark::Org(id) => Some(Entity::Org(id)),
        Mark::Hashtag(id) | Mark::Handle(id) => Some(Entity::Tag(id)),
        Mark::Exact | Mark::Figure(_) => None,
    }
}

/// Hashtags and handles share one table, so a selected tag matches either mark.
fn same_entity(a: Mark, b: Mark) -> bool {
    match (a, b) {
        (Mark::Person(x), Mark::Person(y)) | (Mark::Org(x), Mark::Org(y)) => x == y,
        (Mark::Hashtag(x) | Mark::Handle(x), Mark::Hashtag(y) | Mark::Handle(y)) => x == y,
        _ => false,
    }
}

/// Apply one action to the app. Pure: no I/O, no terminal.
pub fn update(app: &mut App, action: Action) {
    if let Action::Resize { width, height } = action {
        app.size = (width, height);
        app.after_layout_change();
        return;
    }
    app.flash = None;
    if action == Action::Quit {
        app.quit = true;
        return;
    }
    if app.overlay_takes(action) {
        return;
    }
    match action {
        Action::Quit | Action::Resize { .. } | Action::Edit(_) => {}
        Action::Back => app.back(),
        Action::FocusNext => app.cycle_focus(true),
        Action::FocusPrev => app.cycle_focus(false),
        Action::Down => app.move_by(1),
        Action::Up => app.move_by(-1),
        Action::PageDown => app.move_by(app.page()),
        Action::PageUp => app.move_by(-app.page()),
        Action::Top => app.move_by(isize::MIN / 2),
        Action::Bottom => app.move_by(isize::MAX / 2),
        Action::Activate => app.activate(),
        Action::Filter => app.open_prompt(),
        Action::Escape => app.clear_filters(),
        Action::NextMatch => app.step_match(true),
        Action::PrevMatch => app.step_match(false),
        Action::TabPeople => app.set_tab(Tab::People),
        Action::TabOrgs => app.set_tab(Tab::Orgs),
        Action::TabTags => app.set_tab(Tab::Tags),
        Action::TabFigures => app.set_tab(Tab::Figures),
        Action::TabQuotes => app.set_tab(Tab::Quotes),
        Action::TabTime => app.set_tab(Tab::Time),
        Action::TabWith => app.set_tab(Tab::With),
        Action::FiguresAcross => app.figures_across(),
        Action::With => app.with(),
        Action::TabPrev => app.set_tab(app.sidebar.tab.step(-1)),
        Action::TabNext => app.set_tab(app.sidebar.tab.step(1)),
        Action::SaidBy => app.said_by(),
        Action::ToggleSidebar => {
            app.sidebar.shown = !app.sidebar.shown;
            let focus = if app.sidebar.shown {
                Pane::Sidebar
            } else if app.focus == Pane::Sidebar {
                Pane::Reader
            } else {
                app.focus
            };
            app.focus = focus;
            app.after_layout_change();
        }
        Action::Help => app.overlays.push(Overlay::Help { scroll: 0 }),
        Action::Messages if app.messages.is_empty() => app.flash = Some("no messages".into()),
        Action::Messages => app.overlays.push(Overlay::Messages { scroll: 0 }),
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
        Action::OpenLink => app.open_link(),
        Action::CycleSort => app.cycle_sort(),
        Action::NextUnread => app.next_unread(),
        Action::MarkAllRead => app.mark_all_read(),
        Action::Click { column, row } => app.click(column, row),
        Action::ScrollUp { column, row } => app.scroll_at(column, row, -3),
        Action::ScrollDown { column, row } => app.scroll_at(column, row, 3),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_open() {
        assert!(web_link("https://www.bbc.co.uk/news/health-36139313"));
        assert!(web_link("HTTP://example.org"));
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "https://",
            "http://a b",
            "ftp://x",
            "www.bbc.co.uk",
        ] {
            assert!(!web_link(bad), "{bad}");
        }
    }
}
