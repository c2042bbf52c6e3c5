//! One view over the shapes an archive arrives in: a `.zip` file or a `.tar`/`.tar.gz` file
//! (read in place, never unpacked to disk), an unpacked folder, or a single file.

mod limits;
mod tarball;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub use limits::Limits;

use crate::error::InputError;

/// A file inside an archive.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    /// Path inside the archive with `/` separators (`data/tweets.js`).
    pub path: String,
    /// Uncompressed size in bytes, as the archive declares it.
    pub size: u64,
}

impl Entry {
    /// The last path component, which platforms identify their files by.
    pub fn file_name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
}

enum Storage {
    Zip(Mutex<zip::ZipArchive<File>>),
    Tar(tarball::Tarball),
    Folder(PathBuf),
    Single(PathBuf),
}

/// An opened archive: its entry list and a way to read each entry under size limits.
pub struct Archive {
    path: PathBuf,
    storage: Storage,
    entries: Vec<Entry>,
    limits: Limits,
}

impl Archive {
    /// Opens a `.zip`, a folder, or any other single file.
    pub fn open(path: &Path, limits: Limits) -> Result<Archive, InputError> {
        let shown = path.display().to_string();
        let meta = std::fs::metadata(path)
            .map_err(|e| InputError::new(&shown, format!("cannot be opened: {e}")))?;
        if meta.is_dir() {
            let entries = list_folder(path)?;
            return Ok(Archive {
                path: path.to_path_buf(),
                storage: Storage::Folder(path.to_path_buf()),
                entries,
                limits,
            });
        }
        if is_zip(path) {
            return open_zip(path, limits);
        }
        let gzip = tarball::is_gzip(path);
        if gzip || tarball::is_plain_tar(path) {
            let (tar, entries) = tarball::Tarball::open(path, gzip, limits)?;
            return Ok(Archive {
                path: path.to_path_buf(),
                storage: Storage::Tar(tar),
                entries,
                limits,
            });
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| shown.clone());
        Ok(Archive {
            path: path.to_path_buf(),
            storage: Storage::Single(path.to_path_buf()),
            entries: vec![Entry {
                path: name,
                size: meta.len(),
            }],
            limits,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every file in the archive, sorted by path.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// How an entry is named in messages: `archive.zip!data/tweets.js`.
    pub fn describe(&self, entry_path: &str) -> String {
        match self.storage {
            Storage::Single(_) => self.path.display().to_string(),
            Storage::Folder(_) => self.path.join(entry_path).display().to_string(),
            Storage::Zip(_) | Storage::Tar(_) => {
                format!("{}!{}", self.path.display(), entry_path)
            }
        }
    }

    /// Reads one entry completely, refusing anything above the limits.
    pub fn read(&self, entry_path: &str) -> Result<Vec<u8>, InputError> {
        let mut bytes = Vec::new();
        self.read_into(entry_path, &mut bytes)?;
        Ok(bytes)
    }

    /// Reads one entry completely into `bytes` (emptied first), keeping its allocation (a
    /// tarball's entry comes decompressed and replaces it).
    fn read_into(&self, entry_path: &str, bytes: &mut Vec<u8>) -> Result<(), InputError> {
        bytes.clear();
        let shown = self.describe(entry_path);
        let max = self.limits.max_entry_bytes;
        match &self.storage {
            Storage::Folder(root) => read_file_limited(&root.join(entry_path), max, &shown, bytes),
            Storage::Single(path) => read_file_limited(path, max, &shown, bytes),
            Storage::Tar(tar) => {
                *bytes = tar.read(entry_path, max, &shown)?;
                Ok(())
            }
            Storage::Zip(zip) => {
                let mut zip = zip.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                let file = zip.by_name(entry_path).map_err(|e| {
                    InputError::new(&shown, format!("cannot be read from the zip: {e}"))
                })?;
                if file.size() > max {
                    return Err(too_large(&shown, file.size(), max));
                }
                let declared = file.size();
                bytes.reserve(declared.min(max) as usize);
                // Read one byte past the declared size: an entry that lies about its size is
                // cut at the limit rather than trusted.
                file.take(max + 1).read_to_end(bytes).map_err(|e| {
                    InputError::new(
                        &shown,
                        format!("is damaged (expected a readable zip entry): {e}"),
                    )
                })?;
                if bytes.len() as u64 > max {
                    return Err(too_large(&shown, bytes.len() as u64, max));
                }
                Ok(())
            }
        }
    }

    /// Reads at most the first `max` bytes of an entry: enough for headers (a photo's EXIF
    /// block) without inflating the whole file.
    pub fn read_prefix(&self, entry_path: &str, max: u64) -> Result<Vec<u8>, InputError> {
        let shown = self.describe(entry_path);
        let max = max.min(self.limits.max_entry_bytes);
        let read = |reader: &mut dyn Read| {
            let mut bytes = Vec::new();
            reader
                .take(max)
                .read_to_end(&mut bytes)
                .map(|_| bytes)
                .map_err(|e| InputError::new(&shown, format!("cannot be read: {e}")))
        };
        match &self.storage {
            Storage::Folder(root) => {
                let mut file = File::open(root.join(entry_path))
                    .map_err(|e| InputError::new(&shown, format!("cannot be opened: {e}")))?;
                read(&mut file)
            }
            Storage::Single(path) => {
                let mut file = File::open(path)
                    .map_err(|e| InputError::new(&shown, format!("cannot be opened: {e}")))?;
                read(&mut file)
            }
            Storage::Zip(zip) => {
                let mut zip = zip.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                let mut file = zip.by_name(entry_path).map_err(|e| {
                    InputError::new(&shown, format!("cannot be read from the zip: {e}"))
                })?;
                read(&mut file)
            }
            // A gzip stream cannot seek to a prefix: the entry is read whole (small entries
            // are cached from the listing) and cut.
            Storage::Tar(_) => self.read(entry_path).map(|mut bytes| {
                bytes.truncate(usize::try_from(max).unwrap_or(usize::MAX));
                bytes
            }),
        }
    }

    /// Reads an entry as UTF-8 text; a leading byte-order mark is dropped.
    pub fn read_text(&self, entry_path: &str) -> Result<String, InputError> {
        let bytes = self.read(entry_path)?;
        let mut text =
            String::from_utf8(bytes).map_err(|e| self.not_utf8(entry_path, e.utf8_error()))?;
        if text.starts_with('\u{feff}') {
            text.drain(..3);
        }
        Ok(text)
    }

    /// Reads an entry as UTF-8 text into `buffer`, reusing its allocation: a reader going
    /// through a heavy account's part files one by one then maps fresh memory once, not for
    /// every file. A leading byte-order mark is skipped.
    pub fn read_text_into<'b>(
        &self,
        entry_path: &str,
        buffer: &'b mut Vec<u8>,
    ) -> Result<&'b str, InputError> {
        self.read_into(entry_path, buffer)?;
        let text = std::str::from_utf8(buffer).map_err(|e| self.not_utf8(entry_path, e))?;
        Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
    }

    fn not_utf8(&self, entry_path: &str, error: std::str::Utf8Error) -> InputError {
        InputError::new(
            self.describe(entry_path),
            format!(
                "is not UTF-8 text (invalid byte at offset {}); expected a UTF-8 export file",
                error.valid_up_to()
            ),
        )
    }
}

fn too_large(shown: &str, size: u64, max: u64) -> InputError {
    InputError::new(
        shown,
        format!(
            "is {size} bytes uncompressed, above the limit of {max} bytes; refusing to read it"
        ),
    )
}

/// A zip is recognised by its signature, not its name: people rename downloads.
fn is_zip(path: &Path) -> bool {
    let mut magic = [0u8; 4];
    match File::open(path).and_then(|mut f| f.read_exact(&mut magic)) {
        Ok(()) => magic == *b"PK\x03\x04" || magic == *b"PK\x05\x06",
        Err(_) => path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip")),
    }
}

fn open_zip(path: &Path, limits: Limits) -> Result<Archive, InputError> {
    let shown = path.display().to_string();
    let file =
        File::open(path).map_err(|e| InputError::new(&shown, format!("cannot be opened: {e}")))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| {
        InputError::new(
            &shown,
            format!("is not a readable zip archive ({e}); expected a complete .zip download"),
        )
    })?;
    let mut entries = Vec::with_capacity(zip.len());
    let mut total: u64 = 0;
    for index in 0..zip.len() {
        let file = zip
            .by_index_raw(index)
            .map_err(|e| InputError::new(&shown, format!("has a damaged entry #{index}: {e}")))?;
        if file.is_dir() {
            continue;
        }
        let Some(name) = file
            .enclosed_name()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
        else {
            return Err(InputError::new(
                &shown,
                format!(
                    "has an entry with an unsafe path ({:?}); expected paths inside the archive",
                    file.name()
                ),
            ));
        };
        let size = file.size();
        let packed = file.compressed_size().max(1);
        if size > limits.ratio_floor_bytes && size / packed > limits.max_ratio {
            return Err(InputError::new(
                format!("{shown}!{name}"),
                format!("expands {size} bytes from {packed} (ratio above {}); this looks like a zip bomb", limits.max_ratio),
            ));
        }
        total = total.saturating_add(size);
        entries.push(Entry { path: name, size });
    }
    if total > limits.max_total_bytes {
        return Err(InputError::new(
            &shown,
            format!(
                "holds {total} bytes uncompressed, above the limit of {} bytes",
                limits.max_total_bytes
            ),
        ));
    }
    entries.sort();
    Ok(Archive {
        path: path.to_path_buf(),
        storage: Storage::Zip(Mutex::new(zip)),
        entries,
        limits,
    })
}

