//! Which kind of post a tweet is: a repost, a reply, a quote or a plain post. Shared by the
//! `tweets.js` reader and the old Grailbird `tweets.csv` reader.

use crate::model::ItemKind;

use super::links;

/// What the tweet says about itself.
#[derive(Debug, Default, Clone, Copy)]
pub struct Signals<'s> {
    pub own_id: &'s str,
    /// Unescaped text.
    pub text: &'s str,
    pub reply_to_status: Option<&'s str>,
    /// The retweeted account when the archive says so (Grailbird's `retweeted_status_user_id`).
    pub retweet_of_user: Option<&'s str>,
    /// True when the archive says the tweet is a retweet even if the text does not start with
    /// `RT @` (Grailbird's `retweeted_status_id`).
    pub marked_retweet: bool,
}

/// Classifies a tweet and names what it acts on:
/// - `RT @user: …` (or marked as a retweet) → `repost`, target = the retweeted account;
/// - a reply to a status → `reply`, target = the replied-to status id (a post that only starts
///   with `@someone` has `in_reply_to_screen_name` but no status id: it is not a reply);
/// - not a reply, but one of `urls` links another post → `quote`, target = the quoted status id;
/// - otherwise `post`.
pub fn classify<'u>(
    signals: &Signals<'_>,
    urls: impl IntoIterator<Item = &'u str>,
) -> (ItemKind, Option<String>) {
    if links::is_retweet(signals.text) || signals.marked_retweet {
        let target = links::retweet_target(signals.text).or(signals.retweet_of_user);
        return (ItemKind::Repost, target.map(str::to_owned));
    }
    if let Some(status) = signals.reply_to_status {
        return (ItemKind::Reply, Some(status.to_owned()));
    }
    let quoted = urls
        .into_iter()
        .filter_map(links::status_id)
        .find(|id| *id != signals.own_id);
    match quoted {
        Some(id) => (ItemKind::Quote, Some(id.to_owned())),
        None => (ItemKind::Post, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signals(text: &str) -> Signals<'_> {
        Signals {
            own_id: "100",
            text,
            ..Signals::default()
        }
    }

    #[test]
    fn retweet_is_a_repost_of_the_account() {
        let (kind, target) = classify(&signals("RT @humas_kota: Jalan ditutup…"), []);
        assert_eq!(kind, ItemKind::Repost);
        assert_eq!(target.as_deref(), Some("humas_kota"));
    }

    #[test]
    fn marked_retweet_without_rt_text_uses_the_archive_user() {
        let s = Signals {
            marked_retweet: true,
            retweet_of_user: Some("777"),
            ..signals("teks asli")
        };
        assert_eq!(classify(&s, []), (ItemKind::Repost, Some("777".into())));
    }

    #[test]
    fn reply_targets_the_status() {
        let s = Signals {
            reply_to_status: Some("55"),
            ..signals("@warga setuju")
        };
        assert_eq!(classify(&s, []), (ItemKind::Reply, Some("55".into())));
        // Addressed to someone, but not a reply to a post.
        assert_eq!(
            classify(&signals("@warga setuju"), []),
            (ItemKind::Post, None)
        );
    }

    #[test]
    fn a_reply_linking_a_post_stays_a_reply() {
        let s = Signals {
            reply_to_status: Some("55"),
            ..signals("lihat ini")
        };
        let urls = ["https://x.com/a/status/66"];
        assert_eq!(classify(&s, urls).0, ItemKind::Reply);
    }

    #[test]
    fn linking_another_post_is_a_quote() {
        let urls = [
            "https://example.org/berita",
            "https://twitter.com/kominfo/status/66",
        ];
        assert_eq!(
            classify(&signals("Baca ini"), urls),
            (ItemKind::Quote, Some("66".into()))
        );
    }

    #[test]
    fn linking_its_own_status_or_a_site_is_a_post() {
        let urls = [
            "https://x.com/me/status/100/photo/1",
            "https://kemenpan.go.id",
        ];
        assert_eq!(
            classify(&signals("Foto kegiatan"), urls),
            (ItemKind::Post, None)
        );
        assert_eq!(
            classify(&signals("Selamat pagi"), []),
            (ItemKind::Post, None)
        );
    }
}
