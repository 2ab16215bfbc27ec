//! The sidebar: People, Orgs, Tags, Figures and Quotes tabs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::corpus::index::Table;
use crate::corpus::{Dimension, Figure, Unit};
use crate::ui::app::{App, EntityRow, Tab};
use crate::ui::layout::Pane;
use crate::ui::text::{count, fit};

/// Columns the Figures tab gives to each bar.
const BAR_WIDTH: usize = 8;

/// The sidebar's contents: the tab line, a rule with the count, and the tab's rows.
pub struct SidebarPane<'a> {
    /// The app, for the sidebar's state, the index and the theme.
    pub app: &'a App,
}

impl Widget for SidebarPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let t = &app.theme;
        if area.width == 0 || area.height == 0 {
            return;
        }
        // Cells and labels were laid out with the rest of the screen, so a click finds them.
        for (tab, (cell, label)) in Tab::ALL.iter().zip(&app.geometry.tabs) {
            let style = if *tab == app.sidebar.tab { t.selected.patch(t.title) } else { t.meta };
            Line::styled(label.as_str(), style).render(cell.intersection(area), buf);
        }
        if area.height < 2 {
            return;
        }
        let rule = "─".repeat(usize::from(area.width));
        let summary = match app.sidebar.tab {
            Tab::People => count(app.sidebar.people.len(), "person", "people"),
            Tab::Orgs => count(app.sidebar.orgs.len(), "organisation", "organisations"),
            Tab::Tags => count(app.sidebar.tags.len(), "tag", "tags"),
            Tab::Figures => count(app.sidebar_len(), "figure", "figures"),
            Tab::Quotes if app.sidebar.query.is_empty() => count(app.sidebar.quotes.len(), "quote", "quotes"),
            Tab::Quotes => format!(
                "{} of {}",
                app.sidebar.quotes.len(),
                count(app.sidebar.quotes_total, "quote", "quotes")
            ),
        };
        let query = if app.sidebar.query.is_empty() || app.sidebar.tab == Tab::Figures {
            String::new()
        } else {
            format!(" /{}", app.sidebar.query)
        };
        let head = format!("─ {summary}{query} {rule}");
        let head: String = head.chars().take(usize::from(area.width)).collect();
        Line::styled(head, t.border).render(Rect { y: area.y + 1, height: 1, ..area }, buf);
        let rows = app.geometry.sidebar_body.intersection(area);
        match app.sidebar.tab {
            Tab::People => entity_rows(app, &app.sidebar.people, &app.index().people, rows, buf),
            Tab::Orgs => entity_rows(app, &app.sidebar.orgs, &app.index().orgs, rows, buf),
            Tab::Tags => entity_rows(app, &app.sidebar.tags, &app.index().tags, rows, buf),
            Tab::Figures => figure_rows(app, rows, buf),
            Tab::Quotes => quote_rows(app, rows, buf),
        }
    }
}

fn row_style(app: &App, i: usize) -> Style {
    let focused = app.focus == Pane::Sidebar;
    if i == app.sidebar.cursor().selected && focused { app.theme.selected } else { Style::default() }
}

fn entity_rows(app: &App, rows: &[EntityRow], table: &Table, area: Rect, buf: &mut Buffer) {
    let c = app.sidebar.cursor();
    let t = &app.theme;
    let width = usize::from(area.width);
    for (slot, (i, row)) in rows.iter().enumerate().skip(c.offset).take(usize::from(area.height)).enumerate()
    {
        let y = area.y + u16::try_from(slot).unwrap_or(u16::MAX);
        let style = row_style(app, i);
        // Articles, mentions, and quotes where the entity speaks.
        let said = if row.quotes > 0 { format!(" · {}”", row.quotes) } else { String::new() };
        let counts = format!(" {} · {}×{said}", row.tally.articles, row.tally.mentions);
        let mark = if row.active { "● " } else { "  " };
        let name_width = width.saturating_sub(counts.chars().count() + 2);
        let name = fit(table.name(row.tally.id), name_width);
        let pad = " ".repeat(name_width.saturating_sub(name.chars().count()));
        let name_style = if row.active { style.patch(t.emphasis) } else { style.patch(t.title) };
        let line = Line::from(vec![
            Span::styled(mark, style.patch(t.border_focused)),
            Span::styled(name, name_style),
            Span::styled(pad, style),
            Span::styled(counts, style.patch(t.meta)),
        ]);
        let r = Rect { y, height: 1, ..area };
        buf.set_style(r, style);
        line.render(r, buf);
    }
}

