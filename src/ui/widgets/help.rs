//! The help overlay, generated from the key map.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::ui::app::App;

pub struct HelpOverlay<'a> {
    pub app: &'a App,
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = &self.app.theme;
        let rows = self.app.keymap.help_rows();
        let key_width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
        let mut lines: Vec<Line> = rows
            .iter()
            .map(|(keys, what)| {
                Line::from(vec![Span::styled(format!(" {keys:<key_width$}  "), t.title), Span::raw(*what)])
            })
            .collect();
        lines.push(Line::raw(""));
        let extra = [
            ("typing a filter", "terms must all match; #tag, @handle, 'exact word"),
            ("mouse", "click selects a row or focuses a pane; the wheel scrolls"),
        ];
        for (k, what) in extra {
            lines.push(Line::from(vec![Span::styled(format!(" {k}: "), t.meta), Span::raw(what)]));
        }
        let width = area.width.min(84);
        let height = area.height.min(u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
        let popup = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        Clear.render(popup, buf);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(t.border_focused)
                    .title(" Keys · Esc or ? closes "),
            )
            .render(popup, buf);
    }
}
