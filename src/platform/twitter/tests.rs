//! Whole-archive tests: the invented fixtures under `tests/fixtures/twitter/`, read as folders
//! and as zips, broken copies of them, and the real sample in `../shared/formats/twitter`
//! when it is present.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::archive::{Archive, Entry, Limits};
use crate::model::{Item, ItemKind, LocationOrigin};
use crate::platform::{FileStatus, GenericColumns, PlatformReader, Reading};

use super::{notes, problems::Problems, Stats, TwitterReader};
use crate::platform::test_support::files_under;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/twitter")
        .join(name)
}

fn open(path: &Path) -> Archive {
    Archive::open(path, Limits::default()).expect("archive opens")
}

fn read(path: &Path) -> (Reading, Stats) {
    TwitterReader.read_with_stats(&open(path))
}

/// Zips the files of `dir` under `prefix` (a wrapper folder, possibly empty).
fn zip_folder(dir: &Path, zip_path: &Path, prefix: &str) {
    let mut zip = zip::ZipWriter::new(fs::File::create(zip_path).unwrap());
    for (name, path) in files_under(dir) {
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file(format!("{prefix}{name}"), options).unwrap();
        zip.write_all(&fs::read(path).unwrap()).unwrap();
    }
    zip.finish().unwrap();
}

/// Copies a fixture into a temporary folder so a test can break it.
fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (relative, path) in files_under(&fixture(name)) {
        let target = dir.path().join(&relative);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(path, target).unwrap();
    }
    dir
}

fn count_kinds<'a>(items: impl IntoIterator<Item = &'a Item>) -> BTreeMap<ItemKind, usize> {
    let mut counts = BTreeMap::new();
    for item in items {
        *counts.entry(item.kind).or_default() += 1;
    }
    counts
}

fn item<'r>(reading: &'r Reading, id: &str) -> &'r Item {
    reading
        .items
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

fn status<'r>(reading: &'r Reading, path: &str) -> &'r FileStatus {
    &reading
        .files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no file {path}"))
        .status
}

fn ignored_reason<'r>(reading: &'r Reading, path: &str) -> &'r str {
    match status(reading, path) {
        FileStatus::Ignored { reason } => reason,
        other => panic!("{path} is {other:?}"),
    }
}

