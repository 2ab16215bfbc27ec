//! The message list: what loading passed over or warned about, one line each, until dismissed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::ui::app::App;

pub struct MessageList<'a> {
    pub app: &'a App,
}

impl Widget for MessageList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let t = &app.theme;
        // Messages were made safe where they were written (file names included).
        let lines: Vec<Line> =
            app.messages.iter().skip(app.messages_scroll).map(|m| Line::raw(format!("• {m}"))).collect();
        let width = area.width.min(100);
        let height = area.height.min(u16::try_from(app.messages.len() + 2).unwrap_or(u16::MAX).max(3));
        let popup = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        Clear.render(popup, buf);
        let title = format!(
            " Messages {}/{} · j/k scroll · Esc or ! closes ",
            (app.messages_scroll + 1).min(app.messages.len()),
            app.messages.len()
        );
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::default().borders(Borders::ALL).border_style(t.border_focused).title(title))
            .render(popup, buf);
    }
}
