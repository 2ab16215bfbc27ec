//! Keys to actions: one table, from the `[keys]` table of the config (the defaults are in
//! `assets/config.toml`), that drives the app and that the help overlay is generated from.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};
use toml::Spanned;

use super::problem::Problem;
use super::prompt::Edit;

/// Everything the reader can be asked to do. Keys, the mouse and resizes become actions
/// (`Keymap::action_for`); `update` applies them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave the reader from anywhere.
    Quit,
    /// Go back a level: close an overlay, leave the reader for the list; quit from the list.
    Back,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Move down a row (the reader: scroll a line).
    Down,
    /// Move up a row.
    Up,
    /// Move down a page.
    PageDown,
    /// Move up a page.
    PageUp,
    /// To the first row.
    Top,
    /// To the last row.
    Bottom,
    /// Open the article, filter by the person or tag, jump to the figure; keep the prompt.
    Activate,
    /// Open the filter prompt for the list or the sidebar.
    Filter,
    /// Cancel the prompt, close an overlay, or clear every filter.
    Escape,
    /// The next highlighted match in the reader.
    NextMatch,
    /// The previous highlighted match.
    PrevMatch,
    /// The sidebar's People tab.
    TabPeople,
    /// The sidebar's Orgs tab.
    TabOrgs,
    /// The sidebar's Tags tab.
    TabTags,
    /// The sidebar's Figures tab.
    TabFigures,
    /// The sidebar's Quotes tab.
    TabQuotes,
    /// The sidebar's Time tab: the listed articles over time.
    TabTime,
    /// The sidebar's With tab: who appears with the chosen person, organisation or tag.
    TabWith,
    /// The Figures tab: switch between the open article's figures and every listed article's,
    /// grouped by what they count.
    FiguresAcross,
    /// Who appears with the person, organisation or tag under the cursor (the With tab).
    With,
    /// Filter to articles quoting the person, organisation or quote's speaker under the cursor.
    SaidBy,
    /// The previous sidebar tab.
    TabPrev,
    /// The next sidebar tab.
    TabNext,
    /// Show or hide the sidebar below the wide layout.
    ToggleSidebar,
    /// The help overlay.
    Help,
    /// The message list.
    Messages,
    /// Mark the article read or unread.
    ToggleRead,
    /// Bookmark the article or remove its bookmark.
    ToggleBookmark,
    /// List only bookmarked articles, or all again.
    BookmarkedOnly,
    /// Open the article's link in a browser.
    OpenLink,
    /// Sort the list by the next order (relevance, date, title, people).
    CycleSort,
    /// Open the next unread article.
    NextUnread,
    /// Mark every listed article read.
    MarkAllRead,
    /// A key that edits the prompt's line.
    Edit(Edit),
    /// A left click at a screen cell.
    Click {
        /// Screen column.
        column: u16,
        /// Screen row.
        row: u16,
    },
    /// The wheel turned up over a screen cell.
    ScrollUp {
        /// Screen column.
        column: u16,
        /// Screen row.
        row: u16,
    },
    /// The wheel turned down over a screen cell.
    ScrollDown {
        /// Screen column.
        column: u16,
        /// Screen row.
        row: u16,
    },
    /// The terminal is now this size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
}