/// What the basic fixture must give, read from a folder or a zip with the entries under
/// `prefix`.
fn check_basic(reading: &Reading, stats: Stats, prefix: &str) {
    assert!(reading.errors.is_empty(), "{:#?}", reading.errors);
    assert_eq!(reading.handle.as_deref(), Some("rina_asn_bdg"));
    assert_eq!(reading.display_name.as_deref(), Some("Rina Kartika"));

    let kinds = count_kinds(&reading.items);
    let expected = BTreeMap::from([
        (ItemKind::Post, 5),
        (ItemKind::Reply, 2),
        (ItemKind::Repost, 1),
        (ItemKind::Quote, 1),
        (ItemKind::Like, 3),
        (ItemKind::Follow, 3),
        (ItemKind::Profile, 1),
    ]);
    assert_eq!(kinds, expected);

    let tweets_file = format!("{prefix}data/tweets.js");
    let positions: Vec<_> = reading
        .items
        .iter()
        .filter(|i| i.source.file == tweets_file)
        .map(|i| i.source.position)
        .collect();
    assert_eq!(positions, (1..=9).collect::<Vec<_>>());

    let first = item(reading, "1800000000000000001");
    assert_eq!(
        first.text,
        "Rapat koordinasi & evaluasi kinerja bersama @dinas_kominfo hari ini. #ASNBerAKHLAK https://t.co/fxA1abcd"
    );
    assert_eq!(first.hashtags, ["ASNBerAKHLAK"]);
    assert_eq!(first.mentions, ["dinas_kominfo"]);
    assert_eq!(first.urls, ["https://kominfo.example.go.id/rapat-evaluasi"]);
    assert_eq!(
        first.created_at.unwrap().to_rfc3339(),
        "2024-06-10T02:15:00+00:00"
    );
    assert_eq!(
        first.permalink.as_deref(),
        Some("https://x.com/rina_asn_bdg/status/1800000000000000001")
    );

    let reply = item(reading, "1800000000000000002");
    assert_eq!(
        (reply.kind, reply.target.as_deref()),
        (ItemKind::Reply, Some("1799999999999999990"))
    );

    let repost = item(reading, "1800000000000000003");
    assert_eq!(
        (repost.kind, repost.target.as_deref()),
        (ItemKind::Repost, Some("humas_kota_x"))
    );
    assert!(repost.text.contains("upacara > mohon"), "{}", repost.text);
    assert_eq!(
        repost.created_at.unwrap().to_rfc3339(),
        "2024-06-11T01:00:00+07:00"
    );

    let quote = item(reading, "1800000000000000004");
    assert_eq!(
        (quote.kind, quote.target.as_deref()),
        (ItemKind::Quote, Some("1799000000000000004"))
    );
    assert!(quote.text.contains("\"sampai habis\""));

    let geotagged = item(reading, "1800000000000000005");
    let loc = geotagged.location.as_ref().unwrap();
    assert_eq!((loc.lat, loc.lon), (Some(-6.9147), Some(107.6098)));
    assert_eq!(loc.name.as_deref(), Some("Bandung, Jawa Barat"));
    assert_eq!(loc.origin, LocationOrigin::Geotag);
    assert_eq!(
        geotagged.media[0].path,
        "https://pbs.twimg.com/media/FixtureApel1.jpg"
    );
    assert_eq!(geotagged.coordinates().len(), 1);

    let place_only = item(reading, "1800000000000000006");
    let loc = place_only.location.as_ref().unwrap();
    assert_eq!(
        (loc.lat, loc.name.as_deref()),
        (None, Some("Lembang, Jawa Barat"))
    );
    assert!(place_only.text.ends_with("udaranya segar 😊"));

    // Long posts: both notes found their post, the thread's two same-second posts included.
    assert_eq!(
        stats,
        Stats {
            notes: 2,
            notes_matched: 2,
            notes_orphaned: 0
        }
    );
    let long = item(reading, "1800000000000000007");
    assert!(
        long.text
            .ends_with("laporan & foto kondisi lapangan. #PelayananPrima"),
        "{}",
        long.text
    );
    assert!(long.hashtags.contains(&"PelayananPrima".to_owned()));
    assert_eq!(
        item(reading, "1800000000000000008").text,
        "1/2 Utas singkat soal cuti bersama."
    );
    let thread = item(reading, "1800000000000000009");
    assert!(
        thread.text.ends_with("kanal pengaduan resmi."),
        "{}",
        thread.text
    );
    assert_eq!(thread.kind, ItemKind::Reply);

    let like = item(reading, "1790000000000000001");
    assert_eq!(like.kind, ItemKind::Like);
    assert!(like
        .text
        .starts_with("Pemilu damai, pilih sesuai hati nurani & tolak"));
    assert_eq!(like.target.as_deref(), Some("1790000000000000001"));
    assert!(like.created_at.is_none());
    assert_eq!(
        like.permalink.as_deref(),
        Some("https://twitter.com/i/web/status/1790000000000000001")
    );

    let follow = item(reading, "31415926");
    assert_eq!(follow.kind, ItemKind::Follow);
    assert_eq!(
        follow.target.as_deref(),
        Some("https://twitter.com/intent/user?user_id=31415926")
    );

    let profile = item(reading, "profile");
    assert_eq!(
        profile.text,
        "Pranata komputer di pemerintah kota. Cuitan pribadi, bukan sikap instansi."
    );
    let loc = profile.location.as_ref().unwrap();
    assert_eq!(
        (loc.name.as_deref(), loc.origin, loc.lat),
        (Some("Bandung"), LocationOrigin::Profile, None)
    );

    let p = |name: &str| format!("{prefix}data/{name}");
    assert_eq!(reading.files.len(), 12);
    assert_eq!(
        status(reading, &p("tweets.js")),
        &FileStatus::Read { items: 9 }
    );
    assert_eq!(
        status(reading, &p("note-tweet.js")),
        &FileStatus::Completes {
            completed: 2,
            items: 0
        }
    );
    assert_eq!(
        status(reading, &p("like.js")),
        &FileStatus::Read { items: 3 }
    );
    assert_eq!(
        status(reading, &p("following.js")),
        &FileStatus::Read { items: 3 }
    );
    assert_eq!(
        status(reading, &p("profile.js")),
        &FileStatus::Read { items: 1 }
    );
    assert_eq!(status(reading, &p("account.js")), &FileStatus::Metadata);
    assert_eq!(status(reading, &p("manifest.js")), &FileStatus::Metadata);
    assert!(ignored_reason(reading, &p("follower.js")).contains("follow this account"));
    assert!(ignored_reason(reading, &p("direct-messages.js")).contains("direct messages"));
    assert!(ignored_reason(reading, &p("deleted-tweets.js")).contains("no longer public"));
    assert!(ignored_reason(reading, &p("README.txt")).contains("field guide"));
    assert_eq!(
        ignored_reason(
            reading,
            &p("tweets_media/1800000000000000005-FixtureApel1.jpg")
        ),
        "media file"
    );
}

