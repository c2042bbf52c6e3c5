//! An X archive: `data/tweets.js` (split into `tweets-part1.js`, … once a file passes the part
//! size, as X does for big accounts), `data/like.js`, `data/following.js`, `data/account.js`
//! and, last, `data/manifest.js` with every file's item count.

use std::fmt::Write as _;
use std::io::{self, Write};

use chrono::DateTime;

use super::out::{html_escape, json_str, Out};
use super::rng::Rng;
use super::{date_for, text, violations, Run, Timeline, Words};

/// X's epoch for snowflake ids (2010-11-04).
const TWEPOCH_MS: i64 = 1_288_834_974_657;

const SOURCES: &[&str] = &[
    r#"<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android</a>"#,
    r#"<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>"#,
    r#"<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>"#,
];

/// What kind of tweet to write; decides the fields and how `jejak` will classify it.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Post,
    Reply,
    Repost,
    Quote,
}

impl Kind {
    fn jejak(self) -> &'static str {
        match self {
            Kind::Post => "post",
            Kind::Reply => "reply",
            Kind::Repost => "repost",
            Kind::Quote => "quote",
        }
    }
}

struct Tweet {
    id: u64,
    created: i64,
    text: String,
    kind: Kind,
    reply_to: Option<(u64, String, u64)>,
    /// (t.co link, expanded url)
    urls: Vec<(String, String)>,
    geotag: Option<(f64, f64)>,
}

pub fn write(run: &mut Run, out: &mut Out) -> io::Result<()> {
    let mut buf = String::with_capacity(8 << 10);
    let expected = run.expected_posts(|run, timeline, buf| render(buf, &make(run, timeline)));
    let mut timeline = Timeline::new(expected);
    let mut files: Vec<(String, u64)> = Vec::new();
    let mut part = 0u32;
    let mut in_file = 0u64;
    let mut written = 0u64;
    let mut post_bytes = 0u64;
    start_part(out, part)?;
    while run.more(written, post_bytes) {
        if in_file > 0 && out.file_bytes >= run.config.part_bytes {
            out.write_all(b"\n]")?;
            files.push((part_name(part), in_file));
            part += 1;
            in_file = 0;
            start_part(out, part)?;
        }
        buf.clear();
        if in_file > 0 {
            buf.push_str(",\n");
        }
        let tweet = make(run, &mut timeline);
        render(&mut buf, &tweet);
        run.count(tweet.kind.jejak());
        out.write_all(buf.as_bytes())?;
        post_bytes += buf.len() as u64;
        in_file += 1;
        written += 1;
    }
    out.write_all(b"\n]")?;
    files.push((part_name(part), in_file));

    let likes = run.scaled(written, 0.4, 5, 50_000);
    write_list(out, "data/like.js", "like", likes, |rng, buf| {
        let t = rng_time(rng);
        let id = snowflake(rng, t);
        buf.push_str("{\n    \"like\" : {\n      \"tweetId\" : \"");
        let _ = write!(buf, "{id}");
        buf.push_str("\",\n      \"fullText\" : ");
        json_str(buf, &text::post(rng, 280, 2), false);
        let _ = write!(
            buf,
            ",\n      \"expandedUrl\" : \"https://twitter.com/i/web/status/{id}\"\n    }}\n  }}"
        );
    })?;
    for _ in 0..likes {
        run.count("like");
    }
    let following = run.scaled(written, 0.05, 5, 5_000);
    write_list(
        out,
        "data/following.js",
        "following",
        following,
        |rng, buf| {
            let id = rng.range(10_000_000, 1_900_000_000_000_000_000);
            let _ = write!(
            buf,
            "{{\n    \"following\" : {{\n      \"accountId\" : \"{id}\",\n      \"userLink\" : \"https://twitter.com/intent/user?user_id={id}\"\n    }}\n  }}"
        );
        },
    )?;
    for _ in 0..following {
        run.count("follow");
    }

    let person = &run.person;
    let created = iso(super::START - 86_400 * run.rng.range(30, 900) as i64);
    let mut account = String::new();
    account.push_str("window.YTD.account.part0 = [ {\n  \"account\" : {\n    \"email\" : ");
    json_str(
        &mut account,
        &format!("{}@example.invalid", person.handle),
        false,
    );
    account.push_str(",\n    \"createdVia\" : \"web\",\n    \"username\" : ");
    json_str(&mut account, &person.handle, false);
    let _ = write!(
        account,
        ",\n    \"accountId\" : \"{}\",\n    \"createdAt\" : \"{created}\",\n    \"accountDisplayName\" : ",
        person.id
    );
    json_str(&mut account, &person.name, false);
    account.push_str("\n  }\n} ]");
    out.file("data/account.js", &account)?;

    let manifest = manifest(run, &files, likes, following, out.bytes);
    out.file("data/manifest.js", &manifest)?;
    run.report.post_files = files;
    Ok(())
}

