//! Dates as articles and files write them: datelines at the top of an article, feed and
//! record fields, and month names (which figure extraction reads too). A leaf module, so that
//! the article, its formats and extraction all depend on it and not on each other.

use std::fmt;

use serde::Serialize;

/// A calendar date, always a valid one (see `Date::new`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// 1000 to 2999.
    pub year: u16,
    /// 1 (January) to 12.
    pub month: u8,
    /// 1 to the last day of the month.
    pub day: u8,
}

impl Date {
    /// The date, when it exists: no 31 February, years 1000 to 2999.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=days).contains(&day) && (1000..=2999).contains(&year)).then_some(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Month names, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names: full names and the usual three-letter forms ("Sept" too).
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    // Month names are 3 to 9 letters; most words fail this before any comparison.
    if !(3..=9).contains(&w.len()) || !w.is_ascii() {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(w)
                || (m[..3].eq_ignore_ascii_case(w))
                || (w.eq_ignore_ascii_case("sept") && *m == "september")
        })
        .map(|i| i as u8 + 1)
}

/// A date as files write it: `2016-04-26T08:00:00Z`, `Tue, 26 Apr 2016 08:00:00 GMT`,
/// `26/04/2016`, `April 26, 2016`.
pub fn parse_date(text: &str) -> Option<Date> {
    date_words(text)
}

/// A full date near the top of an article: `10/08/2016` (day first, as UK outlets write it),
/// `2016-08-10`, `10 August 2016`, `August 10, 2016`. The line must be short, a dateline rather
/// than a sentence that happens to mention a date.
pub(crate) fn date_line(line: &str) -> Option<Date> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 80 {
        return None;
    }
    date_words(line)
}

fn date_words(line: &str) -> Option<Date> {
    let words: Vec<&str> =
        line.split(|c: char| c.is_whitespace() || c == ',' || c == '|').filter(|w| !w.is_empty()).collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(d) = numeric_date(w) {
            return Some(d);
        }
        let day = |s: &str| s.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<u8>().ok();
        let year = |s: Option<&&str>| s.and_then(|s| s.parse::<u16>().ok());
        if let Some(m) = month_number(w) {
            // "10 August 2016"
            if i > 0
                && let (Some(d), Some(y)) = (day(words[i - 1]), year(words.get(i + 1)))
                && let Some(date) = Date::new(y, m, d)
            {
                return Some(date);
            }
            // "August 10, 2016"
            if let (Some(d), Some(y)) = (words.get(i + 1).and_then(|s| day(s)), year(words.get(i + 2)))
                && let Some(date) = Date::new(y, m, d)
            {
                return Some(date);
            }
        }
    }
    None
}

fn numeric_date(word: &str) -> Option<Date> {
    let word = word.split('T').next().unwrap_or(word);
    let parts: Vec<&str> = word.split(['/', '-', '.']).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let n = |s: &str| s.parse::<u16>().ok();
    let (a, b, c) = (n(parts[0])?, n(parts[1])?, n(parts[2])?);
    if parts[0].len() == 4 {
        Date::new(a, u8::try_from(b).ok()?, u8::try_from(c).ok()?)
    } else if parts[2].len() == 4 {
        Date::new(c, u8::try_from(b).ok()?, u8::try_from(a).ok()?)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date_line("10/08/2016 05:13 BST | Updated 10/08/2017 06:12 BST"), Date::new(2016, 8, 10));
        assert_eq!(date_line("Published 3 March 2005"), Date::new(2005, 3, 3));
        assert_eq!(date_line("March 3, 2005"), Date::new(2005, 3, 3));
        assert_eq!(date_line("2016-04-27T08:00:00Z"), Date::new(2016, 4, 27));
        assert_eq!(
            date_line("All-out stoppages planned for 08:00 to 17:00 BST on both 26 and 27 April"),
            None
        );
        assert_eq!(date_line("31/02/2016"), None);
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("April"), Some(4));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("Mar"), Some(3));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Marching"), None);
    }
}