#[test]
fn basic_fixture_read_from_its_folder() {
    let (reading, stats) = read(&fixture("basic"));
    check_basic(&reading, stats, "");
}

#[test]
fn basic_fixture_read_from_a_zip_with_a_wrapper_folder() {
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("twitter-2024-07-01-fixture.zip");
    zip_folder(&fixture("basic"), &zip_path, "twitter-2024-07-01-fixture/");
    let (reading, stats) = read(&zip_path);
    check_basic(&reading, stats, "twitter-2024-07-01-fixture/");
}

#[test]
fn the_trait_read_gives_the_same_items() {
    let archive = open(&fixture("basic"));
    let reading = TwitterReader.read(&archive, &GenericColumns::default());
    assert_eq!(
        reading.items,
        TwitterReader.read_with_stats(&archive).0.items
    );
}

#[test]
fn recognise_scores_by_the_files_present() {
    let entries = |paths: &[&str]| -> Vec<Entry> {
        paths
            .iter()
            .map(|p| Entry {
                path: (*p).into(),
                size: 1,
            })
            .collect()
    };
    let reader = TwitterReader;
    assert_eq!(reader.recognise(&entries(&[])), 0);
    assert_eq!(
        reader.recognise(&entries(&[
            "posts.csv",
            "notes.txt",
            "data/tweet-headers.js"
        ])),
        0
    );
    let tweets_only = reader.recognise(&entries(&["x/data/tweets-part1.js"]));
    let likes_only = reader.recognise(&entries(&["data/like.js"]));
    let certain = reader.recognise(&entries(&["data/manifest.js", "data/tweets.js"]));
    assert!(likes_only > 0 && tweets_only > likes_only && certain > tweets_only);
    assert!(certain >= 70);
    let full = reader.recognise(open(&fixture("basic")).entries());
    assert!(full >= certain && full <= 100);
    let lone_csv = reader.recognise(&entries(&["tweets.csv"]));
    let grailbird = reader.recognise(open(&fixture("grailbird")).entries());
    assert!(lone_csv > 0 && grailbird > lone_csv);
}

#[test]
fn pre_2020_tweet_js_without_wrapper_objects() {
    let (reading, _) = read(&fixture("old-2019"));
    assert!(reading.errors.is_empty(), "{:#?}", reading.errors);
    assert_eq!(reading.handle.as_deref(), Some("dimas_pns"));
    let kinds: Vec<_> = reading
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("1100000000000000001", ItemKind::Repost),
            ("1100000000000000002", ItemKind::Reply),
            ("1100000000000000003", ItemKind::Post),
        ]
    );
    let post = &reading.items[2];
    assert_eq!(post.text, "Selamat Hari Raya Nyepi bagi yang merayakan 🙏");
    assert_eq!(
        post.permalink.as_deref(),
        Some("https://x.com/dimas_pns/status/1100000000000000003")
    );
    assert_eq!(
        status(&reading, "data/tweet.js"),
        &FileStatus::Read { items: 3 }
    );
}

