//! Whole-archive tests: the invented fixtures under `tests/fixtures/facebook/` (the ≤2022
//! layout, and the 2024+ layout in a wrapper folder), the 2023 layout made from the first,
//! zipped copies, broken copies, and the real samples in `../shared/formats/facebook` when
//! they are present.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::archive::{Archive, Entry, Limits};
use crate::model::{Audience, Item, ItemKind, LocationOrigin};
use crate::platform::{detect, FileStatus, PlatformReader, Reading};

use super::FacebookReader;
use crate::platform::test_support::files_under;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/facebook")
        .join(name)
}

fn read(path: &Path) -> Reading {
    crate::platform::test_support::read_with(&FacebookReader, path)
}

/// Copies a fixture under `prefix` into a temporary folder so a test can move or break it.
fn copy_fixture(name: &str, prefix: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (relative, path) in files_under(&fixture(name)) {
        let target = dir.path().join(prefix).join(&relative);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(path, target).unwrap();
    }
    dir
}

fn counts(reading: &Reading) -> BTreeMap<ItemKind, usize> {
    let mut counts = BTreeMap::new();
    for item in &reading.items {
        *counts.entry(item.kind).or_default() += 1;
    }
    counts
}

fn status<'r>(reading: &'r Reading, suffix: &str) -> &'r FileStatus {
    &reading
        .files
        .iter()
        .find(|f| f.path.ends_with(suffix))
        .unwrap_or_else(|| panic!("no file {suffix}"))
        .status
}

fn item<'r>(reading: &'r Reading, text_start: &str) -> &'r Item {
    reading
        .items
        .iter()
        .find(|i| i.text.starts_with(text_start))
        .unwrap_or_else(|| panic!("no item starting {text_start:?}"))
}

const OLD_COUNTS: [(ItemKind, usize); 8] = [
    (ItemKind::Post, 10),
    (ItemKind::Comment, 4),
    (ItemKind::Like, 4),
    (ItemKind::Follow, 2),
    (ItemKind::Group, 3),
    (ItemKind::CheckIn, 1),
    (ItemKind::Message, 2),
    (ItemKind::Profile, 1),
];

#[test]
fn old_layout_reads_every_kind() {
    let reading = read(&fixture("old-2022"));
    assert!(reading.errors.is_empty(), "{:?}", reading.errors);
    assert_eq!(counts(&reading), BTreeMap::from(OLD_COUNTS));
    assert_eq!(reading.handle.as_deref(), Some("budi.santoso.contoh"));
    assert_eq!(reading.display_name.as_deref(), Some("Budi Santoso"));
    assert_eq!(reading.files.len(), files_under(&fixture("old-2022")).len());
    assert_eq!(
        *status(&reading, "posts/your_posts_1.json"),
        FileStatus::Read { items: 8 }
    );
    assert_eq!(
        *status(&reading, "posts/album/0.json"),
        FileStatus::Completes {
            completed: 1,
            items: 1
        }
    );
    assert!(
        matches!(status(&reading, "ads_information/advertisers_you've_interacted_with.json"),
        FileStatus::Ignored { reason } if reason.contains("ad data"))
    );
    assert!(matches!(status(&reading, "followers.json"),
        FileStatus::Ignored { reason } if reason.contains("follow this account")));
    assert!(matches!(status(&reading, "logins_and_logouts.json"),
        FileStatus::Ignored { reason } if reason.contains("security")));
}

