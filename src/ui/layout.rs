//! Where everything goes for a given terminal size: panes, rows, the scrollbar column, the
//! sidebar's tabs. Computed once per change of size, focus or sidebar (`Geometry::compute`) and
//! read by both `update` (paging, clicks) and the widgets, so that they cannot disagree.

use ratatui::layout::Rect;

/// One of the three panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The article list.
    List,
    /// The reading pane.
    Reader,
    /// People, tags and figures.
    Sidebar,
}

/// At this width and above all three panes show side by side.
pub const WIDE: u16 = 100;
/// Below this width one pane shows at a time.
pub const NARROW: u16 = 60;

/// Where each pane goes (with its border); `None` for a pane not on screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    /// The article list.
    pub list: Option<Rect>,
    /// The reading pane.
    pub reader: Option<Rect>,
    /// The sidebar.
    pub sidebar: Option<Rect>,
    /// The status bar, one line at the bottom.
    pub status: Option<Rect>,
}

impl Panes {
    /// Panes for a screen area, with `focus` shown when only one pane fits.
    pub fn compute(area: Rect, focus: Pane, sidebar_shown: bool) -> Panes {
        let mut p = Panes::default();
        if area.width == 0 || area.height == 0 {
            return p;
        }
        let main_height = if area.height >= 2 { area.height - 1 } else { area.height };
        if area.height >= 2 {
            p.status = Some(Rect { y: area.y + main_height, height: 1, ..area });
        }
        let main = Rect { height: main_height, ..area };
        let w = main.width;
        if w >= WIDE {
            let list_w = w * 28 / 100;
            let side_w = w * 26 / 100;
            p.list = Some(Rect { width: list_w, ..main });
            p.reader = Some(Rect { x: main.x + list_w, width: w - list_w - side_w, ..main });
            p.sidebar = Some(Rect { x: main.x + w - side_w, width: side_w, ..main });
        } else if w >= NARROW {
            let list_w = w * 38 / 100;
            let reader = Rect { x: main.x + list_w, width: w - list_w, ..main };
            p.list = Some(Rect { width: list_w, ..main });
            p.reader = Some(reader);
            if sidebar_shown {
                // Over the right of the reader.
                let side_w = reader.width.min(40);
                p.sidebar = Some(Rect { x: reader.x + reader.width - side_w, width: side_w, ..reader });
            }
        } else {
            match focus {
                Pane::List => p.list = Some(main),
                Pane::Reader => p.reader = Some(main),
                Pane::Sidebar => p.sidebar = Some(main),
            }
        }
        p
    }

    /// The pane under a screen cell; the sidebar wins where it lies over the reader.
    pub fn hit(&self, column: u16, row: u16) -> Option<(Pane, Rect)> {
        let inside = |r: &Rect| column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height;
        [(Pane::Sidebar, self.sidebar), (Pane::List, self.list), (Pane::Reader, self.reader)]
            .into_iter()
            .find_map(|(pane, r)| r.filter(inside).map(|r| (pane, r)))
    }

    /// Where a pane is, if it is on screen.
    pub fn rect(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::List => self.list,
            Pane::Reader => self.reader,
            Pane::Sidebar => self.sidebar,
        }
    }
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// Lines each article takes in the list: its title, then date, byline and counts.
pub const LIST_ROW_LINES: u16 = 2;
/// Lines above the sidebar's rows: the tabs and a rule with the count.
pub const SIDEBAR_HEAD_LINES: u16 = 2;

/// Everything `update` and the widgets need to agree on for one screen size.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Geometry {
    /// The whole screen.
    pub area: Rect,
    /// The panes, with borders.
    pub panes: Panes,
    /// Articles the list shows at once (at least 1).
    pub list_rows: usize,
    /// The reader's text: inside its border, less the scrollbar column.
    pub reader_text: Rect,
    /// The reader's scrollbar column.
    pub reader_scrollbar: Rect,
    /// Rows of the sidebar's current tab shown at once (at least 1).
    pub sidebar_rows: usize,
    /// The sidebar's rows, below the tabs and the rule.
    pub sidebar_body: Rect,
    /// Each tab's cell on the tab line, and its label, all labels in one style.
    pub tabs: Vec<(Rect, String)>,
}

