//! JSON exports of news datasets: an array of objects (or an object holding one under
//! `articles`, `items`, `data` or `results`), or one object a line. Field names vary between
//! datasets, so each field is looked for under the names they commonly use.

use serde_json::{Map, Value};

use super::{Document, FormatError, Parsed, markup_to_text};
use crate::corpus::date::parse_moment;

const TITLE: [&str; 2] = ["title", "headline"];
const BODY: [&str; 6] = ["body", "text", "content", "article", "full_text", "description"];
const DATE: [&str; 8] =
    ["date", "published", "published_at", "publishedAt", "pubDate", "datePublished", "created_at", "time"];
const AUTHORS: [&str; 4] = ["authors", "author", "byline", "creator"];
const URL: [&str; 3] = ["url", "link", "href"];
const SOURCE: [&str; 3] = ["source", "publication", "outlet"];
/// Where an object that wraps a dataset keeps its records.
const WRAPPERS: [&str; 5] = ["articles", "items", "data", "results", "records"];

/// A `.json` file: a whole array (or one article). A syntax error makes the file unreadable;
/// a record without a body is reported and passed over.
pub fn array(text: &str) -> Result<Parsed, FormatError> {
    let value: Value = serde_json::from_str(text).map_err(|e| FormatError(format!("invalid JSON: {e}")))?;
    from_value(value)
}

fn from_value(value: Value) -> Result<Parsed, FormatError> {
    let records = match value {
        Value::Array(items) => items,
        Value::Object(mut object) => {
            match WRAPPERS.iter().find(|k| object.get(**k).is_some_and(Value::is_array)) {
                Some(key) => match object.remove(*key) {
                    Some(Value::Array(items)) => items,
                    _ => Vec::new(),
                },
                None => vec![Value::Object(object)],
            }
        }
        _ => return Err(FormatError("JSON holds neither an array of articles nor an article".into())),
    };
    let mut parsed = Parsed::default();
    for (i, record) in records.into_iter().enumerate() {
        match document(record) {
            Ok(d) => parsed.documents.push(d),
            Err(why) => parsed.problems.push(format!("record {}: {why}", i + 1)),
        }
    }
    Ok(parsed)
}

/// A `.jsonl` file: one object a line; a line that fails is reported with its number and the
/// others load.
pub fn lines(text: &str) -> Parsed {
    // One object pretty-printed over many lines (piped from `jq`, say) is one JSON value, not
    // JSON lines. Real JSON lines fail this at the end of their first line, so it costs little.
    if text.trim_end().contains('\n')
        && let Ok(value) = serde_json::from_str::<Value>(text)
        && let Ok(parsed) = from_value(value)
    {
        return parsed;
    }
    let mut parsed = Parsed::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let result = serde_json::from_str::<Value>(line).map_err(|e| without_position(&e)).and_then(document);
        match result {
            Ok(d) => parsed.documents.push(d),
            Err(why) => parsed.problems.push(format!("line {}: {why}", i + 1)),
        }
    }
    parsed
}

/// The line is reported by the caller; serde_json's own "at line 1 column 9" would mislead.
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
    format!("column {}: {message}", e.column())
}

fn document(record: Value) -> Result<Document, String> {
    let Value::Object(object) = record else {
        return Err("not a JSON object".into());
    };
    let body = find(&object, &BODY)
        .and_then(text)
        .ok_or_else(|| format!("no article text (looked for {})", BODY.join(", ")))?;
    Ok(Document {
        title: find(&object, &TITLE).and_then(text),
        body: markup_to_text(&body),
        date: find(&object, &DATE).and_then(text).and_then(|d| parse_moment(&d)),
        authors: find(&object, &AUTHORS).map(names).unwrap_or_default(),
        url: find(&object, &URL).and_then(text),
        source: find(&object, &SOURCE).and_then(|s| text(s).or_else(|| s.get("name").and_then(text))),
        header_in_body: false,
    })
}

fn find<'a>(object: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().filter_map(|k| object.get(*k)).find(|v| !v.is_null())
}

/// A string field, or a number written as one; empty text counts as missing.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Authors as datasets write them: "A and B", ["A", "B"], or [{"name": "A"}].
fn names(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().flat_map(names).collect(),
        Value::Object(o) => o.get("name").and_then(text).into_iter().collect(),
        other => text(other)
            .map(|s| {
                s.split([',', ';'])
                    .flat_map(|p| p.split(" and "))
                    .map(|p| p.trim().trim_start_matches("By ").trim().to_string())
                    .filter(|p| !p.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_news_dataset_array_loads_with_its_fields() {
        let parsed = array(
            r#"{"status": "ok", "articles": [
                {"title": "Strike", "content": "Mr Hunt spoke.", "publishedAt": "2016-04-26T08:00:00Z",
                 "author": "Jane Smith and John Doe", "url": "https://e.com/1", "source": {"name": "E News"}},
                {"headline": "No body here"},
                {"text": "<p>Second &amp; last</p>", "authors": [{"name": "A Writer"}, "B Writer"]}
            ]}"#,
        )
        .expect("parses");
        assert_eq!(parsed.documents.len(), 2);
        let first = &parsed.documents[0];
        assert_eq!(first.title.as_deref(), Some("Strike"));
        assert_eq!(first.body, "Mr Hunt spoke.");
        assert_eq!(first.date.map(|d| d.to_string()).as_deref(), Some("2016-04-26"));
        assert_eq!(first.authors, ["Jane Smith", "John Doe"]);
        assert_eq!(first.url.as_deref(), Some("https://e.com/1"));
        assert_eq!(first.source.as_deref(), Some("E News"));
        assert_eq!(parsed.documents[1].body, "Second & last");
        assert_eq!(parsed.documents[1].authors, ["A Writer", "B Writer"]);
        assert_eq!(parsed.problems.len(), 1);
        assert!(parsed.problems[0].starts_with("record 2: no article text"), "{:?}", parsed.problems);
    }

    #[test]
    fn a_pretty_printed_object_is_not_read_line_by_line() {
        let parsed = lines("{\n  \"title\": \"One\",\n  \"body\": \"Whole text.\"\n}\n");
        assert_eq!(parsed.documents.len(), 1);
        assert_eq!(parsed.documents[0].body, "Whole text.");
        assert!(parsed.problems.is_empty());
    }

    #[test]
    fn broken_json_is_one_clear_error() {
        let e = array("[{\"title\": \"x\",\n \"body\": }]").unwrap_err();
        assert!(e.0.contains("line 2"), "{e}");
    }

    #[test]
    fn json_lines_report_the_lines_that_fail() {
        let parsed = lines("{\"body\": \"one\"}\n\n{\"body\": \n[1, 2]\n{\"text\": \"four\"}\n");
        let bodies: Vec<&str> = parsed.documents.iter().map(|d| d.body.as_str()).collect();
        assert_eq!(bodies, ["one", "four"]);
        assert_eq!(parsed.problems.len(), 2);
        assert_eq!(parsed.problems[0], "line 3: column 9: EOF while parsing a value");
        assert!(parsed.problems[1].starts_with("line 4: not a JSON object"), "{:?}", parsed.problems);
    }
}