#[test]
fn posts_carry_text_time_media_place_and_tags() {
    let reading = read(&fixture("old-2022"));
    // Mojibake repaired; the caption equal to the post text is not repeated.
    let first = item(&reading, "Rapat koordinasi");
    assert_eq!(
        first.text,
        "Rapat koordinasi di kantor kecamatan hari ini 😂 #KerjaNyata"
    );
    assert_eq!(first.kind, ItemKind::Post);
    assert_eq!(
        first.created_at.unwrap().to_rfc3339(),
        "2024-02-14T03:30:00+00:00"
    );
    assert_eq!(first.hashtags, ["KerjaNyata"]);
    assert_eq!(first.mentions, ["Sari Wulandari"]);
    assert_eq!(first.media.len(), 1);
    assert_eq!(first.media[0].path, "posts/media/Kantor_abc/101_n.jpg");
    assert_eq!(first.media[0].gps, Some((-6.2001, 106.8167)));
    assert_eq!(first.audience, Audience::Unknown);
    assert_eq!(first.id, "posts/your_posts_1.json#1");
    assert_eq!(first.source.position, 1);

    let cafe = item(&reading, "Ngopi dulu");
    assert_eq!(cafe.text, "Ngopi dulu di kafé dekat alun-alun");
    let place = cafe.location.as_ref().unwrap();
    assert_eq!(place.origin, LocationOrigin::CheckIn);
    assert_eq!(
        place.name.as_deref(),
        Some("Kopi Alun-Alun, Jl. Asia Afrika, Bandung")
    );
    assert_eq!((place.lat, place.lon), (Some(-6.9175), Some(107.6191)));

    let check_in = reading
        .items
        .iter()
        .find(|i| i.kind == ItemKind::CheckIn)
        .unwrap();
    assert_eq!(check_in.text, "");
    assert!(check_in.location.as_ref().unwrap().has_coordinates());
    assert_eq!(
        check_in.location.as_ref().unwrap().name.as_deref(),
        Some("Stasiun Gambir")
    );

    let link = item(&reading, "Baca berita");
    assert_eq!(link.urls, ["https://berita.contoh.id/anggaran-desa"]);
    assert!(link.text.ends_with("\nAnggaran desa naik"), "{}", link.text);
    assert_eq!(
        item(&reading, "Makan siang").text,
        "Makan siang di mana?\nWarung Padang\nSoto Betawi"
    );
    assert_eq!(item(&reading, "Kerja bakti RW").kind, ItemKind::Post);
    let note = item(&reading, "Catatan piket");
    assert_eq!(note.media[0].path, "posts/media/your_posts/202_n.jpg");
    // An entry with nothing but a date is still an item.
    assert!(reading
        .items
        .iter()
        .any(|i| i.source.position == 7 && i.text.is_empty()));
}

#[test]
fn album_photos_complete_posts_or_become_posts() {
    let reading = read(&fixture("old-2022"));
    let own = reading
        .items
        .iter()
        .filter(|i| i.source.file == "posts/album/0.json")
        .collect::<Vec<_>>();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].text, "Pantai sore ini");
    assert_eq!(own[0].media[0].gps, Some((-8.4095, 115.1889)));
    let video = item(&reading, "Lomba 17-an");
    assert_eq!(video.media[0].path, "posts/media/videos/404_n.mp4");
    assert_eq!(video.media[0].gps, None);
}

#[test]
fn comments_likes_groups_follows_name_their_target() {
    let reading = read(&fixture("old-2022"));
    let comment = item(&reading, "Setuju");
    assert_eq!(comment.kind, ItemKind::Comment);
    assert_eq!(comment.text, "Setuju, mantap pak 👍");
    assert_eq!(comment.target.as_deref(), Some("Sari Wulandari's post"));
    let indonesian = item(&reading, "Selamat ulang");
    assert_eq!(indonesian.target.as_deref(), Some("kiriman Rina"));
    let sticker = reading
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Comment && i.text.is_empty())
        .unwrap();
    assert_eq!(sticker.media[0].path, "posts/media/stickers_used/505.png");
    assert_eq!(sticker.target.as_deref(), Some("Andi Pratama's comment"));
    let in_group = item(&reading, "Info lowongan");
    assert_eq!(
        in_group.target.as_deref(),
        Some("Dewi's post — Info Loker Bandung")
    );

    let like = item(&reading, "Relawan Ganjar");
    assert_eq!(like.kind, ItemKind::Like);
    assert_eq!(like.text, "Relawan Ganjar Mahfud's post");
    assert_eq!(like.target.as_deref(), Some("Relawan Ganjar Mahfud's post"));
    assert_eq!(
        like.created_at.unwrap().to_rfc3339(),
        "2024-03-02T17:20:00+00:00"
    );
    let page = item(&reading, "Sahabat Ganjar");
    assert_eq!(page.kind, ItemKind::Like);
    assert_eq!(page.target.as_deref(), Some("Sahabat Ganjar"));

    let group = item(&reading, "Kader PKS");
    assert_eq!(group.kind, ItemKind::Group);
    assert_eq!(group.target.as_deref(), Some("Kader PKS Kota Depok"));
    let left = reading
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Group && i.text.is_empty())
        .unwrap();
    assert_eq!(
        left.target.as_deref(),
        Some("Budi Santoso stopped being a member of Arisan Kantor")
    );
    let group_post = item(&reading, "Ada yang tahu");
    assert_eq!(group_post.kind, ItemKind::Post);
    assert_eq!(group_post.target.as_deref(), Some("Info Loker Bandung"));

    let follow = item(&reading, "Timnas AMIN");
    assert_eq!(follow.kind, ItemKind::Follow);
    assert_eq!(follow.target.as_deref(), Some("Timnas AMIN Official"));
}

