//! One widget per part of the screen, and the screen itself (`impl Widget for &App`). Widgets
//! read where things go from `App::geometry`, the same numbers `update` used.

pub mod help;
pub mod list;
pub mod messages;
pub mod reader;
pub mod sidebar;
pub mod status;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, StatefulWidget, Widget};

use super::app::{App, Overlay};
use super::layout::{Pane, inner};

fn frame(app: &App, pane: Pane, title: String, area: Rect, buf: &mut Buffer) {
    let style = if app.focus == pane { app.theme.border_focused } else { app.theme.border };
    Block::default().borders(Borders::ALL).border_style(style).title(title).render(area, buf);
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // Drawn where `update` measured; a frame of another size waits for its resize event.
        let area = area.intersection(self.geometry.area);
        let g = &self.geometry;
        if let Some(r) = g.panes.list {
            let n = crate::ui::text::thousands;
            let title = format!(" Articles {}/{} ", n(self.list.hits.len()), n(self.corpus().articles.len()));
            frame(self, Pane::List, title, r, buf);
            let mut cursor = self.list.cursor;
            let query = crate::filter::Query::parse(&self.filters.query);
            list::ArticleList { app: self, query: &query }.render(inner(r), buf, &mut cursor);
        }
        if let Some(r) = g.panes.reader {
            frame(self, Pane::Reader, reader::title(self), r, buf);
            reader::ReaderPane { app: self }.render(inner(r), buf);
        }
        if let Some(r) = g.panes.sidebar {
            // Over the reader at medium widths, so clear what is underneath.
            Clear.render(r, buf);
            frame(self, Pane::Sidebar, " Sidebar ".to_string(), r, buf);
            sidebar::SidebarPane { app: self }.render(inner(r), buf);
        }
        if let Some(r) = g.panes.status {
            status::StatusBar { app: self }.render(r, buf);
        }
        for overlay in &self.overlays {
            match overlay {
                Overlay::Help { scroll } => {
                    help::HelpOverlay { app: self, scroll: *scroll }.render(area, buf)
                }
                Overlay::Messages { scroll } => {
                    messages::MessageList { app: self, scroll: *scroll }.render(area, buf);
                }
                // The prompt is drawn in the status bar.
                Overlay::Prompt(_) => {}
            }
        }
    }
}
