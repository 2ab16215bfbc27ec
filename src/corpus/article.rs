//! One article: its metadata inferred from the text, its paragraphs and what was extracted.

use std::sync::Arc;

use super::date::{Date, Moment, date_line, file_name_date};
use super::extract::{self, Entities};
use super::formats::Document;
use super::{safe, text};

/// Inferred titles are cut to this many characters.
const TITLE_MAX: usize = 90;
/// Lines at the top of an article searched for its title, date and byline.
const HEADER_LINES: usize = 40;
/// A first line longer than this is prose, not a headline.
const HEADLINE_MAX: usize = 160;

/// One article as the reader and `export` see it: every text field already safe to print.
#[derive(Debug, Clone)]
pub struct Article {
    /// Stable id: the file stem.
    pub id: String,
    /// Where it came from, as the user named it (`seeds/<name>` for the bundled articles).
    pub path: String,
    /// Shared when articles repeat a headline (syndicated copy); see `corpus::intern`.
    pub title: Arc<str>,
    /// True when no headline was found and the title was made from the opening sentence.
    pub title_inferred: bool,
    /// Publication date: the file's own field, else a dateline at the top of the text, else a
    /// date in the file's name (never the file's modification time).
    pub date: Option<Date>,
    /// Minutes after midnight, when the field or dateline gives a time (as written, in the
    /// source's own zone).
    pub time: Option<u16>,
    /// Bylines, cleaned to one line each; empty when none was given or found.
    pub authors: Vec<String>,
    /// Words in the body.
    pub words: usize,
    /// Where the article was published, when its file says (feeds, JSON, saved pages).
    pub url: Option<String>,
    /// The outlet, when its file says.
    pub source: Option<String>,
    /// A hash of the title and body: what reading state is kept under, so that an article
    /// keeps its marks when its file moves.
    pub key: u64,
    /// The body: paragraphs joined by a blank line. Entity offsets index into it.
    pub body: String,
    /// People, hashtags, handles and figures found in the body, with offsets into it.
    pub entities: Entities,
}

impl Article {
    /// Build an article from its raw text: infer title, date and byline, normalise the body
    /// into paragraphs and extract entities.
    pub fn parse(id: String, path: String, raw: &str) -> Article {
        Article::from_document(id, path, Document::text(raw.to_string()))
    }

    /// Build an article from what a file format gave: fields it lacks are inferred from the top
    /// of the body, as for plain text.
    pub fn from_document(id: String, path: String, doc: Document) -> Article {
        // Every field is made safe for a terminal here, once: the reader and `export` alike
        // only ever see printable text. Character references are decoded first, so that one
        // written as `&#27;` cannot smuggle an escape in. A byte order mark goes with the
        // other invisible characters.
        let field = |s: String| safe::printable_owned(decoded(s));
        let raw = field(doc.body);
        let raw = raw.as_str();
        // File names can hold control characters too: they are shown escaped, not dropped, so
        // that the id and path still say which file it was.
        let (id, path) = (safe::escaped_owned(id), safe::escaped_owned(path));
        let title = doc.title.map(|t| text::clean_line(&field(t))).filter(|t| !t.is_empty());
        let mut authors: Vec<String> = doc.authors.into_iter().map(|a| text::clean_line(&field(a))).collect();
        authors.retain(|a| !a.is_empty());
        // A format's own title means the body is all article; without one, the body's top
        // may hold the headline, dateline and byline.
        let doc_title_missing = title.is_none();
        let header = match &title {
            Some(_) => Header::default(),
            None if doc.header_in_body => Header::infer(raw),
            None => Header::from_opening(raw),
        };
        let body = text::body(raw.lines().skip(header.body_start), raw.len());
        let entities = extract::extract(&body);
        let title = title.unwrap_or(header.title);
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for part in [title.as_bytes(), b"\n", body.as_bytes()] {
            hasher.update(part);
        }
        let key = hasher.digest();
        let moment = doc.date.or(header.date).or_else(|| {
            let name = path.rsplit(['/', '\\']).next().unwrap_or(&path);
            file_name_date(name).map(Moment::day)
        });
        Article {
            id,
            path,
            words: text::word_count(&body),
            title_inferred: doc_title_missing && header.title_inferred,
            title: Arc::from(title),
            key,
            date: moment.map(|m| m.date),
            time: moment.and_then(|m| m.minute),
            authors: if authors.is_empty() { header.authors } else { authors },
            url: doc.url.map(field),
            source: doc.source.map(|s| text::clean_line(&field(s))),
            body,
            entities,
        }
    }

