//! Mastodon post bodies are HTML (`<p>`, `<br>`, `<a>`, `<span class="invisible">`); the audit
//! needs the words as the reader saw them, and the links' targets.
//!
//! Decisions:
//! - Paragraphs become blank lines and `<br>` a line break, so phrase rules do not match
//!   across paragraphs.
//! - Text in `<span class="invisible">` is kept: Mastodon shortens a link's visible text
//!   and hides the rest, so keeping it restores the whole address as it was posted.
//! - Links whose class is `mention` or `hashtag` (or `rel="tag"`) are not URLs of the post:
//!   mentions and hashtags come from the structured `tag` list.

/// The text of an HTML fragment and the targets of its links, in order, without duplicates.
pub fn to_text(html: &str) -> (String, Vec<String>) {
    let mut text = String::with_capacity(html.len());
    let mut links: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_decoded(&mut text, &rest[..lt]);
        let after = &rest[lt..];
        let Some(gt) = tag_end(after) else {
            // A `<` that opens no tag is text.
            push_decoded(&mut text, after);
            rest = "";
            break;
        };
        let tag = &after[1..gt];
        rest = &after[gt + 1..];
        let (name, attributes) = split_tag(tag);
        match name.as_str() {
            "br" => text.push('\n'),
            "p" | "/p" | "div" | "/div" | "li" | "blockquote" | "/blockquote" => {
                paragraph_break(&mut text, if name == "li" { 1 } else { 2 })
            }
            "a" => {
                let class = attribute(attributes, "class").unwrap_or_default();
                let rel = attribute(attributes, "rel").unwrap_or_default();
                let is_tag = class
                    .split_whitespace()
                    .any(|c| c == "mention" || c == "hashtag")
                    || rel.split_whitespace().any(|r| r == "tag");
                if let Some(href) = attribute(attributes, "href") {
                    if !is_tag && !href.is_empty() && !links.contains(&href) {
                        links.push(href);
                    }
                }
            }
            _ => {}
        }
    }
    push_decoded(&mut text, rest);
    (text.trim().to_owned(), links)
}

/// Ends the current line block: at most `lines` line breaks, none at the start.
fn paragraph_break(text: &mut String, lines: usize) {
    while text.ends_with(' ') {
        text.pop();
    }
    if text.is_empty() {
        return;
    }
    let have = text.len() - text.trim_end_matches('\n').len();
    for _ in have..lines {
        text.push('\n');
    }
}

/// Index of the `>` closing the tag that `s` (starting with `<`) opens, or `None` when `s`
/// does not open a tag. Quoted attribute values may hold `>`.
fn tag_end(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let first = *bytes.get(1)?;
    if !(first.is_ascii_alphabetic() || first == b'/' || first == b'!') {
        return None;
    }
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(1) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(i),
            None => {}
        }
    }
    None
}

/// `a href="x" class=y` → (`a`, `href="x" class=y`), the name in lower case.
fn split_tag(tag: &str) -> (String, &str) {
    let tag = tag.trim_end_matches('/').trim();
    let end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
    (tag[..end].to_ascii_lowercase(), &tag[end..])
}

/// The decoded value of one attribute, quoted or not.
fn attribute(attributes: &str, wanted: &str) -> Option<String> {
    let mut rest = attributes.trim_start();
    while !rest.is_empty() {
        let name_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        let mut value = "";
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, remaining) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let close = body.find(q).unwrap_or(body.len());
                    (&body[..close], body.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let close = after
                        .find(|c: char| c.is_whitespace())
                        .unwrap_or(after.len());
                    (&after[..close], &after[close..])
                }
            };
            value = v;
            rest = remaining.trim_start();
        }
        if name.eq_ignore_ascii_case(wanted) {
            let mut decoded = String::new();
            push_decoded(&mut decoded, value);
            return Some(decoded);
        }
        if name.is_empty() {
            break;
        }
    }
    None
}

/// Appends `s` with its character references decoded; unknown ones are kept as written.
fn push_decoded(out: &mut String, s: &str) {
    out.push_str(&crate::platform::html::unescape(s));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_links_and_entities() {
        let (text, links) = to_text(
            "<p>Gaji &amp; tunjangan &quot;naik&quot;</p><p>Baca: <a href=\"https://contoh.go.id/berita?a=1&amp;b=2\" rel=\"nofollow\"><span class=\"invisible\">https://</span><span class=\"ellipsis\">contoh.go.id/beri</span><span class=\"invisible\">ta?a=1&amp;b=2</span></a><br>Salam</p>",
        );
        assert_eq!(
            text,
            "Gaji & tunjangan \"naik\"\n\nBaca: https://contoh.go.id/berita?a=1&b=2\nSalam"
        );
        assert_eq!(links, ["https://contoh.go.id/berita?a=1&b=2"]);
    }

    #[test]
    fn mention_and_hashtag_links_are_not_urls() {
        let (text, links) = to_text(
            "<p><span class=\"h-card\"><a href=\"https://kota.social/@budi\" class=\"u-url mention\">@<span>budi</span></a></span> ayo <a href=\"https://kota.social/tags/pemilu\" class=\"mention hashtag\" rel=\"tag\">#<span>pemilu</span></a> I&#39;m &#x1F600;</p>",
        );
        assert_eq!(text, "@budi ayo #pemilu I'm 😀");
        assert!(links.is_empty(), "{links:?}");
    }

    #[test]
    fn broken_markup_is_kept_as_text() {
        assert_eq!(to_text("a < b &bogus; <p").0, "a < b &bogus; <p");
        assert_eq!(to_text("").0, "");
        assert_eq!(
            to_text("<a href='x>y'>z</a>"),
            ("z".into(), vec!["x>y".into()])
        );
    }
}
