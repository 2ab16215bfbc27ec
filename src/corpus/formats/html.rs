//! Saved web pages, and the HTML inside feeds: the article's text with scripts, styles and
//! navigation dropped, its title, date and author from the usual tags. `scraper` (html5ever)
//! parses; this module only decides what is the article.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use super::Document;
use crate::corpus::date::parse_moment;

/// Elements whose text is never part of an article.
const DROPPED: [&str; 16] = [
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
    "select", "svg", "iframe", "object", "head", "menu",
];

/// Elements that end a paragraph.
const BLOCKS: [&str; 27] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "figure",
    "figcaption",
    "hr",
    "address",
    "details",
    "summary",
];

/// Where the article is, best first: the whole page is the last resort.
const BODY_ROOTS: [&str; 5] = ["article", "main", "[role=main]", "[itemprop=articleBody]", "body"];

const TITLE_META: [&str; 3] =
    ["meta[property='og:title']", "meta[name='twitter:title']", "meta[name='title']"];
const DATE_META: [&str; 9] = [
    "meta[property='article:published_time']",
    "meta[itemprop='datePublished']",
    "meta[name='date']",
    "meta[name='pubdate']",
    "meta[name='publishdate']",
    "meta[name='DC.date.issued']",
    "meta[name='dc.date']",
    "meta[name='parsely-pub-date']",
    "meta[property='og:updated_time']",
];
const AUTHOR_META: [&str; 4] =
    ["meta[name='author']", "meta[property='article:author']", "meta[name='byl']", "meta[name='dc.creator']"];

/// A whole page: the article on it and what its head says about it.
pub fn document(html: &str) -> Document {
    let page = Html::parse_document(html);
    let root = BODY_ROOTS.iter().find_map(|s| first(&page, s)).unwrap_or_else(|| page.root_element());
    let title = TITLE_META
        .iter()
        .find_map(|s| meta(&page, s))
        .or_else(|| first(&page, "h1").map(inline_text))
        .or_else(|| first(&page, "title").map(inline_text))
        .filter(|t| !t.is_empty());
    let date = DATE_META
        .iter()
        .filter_map(|s| meta(&page, s))
        .chain(select(&page, "time[datetime]").filter_map(|t| t.value().attr("datetime").map(str::to_string)))
        .find_map(|d| parse_moment(&d));
    let authors = AUTHOR_META
        .iter()
        .filter_map(|s| meta(&page, s))
        .chain(select(&page, "[rel=author]").map(inline_text))
        // `article:author` is often a profile address, not a name.
        .filter(|a| !a.is_empty() && !a.contains("://"))
        .map(|a| a.strip_prefix("By ").or_else(|| a.strip_prefix("by ")).unwrap_or(&a).trim().to_string())
        .take(1)
        .collect();
    let url = ["link[rel=canonical]", "meta[property='og:url']"].iter().find_map(|s| {
        first(&page, s)
            .and_then(|e| e.value().attr("href").or_else(|| e.value().attr("content")))
            .map(str::to_string)
    });
    let source = meta(&page, "meta[property='og:site_name']");
    let mut body = text_of(root);
    // The headline is the title: it is not repeated as the first paragraph.
    if let Some(t) = &title
        && let Some(rest) = body.strip_prefix(t.as_str())
        && rest.starts_with('\n')
    {
        body = rest.trim_start().to_string();
    }
    Document { title, body, date, authors, url, source, header_in_body: false }
}

/// The text of an HTML fragment (a feed item's description), paragraphs kept.
pub fn fragment_text(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    text_of(fragment.root_element())
}

fn select<'a>(page: &'a Html, selector: &str) -> impl Iterator<Item = ElementRef<'a>> {
    // The selectors are this module's constants; one that failed to parse would select nothing.
    let parsed = Selector::parse(selector).ok();
    parsed.into_iter().flat_map(move |s| page.select(&s).collect::<Vec<_>>())
}

fn first<'a>(page: &'a Html, selector: &str) -> Option<ElementRef<'a>> {
    select(page, selector).next()
}

fn meta(page: &Html, selector: &str) -> Option<String> {
    first(page, selector)
        .and_then(|e| e.value().attr("content"))
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|c| !c.is_empty())
}

