//! The EXIF pass on photos built in the test: decimal conversion, lookup of media paths,
//! one read per photo, and damaged photos reported by name.

use std::fs;
use std::path::Path;

use exif::Rational;

use super::{apply_exif, decimal_degrees, jpeg_with_gps, ExifStats};
use crate::archive::{Archive, Limits};
use crate::model::{Item, ItemKind, Location, LocationOrigin, Media, Platform, SourceRef};
use crate::platform::Reading;

fn r(n: u32, d: u32) -> Rational {
    Rational::from((n, d))
}

#[test]
fn degrees_minutes_seconds_to_decimal_with_refs() {
    let monas_lat = [r(6, 1), r(10, 1), r(3141, 100)];
    let lat = decimal_degrees(&monas_lat, Some(b'S')).unwrap();
    assert!((lat - -6.175392).abs() < 1e-6, "{lat}");
    let lon = decimal_degrees(&[r(106, 1), r(49, 1), r(3775, 100)], Some(b'E')).unwrap();
    assert!((lon - 106.827153).abs() < 1e-6, "{lon}");
    let west = decimal_degrees(&[r(79, 1), r(58, 1), r(56, 1)], Some(b'W')).unwrap();
    assert!((west - -79.982222).abs() < 1e-6, "{west}");
    let north = decimal_degrees(&[r(40, 1), r(2676, 100)], Some(b'N')).unwrap();
    assert!((north - 40.446).abs() < 1e-9, "{north}");
    // Decimal degrees in one rational, no ref: positive.
    assert_eq!(decimal_degrees(&[r(1105, 10)], None), Some(110.5));
    assert_eq!(
        decimal_degrees(&[r(6, 0), r(1, 1), r(1, 1)], Some(b'S')),
        None
    );
    assert_eq!(decimal_degrees(&[], Some(b'S')), None);
}

fn item(file: &str, media: &[&str]) -> Item {
    let mut item = Item::new(
        Platform::Instagram,
        ItemKind::Post,
        format!("{file}#1"),
        SourceRef {
            file: file.into(),
            position: 1,
        },
    );
    item.media = media
        .iter()
        .map(|p| Media {
            path: (*p).into(),
            gps: None,
        })
        .collect();
    item
}

fn write(root: &Path, path: &str, bytes: &[u8]) {
    let target = root.join(path);
    fs::create_dir_all(target.parent().unwrap()).unwrap();
    fs::write(target, bytes).unwrap();
}