/// The actions a key can be bound to: their names in the key map and what the help says.
pub const BINDABLE: [(Action, &str, &str); 37] = [
    (Action::Back, "back", "back: close an overlay, leave the article for the list; quit from the list"),
    (Action::Quit, "quit", "quit from anywhere (Ctrl-c always quits)"),
    (Action::FocusNext, "focus_next", "focus the next pane (list, reader, sidebar)"),
    (Action::FocusPrev, "focus_prev", "focus the previous pane"),
    (Action::Down, "down", "move down (reader: scroll)"),
    (Action::Up, "up", "move up (reader: scroll)"),
    (Action::PageDown, "page_down", "page down"),
    (Action::PageUp, "page_up", "page up"),
    (Action::Top, "top", "first"),
    (Action::Bottom, "bottom", "last"),
    (Action::Activate, "activate", "list: open; sidebar: filter by it; Figures, Quotes: jump to it"),
    (Action::Filter, "filter", "search the articles (syntax below), or the sidebar's names"),
    (Action::Escape, "escape", "cancel the prompt, close an overlay; otherwise clear every filter"),
    (Action::NextMatch, "next_match", "next highlighted match in the reader"),
    (Action::PrevMatch, "prev_match", "previous highlighted match in the reader"),
    (Action::TabPeople, "tab_people", "sidebar: People"),
    (Action::TabOrgs, "tab_orgs", "sidebar: Orgs (organisations)"),
    (Action::TabTags, "tab_tags", "sidebar: Tags (hashtags and @handles)"),
    (Action::TabFigures, "tab_figures", "sidebar: Figures"),
    (Action::TabQuotes, "tab_quotes", "sidebar: Quotes, grouped by speaker"),
    (Action::TabTime, "tab_time", "sidebar: Time, the listed articles per hour, day, week or month"),
    (Action::TabWith, "tab_with", "sidebar: With, who appears with a person, organisation or tag"),
    (
        Action::FiguresAcross,
        "figures_across",
        "Figures: this article's, or every listed article's grouped by what they count",
    ),
    (Action::With, "with", "who appears with the person, organisation or tag under the cursor"),
    (Action::SaidBy, "said_by", "said by: only articles quoting this person, organisation or speaker"),
    (Action::TabPrev, "tab_prev", "sidebar: previous tab"),
    (Action::TabNext, "tab_next", "sidebar: next tab"),
    (Action::ToggleSidebar, "toggle_sidebar", "show or hide the sidebar"),
    (Action::ToggleRead, "toggle_read", "mark the article read or unread (opening one reads it)"),
    (Action::ToggleBookmark, "toggle_bookmark", "bookmark the article, or remove its bookmark"),
    (Action::BookmarkedOnly, "bookmarked", "list only bookmarked articles, or all again"),
    (Action::NextUnread, "next_unread", "open the next unread article"),
    (Action::MarkAllRead, "mark_all_read", "mark every listed article read"),
    (Action::CycleSort, "sort", "sort the list by relevance, date, title or number of people"),
    (Action::OpenLink, "open_link", "open the article's link (http/https) in the browser ($BROWSER)"),
    (Action::Help, "help", "this help"),
    (Action::Messages, "messages", "messages: files passed over, records that failed, warnings"),
];

/// A key with its modifiers, as the config names it ("ctrl-w", "G", "pagedown").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt, Shift (Shift only where the character does not show it).
    pub modifiers: KeyModifiers,
}

impl Key {
    /// Shift is part of the character itself ("G", "?"), and of BackTab.
    fn normalise(code: KeyCode, modifiers: KeyModifiers) -> Key {
        let modifiers = match code {
            KeyCode::Char(_) | KeyCode::BackTab => modifiers - KeyModifiers::SHIFT,
            _ => modifiers,
        };
        Key { code, modifiers }
    }

    /// A key from its name in the config; the message says what is wrong with a bad one.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (m, len) = if lower.starts_with("ctrl-") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift-") && rest.len() > 6 {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            modifiers |= m;
            rest = &rest[len..];
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            f if f.len() >= 2
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(c),
                    _ => return Err(format!("unknown key {text:?}")),
                }
            }
        };
        Ok(Key::normalise(code, modifiers))
    }

    /// The key as the help and hints show it.
    pub fn display(&self) -> String {
        let mut s = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            s.push_str("Shift-");
        }
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        s.push_str(&name);
        s
    }
}

/// Keys to actions, in the order of `BINDABLE`.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
}

impl Keymap {
    pub(crate) fn empty() -> Keymap {
        Keymap { bindings: Vec::new() }
    }