impl Geometry {
    /// The geometry of a screen `area`; `titles` are the sidebar's tab names.
    pub fn compute(
        area: Rect,
        focus: Pane,
        sidebar_shown: bool,
        titles: &[&str],
        short: &[&str],
    ) -> Geometry {
        let panes = Panes::compute(area, focus, sidebar_shown);
        let list = panes.list.map(inner).unwrap_or_default();
        let reader = panes.reader.map(inner).unwrap_or_default();
        let sidebar = panes.sidebar.map(inner).unwrap_or_default();
        let reader_text = Rect { width: reader.width.saturating_sub(1), ..reader };
        let reader_scrollbar = Rect { x: reader.x + reader_text.width, width: reader.width.min(1), ..reader };
        let sidebar_body = Rect {
            y: sidebar.y + SIDEBAR_HEAD_LINES.min(sidebar.height),
            height: sidebar.height.saturating_sub(SIDEBAR_HEAD_LINES),
            ..sidebar
        };
        Geometry {
            area,
            panes,
            list_rows: usize::from(list.height / LIST_ROW_LINES).max(1),
            reader_text,
            reader_scrollbar,
            sidebar_rows: usize::from(sidebar_body.height).max(1),
            sidebar_body,
            tabs: tabs(Rect { height: sidebar.height.min(1), ..sidebar }, titles, short),
        }
    }

    /// Lines of the article the reader shows at once (at least 1).
    pub fn reader_height(&self) -> usize {
        usize::from(self.reader_text.height).max(1)
    }

    /// Columns the article is wrapped to (at least 1).
    pub fn reader_width(&self) -> u16 {
        self.reader_text.width.max(1)
    }

    /// The tab whose cell holds this screen column, on the tab line.
    pub fn tab_at(&self, column: u16, row: u16) -> Option<usize> {
        self.tabs
            .iter()
            .position(|(r, _)| r.height > 0 && row == r.y && column >= r.x && column < r.x + r.width)
    }
}

