//! Long posts: `note-tweet.js` holds the full text of posts longer than 280 characters, whose
//! `tweets.js` text is cut (ends with "…" or a t.co link). A note does not carry its tweet's id;
//! it is matched to its tweet by creation time (`createdAt` == `created_at`, to the second).
//! Note text is stored unescaped (a literal `&`), unlike `tweets.js`.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use crate::model::{Audience, Item, ItemKind, Platform, SourceRef};

use super::dates;
use super::js_wrapper::parse_items;
use super::lenient::{non_blank, JsonText};
use super::problems::Problems;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Envelope<'a> {
    #[serde(borrow, rename = "noteTweet")]
    note_tweet: Option<RawNote<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct RawNote<'a> {
    #[serde(borrow)]
    note_tweet_id: Option<JsonText<'a>>,
    #[serde(borrow)]
    created_at: Option<JsonText<'a>>,
    #[serde(borrow)]
    core: Option<Core<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Core<'a> {
    #[serde(borrow)]
    text: Option<JsonText<'a>>,
    #[serde(borrow)]
    urls: Option<Vec<NoteUrl<'a>>>,
    #[serde(borrow)]
    mentions: Option<Vec<NoteMention<'a>>>,
    #[serde(borrow)]
    hashtags: Option<Vec<NoteHashtag<'a>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct NoteUrl<'a> {
    #[serde(borrow)]
    expanded_url: Option<JsonText<'a>>,
    #[serde(borrow)]
    short_url: Option<JsonText<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct NoteMention<'a> {
    #[serde(borrow)]
    screen_name: Option<JsonText<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct NoteHashtag<'a> {
    #[serde(borrow)]
    text: Option<JsonText<'a>>,
}

/// One long post's full text.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// Where the note is, for the item made of it when it matches no post.
    pub source: SourceRef,
    pub id: String,
    pub created_at: Option<DateTime<FixedOffset>>,
    pub text: String,
    pub urls: Vec<String>,
    pub mentions: Vec<String>,
    pub hashtags: Vec<String>,
}

/// Reads one note-tweet file: how many items it holds, and the notes.
pub fn read(text: &str, file: &str, problems: &mut Problems) -> Result<(usize, Vec<Note>), String> {
    let (found, raws) = parse_items::<Envelope>(text, problems)?;
    let mut notes = Vec::with_capacity(raws.len());
    for (position, envelope) in raws {
        let Some(raw) = envelope.note_tweet else {
            problems.skip(position, "no `noteTweet` object");
            continue;
        };
        let core = raw.core.unwrap_or_default();
        let Some(text) = core.text else {
            problems.skip(position, "no `core.text`");
            continue;
        };
        let created_at = non_blank(&raw.created_at).and_then(dates::parse);
        if created_at.is_none() {
            problems.gap(
                position,
                "no readable `createdAt`: cannot be matched to its post",
            );
        }
        notes.push(Note {
            source: SourceRef {
                file: file.to_owned(),
                position,
            },
            id: non_blank(&raw.note_tweet_id).unwrap_or_default().to_owned(),
            created_at,
            text: text.into_string(),
            urls: core
                .urls
                .iter()
                .flatten()
                .filter_map(|u| non_blank(&u.expanded_url).or(non_blank(&u.short_url)))
                .map(str::to_owned)
                .collect(),
            mentions: core
                .mentions
                .iter()
                .flatten()
                .filter_map(|m| non_blank(&m.screen_name))
                .map(str::to_owned)
                .collect(),
            hashtags: core
                .hashtags
                .iter()
                .flatten()
                .filter_map(|h| non_blank(&h.text))
                .map(str::to_owned)
                .collect(),
        });
    }
    Ok((found, notes))
}

/// What merging the notes did.
#[derive(Debug, Default)]
pub struct Merged {
    /// Notes whose text replaced a post's cut text.
    pub matched: usize,
    /// Posts held back until every tweets file was read, now with their note's text.
    pub completed: Vec<Item>,
    /// Notes that matched no post: kept as `post` items of their own so their text is audited.
    pub orphans: Vec<Item>,
}

/// Puts each note's full text into its post among `posts` (the items read from tweets files).
#[cfg(test)]
pub fn merge(posts: &mut Vec<Item>, notes: Vec<Note>) -> Merged {
    let order: Vec<String> = posts.iter().map(|p| p.id.clone()).collect();
    let mut pending = PendingNotes::new(notes);
    pending.merge_into(posts);
    let mut merged = pending.finish();
    posts.append(&mut merged.completed);
    posts.sort_by_key(|p| order.iter().position(|id| *id == p.id));
    merged
}

