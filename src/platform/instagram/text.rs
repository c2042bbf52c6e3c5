//! Hashtags, mentions and links written in a caption: Instagram's export keeps no entities,
//! only the caption text.

use crate::text::starts_with_ignore_case;

/// Fills `hashtags`, `mentions` and `urls` from the text (in order, without repeats).
pub fn entities(text: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut hashtags = Vec::new();
    let mut mentions = Vec::new();
    let mut urls = Vec::new();
    for word in text.split(char::is_whitespace) {
        // Without a lower-case copy of every word of every caption.
        if starts_with_ignore_case(word.as_bytes(), b"http://")
            || starts_with_ignore_case(word.as_bytes(), b"https://")
        {
            let url = word.trim_end_matches([')', ']', ',', '.', '!', '?', '"', '\'']);
            push_new(&mut urls, url.to_owned());
            continue;
        }
        // Tags may follow each other without a space: `#satu#dua`.
        for (marker, out) in [('#', &mut hashtags), ('@', &mut mentions)] {
            let mut rest = word;
            while let Some(at) = rest.find(marker) {
                let preceded_by_word = rest[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.');
                let after = &rest[at + marker.len_utf8()..];
                let name: String = after
                    .chars()
                    .take_while(|&c| c.is_alphanumeric() || c == '_' || (marker == '@' && c == '.'))
                    .collect();
                let name = name.trim_end_matches('.');
                // An `@` inside a word is an e-mail address, not a mention.
                let email = marker == '@' && preceded_by_word;
                if !name.is_empty() && !email {
                    push_new(out, name.to_owned());
                }
                rest = after;
            }
        }
    }
    (hashtags, mentions, urls)
}

fn push_new(list: &mut Vec<String>, value: String) {
    if !value.is_empty() && !list.contains(&value) {
        list.push(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_mentions_and_links() {
        let (tags, mentions, urls) = entities(
            "Apel pagi #HariKesadaranNasional#ASNBerAKHLAK bersama @dinas.kominfo. \
             Info: https://contoh.go.id/berita, surel humas@contoh.go.id #apel #apel",
        );
        assert_eq!(tags, ["HariKesadaranNasional", "ASNBerAKHLAK", "apel"]);
        assert_eq!(mentions, ["dinas.kominfo"]);
        assert_eq!(urls, ["https://contoh.go.id/berita"]);
    }

    #[test]
    fn links_are_found_in_any_case_and_next_to_other_scripts() {
        let (_, _, urls) = entities("Lihat HTTPS://Contoh.go.id/A! héllo ħttps://x.id Http://b.id");
        assert_eq!(urls, ["HTTPS://Contoh.go.id/A", "Http://b.id"]);
    }

    #[test]
    fn nothing_in_plain_text() {
        let (tags, mentions, urls) = entities("Selamat pagi # @ semua");
        assert!(tags.is_empty() && mentions.is_empty() && urls.is_empty());
    }
}
