//! Whole-archive tests on the invented fixtures under `tests/fixtures/instagram/`: the 2024
//! layout with Threads and messages, the 2021–22 layout and the pre-2021 `media.json`, read
//! as folders and zips, broken copies of them, and the EXIF pass on the fixture's photo.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::archive::{Archive, Entry, Limits};
use crate::model::{Audience, Item, ItemKind, LocationOrigin, Platform};
use crate::platform::{detect, FileStatus, GenericColumns, PlatformReader, Reading};

use super::InstagramReader;
use crate::platform::test_support::files_under;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/instagram")
        .join(name)
}

fn read(path: &Path) -> Reading {
    crate::platform::test_support::read_with(&InstagramReader, path)
}

fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (relative, path) in files_under(&fixture(name)) {
        let target = dir.path().join(&relative);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(path, target).unwrap();
    }
    dir
}

fn counts(items: &[Item]) -> BTreeMap<(Platform, ItemKind), usize> {
    let mut out = BTreeMap::new();
    for item in items {
        *out.entry((item.platform, item.kind)).or_default() += 1;
    }
    out
}

fn by_id<'a>(reading: &'a Reading, id: &str) -> &'a Item {
    let found: Vec<&Item> = reading.items.iter().filter(|i| i.id == id).collect();
    assert_eq!(
        found.len(),
        1,
        "{id}: {:?}",
        reading.items.iter().map(|i| &i.id).collect::<Vec<_>>()
    );
    found[0]
}

fn rfc(item: &Item) -> String {
    item.created_at.expect("dated").to_rfc3339()
}

fn status(reading: &Reading, suffix: &str) -> FileStatus {
    reading
        .files
        .iter()
        .find(|f| f.path.ends_with(suffix))
        .unwrap_or_else(|| panic!("{suffix} not listed"))
        .status
        .clone()
}

const PHOTO: &str = "new-2024/media/posts/202403/pasar.jpg";

/// The fixture's photo: an EXIF-only JPEG pinned at Pasar Beringharjo, Yogyakarta
/// (7°47'55.32"S, 110°21'55.08"E). Regenerate with `cargo test -- --ignored write_fixture_photo`.
fn photo_bytes() -> Vec<u8> {
    crate::media::jpeg_with_gps("S", [7, 47, 5532], "E", [110, 21, 5508])
}

#[test]
#[ignore]
fn write_fixture_photo() {
    let path = fixture(PHOTO);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, photo_bytes()).unwrap();
}

#[test]
fn fixture_photo_is_the_generated_one() {
    assert_eq!(fs::read(fixture(PHOTO)).unwrap(), photo_bytes());
}

#[test]
fn new_layout_every_item_with_exact_counts() {
    let reading = read(&fixture("new-2024"));
    assert!(reading.errors.is_empty(), "{:?}", reading.errors);
    use ItemKind::*;
    use Platform::*;
    let expected: BTreeMap<(Platform, ItemKind), usize> = [
        ((Instagram, Post), 4),
        ((Instagram, Story), 2),
        ((Instagram, Comment), 3),
        ((Instagram, Like), 3),
        ((Instagram, Follow), 2),
        ((Instagram, Message), 2),
        ((Instagram, Profile), 1),
        ((Threads, Post), 2),
        ((Threads, Like), 1),
        ((Threads, Follow), 1),
    ]
    .into_iter()
    .collect();
    assert_eq!(counts(&reading.items), expected);
    assert_eq!(reading.handle.as_deref(), Some("sari.asn.contoh"));
    assert_eq!(reading.display_name.as_deref(), Some("Sari Wulandari ✨"));
    // Every entry has a status; the ones not read say why.
    assert_eq!(reading.files.len(), files_under(&fixture("new-2024")).len());
    assert_eq!(
        status(&reading, "media/posts_1.json"),
        FileStatus::Read { items: 3 }
    );
    assert!(
        matches!(status(&reading, "saved_posts.json"), FileStatus::Ignored { reason } if reason.contains("bookmarks"))
    );
    assert!(matches!(
        status(&reading, "followers_1.json"),
        FileStatus::Ignored { .. }
    ));
    assert!(
        matches!(status(&reading, "ads_viewed.json"), FileStatus::Ignored { reason } if reason.contains("ad data"))
    );
    assert!(
        matches!(status(&reading, "pasar.jpg"), FileStatus::Ignored { reason } if reason == "media file")
    );
}