/// The most of the row a speaker's name takes in the Quotes tab, as a share of its width.
const SPEAKER_SHARE: usize = 2;

/// Quotes grouped by speaker: the first row of a group names the speaker and the group's size,
/// the rows below it are indented under the name; every row then shows the start of its quote.
/// Quotes with no speaker the article names are last, each with the words the text gives
/// ("a spokesman").
fn quote_rows(app: &App, area: Rect, buf: &mut Buffer) {
    let c = app.sidebar.cursor();
    let t = &app.theme;
    let index = app.index();
    let articles = &app.corpus().articles;
    let width = usize::from(area.width);
    for (slot, (i, row)) in
        app.sidebar.quotes.iter().enumerate().skip(c.offset).take(usize::from(area.height)).enumerate()
    {
        let Some(a) = articles.get(row.article) else { continue };
        let Some(q) = a.entities.quotes.get(row.quote) else { continue };
        let y = area.y + u16::try_from(slot).unwrap_or(u16::MAX);
        let style = row_style(app, i);
        let active = row.who.is_some_and(|w| app.filters.has_speaker(w));
        let mut spans = vec![Span::styled(if active { "●" } else { " " }, style.patch(t.border_focused))];
        // The speaker heads the group, and the top row on screen says whose group it is.
        if row.first || i == c.offset {
            let who = row.who.map_or("unnamed", |w| index.who_name(w));
            let name = fit(who, width / SPEAKER_SHARE);
            let name_style = if active {
                style.patch(t.emphasis)
            } else if row.who.is_some() {
                style.patch(t.title)
            } else {
                style.patch(t.meta)
            };
            spans.push(Span::styled(name, name_style));
            spans.push(Span::styled(format!(" {} ", row.group), style.patch(t.meta)));
        } else {
            spans.push(Span::styled("   ", style));
        }
        if row.who.is_none() {
            let said = fit(q.speaker_text(&a.body), width / 4);
            if !said.is_empty() {
                spans.push(Span::styled(format!("{said}: "), style.patch(t.meta)));
            }
        }
        let used: usize = spans.iter().map(|s| s.content.chars().count()).sum();
        let text: String = q.text(&a.body).split_whitespace().collect::<Vec<_>>().join(" ");
        spans.push(Span::styled(fit(&text, width.saturating_sub(used)), style.patch(t.quote)));
        let r = Rect { y, height: 1, ..area };
        buf.set_style(r, style);
        Line::from(spans).render(r, buf);
    }
}

