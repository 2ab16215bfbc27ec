//! Text from a file never reaches the terminal raw. Escape sequences (CSI such as `ESC [ 2 J`,
//! OSC such as `ESC ] 52 ; c ; … BEL` that writes to the clipboard, DCS, SOS/PM/APC, also when
//! introduced by their one-character C1 forms such as U+009B), C0/C1 control characters, bidi
//! controls and zero-width characters are removed when an article is read, so the reader,
//! `export` and every script downstream see only printable text in its stored order. The `vte`
//! parser (Alacritty's) decides where each sequence ends.
//!
//! File names are not text to tidy but names to tell apart: `escaped` shows what they hold.

use std::borrow::Cow;

/// `text` with every escape sequence, control character, bidi control and zero-width character
/// removed; line breaks are kept and a tab becomes a space. Text with nothing to remove is
/// returned as it is, without a copy.
pub fn printable(text: &str) -> Cow<'_, str> {
    if needs_cleaning(text) { Cow::Owned(clean(text)) } else { Cow::Borrowed(text) }
}

/// `printable` for a string that is owned already: no copy when there is nothing to remove.
pub fn printable_owned(text: String) -> String {
    if needs_cleaning(&text) { clean(&text) } else { text }
}

/// Characters that change how text around them is shown or matched without showing themselves:
/// bidi embeddings, overrides, isolates and marks (a U+202E turns "txt.exe" into "exe.txt" on
/// screen), and zero-width spaces, joiners and byte order marks (a U+200B inside "Jeremy" hides
/// him from the extractor).
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{061c}' | '\u{feff}')
}

