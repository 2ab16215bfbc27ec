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

/// Days since 1970-01-01 of a calendar day (before it: negative).
pub fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    // Howard Hinnant's `days_from_civil`: years start in March, so that leap days end them.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar day `days` after 1970-01-01: (year, month, day).
pub fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

impl Date {
    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        days_from_civil(i64::from(self.year), self.month, self.day)
    }
}

impl Moment {
    /// Minutes since 1970-01-01 00:00 (a day without a time: its first minute).
    pub fn minutes(self) -> i64 {
        self.date.days() * 1440 + i64::from(self.minute.unwrap_or(0))
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

/// A date and, when the source gives one, the time of day: when an article was published.
///
/// The time is kept as written, in the source's own zone: `2015-08-07 09:54:46 -0700` is 09:54.
/// Converting zones would move articles across midnight from the day their outlet printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment {
    /// The day.
    pub date: Date,
    /// Minutes after midnight, 0 to 1439, when a time was given.
    pub minute: Option<u16>,
}

impl Moment {
    /// A day with no time of day.
    pub fn day(date: Date) -> Moment {
        Moment { date, minute: None }
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.date.fmt(f)
    }
}

/// A date as files write it: `2016-04-26T08:00:00Z`, `Tue, 26 Apr 2016 08:00:00 GMT`,
/// `26/04/2016`, `April 26, 2016`.
pub fn parse_date(text: &str) -> Option<Date> {
    parse_moment(text).map(|m| m.date)
}

/// A date as `parse_date` reads it, with the time of day when one follows it
/// (`2015-08-07 09:54:46 -0700`, `2016-04-26T08:00:00Z`, `Tue, 26 Apr 2016 08:00:00 GMT`,
/// `April 26, 2016 8:15 pm`).
pub fn parse_moment(text: &str) -> Option<Moment> {
    let words = words(text);
    let (date, end) = date_in(&words)?;
    // ISO writes the time in the same word as the date.
    let glued = words[end - 1].split_once('T').map(|(_, t)| t).filter(|t| !t.is_empty());
    let minute = match glued {
        Some(t) => time_of_day(t, None),
        None => words.get(end).and_then(|t| time_of_day(t, words.get(end + 1).copied())),
    };
    Some(Moment { date, minute })
}

/// `08:00`, `09:54:46`, `8:15` followed by `pm`, `20:00Z`, `08:00:00+01:00`: minutes after
/// midnight.
fn time_of_day(word: &str, next: Option<&str>) -> Option<u16> {
    let mut parts = word.splitn(3, ':');
    let hour: u16 = parts.next()?.parse().ok()?;
    let rest = parts.next()?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 2 {
        return None;
    }
    let minute: u16 = rest[..digits].parse().ok()?;
    let suffix = rest[digits..].to_ascii_lowercase();
    let half = match (suffix.as_str(), next.map(str::to_ascii_lowercase).as_deref()) {
        ("pm", _) | ("", Some("pm" | "p.m.")) => Some(true),
        ("am", _) | ("", Some("am" | "a.m.")) => Some(false),
        _ => None,
    };
    let hour = match half {
        Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None => hour,
    };
    (hour < 24 && minute < 60).then_some(hour * 60 + minute)
}

/// A date in a file's name: `2016-04-26-hunt-contract.txt`, `20160426_walkout.html`,
/// `bbc_2016_04_26.txt`. Years 1900 to 2099 only, the digits standing apart from others, so
/// that ids and counts in names are not read as dates.
pub fn file_name_date(name: &str) -> Option<Date> {
    let b = name.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let num = |from: usize, len: usize| -> Option<u16> { name.get(from..from + len)?.parse().ok() };
    let seps = |i: usize| b.get(i).is_some_and(|c| matches!(c, b'-' | b'_' | b'.'));
    for start in 0..b.len() {
        if !digit(start) || (start > 0 && digit(start - 1)) {
            continue;
        }
        let year = num(start, 4).filter(|y| (1900..=2099).contains(y));
        let Some(year) = year else { continue };
        // `YYYY-MM-DD` (one separator, used twice) or `YYYYMMDD`.
        let (month_at, day_at, end) = if seps(start + 4) && seps(start + 7) && b[start + 4] == b[start + 7] {
            (start + 5, start + 8, start + 10)
        } else {
            (start + 4, start + 6, start + 8)
        };
        if (month_at..month_at + 2).chain(day_at..day_at + 2).any(|i| !digit(i)) || digit(end) {
            continue;
        }
        let (Some(month), Some(day)) = (num(month_at, 2), num(day_at, 2)) else { continue };
        if let Some(date) = Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?) {
            return Some(date);
        }
    }
    None
}

