//! Each pane's own state: the list's hits and cursor, the reader's open article and layout,
//! the sidebar's tab, rows and cursors. `App` is made of these; `update` changes them.

use super::document::Document;
use crate::corpus::coverage::{Entity, GroupSummary, Timeline, Together};
use crate::corpus::index::{Tally, Who};
use crate::filter::Hit;

/// A tab of the sidebar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tab {
    /// People in the listed articles.
    #[default]
    People,
    /// Organisations in the listed articles.
    Orgs,
    /// Hashtags and @handles in the listed articles.
    Tags,
    /// Figures in the current article.
    Figures,
    /// Quotes of the listed articles, grouped by speaker.
    Quotes,
    /// The listed articles counted per hour, day, week or month.
    Time,
    /// Who appears with a person, organisation or tag in the listed articles.
    With,
}

impl Tab {
    /// The tabs, left to right.
    pub const ALL: [Tab; 7] =
        [Tab::People, Tab::Orgs, Tab::Tags, Tab::Figures, Tab::Quotes, Tab::Time, Tab::With];

    /// The tab's name on screen.
    pub fn title(self) -> &'static str {
        match self {
            Tab::People => "People",
            Tab::Orgs => "Orgs",
            Tab::Tags => "Tags",
            Tab::Figures => "Figures",
            Tab::Quotes => "Quotes",
            Tab::Time => "Time",
            Tab::With => "With",
        }
    }

    /// A shorter name, for a narrow sidebar.
    pub fn short(self) -> &'static str {
        match self {
            Tab::Figures => "Figs",
            t => t.title(),
        }
    }

    /// The titles of all tabs, left to right.
    pub fn titles() -> [&'static str; 7] {
        Tab::ALL.map(Tab::title)
    }

    /// Where the tab is, left to right.
    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|&t| t == self).unwrap_or(0)
    }

    /// The tab `step` places to the right, round the end.
    pub fn step(self, step: isize) -> Tab {
        let n = Tab::ALL.len() as isize;
        Tab::ALL[(self.index() as isize + step).rem_euclid(n) as usize]
    }

    /// A tab of names (people, organisations, tags) that `/` filters and `Enter` filters by.
    pub fn lists_entities(self) -> bool {
        matches!(self, Tab::People | Tab::Orgs | Tab::Tags)
    }
}

/// A scrollable list's position.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    /// The row the cursor is on.
    pub selected: usize,
    /// The first row on screen.
    pub offset: usize,
}

impl Cursor {
    /// Keep the cursor within `len` rows and on screen, `visible` rows at a time.
    pub fn clamp(&mut self, len: usize, visible: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
        self.offset = self.offset.min(len.saturating_sub(visible));
    }

    /// Move by `delta` rows, staying within `len`.
    pub fn step(&mut self, delta: isize, len: usize) {
        self.selected = self.selected.saturating_add_signed(delta).min(len.saturating_sub(1));
    }
}

/// One row of the People, Orgs or Tags tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityRow {
    /// Who or what, and how often in the listed articles.
    pub tally: Tally,
    /// The list is filtered by it.
    pub active: bool,
    /// How many quotes it has in the listed articles (people and organisations).
    pub quotes: u32,
}

/// One row of the Quotes tab: a quote, in a group of its speaker's quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteRow {
    /// The article, by its position in the store.
    pub article: usize,
    /// The quote, by its position in the article's quotes.
    pub quote: usize,
    /// Who said it, when the article says.
    pub who: Option<Who>,
    /// The first row of its speaker's group.
    pub first: bool,
    /// How many quotes its speaker's group holds.
    pub group: u32,
}

/// The article list.
#[derive(Debug, Clone, Default)]
pub struct ListState {
    /// The articles that pass the filters, in the order shown.
    pub hits: Vec<Hit>,
    /// The cursor over `hits`.
    pub cursor: Cursor,
}

impl ListState {
    /// The article under the cursor.
    pub fn selected_article(&self) -> Option<usize> {
        self.hits.get(self.cursor.selected).map(|h| h.article)
    }
}

/// The reading pane.
#[derive(Debug, Clone, Default)]
pub struct ReaderState {
    /// The article shown.
    pub open: Option<usize>,
    /// The open article laid out, and how far it is scrolled.
    pub doc: Document,
    /// The article `doc` was laid out from; a new layout of it keeps its place.
    pub(crate) laid_out: Option<usize>,
    /// What `doc.highlights` were found for (article, store version, query): a new layout for
    /// the same reuses them, which in a long article costs more than the layout.
    pub(crate) highlights_for: Option<(usize, u64, String)>,
    /// Highlights that n/N step through, as indices into `doc.highlights`.
    pub matches: Vec<usize>,
    /// The highlight n/N last went to.
    pub current_match: Option<usize>,
}

/// The sidebar.
#[derive(Debug, Clone, Default)]
pub struct SidebarState {
    /// The tab shown.
    pub tab: Tab,
    /// The sidebar's own filter over names.
    pub query: String,
    /// Rows of the People tab.
    pub people: Vec<EntityRow>,
    /// Rows of the Orgs tab.
    pub orgs: Vec<EntityRow>,
    /// Rows of the Tags tab.
    pub tags: Vec<EntityRow>,
    /// Rows of the Quotes tab, made only while it is shown (see `quotes_for`).
    pub quotes: Vec<QuoteRow>,
    /// The store version and generation of hits `quotes` was made for.
    pub(crate) quotes_for: Option<(u64, u64, String)>,
    /// Quotes in the listed articles, rows or not.
    pub quotes_total: usize,
    /// The Figures tab shows the figures of every listed article, grouped, rather than the
    /// open article's.
    pub figures_all: bool,
    /// The figure groups of the listed articles, made only while shown (see `groups_for`).
    pub groups: Vec<GroupSummary>,
    /// The Figures tab's rows when `figures_all`: a group (index into `groups`) and, below its
    /// head row, each of its values (index into its `values`).
    pub group_rows: Vec<(usize, Option<usize>)>,
    /// Groups in the listed articles, shown or not (the tab shows the most quoted).
    pub groups_total: usize,
    pub(crate) groups_for: Option<(u64, u64, String)>,
    /// The listed articles over time, made only while the Time tab is shown.
    pub timeline: Timeline,
    pub(crate) timeline_for: Option<(u64, u64)>,
    /// Whom the With tab is about.
    pub anchor: Option<Entity>,
    /// Who appears with `anchor` in the listed articles.
    pub together: Together,
    pub(crate) together_for: Option<(u64, u64, Option<Entity>, String)>,
    /// One cursor per tab, kept when switching.
    pub cursors: [Cursor; 7],
    /// Below the wide layout the sidebar shows only when asked for.
    pub shown: bool,
}

impl SidebarState {
    /// The cursor of the tab shown.
    pub fn cursor(&self) -> Cursor {
        self.cursors[self.tab.index()]
    }

    /// The cursor of the tab shown, to move it.
    pub fn cursor_mut(&mut self) -> &mut Cursor {
        &mut self.cursors[self.tab.index()]
    }
}
