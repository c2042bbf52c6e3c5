//! Liked posts from `like.js`: `{"like": {"tweetId", "fullText", "expandedUrl"}}`. The archive
//! keeps the liked text but no date.

use serde::Deserialize;

use crate::model::{Audience, Item, ItemKind, Platform, SourceRef};

use super::html;
use super::js_wrapper::parse_items;
use super::lenient::{non_blank, JsonText};
use super::links;
use super::problems::Problems;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Envelope<'a> {
    #[serde(borrow)]
    like: Option<Like<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Like<'a> {
    #[serde(borrow)]
    tweet_id: Option<JsonText<'a>>,
    #[serde(borrow)]
    full_text: Option<JsonText<'a>>,
    #[serde(borrow)]
    expanded_url: Option<JsonText<'a>>,
}

/// Reads one likes file: how many items it holds, and the `like` items.
pub fn read(text: &str, file: &str, problems: &mut Problems) -> Result<(usize, Vec<Item>), String> {
    let (found, raws) = parse_items::<Envelope>(text, problems)?;
    let mut items = Vec::with_capacity(raws.len());
    for (position, envelope) in raws {
        let Some(like) = envelope.like else {
            problems.skip(position, "no `like` object");
            continue;
        };
        let Some(id) = non_blank(&like.tweet_id) else {
            problems.skip(position, "no `tweetId`");
            continue;
        };
        let mut item = Item::new(
            Platform::Twitter,
            ItemKind::Like,
            id,
            SourceRef {
                file: file.to_owned(),
                position,
            },
        );
        // Likes were public until June 2024; archives do not say when a like was made, so
        // they are audited like public acts.
        item.audience = Audience::Public;
        item.target = Some(item.id.clone());
        item.permalink = Some(match non_blank(&like.expanded_url) {
            Some(url) => url.to_owned(),
            None => links::permalink(None, &item.id),
        });
        // A like of a post the account can no longer see has no text; that is not an error.
        if let Some(text) = &like.full_text {
            item.text = html::unescape(text.as_str()).into_owned();
        }
        items.push(item);
    }
    Ok((found, items))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn likes_carry_the_liked_text_and_link() {
        let text = r#"window.YTD.like.part0 = [
          {"like": {"tweetId": "11", "fullText": "Coblos &amp; menangkan!", "expandedUrl": "https://twitter.com/i/web/status/11"}},
          {"like": {"tweetId": "12"}},
          {"like": {"fullText": "tanpa id"}},
          {"following": {"accountId": "1"}}
        ]"#;
        let mut problems = Problems::default();
        let (found, items) = read(text, "data/like.js", &mut problems).unwrap();
        assert_eq!(found, 4);
        assert_eq!(items.len(), 2);
        let first = &items[0];
        assert_eq!(first.kind, ItemKind::Like);
        assert_eq!(first.text, "Coblos & menangkan!");
        assert_eq!(first.target.as_deref(), Some("11"));
        assert_eq!(
            first.permalink.as_deref(),
            Some("https://twitter.com/i/web/status/11")
        );
        assert!(first.created_at.is_none());
        assert_eq!(items[1].text, "");
        assert_eq!(
            items[1].permalink.as_deref(),
            Some("https://x.com/i/web/status/12")
        );
        assert_eq!(items[1].source.position, 2);
        let e = problems.into_error("like.js", found).unwrap();
        assert!(e.message.contains("2 of 4 items were malformed"), "{e}");
        assert!(
            e.message
                .contains("item 3: no `tweetId`; item 4: no `like` object"),
            "{e}"
        );
    }
}