#[test]
fn only_own_messages_are_read_and_they_are_direct() {
    let reading = read(&fixture("old-2022"));
    let messages: Vec<&Item> = reading
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Message)
        .collect();
    assert_eq!(messages.len(), 2);
    assert!(messages.iter().all(|m| m.audience == Audience::Direct));
    assert!(messages
        .iter()
        .all(|m| m.target.as_deref() == Some("Sari Wulandari")));
    assert_eq!(messages[0].text, "Besok rapat jam 9 ya");
    assert_eq!(
        messages[0].created_at.unwrap().to_rfc3339(),
        "2024-03-05T00:53:20+00:00"
    );
    assert_eq!(messages[1].urls, ["https://berita.contoh.id/rapat"]);
    assert_eq!(
        messages[1].media[0].path,
        "messages/inbox/sariwulandari_abc/photos/606_n.jpg"
    );
    let profile = reading
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Profile)
        .unwrap();
    assert_eq!(profile.text, "ASN Kota Bandung. Pecinta kopi ☕");
    assert_eq!(
        profile.location.as_ref().unwrap().origin,
        LocationOrigin::Profile
    );
}

#[test]
fn layout_2023_reads_the_same() {
    let dir = copy_fixture("old-2022", "your_activity_across_facebook");
    let reading = read(dir.path());
    assert!(reading.errors.is_empty(), "{:?}", reading.errors);
    assert_eq!(counts(&reading), BTreeMap::from(OLD_COUNTS));
    // Media uris are resolved to the entries under the moved root.
    let first = item(&reading, "Rapat koordinasi");
    assert_eq!(
        first.media[0].path,
        "your_activity_across_facebook/posts/media/Kantor_abc/101_n.jpg"
    );
}

