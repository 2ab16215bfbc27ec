//! The message list: what loading passed over or warned about, one line each, until dismissed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::ui::app::App;
use crate::ui::keymap::Action;

/// The message list, from message `scroll` on.
pub struct MessageList<'a> {
    /// The app, for its messages, keys and theme.
    pub app: &'a App,
    /// The first message shown.
    pub scroll: usize,
}

impl Widget for MessageList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let t = &app.theme;
        // Messages were made safe where they were written (file names included).
        let lines: Vec<Line> =
            app.messages.iter().skip(self.scroll).map(|m| Line::raw(format!("• {m}"))).collect();
        let width = area.width.min(100);
        let height = area.height.min(u16::try_from(app.messages.len() + 2).unwrap_or(u16::MAX).max(3));
        let popup = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        Clear.render(popup, buf);
        let keys = &app.keymap;
        let closes = [keys.hint(Action::Escape), keys.hint(Action::Messages)].into_iter().flatten();
        let scroll = [keys.hint(Action::Down), keys.hint(Action::Up)].into_iter().flatten();
        let title = format!(
            " Messages {}/{} · {} scroll · {} closes ",
            (self.scroll + 1).min(app.messages.len()),
            app.messages.len(),
            scroll.collect::<Vec<_>>().join("/"),
            closes.collect::<Vec<_>>().join(" or "),
        );
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::default().borders(Borders::ALL).border_style(t.border_focused).title(title))
            .render(popup, buf);
    }
}
