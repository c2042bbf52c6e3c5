//! Where an archive's files go: a folder tree or one `.zip`, one file open at a time and
//! written as it is produced, so memory stays flat whatever the archive's size.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::ZipWriter;

pub enum Sink {
    Folder {
        root: PathBuf,
        current: Option<BufWriter<File>>,
    },
    // Boxed: the zip writer's state is several times the folder variant's.
    Zip {
        zip: Box<ZipWriter<BufWriter<File>>>,
        large: bool,
    },
}

/// An archive being written; counts the uncompressed bytes of every file.
pub struct Out {
    sink: Sink,
    pub bytes: u64,
    /// Bytes of the file currently open (for splitting into parts).
    pub file_bytes: u64,
}

impl Out {
    pub fn folder(root: &Path) -> io::Result<Out> {
        std::fs::create_dir_all(root)?;
        Ok(Out::new(Sink::Folder {
            root: root.to_owned(),
            current: None,
        }))
    }

    /// `large`: entries may pass 4 GiB, so they need zip64 headers.
    pub fn zip(path: &Path, large: bool) -> io::Result<Out> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let file = BufWriter::with_capacity(1 << 20, File::create(path)?);
        Ok(Out::new(Sink::Zip {
            zip: Box::new(ZipWriter::new(file)),
            large,
        }))
    }

    fn new(sink: Sink) -> Out {
        Out {
            sink,
            bytes: 0,
            file_bytes: 0,
        }
    }

    /// Closes the open file (if any) and opens `path` (relative, `/`-separated).
    pub fn start(&mut self, path: &str) -> io::Result<()> {
        self.file_bytes = 0;
        match &mut self.sink {
            Sink::Folder { root, current } => {
                if let Some(mut open) = current.take() {
                    open.flush()?;
                }
                let full = root.join(path);
                if let Some(parent) = full.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                *current = Some(BufWriter::with_capacity(1 << 20, File::create(full)?));
                Ok(())
            }
            Sink::Zip { zip, large } => {
                // Level 1: exports are deflated, but the benchmark needs gigabytes in
                // minutes; the fastest level still gives real compressed entries.
                let options = SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Deflated)
                    .compression_level(Some(1))
                    .large_file(*large);
                zip.start_file(path, options).map_err(io::Error::other)
            }
        }
    }

    /// Writes a whole small file.
    pub fn file(&mut self, path: &str, contents: &str) -> io::Result<()> {
        self.start(path)?;
        self.write_all(contents.as_bytes())
    }

    pub fn finish(self) -> io::Result<()> {
        match self.sink {
            Sink::Folder { current, .. } => {
                if let Some(mut open) = current {
                    open.flush()?;
                }
                Ok(())
            }
            Sink::Zip { zip, .. } => {
                let mut file = zip.finish().map_err(io::Error::other)?;
                file.flush()
            }
        }
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = match &mut self.sink {
            Sink::Folder { current, .. } => current
                .as_mut()
                .ok_or_else(|| io::Error::other("no file started"))?
                .write(buf)?,
            Sink::Zip { zip, .. } => zip.write(buf)?,
        };
        self.bytes += written as u64;
        self.file_bytes += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Folder { current, .. } => current.as_mut().map_or(Ok(()), |c| c.flush()),
            Sink::Zip { zip, .. } => zip.flush(),
        }
    }
}

/// Appends `s` as a JSON string. `mojibake`: write every non-ASCII character as its UTF-8
/// bytes, each a `\u00XX` escape, exactly as Facebook and Instagram exports do.
pub fn json_str(out: &mut String, s: &str, mojibake: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c if mojibake && !c.is_ascii() => {
                let mut bytes = [0u8; 4];
                for b in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str("\\u00");
                    out.push(HEX[(b >> 4) as usize] as char);
                    out.push(HEX[(b & 15) as usize] as char);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// X's `full_text`: HTML-escaped the way the archive stores it.
pub fn html_escape(s: &str) -> String {
    if !s.contains(['&', '<', '>']) {
        return s.to_owned();
    }
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
