//! What each file of an X archive is, by its name (the wrapper folders vary between downloads).

use crate::archive::Entry;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Own posts: `tweets.js`, `tweet.js`, `tweets-part1.js`, `tweet-part1.js`, any `tweets*.js`.
    Tweets,
    /// Full text of long posts: `note-tweet.js`.
    Notes,
    Likes,
    Following,
    /// Handle and display name: `account.js`.
    Account,
    Profile,
    /// `manifest.js`: the list of files and their item counts.
    Manifest,
    /// Pre-2019 Grailbird archive: `tweets.csv`.
    GrailbirdCsv,
    /// Not used, with the reason shown to the user.
    Ignored(&'static str),
}

const MEDIA: &str = "media file";
const VIEWER: &str = "archive viewer file (no account data)";

/// The role of one archive entry.
pub fn role(entry: &Entry) -> Role {
    let path = entry.path.to_ascii_lowercase();
    let (folders, name) = path.rsplit_once('/').unwrap_or(("", &path));
    if folders.split('/').any(|f| f == "assets") {
        return Role::Ignored(VIEWER);
    }
    if folders.split('/').any(|f| f.ends_with("_media")) {
        return Role::Ignored(MEDIA);
    }
    if path.starts_with("js/tweets/") || path.contains("/js/tweets/") {
        return Role::Ignored("old-archive monthly file: the same posts are read from tweets.csv");
    }
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return Role::Ignored("unknown file");
    };
    match extension {
        "js" => data_file(stem),
        "csv" if name == "tweets.csv" => Role::GrailbirdCsv,
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "mp4" | "mov" | "m4a" | "mp3" | "webm"
        | "svg" => Role::Ignored(MEDIA),
        "txt" if name == "readme.txt" => {
            Role::Ignored("X's field guide to the archive (no account data)")
        }
        "html" | "htm" | "css" | "ico" | "woff" | "woff2" | "ttf" => Role::Ignored(VIEWER),
        _ => Role::Ignored("unknown file"),
    }
}

/// The role of a `.js` data file from its name without the extension.
fn data_file(stem: &str) -> Role {
    if stem.starts_with("tweets") {
        return Role::Tweets;
    }
    let base = without_part(stem);
    match base {
        "tweet" => Role::Tweets,
        "note-tweet" => Role::Notes,
        "like" => Role::Likes,
        "following" => Role::Following,
        "account" => Role::Account,
        "profile" => Role::Profile,
        "manifest" => Role::Manifest,
        "follower" => {
            Role::Ignored("not the account's own act: the accounts that follow this account")
        }
        "tweet-headers" => Role::Ignored(
            "not audited: post ids and dates only; the posts themselves are read from tweets.js",
        ),
        "community-tweet" => Role::Ignored("not audited in this version: posts in X Communities"),
        "grok-chat-item" => Role::Ignored("not audited: private conversations with Grok"),
        "block" | "mute" => Role::Ignored("not audited: accounts blocked or muted"),
        "tweet_index" | "user_details" | "payload_details" => Role::Ignored(VIEWER),
        _ if base.starts_with("direct-message") => {
            Role::Ignored("not audited: direct messages are private and not read in this version")
        }
        _ if base.starts_with("deleted-tweet") => {
            Role::Ignored("not audited: deleted posts are no longer public")
        }
        _ if base.starts_with("ad-") || base.starts_with("ads-") => {
            Role::Ignored("not audited: ad data")
        }
        _ => Role::Ignored("not audited: account data without posts, likes or follows"),
    }
}

/// `like-part2` → `like`; names without a part number are returned as they are.
fn without_part(stem: &str) -> &str {
    match stem.rsplit_once("-part") {
        Some((base, number))
            if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) =>
        {
            base
        }
        _ => stem,
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
    fn data_files_by_name_in_any_folder() {
        for path in [
            "data/tweets.js",
            "data/tweet.js",
            "twitter-2025-10-22-abc/data/tweets-part1.js",
            "tweet-part3.js",
            "tweets.geotagged-excerpt.js",
            "Data/Tweets.js",
        ] {
            assert_eq!(role_of(path), Role::Tweets, "{path}");
        }
        assert_eq!(role_of("data/note-tweet.js"), Role::Notes);
        assert_eq!(role_of("data/like-part1.js"), Role::Likes);
        assert_eq!(role_of("x/data/following.js"), Role::Following);
        assert_eq!(role_of("data/account.js"), Role::Account);
        assert_eq!(role_of("data/profile.js"), Role::Profile);
        assert_eq!(role_of("data/manifest.js"), Role::Manifest);
        assert_eq!(role_of("tweets.csv"), Role::GrailbirdCsv);
    }

    #[test]
    fn look_alike_names_are_not_posts() {
        for path in [
            "data/tweet-headers.js",
            "data/tweetdeck.js",
            "data/deleted-tweets.js",
            "data/community-tweet.js",
            "data/tweets_media/123-abc.jpg",
            "data/js/tweets/2013_03.js",
            "assets/js/tweets.js",
            "data/tweets.csv.bak",
            "data/account-creation-ip.js",
        ] {
            assert!(matches!(role_of(path), Role::Ignored(_)), "{path}");
        }
    }

    #[test]
    fn ignored_files_say_why() {
        let reason = |path| match role_of(path) {
            Role::Ignored(reason) => reason,
            other => panic!("{path}: {other:?}"),
        };
        assert!(reason("data/direct-messages.js").contains("direct messages"));
        assert!(reason("data/direct-message-headers.js").contains("direct messages"));
        assert!(reason("data/follower.js").contains("follow this account"));
        assert!(reason("data/deleted-tweets.js").contains("no longer public"));
        assert!(reason("data/ad-impressions.js").contains("ad data"));
        assert_eq!(reason("data/tweets_media/1-a.jpg"), "media file");
        assert_eq!(reason("data/profile_media/1-a.png"), "media file");
        assert!(reason("data/README.txt").contains("field guide"));
        assert_eq!(reason("Your archive.html"), VIEWER);
        assert_eq!(reason("notes.docx"), "unknown file");
        assert_eq!(reason("LICENSE"), "unknown file");
    }

    #[test]
    fn part_suffixes() {
        assert_eq!(without_part("like-part12"), "like");
        assert_eq!(without_part("like-partx"), "like-partx");
        assert_eq!(
            without_part("direct-messages-group"),
            "direct-messages-group"
        );
    }
}
