//! Finds the spans that are not ordinary words before the word pass runs: URLs, e-mail
//! addresses, @mentions and #hashtags.
//!
//! * URLs (`http://`, `https://`, `www.`) become the single token `url`, so that domain and
//!   path fragments (`…/anjing-lucu`, `bangsat.id`) never produce findings.
//! * E-mail addresses become the single token `email` for the same reason.
//! * Mentions (`@user`) become the single token `user`: a username such as `@anjingkampung` or
//!   `@partai_x` names an account, it is not something the author said. Rules about *who* is
//!   mentioned use the item's `mentions` list, which the platform readers fill.
//! * Hashtags keep their words: the body is split into words later (`#2019GantiPresiden` →
//!   `2019 ganti presiden`), because campaign slogans live in hashtags.
//!
//! All markers are ASCII, so every byte position computed here is a char boundary.

use unicode_normalization::char::is_combining_mark;

use super::fold::is_ignorable;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpanKind {
    Url,
    Email,
    Mention,
    /// The span starts at the `#`.
    Hashtag,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: SpanKind,
}

/// A character that belongs to a word for the purpose of deciding whether `@`, `#` or `www.`
/// starts something new (`b@ngsat` is not a mention, `C#` is not a hashtag).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// Appends the special spans of `text` to `out`, sorted and non-overlapping.
pub(crate) fn find_specials(text: &str, out: &mut Vec<Span>) {
    let b = text.as_bytes();
    // A URL needs `://` or `www.`; most texts have neither, and then only `@` and `#` can
    // start a special, so the scan jumps from one to the next.
    let urls = memchr::memchr_iter(b':', b).any(|colon| b[colon + 1..].starts_with(b"//"))
        || memchr::memchr_iter(b'.', b)
            .any(|dot| dot >= 3 && b[dot - 3..dot].eq_ignore_ascii_case(b"www"));
    scan(text, urls, out);
}

/// The scan itself; `urls` says whether a URL could be in the text at all.
fn scan(text: &str, urls: bool, out: &mut Vec<Span>) {
    let b = text.as_bytes();
    let mut i = 0;
    // End of the last span: e-mail detection must not look back into it.
    let mut floor = 0;
    while i < b.len() {
        if !urls {
            match memchr::memchr2(b'@', b'#', &b[i..]) {
                Some(skip) => i += skip,
                None => break,
            }
        }
        let found = match b[i] {
            b'h' | b'H' | b'w' | b'W' if urls => url_at(text, i).map(|end| Span {
                start: i,
                end,
                kind: SpanKind::Url,
            }),
            b'@' => email_at(text, i, floor).or_else(|| mention_at(text, i)),
            b'#' => hashtag_at(text, i),
            _ => None,
        };
        match found {
            Some(span) => {
                out.push(span);
                i = span.end;
                floor = span.end;
            }
            None => i += 1,
        }
    }
}

pub(crate) fn starts_with_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.len() >= needle.len() && haystack[..needle.len()].eq_ignore_ascii_case(needle)
}

/// End of the URL starting at `i`, if one starts there.
fn url_at(text: &str, i: usize) -> Option<usize> {
    let rest = &text.as_bytes()[i..];
    let body = if starts_with_ignore_case(rest, b"https://") {
        i + 8
    } else if starts_with_ignore_case(rest, b"http://") {
        i + 7
    } else if starts_with_ignore_case(rest, b"www.") {
        // `www.` only at the start of a word (`awww.` is not a URL).
        if prev_char(text, i).is_some_and(is_word_char) {
            return None;
        }
        i + 4
    } else {
        return None;
    };
    let mut end = body;
    for (j, c) in text[body..].char_indices() {
        let stop = c.is_whitespace()
            || matches!(c, '<' | '>' | '"' | '`' | '{' | '}' | '|' | '\\' | '^')
            || (!c.is_ascii() && !c.is_alphanumeric());
        if stop {
            break;
        }
        end = body + j + c.len_utf8();
    }
    // Sentence punctuation after a URL is not part of it.
    let bytes = text.as_bytes();
    while end > body {
        let last = bytes[end - 1];
        let strip = match last {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'*' => true,
            b')' => {
                let url = &bytes[i..end];
                url.iter().filter(|&&x| x == b'(').count()
                    < url.iter().filter(|&&x| x == b')').count()
            }
            b']' => !bytes[i..end].contains(&b'['),
            _ => false,
        };
        if !strip {
            break;
        }
        end -= 1;
    }
    (end > body).then_some(end)
}

