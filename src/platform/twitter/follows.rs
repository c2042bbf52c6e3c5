//! Accounts the owner follows, from `following.js`: `{"following": {"accountId", "userLink"}}`.
//! Ids only: the archive does not name the followed accounts.

use serde::Deserialize;

use crate::model::{Audience, Item, ItemKind, Platform, SourceRef};

use super::js_wrapper::parse_items;
use super::lenient::{non_blank, JsonText};
use super::problems::Problems;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Envelope<'a> {
    #[serde(borrow)]
    following: Option<Following<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Following<'a> {
    #[serde(borrow)]
    account_id: Option<JsonText<'a>>,
    #[serde(borrow)]
    user_link: Option<JsonText<'a>>,
}

/// Reads one following file: how many items it holds, and the `follow` items.
pub fn read(text: &str, file: &str, problems: &mut Problems) -> Result<(usize, Vec<Item>), String> {
    let (found, raws) = parse_items::<Envelope>(text, problems)?;
    let mut items = Vec::with_capacity(raws.len());
    for (position, envelope) in raws {
        let Some(following) = envelope.following else {
            problems.skip(position, "no `following` object");
            continue;
        };
        let Some(id) = non_blank(&following.account_id) else {
            problems.skip(position, "no `accountId`");
            continue;
        };
        let mut item = Item::new(
            Platform::Twitter,
            ItemKind::Follow,
            id,
            SourceRef {
                file: file.to_owned(),
                position,
            },
        );
        // Whom an account follows is listed on its public profile.
        item.audience = Audience::Public;
        let link = non_blank(&following.user_link);
        item.target = Some(link.unwrap_or(id).to_owned());
        item.permalink = Some(match link {
            Some(link) => link.to_owned(),
            None => format!("https://x.com/i/user/{id}"),
        });
        items.push(item);
    }
    Ok((found, items))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_target_the_user_link() {
        let text = r#"window.YTD.following.part0 = [
          {"following": {"accountId": "21", "userLink": "https://twitter.com/intent/user?user_id=21"}},
          {"following": {"accountId": "22"}},
          {"following": {"userLink": "https://twitter.com/intent/user?user_id=23"}}
        ]"#;
        let mut problems = Problems::default();
        let (found, items) = read(text, "data/following.js", &mut problems).unwrap();
        assert_eq!((found, items.len()), (3, 2));
        assert_eq!(items[0].kind, ItemKind::Follow);
        assert_eq!(items[0].id, "21");
        assert_eq!(
            items[0].target.as_deref(),
            Some("https://twitter.com/intent/user?user_id=21")
        );
        assert_eq!(items[0].text, "");
        assert_eq!(items[1].target.as_deref(), Some("22"));
        assert_eq!(
            items[1].permalink.as_deref(),
            Some("https://x.com/i/user/22")
        );
        assert_eq!(problems.skipped(), 1);
    }
}
