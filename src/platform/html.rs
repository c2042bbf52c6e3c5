//! Character references in archive text: X escapes post text as HTML (`&amp;`, `&lt;`,
//! `&gt;`), Mastodon's posts are HTML; the audit needs the words as written.

use std::borrow::Cow;

/// Decodes `&amp; &lt; &gt; &quot; &apos; &#39;` and numeric references (`&#8230;`, `&#x2026;`)
/// in one pass, so `&amp;lt;` becomes `&lt;`, not `<`. Anything else (an unknown name, a
/// number that is no character, a lone `&`) is kept as written. Borrows when there is nothing
/// to decode.
pub fn unescape(text: &str) -> Cow<'_, str> {
    let Some(first) = text.find('&') else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut rest = &text[first..];
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match decode_reference(rest) {
            Some((ch, used)) => {
                out.push(ch);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `text` starts with `&`; returns the character and the length of the reference.
fn decode_reference(text: &str) -> Option<(char, usize)> {
    // The longest reference decoded here is `&#x10FFFF;` (10 bytes) or `&#1114111;`.
    let end = text.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let body = &text[1..end];
    let ch = match body {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        _ => {
            let number = body.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse::<u32>().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((ch, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_entities_are_decoded() {
        assert_eq!(
            unescape("Gaji &amp; tunjangan &lt;naik&gt; &quot;katanya&quot; &#39;ok&#39;"),
            "Gaji & tunjangan <naik> \"katanya\" 'ok'"
        );
    }

    #[test]
    fn numeric_entities_are_decoded() {
        assert_eq!(unescape("tunggu&#8230; &#x1F600; &#X41;"), "tunggu… 😀 A");
    }

    #[test]
    fn decoding_happens_once() {
        assert_eq!(unescape("&amp;lt;"), "&lt;");
    }

    #[test]
    fn unknown_or_broken_references_are_kept() {
        assert_eq!(
            unescape("A & B &bogus; &#xZZ; &#1114112; &amp"),
            "A & B &bogus; &#xZZ; &#1114112; &amp"
        );
        assert_eq!(unescape("akhir &"), "akhir &");
    }

    #[test]
    fn text_without_references_is_borrowed() {
        assert!(matches!(unescape("tanpa entitas"), Cow::Borrowed(_)));
        assert_eq!(unescape("émoji 😀 &amp; ü"), "émoji 😀 & ü");
    }
}
