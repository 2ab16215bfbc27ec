//! The status bar: how many articles pass, the active filters as chips, the answer to the last
//! key, and hints for the focused pane, every key in them taken from the key map in use.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::filter::Sort;
use crate::ui::app::{App, Progress, Tab};
use crate::ui::keymap::Action;
use crate::ui::layout::Pane;
use crate::ui::text::{count, fit};

/// The status bar.
pub struct StatusBar<'a> {
    /// The app, for its filters, keys and theme.
    pub app: &'a App,
}

/// The widest a chip of several people gets before it is cut.
const CHIP_WIDTH: usize = 48;

impl StatusBar<'_> {
    /// The chips for the active filters, as a person reads them.
    pub fn chips(app: &App) -> Vec<String> {
        let index = app.index();
        let names = |table: &crate::corpus::index::Table, chip: &[u32]| {
            chip.iter().map(|&id| table.name(id)).collect::<Vec<_>>().join(" | ")
        };
        let mut chips: Vec<String> = app
            .filters
            .people
            .iter()
            .map(|chip| fit(&format!("person: {}", names(&index.people, chip)), CHIP_WIDTH))
            .collect();
        chips.extend(
            app.filters
                .orgs
                .iter()
                .map(|chip| fit(&format!("org: {}", names(&index.orgs, chip)), CHIP_WIDTH)),
        );
        chips.extend(app.filters.said_by.iter().map(|chip| {
            let who: Vec<&str> = chip.iter().map(|&w| index.who_name(w)).collect();
            fit(&format!("said by: {}", who.join(" | ")), CHIP_WIDTH)
        }));
        chips.extend(app.filters.tags.iter().map(|chip| fit(&names(&index.tags, chip), CHIP_WIDTH)));
        if let Some(p) = app.filters.period {
            chips.push(format!("date: {}", p.label()));
        }
        chips.extend(app.filters.figures.iter().map(|chip| {
            let group = chip.first().and_then(|&v| index.figures.values.get(v as usize)).map(|v| v.group);
            let what = group.and_then(|g| index.figures.whats.get(g as usize)).map_or("", |w| &**w);
            let label = match chip.as_slice() {
                [one] => format!("figure: {} {what}", app.figure_value_text(*one)),
                _ => format!("figures: {what}"),
            };
            fit(&label, CHIP_WIDTH)
        }));
        if app.bookmarked_only {
            chips.push("bookmarked".to_string());
        }
        if app.filters.sort != Sort::Relevance {
            chips.push(format!("sort: {}", app.filters.sort.label()));
        }
        if !app.filters.query.trim().is_empty() {
            chips.push(format!("/{}", app.filters.query.trim()));
        }
        chips
    }

    /// Hints for where keys go now: the longest that fits, then the two that always matter.
    pub fn hints(app: &App) -> (String, String) {
        let keys = &app.keymap;
        let back = if app.focus == Pane::List { "quit" } else { "back" };
        let full: &[(Action, &str)] = match app.focus {
            Pane::List => &[
                (Action::Filter, "filter"),
                (Action::Activate, "open"),
                (Action::FocusNext, "pane"),
                (Action::CycleSort, "sort"),
                (Action::Escape, "clear"),
                (Action::Help, "help"),
                (Action::Back, back),
            ],
            Pane::Reader => &[
                (Action::Filter, "filter"),
                (Action::NextMatch, "next match"),
                (Action::OpenLink, "link"),
                (Action::FocusNext, "pane"),
                (Action::Help, "help"),
                (Action::Back, back),
            ],
            Pane::Sidebar if app.sidebar.tab == Tab::Quotes => &[
                (Action::Activate, "open at quote"),
                (Action::SaidBy, "said by"),
                (Action::Filter, "find"),
                (Action::TabNext, "tab"),
                (Action::Help, "help"),
                (Action::Back, back),
            ],
            Pane::Sidebar if app.sidebar.tab == Tab::Time => &[
                (Action::Activate, "only this period"),
                (Action::Escape, "clear"),
                (Action::TabNext, "tab"),
                (Action::Help, "help"),
                (Action::Back, back),
            ],
            Pane::Sidebar if app.sidebar.tab == Tab::With => &[
                (Action::Activate, "filter by both"),
                (Action::With, "with it"),
                (Action::Filter, "find"),
                (Action::TabNext, "tab"),
                (Action::Help, "help"),
                (Action::Back, back),
            ],
            Pane::Sidebar if app.sidebar.tab == Tab::Figures && app.sidebar.figures_all => &[
                (Action::Activate, "articles quoting it"),
                (Action::FiguresAcross, "this article"),
                (Action::Filter, "find"),
                (Action::TabNext, "tab"),
                (Action::Help, "help"),
                (Action::Back, back),
            ],
            Pane::Sidebar if app.sidebar.tab == Tab::Figures => &[
                (Action::Activate, "show it"),
                (Action::FiguresAcross, "all articles"),
                (Action::TabNext, "tab"),
                (Action::Help, "help"),
                (Action::Back, back),
            ],
            Pane::Sidebar if matches!(app.sidebar.tab, Tab::People | Tab::Orgs) => &[
                (Action::Activate, "filter by it"),
                (Action::SaidBy, "said by"),
                (Action::With, "with"),
                (Action::Filter, "find"),
                (Action::TabNext, "tab"),
                (Action::Help, "help"),
                (Action::Back, back),
            ],
            Pane::Sidebar => &[
                (Action::Activate, "filter by it"),
                (Action::With, "with"),
                (Action::Filter, "find"),
                (Action::TabNext, "tab"),
                (Action::Help, "help"),
                (Action::Back, back),
            ],
        };
        (keys.hints(full), keys.hints(&[(Action::Help, "help"), (Action::Back, back)]))
    }
}

