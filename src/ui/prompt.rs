//! The filter prompt: a one-line editor with the keys a shell has (readline's defaults), and
//! what the line filters.

use super::layout::Pane;

/// One editing key, as a shell reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edit {
    /// Type a character at the cursor.
    Insert(char),
    /// Delete the character before the cursor (Backspace).
    Backspace,
    /// Delete the character under the cursor (Delete, Ctrl-D).
    Delete,
    /// One character left (Left, Ctrl-B).
    Left,
    /// One character right (Right, Ctrl-F).
    Right,
    /// To the start of the previous word (Alt-B, Ctrl-Left).
    WordLeft,
    /// To the end of the next word (Alt-F, Ctrl-Right).
    WordRight,
    /// To the start of the line (Home, Ctrl-A).
    Home,
    /// To the end of the line (End, Ctrl-E).
    End,
    /// Delete back to the previous space (Ctrl-W).
    DeleteSpaceWord,
    /// Delete back to the start of the word, stopping at punctuation (Alt-Backspace).
    DeleteWord,
    /// Delete everything before the cursor (Ctrl-U).
    DeleteToStart,
    /// Delete everything from the cursor on (Ctrl-K).
    DeleteToEnd,
}

/// Editing keys and what the help says of them, in the order it lists them.
pub const EDIT_KEYS: [(&str, &str); 8] = [
    ("← → Ctrl-B/F", "move the cursor a character"),
    ("Alt-B/F Ctrl-←/→", "move the cursor a word"),
    ("Home End Ctrl-A/E", "to the start or the end of the line"),
    ("Backspace Delete", "delete a character (Ctrl-D deletes forward too)"),
    ("Ctrl-W", "delete back to the previous space"),
    ("Alt-Backspace", "delete back to the start of the word"),
    ("Ctrl-U Ctrl-K", "delete to the start, or to the end, of the line"),
    ("↑ ↓ PgUp PgDn", "move in the list while typing; Enter keeps, Esc cancels"),
];

/// A line of text and a cursor in it (a byte offset on a character boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    text: String,
    cursor: usize,
}

impl Line {
    /// A line holding `text`, the cursor at its end.
    pub fn new(text: &str) -> Line {
        Line { text: text.to_string(), cursor: text.len() }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where the cursor is, as a byte offset into `text`.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Apply one key; true when the text changed (the cursor alone moving is not a change).
    pub fn edit(&mut self, edit: Edit) -> bool {
        let before = self.text.len();
        let at = self.cursor;
        match edit {
            Edit::Insert(c) => {
                self.text.insert(at, c);
                self.cursor += c.len_utf8();
                return true;
            }
            Edit::Backspace => {
                let start = self.prev_char(at);
                self.text.replace_range(start..at, "");
                self.cursor = start;
            }
            Edit::Delete => {
                let end = self.next_char(at);
                self.text.replace_range(at..end, "");
            }
            Edit::Left => self.cursor = self.prev_char(at),
            Edit::Right => self.cursor = self.next_char(at),
            Edit::WordLeft => self.cursor = self.word_start(at, char::is_alphanumeric),
            Edit::WordRight => self.cursor = self.word_end(at),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::DeleteSpaceWord => {
                let start = self.word_start(at, |c| !c.is_whitespace());
                self.text.replace_range(start..at, "");
                self.cursor = start;
            }
            Edit::DeleteWord => {
                let start = self.word_start(at, char::is_alphanumeric);
                self.text.replace_range(start..at, "");
                self.cursor = start;
            }
            Edit::DeleteToStart => {
                self.text.replace_range(..at, "");
                self.cursor = 0;
            }
            Edit::DeleteToEnd => self.text.truncate(at),
        }
        self.text.len() != before
    }

    fn prev_char(&self, at: usize) -> usize {
        self.text[..at].char_indices().next_back().map_or(0, |(i, _)| i)
    }

    fn next_char(&self, at: usize) -> usize {
        self.text[at..].chars().next().map_or(at, |c| at + c.len_utf8())
    }

    /// Back over anything that is not part of a word, then over the word.
    fn word_start(&self, at: usize, in_word: impl Fn(char) -> bool) -> usize {
        let mut i = at;
        let mut seen_word = false;
        for (j, c) in self.text[..at].char_indices().rev() {
            if in_word(c) {
                seen_word = true;
            } else if seen_word {
                break;
            }
            i = j;
        }
        i
    }

    fn word_end(&self, at: usize) -> usize {
        let mut seen_word = false;
        for (j, c) in self.text[at..].char_indices() {
            if c.is_alphanumeric() {
                seen_word = true;
            } else if seen_word {
                return at + j;
            }
        }
        self.text.len()
    }
}

/// The filter prompt: what it filters, the line, and what to go back to on Esc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// The article list (`Pane::List`) or the sidebar's names (`Pane::Sidebar`).
    pub target: Pane,
    /// What is typed.
    pub line: Line,
    /// The value before the prompt opened, restored by Esc.
    pub before: String,
}

impl Prompt {
    /// A prompt over `target`, starting from its current value.
    pub fn new(target: Pane, current: &str) -> Prompt {
        Prompt { target, line: Line::new(current), before: current.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str, at: usize, keys: &[Edit]) -> (String, usize) {
        let mut l = Line::new(text);
        l.cursor = at;
        for &k in keys {
            l.edit(k);
        }
        (l.text, l.cursor)
    }

    #[test]
    fn keys_edit_as_a_shell_does() {
        assert_eq!(
            typed("hunt", 4, &[Edit::Home, Edit::Insert('j'), Edit::Insert(' ')]),
            ("j hunt".into(), 2)
        );
        assert_eq!(typed("jeremy hunt", 11, &[Edit::DeleteSpaceWord]), ("jeremy ".into(), 7));
        assert_eq!(typed("'nhs-england", 12, &[Edit::DeleteWord]), ("'nhs-".into(), 5));
        assert_eq!(typed("'nhs-england", 12, &[Edit::DeleteSpaceWord]), ("".into(), 0));
        assert_eq!(typed("bma doctors", 3, &[Edit::DeleteToStart]), (" doctors".into(), 0));
        assert_eq!(typed("bma doctors", 3, &[Edit::DeleteToEnd]), ("bma".into(), 3));
        assert_eq!(typed("élysée", 8, &[Edit::Left, Edit::Backspace]), ("élyse".into(), 5));
        assert_eq!(typed("élysée", 8, &[Edit::Backspace]), ("élysé".into(), 7));
        assert_eq!(typed("a b", 0, &[Edit::WordRight, Edit::WordRight]), ("a b".into(), 3));
        assert_eq!(typed("a  b", 4, &[Edit::WordLeft]), ("a  b".into(), 3));
        assert_eq!(typed("ab", 0, &[Edit::Backspace, Edit::Left, Edit::Delete]), ("b".into(), 0));
        assert_eq!(typed("ab", 2, &[Edit::Right, Edit::Delete]), ("ab".into(), 2));
    }

    #[test]
    fn only_text_changes_count_as_changes() {
        let mut l = Line::new("hunt");
        assert!(!l.edit(Edit::Left));
        assert!(!l.edit(Edit::Home));
        assert!(!l.edit(Edit::Backspace), "nothing before the cursor");
        assert!(l.edit(Edit::Delete));
        assert_eq!(l.text(), "unt");
    }
}
