//! The photo-EXIF pass shared by every platform: an item's photos often carry the GPS point
//! they were taken at even when the post has no geotag, and the archive holds the photos.
//!
//! For every item's `media` path that names a JPEG, TIFF or HEIC file inside the archive and
//! has no GPS yet, the file's EXIF is read (kamadak-exif), GPSLatitude/GPSLongitude with their
//! refs become decimal degrees in `Media::gps`, and an item without a location gets one with
//! origin `photo_exif`. It runs once per archive, after the platform reader, so every reader
//! benefits without calling it.
//!
//! Decisions:
//! - A media path is looked up beside the item's source file first (Telegram's `photos/…` is
//!   relative to `result.json`), then from the archive root (Instagram's and Facebook's `uri`),
//!   then as the end of any entry's path (a wrapper folder the export did not name); the
//!   shortest match wins. Paths that are URLs or not in the archive are skipped.
//! - Each file is read once, however many items name it. JPEG keeps EXIF in its first
//!   segments, so only the first 512 KiB are read (all of it if that is not enough); TIFF and
//!   HEIC can put EXIF anywhere and are read whole, under the archive's size limits.
//! - A photo without EXIF or without GPS is normal and says nothing. A photo that cannot be
//!   read or parsed is an `InputError` naming the file; past `MAX_ERRORS` files the rest are
//!   counted in one more error, so a thousand damaged photos do not drown the report.

use std::collections::{BTreeSet, HashMap};
use std::io::Cursor;

use exif::{Exif, In, Rational, Tag, Value};

use crate::archive::{Archive, Entry};
use crate::error::InputError;
use crate::model::{Item, Location, LocationOrigin};
use crate::platform::Reading;

/// JPEG EXIF sits in an APP1 segment of at most 64 KiB near the start of the file.
const JPEG_PREFIX: u64 = 512 * 1024;
/// Damaged photos reported one by one; the rest are counted in one error.
const MAX_ERRORS: usize = 20;

/// What the pass did, for tests and `inspect`-style reporting.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ExifStats {
    /// Photo files read.
    pub photos_read: usize,
    /// Photos whose EXIF held a usable GPS point.
    pub with_gps: usize,
    /// Photos that could not be read or parsed.
    pub failed: usize,
    /// Items that got their location from a photo.
    pub located: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Jpeg,
    Whole,
}

fn format_of(path: &str) -> Option<Format> {
    let (_, extension) = path.rsplit_once('.')?;
    match extension.to_ascii_lowercase().as_str() {
        "jpg" | "jpeg" | "jfif" | "jpe" => Some(Format::Jpeg),
        "tif" | "tiff" | "heic" | "heif" => Some(Format::Whole),
        _ => None,
    }
}

/// Reads the GPS of every photo the reading's items name, and fills their locations.
pub fn apply_exif(archive: &Archive, reading: &mut Reading) -> ExifStats {
    let mut pass = ExifPass::new(archive);
    pass.apply(&mut reading.items);
    let (stats, errors) = pass.finish();
    reading.errors.extend(errors);
    stats
}

/// The EXIF pass over an archive whose items come in batches: each photo is read once however
/// many batches name it, and damaged photos are reported together at the end.
pub struct ExifPass<'a> {
    archive: &'a Archive,
    /// Built on the first batch that names a photo: most archives name none.
    lookup: Option<Lookup<'a>>,
    /// Entry path → GPS point, filled once per photo.
    known: HashMap<&'a str, Option<(f64, f64)>>,
    errors: Vec<InputError>,
    stats: ExifStats,
}