fn part_name(part: u32) -> String {
    if part == 0 {
        "data/tweets.js".to_owned()
    } else {
        format!("data/tweets-part{part}.js")
    }
}

fn start_part(out: &mut Out, part: u32) -> io::Result<()> {
    out.start(&part_name(part))?;
    writeln!(out, "window.YTD.tweets.part{part} = [")
}

fn rng_time(rng: &mut Rng) -> i64 {
    super::START + rng.below((super::END - super::START) as u64) as i64
}

fn snowflake(rng: &mut Rng, t: i64) -> u64 {
    let ms = t * 1000 + rng.below(1000) as i64;
    (((ms - TWEPOCH_MS) as u64) << 22) | rng.below(1 << 22)
}

fn make(run: &mut Run, timeline: &mut Timeline) -> Tweet {
    let roll = run.rng.below(100);
    let mut kind = match roll {
        0..=64 => Kind::Post,
        65..=81 => Kind::Reply,
        82..=93 => Kind::Repost,
        _ => Kind::Quote,
    };
    let words: Words = match kind {
        Kind::Reply => run.words(true, |rng| {
            if rng.chance(0.6) {
                text::comment(rng)
            } else {
                text::post(rng, 200, 1)
            }
        }),
        _ => run.words(true, |rng| text::post(rng, 280, 2)),
    };
    // Violations are the account's own words: never a retweet of someone else's.
    if words.violation.is_some() && kind == Kind::Repost {
        kind = Kind::Post;
    }
    let created = date_for(&mut run.rng, timeline, &words);
    let rng = &mut run.rng;
    let id = snowflake(rng, created);
    let mut urls = Vec::new();
    let mut reply_to = None;
    let body = match kind {
        Kind::Post => {
            let mut body = words.text;
            if rng.chance(0.15) {
                let link = format!("https://t.co/{}", rng.token(10));
                let expanded = link_target(rng);
                if body.chars().count() + 24 <= 280 {
                    body.push(' ');
                    body.push_str(&link);
                    urls.push((link, expanded));
                }
            }
            body
        }
        Kind::Reply => {
            let to = text::handle(rng);
            let before = created - rng.range(60, 86_400) as i64;
            let status = snowflake(rng, before);
            let user = rng.range(10_000_000, 1_500_000_000_000_000_000);
            let body = text::truncate(format!("@{to} {}", words.text), 280);
            reply_to = Some((status, to, user));
            body
        }
        Kind::Repost => {
            let from = text::handle(rng);
            text::truncate(format!("RT @{from}: {}", words.text), 280)
        }
        Kind::Quote => {
            let from = text::handle(rng);
            let before = created - rng.range(60, 86_400) as i64;
            let quoted = snowflake(rng, before);
            let link = format!("https://t.co/{}", rng.token(10));
            let mut body = text::truncate(words.text, 250);
            body.push(' ');
            body.push_str(&link);
            urls.push((link, format!("https://twitter.com/{from}/status/{quoted}")));
            body
        }
    };
    let geotag = words
        .violation
        .as_ref()
        .is_some_and(|v| v.geotag)
        .then(|| violations::point(rng));
    Tweet {
        id,
        created,
        text: body,
        kind,
        reply_to,
        urls,
        geotag,
    }
}

fn link_target(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("https://www.youtube.com/watch?v={}", rng.token(11)),
        1 => format!("https://www.instagram.com/p/{}/", rng.token(11)),
        2 => format!("https://open.spotify.com/track/{}", rng.token(22)),
        _ => format!(
            "https://{}.go.id/berita/{}",
            text::city(rng).to_lowercase(),
            rng.token(8).to_lowercase()
        ),
    }
}

/// Char offsets of each `#tag` / `@name` in `text`, as X's entity indices.
fn marks(text: &str, sigil: char) -> Vec<(String, usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i] == sigil && (i == 0 || chars[i - 1].is_whitespace());
        if starts {
            let mut j = i + 1;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                j += 1;
            }
            if j > i + 1 {
                found.push((chars[i + 1..j].iter().collect(), i, j));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    found
}