#[test]
fn layout_2024_in_a_wrapper_folder() {
    let reading = read(&fixture("2024"));
    assert!(reading.errors.is_empty(), "{:?}", reading.errors);
    assert_eq!(
        counts(&reading),
        BTreeMap::from([
            (ItemKind::Post, 2),
            (ItemKind::CheckIn, 1),
            (ItemKind::Comment, 3),
            (ItemKind::Like, 3),
            (ItemKind::Follow, 2),
            (ItemKind::Group, 1),
            (ItemKind::Message, 2),
        ])
    );
    let upacara = item(&reading, "Upacara");
    assert_eq!(
        upacara.text,
        "Upacara Hari Pendidikan Nasional 🇮🇩 bersama @Kepala Dinas"
    );
    assert_eq!(upacara.mentions, ["Kepala Dinas"]);
    assert_eq!(
        upacara.media[0].path,
        "facebook-budisantoso-2024-05-01-abc/your_facebook_activity/posts/media/Upacara_1/701_n.jpg"
    );
    assert_eq!(upacara.media[0].gps, Some((-6.9147, 107.6098)));
    // Comments and group comments merged in one file; a file of a new name still read.
    assert_eq!(
        item(&reading, "Terima kasih infonya").target.as_deref(),
        Some("Yuni's post — Warga Antapani")
    );
    assert!(matches!(
        status(&reading, "new_feature/something_new.json"),
        FileStatus::Read { items: 1 }
    ));
    assert!(matches!(status(&reading, "other_activity/time_spent.json"),
        FileStatus::Ignored { reason } if reason.contains("not audited")));
    assert!(
        matches!(status(&reading, "your_activity_off_meta_technologies.json"),
        FileStatus::Ignored { reason } if reason.contains("off-Facebook"))
    );
    // The newer `label_values` shape.
    let labelled = item(&reading, "Foto Yuni");
    assert_eq!(labelled.kind, ItemKind::Like);
    assert_eq!(
        labelled.permalink.as_deref(),
        Some("https://www.facebook.com/photo/?fbid=1")
    );
    let page = item(&reading, "Relawan Prabowo");
    assert_eq!(
        page.permalink.as_deref(),
        Some("https://www.facebook.com/relawanpg")
    );
    // No profile: the one name every thread shares is the account.
    let messages: Vec<&str> = reading
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Message)
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(
        messages,
        ["Laporan sudah saya kirim", "Halo juga, apa kabar? 😊"]
    );
}

#[test]
fn zipped_archive_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("facebook-budi.zip");
    let mut zip = zip::ZipWriter::new(fs::File::create(&zip_path).unwrap());
    for (name, path) in files_under(&fixture("old-2022")) {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(&fs::read(path).unwrap()).unwrap();
    }
    zip.finish().unwrap();
    let reading = read(&zip_path);
    assert!(reading.errors.is_empty(), "{:?}", reading.errors);
    assert_eq!(counts(&reading), BTreeMap::from(OLD_COUNTS));
}

#[test]
fn broken_files_are_errors_naming_them_and_the_rest_is_read() {
    let dir = copy_fixture("old-2022", "");
    let root = dir.path();
    let posts = root.join("posts/your_posts_1.json");
    let text = fs::read_to_string(&posts).unwrap();
    fs::write(&posts, &text[..text.len() / 2]).unwrap();
    fs::write(
        root.join("likes_and_reactions/pages.json"),
        r#"{"page_likes_v2": "bukan daftar"}"#,
    )
    .unwrap();
    fs::write(
        root.join("groups/your_group_membership_activity.json"),
        r#"{"groups_joined_v2": [{"timestamp": 1610000000, "data": [{"name": "Grup A"}]}, 42, {"timestamp": "kemarin", "data": [{"name": "Grup B"}]}, {}]}"#,
    )
    .unwrap();
    let reading = read(root);
    let cut = reading
        .errors
        .iter()
        .find(|e| e.file.ends_with("posts/your_posts_1.json"))
        .expect("error for the cut file");
    assert!(cut.message.contains("cut off"), "{cut}");
    assert!(cut.message.contains("expected a list of posts"), "{cut}");
    assert_eq!(
        *status(&reading, "posts/your_posts_1.json"),
        FileStatus::Failed
    );
    let pages = reading
        .errors
        .iter()
        .find(|e| e.file.ends_with("likes_and_reactions/pages.json"))
        .expect("error for the wrong type");
    assert!(pages.message.contains("no list of entries"), "{pages}");
    assert_eq!(
        *status(&reading, "likes_and_reactions/pages.json"),
        FileStatus::Failed
    );
    let groups = reading
        .errors
        .iter()
        .find(|e| e.file.ends_with("your_group_membership_activity.json"))
        .expect("error for bad entries");
    assert!(
        groups.message.contains("2 of 4 items were malformed"),
        "{groups}"
    );
    assert!(
        groups.message.contains("entry 2: found a number"),
        "{groups}"
    );
    assert!(
        groups
            .message
            .contains("1 item was kept with a part missing"),
        "{groups}"
    );
    assert_eq!(
        *status(&reading, "your_group_membership_activity.json"),
        FileStatus::Read { items: 2 }
    );
    // Everything else is still read: the album photo matched no post, so it is its own item.
    let kinds = counts(&reading);
    assert_eq!(kinds[&ItemKind::Comment], 4);
    assert_eq!(kinds[&ItemKind::Like], 2);
    assert_eq!(kinds[&ItemKind::Message], 2);
    assert_eq!(kinds[&ItemKind::Post], 4);
}