#[test]
fn posts_captions_times_tags_and_locations() {
    let reading = read(&fixture("new-2024"));
    // Single media: caption and time on media[0], mojibake repaired, GPS from exif_data.
    let first = by_id(&reading, "posts_1.json#1");
    assert_eq!(
        first.text,
        "Upacara bersama rekan @dinas.kominfo 🙏 #HariKesadaranNasional"
    );
    assert_eq!(rfc(first), "2024-02-14T03:30:00+00:00");
    assert_eq!(first.hashtags, ["HariKesadaranNasional"]);
    assert_eq!(first.mentions, ["dinas.kominfo"]);
    assert_eq!(first.audience, Audience::Public);
    assert_eq!(first.media[0].path, "media/posts/202402/upacara_17845.jpg");
    assert_eq!(first.media[0].gps, Some((-6.1754, 106.8272)));
    let loc = first.location.as_ref().unwrap();
    assert_eq!(
        (loc.lat, loc.lon, loc.origin),
        (Some(-6.1754), Some(106.8272), LocationOrigin::PhotoExif)
    );
    assert_eq!(
        first.source.file,
        "your_instagram_activity/media/posts_1.json"
    );
    assert_eq!(first.source.position, 1);
    // Multi media: caption and time on the post.
    let second = by_id(&reading, "posts_1.json#2");
    assert!(second
        .text
        .starts_with("Rapat koordinasi pelayanan publik, terima kasih semua 👍"));
    assert_eq!(rfc(second), "2024-03-01T08:00:10+00:00");
    assert_eq!(second.media.len(), 2);
    assert_eq!(second.urls, ["https://contoh.go.id/berita"]);
    assert!(second.location.is_none());
    // No GPS in the JSON: the reader leaves the photo to the EXIF pass.
    let third = by_id(&reading, "posts_1.json#3");
    assert!(third.location.is_none() && third.media[0].gps.is_none());

    let reel = by_id(&reading, "reels.json#1");
    assert_eq!(
        (reel.kind, reel.hashtags.as_slice()),
        (ItemKind::Post, &["PelayananPublik".to_string()][..])
    );
    let story = by_id(&reading, "stories.json#2");
    assert_eq!(story.kind, ItemKind::Story);
    assert_eq!(story.text, "Selamat Hari Raya Idulfitri 🌙");
    assert_eq!(rfc(story), "2024-04-01T20:33:20+00:00");
    assert_eq!(by_id(&reading, "stories.json#1").text, "");
    let profile = by_id(&reading, "personal_information.json#1");
    assert_eq!(profile.kind, ItemKind::Profile);
    assert!(profile.text.contains("Dinas Kominfo 🇮🇩"));
    assert_eq!(
        profile.permalink.as_deref(),
        Some("https://www.instagram.com/sari.asn.contoh/")
    );
}

