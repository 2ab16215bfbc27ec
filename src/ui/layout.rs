//! Where each pane goes for a given terminal size. Pure, so that drawing and mouse hit-testing
//! agree on it.

use ratatui::layout::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Reader,
    Sidebar,
}

/// At this width and above all three panes show side by side.
pub const WIDE: u16 = 100;
/// Below this width one pane shows at a time.
pub const NARROW: u16 = 60;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub sidebar: Option<Rect>,
    pub status: Option<Rect>,
}

impl Panes {
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
}
