//! The old "Grailbird" archive (before 2019): `tweets.csv` with the columns
//! `tweet_id,in_reply_to_status_id,in_reply_to_user_id,timestamp,source,text,
//! retweeted_status_id,retweeted_status_user_id,retweeted_status_timestamp,expanded_urls`
//! and timestamps like `2013-03-13 08:52:14 +0000`. Columns are found by name.

use crate::model::Item;

use super::kinds::{classify, Signals};
use super::problems::Problems;
use super::{dates, html};

const EXPECTED_HEADER: &str =
    "tweet_id,in_reply_to_status_id,in_reply_to_user_id,timestamp,source,text,\
retweeted_status_id,retweeted_status_user_id,retweeted_status_timestamp,expanded_urls";

struct Columns {
    id: usize,
    text: usize,
    timestamp: Option<usize>,
    reply_to: Option<usize>,
    retweeted_id: Option<usize>,
    retweeted_user: Option<usize>,
    urls: Option<usize>,
}

/// Reads `tweets.csv`: how many rows it holds, and the items. `Err` when the header is not
/// Grailbird's.
pub fn read(
    text: &str,
    file: &str,
    handle: Option<&str>,
    problems: &mut Problems,
) -> Result<(usize, Vec<Item>), String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| format!("has no readable header ({e}); expected `{EXPECTED_HEADER}`"))?
        .clone();
    let find = |name: &str| header.iter().position(|h| h.trim() == name);
    let (Some(id), Some(text_column)) = (find("tweet_id"), find("text")) else {
        let found: Vec<_> = header.iter().take(6).collect();
        return Err(format!(
            "has the columns `{}`; expected the Grailbird header `{EXPECTED_HEADER}`",
            found.join(",")
        ));
    };
    let columns = Columns {
        id,
        text: text_column,
        timestamp: find("timestamp"),
        reply_to: find("in_reply_to_status_id"),
        retweeted_id: find("retweeted_status_id"),
        retweeted_user: find("retweeted_status_user_id"),
        urls: find("expanded_urls"),
    };

    let mut found = 0;
    let mut items = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let position = index + 1;
        found = position;
        match record {
            Ok(row) => {
                if let Some(item) = to_item(&row, &columns, file, position, handle, problems) {
                    items.push(item);
                }
            }
            Err(e) => problems.skip(position, e),
        }
    }
    Ok((found, items))
}