#[test]
fn an_entry_that_cannot_be_parsed_is_skipped_with_its_reason_and_the_others_are_read() {
    // Entries are parsed one at a time: a lone surrogate (which the whole-file check lets
    // through) spoils only its own entry, not the file.
    let dir = copy_fixture("old-2022", "");
    let root = dir.path();
    fs::write(
        root.join("groups/your_group_membership_activity.json"),
        r#"{"groups_joined_v2": [{"timestamp": 1610000000, "data": [{"name": "Grup A"}]}, {"timestamp": 1610000001, "data": [{"name": "Grup \ud800"}]}, {"timestamp": 1610000002, "data": [{"name": "Grup C"}]}]}"#,
    )
    .unwrap();
    let reading = read(root);
    let groups = reading
        .errors
        .iter()
        .find(|e| e.file.ends_with("your_group_membership_activity.json"))
        .expect("error for the bad entry");
    assert!(
        groups.message.contains("entry 2: not valid JSON"),
        "{groups}"
    );
    assert_eq!(
        *status(&reading, "your_group_membership_activity.json"),
        FileStatus::Read { items: 2 }
    );
    assert!(reading.items.iter().any(|i| i.text == "Grup C"));
}

#[test]
fn html_download_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("your_facebook_activity/posts")).unwrap();
    fs::write(
        dir.path()
            .join("your_facebook_activity/posts/your_posts_1.html"),
        "<html></html>",
    )
    .unwrap();
    let reading = read(dir.path());
    assert!(reading.items.is_empty());
    assert_eq!(reading.errors.len(), 1);
    assert!(
        reading.errors[0].message.contains("JSON option"),
        "{:?}",
        reading.errors
    );
}

fn entries(paths: &[&str]) -> Vec<Entry> {
    paths
        .iter()
        .map(|p| Entry {
            path: (*p).into(),
            size: 1,
        })
        .collect()
}

#[test]
fn recognises_facebook_and_not_x() {
    let archive = Archive::open(&fixture("old-2022"), Limits::default()).unwrap();
    assert!(FacebookReader.recognise(archive.entries()) >= 60);
    assert_eq!(
        detect(archive.entries()).unwrap().platform(),
        crate::model::Platform::Facebook
    );
    let archive = Archive::open(&fixture("2024"), Limits::default()).unwrap();
    assert!(FacebookReader.recognise(archive.entries()) >= 60);
    let x = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/twitter/basic");
    let x = Archive::open(&x, Limits::default()).unwrap();
    assert_eq!(FacebookReader.recognise(x.entries()), 0);
    assert_eq!(
        FacebookReader.recognise(&entries(&["data/tweets.js", "data/like.js", "posts.csv"])),
        0
    );
    // Instagram shares Messenger's files but not these names.
    assert_eq!(
        FacebookReader.recognise(&entries(&[
            "your_instagram_activity/messages/inbox/a/message_1.json",
            "your_instagram_activity/content/posts_1.json",
        ])),
        0
    );
    assert_eq!(
        FacebookReader.recognise(&entries(&["your_posts_1.json"])),
        40
    );
}

/// The real samples, laid out as an archive, when `../shared/formats/facebook` is present.
#[test]
fn real_samples_are_read_completely() {
    let formats = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/formats/facebook");
    if !formats.is_dir() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (from, to) in [
        ("your_posts_1.json", "posts/your_posts_1.json"),
        (
            "facebook_comments.json",
            "comments_and_reactions/comments.json",
        ),
        (
            "your_group_membership_activity.json",
            "groups/your_group_membership_activity.json",
        ),
        (
            "your_posts_in_groups.json",
            "groups/your_posts_in_groups.json",
        ),
    ] {
        let target = dir.path().join(to);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(formats.join(from), target).unwrap();
    }
    let reading = read(dir.path());
    assert!(reading.errors.is_empty(), "{:?}", reading.errors);
    assert_eq!(
        counts(&reading),
        BTreeMap::from([
            (ItemKind::Post, 17),
            (ItemKind::Comment, 8),
            (ItemKind::Group, 4),
        ])
    );
    assert!(
        reading.items.iter().any(|i| i.text.contains("Holbæk")),
        "mojibake repaired"
    );
}

