//! Text from a file never reaches the terminal raw. Escape sequences (CSI such as `ESC [ 2 J`,
//! OSC such as `ESC ] 52 ; c ; … BEL` that writes to the clipboard, DCS, SOS/PM/APC) and C0/C1
//! control characters are removed when an article is read, so the reader, `export` and every
//! script downstream see only printable text. The `vte` parser (Alacritty's) decides where each
//! sequence ends.

use std::borrow::Cow;

/// `text` with every escape sequence and control character removed; line breaks are kept and a
/// tab becomes a space. Text with nothing to remove is returned as it is, without a copy.
pub fn printable(text: &str) -> Cow<'_, str> {
    if needs_cleaning(text) { Cow::Owned(clean(text)) } else { Cow::Borrowed(text) }
}

/// `printable` for a string that is owned already: no copy when there is nothing to remove.
pub fn printable_owned(text: String) -> String {
    if needs_cleaning(&text) { clean(&text) } else { text }
}

fn clean(text: &str) -> String {
    let mut keep = Keep { out: String::with_capacity(text.len()), carriage_return: false };
    let mut parser = vte::Parser::new();
    parser.advance(&mut keep, text.as_bytes());
    keep.end_line();
    keep.out
}

/// Most files hold nothing but printable text and line breaks, so a quick branch-free pass over
/// each block (which the compiler vectorises) rules them out before any byte is looked at twice.
fn needs_cleaning(text: &str) -> bool {
    let bytes = text.as_bytes();
    let suspect = |b: u8| (b < 0x20 && b != b'\n') | (b == 0x7f) | (b == 0xc2);
    const BLOCK: usize = 64;
    let Some(first) =
        bytes.chunks(BLOCK).position(|block| block.iter().fold(false, |seen, &b| seen | suspect(b)))
    else {
        return false;
    };
    // "£" and "«" start with 0xC2 too, so the precise look goes on from the first suspect block.
    bytes.iter().enumerate().skip(first * BLOCK).any(|(i, &b)| {
        let next = bytes.get(i + 1).copied();
        match b {
            // "\r\n" is a line break the line splitter understands; a lone "\r" would move
            // the cursor back over the line.
            b'\r' => next != Some(b'\n'),
            b'\n' => false,
            // C1 controls, U+0080 to U+009F, are 0xC2 0x80 to 0xC2 0x9F in UTF-8.
            0xc2 => next.is_some_and(|n| (0x80..=0x9f).contains(&n)),
            _ => b < 0x20 || b == 0x7f,
        }
    })
}

struct Keep {
    out: String,
    /// A carriage return was seen: "\r\n" is one line break, a lone "\r" becomes one.
    carriage_return: bool,
}

impl Keep {
    fn end_line(&mut self) {
        if std::mem::take(&mut self.carriage_return) {
            self.out.push('\n');
        }
    }
}

impl vte::Perform for Keep {
    fn print(&mut self, c: char) {
        self.end_line();
        // The parser passes C1 controls written as UTF-8 through as characters.
        if !c.is_control() {
            self.out.push(c);
        }
    }

    fn execute(&mut self, byte: u8) {
        match byte {
            b'\n' => {
                self.carriage_return = false;
                self.out.push('\n');
            }
            // A lone carriage return would rewrite the line on a terminal.
            b'\r' => {
                self.end_line();
                self.carriage_return = true;
            }
            b'\t' => {
                self.end_line();
                self.out.push(' ');
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_controls_go() {
        let cases = [
            ("a\u{1b}[2Jb", "ab"),
            ("clip\u{1b}]52;c;SGVsbG8=\u{7}board", "clipboard"),
            ("title\u{1b}]0;pwned\u{1b}\\ ok", "title ok"),
            ("dcs\u{1b}P1$r0m\u{1b}\\ end", "dcs end"),
            ("\u{1b}[31mred\u{1b}[0m", "red"),
            ("bell\u{7} back\u{8}space \u{0}nul \u{7f}del", "bell backspace nul del"),
            ("c1\u{9b}2J csi \u{9d}0;x\u{9c} osc", "c12J csi 0;x osc"),
            ("tab\there", "tab here"),
            ("café — 98% «ok» 日本", "café — 98% «ok» 日本"),
        ];
        for (raw, want) in cases {
            assert_eq!(printable(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn line_breaks_survive_and_clean_text_is_not_copied() {
        assert_eq!(printable("one\r\ntwo\rthree\u{1b}[0m\n\nfour\r"), "one\ntwo\nthree\n\nfour\n");
        assert_eq!(printable("over\rwritten"), "over\nwritten");
        assert!(matches!(printable("plain text\nwith lines"), Cow::Borrowed(_)));
        assert!(matches!(printable("windows\r\nlines cost £5 «quoted»\r\n"), Cow::Borrowed(_)));
    }
}