    /// The paragraphs of the body, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.split("\n\n")
    }
}

#[derive(Default)]
struct Header {
    title: String,
    title_inferred: bool,
    date: Option<Moment>,
    authors: Vec<String>,
    /// The line the body starts on.
    body_start: usize,
}

impl Header {
    fn infer(raw: &str) -> Header {
        // Only the top of an article holds its header.
        let lines: Vec<&str> = raw.lines().take(HEADER_LINES).collect();
        let mut first = first_content_line(&lines, 0);
        let mut date = None;
        let mut consumed = 0;

        // A date line first ("10/08/2016 05:13 BST | Updated ..."), the headline after it.
        if let Some(i) = first
            && let Some(d) = date_line(lines[i])
        {
            date = Some(d);
            consumed = i + 1;
            first = first_content_line(&lines, consumed);
        }

        let (title, title_inferred) = match first {
            Some(i) if is_headline(lines[i], lines.get(i + 1).copied()) => {
                consumed = i + 1;
                (markdown_heading(lines[i]), false)
            }
            Some(i) if text::is_list_item(lines[i]) => {
                // A numbered or bulleted summary first: its first item says what the piece is.
                (text::shorten(&list_item_text(lines[i]), TITLE_MAX), false)
            }
            Some(i) => (opening_sentence_title(lines[i]), true),
            None => (String::from("(empty article)"), true),
        };

        let authors = lines.iter().find_map(|l| byline(l)).unwrap_or_default();
        if date.is_none() {
            date = lines.iter().take(6).find_map(|l| date_line(l));
        }
        Header { title, title_inferred, date, authors, body_start: consumed }
    }
}

impl Header {
    /// A record with no title of its own: the title is made from its opening sentence, and
    /// the whole text stays the body.
    fn from_opening(raw: &str) -> Header {
        let title = raw.lines().find(|l| !l.trim().is_empty()).map(opening_sentence_title);
        Header {
            title_inferred: true,
            title: title.unwrap_or_else(|| String::from("(empty article)")),
            ..Header::default()
        }
    }
}

fn first_content_line(lines: &[&str], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&i| !lines[i].trim().is_empty())
}

fn markdown_heading(line: &str) -> String {
    text::clean_line(line.trim_start_matches('#'))
}

/// A headline is a short first line that is not a sentence of running prose: it does not end
/// like a sentence, or it stands alone above a blank line.
fn is_headline(line: &str, next: Option<&str>) -> bool {
    let line = line.trim();
    if line.starts_with('#') {
        return true;
    }
    if line.chars().count() > HEADLINE_MAX || text::is_list_item(line) {
        return false;
    }
    let ends_sentence =
        line.ends_with(['.', '!', ';', ',']) && !line.ends_with("...") && !line.ends_with('…');
    let followed_by_blank = next.is_none_or(|n| n.trim().is_empty());
    if ends_sentence {
        // "Strike over." above a blank line is still a headline; a sentence of prose with more
        // prose straight below it is not.
        followed_by_blank && line.split_whitespace().count() <= 12
    } else {
        followed_by_blank || line.split_whitespace().count() <= 20
    }
}

fn list_item_text(line: &str) -> String {
    let line = line.trim_start();
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest.strip_prefix(['.', ')']).unwrap_or(rest);
    let rest = rest.trim_start_matches(|c: char| "•·-*–◦".contains(c));
    text::clean_line(rest)
}