/// A full date near the top of an article: `10/08/2016` (day first, as UK outlets write it),
/// `2016-08-10`, `10 August 2016`, `August 10, 2016`. The line must be short, a dateline rather
/// than a sentence that happens to mention a date.
pub(crate) fn date_line(line: &str) -> Option<Moment> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 80 {
        return None;
    }
    parse_moment(line)
}

fn words(line: &str) -> Vec<&str> {
    line.split(|c: char| c.is_whitespace() || c == ',' || c == '|').filter(|w| !w.is_empty()).collect()
}

/// The first date in `words`, and the position of the word after it.
fn date_in(words: &[&str]) -> Option<(Date, usize)> {
    for (i, w) in words.iter().enumerate() {
        if let Some(d) = numeric_date(w) {
            return Some((d, i + 1));
        }
        let day = |s: &str| s.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<u8>().ok();
        let year = |s: Option<&&str>| s.and_then(|s| s.parse::<u16>().ok());
        if let Some(m) = month_number(w) {
            // "10 August 2016"
            if i > 0
                && let (Some(d), Some(y)) = (day(words[i - 1]), year(words.get(i + 1)))
                && let Some(date) = Date::new(y, m, d)
            {
                return Some((date, i + 2));
            }
            // "August 10, 2016"
            if let (Some(d), Some(y)) = (words.get(i + 1).and_then(|s| day(s)), year(words.get(i + 2)))
                && let Some(date) = Date::new(y, m, d)
            {
                return Some((date, i + 3));
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
        let day = |l: &str| date_line(l).map(|m| m.date);
        assert_eq!(day("10/08/2016 05:13 BST | Updated 10/08/2017 06:12 BST"), Date::new(2016, 8, 10));
        assert_eq!(day("Published 3 March 2005"), Date::new(2005, 3, 3));
        assert_eq!(day("March 3, 2005"), Date::new(2005, 3, 3));
        assert_eq!(day("2016-04-27T08:00:00Z"), Date::new(2016, 4, 27));
        assert_eq!(day("All-out stoppages planned for 08:00 to 17:00 BST on both 26 and 27 April"), None);
        assert_eq!(day("31/02/2016"), None);
    }

    #[test]
    fn times_of_day_follow_the_date_as_written() {
        let minute = |t: &str| parse_moment(t).and_then(|m| m.minute);
        assert_eq!(minute("2015-08-07 09:54:46 -0700"), Some(9 * 60 + 54));
        assert_eq!(minute("2016-04-26T08:00:00Z"), Some(8 * 60));
        assert_eq!(minute("2016-04-26T20:05:00+01:00"), Some(20 * 60 + 5));
        assert_eq!(minute("Tue, 26 Apr 2016 08:00:00 GMT"), Some(8 * 60));
        assert_eq!(minute("April 26, 2016 8:15 pm"), Some(20 * 60 + 15));
        assert_eq!(minute("10/08/2016 05:13 BST | Updated 10/08/2017 06:12 BST"), Some(5 * 60 + 13));
        assert_eq!(minute("2016-04-26"), None);
        assert_eq!(minute("2016-04-26 25:00"), None);
        assert_eq!(minute("2016-04-26 13:00 pm"), None);
        assert_eq!(parse_moment("2016-04-26 08:00").map(|m| m.to_string()).as_deref(), Some("2016-04-26"));
    }

    #[test]
    fn file_names_carry_dates_only_where_the_digits_stand_apart() {
        assert_eq!(file_name_date("2016-04-26-hunt-contract.txt"), Date::new(2016, 4, 26));
        assert_eq!(file_name_date("20160426_walkout.html"), Date::new(2016, 4, 26));
        assert_eq!(file_name_date("bbc_2016_04_26.txt"), Date::new(2016, 4, 26));
        assert_eq!(file_name_date("story-2016.04.26.md"), Date::new(2016, 4, 26));
        assert_eq!(file_name_date("000_3d8d3efca1eb1b7a.txt"), None);
        assert_eq!(file_name_date("001.txt"), None);
        assert_eq!(file_name_date("120160426.txt"), None, "part of a longer number");
        assert_eq!(file_name_date("2016-13-01.txt"), None);
        assert_eq!(file_name_date("2016-04_26.txt"), None, "separators must agree");
        assert_eq!(file_name_date("18991231.txt"), None);
    }

    #[test]
    fn days_count_from_1970_both_ways() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2016, 4, 26), 16_917);
        for days in [-800_000, -1, 0, 59, 16_917, 400_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(days_from_civil(2016, 2, 29)), (2016, 2, 29));
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