/// "loading ▕██████▏ 45,000/100,000 files · 104 MB"
fn gauge(p: Progress) -> String {
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
        let (hints, short) = if let Some(p) = app.prompt() {
            let target = if p.target == Pane::Sidebar { app.sidebar.tab.title() } else { "articles" };
            spans.push(Span::styled(format!(" filter {target}: "), t.status.patch(t.title)));
            // The line with a block cursor where the next character goes.
            let (text, at) = (p.line.text(), p.line.cursor());
            let under = text[at..].chars().next();
            let after = under.map_or(at, |c| at + c.len_utf8());
            spans.push(Span::styled(text[..at].to_string(), t.status.patch(t.matched)));
            spans.push(Span::styled(under.map_or(" ".to_string(), String::from), t.chip));
            spans.push(Span::styled(text[after..].to_string(), t.status.patch(t.matched)));
            if app.searching() {
                spans.push(Span::styled(" searching…", t.status.patch(t.meta)));
            }
            ("Enter keep · Esc cancel · Ctrl-U clear".to_string(), "Enter · Esc".to_string())
        } else {
            spans.push(Span::styled(
                format!(
                    " {} of {} ",
                    crate::ui::text::thousands(app.list.hits.len()),
                    count(app.corpus().articles.len(), "article", "articles")
                ),
                t.status.patch(t.title),
            ));
            if app.searching() {
                spans.push(Span::styled("searching… ", t.status.patch(t.meta)));
            }
            if let Some(p) = app.loading {
                spans.push(Span::styled(gauge(p), t.status.patch(t.bar)));
            }
            if let Some(flash) = &app.flash {
                spans.push(Span::styled(format!(" {flash} "), t.status.patch(t.matched)));
                spans.push(Span::styled(" ", t.status));
            }
            if !app.messages.is_empty() {
                let key = app.keymap.hint(Action::Messages).map_or(String::new(), |k| format!(" ({k})"));
                spans.push(Span::styled(
                    format!(" {}{key} ", count(app.messages.len(), "message", "messages")),
                    t.chip,
                ));
                spans.push(Span::styled(" ", t.status));
            }
            for chip in StatusBar::chips(app) {
                spans.push(Span::styled(format!(" {chip} "), t.chip));
                spans.push(Span::styled(" ", t.status));
            }
            StatusBar::hints(app)
        };
        let left: usize = spans.iter().map(|s| s.content.chars().count()).sum();
        let room = usize::from(area.width).saturating_sub(left + 1);
        let hints = [hints, short].into_iter().find(|h| h.chars().count() <= room);
        if let Some(hints) = hints {
            let pad = room - hints.chars().count();
            spans.push(Span::styled(" ".repeat(pad), t.status));
            spans.push(Span::styled(hints, t.status.patch(t.meta)));
        }
        Line::from(spans).render(area, buf);
    }
}
