//! A Facebook export, JSON option, current (2024+) layout: posts split into
//! `your_posts__check_ins__photos_and_videos_N.json`, comments, group posts, group
//! memberships, likes and reactions, pages liked, people followed and the profile. Every
//! string is mojibake-encoded as Facebook writes it.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::out::{json_str, Out};
use super::rng::Rng;
use super::{date_for, text, violations, Run, Timeline};

const POSTS: &str = "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos";

pub fn write(run: &mut Run, out: &mut Out) -> io::Result<()> {
    let name = run.person.name.clone();
    let mut buf = String::with_capacity(8 << 10);
    let written = run.write_post_parts(out, POSTS, |run, timeline, buf| {
        post(run, timeline, buf, &name)
    })?;

    // Comments: own words, so they may violate too.
    let comments = run.scaled(written, 0.6, 3, 2_000_000);
    let mut timeline = Timeline::new(comments);
    out.start("your_facebook_activity/comments_and_reactions/comments.json")?;
    out.write_all(b"{\n  \"comments_v2\": [\n")?;
    for n in 0..comments {
        buf.clear();
        if n > 0 {
            buf.push_str(",\n");
        }
        let words = run.words(false, text::comment);
        let t = date_for(&mut run.rng, &mut timeline, &words);
        let other = text::person(&mut run.rng);
        let _ = write!(
            buf,
            "    {{\n      \"timestamp\": {t},\n      \"data\": [\n        {{\n          \"comment\": {{\n            \"timestamp\": {t},\n            \"comment\": "
        );
        json_str(&mut buf, &words.text, true);
        buf.push_str(",\n            \"author\": ");
        json_str(&mut buf, &name, true);
        buf.push_str("\n          }\n        }\n      ],\n      \"title\": ");
        json_str(
            &mut buf,
            &format!("{name} commented on {other}'s post."),
            true,
        );
        buf.push_str("\n    }");
        run.count("comment");
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"\n  ]\n}\n")?;

    // Posts in groups.
    let group_posts = run.scaled(written, 0.1, 1, 500_000);
    let mut timeline = Timeline::new(group_posts);
    out.start("your_facebook_activity/groups/group_posts_and_comments.json")?;
    out.write_all(b"{\n  \"group_posts_v2\": [\n")?;
    for n in 0..group_posts {
        buf.clear();
        if n > 0 {
            buf.push_str(",\n");
        }
        let words = run.words(false, |rng| text::post(rng, 600, 3));
        let t = date_for(&mut run.rng, &mut timeline, &words);
        let group = text::group(&mut run.rng);
        let _ = write!(
            buf,
            "    {{\n      \"timestamp\": {t},\n      \"data\": [\n        {{\n          \"post\": "
        );
        json_str(&mut buf, &words.text, true);
        buf.push_str("\n        }\n      ],\n      \"title\": ");
        json_str(&mut buf, &format!("{name} posted in {group}."), true);
        buf.push_str("\n    }");
        run.count("post");
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"\n  ]\n}\n")?;

    let groups = run.scaled(written, 0.02, 2, 300);
    named_list(
        run,
        out,
        "your_facebook_activity/groups/your_group_membership_activity.json",
        "groups_joined_v2",
        groups,
        |rng, buf, t| {
            let group = text::group(rng);
            let _ = write!(buf, "    {{\n      \"timestamp\": {t},\n      \"data\": [\n        {{\n          \"name\": ");
            json_str(buf, &group, true);
            buf.push_str("\n        }\n      ],\n      \"title\": ");
            json_str(buf, &format!("{name} joined {group}."), true);
            buf.push_str("\n    }");
        },
    )?;
    for _ in 0..groups {
        run.count("group");
    }

    // Likes and reactions: a bare list, the title names what was liked.
    let reactions = run.scaled(written, 0.8, 5, 100_000);
    let mut timeline = Timeline::new(reactions);
    out.start("your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json")?;
    out.write_all(b"[\n")?;
    for n in 0..reactions {
        buf.clear();
        if n > 0 {
            buf.push_str(",\n");
        }
        let t = timeline.next(&mut run.rng);
        let other = text::person(&mut run.rng);
        let what = *run.rng.pick(&["post", "photo", "comment", "video"]);
        let reaction = *run.rng.pick(&["LIKE", "LOVE", "HAHA", "WOW", "CARE"]);
        let _ = write!(
            buf,
            "  {{\n    \"timestamp\": {t},\n    \"data\": [\n      {{\n        \"reaction\": {{\n          \"reaction\": \"{reaction}\",\n          \"actor\": "
        );
        json_str(&mut buf, &name, true);
        buf.push_str("\n        }\n      }\n    ],\n    \"title\": ");
        let verb = if reaction == "LIKE" {
            "likes"
        } else {
            "reacted to"
        };
        json_str(&mut buf, &format!("{name} {verb} {other}'s {what}."), true);
        buf.push_str("\n  }");
        run.count("like");
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"\n]\n")?;

    let pages = run.scaled(written, 0.05, 2, 2_000);
    named_list(
        run,
        out,
        "your_facebook_activity/pages/pages_you've_liked.json",
        "page_likes_v2",
        pages,
        |rng, buf, t| {
            let page = text::page(rng);
            buf.push_str("    {\n      \"name\": ");
            json_str(buf, &page, true);
            let _ = write!(
                buf,
                ",\n      \"timestamp\": {t},\n      \"url\": \"https://www.facebook.com/{}\"\n    }}",
                rng.token(12).to_lowercase()
            );
        },
    )?;
    for _ in 0..pages {
        run.count("like");
    }

    let follows = run.scaled(written, 0.05, 2, 5_000);
    named_list(
        run,
        out,
        "connections/followers_and_following/who_you've_followed.json",
        "following_v3",
        follows,
        |rng, buf, t| {
            buf.push_str("    {\n      \"name\": ");
            json_str(buf, &text::person(rng), true);
            let _ = write!(buf, ",\n      \"timestamp\": {t}\n    }}");
        },
    )?;
    for _ in 0..follows {
        run.count("follow");
    }

    let mut profile = String::new();
    profile.push_str("{\n  \"profile_v2\": {\n    \"name\": {\n      \"full_name\": ");
    json_str(&mut profile, &name, true);
    profile.push_str(",\n      \"first_name\": ");
    json_str(&mut profile, name.split(' ').next().unwrap_or(&name), true);
    profile.push_str("\n    },\n    \"username\": ");
    json_str(&mut profile, &run.person.handle, true);
    let _ = write!(
        profile,
        ",\n    \"registration_timestamp\": {}\n  }}\n}}\n",
        super::START - 86_400 * 400
    );
    out.file(
        "personal_information/profile_information/profile_information.json",
        &profile,
    )?;
    Ok(())
}

