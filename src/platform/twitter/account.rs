//! Who the archive belongs to (`account.js`) and what the profile says (`profile.js`).

use serde::Deserialize;

use crate::model::{Audience, Item, ItemKind, Location, LocationOrigin, Platform, SourceRef};

use super::js_wrapper::parse_items;
use super::lenient::{non_blank, JsonText};
use super::problems::Problems;

/// The account's names, from `account.js` or the manifest's `userInfo`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Names {
    /// The @username, without the `@`.
    pub handle: Option<String>,
    pub display_name: Option<String>,
}

impl Names {
    pub fn new(handle: Option<&str>, display_name: Option<&str>) -> Names {
        Names {
            handle: handle
                .map(|h| h.trim().trim_start_matches('@'))
                .filter(|h| !h.is_empty())
                .map(str::to_owned),
            display_name: display_name.map(str::to_owned),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct AccountEnvelope<'a> {
    #[serde(borrow)]
    account: Option<Account<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Account<'a> {
    #[serde(borrow)]
    username: Option<JsonText<'a>>,
    #[serde(borrow)]
    account_display_name: Option<JsonText<'a>>,
}

/// Reads `account.js`: the names of the first account in it.
pub fn read_account(text: &str, problems: &mut Problems) -> Result<Names, String> {
    let (_, raws) = parse_items::<AccountEnvelope>(text, problems)?;
    for (position, envelope) in raws {
        match envelope.account {
            Some(account) => {
                let names = Names::new(
                    non_blank(&account.username),
                    non_blank(&account.account_display_name),
                );
                if names.handle.is_none() {
                    problems.gap(position, "no `username`");
                }
                return Ok(names);
            }
            None => problems.skip(position, "no `account` object"),
        }
    }
    Ok(Names::default())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ProfileEnvelope<'a> {
    #[serde(borrow)]
    profile: Option<Profile<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Profile<'a> {
    #[serde(borrow)]
    description: Option<Description<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Description<'a> {
    #[serde(borrow)]
    bio: Option<JsonText<'a>>,
    #[serde(borrow)]
    website: Option<JsonText<'a>>,
    #[serde(borrow)]
    location: Option<JsonText<'a>>,
}

/// Reads `profile.js`: one `profile` item whose text is the bio, with the website as a link
/// and the profile's location (a name only). An empty profile gives no item.
pub fn read_profile(
    text: &str,
    file: &str,
    handle: Option<&str>,
    problems: &mut Problems,
) -> Result<(usize, Vec<Item>), String> {
    let (found, raws) = parse_items::<ProfileEnvelope>(text, problems)?;
    let mut items = Vec::new();
    for (position, envelope) in raws {
        let Some(profile) = envelope.profile else {
            problems.skip(position, "no `profile` object");
            continue;
        };
        let description = profile.description.unwrap_or_default();
        let bio = non_blank(&description.bio);
        let website = non_blank(&description.website);
        let place = non_blank(&description.location);
        if bio.is_none() && website.is_none() && place.is_none() {
            continue;
        }
        let id = match position {
            1 => "profile".to_owned(),
            n => format!("profile-{n}"),
        };
        let mut item = Item::new(
            Platform::Twitter,
            ItemKind::Profile,
            id,
            SourceRef {
                file: file.to_owned(),
                position,
            },
        );
        item.audience = Audience::Public;
        item.text = bio.unwrap_or_default().to_owned();
        item.urls = website.into_iter().map(str::to_owned).collect();
        item.location = place.map(|name| Location {
            lat: None,
            lon: None,
            name: Some(name.to_owned()),
            origin: LocationOrigin::Profile,
        });
        item.permalink = handle.map(|h| format!("https://x.com/{h}"));
        items.push(item);
    }
    Ok((found, items))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_names() {
        let text = r#"window.YTD.account.part0 = [ {"account": {"username": "@budi_asn",
            "accountId": "1", "accountDisplayName": "Budi Santoso", "email": "b@example.org"}} ]"#;
        let mut problems = Problems::default();
        let names = read_account(text, &mut problems).unwrap();
        assert_eq!(names, Names::new(Some("budi_asn"), Some("Budi Santoso")));
        assert_eq!(names.handle.as_deref(), Some("budi_asn"));
        assert!(problems.is_empty());
    }

    #[test]
    fn account_without_username_is_a_gap() {
        let mut problems = Problems::default();
        let names = read_account(
            "window.YTD.account.part0 = [{\"account\": {}}]",
            &mut problems,
        )
        .unwrap();
        assert_eq!(names, Names::default());
        assert!(!problems.is_empty());
    }

    #[test]
    fn profile_item_holds_bio_website_and_place_name() {
        let text = r#"window.YTD.profile.part0 = [ {"profile": {"description": {
            "bio": "ASN Pemkot. Cuitan pribadi.", "website": "https://t.co/w", "location": "Semarang"},
            "avatarMediaUrl": "https://pbs.twimg.com/a.jpg"}} ]"#;
        let mut problems = Problems::default();
        let (found, items) =
            read_profile(text, "data/profile.js", Some("budi_asn"), &mut problems).unwrap();
        assert_eq!((found, items.len()), (1, 1));
        let p = &items[0];
        assert_eq!(p.kind, ItemKind::Profile);
        assert_eq!(p.text, "ASN Pemkot. Cuitan pribadi.");
        assert_eq!(p.urls, ["https://t.co/w"]);
        let loc = p.location.as_ref().unwrap();
        assert_eq!((loc.lat, loc.lon), (None, None));
        assert_eq!(loc.name.as_deref(), Some("Semarang"));
        assert_eq!(loc.origin, LocationOrigin::Profile);
        assert_eq!(p.permalink.as_deref(), Some("https://x.com/budi_asn"));
    }

    #[test]
    fn empty_profile_gives_no_item() {
        let text = r#"window.YTD.profile.part0 = [ {"profile": {"description": {"bio": ""}}} ]"#;
        let mut problems = Problems::default();
        let (found, items) = read_profile(text, "profile.js", None, &mut problems).unwrap();
        assert_eq!((found, items.len()), (1, 0));
        assert!(problems.is_empty());
    }
}
