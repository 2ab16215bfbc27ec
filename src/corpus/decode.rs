//! Bytes from a file to text: UTF-8 with or without a byte order mark, UTF-16 with one, and
//! Windows-1252 (a superset of Latin-1 for printable text) for files that are not valid UTF-8.
//! `encoding_rs` does the decoding.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Bytes looked at to decide that a file is binary.
const SNIFF_BYTES: usize = 8192;

/// Why bytes are not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    /// Nothing but whitespace (or a byte order mark).
    Empty,
    /// A zero byte near the top, and no byte order mark to explain it.
    Binary,
}

/// Bytes at the top of a page or feed searched for the encoding it declares.
const DECLARATION_BYTES: usize = 1024;

/// The encoding a web page or XML file declares near its top (`<meta charset="...">`,
/// `content="text/html; charset=..."`, `<?xml ... encoding="..."?>`), by its WHATWG label.
pub fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(DECLARATION_BYTES)].to_ascii_lowercase();
    ["charset=", "encoding="].iter().find_map(|attr| {
        let at = head.windows(attr.len()).position(|w| w == attr.as_bytes())? + attr.len();
        let label: Vec<u8> = head[at..]
            .iter()
            .skip_while(|&&b| b == b'"' || b == b'\'')
            .take_while(|&&b| b.is_ascii_alphanumeric() || b"-_:.".contains(&b))
            .copied()
            .collect();
        Encoding::for_label(&label)
    })
}

/// The text of `bytes`, and a note when it was not plain UTF-8 (shown to the user as a warning).
/// An encoding the file declares (see `declared`) is used for bytes that are not UTF-8.
pub fn text(
    bytes: Vec<u8>,
    declared: Option<&'static Encoding>,
) -> Result<(String, Option<String>), NotText> {
    // A byte order mark says what the file is before anything else is looked at: UTF-16 text
    // is full of zero bytes that would otherwise read as binary.
    let (text, note) = if let Some((encoding, bom)) = Encoding::for_bom(&bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let note = (encoding != UTF_8 || had_errors).then(|| {
            let mut note = format!("read as {}", encoding.name());
            if had_errors {
                note.push_str(" with invalid sequences replaced");
            }
            note
        });
        (text.into_owned(), note)
    } else {
        if bytes[..bytes.len().min(SNIFF_BYTES)].contains(&0) {
            return Err(NotText::Binary);
        }
        // Most files are UTF-8: their bytes become the text without a copy.
        match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            // Valid UTF-8 is taken as UTF-8 whatever the file declares (mislabelled pages are
            // common; Latin-1 text that happens to be valid UTF-8 is not); invalid UTF-8 is read
            // in the declared encoding, or else as Windows-1252.
            Err(e) if declared.is_some_and(|d| d != UTF_8) => {
                let encoding = declared.unwrap_or(WINDOWS_1252);
                let (text, had_errors) = encoding.decode_without_bom_handling(e.as_bytes());
                let invalid = if had_errors { " with invalid sequences replaced" } else { "" };
                (
                    text.into_owned(),
                    Some(format!("read as {}, as the file declares{invalid}", encoding.name())),
                )
            }
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(e.as_bytes());
                (text.into_owned(), Some(format!("not UTF-8 (invalid at byte {at}); read as Windows-1252")))
            }
        }
    };
    checked(text, note)
}

fn checked(text: String, note: Option<String>) -> Result<(String, Option<String>), NotText> {
    if text.trim().is_empty() {
        return Err(NotText::Empty);
    }
    Ok((text, note))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian { vec![0xfe, 0xff] } else { vec![0xff, 0xfe] };
        for unit in text.encode_utf16() {
            let bytes = if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() };
            out.extend(bytes);
        }
        out
    }

    #[test]
    fn every_supported_encoding_reads_the_same() {
        let want = "Café strike: 98% «yes»";
        assert_eq!(text(want.as_bytes().to_vec(), None), Ok((want.to_string(), None)));
        let with_bom = [b"\xef\xbb\xbf".as_slice(), want.as_bytes()].concat();
        assert_eq!(text(with_bom, None), Ok((want.to_string(), None)));
        for big_endian in [false, true] {
            let (got, note) = text(utf16(want, big_endian), None).expect("UTF-16 reads");
            assert_eq!(got, want);
            assert!(note.is_some_and(|n| n.contains("UTF-16")));
        }
        // Windows-1252: é is 0xE9, « » are 0xAB 0xBB, and 0x80 is the euro sign.
        let (got, note) = text(b"Caf\xe9 strike: 98% \xabyes\xbb \x80".to_vec(), None).expect("1252 reads");
        assert_eq!(got, "Café strike: 98% «yes» €");
        assert!(note.is_some_and(|n| n.contains("Windows-1252") && n.contains("byte 3")));
    }

    #[test]
    fn a_declared_encoding_is_used_without_a_byte_order_mark() {
        let page = b"<html><head><meta charset=\"windows-1251\"><title>\xcf\xf0\xe8\xe2\xe5\xf2</title>";
        let enc = declared(page);
        assert_eq!(enc, Some(encoding_rs::WINDOWS_1251));
        let (got, note) = text(page.to_vec(), enc).expect("reads");
        assert!(got.contains("<title>Привет</title>"), "{got}");
        assert!(note.is_some_and(|n| n.contains("windows-1251, as the file declares")));
        let feed = b"<?xml version='1.0' encoding='ISO-8859-1'?><rss>";
        assert_eq!(declared(feed), Some(WINDOWS_1252), "Latin-1 is read as its superset");
        let meta = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">";
        assert_eq!(declared(meta), Some(encoding_rs::KOI8_R));
        assert_eq!(declared(b"<html><p>charset=nonsense</p>"), None);
        // Valid UTF-8 stays UTF-8 under a wrong label.
        let mislabelled = "<?xml version='1.0' encoding='ISO-8859-1'?><title>Café</title>";
        let (got, note) =
            text(mislabelled.as_bytes().to_vec(), declared(mislabelled.as_bytes())).expect("reads");
        assert_eq!((got.as_str(), note), (mislabelled, None));
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(text(b"\x7fELF\x02\x01\x01\0\0\0".to_vec(), None), Err(NotText::Binary));
        assert_eq!(text(b"".to_vec(), None), Err(NotText::Empty));
        assert_eq!(text(b" \n\t\r\n".to_vec(), None), Err(NotText::Empty));
        assert_eq!(text(b"\xef\xbb\xbf\n".to_vec(), None), Err(NotText::Empty));
    }
}