fn figure_rows(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(article) = app.current_article() else { return };
    let body = &app.corpus().articles[article].body;
    let figures = &app.corpus().articles[article].entities.figures;
    let c = app.sidebar.cursor();
    let t = &app.theme;
    // Bars compare figures of one unit: each is scaled to the largest of its unit here.
    let max_of =
        |unit: Unit| figures.iter().filter(|f| f.unit == unit).map(|f| f.value.abs()).fold(0.0, f64::max);
    let comparable = |unit: Unit| amount(unit) && figures.iter().filter(|f| f.unit == unit).count() > 1;
    let text_width = figures.iter().map(|f| f.text(body).chars().count()).max().unwrap_or(0).min(16);
    // Bars take room only when some figure here has one; the context gets the rest.
    let bar_width = if figures.iter().any(|f| comparable(f.unit)) { BAR_WIDTH + 1 } else { 0 };
    for (slot, (i, f)) in figures.iter().enumerate().skip(c.offset).take(usize::from(area.height)).enumerate()
    {
        let y = area.y + u16::try_from(slot).unwrap_or(u16::MAX);
        let style = row_style(app, i);
        let text = fit(f.text(body), text_width);
        let pad = " ".repeat(text_width.saturating_sub(text.chars().count()));
        let bar = match bar_width {
            0 => String::new(),
            _ if comparable(f.unit) => format!("{} ", bar(f.value.abs(), max_of(f.unit))),
            _ => " ".repeat(bar_width),
        };
        let used = 1 + text_width + 1 + bar_width;
        let context = fit(&wide_context(f, body), usize::from(area.width).saturating_sub(used));
        let line = Line::from(vec![
            Span::raw(" "),
            Span::styled(format!("{text}{pad} "), style.patch(t.figure)),
            Span::styled(bar, style.patch(t.bar)),
            Span::styled(context, style.patch(t.meta)),
        ]);
        let r = Rect { y, height: 1, ..area };
        buf.set_style(r, style);
        line.render(r, buf);
    }
}

/// Can figures of this unit be compared by their size? Dates, clock times and bare numbers
/// (scores, ratios) are no amounts, and neither is a temperature: 20C is not twice 10C. Other
/// measures are compared only with measures of their own dimension (a length with lengths),
/// which `Unit::Measure` carries, so their bars never set metres against kilograms.
fn amount(unit: Unit) -> bool {
    match unit {
        Unit::Percent | Unit::Money | Unit::Count | Unit::Duration | Unit::Age => true,
        Unit::Measure(d) => d != Dimension::Temperature,
        Unit::Time | Unit::Date | Unit::Number => false,
    }
}

/// A horizontal bar of `BAR_WIDTH` cells, in eighths.
fn bar(value: f64, max: f64) -> String {
    const EIGHTHS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
    if max <= 0.0 || !value.is_finite() {
        return " ".repeat(BAR_WIDTH);
    }
    let eighths = ((value / max) * (BAR_WIDTH * 8) as f64).round() as usize;
    let eighths = eighths.clamp(1, BAR_WIDTH * 8);
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push(EIGHTHS[eighths % 8 - 1]);
    }
    let len = s.chars().count();
    s + &" ".repeat(BAR_WIDTH - len)
}

/// What a figure counts, as much of it as there is room for: a context that follows the figure
/// runs on to the end of its sentence (a wide sidebar shows it all, a narrow one cuts it).
fn wide_context(f: &Figure, body: &str) -> String {
    let context = f.context(body);
    let (start, end) = (f.context.start as usize, f.context.end as usize);
    if start < f.span.end as usize || context.is_empty() {
        return context.to_string();
    }
    let rest = body.get(end..).unwrap_or("");
    let stop = rest.find(['.', '!', '?', '\n']).unwrap_or(rest.len()).min(200);
    let stop = (0..=stop).rev().find(|&i| rest.is_char_boundary(i)).unwrap_or(0);
    format!("{context}{}", &rest[..stop]).trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest() {
        assert_eq!(bar(98.0, 98.0), "████████");
        assert_eq!(bar(49.0, 98.0).trim_end(), "████");
        assert_eq!(bar(0.0, 98.0).chars().count(), BAR_WIDTH);
    }

    #[test]
    fn measures_and_ages_have_bars_but_temperatures_do_not() {
        assert!(amount(Unit::Age));
        assert!(amount(Unit::Measure(Dimension::Length)));
        assert!(!amount(Unit::Measure(Dimension::Temperature)));
        assert!(!amount(Unit::Date));
        // One bar scale per dimension: a length is never measured against a mass.
        assert_ne!(Unit::Measure(Dimension::Length), Unit::Measure(Dimension::Mass));
    }
}