fn created_at(t: i64) -> String {
    DateTime::from_timestamp(t, 0)
        .expect("dates are in range")
        .format("%a %b %d %H:%M:%S +0000 %Y")
        .to_string()
}

fn iso(t: i64) -> String {
    DateTime::from_timestamp(t, 0)
        .expect("dates are in range")
        .format("%Y-%m-%dT%H:%M:%S.000Z")
        .to_string()
}

/// One `{"tweet": {…}}` item in X's layout: pretty-printed, every number a string.
fn render(buf: &mut String, t: &Tweet) {
    let id = t.id;
    let len = t.text.chars().count();
    let _ = write!(
        buf,
        "  {{\n    \"tweet\" : {{\n      \"edit_info\" : {{\n        \"initial\" : {{\n          \"editTweetIds\" : [\n            \"{id}\"\n          ],\n          \"editableUntil\" : \"{}\",\n          \"editsRemaining\" : \"5\",\n          \"isEditEligible\" : false\n        }}\n      }},\n",
        iso(t.created + 3600)
    );
    if let Some((lat, lon)) = t.geotag {
        let _ = write!(
            buf,
            "      \"coordinates\" : {{\n        \"type\" : \"Point\",\n        \"coordinates\" : [\n          \"{lon:.8}\",\n          \"{lat:.8}\"\n        ]\n      }},\n      \"geo\" : {{\n        \"type\" : \"Point\",\n        \"coordinates\" : [\n          \"{lat:.8}\",\n          \"{lon:.8}\"\n        ]\n      }},\n"
        );
    }
    buf.push_str("      \"retweeted\" : false,\n      \"source\" : ");
    json_str(buf, SOURCES[(id % 3) as usize], false);
    buf.push_str(",\n      \"entities\" : {\n        \"hashtags\" : [");
    let tags = marks(&t.text, '#');
    for (n, (tag, a, b)) in tags.iter().enumerate() {
        buf.push_str(if n == 0 { "\n" } else { ",\n" });
        buf.push_str("          {\n            \"text\" : ");
        json_str(buf, tag, false);
        let _ = write!(
            buf,
            ",\n            \"indices\" : [\n              \"{a}\",\n              \"{b}\"\n            ]\n          }}"
        );
    }
    buf.push_str(if tags.is_empty() { " ]" } else { "\n        ]" });
    buf.push_str(",\n        \"symbols\" : [ ],\n        \"user_mentions\" : [");
    let mentions = marks(&t.text, '@');
    for (n, (name, a, b)) in mentions.iter().enumerate() {
        let user = match &t.reply_to {
            Some((_, to, user)) if to == name => *user,
            _ => 100_000_000 + (a * 7919 + b) as u64,
        };
        buf.push_str(if n == 0 { "\n" } else { ",\n" });
        buf.push_str("          {\n            \"name\" : ");
        json_str(buf, name, false);
        buf.push_str(",\n            \"screen_name\" : ");
        json_str(buf, name, false);
        let _ = write!(
            buf,
            ",\n            \"indices\" : [\n              \"{a}\",\n              \"{b}\"\n            ],\n            \"id_str\" : \"{user}\",\n            \"id\" : \"{user}\"\n          }}"
        );
    }
    buf.push_str(if mentions.is_empty() {
        " ]"
    } else {
        "\n        ]"
    });
    buf.push_str(",\n        \"urls\" : [");
    for (n, (link, expanded)) in t.urls.iter().enumerate() {
        let a = t
            .text
            .find(link.as_str())
            .map_or(0, |b| t.text[..b].chars().count());
        let b = a + link.chars().count();
        buf.push_str(if n == 0 { "\n" } else { ",\n" });
        buf.push_str("          {\n            \"url\" : ");
        json_str(buf, link, false);
        buf.push_str(",\n            \"expanded_url\" : ");
        json_str(buf, expanded, false);
        let display: String = expanded
            .trim_start_matches("https://")
            .chars()
            .take(26)
            .collect();
        buf.push_str(",\n            \"display_url\" : ");
        json_str(buf, &display, false);
        let _ = write!(
            buf,
            ",\n            \"indices\" : [\n              \"{a}\",\n              \"{b}\"\n            ]\n          }}"
        );
    }
    buf.push_str(if t.urls.is_empty() {
        " ]"
    } else {
        "\n        ]"
    });
    let _ = write!(
        buf,
        "\n      }},\n      \"display_text_range\" : [\n        \"0\",\n        \"{len}\"\n      ],\n      \"favorite_count\" : \"{}\",\n",
        id % 23
    );
    if let Some((status, to, user)) = &t.reply_to {
        let _ = write!(
            buf,
            "      \"in_reply_to_status_id_str\" : \"{status}\",\n      \"in_reply_to_user_id\" : \"{user}\",\n      \"in_reply_to_status_id\" : \"{status}\",\n      \"in_reply_to_screen_name\" : "
        );
        json_str(buf, to, false);
        let _ = writeln!(buf, ",\n      \"in_reply_to_user_id_str\" : \"{user}\",");
    }
    let _ = write!(
        buf,
        "      \"id_str\" : \"{id}\",\n      \"truncated\" : false,\n      \"retweet_count\" : \"{}\",\n      \"id\" : \"{id}\",\n      \"created_at\" : \"{}\",\n      \"favorited\" : false,\n      \"full_text\" : ",
        if t.kind == Kind::Repost { id % 40 } else { 0 },
        created_at(t.created)
    );
    json_str(buf, &html_escape(&t.text), false);
    buf.push_str(",\n      \"lang\" : \"in\"\n    }\n  }");
}

