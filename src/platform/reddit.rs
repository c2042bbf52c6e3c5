//! Reddit reader: the CSV files of a data request (GDPR/CCPA export).
//!
//! Read: `posts.csv` (`id,permalink,date,ip,subreddit,gildings,title,url,body`) → `post`
//! (title and body, the subreddit as target, the linked `url`); `comments.csv`
//! (`id,permalink,date,ip,subreddit,gildings,link,parent,body,media`) → `comment` on
//! `parent` (or the post `link`); `post_votes.csv` / `comment_votes.csv`
//! (`id,permalink,direction`) → `like` of the permalink for upvotes;
//! `subscribed_subreddits.csv` → `group` (joining a community); the handle from
//! `statistics.csv` (`account name`).
//!
//! Decisions:
//! - A `[deleted]` or `[removed]` body means the content is gone from Reddit: the item is
//!   not audited but counted under `excluded` as `deleted` / `removed`.
//! - An upvote endorses what it votes on, like a like; a downvote does not and is counted
//!   under `excluded` as `downvote`; `none` (a vote taken back) is not counted. Votes and
//!   subscriptions are not shown publicly on Reddit: audience unknown.
//! - Saved posts/comments are private bookmarks, messages and chats are private and not read
//!   in this version, hidden posts, IP logs and account settings are not speech: all ignored
//!   with the reason.
//! - Dates (`2023-01-15 12:34:56 UTC`) keep their UTC offset.

use crate::archive::{Archive, Entry};
use crate::model::{Audience, Item, ItemKind, Media, Platform};
use crate::platform::kit::{self, meaningful, Problems, Run, Table};
use crate::platform::{dates, GenericColumns, PlatformReader, Reading};

pub struct RedditReader;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Posts,
    Comments,
    Votes,
    Subscriptions,
    Statistics,
}

fn role(entry: &Entry) -> Result<Role, &'static str> {
    match kit::lower_name(entry).as_str() {
        "posts.csv" => Ok(Role::Posts),
        "comments.csv" => Ok(Role::Comments),
        "post_votes.csv" | "comment_votes.csv" => Ok(Role::Votes),
        "subscribed_subreddits.csv" => Ok(Role::Subscriptions),
        "statistics.csv" => Ok(Role::Statistics),
        "saved_posts.csv" | "saved_comments.csv" => {
            Err("not audited: saved items are private bookmarks")
        }
        "messages.csv"
        | "message_headers.csv"
        | "messages_archive.csv"
        | "messages_archive_headers.csv"
        | "chat_history.csv" => Err("not audited: private messages are not read in this version"),
        "hidden_posts.csv" => Err("not audited: posts hidden from the owner's feed"),
        "ip_logs.csv" => Err("not audited: IP address log"),
        _ => Err("not audited: account data without posts, comments or votes"),
    }
}

impl PlatformReader for RedditReader {
    fn platform(&self) -> Platform {
        Platform::Reddit
    }

    fn recognise(&self, entries: &[Entry]) -> u32 {
        // A lone `posts.csv` or `comments.csv` could be anyone's spreadsheet.
        if entries.len() < 2 {
            return 0;
        }
        let has = |name: &str| entries.iter().any(|e| kit::lower_name(e) == name);
        if !has("posts.csv") && !has("comments.csv") {
            return 0;
        }
        let mut score = 0;
        for (name, points) in [
            ("posts.csv", 15),
            ("comments.csv", 5),
            ("post_votes.csv", 25),
            ("comment_votes.csv", 25),
            ("subscribed_subreddits.csv", 25),
            ("saved_posts.csv", 10),
            ("ip_logs.csv", 5),
            ("statistics.csv", 5),
        ] {
            if has(name) {
                score += points;
            }
        }
        if entries
            .iter()
            .any(|e| e.path.to_lowercase().contains("reddit"))
        {
            score += 30;
        }
        score.min(100)
    }

    fn read(&self, archive: &Archive, _columns: &GenericColumns) -> Reading {
        let mut run = Run::new(archive);
        for (index, entry) in archive.entries().iter().enumerate() {
            match role(entry) {
                Ok(role) => read_file(&mut run, index, role),
                Err(reason) if kit::lower_name(entry).ends_with(".csv") => {
                    run.ignore(index, reason)
                }
                Err(_) => {}
            }
        }
        run.finish()
    }
}

