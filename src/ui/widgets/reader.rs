//! The reading pane: the laid-out article with its highlights, and a scrollbar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use crate::ui::app::App;
use crate::ui::document::{LineKind, Mark};
use crate::ui::keymap::Action;

/// The reading pane's contents.
pub struct ReaderPane<'a> {
    /// The app, for the open article's layout, highlights and theme.
    pub app: &'a App,
}

/// The reader's border title, with how far through the article the screen is: 0% with its top
/// line at the top, 100% with its last line at the bottom (estimated until every block of a
/// long article has been on screen).
pub fn title(app: &App) -> String {
    let (total, height) = (app.reader.doc.len(), app.geometry.reader_height());
    if total <= height {
        return " Reader ".to_string();
    }
    let percent = (app.scroll() * 100 / (total - height)).min(100);
    format!(" Reader {percent}% ")
}

impl Widget for ReaderPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let t = &app.theme;
        if area.width == 0 || area.height == 0 {
            return;
        }
        let doc = &app.reader.doc;
        if doc.is_empty() {
            if app.list.hits.is_empty() {
                let clear =
                    app.keymap.hint(Action::Escape).map_or(String::new(), |k| format!(" {k} clears them."));
                Line::styled(format!("No article matches the filters.{clear}"), t.meta).render(area, buf);
            }
            return;
        }
        let text_area = app.geometry.reader_text.intersection(area);
        // Only what is on screen, which `update` has laid out.
        for (row, line) in doc.visible(usize::from(area.height)).enumerate() {
            let base = match line.kind {
                LineKind::Title => t.title,
                LineKind::Meta => t.meta,
                LineKind::Body | LineKind::Blank => Style::default(),
            };
            // Cut the line wherever a highlight, a quote or a note starts or ends.
            let mut cuts: Vec<usize> = vec![0, line.text.len()];
            for r in line.spans.iter().map(|(r, _)| r).chain(&line.quoted).chain(&line.notes) {
                cuts.extend([r.start, r.end]);
            }
            cuts.sort_unstable();
            cuts.dedup();
            let mut spans = Vec::with_capacity(cuts.len());
            for w in cuts.windows(2) {
                let (a, b) = (w[0], w[1]);
                let Some(text) = line.text.get(a..b) else { continue };
                let inside = |r: &std::ops::Range<usize>| r.start <= a && b <= r.end;
                let mut style = base;
                if line.quoted.iter().any(inside) {
                    style = style.patch(t.quote);
                }
                if line.notes.iter().any(inside) {
                    style = style.patch(t.speaker);
                }
                if let Some((_, h)) = line.spans.iter().find(|(r, _)| inside(r)) {
                    let mark = doc.highlights[*h].mark;
                    style = style.patch(match mark {
                        Mark::Person(_) => t.person,
                        Mark::Org(_) => t.organisation,
                        Mark::Hashtag(_) => t.hashtag,
                        Mark::Handle(_) => t.handle,
                        Mark::Figure(_) => t.figure,
                        Mark::Exact => t.emphasis,
                    });
                    if app.is_active(mark) {
                        style = style.patch(t.emphasis);
                    }
                    if app.reader.current_match == Some(*h) {
                        style = style.patch(t.current_match);
                    }
                }
                spans.push(Span::styled(text, style));
            }
            let y = area.y + u16::try_from(row).unwrap_or(u16::MAX);
            Line::from(spans).render(Rect { y, height: 1, ..text_area }, buf);
        }
        let total = doc.len();
        let visible = usize::from(area.height);
        if total > visible {
            let mut state = ScrollbarState::new(total.saturating_sub(visible))
                .position(app.scroll())
                .viewport_content_length(visible);
            let bar = app.geometry.reader_scrollbar.intersection(area);
            Scrollbar::new(ScrollbarOrientation::VerticalRight).render(bar, buf, &mut state);
        }
    }
}
