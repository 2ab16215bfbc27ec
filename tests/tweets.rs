//! Hashtags and handles on 13,871 real tweets (`../shared/corpora/gop_debate_tweets`), checked
//! against an independent regex oracle of the same rules. Skips when the corpus is absent.

mod common;

use std::sync::LazyLock;

use regex::Regex;
use strike_reader::corpus::extract::extract;

struct Oracle {
    url: Regex,
    entity: Regex,
    hashtag: Regex,
    handle: Regex,
}

static ORACLE: LazyLock<Oracle> = LazyLock::new(|| Oracle {
    url: Regex::new(r"(?i)\b(?:https?://|www\.)\S+").expect("regex"),
    entity: Regex::new(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+);").expect("regex"),
    // A tag starts after anything but a letter, digit or underscore (a variation selector
    // after an emoji does not join a word).
    hashtag: Regex::new(r"(?:^|[^\p{Alphabetic}\p{Nd}_])#([\p{Alphabetic}\p{Nd}_]+)").expect("regex"),
    handle: Regex::new(r"(?:^|[^\p{Alphabetic}\p{Nd}_])@([A-Za-z0-9_]+)").expect("regex"),
});

fn oracle(text: &str) -> (Vec<String>, Vec<String>) {
    let o = &*ORACLE;
    let (hashtag, handle) = (&o.hashtag, &o.handle);
    let text = o.url.replace_all(text, " ");
    let text = o.entity.replace_all(&text, " ");
    // Matches may share the character between them, so scan from each match's end - 1.
    let scan = |re: &Regex, sigil: char| {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(c) = re.captures_at(&text, at) {
            let m = c.get(1).expect("group");
            if sigil == '@' || m.as_str().chars().any(|ch| !ch.is_ascii_digit()) {
                out.push(format!("{sigil}{}", m.as_str()).to_lowercase());
            }
            at = m.end();
        }
        out.sort();
        out
    };
    (scan(hashtag, '#'), scan(handle, '@'))
}

fn extracted(text: &str) -> (Vec<String>, Vec<String>) {
    let e = extract(text);
    let expand = |items: Vec<(String, usize)>| {
        let mut v: Vec<String> =
            items.into_iter().flat_map(|(t, n)| std::iter::repeat_n(t.to_lowercase(), n)).collect();
        v.sort();
        v
    };
    (
        expand(e.hashtags.into_iter().map(|h| (h.tag.to_string(), h.count())).collect()),
        expand(e.handles.into_iter().map(|h| (h.handle.to_string(), h.count())).collect()),
    )
}

#[test]
fn hashtags_and_handles_match_the_oracle_on_every_tweet() {
    let Some(dir) = common::shared_corpus("gop_debate_tweets") else { return };
    let mut reader = csv::Reader::from_path(dir.join("Sentiment.csv")).expect("csv opens");
    let text_col = reader.headers().expect("header").iter().position(|h| h == "text").expect("text column");
    let (mut tweets, mut tags, mut handles) = (0, 0, 0);
    let mut wrong = Vec::new();
    for row in reader.records() {
        let row = row.expect("row");
        let text = &row[text_col];
        let want = oracle(text);
        let got = extracted(text);
        tweets += 1;
        tags += want.0.len();
        handles += want.1.len();
        if want != got {
            wrong.push(format!("{text:?}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    common::report(&format!(
        "tweets: {tweets} checked, {tags} hashtags and {handles} handles, {} differ from the oracle",
        wrong.len()
    ));
    assert!(tweets > 13_000);
    assert!(wrong.is_empty(), "{}", wrong.iter().take(10).cloned().collect::<Vec<_>>().join("\n"));
}

#[test]
fn tweet_edge_cases() {
    let e = extract("RT @NancyLeeGrahn: How? #GOPDebate http://t.co/ZSfF#x… #GOPDeb… &amp;#Walker16 a@b.co");
    let tags: Vec<&str> = e.hashtags.iter().map(|h| &*h.tag).collect();
    assert_eq!(tags, ["#GOPDebate", "#GOPDeb", "#Walker16"]);
    let handles: Vec<&str> = e.handles.iter().map(|h| &*h.handle).collect();
    assert_eq!(handles, ["@NancyLeeGrahn"]);
    let e = extract("communiqu&#233; &#x27;quoted&#x27;");
    assert!(e.hashtags.is_empty(), "numeric character references are not hashtags");
}
