//! The reading pane: the laid-out article with its highlights, and a scrollbar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use crate::ui::app::App;
use crate::ui::document::{LineKind, Mark};

pub struct ReaderPane<'a> {
    pub app: &'a App,
}

impl Widget for ReaderPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let t = &app.theme;
        if area.width == 0 || area.height == 0 {
            return;
        }
        if app.doc.is_empty() {
            let msg =
                if app.hits.is_empty() { "No article matches the filters. Esc clears them." } else { "" };
            Line::styled(msg, t.meta).render(area, buf);
            return;
        }
        let text_area = Rect { width: area.width.saturating_sub(1), ..area };
        // Only what is on screen, which `update` has laid out.
        for (row, line) in app.doc.visible(usize::from(area.height)).enumerate() {
            let base = match line.kind {
                LineKind::Title => t.title,
                LineKind::Meta => t.meta,
                LineKind::Body | LineKind::Blank => Style::default(),
            };
            let mut spans = Vec::with_capacity(line.spans.len() * 2 + 1);
            let mut at = 0;
            for (range, h) in &line.spans {
                if range.start > at {
                    spans.push(Span::styled(&line.text[at..range.start], base));
                }
                let mark = app.doc.highlights[*h].mark;
                let mut style = match mark {
                    Mark::Person(_) => t.person,
                    Mark::Hashtag(_) => t.hashtag,
                    Mark::Handle(_) => t.handle,
                    Mark::Figure(_) => t.figure,
                    Mark::Exact => t.emphasis,
                };
                if app.is_active(mark) {
                    style = style.patch(t.emphasis);
                }
                if app.current_match == Some(*h) {
                    style = style.patch(t.current_match);
                }
                spans.push(Span::styled(&line.text[range.clone()], style));
                at = range.end;
            }
            if at < line.text.len() {
                spans.push(Span::styled(&line.text[at..], base));
            }
            let y = area.y + u16::try_from(row).unwrap_or(u16::MAX);
            Line::from(spans).render(Rect { y, height: 1, ..text_area }, buf);
        }
        let total = app.doc.len();
        let visible = usize::from(area.height);
        if total > visible {
            let mut state = ScrollbarState::new(total.saturating_sub(visible))
                .position(app.scroll())
                .viewport_content_length(visible);
            Scrollbar::new(ScrollbarOrientation::VerticalRight).render(area, buf, &mut state);
        }
    }
}
