//! TikTok, Telegram, LinkedIn, YouTube and Reddit readers on the project's own fixtures.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jejak::archive::{Archive, Limits};
use jejak::model::{Audience, Item, ItemKind, LocationOrigin, Platform};
use jejak::platform::{self, FileStatus, GenericColumns, Reading};

fn fixture(path: &str) -> PathBuf {
    common::repo().join("tests/fixtures").join(path)
}

fn read(path: &Path) -> (Platform, Reading) {
    let archive = Archive::open(path, Limits::default()).unwrap();
    let reader = platform::detect(archive.entries()).expect("recognised");
    (
        reader.platform(),
        reader.read(&archive, &GenericColumns::default()),
    )
}

fn kinds(reading: &Reading) -> BTreeMap<&'static str, usize> {
    let mut map = BTreeMap::new();
    for item in &reading.items {
        *map.entry(item.kind.as_str()).or_insert(0) += 1;
    }
    map
}

fn by_id<'a>(reading: &'a Reading, id: &str) -> &'a Item {
    reading
        .items
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

fn time(item: &Item) -> String {
    item.created_at.unwrap().to_rfc3339()
}

fn excluded(reading: &Reading) -> Vec<(&str, u64)> {
    reading
        .excluded
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect()
}

#[test]
fn tiktok_export() {
    let (platform, r) = read(&fixture("tiktok/basic"));
    assert_eq!(platform, Platform::Tiktok);
    assert_eq!(r.handle.as_deref(), Some("budi_asn_bdg"));
    assert_eq!(
        kinds(&r),
        BTreeMap::from([
            ("check_in", 1),
            ("comment", 2),
            ("follow", 2),
            ("like", 3),
            ("message", 1),
            ("post", 2),
            ("profile", 2)
        ])
    );
    assert_eq!(excluded(&r), [("deleted", 1), ("others_messages", 1)]);
    let post = by_id(&r, "7300000000000000010");
    assert_eq!(post.kind, ItemKind::Post);
    assert_eq!(post.text, "Apel pagi bersama rekan dinas #ASNBerAKHLAK");
    assert_eq!(post.hashtags, ["ASNBerAKHLAK"]);
    assert_eq!(time(post), "2024-02-01T07:15:00+00:00");
    assert_eq!(post.audience, Audience::Public);
    let place = post.location.as_ref().unwrap();
    assert_eq!(place.name.as_deref(), Some("Gedung Sate"));
    assert_eq!(place.origin, LocationOrigin::Geotag);
    assert_eq!(by_id(&r, "video-2").audience, Audience::Followers);
    let comment = by_id(&r, "comment-1");
    assert_eq!(comment.mentions, ["pakcamat"]);
    assert_eq!(comment.audience, Audience::Public);
    assert!(by_id(&r, "comment-2").created_at.is_none());
    let like = by_id(&r, "7300000000000000002");
    assert_eq!(like.kind, ItemKind::Like);
    assert_eq!(like.audience, Audience::Public, "likes shown to everyone");
    assert_eq!(
        like.target.as_deref(),
        Some("https://www.tiktokv.com/share/video/7300000000000000002/")
    );
    assert_eq!(by_id(&r, "7300000000000000001").audience, Audience::Unknown);
    let follow = by_id(&r, "partai_maju_terus");
    assert_eq!(follow.target.as_deref(), Some("@partai_maju_terus"));
    assert_eq!(time(follow), "2024-01-06T11:00:00+00:00");
    let review = by_id(&r, "review-1");
    assert_eq!(review.kind, ItemKind::CheckIn);
    assert_eq!(
        review.location.as_ref().unwrap().name.as_deref(),
        Some("Alun-Alun Bandung")
    );
    let gps = by_id(&r, "last-location").location.clone().unwrap();
    assert_eq!((gps.lat, gps.lon), (Some(-6.9147), Some(107.6098)));
    let dm = r
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Message)
        .unwrap();
    assert_eq!(dm.text, "Besok rapat jam 8 ya");
    assert_eq!(dm.audience, Audience::Direct);
    // The like without a link and the unreadable date are reported, in one error.
    assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
    assert!(r.errors[0].message.contains("a like without a link"));
    assert!(r.errors[0].message.contains("kemarin sore"));
    assert!(r.errors[0].file.ends_with("user_data_tiktok.json"));
}

