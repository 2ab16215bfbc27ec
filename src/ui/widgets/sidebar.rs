//! The sidebar: People, Orgs, Tags, Figures and Quotes tabs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use ratatui::layout::Direction;
use ratatui::widgets::{Bar, BarChart, BarGroup};

use crate::corpus::coverage::{Entity, Timeline};
use crate::corpus::index::Table;
use crate::corpus::{Dimension, Figure, Unit};
use crate::ui::app::{App, EntityRow, Tab};
use crate::ui::layout::Pane;
use crate::ui::text::{count, fit, thousands};

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
            Tab::Figures if app.sidebar.figures_all => {
                let (shown, total) = (app.sidebar.groups.len(), app.sidebar.groups_total);
                let groups = if shown < total {
                    format!("{} of {} groups", thousands(shown), thousands(total))
                } else {
                    count(total, "group", "groups")
                };
                format!("{groups} in {}", count(app.list.hits.len(), "article", "articles"))
            }
            Tab::Figures => count(app.sidebar_len(), "figure", "figures"),
            Tab::Time => time_summary(&app.sidebar.timeline),
            Tab::With => match app.sidebar.anchor {
                Some(e) => format!(
                    "with {} ({})",
                    e.name(app.index()),
                    count(app.sidebar.together.articles as usize, "article", "articles")
                ),
                None => "with nobody yet".to_string(),
            },
            Tab::Quotes if app.sidebar.query.is_empty() => count(app.sidebar.quotes.len(), "quote", "quotes"),
            Tab::Quotes => format!(
                "{} of {}",
                app.sidebar.quotes.len(),
                count(app.sidebar.quotes_total, "quote", "quotes")
            ),
        };
        let names = match app.sidebar.tab {
            Tab::Figures => app.sidebar.figures_all,
            Tab::Time => false,
            _ => true,
        };
        let query = if app.sidebar.query.is_empty() || !names {
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
            Tab::Figures if app.sidebar.figures_all => group_rows(app, rows, buf),
            Tab::Figures => figure_rows(app, rows, buf),
            Tab::Quotes => quote_rows(app, rows, buf),
            Tab::Time => time_rows(app, rows, buf),
            Tab::With => with_rows(app, rows, buf),
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

/// Busiest buckets marked on the timeline.
const BUSIEST: usize = 3;

/// "13,871 by hour · peak Fri 7 Aug 09:00 · 3 without a date"
fn time_summary(t: &Timeline) -> String {
    let undated = match t.undated {
        0 => String::new(),
        n => format!(" · {} without a date", thousands(n)),
    };
    let Some(step) = t.step else {
        return format!("no dates{undated}");
    };
    let peak =
        t.busiest(1).first().map_or(String::new(), |&i| format!(" · peak {}", step.label(t.buckets[i].from)));
    format!("{} by {}{peak}{undated}", thousands(t.dated()), step.name())
}

/// The timeline as a horizontal bar chart, a bucket a row, oldest at the top; the busiest are
/// marked `▲`. Bars scale to the busiest bucket of the whole timeline, not of the rows in view.
fn time_rows(app: &App, area: Rect, buf: &mut Buffer) {
    let timeline = &app.sidebar.timeline;
    let Some(step) = timeline.step else {
        let note = "Dates come from a file's own fields, a dateline, or a date in its name.";
        for (i, line) in
            textwrap::wrap(note, usize::from(area.width.saturating_sub(1)).max(8)).iter().enumerate()
        {
            let y = area.y + u16::try_from(i).unwrap_or(u16::MAX);
            if y < area.y + area.height {
                Line::styled(format!(" {line}"), app.theme.meta).render(Rect { y, height: 1, ..area }, buf);
            }
        }
        return;
    };
    let c = app.sidebar.cursor();
    let t = &app.theme;
    let busiest = timeline.busiest(BUSIEST);
    let max = timeline.buckets.iter().map(|b| u64::from(b.articles)).max().unwrap_or(0);
    let shown: Vec<(usize, &crate::corpus::coverage::Bucket)> =
        timeline.buckets.iter().enumerate().skip(c.offset).take(usize::from(area.height)).collect();
    let bars: Vec<Bar> = shown
        .iter()
        .map(|&(i, b)| {
            let mark = if busiest.contains(&i) { "▲" } else { " " };
            let label_style = if busiest.contains(&i) { t.title } else { t.meta };
            Bar::default()
                .value(u64::from(b.articles))
                .text_value(thousands(b.articles as usize))
                .label(Line::styled(format!("{mark}{}", step.label(b.from)), label_style))
        })
        .collect();
    BarChart::default()
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .bar_style(t.bar)
        .value_style(t.bar.add_modifier(ratatui::style::Modifier::REVERSED))
        .max(max.max(1))
        .data(BarGroup::default().bars(&bars))
        .render(area, buf);
    for (slot, &(i, _)) in shown.iter().enumerate() {
        let style = row_style(app, i);
        if style != Style::default() {
            let y = area.y + u16::try_from(slot).unwrap_or(u16::MAX);
            buf.set_style(Rect { y, height: 1, ..area }, style);
        }
    }
}

/// Who appears with the With tab's entity: each name in its kind's colour, the articles it
/// shares and a bar against all of the entity's articles.
fn with_rows(app: &App, area: Rect, buf: &mut Buffer) {
    let c = app.sidebar.cursor();
    let t = &app.theme;
    let index = app.index();
    let width = usize::from(area.width);
    let of = app.sidebar.together.articles as f64;
    let rows = &app.sidebar.together.rows;
    for (slot, (i, &(e, n))) in
        rows.iter().enumerate().skip(c.offset).take(usize::from(area.height)).enumerate()
    {
        let y = area.y + u16::try_from(slot).unwrap_or(u16::MAX);
        let style = row_style(app, i);
        let active = match e {
            Entity::Person(id) => app.filters.has_person(id),
            Entity::Org(id) => app.filters.has_org(id),
            Entity::Tag(id) => app.filters.has_tag(id),
        };
        let kind = match e {
            Entity::Person(_) => t.person,
            Entity::Org(_) => t.organisation,
            Entity::Tag(_) => t.hashtag,
        };
        let counts = format!(" {} {}", thousands(n as usize), bar(f64::from(n), of));
        let name_width = width.saturating_sub(counts.chars().count() + 2);
        let name = fit(e.name(index), name_width);
        let pad = " ".repeat(name_width.saturating_sub(name.chars().count()));
        let line = Line::from(vec![
            Span::styled(if active { "● " } else { "  " }, style.patch(t.border_focused)),
            Span::styled(name, style.patch(kind)),
            Span::styled(pad, style),
            Span::styled(counts, style.patch(t.bar)),
        ]);
        let r = Rect { y, height: 1, ..area };
        buf.set_style(r, style);
        line.render(r, buf);
    }
}

/// Figures of every listed article grouped by what they count: a head row per group (its words,
/// unit, and how many articles quote it; `≠` when its values disagree), then a row per value
/// with a bar, the articles quoting it and `≠` where it differs from the most quoted value by
/// more than 10%.
fn group_rows(app: &App, area: Rect, buf: &mut Buffer) {
    let c = app.sidebar.cursor();
    let t = &app.theme;
    let index = app.index();
    let width = usize::from(area.width);
    let table = &index.figures;
    for (slot, (i, &(g, v))) in
        app.sidebar.group_rows.iter().enumerate().skip(c.offset).take(usize::from(area.height)).enumerate()
    {
        let Some(group) = app.sidebar.groups.get(g) else { continue };
        let y = area.y + u16::try_from(slot).unwrap_or(u16::MAX);
        let style = row_style(app, i);
        let what = table.whats.get(group.group as usize).map_or("", |w| &**w);
        let unit = table.units.get(group.group as usize).map_or("", |u| &**u);
        let chip_on = |chip: &[u32]| app.filters.figures.iter().any(|c| c.as_slice() == chip);
        let spans = match v {
            None => {
                let all = table.group_values.get(group.group as usize).map_or(&[][..], Vec::as_slice);
                let unit = match unit {
                    "count" | "number" => String::new(),
                    u => format!(" ({u})"),
                };
                let flag = if group.disagree(index) { " ≠" } else { "" };
                let right = format!(" quoted {}×{flag}", thousands(group.quotes as usize));
                let name_width = width.saturating_sub(right.chars().count() + 2);
                let name = fit(&format!("{what}{unit}"), name_width);
                let pad = " ".repeat(name_width.saturating_sub(name.chars().count()));
                vec![
                    Span::styled(if chip_on(all) { "● " } else { "  " }, style.patch(t.border_focused)),
                    Span::styled(name, style.patch(t.title)),
                    Span::styled(pad, style),
                    Span::styled(right, style.patch(if flag.is_empty() { t.meta } else { t.matched })),
                ]
            }
            Some(v) => {
                let Some(&(id, n)) = group.values.get(v) else { continue };
                let value = |id: u32| table.values.get(id as usize).map_or(0.0, |v| v.value);
                let max = group.values.iter().map(|&(id, _)| value(id).abs()).fold(0.0, f64::max);
                let text = fit(app.figure_value_text(id), 14);
                let pad = " ".repeat(14usize.saturating_sub(text.chars().count()));
                let differs = group.differs(index, id);
                let right = format!(" {}{}", thousands(n as usize), if differs { " ≠" } else { "" });
                vec![
                    Span::styled(if chip_on(&[id]) { "  ● " } else { "    " }, style.patch(t.border_focused)),
                    Span::styled(format!("{text}{pad} "), style.patch(t.figure)),
                    Span::styled(bar(value(id).abs(), max), style.patch(t.bar)),
                    Span::styled(right, style.patch(if differs { t.matched } else { t.meta })),
                ]
            }
        };
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