#[test]
fn grailbird_archive() {
    let (reading, _) = read(&fixture("grailbird"));
    assert!(reading.errors.is_empty(), "{:#?}", reading.errors);
    let kinds: Vec<_> = reading
        .items
        .iter()
        .map(|i| (i.kind, i.target.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        [
            (ItemKind::Post, None),
            (ItemKind::Reply, Some("311999999999999999")),
            (ItemKind::Repost, Some("infobdg")),
            (ItemKind::Quote, Some("311500000000000000")),
        ]
    );
    assert_eq!(
        reading.items[0].text,
        "Banjir lagi di depan kantor kelurahan & belum surut #banjir"
    );
    assert_eq!(reading.items[0].hashtags, ["banjir"]);
    assert_eq!(
        reading.items[0].permalink.as_deref(),
        Some("https://x.com/i/web/status/312000000000000001")
    );
    assert_eq!(
        status(&reading, "tweets.csv"),
        &FileStatus::Read { items: 4 }
    );
    assert!(ignored_reason(&reading, "data/js/tweets/2013_03.js").contains("tweets.csv"));
}

#[test]
fn a_cut_off_tweets_file_is_reported_and_the_manifest_notices() {
    let dir = copy_fixture("basic");
    let path = dir.path().join("data/tweets.js");
    let text = fs::read_to_string(&path).unwrap();
    // Cut inside the sixth item.
    let sixth = text.match_indices("{\n    \"tweet\"").nth(5).unwrap().0;
    fs::write(&path, &text[..sixth + 40]).unwrap();

    let (reading, stats) = read(dir.path());
    let tweets_error = reading
        .errors
        .iter()
        .find(|e| e.file.ends_with("data/tweets.js"))
        .expect("an error names tweets.js");
    assert!(
        tweets_error
            .message
            .contains("cut off after 5 complete items"),
        "{tweets_error}"
    );
    let manifest_error = reading
        .errors
        .iter()
        .find(|e| e.file.ends_with("data/manifest.js"))
        .expect("the manifest check names manifest.js");
    assert!(
        manifest_error
            .message
            .contains("dataTypes.tweets expects 9 items in data/tweets.js, but 5 were read"),
        "{manifest_error}"
    );
    assert_eq!(reading.errors.len(), 2, "{:#?}", reading.errors);
    // The rest of the archive is still read; the long posts' notes are kept as posts.
    assert_eq!(
        status(&reading, "data/tweets.js"),
        &FileStatus::Read { items: 5 }
    );
    assert_eq!(count_kinds(&reading.items)[&ItemKind::Like], 3);
    assert_eq!(stats.notes_orphaned, 2);
    assert_eq!(
        status(&reading, "data/note-tweet.js"),
        &FileStatus::Completes {
            completed: 0,
            items: 2
        }
    );
}

#[test]
fn a_file_that_is_not_json_fails_with_its_name_and_the_run_goes_on() {
    let dir = copy_fixture("basic");
    fs::write(
        dir.path().join("data/like.js"),
        "<html><body>Rate limit exceeded</body></html>",
    )
    .unwrap();
    fs::write(
        dir.path().join("data/following.js"),
        "window.YTD.following.part0 = {\"a\": 1}",
    )
    .unwrap();
    let (reading, _) = read(dir.path());

    let like_error = reading
        .errors
        .iter()
        .find(|e| e.file.ends_with("data/like.js"))
        .unwrap();
    assert!(
        like_error
            .file
            .starts_with(&dir.path().display().to_string()),
        "{like_error}"
    );
    assert!(
        like_error
            .message
            .contains("starts with `<html><body>Rate limit exceeded"),
        "{like_error}"
    );
    assert!(
        like_error
            .message
            .contains("expected `window.YTD.like.part0 = ["),
        "{like_error}"
    );
    let following_error = reading
        .errors
        .iter()
        .find(|e| e.file.ends_with("data/following.js"))
        .unwrap();
    assert!(
        following_error.message.contains("not a list"),
        "{following_error}"
    );

    assert_eq!(status(&reading, "data/like.js"), &FileStatus::Failed);
    assert_eq!(status(&reading, "data/following.js"), &FileStatus::Failed);
    let manifest_errors: Vec<_> = reading
        .errors
        .iter()
        .filter(|e| e.file.ends_with("manifest.js"))
        .map(|e| e.message.as_str())
        .collect();
    assert_eq!(manifest_errors.len(), 2, "{manifest_errors:#?}");
    assert!(manifest_errors[0]
        .contains("dataTypes.like expects 3 items in data/like.js, but 0 were read"));
    assert!(manifest_errors[1].contains("dataTypes.following expects 3"));
    // Everything else was read.
    assert_eq!(count_kinds(&reading.items)[&ItemKind::Post], 5);
    assert!(!reading.items.iter().any(|i| i.kind == ItemKind::Like));
}

#[test]
fn malformed_items_are_skipped_with_one_error_per_file() {
    let dir = copy_fixture("basic");
    let path = dir.path().join("data/following.js");
    let text = fs::read_to_string(&path).unwrap();
    let broken = text
        .replacen(
            "\"accountId\" : \"31415926\"",
            "\"accountId\" : [\"31415926\"]",
            1,
        )
        .replacen("\"accountId\" : \"27182818\"", "\"nothing\" : \"here\"", 1);
    assert_ne!(text, broken);
    fs::write(&path, broken).unwrap();
    let (reading, _) = read(dir.path());
    assert_eq!(reading.errors.len(), 1, "{:#?}", reading.errors);
    let error = &reading.errors[0];
    assert!(error.file.ends_with("data/following.js"));
    assert!(
        error
            .message
            .starts_with("2 of 3 items were malformed and skipped (item 1: invalid type: sequence"),
        "{error}"
    );
    assert!(error.message.contains("item 2: no `accountId`"), "{error}");
    assert_eq!(
        status(&reading, "data/following.js"),
        &FileStatus::Read { items: 1 }
    );
}

/// The real sample in `../shared/formats/twitter` (reference files, never copied here).
#[test]
fn real_x_sample_when_present() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/formats/twitter");
    if !dir.exists() {
        eprintln!("skipped: {} is not present", dir.display());
        return;
    }
    let archive = open(&dir);
    assert!(TwitterReader.recognise(archive.entries()) >= 70);
    let (reading, stats) = TwitterReader.read_with_stats(&archive);
    assert!(reading.errors.is_empty(), "{:#?}", reading.errors);
    assert_eq!(reading.handle.as_deref(), Some("simonw"));

    let from = |file: &str| count_kinds(reading.items.iter().filter(|i| i.source.file == file));
    let tweets = from("tweets.js");
    assert_eq!(tweets.values().sum::<usize>(), 356);
    assert_eq!(tweets[&ItemKind::Repost], 44);
    assert_eq!(tweets[&ItemKind::Reply], 156);
    assert_eq!(tweets[&ItemKind::Quote], 38);
    assert_eq!(tweets[&ItemKind::Post], 118);
    assert_eq!(from("like.js"), BTreeMap::from([(ItemKind::Like, 747)]));
    assert_eq!(
        from("following.js"),
        BTreeMap::from([(ItemKind::Follow, 365)])
    );

    // Every note found its post; check independently that 40 items carry a note's text.
    assert_eq!(
        stats,
        Stats {
            notes: 40,
            notes_matched: 40,
            notes_orphaned: 0
        }
    );
    let note_text = fs::read_to_string(dir.join("note-tweet.js")).unwrap();
    let (_, notes) = notes::read(&note_text, "note-tweet.js", &mut Problems::default()).unwrap();
    assert_eq!(notes.len(), 40);
    let with_note_text = reading
        .items
        .iter()
        .filter(|i| i.source.file == "tweets.js" && notes.iter().any(|n| n.text == i.text))
        .count();
    assert_eq!(with_note_text, 40);

    // The geotagged excerpt is read as a tweets file: coordinates are [lon, lat], geo [lat, lon].
    let excerpt = from("tweets.geotagged-excerpt.js");
    assert_eq!(excerpt.values().sum::<usize>(), 2);
    let geotagged = item(&reading, "500745738054541312");
    let loc = geotagged.location.as_ref().unwrap();
    assert_eq!(loc.lat, Some(45.52848497));
    assert_eq!(loc.lon, Some(-122.57943241));
    assert_eq!(loc.origin, LocationOrigin::Geotag);
    assert_eq!(geotagged.hashtags, ["mjfpdx", "pdx"]);
    assert_eq!(geotagged.media.len(), 1);
    assert_eq!(
        status(&reading, "README.txt"),
        &FileStatus::Ignored {
            reason: "X's field guide to the archive (no account data)".into()
        }
    );
    assert_eq!(status(&reading, "manifest.js"), &FileStatus::Metadata);
}

