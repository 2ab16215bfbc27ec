//! RSS and Atom feeds (`.xml`, `.rss`, `.atom`), read by `feed-rs`: each item is an article with
//! its date, authors and link, the HTML of its content or description turned into text.

use std::borrow::Cow;

use super::{Document, FormatError, Parsed, markup_to_text};
use crate::corpus::date::parse_moment;

/// A feed's items, the feed's title as each one's source. A feed that does not parse is
/// unreadable; an item with no text at all is reported and passed over.
pub fn items(text: &str) -> Result<Parsed, FormatError> {
    let feed = feed_rs::parser::parse(utf8_prolog(text).as_bytes())
        .map_err(|e| FormatError(format!("not an RSS or Atom feed: {e}")))?;
    let source = feed.title.as_ref().map(|t| single_line(&t.content)).filter(|t| !t.is_empty());
    let mut parsed = Parsed::default();
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let title = entry.title.map(|t| single_line(&markup_to_text(&t.content))).filter(|t| !t.is_empty());
        // Atom's content is the article; RSS often has only a description (the summary here).
        let body = entry
            .content
            .and_then(|c| c.body)
            .or(entry.summary.map(|s| s.content))
            .map(|b| markup_to_text(&b))
            .filter(|b| !b.trim().is_empty());
        let Some(body) = body.or_else(|| title.clone()) else {
            parsed.problems.push(format!("item {}: no title, content or description", i + 1));
            continue;
        };
        parsed.documents.push(Document {
            title,
            body,
            date: entry.published.or(entry.updated).and_then(|d| parse_moment(&d.to_rfc3339())),
            authors: entry.authors.into_iter().filter_map(author).collect(),
            url: entry.links.into_iter().next().map(|l| l.href),
            source: source.clone(),
            header_in_body: false,
        });
    }
    Ok(parsed)
}

/// The text is UTF-8 by now (`decode` honoured the declared encoding), but the XML parser would
/// decode it again by the `<?xml ... encoding="..."?>` it finds; so the prolog is made to say so.
fn utf8_prolog(text: &str) -> Cow<'_, str> {
    let start = text.len() - text.trim_start().len();
    let Some(prolog_end) = text[start..].strip_prefix("<?xml").and_then(|_| text[start..].find("?>")) else {
        return Cow::Borrowed(text);
    };
    let prolog = &text[start..start + prolog_end];
    let Some(at) = prolog.find("encoding") else { return Cow::Borrowed(text) };
    let rest = &prolog[at..];
    let Some(open) = rest.find(['"', '\'']) else { return Cow::Borrowed(text) };
    let quote = rest[open..].chars().next().unwrap_or('"');
    let Some(len) = rest[open + 1..].find(quote) else { return Cow::Borrowed(text) };
    let value = start + at + open + 1;
    Cow::Owned(format!("{}UTF-8{}", &text[..value], &text[value + len..]))
}

/// The name in an RSS `<author>` (an email address by the standard, often with the name in
/// brackets) or an Atom `<name>`: `nick@example.com (Nick Triggle)` and
/// `Nick Triggle <nick@example.com>` both give "Nick Triggle"; a bare address stays as it is.
fn author(person: feed_rs::model::Person) -> Option<String> {
    // feed-rs splits the address off, but leaves the brackets of "(Nick Triggle)" on.
    let name = person.name.map(|n| single_line(&n)).filter(|n| !n.is_empty());
    let name = match name {
        Some(n) => name_of(unbracketed(&n)).to_string(),
        None => single_line(&person.email?),
    };
    (!name.is_empty()).then_some(name)
}

/// `x@y.z (Name)` and `Name <x@y.z>` as the name; anything else as it is.
fn name_of(text: &str) -> &str {
    let text = text.trim();
    if let Some(open) = text.find('(')
        && text.ends_with(')')
        && text[..open].contains('@')
    {
        let name = text[open + 1..text.len() - 1].trim();
        if !name.is_empty() {
            return name;
        }
    }
    if let Some(open) = text.rfind('<')
        && text.ends_with('>')
        && text[open..].contains('@')
    {
        let name = text[..open].trim().trim_matches('"').trim();
        if !name.is_empty() {
            return name;
        }
    }
    text
}

/// "(Nick Triggle)" and "\"Nick Triggle\"" without their brackets or quotes; a name with
/// brackets inside it keeps them.
fn unbracketed(text: &str) -> &str {
    for (open, close) in [('(', ')'), ('"', '"')] {
        if let Some(inner) = text.strip_prefix(open).and_then(|t| t.strip_suffix(close))
            && !inner.contains([open, close])
        {
            return inner.trim();
        }
    }
    text
}