/// One own post: text, sometimes a photo or a link; a geotag violation carries a place
/// with coordinates (Facebook's check-in merged into the post).
fn post(run: &mut Run, timeline: &mut Timeline, buf: &mut String, name: &str) {
    let words = run.words(true, |rng| {
        let sentences = rng.range(1, 5);
        text::post(rng, 1200, sentences)
    });
    let t = date_for(&mut run.rng, timeline, &words);
    let rng = &mut run.rng;
    let _ = write!(
        buf,
        "  {{\n    \"timestamp\": {t},\n    \"data\": [\n      {{\n        \"post\": "
    );
    json_str(buf, &words.text, true);
    buf.push_str("\n      }\n    ]");
    let geotag = words.violation.as_ref().is_some_and(|v| v.geotag);
    let photo = rng.chance(0.25);
    let link = !photo && rng.chance(0.1);
    if geotag || photo || link {
        buf.push_str(",\n    \"attachments\": [\n      {\n        \"data\": [\n");
        let mut first = true;
        if photo {
            first = false;
            let album = *rng.pick(&["Mobile_uploads", "Timeline_photos", "Kegiatan"]);
            let _ = write!(
                buf,
                "          {{\n            \"media\": {{\n              \"uri\": \"your_facebook_activity/posts/media/{album}_{}/{}_n.jpg\",\n              \"creation_timestamp\": {t},\n              \"media_metadata\": {{\n                \"photo_metadata\": {{\n                  \"exif_data\": [\n                    {{\n                      \"upload_ip\": \"10.{}.{}.{}\",\n                      \"taken_timestamp\": {}\n                    }}\n                  ]\n                }}\n              }},\n              \"title\": \"\"\n            }}\n          }}",
                rng.token(10),
                rng.digits(15),
                rng.below(256),
                rng.below(256),
                rng.range(1, 254),
                t - rng.below(3600) as i64
            );
        }
        if link {
            first = false;
            let _ = write!(
                buf,
                "          {{\n            \"external_context\": {{\n              \"url\": \"https://www.youtube.com/watch?v={}\"\n            }}\n          }}",
                rng.token(11)
            );
        }
        if geotag {
            if !first {
                buf.push_str(",\n");
            }
            let (lat, lon) = violations::point(rng);
            let city = text::city(rng);
            buf.push_str("          {\n            \"place\": {\n              \"name\": ");
            json_str(buf, &format!("Rumah Makan Sederhana {city}"), true);
            let _ = write!(
                buf,
                ",\n              \"coordinate\": {{\n                \"latitude\": {lat:.6},\n                \"longitude\": {lon:.6}\n              }},\n              \"address\": "
            );
            json_str(buf, city, true);
            buf.push_str("\n            }\n          }");
        }
        buf.push_str("\n        ]\n      }\n    ]");
    }
    buf.push_str(",\n    \"title\": ");
    json_str(buf, &format!("{name} updated their status."), true);
    buf.push_str("\n  }");
}

/// `{"<key>": [ … ]}` with `count` entries dated newest first.
fn named_list(
    run: &mut Run,
    out: &mut Out,
    path: &str,
    key: &str,
    count: u64,
    mut entry: impl FnMut(&mut Rng, &mut String, i64),
) -> io::Result<()> {
    let mut timeline = Timeline::new(count);
    out.start(path)?;
    write!(out, "{{\n  \"{key}\": [\n")?;
    let mut buf = String::new();
    for n in 0..count {
        buf.clear();
        if n > 0 {
            buf.push_str(",\n");
        }
        let t = timeline.next(&mut run.rng);
        entry(&mut run.rng, &mut buf, t);
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"\n  ]\n}\n")
}
