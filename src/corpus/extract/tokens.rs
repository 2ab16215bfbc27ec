//! A single pass over the body that splits it into words, numbers, tags and symbols, with the
//! spacing before each. People and figures are both read off this token stream.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with digits, inner apostrophes and inner hyphens ("Barnham-Brown", "Hunt's").
    Word,
    /// Digits with inner `,` `.` `:` `/` between digits ("5,000", "42.5", "08:00").
    Number,
    /// `#` and a name that is not all digits ("#JuniorDoctorsStrike", not "#1").
    Hashtag,
    /// `@` and a name ("@BMA_JuniorDocs").
    Handle,
    /// A URL or e-mail address: nothing inside it is a name, tag or figure.
    Link,
    /// Any other single character.
    Sym,
}

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Directly attached to the token before ("1.6million", "8am", "£15").
    None,
    /// Spaces or tabs, on the same line.
    Space,
    /// A line break (or the start of the text) comes before it.
    Line,
}

/// One token of the body.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Byte offset into the body where the token starts.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// What it is.
    pub kind: Kind,
    /// What comes between it and the token before.
    pub gap: Gap,
}

impl Token {
    /// The token's text; `body` must be the body it was read from.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Split `body` into tokens, in order; whitespace is not a token but the `gap` of the next one.
pub fn tokenize(body: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(body.len() / 5);
    let bytes = body.as_bytes();
    let mut gap = Gap::Line;
    let mut prev: Option<char> = None;
    let mut start = 0;
    while start < bytes.len() {
        // ASCII needs no decoding; anything else is decoded where it stands.
        let c = if bytes[start] < 0x80 {
            char::from(bytes[start])
        } else {
            body[start..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER)
        };
        if c.is_whitespace() {
            if c == '\n' || c == '\r' {
                gap = Gap::Line;
            } else if gap == Gap::None {
                gap = Gap::Space;
            }
            prev = Some(c);
            start += c.len_utf8();
            continue;
        }
        let (kind, end) = if c.is_alphabetic() {
            let end = scan_word(body, start);
            let word = &body[start..end];
            if is_link_start(body, start, word) {
                (Kind::Link, scan_until_space(body, start))
            } else if bytes.get(end) == Some(&b'@') && body[end + 1..].starts_with(char::is_alphanumeric) {
                // user@example.com: the whole address is one link.
                (Kind::Link, scan_until_space(body, start))
            } else {
                (Kind::Word, end)
            }
        } else if c.is_ascii_digit() {
            // Digits glued to letters on their left ("ps1", "Justice4Health") are part of a word.
            if prev.is_some_and(char::is_alphabetic) {
                (Kind::Word, scan_word(body, start))
            } else {
                (Kind::Number, scan_number(body, start))
            }
        } else if (c == '#' || c == '@')
            && !(prev.is_some_and(|p| p.is_alphanumeric() || p == '_')
                || (c == '#' && prev == Some('&') && is_char_reference(&body[start..])))
            && body[start + 1..].chars().next().is_some_and(is_tag_char)
        {
            let end = scan_tag(body, start + 1, c == '@');
            let name = &body[start + 1..end];
            let kind = if c == '@' { Kind::Handle } else { Kind::Hashtag };
            if end > start + 1 && (c == '@' || name.chars().any(|ch| !ch.is_ascii_digit())) {
                (kind, end)
            } else {
                (Kind::Sym, start + c.len_utf8())
            }
        } else {
            (Kind::Sym, start + c.len_utf8())
        };
        tokens.push(Token { start, end, kind, gap });
        gap = Gap::None;
        prev = match bytes[end - 1] {
            b if b.is_ascii() => Some(char::from(b)),
            _ => body[..end].chars().next_back(),
        };
        start = end;
    }
    tokens
}

/// `#233;` or `#x27;` after an ampersand: an HTML character reference, not a hashtag.
fn is_char_reference(from_hash: &str) -> bool {
    let rest = &from_hash[1..];
    let (digits, hex) = match rest.strip_prefix(['x', 'X']) {
        Some(h) => (h, true),
        None => (rest, false),
    };
    let len =
        digits.bytes().take_while(|b| if hex { b.is_ascii_hexdigit() } else { b.is_ascii_digit() }).count();
    len > 0 && digits.as_bytes().get(len) == Some(&b';')
}

fn scan_word(body: &str, start: usize) -> usize {
    let bytes = body.as_bytes();
    // Most words are plain ASCII letters: run over those as bytes, and decode only from the
    // first byte that may need it.
    let mut end = start;
    while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if end < bytes.len() && (bytes[end] >= 0x80 || bytes[end] == b'\'' || bytes[end] == b'-') {
        return scan_word_from(body, start, end);
    }
    end
}

fn scan_word_from(body: &str, start: usize, ascii_end: usize) -> usize {
    let bytes = body.as_bytes();
    let mut end = ascii_end;
    let mut chars = body[ascii_end..].char_indices().map(|(o, c)| (o + ascii_end - start, c)).peekable();
    while let Some((off, c)) = chars.next() {
        let here = start + off;
        if c.is_alphanumeric() {
            end = here + c.len_utf8();
        } else if (is_apostrophe(c) || c == '-') && here > start {
            // Inner apostrophes and hyphens join letters: "Hunt's", "O'Brien", "Rhind-Tutt".
            match chars.peek() {
                Some(&(_, n)) if n.is_alphabetic() => end = here + c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    debug_assert!(end <= bytes.len());
    end
}

fn scan_number(body: &str, start: usize) -> usize {
    let bytes = body.as_bytes();
    let mut end = start;
    while end < bytes.len() {
        let b = bytes[end];
        // Separators count only between digits: "5,000", "42.5", "08:00", "10/08/2016".
        let inner_separator = matches!(b, b',' | b'.' | b':' | b'/')
            && end > start
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if !(b.is_ascii_digit() || inner_separator) {
            break;
        }
        end += 1;
    }
    end
}

fn scan_tag(body: &str, from: usize, handle: bool) -> usize {
    let mut end = from;
    for (off, c) in body[from..].char_indices() {
        let ok = if handle { c.is_ascii_alphanumeric() || c == '_' } else { is_tag_char(c) };
        if !ok {
            break;
        }
        end = from + off + c.len_utf8();
    }
    end
}

fn scan_until_space(body: &str, start: usize) -> usize {
    let rest = &body[start..];
    let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    // A link at the end of a sentence leaves its closing punctuation outside.
    let trimmed = rest[..len].trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '"', '\'']);
    start + trimmed.len().max(1)
}

fn is_link_start(body: &str, start: usize, word: &str) -> bool {
    let rest = &body[start + word.len()..];
    ((word.eq_ignore_ascii_case("http") || word.eq_ignore_ascii_case("https")) && rest.starts_with("://"))
        || (word.eq_ignore_ascii_case("www") && rest.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(Kind, &str)> {
        tokenize(s).iter().map(|t| (t.kind, t.text(s))).collect()
    }

    #[test]
    fn words_numbers_and_tags() {
        let k = kinds("Mr Hunt's 5,000 #IAmTheDoctorWho @Justice4Health_. ps1.jpg Seti@home");
        assert_eq!(k[0], (Kind::Word, "Mr"));
        assert_eq!(k[1], (Kind::Word, "Hunt's"));
        assert_eq!(k[2], (Kind::Number, "5,000"));
        assert_eq!(k[3], (Kind::Hashtag, "#IAmTheDoctorWho"));
        assert_eq!(k[4], (Kind::Handle, "@Justice4Health_"));
        assert!(k.contains(&(Kind::Word, "ps1")));
        assert!(!k.iter().any(|(kind, t)| *kind == Kind::Number && *t == "1"));
        assert!(k.iter().any(|&(kind, t)| kind == Kind::Link && t == "Seti@home"));
    }

    #[test]
    fn urls_hide_their_insides() {
        let k = kinds("see https://example.com/#anchor?x=1, then #real");
        assert!(k.iter().any(|&(kind, t)| kind == Kind::Link && t == "https://example.com/#anchor?x=1"));
        assert!(k.iter().any(|&(kind, t)| kind == Kind::Hashtag && t == "#real"));
        assert_eq!(k.iter().filter(|(kind, _)| *kind == Kind::Hashtag).count(), 1);
    }

    #[test]
    fn entity_references_are_not_hashtags() {
        let k = kinds("communiqu&#233; and &#x27;");
        assert!(!k.iter().any(|(kind, _)| *kind == Kind::Hashtag));
    }

    #[test]
    fn gaps() {
        let t = tokenize("£15.8m\nand 8am");
        assert_eq!(t[0].gap, Gap::Line);
        assert_eq!(t[1].gap, Gap::None);
        assert_eq!(t[2].gap, Gap::None);
        assert_eq!(t[3].gap, Gap::Line);
        assert_eq!(t[5].gap, Gap::None);
    }
}