fn tweet_json(id: &str, at: &str, text: &str) -> String {
    serde_json::json!({"tweet": {
        "id_str": id, "id": id, "created_at": at, "full_text": text,
        "entities": {"hashtags": [], "user_mentions": [], "urls": []}
    }})
    .to_string()
}

fn note_json(id: &str, at: &str, text: &str) -> String {
    serde_json::json!({"noteTweet": {
        "noteTweetId": id, "createdAt": at, "updatedAt": at,
        "core": {"text": text, "urls": [], "mentions": [], "hashtags": [], "styletags": []}
    }})
    .to_string()
}

/// An archive whose posts are split over two part files, with one note for a post of the
/// file read second (`tweets.js` sorts after `tweets-part1.js`) and one note without a post.
fn split_archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir_all(&data).unwrap();
    let part = |n: usize, tweets: &[String]| {
        format!("window.YTD.tweets.part{n} = [{}]", tweets.join(",\n"))
    };
    fs::write(
        data.join("account.js"),
        r#"window.YTD.account.part0 = [{"account": {"username": "rina_asn", "accountId": "1"}}]"#,
    )
    .unwrap();
    fs::write(
        data.join("tweets-part1.js"),
        part(
            1,
            &[
                tweet_json(
                    "11",
                    "Mon Jun 10 03:15:00 +0000 2024",
                    "Rapat pagi di kantor",
                ),
                tweet_json("12", "Mon Jun 10 04:15:00 +0000 2024", "Apel siang"),
            ],
        ),
    )
    .unwrap();
    fs::write(
        data.join("tweets.js"),
        part(
            0,
            &[tweet_json(
                "21",
                "Sat Jun 15 12:00:00 +0000 2024",
                "Catatan akhir pekan tentang pelayanan… https://t.co/abc",
            )],
        ),
    )
    .unwrap();
    fs::write(
        data.join("note-tweet.js"),
        format!(
            "window.YTD.note_tweet.part0 = [{}, {}]",
            note_json(
                "901",
                "2024-06-15T12:00:00.000Z",
                "Catatan akhir pekan tentang pelayanan publik yang panjang"
            ),
            note_json("902", "2024-06-20T08:00:00.000Z", "Catatan tanpa pos")
        ),
    )
    .unwrap();
    dir
}