#[test]
fn comments_likes_follows_and_messages() {
    let reading = read(&fixture("new-2024"));
    let comment = by_id(&reading, "post_comments_1.json#1");
    assert_eq!(comment.kind, ItemKind::Comment);
    assert_eq!(comment.text, "Mantap, semangat terus 💪");
    assert_eq!(comment.target.as_deref(), Some("budi_santoso"));
    assert_eq!(rfc(comment), "2024-05-18T02:40:00+00:00");
    assert!(comment.media.is_empty(), "empty uris are not media");
    assert_eq!(by_id(&reading, "post_comments_1.json#2").target, None);
    assert_eq!(
        by_id(&reading, "reels_comments.json#1").text,
        "Lucu sekali 😂"
    );

    let like = by_id(&reading, "liked_posts.json#1");
    assert_eq!(like.kind, ItemKind::Like);
    assert_eq!(like.target.as_deref(), Some("budi_santoso"));
    assert_eq!(
        like.permalink.as_deref(),
        Some("https://www.instagram.com/p/CONTOH001/")
    );
    assert_eq!(like.text, "");
    assert_eq!(like.audience, Audience::Unknown);
    assert_eq!(
        by_id(&reading, "liked_comments.json#1").target.as_deref(),
        Some("rina.pns")
    );

    let follows: Vec<_> = reading
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Follow)
        .map(|i| (i.platform, i.target.as_deref().unwrap()))
        .collect();
    assert_eq!(
        follows,
        [
            (Platform::Instagram, "kemenpanrb"),
            (Platform::Instagram, "dinas.kominfo"),
            (Platform::Threads, "kemenpanrb"),
        ]
    );
    assert_eq!(
        rfc(by_id(&reading, "liked_threads.json#1")),
        "2024-07-04T13:33:20+00:00"
    );

    // Only the owner's own messages; direct audience; millisecond times.
    let messages: Vec<&Item> = reading
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Message)
        .collect();
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[0].id, "budisantoso_123456/message_1.json#1");
    assert_eq!(messages[0].text, "Besok rapat jam 9 ya 🙏");
    assert_eq!(messages[0].audience, Audience::Direct);
    assert_eq!(messages[0].target.as_deref(), Some("Budi Santoso"));
    assert_eq!(rfc(messages[0]), "2024-05-22T17:46:40+00:00");
    assert_eq!(messages[1].id, "budisantoso_123456/message_1.json#3");
    assert_eq!(messages[1].media.len(), 1);
}

#[test]
fn threads_items_say_threads() {
    let reading = read(&fixture("new-2024"));
    let post = by_id(&reading, "threads_and_replies.json#1");
    assert_eq!(post.platform, Platform::Threads);
    assert_eq!(post.kind, ItemKind::Post);
    assert_eq!(
        post.text,
        "Pagi ini layanan KTP elektronik buka lebih awal #PelayananPrima"
    );
    assert!(post.media.is_empty());
    assert_eq!(rfc(post), "2024-07-03T09:46:40+00:00");
    let reply = by_id(&reading, "threads_and_replies.json#2");
    assert_eq!(reply.media[0].path, "media/threads/202407/foto.jpg");
}

#[test]
fn old_layouts() {
    let reading = read(&fixture("old-2022"));
    assert!(reading.errors.is_empty(), "{:?}", reading.errors);
    use ItemKind::*;
    let expected: BTreeMap<(Platform, ItemKind), usize> =
        [(Post, 2), (Story, 1), (Comment, 1), (Like, 1), (Follow, 1)]
            .into_iter()
            .map(|(k, n)| ((Platform::Instagram, k), n))
            .collect();
    assert_eq!(counts(&reading.items), expected);
    // Media titles that repeat are one caption.
    assert_eq!(by_id(&reading, "posts_1.json#2").text, "Foto kegiatan");
    assert_eq!(
        by_id(&reading, "post_comments.json#1").target.as_deref(),
        Some("camat.contoh")
    );

    let reading = read(&fixture("media-2019"));
    assert!(reading.errors.is_empty(), "{:?}", reading.errors);
    assert_eq!(reading.handle.as_deref(), Some("sari.asn.lama"));
    let expected: BTreeMap<(Platform, ItemKind), usize> = [(Post, 2), (Story, 1), (Comment, 1)]
        .into_iter()
        .map(|(k, n)| ((Platform::Instagram, k), n))
        .collect();
    assert_eq!(counts(&reading.items), expected);
    let beach = by_id(&reading, "media.json#1");
    assert_eq!(beach.text, "Liburan keluarga di pantai");
    assert_eq!(rfc(beach), "2019-06-01T08:30:00+00:00");
    let loc = beach.location.as_ref().unwrap();
    assert_eq!(
        (loc.name.as_deref(), loc.origin),
        (Some("Pantai Kuta"), LocationOrigin::Geotag)
    );
    assert_eq!(by_id(&reading, "media.json#3").kind, ItemKind::Story);
    let comment = by_id(&reading, "comments.json#1");
    assert_eq!(
        (comment.text.as_str(), comment.target.as_deref()),
        ("Keren sekali!", Some("teman_lama"))
    );
}

