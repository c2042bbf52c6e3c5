//! What each file of a Facebook export is, by its name: the root folder moved between
//! layouts (`posts/` ≤2022, `your_activity_across_facebook/` 2023, `your_facebook_activity/`
//! 2024+) and downloads add a wrapper folder, so only names and a few folder names count.

use crate::archive::Entry;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Own posts: `your_posts_1.json`, `your_posts__check_ins__photos_and_videos_1.json`.
    Posts,
    /// `your_posts_in_groups.json`, `group_posts_and_comments.json`.
    GroupPosts,
    /// `posts_on_other_pages_and_profiles.json`: posts written on someone else's timeline.
    OtherTimelinePosts,
    /// `archived_stories.json`.
    Stories,
    /// `comments.json`, `your_comments_in_groups.json`, any `*comments*.json`.
    Comments,
    /// `your_group_membership_activity.json`, `your_groups.json`.
    Groups,
    /// `posts_and_comments.json` (likes and reactions), `likes_and_reactions_1.json`.
    Reactions,
    /// `pages.json` (old likes folder), `pages_you've_liked.json`.
    PageLikes,
    /// `pages_you_follow.json`, `pages_and_profiles_you_follow.json`, `following.json`,
    /// `who_you've_followed.json`.
    Follows,
    /// `check-ins.json` and the like.
    CheckIns,
    /// `album/0.json`, `your_videos.json`, `your_uncategorized_photos.json`.
    Media,
    /// Messenger threads: `messages/inbox/<thread>/message_1.json`.
    Messages,
    /// `profile_information.json`: names, and the bio as a profile item.
    Profile,
    /// A JSON file with an unknown name: read, and used if it holds a known list.
    Probe,
    /// Not used, with the reason shown to the user.
    Ignored(&'static str),
}

pub const MEDIA: &str = "media file (its path is recorded on the item that shows it)";
pub const HTML: &str =
    "HTML version of the export (not read: request the JSON option of \"Download your information\")";
pub const UNKNOWN_JSON: &str =
    "not audited: account data without posts, comments, likes or follows";

/// Folders whose files are never audited, with the reason.
const IGNORED_FOLDERS: [(&str, &str); 16] = [
    ("ads_information", "not audited: ad data"),
    ("ads_and_businesses", "not audited: ad data"),
    ("ads", "not audited: ad data"),
    (
        "apps_and_websites_off_of_facebook",
        "not audited: off-Facebook activity (apps and websites)",
    ),
    (
        "off-facebook_activity",
        "not audited: off-Facebook activity (apps and websites)",
    ),
    (
        "security_and_login_information",
        "not audited: security and login logs",
    ),
    (
        "logged_information",
        "not audited: activity Facebook logged (searches, locations, views)",
    ),
    ("search", "not audited: search history"),
    ("search_history", "not audited: search history"),
    (
        "location",
        "not audited: location history Facebook logged (not posted by the account)",
    ),
    ("preferences", "not audited: settings and preferences"),
    ("your_topics", "not audited: topics Facebook inferred"),
    ("facebook_gaming", "not audited: gaming data"),
    ("facebook_payments", "not audited: payment data"),
    (
        "other_logged_information",
        "not audited: activity Facebook logged (searches, locations, views)",
    ),
    (
        "personal_information",
        "not audited: personal account data (addresses, contacts, devices)",
    ),
];