/// A `window.YTD.<name>.part0 = [ … ]` file of `count` items made by `item`.
fn write_list(
    out: &mut Out,
    path: &str,
    name: &str,
    count: u64,
    mut item: impl FnMut(&mut Rng, &mut String),
) -> io::Result<()> {
    // Likes and follows get their own stream so adding a like never shifts the posts.
    let mut rng = Rng::new(count ^ name.len() as u64 ^ 0x5EED);
    out.start(path)?;
    writeln!(out, "window.YTD.{name}.part0 = [")?;
    let mut buf = String::with_capacity(1024);
    for n in 0..count {
        buf.clear();
        buf.push_str(if n == 0 { "  " } else { ",\n  " });
        item(&mut rng, &mut buf);
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"\n]")
}

fn manifest(run: &Run, files: &[(String, u64)], likes: u64, following: u64, bytes: u64) -> String {
    let mut m = String::new();
    m.push_str("window.__THAR_CONFIG = {\n  \"userInfo\" : {\n");
    let _ = write!(
        m,
        "    \"accountId\" : \"{}\",\n    \"userName\" : ",
        run.person.id
    );
    json_str(&mut m, &run.person.handle, false);
    m.push_str(",\n    \"displayName\" : ");
    json_str(&mut m, &run.person.name, false);
    let _ = write!(
        m,
        "\n  }},\n  \"archiveInfo\" : {{\n    \"sizeBytes\" : \"{bytes}\",\n    \"generationDate\" : \"2025-11-01T08:00:00.000Z\",\n    \"isPartialArchive\" : false,\n    \"maxPartSizeBytes\" : \"53687091200\"\n  }},\n  \"readmeInfo\" : {{\n    \"fileName\" : \"data/README.txt\",\n    \"directory\" : \"data/\",\n    \"name\" : \"README.txt\"\n  }},\n  \"dataTypes\" : {{\n"
    );
    let entry = |m: &mut String, key: &str, file: &str, global: &str, count: u64| {
        let _ = write!(
            m,
            "    \"{key}\" : {{\n      \"files\" : [ {{\n        \"fileName\" : \"{file}\",\n        \"globalName\" : \"{global}\",\n        \"count\" : \"{count}\"\n      }} ]\n    }},\n"
        );
    };
    entry(&mut m, "account", "data/account.js", "YTD.account.part0", 1);
    entry(
        &mut m,
        "following",
        "data/following.js",
        "YTD.following.part0",
        following,
    );
    entry(&mut m, "like", "data/like.js", "YTD.like.part0", likes);
    m.push_str("    \"tweets\" : {\n      \"mediaDirectory\" : \"data/tweets_media\",\n      \"files\" : [");
    for (n, (file, count)) in files.iter().enumerate() {
        let _ = write!(
            m,
            "{} {{\n        \"fileName\" : \"{file}\",\n        \"globalName\" : \"YTD.tweets.part{n}\",\n        \"count\" : \"{count}\"\n      }}",
            if n == 0 { "" } else { "," }
        );
    }
    m.push_str(" ]\n    }\n  }\n}");
    m
}
