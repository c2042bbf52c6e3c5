//! A Facebook JSON file is one or more named lists (`{"comments_v2": […]}`), a bare list
//! (`your_posts_1.json`), or a list of objects that each hold named lists (some files merge
//! `comments_v2` and `group_comments_v2` that way). The list's key says what its entries
//! are; a bare list takes its meaning from the file's name.

use serde_json::Value;

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

/// One list of a file: its key (when it has one), its section and its entries.
pub struct List<'v> {
    pub key: Option<&'v str>,
    pub section: Section,
    pub entries: &'v [Value],
}

/// The lists of a parsed file. Lists under unknown keys take the role's default; a file
/// of an unknown role (`Probe`) keeps only lists under known keys.
pub fn lists(value: &Value, role: Role) -> Result<Vec<List<'_>>, String> {
    let fallback = default_section(role);
    match value {
        Value::Array(items) if !items.is_empty() && items.iter().all(is_wrapper) => {
            let mut out = Vec::new();
            for item in items {
                if let Some(obj) = item.as_object() {
                    out.extend(named_lists(obj, None));
                }
            }
            Ok(out)
        }
        Value::Array(items) => match fallback {
            Some(section) => Ok(vec![List {
                key: None,
                section,
                entries: items,
            }]),
            None => Ok(Vec::new()),
        },
        Value::Object(obj) => Ok(named_lists(obj, fallback)),
        other => Err(format!("found {} at the top", kind_of(other))),
    }
}

/// A list entry that is itself only a holder of known named lists.
fn is_wrapper(value: &Value) -> bool {
    value.as_object().is_some_and(|obj| {
        !obj.is_empty()
            && obj
                .iter()
                .all(|(k, v)| v.is_array() && section_of_key(k).is_some())
    })
}

fn named_lists<'v>(
    obj: &'v serde_json::Map<String, Value>,
    fallback: Option<Section>,
) -> Vec<List<'v>> {
    let mut out = Vec::new();
    for (key, value) in obj {
        // Messenger threads hold `participants` next to `messages`; only messages are items.
        if key == "participants" || key == "magic_words" || key == "image" {
            continue;
        }
        let Some(section) = section_of_key(key).or(fallback) else {
            continue;
        };
        match value {
            Value::Array(entries) => out.push(List {
                key: Some(key),
                section,
                entries,
            }),
            // Older exports wrap a list once more: `{"group_posts": {"activity_log_data": […]}}`.
            Value::Object(inner) => {
                for (_, inner_value) in inner {
                    if let Value::Array(entries) = inner_value {
                        out.push(List {
                            key: Some(key),
                            section,
                            entries,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

pub use crate::platform::json::kind_of;
