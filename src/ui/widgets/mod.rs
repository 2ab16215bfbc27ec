//! One widget per part of the screen, and the screen itself (`impl Widget for &App`).

pub mod help;
pub mod list;
pub mod messages;
pub mod reader;
pub mod sidebar;
pub mod status;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, StatefulWidget, Widget};

use super::app::App;
use super::layout::{Pane, Panes, inner};

fn frame(app: &App, pane: Pane, title: String, area: Rect, buf: &mut Buffer) {
    let style = if app.focus == pane { app.theme.border_focused } else { app.theme.border };
    Block::default().borders(Borders::ALL).border_style(style).title(title).render(area, buf);
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let panes = Panes::compute(area, self.focus, self.sidebar_shown);
        if let Some(r) = panes.list {
            let title = format!(" Articles {}/{} ", self.hits.len(), self.corpus.articles.len());
            frame(self, Pane::List, title, r, buf);
            let mut cursor = self.list;
            let query = crate::filter::Query::parse(&self.filters.query);
            list::ArticleList {
                corpus: &self.corpus,
                engine: &self.engine,
                query: &query,
                hits: &self.hits,
                open: self.open,
                marks: &self.marks,
                theme: &self.theme,
            }
            .render(inner(r), buf, &mut cursor);
        }
        if let Some(r) = panes.reader {
            // Estimated, until every block of a long article has been on screen.
            let title = match self.doc.len() {
                0 => " Reader ".to_string(),
                n => format!(" Reader {}% ", (self.scroll() + usize::from(inner(r).height)).min(n) * 100 / n),
            };
            frame(self, Pane::Reader, title, r, buf);
            reader::ReaderPane { app: self }.render(inner(r), buf);
        }
        if let Some(r) = panes.sidebar {
            // Over the reader at medium widths, so clear what is underneath.
            Clear.render(r, buf);
            frame(self, Pane::Sidebar, " Sidebar ".to_string(), r, buf);
            sidebar::SidebarPane { app: self }.render(inner(r), buf);
        }
        if let Some(r) = panes.status {
            status::StatusBar { app: self }.render(r, buf);
        }
        if self.messages_open {
            messages::MessageList { app: self }.render(area, buf);
        }
        if self.help {
            help::HelpOverlay { app: self }.render(area, buf);
        }
    }
}