#[test]
fn photos_in_the_archive_give_their_items_a_location() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Jakarta (S, E) and a photo west of Greenwich (N, W).
    write(
        root,
        "ig/media/posts/202401/monas.jpg",
        &jpeg_with_gps("S", [6, 10, 3141], "E", [106, 49, 3775]),
    );
    write(
        root,
        "ig/media/posts/202401/barat.JPEG",
        &jpeg_with_gps("N", [40, 26, 4600], "W", [79, 58, 5600]),
    );
    write(
        root,
        "ig/media/posts/202401/rusak.jpg",
        b"\xFF\xD8\xFF\xE1\x00",
    );
    write(
        root,
        "ig/media/posts/202401/tanpa-exif.jpg",
        b"\xFF\xD8\xFF\xD9",
    );
    write(root, "ig/content/posts_1.json", b"[]");
    let archive = Archive::open(root, Limits::default()).unwrap();

    let mut located = item("ig/content/posts_1.json", &["media/posts/202401/monas.jpg"]);
    let mut already = item("ig/content/posts_1.json", &["media/posts/202401/monas.jpg"]);
    already.location = Some(Location {
        lat: None,
        lon: None,
        name: Some("Kantor Gubernur".into()),
        origin: LocationOrigin::Geotag,
    });
    let several = item(
        "ig/content/posts_1.json",
        &[
            "https://contoh.id/a.jpg",
            "media/posts/202401/tidak-ada.jpg",
            "media/posts/202401/tanpa-exif.jpg",
            "media/posts/202401/barat.JPEG",
            "media/posts/202401/rusak.jpg",
            "media/video.mp4",
        ],
    );
    located.id = "a".into();
    let mut reading = Reading {
        items: vec![located, already, several],
        ..Reading::default()
    };
    let stats = apply_exif(&archive, &mut reading);
    assert_eq!(
        stats,
        ExifStats {
            photos_read: 3,
            with_gps: 2,
            failed: 1,
            located: 2,
        }
    );
    let [located, already, several] = &reading.items[..] else {
        panic!()
    };
    let loc = located.location.as_ref().unwrap();
    assert_eq!(loc.origin, LocationOrigin::PhotoExif);
    assert!((loc.lat.unwrap() - -6.175392).abs() < 1e-6);
    assert!((loc.lon.unwrap() - 106.827153).abs() < 1e-6);
    assert_eq!(
        located.media[0].gps,
        Some((loc.lat.unwrap(), loc.lon.unwrap()))
    );
    // A tagged place stays; the photo's GPS is still recorded on the media.
    assert_eq!(
        already.location.as_ref().unwrap().origin,
        LocationOrigin::Geotag
    );
    assert!(already.media[0].gps.is_some());
    assert_eq!(already.coordinates().len(), 1);
    let gps: Vec<_> = several.media.iter().map(|m| m.gps.is_some()).collect();
    assert_eq!(gps, [false, false, false, true, false, false]);
    let (lat, lon) = several.media[3].gps.unwrap();
    assert!(lat > 40.0 && lon < -79.0, "{lat} {lon}");
    assert_eq!(
        several.location.as_ref().unwrap().origin,
        LocationOrigin::PhotoExif
    );
    // The damaged photo is one error naming it.
    assert_eq!(reading.errors.len(), 1, "{:?}", reading.errors);
    assert!(
        reading.errors[0].file.ends_with("rusak.jpg"),
        "{:?}",
        reading.errors
    );
    assert!(reading.errors[0].message.contains("not a readable photo"));
}

#[test]
fn media_paths_are_found_beside_the_source_file_and_under_wrappers() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let photo = jpeg_with_gps("S", [7, 15, 2700], "E", [112, 45, 700]);
    write(root, "ChatExport_2024/photos/photo_1.jpg", &photo);
    write(root, "wrap/deep/media/stories/s.jpg", &photo);
    let archive = Archive::open(root, Limits::default()).unwrap();
    let mut reading = Reading {
        items: vec![
            item("ChatExport_2024/result.json", &["photos/photo_1.jpg"]),
            item("posts_1.json", &["media/stories/s.jpg"]),
            item("posts_1.json", &["stories/s.jpg", "s.jpg"]),
        ],
        ..Reading::default()
    };
    let stats = apply_exif(&archive, &mut reading);
    assert_eq!(stats.photos_read, 2, "each photo is read once");
    assert!(reading.items.iter().all(|i| i.location.is_some()));
    assert!(reading.errors.is_empty());
}

#[test]
fn a_large_jpeg_is_read_past_the_prefix_when_needed() {
    let dir = tempfile::tempdir().unwrap();
    // EXIF after a big comment segment chain: the prefix is not enough, the whole file is.
    let mut photo = vec![0xFF, 0xD8];
    for _ in 0..12 {
        photo.extend([0xFF, 0xFE, 0xFF, 0xFF]);
        photo.extend(std::iter::repeat_n(b'x', 0xFFFF - 2));
    }
    photo.extend(&jpeg_with_gps("S", [8, 39, 0], "E", [115, 13, 0])[2..]);
    write(dir.path(), "p.jpg", &photo);
    let archive = Archive::open(dir.path(), Limits::default()).unwrap();
    let mut reading = Reading {
        items: vec![item("posts_1.json", &["p.jpg"])],
        ..Reading::default()
    };
    apply_exif(&archive, &mut reading);
    assert!(reading.errors.is_empty(), "{:?}", reading.errors);
    assert!(reading.items[0].location.is_some());
}
