//! The article list: two lines an article, drawn only for the rows in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{StatefulWidget, Widget};

use crate::corpus::Corpus;
use crate::filter::{Engine, Hit, Query};
use crate::state::Marks;
use crate::ui::app::Cursor;
use crate::ui::document::join_names;
use crate::ui::theme::Theme;

pub struct ArticleList<'a> {
    pub corpus: &'a Corpus,
    pub engine: &'a Engine,
    /// The query, whose matched characters stand out in titles.
    pub query: &'a Query,
    pub hits: &'a [Hit],
    pub open: Option<usize>,
    /// Read and bookmarked articles, by article key.
    pub marks: &'a rustc_hash::FxHashMap<u64, Marks>,
    pub theme: &'a Theme,
}

impl StatefulWidget for ArticleList<'_> {
    type State = Cursor;

    fn render(self, area: Rect, buf: &mut Buffer, cursor: &mut Cursor) {
        if area.height == 0 || area.width == 0 {
            return;
        }
        let rows = usize::from(area.height / 2).max(1);
        for (slot, hit) in self.hits.iter().enumerate().skip(cursor.offset).take(rows) {
            let y = area.y + u16::try_from(2 * (slot - cursor.offset)).unwrap_or(u16::MAX);
            if y >= area.y + area.height {
                break;
            }
            let a = &self.corpus.articles[hit.article];
            let selected = slot == cursor.selected;
            let base = if selected { self.theme.selected } else { Style::default() };
            let marker = if Some(hit.article) == self.open { "▌" } else { " " };
            let mut spans = vec![Span::styled(marker, self.theme.border_focused)];
            let mut title_style = base.patch(self.theme.title);
            if a.title_inferred {
                title_style = title_style.patch(self.theme.meta);
            }
            // Characters of the title that the query matched stand out.
            // Only the rows on screen are matched for highlighting.
            let title_matches = if self.query.is_empty() {
                Vec::new()
            } else {
                self.engine.title_matches(&a.title, self.query)
            };
            let mut run = String::new();
            let mut run_matched = false;
            for (i, c) in a.title.chars().enumerate() {
                let m = title_matches.binary_search(&i).is_ok();
                if m != run_matched && !run.is_empty() {
                    let style = if run_matched { title_style.patch(self.theme.matched) } else { title_style };
                    spans.push(Span::styled(std::mem::take(&mut run), style));
                }
                run_matched = m;
                run.push(c);
            }
            let style = if run_matched { title_style.patch(self.theme.matched) } else { title_style };
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
            meta.push(format!("{} people · {} figures", e.people.len(), e.figures.len()));
            if y + 1 < area.y + area.height {
                let row = Rect { y: y + 1, height: 1, ..area };
                buf.set_style(row, base);
                let marks = self.marks.get(&a.key).copied().unwrap_or_default();
                let mut line = vec![Span::raw(" ")];
                if !marks.read {
                    line.push(Span::styled("• ", base.patch(self.theme.border_focused)));
                }
                if marks.bookmarked {
                    line.push(Span::styled("★ ", base.patch(self.theme.matched)));
                }
                line.push(Span::styled(meta.join(" · "), base.patch(self.theme.meta)));
                Line::from(line).render(row, buf);
            }
        }
    }
}
