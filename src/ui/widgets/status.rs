//! The status bar: how many articles pass, the active filters as chips, and key hints.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::ui::app::App;
use crate::ui::layout::Pane;

pub struct StatusBar<'a> {
    pub app: &'a App,
}

impl StatusBar<'_> {
    /// The chips for the active filters, as a person reads them.
    pub fn chips(app: &App) -> Vec<String> {
        let names = |chip: &[_], table: &crate::corpus::index::Table| {
            chip.iter().map(|&id| table.name(id)).collect::<Vec<_>>().join(" | ")
        };
        let mut chips: Vec<String> =
            app.filters.people.iter().map(|c| format!("person: {}", names(c, &app.index.people))).collect();
        chips.extend(app.filters.tags.iter().map(|c| names(c, &app.index.tags)));
        if app.bookmarked_only {
            chips.push("bookmarked".to_string());
        }
        if !app.filters.query.trim().is_empty() {
            chips.push(format!("/{}", app.filters.query.trim()));
        }
        chips
    }
}

/// "loading ▕██████▏ 45,000/100,000 files · 104 MB"
fn gauge(p: crate::ui::app::Progress) -> String {
    const WIDTH: usize = 10;
    let filled = (p.done * WIDTH).checked_div(p.files).unwrap_or(0).min(WIDTH);
    format!(
        " loading ▕{}{}▏ {}/{} files · {:.0} MB ",
        "█".repeat(filled),
        " ".repeat(WIDTH - filled),
        p.done,
        p.files,
        p.bytes as f64 / 1e6
    )
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let t = &app.theme;
        buf.set_style(area, t.status);
        let mut spans = Vec::new();
        let hints = if let Some(p) = &app.prompt {
            let target = if p.target == Pane::Sidebar { app.tab.title() } else { "articles" };
            spans.push(Span::styled(format!(" filter {target}: "), t.status.patch(t.title)));
            spans.push(Span::styled(format!("{}▏", p.text), t.status.patch(t.matched)));
            if app.searching() {
                spans.push(Span::styled(" searching…", t.status.patch(t.meta)));
            }
            "Enter keep · Esc cancel"
        } else {
            spans.push(Span::styled(
                format!(" {} of {} articles ", app.hits.len(), app.corpus.articles.len()),
                t.status.patch(t.title),
            ));
            if app.searching() {
                spans.push(Span::styled("searching… ", t.status.patch(t.meta)));
            }
            if let Some(p) = app.loading {
                spans.push(Span::styled(gauge(p), t.status.patch(t.bar)));
            }
            if !app.messages.is_empty() {
                let n = app.messages.len();
                spans.push(Span::styled(
                    format!(" {n} message{} (!) ", if n == 1 { "" } else { "s" }),
                    t.chip,
                ));
                spans.push(Span::styled(" ", t.status));
            }
            for chip in StatusBar::chips(app) {
                spans.push(Span::styled(format!(" {chip} "), t.chip));
                spans.push(Span::styled(" ", t.status));
            }
            "/ filter · Enter open · Tab pane · 1-3 tabs · Esc clear · ? help · q quit"
        };
        let left: usize = spans.iter().map(|s| s.content.chars().count()).sum();
        let room = usize::from(area.width).saturating_sub(left + 1);
        let hints =
            if room >= hints.chars().count() || app.prompt.is_some() { hints } else { "? help · q quit" };
        if room >= hints.chars().count() {
            let pad = room - hints.chars().count();
            spans.push(Span::styled(" ".repeat(pad), t.status));
            spans.push(Span::styled(hints, t.status.patch(t.meta)));
        }
        Line::from(spans).render(area, buf);
    }
}
