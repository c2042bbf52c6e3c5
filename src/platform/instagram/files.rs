//! What each file of an Instagram export is, by its name (folders moved between export
//! versions: `content/`, `your_instagram_activity/content/`, `…/media/`, and Threads under
//! `your_instagram_activity/threads/`).

use crate::archive::Entry;
use crate::model::{ItemKind, Platform};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A list of own media posts (`posts_1.json`, `stories.json`, `reels.json`,
    /// `threads_and_replies.json`…), read as items of `kind` on `platform`.
    Media {
        kind: ItemKind,
        platform: Platform,
    },
    /// The pre-2021 `media.json` (`photos`, `videos`, `stories` with `caption` and `taken_at`).
    OldMedia,
    /// Own comments: `post_comments_1.json`, `reels_comments.json`.
    Comments,
    /// Liked posts or comments (`liked_posts.json`, `liked_comments.json`, `liked_threads.json`).
    Likes {
        platform: Platform,
    },
    /// Accounts and hashtags followed (`following.json`, `following_hashtags.json`).
    Following {
        platform: Platform,
    },
    /// One part of a direct-message conversation (`messages/inbox/<thread>/message_1.json`).
    Messages,
    /// `personal_information.json` (before 2021 `profile.json`): handle, name, bio, private.
    Personal,
    Ignored(&'static str),
}

const MEDIA: &str = "media file";
const OTHER_DATA: &str = "not audited: account data without posts, comments, likes or follows";

/// The role of one archive entry.
pub fn role(entry: &Entry) -> Role {
    let path = entry.path.to_ascii_lowercase();
    let (folders, name) = path.rsplit_once('/').unwrap_or(("", &path));
    let in_folder = |wanted: &str| folders.split('/').any(|f| f == wanted);
    let threads = in_folder("threads") || name.contains("threads");
    let on = if threads {
        Platform::Threads
    } else {
        Platform::Instagram
    };
    let Some((stem, extension)) = name.rsplit_once('.') else {
        // Instagram names some media files without an extension.
        return if in_folder("media") || in_folder("photos") || in_folder("videos") {
            Role::Ignored(MEDIA)
        } else {
            Role::Ignored("unknown file")
        };
    };
    match extension {
        "json" => {}
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "heic" | "heif" | "mp4" | "mov" | "m4a"
        | "mp3" | "aac" | "webm" | "srt" | "tif" | "tiff" => return Role::Ignored(MEDIA),
        "html" | "htm" => {
            return Role::Ignored(
                "HTML export: only the JSON option of \"Download your information\" is read",
            )
        }
        _ => return Role::Ignored("unknown file"),
    }
    // `posts_1.json`, part files, and renamed copies such as `posts_1.old-format.json`.
    let base = stem.split('.').next().unwrap_or(stem);
    if is_part(base, "posts") {
        return Role::Media {
            kind: ItemKind::Post,
            platform: Platform::Instagram,
        };
    }
    if is_part(base, "message") && (in_folder("inbox") || in_folder("message_requests")) {
        return Role::Messages;
    }
    if is_part(base, "post_comments") || base == "reels_comments" || base == "comments" {
        return Role::Comments;
    }
    if is_part(base, "followers") {
        return Role::Ignored("not the account's own act: the accounts that follow this account");
    }
    match base {
        "stories" | "archived_stories" => Role::Media {
            kind: ItemKind::Story,
            platform: Platform::Instagram,
        },
        "reels" | "igtv_videos" | "archived_posts" => Role::Media {
            kind: ItemKind::Post,
            platform: Platform::Instagram,
        },
        "threads_and_replies" | "text_posts" => Role::Media {
            kind: ItemKind::Post,
            platform: Platform::Threads,
        },
        "media" if !threads => Role::OldMedia,
        "liked_posts" | "liked_comments" | "liked_threads" => Role::Likes { platform: on },
        "following" | "following_hashtags" => Role::Following { platform: on },
        "personal_information" => Role::Personal,
        // Before 2021: `{"username", "name", "biography", "private_account"}`.
        "profile" if !threads => Role::Personal,
        "saved_posts" | "saved_collections" | "saved_music" | "saved_locations" => {
            Role::Ignored("not audited: saved items are private bookmarks nobody else sees")
        }
        "recently_deleted_content" => {
            Role::Ignored("not audited: deleted posts are no longer public")
        }
        "profile_photos" => Role::Ignored("not audited: profile photos (no text)"),
        "last_known_location" | "profile_based_in" | "locations_of_interest" => Role::Ignored(
            "not audited: where Meta placed the account, recorded by Meta and never published",
        ),
        "blocked_profiles" | "restricted_profiles" | "close_friends" | "hide_story_from" => {
            Role::Ignored("not audited: private lists of accounts")
        }
        "pending_follow_requests"
        | "recent_follow_requests"
        | "recently_unfollowed_profiles"
        | "removed_suggestions" => {
            Role::Ignored("not audited: follow requests and unfollows, not current follows")
        }
        _ if folders.split('/').any(|f| f.starts_with("ads")) || base.starts_with("ads") => {
            Role::Ignored("not audited: ad data")
        }
        _ if in_folder("security_and_login_information")
            || in_folder("login_and_account_creation") =>
        {
            Role::Ignored("not audited: login and security records")
        }
        _ => Role::Ignored(OTHER_DATA),
    }
}

/// `posts`, `posts_1`, `posts_12` for `prefix` = `posts`.
fn is_part(base: &str, prefix: &str) -> bool {
    match base.strip_prefix(prefix) {
        Some("") => true,
        Some(rest) => rest
            .strip_prefix('_')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())),
        None => false,
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
    fn files_by_name_in_any_folder() {
        let post = Role::Media {
            kind: ItemKind::Post,
            platform: Platform::Instagram,
        };
        for path in [
            "content/posts_1.json",
            "your_instagram_activity/content/posts_2.json",
            "instagram-x-2024/your_instagram_activity/media/posts_1.json",
            "posts_1.old-format.json",
            "your_instagram_activity/media/reels.json",
            "your_instagram_activity/media/archived_posts.json",
        ] {
            assert_eq!(role_of(path), post, "{path}");
        }
        assert_eq!(
            role_of("your_instagram_activity/media/stories.json"),
            Role::Media {
                kind: ItemKind::Story,
                platform: Platform::Instagram
            }
        );
        assert_eq!(
            role_of("your_instagram_activity/threads/threads_and_replies.json"),
            Role::Media {
                kind: ItemKind::Post,
                platform: Platform::Threads
            }
        );
        assert_eq!(role_of("media.json"), Role::OldMedia);
        assert_eq!(role_of("comments/post_comments_1.json"), Role::Comments);
        assert_eq!(role_of("comments/reels_comments.json"), Role::Comments);
        assert_eq!(
            role_of("likes/liked_posts.json"),
            Role::Likes {
                platform: Platform::Instagram
            }
        );
        assert_eq!(
            role_of("your_instagram_activity/threads/liked_threads.json"),
            Role::Likes {
                platform: Platform::Threads
            }
        );
        assert_eq!(
            role_of("connections/followers_and_following/following.json"),
            Role::Following {
                platform: Platform::Instagram
            }
        );
        assert_eq!(
            role_of("your_instagram_activity/threads/following.json"),
            Role::Following {
                platform: Platform::Threads
            }
        );
        assert_eq!(
            role_of("your_instagram_activity/messages/inbox/budi_123/message_1.json"),
            Role::Messages
        );
        assert_eq!(
            role_of("personal_information/personal_information/personal_information.json"),
            Role::Personal
        );
    }

    #[test]
    fn other_files_say_why_they_are_ignored() {
        let reason = |path| match role_of(path) {
            Role::Ignored(reason) => reason,
            other => panic!("{path}: {other:?}"),
        };
        assert_eq!(reason("media/posts/202401/abc.jpg"), MEDIA);
        assert_eq!(reason("media/posts/201806/G0NqSARUCKAJ_1794"), MEDIA);
        assert!(
            reason("connections/followers_and_following/followers_1.json")
                .contains("follow this account")
        );
        assert!(reason("your_instagram_activity/saved/saved_posts.json").contains("bookmarks"));
        assert!(reason("ads_information/ads_and_topics/ads_viewed.json").contains("ad data"));
        assert!(reason("your_instagram_activity/content/posts_1.html").contains("HTML"));
        assert!(reason("information_about_you/profile_based_in.json").contains("Meta"));
        assert_eq!(reason("preferences/settings.json"), OTHER_DATA);
        assert_eq!(reason("notes.docx"), "unknown file");
        // A message file outside an inbox folder is not a conversation.
        assert_eq!(reason("message_1.json"), OTHER_DATA);
        assert_eq!(reason("posts_extra.json"), OTHER_DATA);
    }
}