/// Hands a Facebook archive over in batches: (kind, id, has media) in the order handed.
fn handed(root: &Path) -> (Reading, usize, Vec<(ItemKind, String, bool)>) {
    let archive = Archive::open(root, Limits::default()).unwrap();
    let columns = crate::platform::GenericColumns::default();
    let mut order = Vec::new();
    let mut batches = 0;
    let reading = FacebookReader.read_batches(&archive, &columns, &mut |batch| {
        batches += 1;
        order.extend(
            batch
                .items
                .iter()
                .map(|i| (i.kind, i.id.clone(), !i.media.is_empty())),
        );
    });
    (reading, batches, order)
}

#[test]
fn batches_hand_over_every_item_once() {
    let (reading, batches, order) = handed(&fixture("old-2022"));
    assert!(reading.items.is_empty(), "the items went to the sink");
    assert!(batches >= 1);
    // The fixture's own counts, not the reader's `read` (which is built on the batches).
    let mut kinds: BTreeMap<ItemKind, usize> = BTreeMap::new();
    for (kind, _, _) in &order {
        *kinds.entry(*kind).or_default() += 1;
    }
    assert_eq!(kinds, BTreeMap::from(OLD_COUNTS));
    let distinct: std::collections::BTreeSet<&String> = order.iter().map(|o| &o.1).collect();
    assert_eq!(distinct.len(), order.len(), "an item was handed over twice");
}

/// A post whose photo has no position of its own, an album file giving it one, and an album
/// photo no post shows.
fn album_after_posts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("posts");
    fs::create_dir_all(posts.join("album")).unwrap();
    let exif = |uri: &str, lat: f64| {
        format!(
            r#"{{"uri": "{uri}", "creation_timestamp": 1709000000, "media_metadata":
            {{"photo_metadata": {{"exif_data": [{{"latitude": {lat}, "longitude": 110.4}}]}}}}}}"#
        )
    };
    fs::write(
        posts.join("your_posts_1.json"),
        r#"[{"timestamp": 1709000000, "data": [{"post": "Rapat di balai desa"}],
             "attachments": [{"data": [{"media": {"uri": "posts/media/a/1.jpg"}}]}]},
            {"timestamp": 1709000100, "data": [{"post": "Selamat pagi"}]}]"#,
    )
    .unwrap();
    fs::write(
        posts.join("album").join("0.json"),
        format!(
            r#"{{"name": "Desa", "photos": [{}, {}, {}]}}"#,
            exif("posts/media/a/1.jpg", -7.1),
            exif("posts/media/a/1.jpg", -9.9),
            exif("posts/media/a/2.jpg", -7.5)
        ),
    )
    .unwrap();
    dir
}

#[test]
fn posts_with_photos_go_over_at_once_with_the_album_files_position() {
    let dir = album_after_posts();
    let (reading, _, order) = handed(dir.path());
    let ids: Vec<&str> = order.iter().map(|o| o.1.as_str()).collect();
    // In the files' order: the post with a photo did not wait behind the one without.
    assert_eq!(
        ids,
        [
            "posts/your_posts_1.json#1",
            "posts/your_posts_1.json#2",
            "posts/album/0.json#3"
        ]
    );
    assert_eq!(
        *status(&reading, "0.json"),
        FileStatus::Completes {
            completed: 2,
            items: 1
        }
    );
    // The same positions as when the post waited for the album: the first one given wins.
    let read = read(dir.path());
    let post = item(&read, "Rapat di balai desa");
    assert_eq!(post.media[0].gps, Some((-7.1, 110.4)));
    let photo = read
        .items
        .iter()
        .find(|i| i.source.file == "posts/album/0.json")
        .unwrap();
    assert_eq!(photo.media[0].path, "posts/media/a/2.jpg");
    assert_eq!(photo.media[0].gps, Some((-7.5, 110.4)));
}