/// Notes read before the posts, waiting for their posts as the tweets files are read a chunk
/// at a time (so no posts need to stay in memory for the notes of later ones).
///
/// A note matches a post created in the same second that is not a repost and has no note yet;
/// when several posts share the second (threads are posted in bursts), the one whose text
/// begins the note wins, then one whose text looks cut, then the first. A post that begins
/// the note takes it at once. A post that would only take it for want of a better one is held
/// back, not handed over, until the files are read: a later chunk may still hold the post
/// that begins the note, and then the held post goes on untouched. So reading chunk by chunk
/// picks the post that reading every post together would.
#[derive(Debug, Default)]
pub struct PendingNotes {
    waiting: Vec<Waiting>,
    matched: usize,
}

#[derive(Debug)]
struct Waiting {
    note: Note,
    /// The best post so far that does not begin the note.
    held: Option<Item>,
}

impl PendingNotes {
    pub fn new(notes: Vec<Note>) -> PendingNotes {
        PendingNotes {
            waiting: notes
                .into_iter()
                .map(|note| Waiting { note, held: None })
                .collect(),
            matched: 0,
        }
    }

    /// Gives the waiting notes whose posts are among `posts` to them. Posts held back for a
    /// note leave `posts`; posts released because a better one turned up join it.
    pub fn merge_into(&mut self, posts: &mut Vec<Item>) {
        if self.waiting.is_empty() {
            return;
        }
        let mut by_second: HashMap<i64, Vec<usize>> = HashMap::new();
        for (index, item) in posts.iter().enumerate() {
            if let (Some(at), true) = (item.created_at, item.kind != ItemKind::Repost) {
                by_second.entry(at.timestamp()).or_default().push(index);
            }
        }
        let mut still_waiting: Vec<Waiting> = Vec::new();
        // (post index, waiting slot) of posts to hold back.
        let mut to_hold: Vec<(usize, usize)> = Vec::new();
        let mut released = Vec::new();
        for mut waiting in std::mem::take(&mut self.waiting) {
            let candidates = waiting
                .note
                .created_at
                .and_then(|at| by_second.get_mut(&at.timestamp()))
                .filter(|c| !c.is_empty());
            let Some(candidates) = candidates else {
                still_waiting.push(waiting);
                continue;
            };
            if let Some(pick) = candidates
                .iter()
                .position(|&i| begins(&waiting.note.text, &posts[i].text))
            {
                let index = candidates.remove(pick);
                apply(&mut posts[index], waiting.note);
                self.matched += 1;
                released.extend(waiting.held);
                continue;
            }
            let cut = candidates.iter().position(|&i| looks_cut(&posts[i].text));
            let better = match &waiting.held {
                None => true,
                Some(held) => cut.is_some() && !looks_cut(&held.text),
            };
            if better {
                let index = candidates.remove(cut.unwrap_or(0));
                to_hold.push((index, still_waiting.len()));
                released.extend(waiting.held.take());
            }
            still_waiting.push(waiting);
        }
        // Highest index first, so removing one does not move the others.
        to_hold.sort_unstable_by_key(|&(index, _)| std::cmp::Reverse(index));
        for (index, slot) in to_hold {
            still_waiting[slot].held = Some(posts.remove(index));
        }
        posts.append(&mut released);
        self.waiting = still_waiting;
    }

    /// Once every tweets file is read: each held post takes its note, and the notes that found
    /// no post become posts of their own.
    pub fn finish(self) -> Merged {
        let mut merged = Merged {
            matched: self.matched,
            ..Merged::default()
        };
        for waiting in self.waiting {
            match waiting.held {
                Some(mut post) => {
                    apply(&mut post, waiting.note);
                    merged.matched += 1;
                    merged.completed.push(post);
                }
                None => merged.orphans.push(orphan(waiting.note)),
            }
        }
        merged
    }
}

fn apply(post: &mut Item, note: Note) {
    post.text = note.text;
    add_missing(&mut post.urls, note.urls);
    add_missing(&mut post.mentions, note.mentions);
    add_missing(&mut post.hashtags, note.hashtags);
}

fn add_missing(list: &mut Vec<String>, more: Vec<String>) {
    for value in more {
        if !list.contains(&value) {
            list.push(value);
        }
    }
}

fn orphan(note: Note) -> Item {
    // The note id is not a status id, so no permalink is made up for it.
    let mut item = Item::new(Platform::Twitter, ItemKind::Post, note.id, note.source);
    item.audience = Audience::Public;
    item.created_at = note.created_at;
    item.text = note.text;
    item.urls = note.urls;
    item.mentions = note.mentions;
    item.hashtags = note.hashtags;
    item
}