#[test]
fn zipped_under_a_wrapper_folder_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("instagram-sari.asn.contoh-2024-07-10.zip");
    let mut zip = zip::ZipWriter::new(fs::File::create(&zip_path).unwrap());
    for (name, path) in files_under(&fixture("new-2024")) {
        zip.start_file(
            format!("instagram-sari/{name}"),
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zip.write_all(&fs::read(path).unwrap()).unwrap();
    }
    zip.finish().unwrap();
    let zipped = read(&zip_path);
    let folder = read(&fixture("new-2024"));
    assert!(zipped.errors.is_empty(), "{:?}", zipped.errors);
    assert_eq!(counts(&zipped.items), counts(&folder.items));
}

#[test]
fn recognise_picks_instagram_and_not_x() {
    let entries = |paths: &[&str]| -> Vec<Entry> {
        paths
            .iter()
            .map(|p| Entry {
                path: (*p).into(),
                size: 1,
            })
            .collect()
    };
    let archive = Archive::open(&fixture("new-2024"), Limits::default()).unwrap();
    assert_eq!(
        detect(archive.entries()).unwrap().platform(),
        Platform::Instagram
    );
    let archive = Archive::open(&fixture("media-2019"), Limits::default()).unwrap();
    assert_eq!(
        detect(archive.entries()).unwrap().platform(),
        Platform::Instagram
    );
    let threads_only = entries(&["your_instagram_activity/threads/threads_and_replies.json"]);
    assert_eq!(
        detect(&threads_only).unwrap().platform(),
        Platform::Instagram
    );
    let x_fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/twitter/basic");
    let x = Archive::open(&x_fixture, Limits::default()).unwrap();
    assert_eq!(InstagramReader.recognise(x.entries()), 0);
    assert_eq!(detect(x.entries()).unwrap().platform(), Platform::Twitter);
    assert_eq!(
        InstagramReader.recognise(&entries(&["data/tweets.js", "data/like.js"])),
        0
    );
    assert_eq!(InstagramReader.recognise(&entries(&["posts.csv"])), 0);
}

#[test]
fn broken_files_are_errors_naming_them_and_the_rest_is_read() {
    let dir = copy_fixture("new-2024");
    let root = dir.path();
    let posts = root.join("your_instagram_activity/media/posts_1.json");
    let text = fs::read_to_string(&posts).unwrap();
    fs::write(&posts, &text[..text.len() / 2]).unwrap();
    // Wrong types: a like that is a number, a following file that is a string.
    fs::write(
        root.join("your_instagram_activity/likes/liked_posts.json"),
        r#"{"likes_media_likes": [42, {"title": "budi_santoso", "string_list_data": [{"href": "https://www.instagram.com/p/X/", "timestamp": 1716200000}]}]}"#,
    )
    .unwrap();
    fs::write(
        root.join("connections/followers_and_following/following.json"),
        r#""bukan daftar""#,
    )
    .unwrap();
    let reading = read(root);
    let error_for = |suffix: &str| {
        reading
            .errors
            .iter()
            .find(|e| e.file.ends_with(suffix))
            .unwrap_or_else(|| panic!("no error for {suffix}: {:?}", reading.errors))
    };
    assert!(
        error_for("posts_1.json").message.contains("ends early"),
        "{:?}",
        reading.errors
    );
    assert_eq!(status(&reading, "media/posts_1.json"), FileStatus::Failed);
    let likes = error_for("liked_posts.json");
    assert!(
        likes.message.contains("1 of 2 items was malformed")
            && likes.message.contains("found a number"),
        "{likes}"
    );
    assert_eq!(
        status(&reading, "liked_posts.json"),
        FileStatus::Read { items: 1 }
    );
    let following = error_for("followers_and_following/following.json");
    assert!(
        following.message.contains("found a string") && following.message.contains("expected"),
        "{following}"
    );
    assert_eq!(reading.errors.len(), 3, "{:?}", reading.errors);
    // Everything else is still there.
    let c = counts(&reading.items);
    assert_eq!(c[&(Platform::Instagram, ItemKind::Story)], 2);
    assert_eq!(c[&(Platform::Threads, ItemKind::Post)], 2);
    assert_eq!(c[&(Platform::Instagram, ItemKind::Like)], 2);
    assert!(!c.contains_key(&(Platform::Instagram, ItemKind::Follow)));
}