    /// Bind an action, by its name in the config, to these keys instead of the ones it had;
    /// `None` when there is no such action.
    pub(crate) fn bind(&mut self, name: &str, keys: &[Spanned<String>]) -> Option<Result<(), Problem>> {
        let &(action, _, _) = BINDABLE.iter().find(|(_, n, _)| *n == name)?;
        let mut parsed = Vec::new();
        for key in keys {
            match Key::parse(key.get_ref()) {
                Ok(k) => parsed.push(k),
                Err(message) => return Some(Err(Problem::at(key.span(), message))),
            }
        }
        // Keep the help in the order of BINDABLE, whatever order the file binds in.
        self.bindings.retain(|(_, a)| *a != action);
        self.bindings.extend(parsed.into_iter().map(|k| (k, action)));
        let rank = |a: &Action| BINDABLE.iter().position(|(b, _, _)| b == a).unwrap_or(usize::MAX);
        self.bindings.sort_by_key(|(_, a)| rank(a));
        Some(Ok(()))
    }

    /// A key bound to two actions, as (key, first action's name, second action's name).
    pub(crate) fn conflict(&self) -> Option<(String, &'static str, &'static str)> {
        let name = |a: Action| BINDABLE.iter().find(|(b, _, _)| *b == a).map_or("?", |(_, n, _)| *n);
        self.bindings.iter().enumerate().find_map(|(i, (k, a))| {
            self.bindings[i + 1..]
                .iter()
                .find(|(k2, a2)| k2 == k && a2 != a)
                .map(|(_, a2)| (k.display(), name(*a), name(*a2)))
        })
    }

    fn lookup(&self, key: Key) -> Option<Action> {
        self.bindings.iter().find(|(k, _)| *k == key).map(|&(_, a)| a)
    }

    /// The action for a terminal event. While the prompt is open, printable keys are text.
    pub fn action_for(&self, event: &Event, typing: bool) -> Option<Action> {
        match event {
            Event::Key(KeyEvent { code, modifiers, kind, .. }) if *kind != KeyEventKind::Release => {
                let key = Key::normalise(*code, *modifiers);
                if key.code == KeyCode::Char('c') && key.modifiers == KeyModifiers::CONTROL {
                    return Some(Action::Quit);
                }
                if typing {
                    return editing(key);
                }
                self.lookup(key)
            }
            Event::Mouse(m) => match m.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    Some(Action::Click { column: m.column, row: m.row })
                }
                MouseEventKind::ScrollUp => Some(Action::ScrollUp { column: m.column, row: m.row }),
                MouseEventKind::ScrollDown => Some(Action::ScrollDown { column: m.column, row: m.row }),
                _ => None,
            },
            Event::Resize(width, height) => Some(Action::Resize { width: *width, height: *height }),
            _ => None,
        }
    }

    /// The first key bound to an action, for a hint ("/ filter"); `None` when it has none.
    pub fn hint(&self, action: Action) -> Option<String> {
        self.bindings.iter().find(|(_, a)| *a == action).map(|(k, _)| k.display())
    }

    /// Hints for these actions, "key label" each, skipping actions with no key, joined by " · ".
    pub fn hints(&self, actions: &[(Action, &str)]) -> String {
        actions
            .iter()
            .filter_map(|&(a, label)| self.hint(a).map(|k| format!("{k} {label}")))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Rows for the help overlay: the keys bound to each action, and what it does.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        BINDABLE
            .iter()
            .filter_map(|&(action, _, description)| {
                let keys: Vec<String> =
                    self.bindings.iter().filter(|(_, a)| *a == action).map(|(k, _)| k.display()).collect();
                (!keys.is_empty()).then(|| (keys.join(" "), description))
            })
            .collect()
    }
}

