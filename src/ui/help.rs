//! What the help overlay says, generated from the key map in use, laid out for a width. Both
//! `update` (how far the help can scroll) and the widget (what it draws) read it from here.

use ratatui::layout::Rect;

use super::keymap::Keymap;
use super::prompt::EDIT_KEYS;

/// The search syntax, as fzf users know it.
pub const SEARCH_SYNTAX: [(&str, &str); 9] = [
    ("word", "fuzzy in titles, people and tags; articles whose text has it come after"),
    ("'word", "exact: in a title, a name, a tag or the text"),
    ("^word", "starts with (a title, a name or a tag)"),
    ("word$", "ends with"),
    ("!word", "leaves out articles that have it (!^word, !word$ too)"),
    ("a | b", "either: a or b"),
    ("a b", "both: every term must match"),
    ("#tag @name", "hashtags or handles only"),
    ("Aa", "smart case: a capital makes a term case-sensitive"),
];

/// One line of the help: a key (or syntax) column and what it does, or a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    /// The key column, empty for the continuation of a wrapped line.
    pub key: String,
    /// What it does, or the heading's text.
    pub text: String,
    /// A section heading.
    pub heading: bool,
}

/// The widest the help gets.
const MAX_WIDTH: u16 = 90;
/// The key column is cut past this many columns.
const MAX_KEY_WIDTH: usize = 18;

/// Where the help goes on a screen `area`: centred, as wide as it may be, as tall as its lines.
pub fn popup(area: Rect, keymap: &Keymap) -> Rect {
    let width = area.width.min(MAX_WIDTH);
    let lines = lines(keymap, inner_width(width)).len();
    let height = area.height.min(u16::try_from(lines + 2).unwrap_or(u16::MAX));
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

/// Columns inside a popup of this width.
pub fn inner_width(width: u16) -> u16 {
    width.saturating_sub(2)
}

/// How far the help on this screen can scroll, and how many lines show at once.
pub fn extent(area: Rect, keymap: &Keymap) -> (usize, usize) {
    let popup = popup(area, keymap);
    let visible = usize::from(popup.height.saturating_sub(2)).max(1);
    let total = lines(keymap, inner_width(popup.width)).len();
    (total.saturating_sub(visible), visible)
}

/// Every line of the help for a popup `width` columns wide inside.
pub fn lines(keymap: &Keymap, width: u16) -> Vec<HelpLine> {
    let mut rows: Vec<(String, String, bool)> = Vec::new();
    let mut section = |title: &str, entries: Vec<(String, String)>| {
        if !rows.is_empty() {
            rows.push((String::new(), String::new(), false));
        }
        rows.push((String::new(), title.to_string(), true));
        rows.extend(entries.into_iter().map(|(k, t)| (k, t, false)));
    };
    section("Keys", keymap.help_rows().into_iter().map(|(k, t)| (k, t.to_string())).collect());
    section("Typing a filter", EDIT_KEYS.iter().map(|(k, t)| (k.to_string(), t.to_string())).collect());
    section("Search syntax", SEARCH_SYNTAX.iter().map(|(k, t)| (k.to_string(), t.to_string())).collect());
    section(
        "Sidebar",
        vec![
            ("3 · 13×".into(), "in 3 of the listed articles, mentioned 13 times".into()),
            ("· 4”".into(), "quoted 4 times in them (people and organisations)".into()),
            ("unnamed".into(), "Quotes whose speaker the article does not name (\"a spokesman\")".into()),
            ("‹name›".into(), "in the reader: who \"he\" or \"she\" is, beside their reported words".into()),
            ("Time".into(), "articles per hour, day, week or month; Enter lists that period only".into()),
            ("Figures, all".into(), "values quoted for one thing side by side; ≠ differs by over 10%".into()),
            ("With".into(), "who shares the most listed articles; Enter adds both as filters".into()),
        ],
    );
    section(
        "Mouse",
        vec![("click".into(), "select a row, a tab or a pane".into()), ("wheel".into(), "scroll".into())],
    );
    let key_width = rows.iter().map(|(k, _, _)| k.chars().count()).max().unwrap_or(0).min(MAX_KEY_WIDTH);
    // One space before the key column and two after it.
    let text_width = usize::from(width).saturating_sub(key_width + 3).max(12);
    let mut out = Vec::new();
    for (key, text, heading) in rows {
        if heading || text.is_empty() {
            out.push(HelpLine { key, text, heading });
            continue;
        }
        let key = super::text::fit(&key, key_width);
        for (i, part) in textwrap::wrap(&text, text_width).into_iter().enumerate() {
            let key = if i == 0 { format!(" {key:<key_width$}  ") } else { " ".repeat(key_width + 3) };
            out.push(HelpLine { key, text: part.into_owned(), heading: false });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bound_action_and_every_operator_is_listed() {
        let map = Keymap::default();
        let all = lines(&map, 200);
        for (keys, _) in map.help_rows() {
            assert!(all.iter().any(|l| l.key.trim() == keys), "{keys}");
        }
        for (syntax, _) in SEARCH_SYNTAX {
            assert!(all.iter().any(|l| l.key.trim() == syntax), "{syntax}");
        }
    }

    #[test]
    fn narrow_help_wraps_and_scrolls() {
        let map = Keymap::default();
        let (scroll, visible) = extent(Rect::new(0, 0, 80, 24), &map);
        assert_eq!(visible, 22);
        assert!(scroll > 0, "at 80x24 the help is longer than the screen");
        assert!(lines(&map, 78).iter().all(|l| l.key.chars().count() + l.text.chars().count() <= 78));
    }
}