/// The title made from prose: its first sentence, marked with an ellipsis so that a reader sees
/// it is not the author's headline.
fn opening_sentence_title(line: &str) -> String {
    let line = text::clean_line(line);
    let end = sentence_end(&line).unwrap_or(line.len());
    let sentence = line[..end].trim_end_matches(['.', '!', '?', ' ']);
    let short = text::shorten(sentence, TITLE_MAX);
    if short.ends_with('…') { short } else { format!("{short}…") }
}

fn sentence_end(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    (0..bytes.len())
        .find(|&i| {
            matches!(bytes[i], b'.' | b'!' | b'?') && bytes.get(i + 1).is_none_or(|&b| b == b' ') && i >= 12
        })
        .map(|i| i + 1)
}

/// HTML character references (`&amp;`, `&#233;`) as the characters they stand for: every format
/// may hold them, plain text pasted from the web included.
fn decoded(s: String) -> String {
    if !s.contains('&') {
        return s;
    }
    match html_escape::decode_html_entities(&s) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(d) => d,
    }
}

/// "By Lauren Turner, James Gallagher and Dominic Howell" -> the three names.
fn byline(line: &str) -> Option<Vec<String>> {
    let start = line.trim_start();
    if !(start.starts_with("By ") || start.starts_with("by ")) || start.len() > 400 {
        return None;
    }
    let line = text::clean_line(line);
    let rest = line.strip_prefix("By ").or_else(|| line.strip_prefix("by "))?;
    if rest.chars().count() > 120 {
        return None;
    }
    let rest = rest.split(['|', '(']).next().unwrap_or(rest);
    let names: Vec<String> = rest
        .split(", ")
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" & "))
        .map(|n| n.trim().trim_end_matches(['.', ',']).to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let looks_like_name = |n: &String| {
        let words: Vec<&str> = n.split_whitespace().collect();
        (1..=4).contains(&words.len())
            && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    (!names.is_empty() && names.iter().all(looks_like_name)).then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_paths_show_control_characters_escaped() {
        let a = Article::parse("a\nb\u{1b}[2J".into(), "dir/a\nb\u{1b}[2J.txt".into(), "Title\n\nText.\n");
        assert_eq!(a.id, "a\\nb\\x1b[2J");
        assert_eq!(a.path, "dir/a\\nb\\x1b[2J.txt");
    }

    #[test]
    fn a_zero_width_space_no_longer_hides_a_name() {
        let a = Article::parse(
            "a".into(),
            "a.txt".into(),
            "\u{feff}Talks\n\nHealth secretary Je\u{200b}remy Hunt said \u{9b}31m98% voted.\n",
        );
        assert_eq!(a.title.as_ref(), "Talks");
        let people: Vec<&str> = a.entities.people.iter().map(|p| p.name.as_ref()).collect();
        assert_eq!(people, ["Jeremy Hunt"]);
        let figures: Vec<&str> = a.entities.figures.iter().map(|f| f.text(&a.body)).collect();
        assert_eq!(figures, ["98%"]);
    }

    #[test]
    fn bylines() {
        assert_eq!(
            byline("By Lauren Turner, James Gallagher and Dominic Howell").unwrap(),
            ["Lauren Turner", "James Gallagher", "Dominic Howell"]
        );
        assert_eq!(byline("By the time the strike began, doctors had left"), None);
        assert_eq!(byline("Bylines are rare"), None);
    }

    #[test]
    fn headline_rules() {
        assert!(is_headline("Doctors Are Sharing The Ways They Help Patients", Some("")));
        assert!(!is_headline(
            "It wasn't meant to go like this. We were meant to cross the picket line in waves, our public support was meant to crumble.",
            Some("As I type")
        ));
        assert!(is_headline("Strike over, for now", Some("")));
    }
}