fn read_file(run: &mut Run, index: usize, role: Role) {
    let Some(text) = run.text(index) else { return };
    let (anchors, expected): (&[&str], &str) = match role {
        Role::Posts => (
            &["title"],
            "`id,permalink,date,ip,subreddit,gildings,title,url,body`",
        ),
        Role::Comments => (
            &["body"],
            "`id,permalink,date,ip,subreddit,gildings,link,parent,body,media`",
        ),
        Role::Votes => (&["direction"], "`id,permalink,direction`"),
        Role::Subscriptions => (&["subreddit"], "`subreddit`"),
        Role::Statistics => (&["statistic"], "`statistic,value`"),
    };
    let mut problems = Problems::default();
    let table = match Table::parse(&text, anchors, &mut problems) {
        Ok(t) => t,
        Err(message) => return run.fail(index, message, expected),
    };
    if role == Role::Statistics {
        let (name, value) = (table.column(&["statistic"]), table.column(&["value"]));
        for (_, row) in &table.rows {
            if Table::get(row, name).eq_ignore_ascii_case("account name") {
                let handle = Table::get(row, value).trim_start_matches("u/").to_owned();
                if !handle.is_empty() && run.reading.handle.is_none() {
                    run.reading.handle = Some(handle);
                }
            }
        }
        run.set(index, crate::platform::FileStatus::Metadata);
        return;
    }
    let file = run.entries()[index].path.clone();
    let found = table.rows.len() + table.skipped;
    let col = |name: &str| table.column(&[name]);
    let mut items = Vec::new();
    let mut excluded: Vec<&'static str> = Vec::new();
    for (position, row) in &table.rows {
        let get = |name: &str| Table::get(row, col(name));
        let source = kit::source(&file, *position);
        let id = meaningful(get("id"))
            .map(str::to_owned)
            .unwrap_or_else(|| format!("row-{position}"));
        let permalink = meaningful(get("permalink")).map(absolute);
        let mut item = match role {
            Role::Posts | Role::Comments => {
                let body = get("body");
                if let Some(reason) = gone(body) {
                    excluded.push(reason);
                    continue;
                }
                let kind = if role == Role::Posts {
                    ItemKind::Post
                } else {
                    ItemKind::Comment
                };
                let mut item = Item::new(Platform::Reddit, kind, id, source);
                item.text = if role == Role::Posts {
                    kit::paragraphs(&[get("title"), body])
                } else {
                    body.to_owned()
                };
                kit::entities(&item.text.clone(), &mut item);
                if let Some(url) = meaningful(get("url")) {
                    kit::push_unique(&mut item.urls, url);
                }
                if let Some(media) = meaningful(get("media")) {
                    item.media.push(Media {
                        path: media.to_owned(),
                        gps: None,
                    });
                }
                let subreddit = meaningful(get("subreddit")).map(|s| format!("r/{s}"));
                item.target = if role == Role::Posts {
                    subreddit
                } else {
                    meaningful(get("parent"))
                        .or_else(|| meaningful(get("link")))
                        .map(absolute)
                        .or(subreddit)
                };
                item.audience = Audience::Public;
                item
            }
            Role::Votes => {
                match get("direction").to_lowercase().as_str() {
                    "up" => {}
                    "down" => {
                        excluded.push("downvote");
                        continue;
                    }
                    "none" | "" => continue,
                    other => {
                        problems.skip(*position, format!("unknown vote direction `{other}`"));
                        continue;
                    }
                }
                let mut item = Item::new(Platform::Reddit, ItemKind::Like, id, source);
                item.target = permalink.clone().or_else(|| Some(item.id.clone()));
                item
            }
            Role::Subscriptions => {
                let Some(name) = meaningful(get("subreddit")) else {
                    problems.skip(*position, "no `subreddit`");
                    continue;
                };
                let mut item = Item::new(Platform::Reddit, ItemKind::Group, name, source);
                item.target = Some(format!("r/{name}"));
                item.permalink = Some(format!("https://www.reddit.com/r/{name}/"));
                item
            }
            Role::Statistics => continue,
        };
        if item.permalink.is_none() {
            item.permalink = permalink;
        }
        if let Some(raw) = meaningful(get("date")) {
            item.created_at = dates::parse_flexible_datetime(raw);
            if item.created_at.is_none() {
                problems.gap(*position, format!("unreadable date `{raw}`"));
            }
        }
        items.push(item);
    }
    for reason in excluded {
        run.exclude(reason, 1);
    }
    run.done(index, items, found, problems);
}

/// `[deleted]` / `[removed]`: the reason the body is gone.
fn gone(body: &str) -> Option<&'static str> {
    match body.trim() {
        "[deleted]" => Some("deleted"),
        "[removed]" => Some("removed"),
        _ => None,
    }
}

fn absolute(link: &str) -> String {
    if link.starts_with('/') {
        format!("https://www.reddit.com{link}")
    } else {
        link.to_owned()
    }
}
