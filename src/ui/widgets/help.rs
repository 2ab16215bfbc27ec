//! The help overlay: keys, editing keys, search syntax and the mouse, generated from the key
//! map in use, scrollable, with its position in the bottom border.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::ui::app::App;
use crate::ui::help;
use crate::ui::keymap::Action;

/// The help, scrolled `scroll` lines.
pub struct HelpOverlay<'a> {
    /// The app, for its key map and theme.
    pub app: &'a App,
    /// The first line shown.
    pub scroll: usize,
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, t) = (self.app, &self.app.theme);
        let popup = help::popup(area, &app.keymap);
        let all = help::lines(&app.keymap, help::inner_width(popup.width));
        let visible = usize::from(popup.height.saturating_sub(2));
        let lines: Vec<Line> = all
            .iter()
            .skip(self.scroll)
            .take(visible)
            .map(|l| {
                if l.heading {
                    Line::styled(format!(" {}", l.text), t.title.patch(t.matched))
                } else {
                    Line::from(vec![Span::styled(l.key.clone(), t.title), Span::raw(l.text.clone())])
                }
            })
            .collect();
        let keys = &app.keymap;
        let closes = [keys.hint(Action::Escape), keys.hint(Action::Help)].into_iter().flatten();
        let title = format!(" Help · {} closes ", closes.collect::<Vec<_>>().join(" or "));
        let mut block = Block::default().borders(Borders::ALL).border_style(t.border_focused).title(title);
        if all.len() > visible {
            let last = (self.scroll + visible).min(all.len());
            let more = if last < all.len() { " ▼ more" } else { "" };
            let scroll = keys.hints(&[(Action::Down, "down"), (Action::Up, "up")]);
            block = block.title_bottom(Line::from(format!(
                " {}-{} of {}{more} · {scroll} ",
                self.scroll + 1,
                last,
                all.len()
            )));
        }
        Clear.render(popup, buf);
        Paragraph::new(lines).block(block).render(popup, buf);
    }
}