fn single_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_are_articles() {
        let parsed = items(
            r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Health News</title>
            <item><title>Doctors strike &amp; talks</title><link>https://e.com/a</link>
              <pubDate>Tue, 26 Apr 2016 08:00:00 GMT</pubDate><author>desk@e.com (Jane Smith)</author>
              <description>&lt;p&gt;Mr Hunt said &lt;b&gt;98%&lt;/b&gt; went ahead.&lt;/p&gt;&lt;p&gt;More.&lt;/p&gt;</description></item>
            <item><title>Second</title><description><![CDATA[<p>Caf&eacute; talk</p>]]></description></item>
            </channel></rss>"#,
        )
        .expect("parses");
        assert_eq!(parsed.documents.len(), 2);
        let first = &parsed.documents[0];
        assert_eq!(first.title.as_deref(), Some("Doctors strike & talks"));
        assert_eq!(first.body, "Mr Hunt said 98% went ahead.\n\nMore.");
        assert_eq!(first.date.map(|d| d.to_string()).as_deref(), Some("2016-04-26"));
        assert_eq!(first.url.as_deref(), Some("https://e.com/a"));
        assert_eq!(first.source.as_deref(), Some("Health News"));
        assert_eq!(parsed.documents[1].body, "Café talk");
    }

    #[test]
    fn atom_entries_are_articles() {
        let parsed = items(
            r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
            <title>Atom News</title><id>urn:x</id><updated>2016-04-27T00:00:00Z</updated>
            <entry><title>Walkout</title><id>urn:1</id><updated>2016-04-27T09:00:00Z</updated>
              <author><name>John Doe</name></author><link href="https://e.com/w"/>
              <content type="html">&lt;p&gt;The BMA said 5,000 operations moved.&lt;/p&gt;</content></entry>
            </feed>"#,
        )
        .expect("parses");
        let d = &parsed.documents[0];
        assert_eq!(d.title.as_deref(), Some("Walkout"));
        assert_eq!(d.body, "The BMA said 5,000 operations moved.");
        assert_eq!(d.authors, ["John Doe"]);
        assert_eq!(d.date.map(|d| d.to_string()).as_deref(), Some("2016-04-27"));
    }

    #[test]
    fn the_prolog_says_utf8_once_the_text_is() {
        assert_eq!(
            utf8_prolog("<?xml version=\"1.0\" encoding='ISO-8859-1'?><rss/>"),
            "<?xml version=\"1.0\" encoding='UTF-8'?><rss/>"
        );
        assert_eq!(utf8_prolog("<rss encoding=\"x\"/>"), "<rss encoding=\"x\"/>");
        let parsed = items(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>x</title>\
             <item><title>Café</title><description>Text.</description></item></channel></rss>",
        )
        .expect("parses");
        assert_eq!(parsed.documents[0].title.as_deref(), Some("Café"));
    }

    #[test]
    fn xml_that_is_not_a_feed_is_refused() {
        assert!(
            items("<?xml version=\"1.0\"?><svg></svg>").unwrap_err().0.starts_with("not an RSS or Atom feed")
        );
    }

    fn feed_with_authors(authors: &[&str]) -> Vec<Vec<String>> {
        let items: String = authors
            .iter()
            .map(|a| {
                format!("<item><title>T</title><description>Text.</description><author>{a}</author></item>")
            })
            .collect();
        let text = format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title>{items}</channel></rss>"
        );
        items_or_panic(&text).documents.into_iter().map(|d| d.authors).collect()
    }

    fn items_or_panic(text: &str) -> Parsed {
        items(text).expect("parses")
    }

    #[test]
    fn rss_authors_give_the_name_not_the_address() {
        let got = feed_with_authors(&[
            "nick@example.com (Nick Triggle)",
            "Nick Triggle &lt;nick@example.com&gt;",
            "\"Nick Triggle\" &lt;nick@example.com&gt;",
            "Nick Triggle (nick@example.com)",
            "mailto:nick@example.com (Nick Triggle)",
            "nick@example.com",
            "Nick Triggle",
            "Nick Triggle (BBC)",
        ]);
        let want = [
            "Nick Triggle",
            "Nick Triggle",
            "Nick Triggle",
            "Nick Triggle",
            "Nick Triggle",
            "nick@example.com",
            "Nick Triggle",
            "Nick Triggle (BBC)",
        ];
        for (got, want) in got.iter().zip(want) {
            assert_eq!(got, &[want.to_string()]);
        }
    }

    #[test]
    fn atom_names_in_either_form_give_the_name() {
        let parsed = items_or_panic(
            r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:x</id>
            <entry><title>W</title><id>urn:1</id><content>Text.</content>
              <author><name>nick@example.com (Nick Triggle)</name></author>
              <author><name>Jane Smith &lt;jane@example.com&gt;</name></author>
              <author><email>bare@example.com</email></author></entry></feed>"#,
        );
        assert_eq!(parsed.documents[0].authors, ["Nick Triggle", "Jane Smith", "bare@example.com"]);
    }
}
