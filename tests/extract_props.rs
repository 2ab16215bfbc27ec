//! Property tests: the extractor never panics on any text, and every span it reports lies on
//! char boundaries inside the body.

use proptest::prelude::*;
use strike_reader::corpus::extract::{Span, extract};
use strike_reader::corpus::text::word_count;

fn check_span(body: &str, s: Span) {
    let r = s.range();
    assert!(r.start <= r.end && r.end <= body.len(), "span {r:?} outside a body of {} bytes", body.len());
    assert!(body.is_char_boundary(r.start) && body.is_char_boundary(r.end), "span {r:?} splits a char");
}

fn check(body: &str) {
    let e = extract(body);
    for p in &e.people {
        assert!(!p.name.is_empty());
        p.spans.iter().for_each(|&s| check_span(body, s));
    }
    for h in &e.hashtags {
        assert!(h.tag.starts_with('#'));
        h.spans.iter().for_each(|&s| check_span(body, s));
    }
    for h in &e.handles {
        assert!(h.handle.starts_with('@'));
        h.spans.iter().for_each(|&s| check_span(body, s));
    }
    for f in &e.figures {
        check_span(body, f.span);
        assert_eq!(&body[f.span.range()], f.text(body));
        check_span(body, f.context);
        assert!(f.value.is_finite(), "{} has value {}", f.text(body), f.value);
    }
    for q in strike_reader::corpus::extract::quotes::extract(body) {
        for s in [Some(q.cue), q.speaker, q.named, Some(q.content)].into_iter().flatten() {
            check_span(body, s);
        }
        assert!(!q.content.range().is_empty(), "a quote says something");
    }
}

/// Pieces that exercise the extractor's rules, glued together at random.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr Hunt's ".to_string()),
        Just("Dr. Ranj Singh, 27, said ".to_string()),
        Just("£15.8m ".to_string()),
        Just("1.6million ".to_string()),
        Just("98% ".to_string()),
        Just("Ninety per cent of ".to_string()),
        Just("08:00 BST ".to_string()),
        Just("14:39.29 ".to_string()),
        Just("#IAmTheDoctorWho ".to_string()),
        Just("@Justice4Health_ ".to_string()),
        Just("https://t.co/x#y ".to_string()),
        Just("a third of ".to_string()),
        Just("twenty-five ".to_string()),
        Just("1. ".to_string()),
        Just("\n\n".to_string()),
        Just(", ".to_string()),
        Just("(Jenas 77) ".to_string()),
        Just("99999999999999999999999999999999999999999999 ".to_string()),
        Just("1e308 ".to_string()),
        Just("9".repeat(400)),
        Just("\u{1b}[2J\u{7}\u{0}".to_string()),
        Just("é\u{301}🇺🇸 ".to_string()),
        // Counts, measures, ages, phone and model numbers.
        Just("two Nokia handsets ".to_string()),
        Just("call 111 or 999 ".to_string()),
        Just("0800 123 4567 ".to_string()),
        Just("+44 (020) 7946 ".to_string()),
        Just("6ft 2in ".to_string()),
        Just("-5°C ".to_string()),
        Just("1.6km/h ".to_string()),
        Just("30 miles an hour ".to_string()),
        Just("three or four inch ".to_string()),
        Just("100 square ".to_string()),
        Just("aged 18 to ".to_string()),
        Just("in his mid-".to_string()),
        Just("40s over-".to_string()),
        Just("six-month-old's ".to_string()),
        Just("the 3230 and ".to_string()),
        Just("418bn-rand ".to_string()),
        Just("between 2200 and 0700 ".to_string()),
        Just("number 13 Under-".to_string()),
        // Quotes: marks left open, cues at either end, nested marks.
        Just("\"We will strike,\" he said. ".to_string()),
        Just("The BMA said: “".to_string()),
        Just("” ".to_string()),
        Just("\" ".to_string()),
        Just("according to ".to_string()),
        Just(", the union warned. ".to_string()),
        Just("told the BBC that ".to_string()),
        "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_unicode_never_panics(body in "\\PC*") {
        check(&body);
    }

    #[test]
    fn any_chars_including_controls(body in prop::collection::vec(any::<char>(), 0..300).prop_map(|v| v.into_iter().collect::<String>())) {
        check(&body);
    }

    #[test]
    fn news_like_text_with_edge_cases(body in newsy()) {
        check(&body);
    }

    /// The one-pass word count agrees with its plain definition.
    #[test]
    fn word_count_counts_whitespace_runs_with_a_letter_or_digit(body in "[ \t\n\u{a0}\u{2003}a1,.é—]{0,60}") {
        let plain = body.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
        prop_assert_eq!(word_count(&body), plain);
    }
}

#[test]
fn a_long_line_and_huge_numbers() {
    let long = "Mr Hunt ".repeat(20_000) + &"9".repeat(100_000) + "% of 1,2,3,4,5,6,7,8,9,0.5.5.5 ";
    check(&long);
    check(&"#".repeat(10_000));
    check(&"@".repeat(10_000));
    check("1/2/3/4/5 99:99:99.99 £ $ € 0x 1e1000000");
}
