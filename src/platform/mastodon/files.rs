//! What each file of a Mastodon archive is, by its name (people rename and re-pack archives).

use crate::archive::Entry;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `outbox.json`: own posts, replies, boosts and direct messages.
    Outbox,
    /// `likes.json`: the URLs of favourited posts.
    Likes,
    /// `actor.json`: handle, display name, bio.
    Actor,
    Ignored(&'static str),
}

pub const MEDIA: &str = "media file (attached media are listed on their posts)";

pub fn role(entry: &Entry) -> Role {
    let name = entry.file_name().to_ascii_lowercase();
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return Role::Ignored("unknown file");
    };
    match extension {
        // `outbox (1).json`, `outbox.excerpt.json`: a renamed or cut copy is still the outbox.
        "json" if named(stem, "outbox") => Role::Outbox,
        "json" if named(stem, "likes") => Role::Likes,
        "json" if named(stem, "actor") => Role::Actor,
        "json" if stem.starts_with("bookmarks") => {
            Role::Ignored("not audited: bookmarks are private and not the account's own words")
        }
        "csv" if stem.starts_with("blocked") || stem.starts_with("muted") => {
            Role::Ignored("not audited: accounts or domains blocked or muted")
        }
        "csv" if stem.starts_with("bookmarks") => {
            Role::Ignored("not audited: bookmarks are private and not the account's own words")
        }
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "avif" | "heic" | "mp4" | "mov" | "webm"
        | "m4v" | "mp3" | "ogg" | "oga" | "opus" | "wav" | "flac" | "m4a" => Role::Ignored(MEDIA),
        _ => Role::Ignored("unknown file"),
    }
}

/// `outbox`, `outbox (1)`, `outbox.excerpt`, `outbox-2024`, but not `likes_and_reactions`
/// (Facebook's).
fn named(stem: &str, base: &str) -> bool {
    stem.strip_prefix(base)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '(', '.', '-']))
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
        assert_eq!(role_of("outbox.json"), Role::Outbox);
        assert_eq!(role_of("archive-2024/Outbox (1).json"), Role::Outbox);
        assert_eq!(role_of("likes.json"), Role::Likes);
        assert_eq!(role_of("x/actor.json"), Role::Actor);
        assert!(matches!(role_of("bookmarks.json"), Role::Ignored(r) if r.contains("bookmarks")));
        assert!(
            matches!(role_of("blocked_accounts.csv"), Role::Ignored(r) if r.contains("blocked"))
        );
        assert_eq!(
            role_of("media_attachments/files/109/1/original/a.jpeg"),
            Role::Ignored(MEDIA)
        );
        assert_eq!(role_of("avatar.png"), Role::Ignored(MEDIA));
        assert_eq!(role_of("README"), Role::Ignored("unknown file"));
        assert_eq!(
            role_of("your_facebook_activity/likes_and_reactions_1.json"),
            Role::Ignored("unknown file")
        );
        assert_eq!(role_of("outboxes.json"), Role::Ignored("unknown file"));
    }
}
