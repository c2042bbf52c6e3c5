//! The benchmark's floor: read every export file under the given folders and parse every
//! item with serde_json, keeping nothing (`IgnoredAny`). Files in parallel on every core, as
//! jejak reads accounts. Usage: `cargo run --release --example parse_floor -- DIR...`.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::IgnoredAny;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "js" || e == "json") {
            out.push(path);
        }
    }
}

/// X's `.js` files assign the JSON to a variable: the value starts at the first `[` or `{`.
fn json_of(text: &str) -> &str {
    let start = text.find(['[', '{']).unwrap_or(0);
    text[start..].trim_end().trim_end_matches(';')
}

fn main() {
    let mut paths = Vec::new();
    for dir in std::env::args().skip(1) {
        files(Path::new(&dir), &mut paths);
    }
    let started = std::time::Instant::now();
    let (bytes, failed): (u64, usize) = paths
        .par_iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let ok = serde_json::from_str::<IgnoredAny>(json_of(&text)).is_ok();
            (text.len() as u64, usize::from(!ok))
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "parse floor: {} files, {:.1} MB in {seconds:.2} s ({:.0} MB/s), {failed} not JSON",
        paths.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / seconds
    );
}