fn to_item(
    row: &csv::StringRecord,
    columns: &Columns,
    file: &str,
    position: usize,
    handle: Option<&str>,
    problems: &mut Problems,
) -> Option<Item> {
    let field = |column: Option<usize>| {
        column
            .and_then(|c| row.get(c))
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    let Some(id) = field(Some(columns.id)) else {
        problems.skip(position, "no `tweet_id`");
        return None;
    };
    let mut item = super::tweets::new_public_post(id.to_owned(), file, position, handle);
    item.text = html::unescape(row.get(columns.text).unwrap_or_default()).into_owned();
    match field(columns.timestamp) {
        Some(stamp) => match dates::parse(stamp) {
            Some(at) => item.created_at = Some(at),
            None => problems.gap(
                position,
                format!(
                    "unreadable `timestamp` `{stamp}`, expected {}",
                    dates::EXPECTED
                ),
            ),
        },
        None => problems.gap(position, "no `timestamp`; kept without a date"),
    }
    item.urls = field(columns.urls)
        .map(|urls| {
            urls.split(',')
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    item.hashtags = words_after(&item.text, '#', char::is_alphanumeric);
    item.mentions = words_after(&item.text, '@', |c| c.is_ascii_alphanumeric());

    let signals = Signals {
        own_id: id,
        text: &item.text,
        reply_to_status: field(columns.reply_to),
        retweet_of_user: field(columns.retweeted_user),
        marked_retweet: field(columns.retweeted_id).is_some(),
    };
    let (kind, target) = classify(&signals, item.urls.iter().map(String::as_str));
    item.kind = kind;
    item.target = target;
    Some(item)
}

/// Hashtags or mentions in the text (the CSV has no entity columns): the word after `sigil`
/// when the sigil starts a word.
fn words_after(text: &str, sigil: char, word: impl Fn(char) -> bool) -> Vec<String> {
    let in_word = |c: char| word(c) || c == '_';
    let mut out = Vec::new();
    let mut previous: Option<char> = None;
    for (at, c) in text.char_indices() {
        if c == sigil && !previous.is_some_and(|p| p.is_alphanumeric() || p == '_') {
            let start = at + c.len_utf8();
            let end = text[start..]
                .find(|ch: char| !in_word(ch))
                .map_or(text.len(), |n| start + n);
            if end > start {
                out.push(text[start..end].to_owned());
            }
        }
        previous = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemKind, SourceRef};

    const CSV: &str = "\"tweet_id\",\"in_reply_to_status_id\",\"in_reply_to_user_id\",\"timestamp\",\"source\",\"text\",\"retweeted_status_id\",\"retweeted_status_user_id\",\"retweeted_status_timestamp\",\"expanded_urls\"
\"310\",\"\",\"\",\"2013-03-13 08:52:14 +0000\",\"<a href=\"\"http://twitter.com\"\">web</a>\",\"Rapat &amp; koordinasi #banjir dengan @bpbd_dki\",\"\",\"\",\"\",\"http://bpbd.jakarta.go.id/a,http://x.org/b\"
\"311\",\"300\",\"12\",\"2013-03-14 01:00:00 +0000\",\"web\",\"@warga siap, segera ditindaklanjuti\",\"\",\"\",\"\",\"\"
\"312\",\"\",\"\",\"2013-03-15 01:00:00 +0000\",\"web\",\"RT @humas_dki: Jalan Sudirman ditutup\",\"299\",\"44\",\"2013-03-15 00:00:00 +0000\",\"\"
\"313\",\"\",\"\",\"2013-03-16 01:00:00 +0000\",\"web\",\"Betul sekali http://t.co/q\",\"\",\"\",\"\",\"https://twitter.com/menpan/status/298\"
\"\",\"\",\"\",\"2013-03-16 01:00:00 +0000\",\"web\",\"tanpa id\",\"\",\"\",\"\",\"\"
\"314\",\"\",\"\",\"kemarin\",\"web\",\"tanggal rusak\"
";

    #[test]
    fn grailbird_rows_become_posts_replies_reposts_and_quotes() {
        let mut problems = Problems::default();
        let (found, items) = read(CSV, "tweets.csv", Some("dinas_x"), &mut problems).unwrap();
        assert_eq!(found, 6);
        let kinds: Vec<_> = items
            .iter()
            .map(|i| (i.id.as_str(), i.kind, i.target.as_deref()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("310", ItemKind::Post, None),
                ("311", ItemKind::Reply, Some("300")),
                ("312", ItemKind::Repost, Some("humas_dki")),
                ("313", ItemKind::Quote, Some("298")),
                ("314", ItemKind::Post, None),
            ]
        );
        let first = &items[0];
        assert_eq!(first.text, "Rapat & koordinasi #banjir dengan @bpbd_dki");
        assert_eq!(
            first.created_at.unwrap().to_rfc3339(),
            "2013-03-13T08:52:14+00:00"
        );
        assert_eq!(
            first.urls,
            ["http://bpbd.jakarta.go.id/a", "http://x.org/b"]
        );
        assert_eq!(first.hashtags, ["banjir"]);
        assert_eq!(first.mentions, ["bpbd_dki"]);
        assert_eq!(
            first.permalink.as_deref(),
            Some("https://x.com/dinas_x/status/310")
        );
        assert_eq!(
            first.source,
            SourceRef {
                file: "tweets.csv".into(),
                position: 1
            }
        );
        assert!(items[4].created_at.is_none());
        let e = problems.into_error("tweets.csv", found).unwrap();
        assert!(
            e.message
                .contains("1 of 6 items was malformed and skipped (item 5: no `tweet_id`)"),
            "{e}"
        );
        assert!(
            e.message
                .contains("item 6: unreadable `timestamp` `kemarin`"),
            "{e}"
        );
    }

    #[test]
    fn a_csv_without_the_grailbird_header_is_refused() {
        let mut problems = Problems::default();
        let err = read("id,body\n1,halo\n", "tweets.csv", None, &mut problems).unwrap_err();
        assert!(err.contains("has the columns `id,body`"), "{err}");
    }

    #[test]
    fn words_after_sigils() {
        assert_eq!(
            words_after("#a b#c #dé_f #", '#', char::is_alphanumeric),
            ["a", "dé_f"]
        );
        assert_eq!(
            words_after("mail a@b.c @x_1: hi", '@', |c| c.is_ascii_alphanumeric()),
            ["x_1"]
        );
    }
}
