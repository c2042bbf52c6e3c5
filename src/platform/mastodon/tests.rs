//! Whole-archive tests on the invented fixture under `tests/fixtures/mastodon/basic`, read as
//! a folder, a zip and a tar.gz, and broken copies of it.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::archive::{Archive, Limits};
use crate::model::{Audience, Item, ItemKind};
use crate::platform::{detect, FileStatus, GenericColumns, PlatformReader, Reading};

use super::MastodonReader;
use crate::platform::test_support::files_under;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mastodon/basic")
}

fn copy_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, path) in files_under(&fixture()) {
        let target = dir.path().join(name);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(path, target).unwrap();
    }
    dir
}

fn read(path: &Path) -> Reading {
    let archive = Archive::open(path, Limits::default()).expect("archive opens");
    MastodonReader.read(&archive, &GenericColumns::default())
}

fn counts(items: &[Item]) -> BTreeMap<ItemKind, usize> {
    let mut out = BTreeMap::new();
    for item in items {
        *out.entry(item.kind).or_default() += 1;
    }
    out
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

fn check_basic(reading: &Reading, prefix: &str) {
    assert!(reading.errors.is_empty(), "{:#?}", reading.errors);
    assert_eq!(reading.handle.as_deref(), Some("sari_asn@kota.social"));
    assert_eq!(reading.display_name.as_deref(), Some("Sari Wulandari"));
    assert_eq!(
        counts(&reading.items),
        BTreeMap::from([
            (ItemKind::Post, 3),
            (ItemKind::Reply, 2),
            (ItemKind::Quote, 1),
            (ItemKind::Repost, 1),
            (ItemKind::Message, 1),
            (ItemKind::Like, 3),
            (ItemKind::Profile, 1),
        ])
    );
    assert_eq!(reading.files.len(), 6);
    assert_eq!(
        *status(reading, &format!("{prefix}outbox.json")),
        FileStatus::Read { items: 8 }
    );
    assert_eq!(
        *status(reading, &format!("{prefix}likes.json")),
        FileStatus::Read { items: 3 }
    );
    assert_eq!(
        *status(reading, &format!("{prefix}actor.json")),
        FileStatus::Read { items: 1 }
    );
    assert!(matches!(
        status(reading, &format!("{prefix}bookmarks.json")),
        FileStatus::Ignored { reason } if reason.contains("bookmarks")
    ));
    assert!(matches!(
        status(reading, &format!("{prefix}media_attachments/files/111/222/333/original/foto-apel.jpg")),
        FileStatus::Ignored { reason } if reason.contains("media")
    ));

    let post = item(reading, "1001");
    assert_eq!(post.kind, ItemKind::Post);
    assert_eq!(post.audience, Audience::Public);
    assert_eq!(
        post.text,
        "Selamat pagi warga Kota! Jadwal pelayanan KTP hari ini sampai pukul 15.00. #pelayananpublik\n\nInfo: https://disdukcapil.contoh.go.id/jadwal?hari=senin&loket=2"
    );
    assert_eq!(
        post.urls,
        ["https://disdukcapil.contoh.go.id/jadwal?hari=senin&loket=2"]
    );
    assert_eq!(post.hashtags, ["pelayananpublik"]);
    assert_eq!(
        post.created_at.unwrap().to_rfc3339(),
        "2024-01-15T02:30:00+00:00"
    );
    assert_eq!(
        post.permalink.as_deref(),
        Some("https://kota.social/@sari_asn/1001")
    );
    assert_eq!(post.source.file, format!("{prefix}outbox.json"));
    assert_eq!(post.source.position, 1);
    assert!(!post.sensitive);

    let unlisted = item(reading, "1002");
    assert_eq!(
        (unlisted.kind, unlisted.audience),
        (ItemKind::Post, Audience::Unlisted)
    );
    assert_eq!(
        unlisted.text,
        "Catatan kecil untuk diri sendiri: rapat & evaluasi besok."
    );

    let followers_reply = item(reading, "1003");
    assert_eq!(followers_reply.kind, ItemKind::Reply);
    assert_eq!(followers_reply.audience, Audience::Followers);
    assert_eq!(
        followers_reply.target.as_deref(),
        Some("https://lain.social/users/budi/statuses/9001")
    );
    assert_eq!(followers_reply.mentions, ["budi@lain.social"]);
    assert_eq!(followers_reply.text, "@budi Iya, saya juga ikut apel pagi.");

    let message = item(reading, "1004");
    assert_eq!(
        (message.kind, message.audience),
        (ItemKind::Message, Audience::Direct)
    );
    assert_eq!(
        message.created_at.unwrap().to_rfc3339(),
        "2024-01-18T13:45:00+07:00"
    );
    assert_eq!(message.mentions, ["rina"]);

    let warned = item(reading, "1005");
    assert_eq!(
        (warned.kind, warned.audience),
        (ItemKind::Reply, Audience::Public)
    );
    assert_eq!(
        warned.text,
        "Foto kegiatan dinas\n\n@budi Foto kegiatan kantor kemarin."
    );
    assert!(warned.sensitive);
    assert_eq!(warned.media.len(), 1);
    assert_eq!(
        warned.media[0].path,
        format!("{prefix}media_attachments/files/111/222/333/original/foto-apel.jpg")
    );

    let boost = item(reading, "1006");
    assert_eq!(boost.kind, ItemKind::Repost);
    assert_eq!(boost.audience, Audience::Public);
    let boosted = "https://lain.social/users/budi/statuses/9003";
    assert_eq!(boost.target.as_deref(), Some(boosted));
    assert_eq!(boost.permalink.as_deref(), Some(boosted));
    assert_eq!(
        boost.created_at.unwrap().to_rfc3339(),
        "2024-01-20T01:00:00+00:00"
    );

    let poll = item(reading, "1007");
    assert_eq!(poll.kind, ItemKind::Post);
    assert_eq!(
        poll.text,
        "Menurut warga, jam layanan terbaik kapan?\n\n- Pagi\n\n- Sore"
    );

    let quote = item(reading, "1008");
    assert_eq!(quote.kind, ItemKind::Quote);
    assert_eq!(
        quote.target.as_deref(),
        Some("https://lain.social/users/budi/statuses/9004")
    );
    assert_eq!(quote.urls, ["https://lain.social/@budi/9004"]);

    let like = item(reading, "https://berita.social/users/kanal/statuses/7001");
    assert_eq!(like.kind, ItemKind::Like);
    assert_eq!(like.target.as_deref(), Some(like.id.as_str()));
    assert_eq!(like.source.position, 2);
    assert!(like.created_at.is_none());

    let profile = item(reading, "profile");
    assert_eq!(
        profile.text,
        "Pegawai Dinas Kependudukan. Akun pribadi, bukan akun resmi.\n\nBlog: https://sari.contoh.id"
    );
    assert_eq!(profile.urls, ["https://sari.contoh.id"]);
    assert_eq!(
        profile.permalink.as_deref(),
        Some("https://kota.social/@sari_asn")
    );
}

#[test]
fn basic_fixture_as_a_folder() {
    check_basic(&read(&fixture()), "");
}

#[test]
fn basic_fixture_as_a_zip_with_a_wrapper_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("archive-20240201.zip");
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    for (name, file) in files_under(&fixture()) {
        zip.start_file(
            format!("arsip/{name}"),
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zip.write_all(&fs::read(file).unwrap()).unwrap();
    }
    zip.finish().unwrap();
    check_basic(&read(&path), "arsip/");
}

#[test]
fn basic_fixture_as_a_tar_gz() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("archive-20240201123456-abcdef.tar.gz");
    let gz = flate2::write::GzEncoder::new(
        fs::File::create(&path).unwrap(),
        flate2::Compression::default(),
    );
    let mut tar = ::tar::Builder::new(gz);
    for (name, file) in files_under(&fixture()) {
        tar.append_path_with_name(file, name).unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap();
    let archive = Archive::open(&path, Limits::default()).unwrap();
    assert_eq!(
        detect(archive.entries()).unwrap().platform(),
        MastodonReader.platform()
    );
    check_basic(
        &MastodonReader.read(&archive, &GenericColumns::default()),
        "",
    );
}

#[test]
fn cut_outbox_is_an_error_naming_it_and_the_rest_is_read() {
    let dir = copy_fixture();
    let outbox = dir.path().join("outbox.json");
    let text = fs::read_to_string(&outbox).unwrap();
    fs::write(&outbox, &text[..text.len() / 2]).unwrap();
    let reading = read(dir.path());
    assert_eq!(reading.errors.len(), 1, "{:#?}", reading.errors);
    let error = &reading.errors[0];
    assert!(error.file.ends_with("outbox.json"), "{error}");
    assert!(error.message.contains("not valid JSON"), "{error}");
    assert!(error.message.contains("OrderedCollection"), "{error}");
    assert_eq!(*status(&reading, "outbox.json"), FileStatus::Failed);
    let kinds = counts(&reading.items);
    assert_eq!(kinds.get(&ItemKind::Like), Some(&3));
    assert_eq!(kinds.get(&ItemKind::Profile), Some(&1));
    assert_eq!(kinds.get(&ItemKind::Post), None);
}

#[test]
fn wrong_types_are_errors_naming_the_file() {
    let dir = copy_fixture();
    fs::write(
        dir.path().join("likes.json"),
        r#"{"type": "OrderedCollection", "orderedItems": "https://a.social/1"}"#,
    )
    .unwrap();
    fs::write(dir.path().join("actor.json"), "[1, 2]").unwrap();
    // Two bad activities among good ones: skipped, counted, the others kept.
    let outbox = dir.path().join("outbox.json");
    let mut value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&outbox).unwrap()).unwrap();
    let list = value["orderedItems"].as_array_mut().unwrap();
    list.push(serde_json::json!(42));
    list.push(serde_json::json!({"type": "Delete", "object": "https://kota.social/x"}));
    fs::write(&outbox, value.to_string()).unwrap();

    let reading = read(dir.path());
    let message_for = |name: &str| {
        reading
            .errors
            .iter()
            .find(|e| e.file.ends_with(name))
            .unwrap_or_else(|| panic!("no error for {name}: {:#?}", reading.errors))
            .message
            .clone()
    };
    assert!(message_for("likes.json").contains("`orderedItems` as a string"));
    assert!(message_for("actor.json").contains("a list of JSON at the top"));
    let outbox_error = message_for("outbox.json");
    assert!(
        outbox_error.contains("2 of 10 items were malformed and skipped"),
        "{outbox_error}"
    );
    assert!(
        outbox_error.contains("`Delete` is not read"),
        "{outbox_error}"
    );
    assert_eq!(
        *status(&reading, "outbox.json"),
        FileStatus::Read { items: 8 }
    );
    assert_eq!(*status(&reading, "likes.json"), FileStatus::Failed);
    // Without actor.json there is no handle, but the posts are still read.
    assert_eq!(reading.handle, None);
    assert_eq!(counts(&reading.items).values().sum::<usize>(), 8);
}

#[test]
fn recognise_picks_mastodon_and_not_x() {
    let mastodon = Archive::open(&fixture(), Limits::default()).unwrap();
    assert_eq!(MastodonReader.recognise(mastodon.entries()), 95);
    assert_eq!(
        detect(mastodon.entries()).unwrap().platform(),
        MastodonReader.platform()
    );
    let x = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/twitter/basic");
    let x = Archive::open(&x, Limits::default()).unwrap();
    assert_eq!(MastodonReader.recognise(x.entries()), 0);
    assert_ne!(
        detect(x.entries()).unwrap().platform(),
        MastodonReader.platform()
    );
}