/// The role of one archive entry.
pub fn role(entry: &Entry) -> Role {
    let path = entry.path.to_lowercase();
    let (folders, name) = path.rsplit_once('/').unwrap_or(("", &path));
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return Role::Ignored("unknown file");
    };
    match extension {
        "json" => {}
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "heic" | "bmp" | "mp4" | "mov" | "m4a"
        | "mp3" | "aac" | "wav" | "ogg" | "webm" | "3gp" | "avi" => return Role::Ignored(MEDIA),
        "html" | "htm" | "css" | "js" | "svg" | "ico" | "woff" | "woff2" | "ttf" => {
            return Role::Ignored(HTML)
        }
        "txt" if name == "readme.txt" || name == "index.txt" => {
            return Role::Ignored("Facebook's guide to the download (no account data)")
        }
        _ => return Role::Ignored("unknown file"),
    }
    let folder_list: Vec<&str> = folders.split('/').collect();
    let base = without_part(stem);
    // Messenger threads live in `messages/<box>/<thread>/message_N.json` (also under the
    // 2023+ roots); their own `message_N` name is what marks them.
    if base == "message"
        && folder_list
            .iter()
            .any(|f| *f == "messages" || *f == "inbox")
    {
        return Role::Messages;
    }
    if folder_list.contains(&"album") {
        return Role::Media;
    }
    if let Some(role) = by_name(base) {
        return role;
    }
    if let Some((_, reason)) = IGNORED_FOLDERS
        .iter()
        .find(|(folder, _)| folder_list.contains(folder))
    {
        return Role::Ignored(reason);
    }
    if folder_list.contains(&"messages") {
        return Role::Ignored("not audited: Messenger settings and contacts (no messages)");
    }
    Role::Probe
}

fn by_name(base: &str) -> Option<Role> {
    let role = match base {
        // Others' words and the account's relationships: never the account's own acts.
        "other_people's_posts_to_your_timeline" | "posts_to_your_timeline" => {
            Role::Ignored("not the account's own words: posts other people wrote on this timeline")
        }
        "followers" | "people_who_followed_you" | "who_follows_you" | "your_followers" => {
            Role::Ignored("not the account's own act: the accounts that follow this account")
        }
        "pages_you've_unfollowed" | "unfollowed_pages" | "who_you've_unfollowed" => {
            Role::Ignored("not audited: pages and profiles the account stopped following")
        }
        "your_friends"
        | "friends"
        | "removed_friends"
        | "sent_friend_requests"
        | "received_friend_requests"
        | "rejected_friend_requests"
        | "suggested_friends" => Role::Ignored("not audited: friend lists"),
        "your_posts" | "posts" | "your_posts__check_ins__photos_and_videos" => Role::Posts,
        "your_posts_in_groups"
        | "group_posts_and_comments"
        | "your_posts_and_comments_in_groups"
        | "group_posts" => Role::GroupPosts,
        "posts_on_other_pages_and_profiles"
        | "your_posts_on_other_pages_and_profiles"
        | "posts_you've_made_on_other_timelines" => Role::OtherTimelinePosts,
        "archived_stories" | "your_stories" | "stories" => Role::Stories,
        "your_group_membership_activity" | "your_groups" | "group_membership_activity" => {
            Role::Groups
        }
        "posts_and_comments" | "likes_and_reactions" | "reactions" | "your_reactions" => {
            Role::Reactions
        }
        "pages" | "pages_you've_liked" | "pages_you_like" | "liked_pages" => Role::PageLikes,
        "pages_you_follow"
        | "pages_and_profiles_you_follow"
        | "following"
        | "who_you've_followed"
        | "who_you_follow"
        | "people_and_pages_you_follow" => Role::Follows,
        "check-ins" | "check_ins" | "checkins" | "your_check-ins" | "places_you've_been" => {
            Role::CheckIns
        }
        "your_videos" | "your_uncategorized_photos" | "your_photos" | "videos" | "photos" => {
            Role::Media
        }
        "profile_information" => Role::Profile,
        _ if base.starts_with("your_posts__check_ins") => Role::Posts,
        _ if base.starts_with("likes_and_reactions") => Role::Reactions,
        _ if base.contains("comments") => Role::Comments,
        _ => return None,
    };
    Some(role)
}

/// `your_posts_12` → `your_posts`; names without a part number are returned as they are.
fn without_part(stem: &str) -> &str {
    match stem.rsplit_once('_') {
        Some((base, number))
            if !base.is_empty()
                && !number.is_empty()
                && number.bytes().all(|b| b.is_ascii_digit()) =>
        {
            base
        }
        _ => stem,
    }
}

