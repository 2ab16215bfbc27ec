//! Turning raw article text into clean paragraphs.

/// Bullet characters that start a list item; kept, with the indentation before them dropped.
const BULLETS: [char; 6] = ['•', '·', '-', '*', '–', '◦'];

/// Lines longer than this are never treated as hard-wrapped prose.
const WRAP_WIDTH: usize = 100;

/// Is this line a list item: a bullet or `N.`/`N)` numbering followed by a space?
pub fn is_list_item(line: &str) -> bool {
    let line = line.trim_start();
    let mut chars = line.chars();
    match chars.next() {
        Some(c) if BULLETS.contains(&c) => chars.next().is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            let digits = line.len() - rest.len();
            digits <= 3 && (rest.starts_with(". ") || rest.starts_with(") ")) && rest.len() > 2
        }
        _ => false,
    }
}

/// Collapse runs of spaces (including the no-break spaces web copy is full of) into one and
/// trim the ends; a bullet loses its indentation but keeps its marker.
pub fn clean_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    push_clean(&mut out, line);
    out
}

/// Append `line` to `out` cleaned as `clean_line` does, without an allocation of its own.
pub fn push_clean(out: &mut String, line: &str) {
    let trimmed = line.trim();
    // Most lines are clean already: ASCII with single spaces between words.
    let clean = trimmed.is_ascii()
        && !trimmed.bytes().any(|b| b.is_ascii_whitespace() && b != b' ')
        && !trimmed.contains("  ");
    if clean {
        out.push_str(trimmed);
        return;
    }
    let start = out.len();
    let mut pending_space = false;
    for c in trimmed.chars() {
        if c.is_whitespace() {
            pending_space = out.len() > start;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
}

/// The normalised body of `lines`: its paragraphs joined by a blank line. Blank lines separate
/// blocks. Inside a block every line is its own paragraph (news copy puts one paragraph per
/// line), unless the block looks hard-wrapped: several lines of similar, moderate length, none
/// of them a list item, which are joined.
/// `size` is the raw text's length: the body is never longer, so it is built without growing.
pub fn body<'a>(lines: impl Iterator<Item = &'a str>, size: usize) -> String {
    let mut out = String::with_capacity(size);
    let mut block: Vec<&str> = Vec::new();
    for line in lines {
        if line.trim().is_empty() {
            flush_block(&mut block, &mut out);
        } else {
            block.push(line);
        }
    }
    flush_block(&mut block, &mut out);
    out.shrink_to_fit();
    out
}

fn flush_block(block: &mut Vec<&str>, out: &mut String) {
    if block.is_empty() {
        return;
    }
    let wrapped = looks_hard_wrapped(block);
    for (i, line) in block.iter().enumerate() {
        if !out.is_empty() {
            out.push_str(if wrapped && i > 0 { " " } else { "\n\n" });
        }
        let before = out.len();
        push_clean(out, line);
        if out.len() == before {
            // A line of only invisible characters adds nothing; drop its separator too.
            out.truncate(before.saturating_sub(if wrapped && i > 0 { 1 } else { 2 }));
        }
    }
    block.clear();
}

fn looks_hard_wrapped(block: &[&str]) -> bool {
    if block.len() < 2 || block.iter().any(|l| is_list_item(l)) {
        return false;
    }
    let widths: Vec<usize> = block.iter().map(|l| l.trim_end().chars().count()).collect();
    let (body, last) = widths.split_at(widths.len() - 1);
    body.iter().all(|&w| (40..=WRAP_WIDTH).contains(&w)) && last[0] <= WRAP_WIDTH
}

/// What `word_count` needs to know of a byte.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
const NOT_ASCII: u8 = 4;
const BYTE_CLASS: [u8; 256] = {
    let mut class = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        class[b] = if !byte.is_ascii() {
            NOT_ASCII
        } else if matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            SPACE
        } else if byte.is_ascii_alphanumeric() {
            ALNUM
        } else {
            0
        };
        b += 1;
    }
    class
};

/// Count words the way a reader would: runs of characters that hold a letter or digit.
pub fn word_count(text: &str) -> usize {
    // This runs over every article: ASCII goes through a table without a branch per word
    // boundary (they are too frequent to predict); only what is not ASCII is decoded.
    let bytes = text.as_bytes();
    let (mut words, mut has_alnum) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let class = BYTE_CLASS[usize::from(bytes[i])];
        let (space, alnum) = if class & NOT_ASCII == 0 {
            i += 1;
            (usize::from(class & SPACE), usize::from(class & ALNUM != 0))
        } else {
            let c = text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
            i += c.len_utf8();
            (usize::from(c.is_whitespace()), usize::from(c.is_alphanumeric()))
        };
        words += space & has_alnum;
        has_alnum = (has_alnum | alnum) & (space ^ 1);
    }
    words + has_alnum
}

/// Shorten `text` to at most `max` characters on a word boundary, ending with an ellipsis
/// whenever anything was cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end_matches([' ', ',', ';', ':', '-', '.']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items() {
        assert!(is_list_item("  • If you have a planned operation"));
        assert!(is_list_item("1. Fourth strike"));
        assert!(is_list_item("  2. Doctors are"));
        assert!(!is_list_item("1990s were good"));
        assert!(!is_list_item("2016. A year"));
        assert!(!is_list_item("-5 degrees"));
    }

    #[test]
    fn paragraphs_keep_lines_and_join_wrapped_prose() {
        let text = "One line.\nAnother line that is a paragraph.\n\n  • bullet one\n  • bullet two\n\n\
                    This is a hard wrapped paragraph that goes on and on for a\n\
                    while until it reaches the second line of the same thought.\n";
        let body = body(text.lines(), text.len());
        let p: Vec<&str> = body.split("\n\n").collect();
        assert_eq!(p[0], "One line.");
        assert_eq!(p[2], "• bullet one");
        assert_eq!(p.len(), 5);
        assert!(p[4].starts_with("This is a hard wrapped") && p[4].ends_with("same thought."));
    }

    #[test]
    fn clean_line_folds_no_break_spaces() {
        assert_eq!(clean_line("    a\u{a0} b  c\u{a0}"), "a b c");
    }

    #[test]
    fn shorten_marks_the_cut() {
        assert_eq!(shorten("short", 10), "short");
        let s = shorten("Fourth strike involving junior doctors in England began", 30);
        assert!(s.ends_with('…') && s.chars().count() <= 30, "{s}");
    }
}