/// True when the post's cut text (without the leading @replies and the trailing "…" or t.co
/// link) is the beginning of the note's text.
fn begins(note: &str, post: &str) -> bool {
    let stem = stem(post);
    !stem.is_empty() && note.trim_start().starts_with(stem)
}

fn stem(post: &str) -> &str {
    let mut text = post.trim();
    while let Some(rest) = text.strip_prefix('@') {
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        text = rest[end..].trim_start();
    }
    strip_cut_marks(text)
}

fn strip_cut_marks(text: &str) -> &str {
    let mut text = text.trim_end();
    loop {
        let before = text;
        if let Some(at) = text.rfind("https://t.co/") {
            if !text[at..].contains(char::is_whitespace) {
                text = text[..at].trim_end();
            }
        }
        text = text.trim_end_matches('…').trim_end();
        if text.len() == before.len() {
            return text;
        }
    }
}

fn looks_cut(post: &str) -> bool {
    strip_cut_marks(post).len() < post.trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(id: &str, at: &str, text: &str) -> Item {
        let mut item = Item::new(
            Platform::Twitter,
            ItemKind::Post,
            id,
            SourceRef {
                file: "data/tweets.js".into(),
                position: 1,
            },
        );
        item.created_at = dates::parse(at);
        item.text = text.into();
        item
    }

    fn note(at: &str, text: &str) -> Note {
        Note {
            source: SourceRef {
                file: "data/note-tweet.js".into(),
                position: 1,
            },
            id: "n1".into(),
            created_at: dates::parse(at),
            text: text.into(),
            urls: vec![],
            mentions: vec![],
            hashtags: vec!["ASNBerAKHLAK".into()],
        }
    }

    #[test]
    fn notes_are_read_with_their_entities() {
        let text = r#"window.YTD.note_tweet.part0 = [
          {"noteTweet": {"noteTweetId": "91", "createdAt": "2024-03-01T02:03:04.000Z",
            "core": {"text": "Teks panjang & utuh", "urls": [{"shortUrl": "https://t.co/x", "expandedUrl": "https://bkn.go.id"}],
                     "mentions": [{"screenName": "bkngoidofficial"}], "hashtags": [{"text": "ASN"}]}}},
          {"noteTweet": {"noteTweetId": "92", "createdAt": "nanti", "core": {"text": "tanpa tanggal"}}},
          {"noteTweet": {"noteTweetId": "93", "core": {}}}
        ]"#;
        let mut problems = Problems::default();
        let (found, notes) = read(text, "data/note-tweet.js", &mut problems).unwrap();
        assert_eq!((found, notes.len()), (3, 2));
        assert_eq!(notes[0].text, "Teks panjang & utuh");
        assert_eq!(notes[0].urls, ["https://bkn.go.id"]);
        assert_eq!(notes[0].mentions, ["bkngoidofficial"]);
        assert_eq!(notes[0].hashtags, ["ASN"]);
        assert_eq!(
            notes[0].created_at,
            dates::parse("Fri Mar 01 02:03:04 +0000 2024")
        );
        assert!(notes[1].created_at.is_none());
        let e = problems.into_error("note-tweet.js", found).unwrap();
        assert!(e.message.contains("item 3: no `core.text`"), "{e}");
        assert!(e.message.contains("item 2: no readable `createdAt`"), "{e}");
    }

    #[test]
    fn a_note_replaces_the_cut_text_of_the_post_of_the_same_second() {
        let mut posts = vec![
            post("1", "Fri Mar 01 02:03:03 +0000 2024", "Sebelumnya"),
            post(
                "2",
                "Fri Mar 01 02:03:04 +0000 2024",
                "Awal kalimat yang panjang sekali…",
            ),
        ];
        posts[1].hashtags = vec!["ASN".into()];
        let notes = vec![note(
            "2024-03-01T02:03:04.000Z",
            "Awal kalimat yang panjang sekali dan berlanjut sampai habis. #ASNBerAKHLAK",
        )];
        let merged = merge(&mut posts, notes);
        assert_eq!(merged.matched, 1);
        assert!(merged.orphans.is_empty());
        assert_eq!(posts[0].text, "Sebelumnya");
        assert!(posts[1].text.ends_with("sampai habis. #ASNBerAKHLAK"));
        assert_eq!(posts[1].hashtags, ["ASN", "ASNBerAKHLAK"]);
    }

    #[test]
    fn among_posts_of_the_same_second_the_one_that_begins_the_note_wins() {
        let at = "Fri Mar 01 02:03:04 +0000 2024";
        let mut posts = vec![
            post("1", at, "1/3 Utas tentang pelayanan publik"),
            post(
                "2",
                at,
                "@warga 2/3 Pelayanan harus cepat dan … https://t.co/abc",
            ),
            post("3", at, "3/3 Terima kasih"),
        ];
        let notes = vec![note(
            at,
            "2/3 Pelayanan harus cepat dan ramah, tanpa pungutan.",
        )];
        let merged = merge(&mut posts, notes);
        assert_eq!(merged.matched, 1);
        assert_eq!(
            posts[1].text,
            "2/3 Pelayanan harus cepat dan ramah, tanpa pungutan."
        );
        assert_eq!(posts[0].text, "1/3 Utas tentang pelayanan publik");
    }

    #[test]
    fn reposts_never_take_a_note_and_a_post_takes_one_note_only() {
        let at = "Fri Mar 01 02:03:04 +0000 2024";
        let mut rt = post("1", at, "RT @a: teks…");
        rt.kind = ItemKind::Repost;
        let mut posts = vec![rt, post("2", at, "Teks panjang…")];
        let notes = vec![
            note(at, "Teks panjang pertama"),
            note(at, "Teks panjang kedua"),
        ];
        let merged = merge(&mut posts, notes);
        assert_eq!(merged.matched, 1);
        assert_eq!(posts[0].text, "RT @a: teks…");
        assert_eq!(posts[1].text, "Teks panjang pertama");
        assert_eq!(merged.orphans.len(), 1);
        assert_eq!(merged.orphans[0].text, "Teks panjang kedua");
    }

    #[test]
    fn a_post_that_only_shares_the_second_waits_for_one_that_begins_the_note() {
        let at = "Fri Mar 01 02:03:04 +0000 2024";
        let text = "Ayo ikut lomba lari pagi minggu depan bersama warga";
        let mut pending = PendingNotes::new(vec![note(at, text)]);
        // The first chunk's post of that second does not begin the note: it is held back.
        let mut first = vec![post("1", at, "Selamat pagi semua"), post("9", at, "RT x")];
        first[1].kind = ItemKind::Repost;
        pending.merge_into(&mut first);
        let ids: Vec<&str> = first.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["9"]);
        // The second chunk holds the post that begins the note: it takes it, and the held
        // post goes on untouched.
        let mut second = vec![post("2", at, "Ayo ikut lomba lari pagi…")];
        pending.merge_into(&mut second);
        let texts: Vec<(&str, &str)> = second
            .iter()
            .map(|p| (p.id.as_str(), p.text.as_str()))
            .collect();
        assert_eq!(texts, [("2", text), ("1", "Selamat pagi semua")]);
        let merged = pending.finish();
        assert_eq!(merged.matched, 1);
        assert!(merged.completed.is_empty() && merged.orphans.is_empty());
    }

    #[test]
    fn a_held_post_takes_its_note_when_no_better_post_comes() {
        let at = "Fri Mar 01 02:03:04 +0000 2024";
        let mut pending = PendingNotes::new(vec![note(at, "Catatan panjang tentang rapat")]);
        let mut first = vec![post("1", at, "Selamat pagi semua")];
        pending.merge_into(&mut first);
        // A post that looks cut is a better fallback: it replaces the held one.
        let mut second = vec![post("2", at, "Hari ini… https://t.co/x")];
        pending.merge_into(&mut second);
        assert_eq!(second.len(), 1);
        assert_eq!(second[0].id, "1");
        assert_eq!(second[0].text, "Selamat pagi semua");
        let merged = pending.finish();
        assert_eq!(merged.matched, 1);
        assert_eq!(merged.completed.len(), 1);
        assert_eq!(merged.completed[0].id, "2");
        assert_eq!(merged.completed[0].text, "Catatan panjang tentang rapat");
    }

    #[test]
    fn a_note_without_its_post_becomes_a_post_of_its_own() {
        let mut posts = vec![post("1", "Fri Mar 01 02:03:04 +0000 2024", "Lain")];
        let notes = vec![note(
            "2024-03-01T09:00:00.000Z",
            "Catatan yang postingannya hilang",
        )];
        let merged = merge(&mut posts, notes);
        assert_eq!(merged.matched, 0);
        let orphan = &merged.orphans[0];
        assert_eq!(orphan.kind, ItemKind::Post);
        assert_eq!(orphan.id, "n1");
        assert_eq!(orphan.text, "Catatan yang postingannya hilang");
        assert_eq!(orphan.source.file, "data/note-tweet.js");
        assert!(orphan.permalink.is_none());
        assert_eq!(posts[0].text, "Lain");
    }

    #[test]
    fn cut_marks() {
        assert_eq!(stem("@a @b_c Halo dunia… https://t.co/x1"), "Halo dunia");
        assert!(looks_cut("Halo…"));
        assert!(looks_cut("Halo https://t.co/x1"));
        assert!(!looks_cut("Halo dunia."));
    }
}
