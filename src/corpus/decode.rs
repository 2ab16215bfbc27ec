//! Bytes from a file to text: UTF-8 with or without a byte order mark, UTF-16 with one, and
//! Windows-1252 (a superset of Latin-1 for printable text) for files that are not valid UTF-8.
//! `encoding_rs` does the decoding.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Bytes looked at to decide that a file is binary.
const SNIFF_BYTES: usize = 8192;

/// Why bytes are not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    Empty,
    Binary,
}

/// The text of `bytes`, and a note when it was not plain UTF-8 (shown to the user as a warning).
pub fn text(bytes: Vec<u8>) -> Result<(String, Option<String>), NotText> {
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
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(e.as_bytes());
                (text.into_owned(), Some(format!("not UTF-8 (invalid at byte {at}); read as Windows-1252")))
            }
        }
    };
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
        assert_eq!(text(want.as_bytes().to_vec()), Ok((want.to_string(), None)));
        let with_bom = [b"\xef\xbb\xbf".as_slice(), want.as_bytes()].concat();
        assert_eq!(text(with_bom), Ok((want.to_string(), None)));
        for big_endian in [false, true] {
            let (got, note) = text(utf16(want, big_endian)).expect("UTF-16 reads");
            assert_eq!(got, want);
            assert!(note.is_some_and(|n| n.contains("UTF-16")));
        }
        // Windows-1252: é is 0xE9, « » are 0xAB 0xBB, and 0x80 is the euro sign.
        let (got, note) = text(b"Caf\xe9 strike: 98% \xabyes\xbb \x80".to_vec()).expect("1252 reads");
        assert_eq!(got, "Café strike: 98% «yes» €");
        assert!(note.is_some_and(|n| n.contains("Windows-1252") && n.contains("byte 3")));
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(text(b"\x7fELF\x02\x01\x01\0\0\0".to_vec()), Err(NotText::Binary));
        assert_eq!(text(b"".to_vec()), Err(NotText::Empty));
        assert_eq!(text(b" \n\t\r\n".to_vec()), Err(NotText::Empty));
        assert_eq!(text(b"\xef\xbb\xbf\n".to_vec()), Err(NotText::Empty));
    }
}