impl<'a> ExifPass<'a> {
    pub fn new(archive: &'a Archive) -> ExifPass<'a> {
        ExifPass {
            archive,
            lookup: None,
            known: HashMap::new(),
            errors: Vec::new(),
            stats: ExifStats::default(),
        }
    }

    /// Fills the photo GPS of the items of one batch.
    pub fn apply(&mut self, items: &mut [Item]) {
        let photos = |item: &Item| {
            item.media
                .iter()
                .any(|m| m.gps.is_none() && format_of(&m.path).is_some())
        };
        if !items.iter().any(photos) {
            return;
        }
        let archive = self.archive;
        let lookup = self
            .lookup
            .get_or_insert_with(|| Lookup::new(archive.entries()));
        // Each batch's photos are read in path order.
        let mut wanted: BTreeSet<&'a str> = BTreeSet::new();
        let mut resolved: Vec<Vec<Option<&'a str>>> = Vec::with_capacity(items.len());
        for item in items.iter() {
            let folder = item.source.file.rsplit_once('/').map(|(d, _)| d);
            let paths = item
                .media
                .iter()
                .map(|m| {
                    if m.gps.is_some() || format_of(&m.path).is_none() {
                        return None;
                    }
                    let found = lookup.find(&m.path, folder)?;
                    if !self.known.contains_key(found) {
                        wanted.insert(found);
                    }
                    Some(found)
                })
                .collect();
            resolved.push(paths);
        }
        for path in wanted {
            let point = match read_gps(archive, path, lookup.size(path)) {
                Ok(point) => {
                    self.stats.photos_read += 1;
                    self.stats.with_gps += usize::from(point.is_some());
                    point
                }
                Err(error) => {
                    self.stats.failed += 1;
                    self.errors.push(error);
                    None
                }
            };
            self.known.insert(path, point);
        }
        for (item, paths) in items.iter_mut().zip(resolved) {
            for (media, path) in item.media.iter_mut().zip(paths) {
                let Some(point) = path.and_then(|p| self.known.get(p).copied().flatten()) else {
                    continue;
                };
                media.gps = Some(point);
                if item.location.is_none() {
                    item.location = Some(Location {
                        lat: Some(point.0),
                        lon: Some(point.1),
                        name: None,
                        origin: LocationOrigin::PhotoExif,
                    });
                    self.stats.located += 1;
                }
            }
        }
    }

    /// What the pass did, and the photos that could not be read: past `MAX_ERRORS` the rest
    /// are counted in one more error.
    pub fn finish(self) -> (ExifStats, Vec<InputError>) {
        let mut errors = self.errors;
        // The same errors are kept however the items came in batches.
        errors.sort();
        if errors.len() > MAX_ERRORS {
            let rest = errors.len() - MAX_ERRORS;
            errors.truncate(MAX_ERRORS);
            errors.push(InputError::new(
                self.archive.path().display().to_string(),
                format!("{rest} more photos could not be read for their EXIF data (see the errors above for the kind of damage)"),
            ));
        }
        (self.stats, errors)
    }
}

/// Finds a media path among the archive's entries.
struct Lookup<'a> {
    exact: HashMap<&'a str, u64>,
    /// Lower-case file name → entry paths with that name.
    by_name: HashMap<String, Vec<&'a str>>,
}

impl<'a> Lookup<'a> {
    fn new(entries: &'a [Entry]) -> Lookup<'a> {
        let mut exact = HashMap::with_capacity(entries.len());
        let mut by_name: HashMap<String, Vec<&'a str>> = HashMap::new();
        for entry in entries.iter().filter(|e| format_of(&e.path).is_some()) {
            exact.insert(entry.path.as_str(), entry.size);
            by_name
                .entry(entry.file_name().to_ascii_lowercase())
                .or_default()
                .push(entry.path.as_str());
        }
        Lookup { exact, by_name }
    }

    fn size(&self, path: &str) -> u64 {
        self.exact.get(path).copied().unwrap_or(0)
    }

    fn find(&self, media: &str, folder: Option<&str>) -> Option<&'a str> {
        if media.contains("://") {
            return None;
        }
        let media = media.trim().replace('\\', "/");
        let media = media.trim_start_matches("./").trim_start_matches('/');
        if media.is_empty() {
            return None;
        }
        let beside = folder.map(|f| format!("{f}/{media}"));
        for candidate in beside.as_deref().into_iter().chain([media]) {
            if let Some((path, _)) = self.exact.get_key_value(candidate) {
                return Some(path);
            }
        }
        let name = media.rsplit('/').next()?.to_ascii_lowercase();
        let suffix = format!("/{media}");
        self.by_name
            .get(&name)?
            .iter()
            .copied()
            .filter(|p| p.ends_with(&suffix))
            .min_by_key(|p| (p.len(), *p))
    }
}

/// The GPS point of one photo; `Ok(None)` when it has no EXIF or no GPS.
fn read_gps(archive: &Archive, path: &str, size: u64) -> Result<Option<(f64, f64)>, InputError> {
    let damaged = |e: &dyn std::fmt::Display| {
        InputError::new(
            archive.describe(path),
            format!(
                "is not a readable photo ({e}); expected a JPEG, TIFF or HEIC image with EXIF data"
            ),
        )
    };
    let format = format_of(path).unwrap_or(Format::Whole);
    let partial = format == Format::Jpeg && size > JPEG_PREFIX;
    let bytes = if partial {
        archive.read_prefix(path, JPEG_PREFIX)?
    } else {
        archive.read(path)?
    };
    match parse_exif(bytes) {
        Ok(exif) => Ok(exif.as_ref().and_then(gps_of)),
        // The EXIF block did not fit in the prefix: read the whole photo after all.
        Err(_) if partial => match parse_exif(archive.read(path)?) {
            Ok(exif) => Ok(exif.as_ref().and_then(gps_of)),
            Err(e) => Err(damaged(&e)),
        },
        Err(e) => Err(damaged(&e)),
    }
}

