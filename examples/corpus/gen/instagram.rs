//! An Instagram export, JSON option, current layout (`your_instagram_activity/…`): posts split
//! into `posts_N.json`, stories, own comments, liked posts, accounts followed and the
//! profile; mojibake-encoded like Facebook.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::out::{json_str, Out};
use super::rng::Rng;
use super::{date_for, text, violations, Run, Timeline};

const POSTS: &str = "your_instagram_activity/media/posts";

pub fn write(run: &mut Run, out: &mut Out) -> io::Result<()> {
    let mut buf = String::with_capacity(8 << 10);
    let written = run.write_post_parts(out, POSTS, post)?;

    // Stories: half carry a caption (own words); the rest are bare photos and videos.
    let stories = run.scaled(written, 0.4, 2, 500_000);
    let mut timeline = Timeline::new(stories);
    out.start("your_instagram_activity/media/stories.json")?;
    out.write_all(b"{\n  \"ig_stories\": [\n")?;
    for n in 0..stories {
        buf.clear();
        if n > 0 {
            buf.push_str(",\n");
        }
        let captioned = run.rng.chance(0.5);
        let (caption, t, geotag) = if captioned {
            let words = run.words(true, |rng| text::post(rng, 200, 1));
            let t = date_for(&mut run.rng, &mut timeline, &words);
            let geotag = words.violation.as_ref().is_some_and(|v| v.geotag);
            (words.text, t, geotag)
        } else {
            (String::new(), timeline.next(&mut run.rng), false)
        };
        let video = run.rng.chance(0.4);
        let month = month_folder(t);
        let _ = write!(
            buf,
            "    {{\n      \"uri\": \"media/stories/{month}/{}_{}_n_{}.{}\",\n      \"creation_timestamp\": {t},\n",
            run.rng.digits(9),
            run.rng.digits(16),
            run.rng.digits(17),
            if video { "mp4" } else { "jpg" }
        );
        media_metadata(&mut run.rng, &mut buf, video, geotag, "      ");
        buf.push_str("      \"title\": ");
        json_str(&mut buf, &caption, true);
        buf.push_str("\n    }");
        run.count("story");
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"\n  ]\n}\n")?;

    // Own comments on others' posts: a bare list of string maps.
    let comments = run.scaled(written, 0.6, 3, 2_000_000);
    let mut timeline = Timeline::new(comments);
    out.start("your_instagram_activity/comments/post_comments_1.json")?;
    out.write_all(b"[\n")?;
    for n in 0..comments {
        buf.clear();
        if n > 0 {
            buf.push_str(",\n");
        }
        let words = run.words(false, text::comment);
        let t = date_for(&mut run.rng, &mut timeline, &words);
        let owner = text::handle(&mut run.rng);
        buf.push_str("  {\n    \"media_list_data\": [\n      {\n        \"uri\": \"\"\n      }\n    ],\n    \"string_map_data\": {\n      \"Comment\": {\n        \"value\": ");
        json_str(&mut buf, &words.text, true);
        buf.push_str("\n      },\n      \"Media Owner\": {\n        \"value\": ");
        json_str(&mut buf, &owner, true);
        let _ = write!(
            buf,
            "\n      }},\n      \"Time\": {{\n        \"timestamp\": {t}\n      }}\n    }}\n  }}"
        );
        run.count("comment");
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"\n]\n")?;

    let likes = run.scaled(written, 1.5, 5, 200_000);
    let mut timeline = Timeline::new(likes);
    out.start("your_instagram_activity/likes/liked_posts.json")?;
    out.write_all(b"{\n  \"likes_media_likes\": [\n")?;
    for n in 0..likes {
        buf.clear();
        if n > 0 {
            buf.push_str(",\n");
        }
        let t = timeline.next(&mut run.rng);
        buf.push_str("    {\n      \"title\": ");
        json_str(&mut buf, &text::handle(&mut run.rng), true);
        let _ = write!(
            buf,
            ",\n      \"string_list_data\": [\n        {{\n          \"href\": \"https://www.instagram.com/p/{}/\",\n          \"value\": ",
            run.rng.token(11)
        );
        json_str(&mut buf, "👍", true);
        let _ = write!(
            buf,
            ",\n          \"timestamp\": {t}\n        }}\n      ]\n    }}"
        );
        run.count("like");
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"\n  ]\n}\n")?;

    let following = run.scaled(written, 0.2, 3, 7_500);
    let mut timeline = Timeline::new(following);
    out.start("connections/followers_and_following/following.json")?;
    out.write_all(b"{\n  \"relationships_following\": [\n")?;
    for n in 0..following {
        buf.clear();
        if n > 0 {
            buf.push_str(",\n");
        }
        let t = timeline.next(&mut run.rng);
        let who = text::handle(&mut run.rng);
        buf.push_str("    {\n      \"title\": \"\",\n      \"media_list_data\": [],\n      \"string_list_data\": [\n        {\n          \"href\": ");
        json_str(&mut buf, &format!("https://www.instagram.com/{who}"), true);
        buf.push_str(",\n          \"value\": ");
        json_str(&mut buf, &who, true);
        let _ = write!(
            buf,
            ",\n          \"timestamp\": {t}\n        }}\n      ]\n    }}"
        );
        run.count("follow");
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"\n  ]\n}\n")?;

    let mut profile = String::new();
    profile.push_str("{\n  \"profile_user\": [\n    {\n      \"title\": \"\",\n      \"media_map_data\": {},\n      \"string_map_data\": {\n");
    let fields = [
        ("Email", format!("{}@example.invalid", run.person.handle)),
        ("Username", run.person.handle.clone()),
        ("Name", format!("{} ✨", run.person.name)),
        ("Private Account", "False".to_owned()),
    ];
    for (n, (key, value)) in fields.iter().enumerate() {
        let _ = write!(
            profile,
            "{}        \"{key}\": {{\n          \"href\": \"\",\n          \"value\": ",
            if n == 0 { "" } else { ",\n" }
        );
        json_str(&mut profile, value, true);
        profile.push_str(",\n          \"timestamp\": 0\n        }");
    }
    profile.push_str("\n      }\n    }\n  ]\n}\n");
    out.file(
        "personal_information/personal_information/personal_information.json",
        &profile,
    )?;
    Ok(())
}