#[test]
fn tiktok_renamed_sections_of_2025() {
    let (_, r) = read(&fixture("tiktok/renamed"));
    assert_eq!(
        kinds(&r),
        BTreeMap::from([("follow", 1), ("like", 1), ("post", 1)])
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(by_id(&r, "video-1").audience, Audience::Unknown);
    assert_eq!(by_id(&r, "7400000000000000001").audience, Audience::Unknown);
}

#[test]
fn tiktok_truncated_json_names_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("tiktok/truncated_user_data_tiktok.json"),
        tmp.path().join("user_data_tiktok.json"),
    )
    .unwrap();
    let (_, r) = read(tmp.path());
    assert!(r.items.is_empty());
    assert_eq!(r.files[0].status, FileStatus::Failed);
    assert!(r.errors[0].file.ends_with("user_data_tiktok.json"));
    assert!(
        r.errors[0].message.contains("not readable JSON"),
        "{}",
        r.errors[0]
    );
}

#[test]
fn telegram_whole_account_keeps_only_the_owners_messages() {
    let (platform, r) = read(&fixture("telegram/account"));
    assert_eq!(platform, Platform::Telegram);
    assert_eq!(r.handle.as_deref(), Some("budi_asn"));
    assert_eq!(
        kinds(&r),
        BTreeMap::from([("comment", 1), ("message", 3), ("post", 2), ("repost", 1)])
    );
    assert_eq!(excluded(&r), [("others_messages", 3)]);
    let post = by_id(&r, "1500000001/2");
    assert_eq!(post.kind, ItemKind::Post);
    assert_eq!(post.audience, Audience::Public);
    assert_eq!(
        post.text,
        "Jadwal posyandu bulan ini #Sukamaju hubungi @kader_posyandu atau situs kami"
    );
    assert_eq!(post.hashtags, ["Sukamaju"]);
    assert_eq!(post.mentions, ["kader_posyandu"]);
    assert_eq!(post.urls, ["https://sukamaju.contoh.id/posyandu"]);
    assert_eq!(time(post), "2024-01-02T01:00:00+00:00");
    let repost = by_id(&r, "1500000001/3");
    assert_eq!(repost.kind, ItemKind::Repost);
    assert_eq!(repost.target.as_deref(), Some("Berita Kota"));
    assert_eq!(repost.text, "Jalan ditutup sementara karena perbaikan");
    assert_eq!(
        by_id(&r, "1500000001/4").media[0].path,
        "photos/photo_1@04-01-2024_10-00-00.jpg"
    );
    let comment = by_id(&r, "1600000002/11");
    assert_eq!(comment.kind, ItemKind::Comment);
    assert_eq!(comment.audience, Audience::Followers);
    let shared = by_id(&r, "222/20");
    assert_eq!(shared.kind, ItemKind::Message);
    assert_eq!(shared.audience, Audience::Direct);
    let loc = shared.location.as_ref().unwrap();
    assert_eq!((loc.lat, loc.lon), (Some(-6.2), Some(106.816666)));
    assert_eq!(loc.origin, LocationOrigin::Geotag);
    // Without `date_unixtime` the local date is read as WIB.
    assert_eq!(time(by_id(&r, "222/22")), "2024-03-01T12:02:00+07:00");
    assert!(r.errors.is_empty(), "{:?}", r.errors);
}

#[test]
fn telegram_single_chat_exports() {
    let (_, r) = read(&fixture("telegram/single"));
    // The chat is named after Rina, so the exporter is Dewi.
    assert_eq!(kinds(&r), BTreeMap::from([("message", 2)]));
    assert_eq!(excluded(&r), [("others_messages", 1)]);
    let link = by_id(&r, "444/3");
    assert_eq!(link.urls, ["https://peta.contoh.id/kantor"]);
    assert_eq!(link.text, "https://peta.contoh.id/kantor ini lokasinya");
    assert!(by_id(&r, "444/4").media.is_empty(), "file not included");

    let (_, group) = read(&fixture("telegram/group"));
    assert!(group.items.is_empty());
    assert_eq!(excluded(&group), [("owner_unknown", 2)]);
    assert!(group.errors[0].message.contains("export the whole account"));
}