fn list_folder(root: &Path) -> Result<Vec<Entry>, InputError> {
    let mut entries = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let listing = std::fs::read_dir(&dir).map_err(|e| {
            InputError::new(dir.display().to_string(), format!("cannot be listed: {e}"))
        })?;
        for entry in listing {
            let entry = entry.map_err(|e| {
                InputError::new(dir.display().to_string(), format!("cannot be listed: {e}"))
            })?;
            let file_type = entry
                .file_type()
                .map_err(|e| InputError::new(entry.path().display().to_string(), e.to_string()))?;
            let path = entry.path();
            // Symbolic links are not followed: an archive folder should not reach outside itself.
            if file_type.is_dir() {
                stack.push(path);
            } else if file_type.is_file() {
                let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
                let relative = path.strip_prefix(root).unwrap_or(&path);
                let name = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                entries.push(Entry { path: name, size });
            }
        }
    }
    entries.sort();
    Ok(entries)
}

fn read_file_limited(
    path: &Path,
    max: u64,
    shown: &str,
    bytes: &mut Vec<u8>,
) -> Result<(), InputError> {
    let file =
        File::open(path).map_err(|e| InputError::new(shown, format!("cannot be opened: {e}")))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > max {
        return Err(too_large(shown, size, max));
    }
    bytes.reserve(size as usize);
    file.take(max + 1)
        .read_to_end(bytes)
        .map_err(|e| InputError::new(shown, format!("cannot be read: {e}")))?;
    if bytes.len() as u64 > max {
        return Err(too_large(shown, bytes.len() as u64, max));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write_zip(path: &Path, files: &[(&str, &[u8])]) {
        let mut zip = zip::ZipWriter::new(File::create(path).unwrap());
        for (name, data) in files {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap();
    }

    #[test]
    fn zip_entries_are_listed_and_read_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.zip");
        write_zip(
            &path,
            &[
                ("data/tweets.js", b"window.YTD = []"),
                ("data/account.js", b"x"),
            ],
        );
        let archive = Archive::open(&path, Limits::default()).unwrap();
        let names: Vec<_> = archive.entries().iter().map(|e| e.path.as_str()).collect();
        assert_eq!(names, ["data/account.js", "data/tweets.js"]);
        assert_eq!(
            archive.read_text("data/tweets.js").unwrap(),
            "window.YTD = []"
        );
    }

    #[test]
    fn entry_above_the_limit_is_refused_with_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.zip");
        write_zip(&path, &[("data/big.js", &[b'a'; 2000])]);
        let limits = Limits {
            max_entry_bytes: 1000,
            ..Limits::default()
        };
        let archive = Archive::open(&path, limits).unwrap();
        let err = archive.read("data/big.js").unwrap_err();
        assert!(err.file.ends_with("a.zip!data/big.js"), "{err}");
        assert!(err.message.contains("above the limit"), "{err}");
    }

    #[test]
    fn highly_compressed_entry_is_treated_as_a_bomb() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bomb.zip");
        write_zip(&path, &[("data/zeros.js", &vec![0u8; 4 * 1024 * 1024])]);
        let limits = Limits {
            max_ratio: 10,
            ratio_floor_bytes: 1024,
            ..Limits::default()
        };
        let err = Archive::open(&path, limits)
            .err()
            .expect("bomb must be refused");
        assert!(err.message.contains("zip bomb"), "{err}");
    }

    #[test]
    fn truncated_zip_gets_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cut.zip");
        write_zip(&path, &[("data/tweets.js", &[b'x'; 5000])]);
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
        let err = Archive::open(&path, Limits::default())
            .err()
            .expect("truncated zip must fail");
        assert!(err.message.contains("not a readable zip"), "{err}");
    }

    #[test]
    fn folder_entries_use_forward_slashes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        std::fs::write(dir.path().join("data/like.js"), "[]").unwrap();
        let archive = Archive::open(dir.path(), Limits::default()).unwrap();
        assert_eq!(archive.entries()[0].path, "data/like.js");
        assert_eq!(archive.entries()[0].file_name(), "like.js");
        assert_eq!(archive.read_text("data/like.js").unwrap(), "[]");
    }

    fn write_tar_gz(path: &Path, files: &[(&str, &[u8])]) {
        let gz = flate2::write::GzEncoder::new(
            File::create(path).unwrap(),
            flate2::Compression::default(),
        );
        let mut tar = ::tar::Builder::new(gz);
        for (name, data) in files {
            let mut header = ::tar::Header::new_gnu();
            header.set_size(data.len() as u64);
            header.set_mode(0o644);
            header.set_cksum();
            tar.append_data(&mut header, name, *data).unwrap();
        }
        tar.into_inner().unwrap().finish().unwrap();
    }

    #[test]
    fn tar_gz_entries_are_listed_with_sizes_and_read_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive-20240101.tar.gz");
        let big = vec![b'x'; (tarball_cache_entry_bytes() + 10) as usize];
        write_tar_gz(
            &path,
            &[
                ("outbox.json", b"{\"orderedItems\": []}"),
                ("media_attachments/files/1/a.jpg", &big),
                ("actor.json", b"{}"),
            ],
        );
        let archive = Archive::open(&path, Limits::default()).unwrap();
        let listed: Vec<_> = archive
            .entries()
            .iter()
            .map(|e| (e.path.as_str(), e.size))
            .collect();
        assert_eq!(
            listed,
            [
                ("actor.json", 2),
                ("media_attachments/files/1/a.jpg", big.len() as u64),
                ("outbox.json", 20),
            ]
        );
        assert_eq!(
            archive.read_text("outbox.json").unwrap(),
            "{\"orderedItems\": []}"
        );
        // Too big for the cache: re-streamed from the start.
        assert_eq!(
            archive.read("media_attachments/files/1/a.jpg").unwrap(),
            big
        );
        assert_eq!(
            archive.describe("actor.json"),
            format!("{}!actor.json", path.display())
        );
        let limits = Limits {
            max_entry_bytes: 100,
            ..Limits::default()
        };
        let small = Archive::open(&path, limits).unwrap();
        let err = small.read("media_attachments/files/1/a.jpg").unwrap_err();
        assert!(err.message.contains("above the limit"), "{err}");
        assert_eq!(small.read_text("actor.json").unwrap(), "{}");
    }

    #[test]
    fn plain_tar_is_read_at_its_offsets() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.tar");
        let mut tar = ::tar::Builder::new(File::create(&path).unwrap());
        let big = vec![b'y'; (tarball_cache_entry_bytes() + 1) as usize];
        for (name, data) in [("a/likes.json", &b"[1]"[..]), ("a/big.bin", &big[..])] {
            let mut header = ::tar::Header::new_ustar();
            header.set_size(data.len() as u64);
            header.set_cksum();
            tar.append_data(&mut header, name, data).unwrap();
        }
        tar.finish().unwrap();
        drop(tar);
        let archive = Archive::open(&path, Limits::default()).unwrap();
        assert_eq!(archive.entries().len(), 2);
        assert_eq!(archive.read_text("a/likes.json").unwrap(), "[1]");
        assert_eq!(archive.read("a/big.bin").unwrap(), big);
    }

    #[test]
    fn corrupt_tar_gz_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rusak.tar.gz");
        let noise: Vec<u8> = (0..20_000u32).map(|i| (i * 7919 % 251) as u8).collect();
        write_tar_gz(&path, &[("outbox.json", &noise)]);
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
        let err = Archive::open(&path, Limits::default())
            .err()
            .expect("a cut tar.gz must fail");
        assert!(err.file.ends_with("rusak.tar.gz"), "{err}");
        assert!(err.message.contains("tar"), "{err}");

        let garbage = dir.path().join("sampah.tgz");
        std::fs::write(&garbage, b"\x1f\x8b\x08\x00 bukan gzip sama sekali").unwrap();
        let err = Archive::open(&garbage, Limits::default())
            .err()
            .expect("garbage must fail");
        assert!(err.file.ends_with("sampah.tgz"), "{err}");
        assert!(err.message.contains("not a readable tar archive"), "{err}");
    }

    #[test]
    fn tar_gz_bomb_is_refused_while_listing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bomb.tar.gz");
        write_tar_gz(&path, &[("zeros.json", &vec![0u8; 4 * 1024 * 1024])]);
        let limits = Limits {
            max_ratio: 10,
            ratio_floor_bytes: 1024,
            ..Limits::default()
        };
        let err = Archive::open(&path, limits)
            .err()
            .expect("bomb must be refused");
        assert!(err.message.contains("zip bomb"), "{err}");
        let limits = Limits {
            max_total_bytes: 1000,
            ..Limits::default()
        };
        let err = Archive::open(&path, limits).err().expect("too big");
        assert!(err.message.contains("above the limit"), "{err}");
    }

    #[test]
    fn tar_entries_reaching_outside_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jahat.tar");
        let mut bytes = Vec::new();
        {
            let mut tar = ::tar::Builder::new(&mut bytes);
            let mut header = ::tar::Header::new_ustar();
            header.as_ustar_mut().unwrap().name[..13].copy_from_slice(b"../escape.txt");
            header.set_size(1);
            header.set_cksum();
            tar.append(&header, &b"x"[..]).unwrap();
            tar.finish().unwrap();
        }
        std::fs::write(&path, bytes).unwrap();
        let err = Archive::open(&path, Limits::default())
            .err()
            .expect("unsafe");
        assert!(err.message.contains("unsafe path"), "{err}");
    }

    fn tarball_cache_entry_bytes() -> u64 {
        tarball::CACHE_ENTRY_BYTES
    }
}
