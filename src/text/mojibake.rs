//! Repair of the mojibake in Facebook and Instagram exports, which write every UTF-8 byte of a
//! string as its own `\u00XX` escape: `ø` arrives as `Ã¸`, 😂 as `ð\u{9f}\u{98}\u{82}`.

use std::borrow::Cow;

/// If every char is <= U+00FF and the chars taken as Latin-1 bytes form valid UTF-8 that
/// differs, returns the decoded string; otherwise the input unchanged. Ordinary Latin-1 text
/// (`café`) is not valid UTF-8 once taken as bytes, so it is left alone.
pub fn repair_mojibake(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut bytes = Vec::with_capacity(s.len());
    for c in s.chars() {
        match u8::try_from(u32::from(c)) {
            Ok(b) => bytes.push(b),
            Err(_) => return Cow::Borrowed(s),
        }
    }
    match String::from_utf8(bytes) {
        Ok(decoded) if decoded != s => Cow::Owned(decoded),
        _ => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_two_and_four_byte_sequences() {
        assert_eq!(repair_mojibake("\u{00c3}\u{00b8}"), "ø");
        assert_eq!(repair_mojibake("\u{00f0}\u{009f}\u{0098}\u{0082}"), "😂");
        let fixed =
            repair_mojibake("Selamat pagi \u{00f0}\u{009f}\u{0098}\u{0082} caf\u{00c3}\u{00a9}");
        assert_eq!(fixed, "Selamat pagi 😂 café");
        assert!(matches!(fixed, Cow::Owned(_)));
    }

    #[test]
    fn leaves_good_text_alone() {
        for s in [
            "café",
            "",
            "ascii only",
            "ø",
            "😂 sudah benar",
            "Ã¸ 😂 mixed",
            "\u{00ff}",
        ] {
            let r = repair_mojibake(s);
            assert_eq!(r, s);
            assert!(matches!(r, Cow::Borrowed(_)), "{s:?} should be borrowed");
        }
    }
}