#[test]
fn telegram_truncated_result_is_an_error_naming_it() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("telegram/truncated.json"),
        tmp.path().join("result.json"),
    )
    .unwrap();
    let (_, r) = read(tmp.path());
    assert!(r.items.is_empty());
    assert!(r.errors[0].file.ends_with("result.json"));
    assert!(r.errors[0].message.contains("not readable JSON"));
}

#[test]
fn linkedin_export() {
    let (platform, r) = read(&fixture("linkedin"));
    assert_eq!(platform, Platform::Linkedin);
    assert_eq!(
        kinds(&r),
        BTreeMap::from([
            ("comment", 2),
            ("follow", 3),
            ("like", 2),
            ("post", 2),
            ("profile", 1)
        ])
    );
    let share = by_id(&r, "share:7100000000000000001");
    assert_eq!(
        share.text,
        "Alhamdulillah, pelatihan \"Literasi Digital ASN\" selesai hari ini.\n\nTerima kasih @Kominfo dan semua peserta. #ASNBerAKHLAK https://contoh.go.id/pelatihan\nSampai jumpa di angkatan berikutnya!"
    );
    assert_eq!(share.hashtags, ["ASNBerAKHLAK"]);
    assert_eq!(share.urls, ["https://contoh.go.id/pelatihan"]);
    assert_eq!(share.audience, Audience::Public);
    assert_eq!(time(share), "2025-01-10T03:15:00+00:00");
    assert_eq!(
        by_id(&r, "share:7100000000000000002").audience,
        Audience::Followers
    );
    let comment = by_id(&r, "comment-1");
    assert_eq!(
        comment.text,
        "Selamat pak! Kutipan favorit saya: \"melayani dengan hati\"."
    );
    assert!(comment
        .target
        .as_deref()
        .unwrap()
        .contains("7100000000000000010"));
    let like = by_id(&r, "activity:7100000000000000020");
    assert_eq!(like.kind, ItemKind::Like);
    let connection = by_id(&r, "https://www.linkedin.com/in/siti-rahmawati-contoh");
    assert_eq!(connection.kind, ItemKind::Follow);
    assert_eq!(time(connection), "2024-01-15T00:00:00+00:00");
    assert_eq!(
        connection.text,
        "Siti Rahmawati (Analis Kebijakan, Pemkot Bandung)"
    );
    assert_eq!(
        time(by_id(&r, "Kementerian PANRB")),
        "2024-01-01T10:00:00+00:00"
    );
    let profile = by_id(&r, "profile");
    assert_eq!(
        profile.location.as_ref().unwrap().origin,
        LocationOrigin::Profile
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let ad = r
        .files
        .iter()
        .find(|f| f.path.ends_with("Ad_Targeting.csv"))
        .unwrap();
    assert!(matches!(ad.status, FileStatus::Ignored { .. }));
}

#[test]
fn youtube_takeout_in_three_languages() {
    let (platform, r) = read(&fixture("youtube"));
    assert_eq!(platform, Platform::Youtube);
    assert_eq!(kinds(&r), BTreeMap::from([("comment", 4), ("post", 2)]));
    let comment = by_id(&r, "UgxKomentarSatu");
    assert_eq!(
        comment.text,
        "Mantap, jalan di kampung saya sudah mulus #PembangunanMerata"
    );
    assert_eq!(comment.hashtags, ["PembangunanMerata"]);
    assert_eq!(
        comment.permalink.as_deref(),
        Some("https://www.youtube.com/watch?v=vidBandung01&lc=UgxKomentarSatu")
    );
    assert_eq!(time(comment), "2024-08-01T02:30:00.123+00:00");
    assert_eq!(
        by_id(&r, "UgxKomentarSatu.Balasan").target.as_deref(),
        Some("comment UgxKomentarSatu")
    );
    assert_eq!(by_id(&r, "ChatSatu").text, "Merdeka! Dirgahayu Indonesia");
    assert!(by_id(&r, "ChatDua").created_at.is_none());
    let video = by_id(&r, "vidSaya001");
    assert_eq!(video.kind, ItemKind::Post);
    assert_eq!(
        video.text,
        "Tutorial KTP-el\n\nCara mengurus KTP elektronik di kelurahan, lengkap dengan syaratnya."
    );
    assert_eq!(video.audience, Audience::Public);
    assert_eq!(time(video), "2024-07-01T02:00:00+00:00");
    assert_eq!(by_id(&r, "vidSaya002").audience, Audience::Unlisted);
    let history = r.files.iter().find(|f| f.path.contains("histori")).unwrap();
    assert!(
        matches!(&history.status, FileStatus::Ignored { reason } if reason.contains("not the account's own speech"))
    );
    assert_eq!(r.errors.len(), 1);
    assert!(r.errors[0].message.contains("bukan tanggal"));

    let (_, es) = read(&fixture("youtube-es"));
    assert_eq!(
        by_id(&es, "UgyEspanolSatu").text,
        "Semoga lancar acaranya\ndari Jakarta"
    );
    let (_, en) = read(&fixture("youtube-en"));
    assert_eq!(kinds(&en), BTreeMap::from([("comment", 2)]));
    assert_eq!(by_id(&en, "UgwLamaDua").text, "Lokasinya di mana pak?");
}

#[test]
fn reddit_export() {
    let (platform, r) = read(&fixture("reddit"));
    assert_eq!(platform, Platform::Reddit);
    assert_eq!(r.handle.as_deref(), Some("budi_reddit"));
    assert_eq!(
        kinds(&r),
        BTreeMap::from([("comment", 1), ("group", 2), ("like", 2), ("post", 2)])
    );
    assert_eq!(
        excluded(&r),
        [("deleted", 2), ("downvote", 1), ("removed", 1)]
    );
    let post = by_id(&r, "p1abc");
    assert_eq!(
        post.text,
        "Info CPNS 2023\n\nAda yang tahu jadwal tes SKD?\nMohon infonya #CPNS"
    );
    assert_eq!(post.target.as_deref(), Some("r/indonesia"));
    assert_eq!(post.hashtags, ["CPNS"]);
    assert_eq!(time(post), "2023-01-15T12:34:56+00:00");
    assert_eq!(post.audience, Audience::Public);
    assert_eq!(by_id(&r, "c1").target.as_deref(), Some("t3_p9"));
    let vote = by_id(&r, "v1");
    assert_eq!(vote.kind, ItemKind::Like);
    assert_eq!(
        vote.target.as_deref(),
        Some("https://www.reddit.com/r/indonesia/comments/v1/pemilu/")
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
}

#[test]
fn recognise_picks_each_platform_and_not_for_x() {
    let x = Archive::open(&common::example_archive(), Limits::default()).unwrap();
    for reader in platform::readers() {
        if reader.platform() != Platform::Twitter && reader.platform() != Platform::Generic {
            assert_eq!(reader.recognise(x.entries()), 0, "{}", reader.platform());
        }
    }
    for (path, platform) in [
        ("tiktok/basic", Platform::Tiktok),
        ("telegram/account", Platform::Telegram),
        ("linkedin", Platform::Linkedin),
        ("youtube", Platform::Youtube),
        ("youtube-en", Platform::Youtube),
        ("reddit", Platform::Reddit),
    ] {
        let archive = Archive::open(&fixture(path), Limits::default()).unwrap();
        assert_eq!(
            platform::detect(archive.entries()).unwrap().platform(),
            platform,
            "{path}"
        );
    }
    // A lone comments.csv stays the generic reader's.
    let tmp = tempfile::tempdir().unwrap();
    let lone = tmp.path().join("comments.csv");
    std::fs::write(&lone, "id,text\n1,halo\n").unwrap();
    let archive = Archive::open(&lone, Limits::default()).unwrap();
    assert_eq!(
        platform::detect(archive.entries()).unwrap().platform(),
        Platform::Generic
    );
}

#[test]
fn audit_summary_counts_excluded_items() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let code = common::audit(&[fixture("telegram/account").to_str().unwrap()], &out);
    assert!(code == 0 || code == 1, "exit {code}");
    let summary = common::read_json(&out.join("summary.json"));
    let account = &summary["accounts"][0];
    assert_eq!(account["platform"], "telegram");
    assert_eq!(account["excluded"]["others_messages"], 3);
    assert_eq!(account["excluded"]["private"], 3);
    assert_eq!(account["items"]["post"], 2);
}
