//! A Facebook JSON file is one or more named lists (`{"comments_v2": […]}`), a bare list
//! (`your_posts_1.json`), or a list of objects that each hold named lists (some files merge
//! `comments_v2` and `group_comments_v2` that way). The list's key says what its entries
//! are; a bare list takes its meaning from the file's name.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde_json::value::RawValue;

use crate::platform::outline::{self, Outline};

use super::files::Role;

/// What the entries of one list are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Posts,
    GroupPosts,
    OtherTimelinePosts,
    Stories,
    Comments,
    GroupComments,
    Groups,
    Reactions,
    PageLikes,
    Follows,
    CheckIns,
    Media,
    Messages,
}

/// The section a list key names, across the versions of the export.
pub fn section_of_key(key: &str) -> Option<Section> {
    let section = match key {
        "status_updates_v2" | "status_updates" | "your_posts" | "posts" => Section::Posts,
        "group_posts_v2" | "group_posts" => Section::GroupPosts,
        "wall_posts_sent_to_other_timelines_v2"
        | "wall_posts_sent_to_other_timelines"
        | "posts_on_other_pages_and_profiles_v2"
        | "posts_on_other_pages_and_profiles" => Section::OtherTimelinePosts,
        "archived_stories_v2" | "archived_stories" | "stories_v2" | "stories" => Section::Stories,
        "comments_v2" | "comments" => Section::Comments,
        "group_comments_v2" | "group_comments" => Section::GroupComments,
        "groups_joined_v2"
        | "groups_joined"
        | "groups_admined_v2"
        | "groups_admined"
        | "group_membership_v2" => Section::Groups,
        "reactions_v2" | "reactions" | "likes_v2" | "likes" => Section::Reactions,
        "page_likes_v2" | "page_likes" | "pages_liked_v2" => Section::PageLikes,
        "pages_followed_v2" | "pages_followed" | "following_v3" | "following_v2" | "following" => {
            Section::Follows
        }
        "checkins_v2" | "checkins" | "check_ins_v2" | "check_ins" => Section::CheckIns,
        "videos_v2" | "videos" | "other_photos_v2" | "other_photos" | "photos" => Section::Media,
        "messages" => Section::Messages,
        _ => return None,
    };
    Some(section)
}

/// The section a bare list, or a list under an unknown key, has in a file of this role.
pub fn default_section(role: Role) -> Option<Section> {
    Some(match role {
        Role::Posts => Section::Posts,
        Role::GroupPosts => Section::GroupPosts,
        Role::OtherTimelinePosts => Section::OtherTimelinePosts,
        Role::Stories => Section::Stories,
        Role::Comments => Section::Comments,
        Role::Groups => Section::Groups,
        Role::Reactions => Section::Reactions,
        Role::PageLikes => Section::PageLikes,
        Role::Follows => Section::Follows,
        Role::CheckIns => Section::CheckIns,
        Role::Media => Section::Media,
        Role::Messages => Section::Messages,
        Role::Profile | Role::Probe | Role::Ignored(_) => return None,
    })
}

/// One list of a file: its key (when it has one), its section and its entries, each still
/// raw (parsed when it is read).
pub struct List<'f, 'a> {
    pub key: Option<String>,
    pub section: Section,
    /// Borrowed from the file's outline when the file is one bare list: a 100 MB file has
    /// hundreds of thousands of entries, not worth a copy.
    pub entries: Cow<'f, [&'a RawValue]>,
}

/// The lists of an opened file. Lists under unknown keys take the role's default; a file
/// of an unknown role (`Probe`) keeps only lists under known keys.
pub fn lists<'f, 'a>(file: &'f Outline<'a>, role: Role) -> Result<Vec<List<'f, 'a>>, String> {
    let fallback = default_section(role);
    match file {
        Outline::Array(items) => {
            // Stops at the first entry that is not a wrapper: in a bare list, the first.
            let wrappers: Option<Vec<Outline<'a>>> = if items.is_empty() {
                None
            } else {
                items
                    .iter()
                    .map(|&item| wrapper(item))
                    .collect::<Result<_, _>>()?
            };
            match (wrappers, fallback) {
                (Some(wrappers), _) => {
                    let mut out = Vec::new();
                    for wrapper in &wrappers {
                        if let Some(obj) = wrapper.as_object() {
                            out.extend(named_lists(obj, None)?);
                        }
                    }
                    Ok(out)
                }
                (None, Some(section)) => Ok(vec![List {
                    key: None,
                    section,
                    entries: Cow::Borrowed(items),
                }]),
                (None, None) => Ok(Vec::new()),
            }
        }
        Outline::Object(obj) => named_lists(obj, fallback),
        other => Err(format!("found {} at the top", other.kind())),
    }
}

/// A list entry that is itself only a holder of known named lists, opened; `Ok(None)` for
/// any other entry.
fn wrapper<'a>(entry: &'a RawValue) -> Result<Option<Outline<'a>>, String> {
    if !outline::is_object(entry) {
        return Ok(None);
    }
    let opened = Outline::open(entry).map_err(invalid)?;
    let holds_only_lists = opened.as_object().is_some_and(|obj| {
        !obj.is_empty()
            && obj
                .iter()
                .all(|(k, v)| outline::is_array(v) && section_of_key(k).is_some())
    });
    Ok(holds_only_lists.then_some(opened))
}

fn named_lists<'f, 'a>(
    obj: &BTreeMap<String, &'a RawValue>,
    fallback: Option<Section>,
) -> Result<Vec<List<'f, 'a>>, String> {
    let mut out = Vec::new();
    for (key, &member) in obj {
        // Messenger threads hold `participants` next to `messages`; only messages are items.
        if key == "participants" || key == "magic_words" || key == "image" {
            continue;
        }
        let Some(section) = section_of_key(key).or(fallback) else {
            continue;
        };
        if let Some(entries) = outline::list(member) {
            out.push(List {
                key: Some(key.clone()),
                section,
                entries: Cow::Owned(entries),
            });
        } else if outline::is_object(member) {
            // Older exports wrap a list once more: `{"group_posts": {"activity_log_data": […]}}`.
            let inner = Outline::open(member).map_err(invalid)?;
            for &inner_member in inner.as_object().into_iter().flat_map(|o| o.values()) {
                if let Some(entries) = outline::list(inner_member) {
                    out.push(List {
                        key: Some(key.clone()),
                        section,
                        entries: Cow::Owned(entries),
                    });
                }
            }
        }
    }
    Ok(out)
}

fn invalid(error: serde_json::Error) -> String {
    format!("is not valid JSON ({error})")
}

pub use crate::platform::json::kind_of;
