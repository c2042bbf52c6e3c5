//! Turns the INPUT paths into accounts: one archive is one account, and a folder may hold one
//! archive (unpacked) or many (a batch).

use std::path::{Path, PathBuf};

use crate::archive::{Archive, Limits};
use crate::error::InputError;
use crate::platform;

/// What the INPUT paths held.
#[derive(Debug, Default)]
pub struct Discovery {
    /// One path per account, in a stable order.
    pub accounts: Vec<PathBuf>,
    /// Inputs that hold no archive at all.
    pub errors: Vec<InputError>,
}

pub fn discover(inputs: &[PathBuf]) -> Discovery {
    let mut found = Discovery::default();
    for input in inputs {
        let shown = input.display().to_string();
        let Ok(meta) = std::fs::metadata(input) else {
            found.errors.push(InputError::new(shown, "does not exist or cannot be read; expected an archive (.zip), a folder or a .csv/.jsonl file"));
            continue;
        };
        if meta.is_dir() {
            discover_folder(input, &mut found);
        } else {
            found.accounts.push(input.clone());
        }
    }
    // The same archive named twice is audited once.
    let mut seen = std::collections::BTreeSet::new();
    found
        .accounts
        .retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    found
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

fn is_account_file(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(
        ext.as_str(),
        "zip" | "csv" | "jsonl" | "ndjson" | "tar" | "gz" | "tgz" | "car"
    )
}

/// Top-level folders of Meta's exports. Each of them is recognisable on its own (Instagram's
/// `your_instagram_activity/` holds posts, `connections/` the follows), so a folder holding
/// one of them is an unpacked archive, not a batch of archives.
const EXPORT_TOP_FOLDERS: [&str; 7] = [
    "your_instagram_activity",
    "your_facebook_activity",
    "connections",
    "personal_information",
    "followers_and_following",
    "logged_information",
    "security_and_login_information",
];

fn holds_export_top_folder(children: &[PathBuf]) -> bool {
    children.iter().any(|p| {
        p.is_dir()
            && p.file_name().is_some_and(|n| {
                EXPORT_TOP_FOLDERS.contains(&n.to_string_lossy().to_ascii_lowercase().as_str())
            })
    })
}

fn folder_is_archive(path: &Path) -> bool {
    Archive::open(path, Limits::default()).is_ok_and(|a| platform::detect(a.entries()).is_some())
}

/// How strongly the best reader recognises a folder, and which reader that is.
fn best_score(path: &Path) -> Option<(u32, crate::model::Platform)> {
    let archive = Archive::open(path, Limits::default()).ok()?;
    let reader = platform::detect(archive.entries())?;
    Some((reader.recognise(archive.entries()), reader.platform()))
}

/// Sub-folders that are each recognised, but less surely than the folder as a whole, are the
/// parts of one unpacked archive (Facebook's `posts/`, `groups/`…), not a batch of accounts.
fn parts_of_one_archive(dir: &Path, folders: &[&PathBuf]) -> bool {
    let Some((whole, platform)) = best_score(dir) else {
        return false;
    };
    folders
        .iter()
        .all(|f| best_score(f).is_some_and(|(score, p)| p == platform && score < whole))
}

/// A folder is a batch when it holds archive files (zip, csv, jsonl) or several recognisable
/// archive folders; otherwise it is itself one unpacked archive.
fn discover_folder(dir: &Path, found: &mut Discovery) {
    let shown = dir.display().to_string();
    let mut children: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(listing) => listing
            .flatten()
            .map(|e| e.path())
            .filter(|p| !is_hidden(p))
            .collect(),
        Err(e) => {
            found
                .errors
                .push(InputError::new(shown, format!("cannot be listed: {e}")));
            return;
        }
    };
    children.sort();
    if children.is_empty() {
        found.errors.push(InputError::new(
            shown,
            "is empty; expected an archive folder or a folder of archives",
        ));
        return;
    }
    let files: Vec<&PathBuf> = children.iter().filter(|p| p.is_file()).collect();
    let archive_files: Vec<&PathBuf> = files
        .iter()
        .copied()
        .filter(|p| is_account_file(p))
        .collect();
    let archive_folders: Vec<&PathBuf> = children
        .iter()
        .filter(|p| p.is_dir() && folder_is_archive(p))
        .collect();

    let is_batch = (!archive_files.is_empty()
        || (archive_folders.len() >= 2 && !parts_of_one_archive(dir, &archive_folders)))
        && !(holds_export_top_folder(&children) && folder_is_archive(dir));
    if is_batch {
        let mut accounts: Vec<PathBuf> = archive_files
            .iter()
            .chain(&archive_folders)
            .map(|p| (*p).clone())
            .collect();
        accounts.sort();
        found.accounts.extend(accounts);
        for other in children
            .iter()
            .filter(|p| !archive_files.contains(p) && !archive_folders.contains(p))
        {
            found.errors.push(InputError::new(
                other.display().to_string(),
                "is not an archive this tool recognises (expected a .zip, .csv, .jsonl or an archive folder); skipped",
            ));
        }
    } else if folder_is_archive(dir) {
        found.accounts.push(dir.to_path_buf());
    } else {
        let names: Vec<String> = children
            .iter()
            .take(5)
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        found.errors.push(InputError::new(
            shown,
            format!(
                "holds no archive this tool recognises (found: {}); expected a social-media export (e.g. data/tweets.js), .zip archives, or .csv/.jsonl files",
                names.join(", ")
            ),
        ));
    }
}