/// A file name (or an id made from one) as it may be shown: control characters are written as
/// escapes (`\n`, `\t`, `\r`, `\x1b`, others as `\xNN`) and invisible characters as `\u{NNNN}`,
/// so that two names stay apart on screen and in every export format and none can move the
/// cursor or turn text round. Names with nothing to escape are returned without a copy.
pub fn escaped(name: &str) -> Cow<'_, str> {
    if !name.chars().any(|c| c.is_control() || is_invisible(c)) {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + 8);
    for c in name.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c if is_invisible(c) => out.push_str(&format!("\\u{{{:04x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A path as `escaped` shows it (bytes that are not UTF-8 as `\u{fffd}`).
pub fn escaped_path(path: &std::path::Path) -> String {
    escaped_owned(path.display().to_string())
}

/// `escaped` for a string that is owned already.
pub fn escaped_owned(name: String) -> String {
    match escaped(&name) {
        Cow::Borrowed(_) => name,
        Cow::Owned(s) => s,
    }
}

fn clean(text: &str) -> String {
    let mut keep = Keep { out: String::with_capacity(text.len()), carriage_return: false };
    let mut parser = vte::Parser::new();
    let bytes = text.as_bytes();
    // The parser reads UTF-8, where a C1 introducer is a character like any other; fed in its
    // ESC form instead, its parameters are parsed and dropped with it ("\u{9b}31mRed" is "Red",
    // not "31mRed"). Each C1 control is 0xC2 followed by 0x80 to 0x9F.
    let mut from = 0;
    for at in memchr::memchr_iter(0xc2, bytes) {
        if let Some(esc) = bytes.get(at + 1).and_then(|&b| c1_as_escape(b)) {
            parser.advance(&mut keep, &bytes[from..at]);
            parser.advance(&mut keep, esc);
            from = at + 2;
        }
    }
    parser.advance(&mut keep, &bytes[from..]);
    keep.end_line();
    keep.out
}

/// The ESC form of a C1 control that opens (or ends) a sequence, from its second UTF-8 byte.
fn c1_as_escape(second: u8) -> Option<&'static [u8]> {
    Some(match second {
        0x90 => b"\x1bP",  // DCS
        0x98 => b"\x1bX",  // SOS
        0x9b => b"\x1b[",  // CSI
        0x9c => b"\x1b\\", // ST, which ends the strings
        0x9d => b"\x1b]",  // OSC
        0x9e => b"\x1b^",  // PM
        0x9f => b"\x1b_",  // APC
        _ => return None,
    })
}

/// Most files hold nothing to remove, so a quick branch-free pass over each block (which the
/// compiler vectorises) looks for the first byte of anything that might be; only a block that
/// has one is looked at closely.
fn needs_cleaning(text: &str) -> bool {
    let bytes = text.as_bytes();
    // C0 controls and DEL, and the lead bytes of C1 controls (0xC2), of bidi controls and
    // zero-width characters (0xE2), of U+061C (0xD8) and of U+FEFF (0xEF).
    let suspect = |b: u8| {
        (b < 0x20 && b != b'\n') | (b == 0x7f) | (b == 0xc2) | (b == 0xe2) | (b == 0xd8) | (b == 0xef)
    };
    const BLOCK: usize = 64;
    // "£", "—" and curly quotes share those lead bytes, so a suspect block is only a start.
    bytes.chunks(BLOCK).enumerate().any(|(n, block)| {
        block.iter().fold(false, |seen, &b| seen | suspect(b))
            && (n * BLOCK..n * BLOCK + block.len()).any(|i| removable_at(bytes, i))
    })
}

/// Does the byte at `i` start something `clean` removes?
fn removable_at(bytes: &[u8], i: usize) -> bool {
    let at = |k: usize| bytes.get(i + k).copied();
    match bytes[i] {
        // "\r\n" is a line break the line splitter understands; a lone "\r" would move the
        // cursor back over the line.
        b'\r' => at(1) != Some(b'\n'),
        b'\n' => false,
        // C1 controls, U+0080 to U+009F, are 0xC2 0x80 to 0xC2 0x9F in UTF-8.
        0xc2 => at(1).is_some_and(|n| (0x80..=0x9f).contains(&n)),
        // U+061C.
        0xd8 => at(1) == Some(0x9c),
        // U+200B to U+200F and U+202A to U+202E; U+2060 and U+2066 to U+2069.
        0xe2 => match (at(1), at(2)) {
            (Some(0x80), Some(n)) => (0x8b..=0x8f).contains(&n) || (0xaa..=0xae).contains(&n),
            (Some(0x81), Some(n)) => n == 0xa0 || (0xa6..=0xa9).contains(&n),
            _ => false,
        },
        // U+FEFF.
        0xef => at(1) == Some(0xbb) && at(2) == Some(0xbf),
        b => b < 0x20 || b == 0x7f,
    }
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
        if !c.is_control() && !is_invisible(c) {
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
            ("c1\u{9b}2J csi \u{9d}0;x\u{9c} osc", "c1 csi  osc"),
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

    #[test]
    fn c1_introducers_take_their_parameters_with_them() {
        let cases = [
            ("\u{9b}31mRed", "Red"),
            ("a\u{9b}2Jb", "ab"),
            ("\u{9b}38;5;196mhot\u{9b}0m", "hot"),
            ("clip\u{9d}52;c;SGVsbG8=\u{7}board", "clipboard"),
            ("title\u{9d}0;pwned\u{9c} ok", "title ok"),
            ("dcs\u{90}1$r0m\u{9c} end", "dcs end"),
            ("sos\u{98}hidden\u{9c} pm\u{9e}hidden\u{9c} apc\u{9f}hidden\u{9c}.", "sos pm apc."),
            // Mixed with the ESC forms and with text that only looks like them.
            ("\u{1b}[1m\u{9b}4mboth\u{1b}[0m £5 «ok»", "both £5 «ok»"),
            ("a lone \u{9c} terminator", "a lone  terminator"),
        ];
        for (raw, want) in cases {
            assert_eq!(printable(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn bidi_controls_and_zero_width_characters_go() {
        let cases = [
            ("Je\u{200b}remy Hunt", "Jeremy Hunt"),
            ("zw\u{200c}nj\u{200d}zwj\u{2060}wj", "zwnjzwjwj"),
            ("marks\u{200e}\u{200f}\u{61c} end", "marks end"),
            ("\u{202e}txt.exe\u{202c} and \u{202a}\u{202b}\u{202d}x", "txt.exe and x"),
            ("iso\u{2066}l\u{2067}a\u{2068}t\u{2069}e", "isolate"),
            ("\u{feff}bom at the start, and in\u{feff}side", "bom at the start, and inside"),
            // Their neighbours in the same blocks of Unicode stay.
            (
                "dash \u{2014} \u{201c}quotes\u{201d} \u{2026} \u{2030} x\u{2070} \u{205f} \u{fffd} \u{ff05} \u{f8ff} \u{61b} \u{600}",
                "dash \u{2014} \u{201c}quotes\u{201d} \u{2026} \u{2030} x\u{2070} \u{205f} \u{fffd} \u{ff05} \u{f8ff} \u{61b} \u{600}",
            ),
        ];
        for (raw, want) in cases {
            assert_eq!(printable(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn the_quick_check_finds_them_in_any_block_and_copies_nothing_clean() {
        // Past the first 64-byte block, at a block's edge and in its last byte.
        for at in [0, 63, 64, 127, 1000] {
            for bad in ["\u{200b}", "\u{202e}", "\u{2066}", "\u{61c}", "\u{feff}", "\u{9b}", "\u{1b}"] {
                let mut text = "x".repeat(at);
                text.push_str(bad);
                text.push_str(&"y".repeat(70));
                assert!(needs_cleaning(&text), "{bad:?} at {at}");
            }
        }
        let clean = "\u{201c}Quoted\u{201d} \u{2014} £5, 10\u{20ac}, \u{61b} \u{fffd} forms\n".repeat(40);
        assert!(matches!(printable(&clean), Cow::Borrowed(_)));
    }

    #[test]
    fn file_names_are_escaped_not_cleaned() {
        assert_eq!(
            escaped("a\nb\tc\rd\u{1b}[31me\u{7}\u{7f}\u{9b}"),
            "a\\nb\\tc\\rd\\x1b[31me\\x07\\x7f\\x9b"
        );
        assert_eq!(escaped("invoice\u{202e}fdp.exe"), "invoice\\u{202e}fdp.exe");
        assert!(matches!(escaped("plain café name.txt"), Cow::Borrowed(_)));
        // Escaping what is escaped already changes nothing.
        let once = escaped("a\nb").into_owned();
        assert_eq!(escaped(&once), once);
    }
}
