//! Small text helpers the widgets share: cutting to a width, counting nouns.

/// Cut text to `width` characters, marking a cut with `…`.
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else if width == 0 {
        String::new()
    } else {
        let mut s: String = text.chars().take(width - 1).collect();
        s.push('…');
        s
    }
}

/// `13871` as `13,871`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 person", "2 people": a count with its noun.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_and_counts() {
        assert_eq!(fit("Jeremy Hunt", 6), "Jerem…");
        assert_eq!(fit("Hunt", 4), "Hunt");
        assert_eq!(fit("Hunt", 0), "");
        assert_eq!(count(1, "person", "people"), "1 person");
        assert_eq!(count(0, "figure", "figures"), "0 figures");
        assert_eq!(thousands(13_871), "13,871");
        assert_eq!(thousands(100), "100");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