fn month_folder(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .expect("dates are in range")
        .format("%Y%m")
        .to_string()
}

/// `media_metadata` with EXIF as Instagram keeps it; GPS only on a geotag violation.
fn media_metadata(rng: &mut Rng, buf: &mut String, video: bool, geotag: bool, pad: &str) {
    let kind = if video {
        "video_metadata"
    } else {
        "photo_metadata"
    };
    let _ = write!(
        buf,
        "{pad}\"media_metadata\": {{\n{pad}  \"{kind}\": {{\n{pad}    \"exif_data\": [\n{pad}      {{\n"
    );
    if geotag {
        let (lat, lon) = violations::point(rng);
        let _ = write!(
            buf,
            "{pad}        \"latitude\": {lat:.5},\n{pad}        \"longitude\": {lon:.5},\n"
        );
    }
    let device = *rng.pick(&["android", "ios"]);
    let _ = write!(
        buf,
        "{pad}        \"device_id\": \"{device}\",\n{pad}        \"source_type\": \"4\"\n{pad}      }}\n{pad}    ]\n{pad}  }}\n{pad}}},\n"
    );
}

/// One post: a single photo or video with the caption on the media, or a carousel with the
/// caption on the post.
fn post(run: &mut Run, timeline: &mut Timeline, buf: &mut String) {
    let words = run.words(true, |rng| {
        let sentences = rng.range(1, 3);
        text::post(rng, 600, sentences)
    });
    let t = date_for(&mut run.rng, timeline, &words);
    let geotag = words.violation.as_ref().is_some_and(|v| v.geotag);
    let rng = &mut run.rng;
    let month = month_folder(t);
    let carousel = rng.chance(0.3);
    let media = if carousel { rng.range(2, 5) } else { 1 };
    buf.push_str("  {\n    \"media\": [\n");
    for m in 0..media {
        let video = rng.chance(0.2);
        let _ = write!(
            buf,
            "{}      {{\n        \"uri\": \"media/posts/{month}/{}_{}_n_{}.{}\",\n        \"creation_timestamp\": {},\n",
            if m == 0 { "" } else { ",\n" },
            rng.digits(9),
            rng.digits(16),
            rng.digits(17),
            if video { "mp4" } else { "jpg" },
            t - (media - m) as i64
        );
        media_metadata(rng, buf, video, geotag && m == 0, "        ");
        buf.push_str("        \"title\": ");
        json_str(buf, if carousel { "" } else { &words.text }, true);
        buf.push_str("\n      }");
    }
    buf.push_str("\n    ]");
    if carousel {
        buf.push_str(",\n    \"title\": ");
        json_str(buf, &words.text, true);
        let _ = write!(buf, ",\n    \"creation_timestamp\": {t}");
    }
    buf.push_str("\n  }");
}
