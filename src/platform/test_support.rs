//! Helpers the readers' unit tests share: fixtures live in `tests/fixtures/<platform>/`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::archive::{Archive, Limits};
use crate::platform::{GenericColumns, PlatformReader, Reading};

/// Every file under `dir`, as (path relative to `dir` with `/` separators, full path), sorted.
pub fn files_under(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .unwrap()
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push((name, path));
            }
        }
    }
    out.sort();
    out
}

/// Opens `path` (folder, zip or file) and reads it with `reader`.
pub fn read_with(reader: &dyn PlatformReader, path: &Path) -> Reading {
    let archive = Archive::open(path, Limits::default()).expect("archive opens");
    reader.read(&archive, &GenericColumns::default())
}