/// How surely an entry marks a Facebook export, for `recognise`.
pub fn evidence(entry: &Entry) -> u32 {
    let path = entry.path.to_lowercase();
    if path.split('/').any(|f| {
        matches!(
            f,
            "your_facebook_activity" | "your_activity_across_facebook"
        )
    }) {
        return 50;
    }
    let name = path.rsplit('/').next().unwrap_or(&path);
    let stem = name.strip_suffix(".json").unwrap_or("");
    match without_part(stem) {
        "your_posts" | "your_posts__check_ins__photos_and_videos" => 40,
        "your_posts_in_groups"
        | "group_posts_and_comments"
        | "your_group_membership_activity"
        | "your_comments_in_groups"
        | "posts_on_other_pages_and_profiles"
        | "facebook_comments" => 30,
        "pages_you've_liked" | "who_you've_followed" | "pages_and_profiles_you_follow" => 20,
        "profile_information" | "your_uncategorized_photos" | "your_videos" => 15,
        "comments" if path.contains("comments_and_reactions/") || path.contains("comments/") => 15,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role_of(path: &str) -> Role {
        role(&Entry {
            path: path.into(),
            size: 1,
        })
    }

    #[test]
    fn all_three_layouts() {
        for path in [
            "posts/your_posts_1.json",
            "facebook-budi/posts/your_posts_2.json",
            "your_activity_across_facebook/posts/your_posts_1.json",
            "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
        ] {
            assert_eq!(role_of(path), Role::Posts, "{path}");
        }
        assert_eq!(
            role_of("your_facebook_activity/comments_and_reactions/comments.json"),
            Role::Comments
        );
        assert_eq!(role_of("facebook_comments.json"), Role::Comments);
        assert_eq!(
            role_of("groups/your_comments_in_groups.json"),
            Role::Comments
        );
        assert_eq!(
            role_of("groups/your_posts_in_groups.json"),
            Role::GroupPosts
        );
        assert_eq!(
            role_of("likes_and_reactions/posts_and_comments.json"),
            Role::Reactions
        );
        assert_eq!(
            role_of("your_facebook_activity/comments_and_reactions/likes_and_reactions_3.json"),
            Role::Reactions
        );
        assert_eq!(role_of("likes_and_reactions/pages.json"), Role::PageLikes);
        assert_eq!(
            role_of("connections/followers_and_following/who_you've_followed.json"),
            Role::Follows
        );
        assert_eq!(role_of("posts/album/3.json"), Role::Media);
        assert_eq!(
            role_of("your_facebook_activity/messages/inbox/sari_abc/message_1.json"),
            Role::Messages
        );
        assert_eq!(
            role_of("profile_information/profile_information.json"),
            Role::Profile
        );
        assert_eq!(role_of("something_new/whatever.json"), Role::Probe);
    }

    #[test]
    fn ignored_files_say_why() {
        let reason = |path| match role_of(path) {
            Role::Ignored(reason) => reason,
            other => panic!("{path}: {other:?}"),
        };
        assert!(reason("ads_information/advertisers_using_your_activity.json").contains("ad data"));
        assert!(
            reason("apps_and_websites_off_of_facebook/your_off-facebook_activity.json")
                .contains("off-Facebook")
        );
        assert!(
            reason("security_and_login_information/logins_and_logouts.json").contains("security")
        );
        assert!(reason("connections/followers/people_who_followed_you.json")
            .contains("follow this account"));
        assert!(reason("connections/friends/your_friends.json").contains("friend"));
        assert_eq!(reason("posts/media/album/1.jpg"), MEDIA);
        assert_eq!(reason("your_posts_1.html"), HTML);
        assert_eq!(reason("LICENSE"), "unknown file");
    }

    #[test]
    fn part_suffixes() {
        assert_eq!(without_part("your_posts_12"), "your_posts");
        assert_eq!(without_part("message_1"), "message");
        assert_eq!(without_part("check-ins"), "check-ins");
        assert_eq!(without_part("_1"), "_1");
    }
}