/// Parses a photo's EXIF; `Ok(None)` when the photo has none. A panic inside the parser on a
/// hostile file is turned into an error rather than ending the run.
fn parse_exif(bytes: Vec<u8>) -> Result<Option<Exif>, String> {
    let parsed = std::panic::catch_unwind(move || {
        exif::Reader::new().read_from_container(&mut Cursor::new(bytes))
    })
    .map_err(|_| "the EXIF parser failed on it".to_string())?;
    match parsed {
        Ok(exif) => Ok(Some(exif)),
        Err(exif::Error::NotFound(_)) | Err(exif::Error::BlankValue(_)) => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// GPSLatitude/GPSLongitude with their refs, as decimal degrees; `None` when either is
/// missing, malformed, out of range or the (0, 0) placeholder of cameras without a fix.
pub fn gps_of(exif: &Exif) -> Option<(f64, f64)> {
    let coordinate = |tag: Tag, reference: Tag| {
        let field = exif.get_field(tag, In::PRIMARY)?;
        let Value::Rational(parts) = &field.value else {
            return None;
        };
        let reference = exif
            .get_field(reference, In::PRIMARY)
            .and_then(|f| match &f.value {
                Value::Ascii(texts) => texts.first().and_then(|t| t.first().copied()),
                _ => None,
            });
        decimal_degrees(parts, reference)
    };
    let lat = coordinate(Tag::GPSLatitude, Tag::GPSLatitudeRef)?;
    let lon = coordinate(Tag::GPSLongitude, Tag::GPSLongitudeRef)?;
    let valid = (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon)
        && !(lat == 0.0 && lon == 0.0);
    valid.then_some((lat, lon))
}

/// Degrees, minutes, seconds (any of the last two may be absent) to decimal degrees; the
/// southern and western refs (`S`, `W`) are negative.
pub fn decimal_degrees(parts: &[Rational], reference: Option<u8>) -> Option<f64> {
    if parts.is_empty() || parts.len() > 3 || parts.iter().any(|r| r.denom == 0) {
        return None;
    }
    let value: f64 = parts
        .iter()
        .zip([1.0, 60.0, 3600.0])
        .map(|(r, scale)| r.to_f64() / scale)
        .sum();
    if !value.is_finite() {
        return None;
    }
    Some(match reference {
        Some(b'S' | b's' | b'W' | b'w') => -value,
        _ => value,
    })
}

/// A tiny JPEG holding only an EXIF block with a GPS point, for tests: no image data is
/// needed to carry EXIF. `lat`/`lon` are (degrees, minutes, seconds × 100).
#[cfg(test)]
pub(crate) fn jpeg_with_gps(lat_ref: &str, lat: [u32; 3], lon_ref: &str, lon: [u32; 3]) -> Vec<u8> {
    use exif::Field;
    let dms = |v: [u32; 3]| {
        Value::Rational(vec![
            Rational::from((v[0], 1)),
            Rational::from((v[1], 1)),
            Rational::from((v[2], 100)),
        ])
    };
    let ascii = |s: &str| Value::Ascii(vec![s.as_bytes().to_vec()]);
    let fields = [
        Field {
            tag: Tag::GPSLatitudeRef,
            ifd_num: In::PRIMARY,
            value: ascii(lat_ref),
        },
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: dms(lat),
        },
        Field {
            tag: Tag::GPSLongitudeRef,
            ifd_num: In::PRIMARY,
            value: ascii(lon_ref),
        },
        Field {
            tag: Tag::GPSLongitude,
            ifd_num: In::PRIMARY,
            value: dms(lon),
        },
    ];
    let mut writer = exif::experimental::Writer::new();
    for field in &fields {
        writer.push_field(field);
    }
    let mut tiff = Cursor::new(Vec::new());
    writer.write(&mut tiff, false).expect("EXIF is written");
    let tiff = tiff.into_inner();
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE1];
    let length = u16::try_from(2 + 6 + tiff.len()).expect("a small EXIF block");
    jpeg.extend(length.to_be_bytes());
    jpeg.extend(b"Exif\0\0");
    jpeg.extend(tiff);
    jpeg.extend([0xFF, 0xD9]);
    jpeg
}

#[cfg(test)]
mod tests;