fn is_local_part_byte(x: u8) -> bool {
    x.is_ascii_alphanumeric() || matches!(x, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// The e-mail address around the `@` at `at`, if there is one. Its start may lie before `at`
/// but never before `floor`.
fn email_at(text: &str, at: usize, floor: usize) -> Option<Span> {
    let b = text.as_bytes();
    let mut start = at;
    while start > floor && is_local_part_byte(b[start - 1]) {
        start -= 1;
    }
    while start < at && !b[start].is_ascii_alphanumeric() {
        start += 1;
    }
    if start == at {
        return None;
    }
    let mut end = at + 1;
    while end < b.len() && (b[end].is_ascii_alphanumeric() || matches!(b[end], b'-' | b'.')) {
        end += 1;
    }
    while end > at + 1 && matches!(b[end - 1], b'.' | b'-') {
        end -= 1;
    }
    let domain = &b[at + 1..end];
    let tld_start = domain.iter().rposition(|&x| x == b'.')? + 1;
    let tld = &domain[tld_start..];
    let ok = domain.first().is_some_and(|x| x.is_ascii_alphanumeric())
        && tld.len() >= 2
        && tld.iter().all(|x| x.is_ascii_alphabetic())
        && !domain.windows(2).any(|w| w == b"..");
    ok.then_some(Span {
        start,
        end,
        kind: SpanKind::Email,
    })
}

/// The mention starting at the `@` at `at`: `@` not preceded by a word character, followed by
/// `[A-Za-z0-9_]` (and dots inside, as Instagram allows).
fn mention_at(text: &str, at: usize) -> Option<Span> {
    if prev_char(text, at).is_some_and(is_word_char) {
        return None;
    }
    let b = text.as_bytes();
    let user = |x: u8| x.is_ascii_alphanumeric() || x == b'_';
    let mut end = at + 1;
    while end < b.len() {
        if user(b[end]) || (b[end] == b'.' && end + 1 < b.len() && user(b[end + 1])) {
            end += 1;
        } else {
            break;
        }
    }
    (end > at + 1).then_some(Span {
        start: at,
        end,
        kind: SpanKind::Mention,
    })
}

/// The hashtag starting at the `#` at `at`: `#` not preceded by a word character (nor `&`, as
/// in `&#39;`), followed by letters, digits, `_` and the marks that belong to them.
fn hashtag_at(text: &str, at: usize) -> Option<Span> {
    if prev_char(text, at).is_some_and(|c| is_word_char(c) || c == '&') {
        return None;
    }
    let mut end = at + 1;
    let mut has_alnum = false;
    for (j, c) in text[at + 1..].char_indices() {
        if c.is_alphanumeric() {
            has_alnum = true;
        } else if !(c == '_' || is_combining_mark(c) || is_ignorable(c)) {
            break;
        }
        end = at + 1 + j + c.len_utf8();
    }
    has_alnum.then_some(Span {
        start: at,
        end,
        kind: SpanKind::Hashtag,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specials(text: &str) -> Vec<(SpanKind, &str)> {
        let mut out = Vec::new();
        find_specials(text, &mut out);
        out.iter()
            .map(|s| (s.kind, &text[s.start..s.end]))
            .collect()
    }

    #[test]
    fn urls_with_scheme_or_www_and_trailing_punctuation_removed() {
        assert_eq!(
            specials("lihat https://t.co/AbC123. dan www.detik.com/berita, ok"),
            vec![
                (SpanKind::Url, "https://t.co/AbC123"),
                (SpanKind::Url, "www.detik.com/berita")
            ]
        );
        assert_eq!(
            specials("(HTTP://x.id/a_(b)) ya"),
            vec![(SpanKind::Url, "HTTP://x.id/a_(b)")]
        );
        assert_eq!(
            specials("link:https://x.id/p😂lucu"),
            vec![(SpanKind::Url, "https://x.id/p")]
        );
        // Not URLs: scheme without body, `www.` inside a word.
        assert!(specials("https:// kosong").is_empty());
        assert!(specials("awww.lucu").is_empty());
    }

    #[test]
    fn url_swallows_hashes_and_ats_inside_it() {
        assert_eq!(
            specials("https://x.com/@budi/#anjing lalu #Tag"),
            vec![
                (SpanKind::Url, "https://x.com/@budi/#anjing"),
                (SpanKind::Hashtag, "#Tag")
            ]
        );
    }

    #[test]
    fn emails_mentions_and_leet_at() {
        assert_eq!(
            specials("kirim ke budi.santoso@kemenkeu.go.id. atau @Budi_88 dan b@ngsat"),
            vec![
                (SpanKind::Email, "budi.santoso@kemenkeu.go.id"),
                (SpanKind::Mention, "@Budi_88"),
            ]
        );
        assert_eq!(
            specials("@ig.user. halo"),
            vec![(SpanKind::Mention, "@ig.user")]
        );
        assert!(specials("@ sendiri").is_empty());
        assert!(specials("x@y tanpa domain").is_empty());
    }

    #[test]
    fn hashtags_need_a_non_word_before_and_an_alnum_inside() {
        assert_eq!(
            specials("#2019GantiPresiden,#ganti_presiden C# &#39; #_ ##dua"),
            vec![
                (SpanKind::Hashtag, "#2019GantiPresiden"),
                (SpanKind::Hashtag, "#ganti_presiden"),
                (SpanKind::Hashtag, "#dua"),
            ]
        );
        assert_eq!(
            specials("#Indonesia🇮🇩"),
            vec![(SpanKind::Hashtag, "#Indonesia")]
        );
    }

    #[test]
    fn ruling_out_urls_changes_nothing() {
        const PIECES: [&str; 16] = [
            "a", "h", "W", "www.", "WwW.", "http", "://", ":", ".", " ", "@", "#", "x.id", "é",
            "_", "b",
        ];
        let mut random = crate::test_random::TestRandom::new(0x2545_F491_4F6C_DD1D);
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..12 {
                text.push_str(PIECES[random.below(PIECES.len())]);
            }
            let (mut fast, mut full) = (Vec::new(), Vec::new());
            find_specials(&text, &mut fast);
            scan(&text, true, &mut full);
            assert_eq!(fast, full, "text {text:?}");
        }
    }

    #[test]
    fn text_without_markers_has_no_specials() {
        assert!(specials("dasar bangsat").is_empty());
        assert!(specials("").is_empty());
    }
}