/// The prompt's keys: a shell's line editing, fixed so that typing is never rebound away.
fn editing(key: Key) -> Option<Action> {
    let (ctrl, alt) =
        (key.modifiers.contains(KeyModifiers::CONTROL), key.modifiers.contains(KeyModifiers::ALT));
    let edit = match key.code {
        KeyCode::Enter => return Some(Action::Activate),
        KeyCode::Esc => return Some(Action::Escape),
        KeyCode::Up => return Some(Action::Up),
        KeyCode::Down => return Some(Action::Down),
        KeyCode::PageUp => return Some(Action::PageUp),
        KeyCode::PageDown => return Some(Action::PageDown),
        KeyCode::Backspace if alt || ctrl => Edit::DeleteWord,
        KeyCode::Backspace => Edit::Backspace,
        KeyCode::Delete => Edit::Delete,
        KeyCode::Left if ctrl || alt => Edit::WordLeft,
        KeyCode::Right if ctrl || alt => Edit::WordRight,
        KeyCode::Left => Edit::Left,
        KeyCode::Right => Edit::Right,
        KeyCode::Home => Edit::Home,
        KeyCode::End => Edit::End,
        KeyCode::Char(c) if ctrl => match c.to_ascii_lowercase() {
            'a' => Edit::Home,
            'e' => Edit::End,
            'b' => Edit::Left,
            'f' => Edit::Right,
            'd' => Edit::Delete,
            'h' => Edit::Backspace,
            'w' => Edit::DeleteSpaceWord,
            'u' => Edit::DeleteToStart,
            'k' => Edit::DeleteToEnd,
            _ => return None,
        },
        KeyCode::Char(c) if alt => match c.to_ascii_lowercase() {
            'b' => Edit::WordLeft,
            'f' => Edit::WordRight,
            _ => return None,
        },
        KeyCode::Char(c) => Edit::Insert(c),
        _ => return None,
    };
    Some(Action::Edit(edit))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn the_bundled_map_binds_every_action() {
        let map = Keymap::default();
        for (action, name, _) in BINDABLE {
            assert!(map.bindings.iter().any(|(_, a)| *a == action), "{name} has no key");
        }
        assert_eq!(
            map.action_for(&key(KeyCode::Char('G'), KeyModifiers::SHIFT), false),
            Some(Action::Bottom)
        );
        assert_eq!(
            map.action_for(&key(KeyCode::BackTab, KeyModifiers::SHIFT), false),
            Some(Action::FocusPrev)
        );
        assert_eq!(
            map.action_for(&key(KeyCode::Char(' '), KeyModifiers::NONE), false),
            Some(Action::PageDown)
        );
        assert_eq!(
            map.action_for(&key(KeyCode::Char('q'), KeyModifiers::NONE), true),
            Some(Action::Edit(Edit::Insert('q')))
        );
        assert_eq!(map.action_for(&key(KeyCode::Char('q'), KeyModifiers::NONE), false), Some(Action::Back));
        assert_eq!(map.action_for(&key(KeyCode::Char('Q'), KeyModifiers::SHIFT), false), Some(Action::Quit));
        assert_eq!(
            map.action_for(&key(KeyCode::Char('w'), KeyModifiers::CONTROL), true),
            Some(Action::Edit(Edit::DeleteSpaceWord))
        );
        assert_eq!(
            map.action_for(&key(KeyCode::Backspace, KeyModifiers::ALT), true),
            Some(Action::Edit(Edit::DeleteWord))
        );
        assert_eq!(map.action_for(&key(KeyCode::Char('c'), KeyModifiers::CONTROL), true), Some(Action::Quit));
    }

    #[test]
    fn help_rows_come_from_the_table() {
        let rows = Keymap::default().help_rows();
        assert_eq!(rows.len(), BINDABLE.len());
        assert_eq!(rows[0].0, "q");
        assert_eq!(rows[1].0, "Q Ctrl-c");
        assert_eq!(
            Keymap::default().hints(&[(Action::Filter, "filter"), (Action::Help, "help")]),
            "/ filter · ? help"
        );
    }
}
