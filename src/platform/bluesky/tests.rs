//! Tests on an invented repository: `tests/fixtures/bluesky/basic/*.car` is written by
//! `build_repository` below (run with `JEJAK_WRITE_FIXTURES=1` to rewrite it), so its
//! structure is explicit here: a commit, a three-level tree with prefix-compressed keys, and
//! records of every collection read plus two that are not.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use ipld_core::cid::multihash::Multihash;
use ipld_core::cid::Cid;
use ipld_core::ipld::Ipld;

use crate::archive::{Archive, Limits};
use crate::model::{Audience, Item, ItemKind};
use crate::platform::{detect, FileStatus, GenericColumns, PlatformReader, Reading};

use super::{car, handle_from_file_name, BlueskyReader};

const DID: &str = "did:plc:dewicontoh7x2k4m";
const FILE: &str = "dewi.contoh.id.20250101120000.car";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bluesky/basic")
        .join(FILE)
}

fn s(v: &str) -> Ipld {
    Ipld::String(v.to_owned())
}

fn map(pairs: Vec<(&str, Ipld)>) -> Ipld {
    Ipld::Map(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn strong_ref(uri: &str) -> Ipld {
    map(vec![("uri", s(uri)), ("cid", s("bafyreifakecid"))])
}

/// Content-addressed in shape only: the digest is a counter (the reader does not verify).
struct Blocks {
    next: u8,
    list: Vec<(Cid, Vec<u8>)>,
}

impl Blocks {
    fn cid(&mut self) -> Cid {
        self.next += 1;
        let digest = [self.next; 32];
        Cid::new_v1(0x71, Multihash::wrap(0x12, &digest).unwrap())
    }

    fn add(&mut self, value: &Ipld) -> Cid {
        let cid = self.cid();
        self.list
            .push((cid, serde_ipld_dagcbor::to_vec(value).unwrap()));
        cid
    }

    /// A tree node: `left` subtree, then entries (key, record, right subtree), keys
    /// compressed against the previous key of the node.
    fn node(&mut self, left: Option<Cid>, entries: &[(&str, Cid, Option<Cid>)]) -> Cid {
        let mut previous: &[u8] = b"";
        let mut list = Vec::new();
        for (key, value, right) in entries {
            let key = key.as_bytes();
            let shared = previous.iter().zip(key).take_while(|(a, b)| a == b).count();
            list.push(map(vec![
                ("p", Ipld::Integer(shared as i128)),
                ("k", Ipld::Bytes(key[shared..].to_vec())),
                ("v", Ipld::Link(*value)),
                ("t", right.map_or(Ipld::Null, Ipld::Link)),
            ]));
            previous = key;
        }
        self.add(&map(vec![
            ("l", left.map_or(Ipld::Null, Ipld::Link)),
            ("e", Ipld::List(list)),
        ]))
    }
}

fn post(text: &str, extra: Vec<(&str, Ipld)>) -> Ipld {
    let mut pairs = vec![
        ("$type", s("app.bsky.feed.post")),
        ("text", s(text)),
        ("createdAt", s("2024-08-17T03:00:00.000Z")),
        ("langs", Ipld::List(vec![s("id")])),
    ];
    pairs.extend(extra);
    map(pairs)
}

fn facet(start: usize, end: usize, feature: Ipld) -> Ipld {
    map(vec![
        (
            "index",
            map(vec![
                ("byteStart", Ipld::Integer(start as i128)),
                ("byteEnd", Ipld::Integer(end as i128)),
            ]),
        ),
        ("features", Ipld::List(vec![feature])),
    ])
}

fn image(blocks: &mut Blocks) -> Ipld {
    let blob = blocks.cid();
    map(vec![
        ("alt", s("Foto upacara")),
        (
            "image",
            map(vec![
                ("$type", s("blob")),
                ("ref", Ipld::Link(blob)),
                ("mimeType", s("image/jpeg")),
                ("size", Ipld::Integer(1234)),
            ]),
        ),
    ])
}

/// The invented repository as CAR bytes.
pub fn build_repository() -> Vec<u8> {
    let mut b = Blocks {
        next: 0,
        list: Vec::new(),
    };
    let text1 =
        "Upacara 17 Agustus — info: contoh.go.id/upacara… bersama @budi.bsky.social #HUTRI79";
    let link_start = text1.find("contoh.go.id").unwrap();
    let link_end = text1.find(" bersama").unwrap();
    let mention_start = text1.find("@budi").unwrap();
    let tag_start = text1.find("#HUTRI79").unwrap();
    let records: Vec<(&str, Ipld)> = vec![
        (
            "app.bsky.actor.profile/self",
            map(vec![
                ("$type", s("app.bsky.actor.profile")),
                ("displayName", s("Dewi Lestari")),
                ("description", s("ASN Kabupaten Contoh. Pendapat pribadi.")),
            ]),
        ),
        (
            "app.bsky.feed.like/3kaaa1",
            map(vec![
                ("$type", s("app.bsky.feed.like")),
                (
                    "subject",
                    strong_ref("at://did:plc:kanalberita/app.bsky.feed.post/3jzz1"),
                ),
                ("createdAt", s("2024-08-01T01:00:00.000Z")),
            ]),
        ),
        (
            "app.bsky.feed.like/3kaaa2",
            map(vec![
                ("$type", s("app.bsky.feed.like")),
                (
                    "subject",
                    strong_ref("at://did:plc:kanalberita/app.bsky.feed.post/3jzz2"),
                ),
                ("createdAt", s("2024-08-02T01:00:00.000Z")),
            ]),
        ),
        (
            "app.bsky.feed.post/3kbbb1",
            post(
                text1,
                vec![(
                    "facets",
                    Ipld::List(vec![
                        facet(
                            link_start,
                            link_end,
                            map(vec![
                                ("$type", s("app.bsky.richtext.facet#link")),
                                ("uri", s("https://contoh.go.id/upacara-17-agustus-2024")),
                            ]),
                        ),
                        facet(
                            mention_start,
                            mention_start + "@budi.bsky.social".len(),
                            map(vec![
                                ("$type", s("app.bsky.richtext.facet#mention")),
                                ("did", s("did:plc:budi")),
                            ]),
                        ),
                        facet(
                            tag_start,
                            text1.len(),
                            map(vec![
                                ("$type", s("app.bsky.richtext.facet#tag")),
                                ("tag", s("HUTRI79")),
                            ]),
                        ),
                    ]),
                )],
            ),
        ),
        (
            "app.bsky.feed.post/3kbbb2",
            post(
                "Setuju, pelayanan harus tetap buka.",
                vec![(
                    "reply",
                    map(vec![
                        (
                            "root",
                            strong_ref("at://did:plc:budi/app.bsky.feed.post/3jyy1"),
                        ),
                        (
                            "parent",
                            strong_ref("at://did:plc:budi/app.bsky.feed.post/3jyy2"),
                        ),
                    ]),
                )],
            ),
        ),
        (
            "app.bsky.feed.post/3kbbb3",
            post(
                "Baca pengumuman ini.",
                vec![(
                    "embed",
                    map(vec![
                        ("$type", s("app.bsky.embed.record")),
                        (
                            "record",
                            strong_ref("at://did:plc:kanalberita/app.bsky.feed.post/3jzz3"),
                        ),
                    ]),
                )],
            ),
        ),
        (
            "app.bsky.feed.post/3kbbb4",
            post(
                "Jadwal layanan minggu ini.",
                vec![(
                    "embed",
                    map(vec![
                        ("$type", s("app.bsky.embed.external")),
                        (
                            "external",
                            map(vec![
                                ("uri", s("https://contoh.go.id/jadwal")),
                                ("title", s("Jadwal")),
                                ("description", s("")),
                            ]),
                        ),
                    ]),
                )],
            ),
        ),
        ("app.bsky.feed.post/3kbbb5", {
            let picture = image(&mut b);
            post(
                "Dokumentasi kegiatan.",
                vec![(
                    "embed",
                    map(vec![
                        ("$type", s("app.bsky.embed.recordWithMedia")),
                        (
                            "record",
                            map(vec![
                                ("$type", s("app.bsky.embed.record")),
                                (
                                    "record",
                                    strong_ref("at://did:plc:budi/app.bsky.feed.post/3jyy3"),
                                ),
                            ]),
                        ),
                        (
                            "media",
                            map(vec![
                                ("$type", s("app.bsky.embed.images")),
                                ("images", Ipld::List(vec![picture])),
                            ]),
                        ),
                    ]),
                )],
            )
        }),
        (
            "app.bsky.feed.repost/3kccc1",
            map(vec![
                ("$type", s("app.bsky.feed.repost")),
                (
                    "subject",
                    strong_ref("at://did:plc:kanalberita/app.bsky.feed.post/3jzz4"),
                ),
                ("createdAt", s("2024-08-18T05:00:00+07:00")),
            ]),
        ),
        (
            "app.bsky.graph.block/3kddd1",
            map(vec![
                ("$type", s("app.bsky.graph.block")),
                ("subject", s("did:plc:spam")),
            ]),
        ),
        (
            "app.bsky.graph.follow/3keee1",
            map(vec![
                ("$type", s("app.bsky.graph.follow")),
                ("subject", s("did:plc:kanalberita")),
                ("createdAt", s("2024-07-01T00:00:00.000Z")),
            ]),
        ),
        (
            "app.bsky.graph.follow/3keee2",
            map(vec![
                ("$type", s("app.bsky.graph.follow")),
                ("subject", s("did:plc:budi")),
                ("createdAt", s("2024-07-02T00:00:00.000Z")),
            ]),
        ),
        (
            "app.bsky.graph.list/3kfff1",
            map(vec![
                ("$type", s("app.bsky.graph.list")),
                ("name", s("Rekan kerja")),
            ]),
        ),
    ];
    let cids: Vec<(&str, Cid)> = records.iter().map(|(k, v)| (*k, b.add(v))).collect();
    let e = |i: usize| cids[i];
    // root: l → [0, 1]; (2, t → [3, 4, 5]); (6, t → [7]); (8); (9, t → [10, 11]); (12)
    let left = b.node(None, &[(e(0).0, e(0).1, None), (e(1).0, e(1).1, None)]);
    let right_a = b.node(
        None,
        &[
            (e(3).0, e(3).1, None),
            (e(4).0, e(4).1, None),
            (e(5).0, e(5).1, None),
        ],
    );
    let right_b = b.node(None, &[(e(7).0, e(7).1, None)]);
    let right_c = b.node(None, &[(e(10).0, e(10).1, None), (e(11).0, e(11).1, None)]);
    let root = b.node(
        Some(left),
        &[
            (e(2).0, e(2).1, Some(right_a)),
            (e(6).0, e(6).1, Some(right_b)),
            (e(8).0, e(8).1, None),
            (e(9).0, e(9).1, Some(right_c)),
            (e(12).0, e(12).1, None),
        ],
    );
    let commit = b.add(&map(vec![
        ("did", s(DID)),
        ("version", Ipld::Integer(3)),
        ("data", Ipld::Link(root)),
        ("rev", s("3kzzzzzzzzz22")),
        ("prev", Ipld::Null),
        ("sig", Ipld::Bytes(vec![0; 64])),
    ]));
    // Commit first, as exports write it, then the tree from its root, then the records.
    let mut blocks = b.list;
    let commit_block = blocks.pop().unwrap();
    let nodes: Vec<_> = blocks.drain(records.len()..).rev().collect();
    let ordered: Vec<_> = std::iter::once(commit_block)
        .chain(nodes)
        .chain(blocks)
        .collect();
    car::write(&[commit], &ordered)
}

#[test]
fn fixture_file_is_what_the_builder_makes() {
    let built = build_repository();
    if std::env::var_os("JEJAK_WRITE_FIXTURES").is_some() {
        fs::create_dir_all(fixture().parent().unwrap()).unwrap();
        fs::write(fixture(), &built).unwrap();
    }
    assert_eq!(
        fs::read(fixture()).unwrap(),
        built,
        "rerun with JEJAK_WRITE_FIXTURES=1"
    );
}

fn read(path: &Path) -> Reading {
    let archive = Archive::open(path, Limits::default()).expect("archive opens");
    BlueskyReader.read(&archive, &GenericColumns::default())
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

fn check_basic(reading: &Reading, car_path: &str) {
    assert!(reading.errors.is_empty(), "{:#?}", reading.errors);
    assert_eq!(reading.handle.as_deref(), Some("dewi.contoh.id"));
    assert_eq!(reading.display_name.as_deref(), Some("Dewi Lestari"));
    assert_eq!(
        counts(&reading.items),
        BTreeMap::from([
            (ItemKind::Post, 2),
            (ItemKind::Reply, 1),
            (ItemKind::Quote, 2),
            (ItemKind::Repost, 1),
            (ItemKind::Like, 2),
            (ItemKind::Follow, 2),
            (ItemKind::Profile, 1),
        ])
    );
    let car_status = reading.files.iter().find(|f| f.path == car_path).unwrap();
    assert_eq!(car_status.status, FileStatus::Read { items: 11 });
    let other = reading
        .files
        .iter()
        .find(|f| f.path == format!("{car_path}#other-records"))
        .expect("unread collections are listed");
    assert_eq!(
        other.status,
        FileStatus::Ignored {
            reason: "not audited: 2 records of other collections: app.bsky.graph.block (1), app.bsky.graph.list (1)".into()
        }
    );
    // Key order from the tree walk: positions follow it.
    let positions: Vec<(&str, usize)> = reading
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.source.position))
        .collect();
    assert_eq!(positions[0], ("app.bsky.actor.profile/self", 1));
    assert_eq!(positions[3], ("app.bsky.feed.post/3kbbb1", 4));
    assert_eq!(positions[10], ("app.bsky.graph.follow/3keee2", 12));

    let first = item(reading, "app.bsky.feed.post/3kbbb1");
    assert_eq!(first.kind, ItemKind::Post);
    assert_eq!(first.audience, Audience::Public);
    assert!(first.text.starts_with("Upacara 17 Agustus — info:"));
    assert_eq!(first.urls, ["https://contoh.go.id/upacara-17-agustus-2024"]);
    assert_eq!(first.mentions, ["budi.bsky.social"]);
    assert_eq!(first.hashtags, ["HUTRI79"]);
    assert_eq!(
        first.created_at.unwrap().to_rfc3339(),
        "2024-08-17T03:00:00+00:00"
    );
    assert_eq!(
        first.permalink.as_deref(),
        Some("https://bsky.app/profile/did:plc:dewicontoh7x2k4m/post/3kbbb1")
    );
    assert_eq!(first.source.file, car_path);

    let reply = item(reading, "app.bsky.feed.post/3kbbb2");
    assert_eq!(reply.kind, ItemKind::Reply);
    assert_eq!(
        reply.target.as_deref(),
        Some("at://did:plc:budi/app.bsky.feed.post/3jyy2")
    );

    let quote = item(reading, "app.bsky.feed.post/3kbbb3");
    assert_eq!(quote.kind, ItemKind::Quote);
    assert_eq!(
        quote.target.as_deref(),
        Some("at://did:plc:kanalberita/app.bsky.feed.post/3jzz3")
    );
    assert_eq!(
        quote.urls,
        ["https://bsky.app/profile/did:plc:kanalberita/post/3jzz3"]
    );

    let external = item(reading, "app.bsky.feed.post/3kbbb4");
    assert_eq!(external.kind, ItemKind::Post);
    assert_eq!(external.urls, ["https://contoh.go.id/jadwal"]);

    let with_media = item(reading, "app.bsky.feed.post/3kbbb5");
    assert_eq!(with_media.kind, ItemKind::Quote);
    assert_eq!(with_media.media.len(), 1);
    assert!(
        with_media.media[0].path.starts_with("bafyrei"),
        "{:?}",
        with_media.media
    );

    let like = item(reading, "app.bsky.feed.like/3kaaa1");
    assert_eq!(
        like.target.as_deref(),
        Some("at://did:plc:kanalberita/app.bsky.feed.post/3jzz1")
    );
    assert_eq!(
        like.permalink.as_deref(),
        Some("https://bsky.app/profile/did:plc:kanalberita/post/3jzz1")
    );
    assert_eq!(
        like.created_at.unwrap().to_rfc3339(),
        "2024-08-01T01:00:00+00:00"
    );

    let repost = item(reading, "app.bsky.feed.repost/3kccc1");
    assert_eq!(repost.kind, ItemKind::Repost);
    assert_eq!(
        repost.created_at.unwrap().to_rfc3339(),
        "2024-08-18T05:00:00+07:00"
    );

    let follow = item(reading, "app.bsky.graph.follow/3keee2");
    assert_eq!(follow.kind, ItemKind::Follow);
    assert_eq!(follow.target.as_deref(), Some("did:plc:budi"));

    let profile = item(reading, "app.bsky.actor.profile/self");
    assert_eq!(
        profile.text,
        "Dewi Lestari\n\nASN Kabupaten Contoh. Pendapat pribadi."
    );
}

#[test]
fn basic_repository_as_a_single_file() {
    check_basic(&read(&fixture()), FILE);
}

#[test]
fn basic_repository_inside_a_zip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bluesky-export.zip");
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    zip.start_file(
        format!("ekspor/{FILE}"),
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(&fs::read(fixture()).unwrap()).unwrap();
    zip.start_file(
        "ekspor/catatan.txt",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(b"catatan").unwrap();
    zip.finish().unwrap();
    let archive = Archive::open(&path, Limits::default()).unwrap();
    assert_eq!(
        detect(archive.entries()).unwrap().platform(),
        BlueskyReader.platform()
    );
    let reading = BlueskyReader.read(&archive, &GenericColumns::default());
    check_basic(&reading, &format!("ekspor/{FILE}"));
    assert!(reading.files.iter().any(|f| f.path == "ekspor/catatan.txt"
        && matches!(&f.status, FileStatus::Ignored { reason } if reason == "unknown file")));
}

#[test]
fn cut_repository_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("repo.car");
    let bytes = fs::read(fixture()).unwrap();
    fs::write(&path, &bytes[..bytes.len() - 400]).unwrap();
    let reading = read(&path);
    assert_eq!(reading.errors.len(), 1, "{:#?}", reading.errors);
    let error = &reading.errors[0];
    assert!(error.file.ends_with("repo.car"), "{error}");
    assert!(error.message.contains("cut off"), "{error}");
    // The last records are lost and reported; the records before them are read.
    assert!(error.message.contains("is missing"), "{error}");
    assert!(!reading.items.is_empty());
    assert!(reading.items.len() < 11, "{}", reading.items.len());

    fs::write(&path, &bytes[..30]).unwrap();
    let reading = read(&path);
    assert_eq!(reading.errors.len(), 1, "{:#?}", reading.errors);
    assert!(
        reading.errors[0].message.contains("CARv1"),
        "{:?}",
        reading.errors
    );
    assert_eq!(reading.files[0].status, FileStatus::Failed);
    assert!(reading.items.is_empty());

    fs::write(&path, b"{\"bukan\": \"car\"}").unwrap();
    let reading = read(&path);
    assert_eq!(reading.errors.len(), 1, "{:#?}", reading.errors);
    assert!(reading.errors[0].file.ends_with("repo.car"));
}

#[test]
fn bad_records_are_reported_and_the_rest_is_read() {
    let mut b = Blocks {
        next: 100,
        list: Vec::new(),
    };
    let good = b.add(&post("Selamat pagi.", vec![]));
    let no_subject = b.add(&map(vec![("$type", s("app.bsky.feed.like"))]));
    let not_a_map = b.add(&Ipld::List(vec![s("aneh")]));
    let missing = b.cid();
    let root = b.node(
        None,
        &[
            ("app.bsky.feed.like/3k1", no_subject, None),
            ("app.bsky.feed.post/3k2", good, None),
            ("app.bsky.feed.post/3k3", not_a_map, None),
            ("app.bsky.feed.post/3k4", missing, None),
        ],
    );
    let commit = b.add(&map(vec![("did", s(DID)), ("data", Ipld::Link(root))]));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("repo.car");
    fs::write(&path, car::write(&[commit], &b.list)).unwrap();
    let reading = read(&path);
    assert_eq!(
        counts(&reading.items),
        BTreeMap::from([(ItemKind::Post, 1)])
    );
    assert_eq!(reading.handle.as_deref(), Some(DID));
    assert_eq!(reading.errors.len(), 1, "{:#?}", reading.errors);
    let message = &reading.errors[0].message;
    assert!(
        message.contains("3 of 4 items were malformed and skipped"),
        "{message}"
    );
    assert!(message.contains("no `subject.uri`"), "{message}");
    assert!(message.contains("is missing"), "{message}");
    assert_eq!(reading.files[0].status, FileStatus::Read { items: 1 });
}

#[test]
fn recognise_picks_bluesky_and_not_x() {
    let archive = Archive::open(&fixture(), Limits::default()).unwrap();
    assert_eq!(BlueskyReader.recognise(archive.entries()), 90);
    assert_eq!(
        detect(archive.entries()).unwrap().platform(),
        BlueskyReader.platform()
    );
    let x = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/twitter/basic");
    let x = Archive::open(&x, Limits::default()).unwrap();
    assert_eq!(BlueskyReader.recognise(x.entries()), 0);
}

#[test]
fn handles_from_export_names() {
    assert_eq!(
        handle_from_file_name("bnewbold.robocracy.org.20250310005405.car").as_deref(),
        Some("bnewbold.robocracy.org")
    );
    assert_eq!(
        handle_from_file_name("dewi.bsky.social-20250101.car").as_deref(),
        Some("dewi.bsky.social")
    );
    assert_eq!(handle_from_file_name("repo.car"), None);
    assert_eq!(handle_from_file_name("20250101.car"), None);
}