/// The text of a heading or link, on one line.
fn inline_text(e: ElementRef<'_>) -> String {
    e.text().flat_map(str::split_whitespace).collect::<Vec<_>>().join(" ")
}

/// The readable text under `root`: paragraphs separated by a blank line, runs of white space
/// collapsed. The walk is iterative: a page nested thousands deep cannot overflow the stack.
fn text_of(root: ElementRef<'_>) -> String {
    let mut out = String::new();
    let mut dropped_depth = 0usize;
    let mut space = false;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if dropped_depth > 0 || DROPPED.contains(&e.name()) => dropped_depth += 1,
                Node::Element(e) if BLOCKS.contains(&e.name()) => break_paragraph(&mut out, &mut space),
                Node::Element(e) if e.name() == "br" => {
                    trim_end_spaces(&mut out);
                    out.push('\n');
                    space = false;
                }
                Node::Text(t) if dropped_depth == 0 => {
                    for (i, word) in t.split_whitespace().enumerate() {
                        if (i > 0 || space || t.starts_with(char::is_whitespace))
                            && !out.is_empty()
                            && !out.ends_with(['\n', ' '])
                        {
                            out.push(' ');
                        }
                        out.push_str(word);
                    }
                    space = t.ends_with(char::is_whitespace);
                }
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(_) if dropped_depth > 0 => dropped_depth -= 1,
                Node::Element(e) if BLOCKS.contains(&e.name()) => break_paragraph(&mut out, &mut space),
                _ => {}
            },
        }
    }
    out.trim().to_string()
}

fn trim_end_spaces(out: &mut String) {
    out.truncate(out.trim_end_matches(' ').len());
}

fn break_paragraph(out: &mut String, space: &mut bool) {
    trim_end_spaces(out);
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
    }
    *space = false;
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!doctype html><html><head>
        <title>Doctors strike - Example News</title>
        <meta property="og:title" content="Junior doctors walk out">
        <meta property="article:published_time" content="2016-04-26T08:00:00+01:00">
        <meta name="author" content="Jane Smith">
        <meta property="og:site_name" content="Example News">
        <link rel="canonical" href="https://example.com/strike">
        <style>p { color: red }</style><script>var tracking = "Jeremy Hunt";</script>
      </head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Junior doctors walk out</h1>
          <p>Junior doctors in England began a <b>48-hour</b> strike,
             says the <a href="#">BMA</a>.</p>
          <p>Mr Hunt said 98% of&nbsp;operations went ahead.<br>Caf&eacute; &amp; co&#233;.</p>
          <aside>Related: something else</aside>
          <ul><li>one</li><li>two</li></ul>
        </article>
        <footer>Copyright</footer>
      </body></html>"##;

    #[test]
    fn a_saved_page_gives_its_article() {
        let d = document(PAGE);
        assert_eq!(d.title.as_deref(), Some("Junior doctors walk out"));
        assert_eq!(d.date.map(|d| d.to_string()).as_deref(), Some("2016-04-26"));
        assert_eq!(d.authors, ["Jane Smith"]);
        assert_eq!(d.url.as_deref(), Some("https://example.com/strike"));
        assert_eq!(d.source.as_deref(), Some("Example News"));
        assert_eq!(
            d.body,
            "Junior doctors in England began a 48-hour strike, says the BMA.\n\n\
             Mr Hunt said 98% of operations went ahead.\nCafé & coé.\n\none\n\ntwo"
        );
    }

    #[test]
    fn without_meta_tags_the_title_comes_from_the_page() {
        let d = document("<html><head><title>Only a title</title></head><body><p>Text.</p></body></html>");
        assert_eq!(d.title.as_deref(), Some("Only a title"));
        assert_eq!(d.body, "Text.");
        assert_eq!(d.date, None);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}deep{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        assert_eq!(document(&html).body, "deep");
    }

    #[test]
    fn fragments_keep_paragraphs() {
        assert_eq!(fragment_text("<p>One &amp; two</p><p>Three</p>"), "One & two\n\nThree");
        assert_eq!(fragment_text("plain &lt;text&gt;"), "plain <text>");
    }
}
