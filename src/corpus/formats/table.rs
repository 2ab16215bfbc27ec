//! A `.csv` file whose header names a text column: each row is an article (a tweet export, a
//! spreadsheet of clippings). The `csv` crate reads it; quoted fields may span lines.

use super::{Document, FormatError, Parsed, markup_to_text};
use crate::corpus::date::parse_moment;

/// Column names, best first, compared without case.
const TEXT: [&str; 7] = ["text", "body", "content", "article", "full_text", "tweet", "description"];
const TITLE: [&str; 2] = ["title", "headline"];
const DATE: [&str; 7] =
    ["date", "published", "published_at", "publish_date", "created_at", "tweet_created", "time"];
const AUTHORS: [&str; 6] = ["author", "authors", "byline", "user", "screen_name", "name"];
const URL: [&str; 2] = ["url", "link"];
const SOURCE: [&str; 3] = ["source", "publication", "outlet"];

/// A `.csv` file's rows, columns found by their header names in any case. No text column makes
/// the file unreadable; a row whose text is empty or that does not parse is reported and passed
/// over.
pub fn rows(text: &str) -> Result<Parsed, FormatError> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| FormatError(format!("unreadable CSV header: {e}")))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let column = |names: &[&str]| names.iter().find_map(|n| header.iter().position(|h| h == n));
    let Some(body) = column(&TEXT) else {
        return Err(FormatError(format!(
            "the CSV header names no text column (looked for {})",
            TEXT.join(", ")
        )));
    };
    let (title, date, authors, url, source) =
        (column(&TITLE), column(&DATE), column(&AUTHORS), column(&URL), column(&SOURCE));
    let mut parsed = Parsed::default();
    for row in reader.records() {
        let row = match row {
            Ok(row) => row,
            // The error names its line itself.
            Err(e) => {
                parsed.problems.push(e.to_string());
                continue;
            }
        };
        let line = row.position().map_or(0, |p| p.line());
        let field = |i: Option<usize>| {
            i.and_then(|i| row.get(i)).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
        };
        let Some(text) = field(Some(body)) else {
            parsed.problems.push(format!("line {line}: the {} column is empty", header[body]));
            continue;
        };
        parsed.documents.push(Document {
            title: field(title),
            body: markup_to_text(&text),
            date: field(date).and_then(|d| parse_moment(&d)),
            authors: field(authors).into_iter().collect(),
            url: field(url),
            source: field(source),
            header_in_body: false,
        });
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_is_an_article() {
        let parsed = rows(
            "id,name,text,tweet_created\n\
             1,I_Am_Kenzi,\"RT @NancyLeeGrahn: How did everyone feel? #GOPDebate\",2015-08-07 09:54:46 -0700\n\
             2,Someone,,2015-08-07\n\
             3,Other,\"A quoted\nfield on two lines\",\n",
        )
        .expect("parses");
        assert_eq!(parsed.documents.len(), 2);
        assert_eq!(parsed.documents[0].body, "RT @NancyLeeGrahn: How did everyone feel? #GOPDebate");
        assert_eq!(parsed.documents[0].authors, ["I_Am_Kenzi"]);
        assert_eq!(parsed.documents[0].date.map(|d| d.to_string()).as_deref(), Some("2015-08-07"));
        assert_eq!(parsed.documents[1].body, "A quoted\nfield on two lines");
        assert_eq!(parsed.problems, ["line 3: the text column is empty"]);
    }

    #[test]
    fn a_header_without_a_text_column_is_refused() {
        let e = rows("id,score\n1,2\n").unwrap_err();
        assert!(e.0.contains("no text column"), "{e}");
    }
}