#[test]
fn batches_follow_the_files_in_order_and_add_up_to_the_reading() {
    let dir = split_archive();
    let archive = open(dir.path());
    let mut batches: Vec<(Option<String>, Vec<String>)> = Vec::new();
    let rest = TwitterReader.read_batches(&archive, &GenericColumns::default(), &mut |batch| {
        batches.push((
            batch.handle.map(str::to_owned),
            batch.items.iter().map(|i| i.id.clone()).collect(),
        ))
    });
    assert!(rest.items.is_empty());
    assert!(rest.errors.is_empty(), "{:#?}", rest.errors);
    // Files come in entry order (`tweets-part1.js` sorts before `tweets.js`), the orphan
    // note after every tweets file.
    let handle = Some("rina_asn".to_owned());
    assert_eq!(
        batches,
        [
            (handle.clone(), vec!["11".to_owned(), "12".to_owned()]),
            (handle.clone(), vec!["21".to_owned()]),
            (handle, vec!["902".to_owned()]),
        ]
    );
    let (whole, stats) = read(dir.path());
    let ids: Vec<&str> = whole.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["11", "12", "21", "902"]);
    assert_eq!(whole.files, rest.files);
    // The note waited past the first part file and completed its post in the second.
    assert_eq!(
        item(&whole, "21").text,
        "Catatan akhir pekan tentang pelayanan publik yang panjang"
    );
    assert_eq!(
        stats,
        Stats {
            notes: 2,
            notes_matched: 1,
            notes_orphaned: 1
        }
    );
    assert_eq!(
        status(&whole, "data/note-tweet.js"),
        &FileStatus::Completes {
            completed: 1,
            items: 1
        }
    );
}
