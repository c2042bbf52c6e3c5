//! `.tar`, `.tar.gz` and `.tgz` archives (Mastodon's export is a `.tar.gz`), read in place like
//! a zip: listed once, each entry read under the size limits, nothing unpacked to disk.
//!
//! Trade-off: a gzip stream cannot seek, so finding one entry means decompressing everything
//! before it. Listing has to decompress the whole stream anyway (tar has no central directory),
//! so while listing, small entries (the JSON files readers want, at most
//! `CACHE_ENTRY_BYTES` each and `CACHE_TOTAL_BYTES` together) are kept in memory and served
//! from there. A larger entry is re-streamed from the start of the file when asked for: slow
//! for a huge archive, but memory stays bounded by the limits instead of the archive's size.
//! A plain `.tar` can seek, so its entries are read at their recorded offset.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Component, Path, PathBuf};

use flate2::read::MultiGzDecoder;

use super::{too_large, Entry, Limits};
use crate::error::InputError;

/// Entries up to this size are kept from the listing pass.
pub(super) const CACHE_ENTRY_BYTES: u64 = 8 * 1024 * 1024;
/// At most this much is kept in memory per archive.
const CACHE_TOTAL_BYTES: u64 = 64 * 1024 * 1024;

/// True when the file starts like a gzip stream.
pub fn is_gzip(path: &Path) -> bool {
    let mut magic = [0u8; 2];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok_and(|()| magic == [0x1f, 0x8b])
}

/// True when the file is an uncompressed tar: the POSIX `ustar` magic, or an old-style tar
/// named `.tar`.
pub fn is_plain_tar(path: &Path) -> bool {
    let mut header = [0u8; 262];
    let magic = File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok_and(|()| &header[257..262] == b"ustar");
    magic
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("tar"))
}

pub struct Tarball {
    path: PathBuf,
    gzip: bool,
    /// Entry path → where its data starts in the (uncompressed) tar stream, and its size.
    offsets: HashMap<String, (u64, u64)>,
    cache: HashMap<String, Vec<u8>>,
}

impl Tarball {
    /// Lists the archive (one pass over the stream) and keeps the small entries.
    pub fn open(
        path: &Path,
        gzip: bool,
        limits: Limits,
    ) -> Result<(Tarball, Vec<Entry>), InputError> {
        let shown = path.display().to_string();
        let expected = if gzip {
            "expected a complete .tar.gz download"
        } else {
            "expected a complete .tar archive"
        };
        let damaged = |e: std::io::Error| {
            InputError::new(
                &shown,
                format!("is not a readable tar archive ({e}); {expected}"),
            )
        };
        let file = File::open(path)
            .map_err(|e| InputError::new(&shown, format!("cannot be opened: {e}")))?;
        let packed = file.metadata().map(|m| m.len()).unwrap_or(0).max(1);
        let mut archive = tar::Archive::new(stream(file, gzip));
        let mut entries = Vec::new();
        let mut offsets = HashMap::new();
        let mut cache = HashMap::new();
        let mut cached: u64 = 0;
        let mut total: u64 = 0;
        for entry in archive.entries().map_err(damaged)? {
            let mut entry = entry.map_err(damaged)?;
            if !entry.header().entry_type().is_file() {
                continue;
            }
            let name = safe_name(&entry.path().map_err(damaged)?).ok_or_else(|| {
                InputError::new(
                    &shown,
                    format!(
                        "has an entry with an unsafe path ({:?}); expected paths inside the archive",
                        String::from_utf8_lossy(&entry.path_bytes())
                    ),
                )
            })?;
            let size = entry.size();
            total = total.saturating_add(size);
            // Checked while listing, so a bomb is stopped before it is all decompressed.
            if total > limits.max_total_bytes {
                return Err(InputError::new(
                    &shown,
                    format!(
                        "holds more than {} bytes uncompressed, above the limit; refusing to read it",
                        limits.max_total_bytes
                    ),
                ));
            }
            if gzip && total > limits.ratio_floor_bytes && total / packed > limits.max_ratio {
                return Err(InputError::new(
                    &shown,
                    format!(
                        "expands to over {total} bytes from {packed} (ratio above {}); this looks like a zip bomb",
                        limits.max_ratio
                    ),
                ));
            }
            if offsets.contains_key(&name) {
                // A repeated name: the first one wins, as a re-stream would find it first.
                continue;
            }
            offsets.insert(name.clone(), (entry.raw_file_position(), size));
            if size <= CACHE_ENTRY_BYTES
                && size <= limits.max_entry_bytes
                && cached + size <= CACHE_TOTAL_BYTES
            {
                let mut bytes = Vec::with_capacity(size as usize);
                (&mut entry)
                    .take(size)
                    .read_to_end(&mut bytes)
                    .map_err(damaged)?;
                if bytes.len() as u64 != size {
                    return Err(InputError::new(
                        format!("{shown}!{name}"),
                        format!(
                            "ends after {} of its {size} bytes (cut off?); {expected}",
                            bytes.len()
                        ),
                    ));
                }
                cached += size;
                cache.insert(name.clone(), bytes);
            }
            entries.push(Entry { path: name, size });
        }
        entries.sort();
        Ok((
            Tarball {
                path: path.to_path_buf(),
                gzip,
                offsets,
                cache,
            },
            entries,
        ))
    }

    /// Reads one entry completely, refusing anything above `max` bytes.
    pub fn read(&self, entry_path: &str, max: u64, shown: &str) -> Result<Vec<u8>, InputError> {
        if let Some(bytes) = self.cache.get(entry_path) {
            return Ok(bytes.clone());
        }
        let Some(&(offset, size)) = self.offsets.get(entry_path) else {
            return Err(InputError::new(shown, "is not in the tar archive"));
        };
        if size > max {
            return Err(too_large(shown, size, max));
        }
        let damaged = |e: std::io::Error| {
            InputError::new(
                shown,
                format!("is damaged (expected a readable tar entry): {e}"),
            )
        };
        let mut file = File::open(&self.path)
            .map_err(|e| InputError::new(shown, format!("cannot be opened: {e}")))?;
        if !self.gzip {
            file.seek(SeekFrom::Start(offset)).map_err(damaged)?;
            return read_limited(file.take(size), max, shown);
        }
        let mut archive = tar::Archive::new(stream(file, true));
        for entry in archive.entries().map_err(damaged)? {
            let entry = entry.map_err(damaged)?;
            if entry.raw_file_position() == offset {
                return read_limited(entry, max, shown);
            }
        }
        Err(InputError::new(shown, "is no longer in the tar archive"))
    }
}

fn stream(file: File, gzip: bool) -> Box<dyn Read> {
    let file = std::io::BufReader::new(file);
    if gzip {
        // Multi-member: `cat a.gz b.gz` and some archivers' output are one valid stream.
        Box::new(MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    }
}

fn read_limited(entry: impl Read, max: u64, shown: &str) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    entry.take(max + 1).read_to_end(&mut bytes).map_err(|e| {
        InputError::new(
            shown,
            format!("is damaged (expected a readable tar entry): {e}"),
        )
    })?;
    if bytes.len() as u64 > max {
        return Err(too_large(shown, bytes.len() as u64, max));
    }
    Ok(bytes)
}

/// The entry's path with `/` separators, or `None` when it would reach outside the archive.
fn safe_name(path: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}
