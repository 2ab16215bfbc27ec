//! The article list: two lines an article, drawn only for the rows in view. The cursor row is
//! in reverse video with a `›` in the gutter, the open article has a `▌`: the two differ on
//! any terminal, with or without colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{StatefulWidget, Widget};

use crate::filter::Query;
use crate::ui::app::{App, Cursor};
use crate::ui::document::join_names;
use crate::ui::layout::{LIST_ROW_LINES, Pane};
use crate::ui::text::{count, fit};

/// The list of the articles that pass the filters.
pub struct ArticleList<'a> {
    /// The app, for its hits, marks, store and theme.
    pub app: &'a App,
    /// The query, whose matched characters stand out in titles.
    pub query: &'a Query,
}

/// Columns before a title: the cursor mark, then the open-article mark.
const GUTTER: usize = 2;

impl StatefulWidget for ArticleList<'_> {
    type State = Cursor;

    fn render(self, area: Rect, buf: &mut Buffer, cursor: &mut Cursor) {
        if area.height == 0 || area.width == 0 {
            return;
        }
        let app = self.app;
        let theme = &app.theme;
        let rows = usize::from(area.height / LIST_ROW_LINES).max(1);
        let width = usize::from(area.width);
        for (slot, hit) in app.list.hits.iter().enumerate().skip(cursor.offset).take(rows) {
            let y = area.y
                + u16::try_from(usize::from(LIST_ROW_LINES) * (slot - cursor.offset)).unwrap_or(u16::MAX);
            if y >= area.y + area.height {
                break;
            }
            let a = &app.corpus().articles[hit.article];
            let selected = slot == cursor.selected;
            // The cursor shows strongest where keys go; elsewhere it keeps its gutter mark.
            let base = if selected && app.focus == Pane::List { theme.selected } else { Style::default() };
            let pointer = if selected { "›" } else { " " };
            let open = if Some(hit.article) == app.reader.open { "▌" } else { " " };
            let mut spans = vec![
                Span::styled(pointer, base.patch(theme.title)),
                Span::styled(open, base.patch(theme.border_focused)),
            ];
            let mut title_style = base.patch(theme.title);
            if a.title_inferred {
                title_style = title_style.patch(theme.meta);
            }
            let title = fit(&a.title, width.saturating_sub(GUTTER));
            // Characters of the title that the query matched stand out; only rows on screen
            // are matched for it.
            let title_matches = if self.query.is_empty() {
                Vec::new()
            } else {
                app.engine.title_matches(&a.title, self.query)
            };
            let mut run = String::new();
            let mut run_matched = false;
            for (i, c) in title.chars().enumerate() {
                let m = title_matches.binary_search(&i).is_ok();
                if m != run_matched && !run.is_empty() {
                    let style = if run_matched { title_style.patch(theme.matched) } else { title_style };
                    spans.push(Span::styled(std::mem::take(&mut run), style));
                }
                run_matched = m;
                run.push(c);
            }
            let style = if run_matched { title_style.patch(theme.matched) } else { title_style };
            spans.push(Span::styled(run, style));
            let row = Rect { y, height: 1, ..area };
            buf.set_style(row, base);
            Line::from(spans).render(row, buf);

            let mut meta = Vec::new();
            if let Some(d) = a.date {
                meta.push(d.to_string());
            }
            if !a.authors.is_empty() {
                meta.push(join_names(&a.authors));
            }
            let e = &a.entities;
            meta.push(count(e.people.len(), "person", "people"));
            meta.push(count(e.figures.len(), "figure", "figures"));
            if y + 1 < area.y + area.height {
                let row = Rect { y: y + 1, height: 1, ..area };
                buf.set_style(row, base);
                let marks = app.marks.get(&a.key).copied().unwrap_or_default();
                let mut line = vec![Span::styled(pointer, base.patch(theme.title)), Span::raw(" ")];
                let mut used = GUTTER;
                if !marks.read {
                    line.push(Span::styled("• ", base.patch(theme.border_focused)));
                    used += 2;
                }
                if marks.bookmarked {
                    line.push(Span::styled("★ ", base.patch(theme.matched)));
                    used += 2;
                }
                let meta = fit(&meta.join(" · "), width.saturating_sub(used));
                line.push(Span::styled(meta, base.patch(theme.meta)));
                Line::from(line).render(row, buf);
            }
        }
    }
}