/// The tab line cut in cells, one per title, each as wide as its label and a column, the
/// room left shared out evenly. Labels are numbered ("1 People") when every numbered label
/// fits, plain when every plain one does, and cut with `…` in even cells otherwise: one style
/// for all, so that they read evenly at every width.
fn tabs(line: Rect, titles: &[&str], short: &[&str]) -> Vec<(Rect, String)> {
    let n = titles.len().max(1);
    let width = usize::from(line.width);
    let cells = |widths: &[usize]| -> Vec<Rect> {
        let mut x = line.x;
        widths
            .iter()
            .map(|&w| {
                let w = u16::try_from(w).unwrap_or(u16::MAX);
                let r = Rect { x, width: w, ..line };
                x = x.saturating_add(w);
                r
            })
            .collect()
    };
    // A label leaves a column free at its end, so that neighbours never touch; the last one
    // may end at the border.
    let sized = |labels: Vec<String>| -> Option<Vec<(Rect, String)>> {
        let need: usize = labels.iter().map(|l| l.chars().count() + 1).sum::<usize>() - 1;
        let spare = width.checked_sub(need)?;
        let mut widths: Vec<usize> = labels.iter().map(|l| l.chars().count() + 1 + spare / n).collect();
        if let Some(last) = widths.last_mut() {
            *last = (*last + spare % n).saturating_sub(1);
        }
        Some(cells(&widths).into_iter().zip(labels).collect())
    };
    let numbered: Vec<String> = titles.iter().enumerate().map(|(i, t)| format!("{} {t}", i + 1)).collect();
    let plain: Vec<String> = titles.iter().map(|t| t.to_string()).collect();
    let shorter: Vec<String> = short.iter().map(|t| t.to_string()).collect();
    // Three letters still say which tab is which ("Peo Org Tag Fig Quo"); a cut label may not.
    let three: Vec<String> = titles.iter().map(|t| t.chars().take(3).collect()).collect();
    sized(numbered)
        .or_else(|| sized(plain))
        .or_else(|| sized(shorter))
        .or_else(|| sized(three))
        .unwrap_or_else(|| {
            let each = width / n;
            let mut widths = vec![each; n];
            if let Some(last) = widths.last_mut() {
                *last += width % n;
            }
            let cells = cells(&widths);
            let labels = titles
                .iter()
                .zip(&cells)
                .map(|(t, c)| crate::ui::text::fit(t, usize::from(c.width.saturating_sub(1))));
            cells.iter().copied().zip(labels).collect()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_panes_wide_two_medium_one_narrow() {
        let wide = Panes::compute(Rect::new(0, 0, 160, 48), Pane::List, false);
        let (l, r, s) = (wide.list.unwrap(), wide.reader.unwrap(), wide.sidebar.unwrap());
        assert!(r.width > l.width && r.width > s.width, "the reader is widest");
        assert_eq!(l.width + r.width + s.width, 160);
        assert_eq!(wide.status, Some(Rect::new(0, 47, 160, 1)));

        let medium = Panes::compute(Rect::new(0, 0, 80, 24), Pane::List, false);
        assert!(medium.sidebar.is_none());
        let shown = Panes::compute(Rect::new(0, 0, 80, 24), Pane::List, true);
        assert_eq!(shown.hit(79, 5).map(|h| h.0), Some(Pane::Sidebar));

        let narrow = Panes::compute(Rect::new(0, 0, 50, 20), Pane::Reader, false);
        assert!(narrow.list.is_none() && narrow.sidebar.is_none());
        assert_eq!(narrow.reader.map(|r| r.width), Some(50));
    }

    #[test]
    fn tiny_sizes() {
        for (w, h) in [(0, 0), (1, 1), (1, 0), (3, 2), (100, 1)] {
            let p = Panes::compute(Rect::new(0, 0, w, h), Pane::List, true);
            assert!(p.list.is_none_or(|r| r.width <= w && r.height <= h));
        }
    }

    #[test]
    fn tab_labels_are_even_at_every_width() {
        let titles = crate::ui::app::Tab::titles();
        let short = crate::ui::app::Tab::ALL.map(crate::ui::app::Tab::short);
        for width in 60..=200 {
            let g = Geometry::compute(Rect::new(0, 0, width, 30), Pane::Sidebar, true, &titles, &short);
            let labels: Vec<&str> = g.tabs.iter().map(|(_, l)| l.as_str()).collect();
            let numbered = labels.iter().filter(|l| l.starts_with(char::is_numeric)).count();
            assert!(numbered == 0 || numbered == titles.len(), "{width}: {labels:?}");
            for (k, (r, l)) in g.tabs.iter().enumerate() {
                let last = k + 1 == g.tabs.len();
                let room = usize::from(r.width) + usize::from(last);
                assert!(l.chars().count() < room.max(1), "{width}: {l:?} fits {r:?}");
            }
        }
    }

    #[test]
    fn rows_and_the_scrollbar_column() {
        let g = Geometry::compute(
            Rect::new(0, 0, 160, 48),
            Pane::List,
            false,
            &["a", "b", "c"],
            &["a", "b", "c"],
        );
        assert_eq!(g.list_rows, 22, "47 lines less the border, two lines an article");
        assert_eq!(g.reader_scrollbar.x, g.reader_text.x + g.reader_text.width);
        assert_eq!(g.sidebar_rows, 43);
        assert_eq!(g.tab_at(g.tabs[1].0.x, g.tabs[1].0.y), Some(1));
    }
}