#[test]
fn a_posts_own_photo_position_is_kept_over_the_album_files() {
    let dir = album_after_posts();
    fs::write(
        dir.path().join("posts/your_posts_1.json"),
        r#"[{"timestamp": 1709000000, "data": [{"post": "Rapat di balai desa"}],
             "attachments": [{"data": [{"media": {"uri": "posts/media/a/1.jpg",
               "media_metadata": {"photo_metadata": {"exif_data":
                 [{"latitude": -6.2, "longitude": 106.8}]}}}}]}]}]"#,
    )
    .unwrap();
    let reading = read(dir.path());
    let post = item(&reading, "Rapat di balai desa");
    assert_eq!(post.media[0].gps, Some((-6.2, 106.8)));
    // Still a repeat of the post's photo, not a photo of its own.
    assert_eq!(
        *status(&reading, "0.json"),
        FileStatus::Completes {
            completed: 2,
            items: 1
        }
    );
}

#[test]
fn a_media_list_in_a_file_of_unknown_name_gives_its_position_before_the_album_files() {
    let dir = album_after_posts();
    fs::create_dir_all(dir.path().join("something_new")).unwrap();
    fs::write(
        dir.path().join("something_new/whatever.json"),
        r#"{"photos": [{"uri": "posts/media/a/1.jpg", "creation_timestamp": 1709000000,
             "media_metadata": {"photo_metadata": {"exif_data":
               [{"latitude": -8.6, "longitude": 115.2}]}}}]}"#,
    )
    .unwrap();
    let reading = read(dir.path());
    // Files of unknown names are read before the album files, as when the post waited.
    assert_eq!(
        item(&reading, "Rapat di balai desa").media[0].gps,
        Some((-8.6, 115.2))
    );
}

#[test]
fn an_album_file_that_cannot_be_read_still_leaves_the_posts_read() {
    let dir = album_after_posts();
    fs::write(dir.path().join("posts/album/0.json"), "{\"photos\": [").unwrap();
    let reading = read(dir.path());
    assert_eq!(item(&reading, "Rapat di balai desa").media[0].gps, None);
    assert_eq!(item(&reading, "Selamat pagi").kind, ItemKind::Post);
    assert!(
        reading
            .errors
            .iter()
            .any(|e| format!("{e:?}").contains("0.json")),
        "{:?}",
        reading.errors
    );
}

#[test]
fn a_file_of_more_entries_than_a_batch_goes_over_in_several_batches() {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("posts");
    fs::create_dir_all(&posts).unwrap();
    let n = crate::platform::handover::BATCH_ITEMS + 500;
    let entries: Vec<String> = (0..n)
        .map(|k| {
            let media = if k % 3 == 0 {
                format!(
                    r#", "attachments": [{{"data": [{{"media": {{"uri": "photos/p{k}.jpg"}}}}]}}]"#
                )
            } else {
                String::new()
            };
            format!(
                r#"{{"timestamp": {}, "data": [{{"post": "kabar {k}"}}]{media}}}"#,
                1_600_000_000 + k
            )
        })
        .collect();
    fs::write(
        posts.join("your_posts_1.json"),
        format!("[{}]", entries.join(",")),
    )
    .unwrap();
    let (reading, batches, order) = handed(dir.path());
    assert!(batches >= 2, "{batches} batch");
    assert_eq!(order.len(), n);
    let distinct: std::collections::BTreeSet<&String> = order.iter().map(|o| &o.1).collect();
    assert_eq!(distinct.len(), n);
    assert_eq!(order.iter().filter(|o| o.2).count(), n.div_ceil(3));
    assert_eq!(
        *status(&reading, "your_posts_1.json"),
        FileStatus::Read { items: n }
    );
}