#[test]
fn a_record_that_cannot_be_parsed_is_skipped_and_the_others_are_read() {
    // Records are parsed one at a time: a lone surrogate (which the whole-file check lets
    // through) spoils only its own record.
    let dir = copy_fixture("new-2024");
    let root = dir.path();
    fs::write(
        root.join("your_instagram_activity/likes/liked_posts.json"),
        r#"{"likes_media_likes": [{"title": "sari\ud800", "string_list_data": [{"timestamp": 1716200000}]}, {"title": "budi_santoso", "string_list_data": [{"href": "https://www.instagram.com/p/X/", "timestamp": 1716200001}]}]}"#,
    )
    .unwrap();
    let reading = read(root);
    let likes = reading
        .errors
        .iter()
        .find(|e| e.file.ends_with("liked_posts.json"))
        .expect("error for the bad record");
    assert!(
        likes.message.contains("1 of 2 items was malformed")
            && likes.message.contains("not valid JSON"),
        "{likes}"
    );
    assert_eq!(
        status(&reading, "liked_posts.json"),
        FileStatus::Read { items: 1 }
    );
    assert!(reading
        .items
        .iter()
        .any(|i| i.target.as_deref() == Some("budi_santoso")));
}

#[test]
fn exif_pass_locates_the_post_whose_photo_has_gps() {
    let archive = Archive::open(&fixture("new-2024"), Limits::default()).unwrap();
    let mut reading = InstagramReader.read(&archive, &GenericColumns::default());
    let stats = crate::media::apply_exif(&archive, &mut reading);
    assert_eq!(
        (stats.photos_read, stats.with_gps, stats.located),
        (1, 1, 1)
    );
    assert!(reading.errors.is_empty(), "{:?}", reading.errors);
    let post = by_id(&reading, "posts_1.json#3");
    let loc = post.location.as_ref().unwrap();
    assert_eq!(loc.origin, LocationOrigin::PhotoExif);
    assert!((loc.lat.unwrap() - -7.798700).abs() < 1e-6, "{loc:?}");
    assert!((loc.lon.unwrap() - 110.365300).abs() < 1e-6, "{loc:?}");
    // The JSON's own GPS is kept as it was.
    assert_eq!(
        by_id(&reading, "posts_1.json#1").media[0].gps,
        Some((-6.1754, 106.8272))
    );
}

#[test]
fn a_private_account_posts_to_followers() {
    let dir = copy_fixture("new-2024");
    let info = dir
        .path()
        .join("personal_information/personal_information/personal_information.json");
    let text = fs::read_to_string(&info)
        .unwrap()
        .replace("\"False\"", "\"True\"");
    fs::write(&info, text).unwrap();
    let reading = read(dir.path());
    assert_eq!(
        by_id(&reading, "posts_1.json#1").audience,
        Audience::Followers
    );
    assert_eq!(
        by_id(&reading, "stories.json#1").audience,
        Audience::Followers
    );
    assert_eq!(
        by_id(&reading, "liked_posts.json#1").audience,
        Audience::Unknown
    );
}

#[test]
fn batches_hand_over_each_file_in_its_order_every_batch_naming_the_account() {
    let archive = Archive::open(&fixture("new-2024"), Limits::default()).unwrap();
    let mut handed: Vec<(String, usize)> = Vec::new();
    let mut handles: Vec<Option<String>> = Vec::new();
    let reading = InstagramReader.read_batches(&archive, &GenericColumns::default(), &mut |b| {
        handles.push(b.handle.map(str::to_owned));
        handed.extend(
            b.items
                .iter()
                .map(|i| (i.source.file.clone(), i.source.position)),
        );
    });
    assert!(reading.items.is_empty(), "the items went to the sink");
    assert!(!handles.is_empty());
    // The profile is read first, so every batch already names the account.
    assert!(handles.iter().all(|h| h.is_some() && *h == reading.handle));
    // As many as the files say they gave, each once, and each file's in its own order.
    let told: usize = reading
        .files
        .iter()
        .map(|f| match f.status {
            FileStatus::Read { items } => items,
            _ => 0,
        })
        .sum();
    assert_eq!(handed.len(), told);
    let mut last: BTreeMap<&str, usize> = BTreeMap::new();
    for (file, position) in &handed {
        let before = last.insert(file, *position);
        assert!(
            before.is_none_or(|b| b < *position),
            "{file} #{position} out of order"
        );
    }
}
