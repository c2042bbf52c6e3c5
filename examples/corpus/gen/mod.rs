//! The corpus generator: N invented accounts, each one archive shaped like the platform's
//! real export (X, Facebook, Instagram), written as it is generated.
//!
//! Shared by the `corpus` example (the command line) and `tests/corpus.rs`, which includes
//! this module by path so it can generate in-process and compare the audit with the report
//! returned here.

// Two crates include this module (the example and tests/corpus.rs) and each uses a
// different part of its API.
#![allow(dead_code)]

mod facebook;
mod instagram;
mod out;
mod rng;
mod text;
mod twitter;
mod violations;

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub use violations::Category;

use out::Out;
use rng::Rng;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    X,
    Facebook,
    Instagram,
}

impl Platform {
    /// The name `jejak` reports the platform by.
    pub fn jejak_name(self) -> &'static str {
        match self {
            Platform::X => "twitter",
            Platform::Facebook => "facebook",
            Platform::Instagram => "instagram",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    One(Platform),
    /// X, Facebook, Instagram in turn.
    Mixed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// Own posts per account (posts, replies, reposts… on X; posts on Facebook/Instagram).
    Posts(u64),
    /// Bytes of own posts per account; the other files come on top.
    Bytes(u64),
}

#[derive(Debug, Clone)]
pub struct Config {
    pub accounts: usize,
    pub platform: Choice,
    pub size: Size,
    /// Share of authored items (posts, replies, comments, captioned stories) that violate.
    pub violations: f64,
    pub zip: bool,
    pub seed: u64,
    /// A posts file is closed and a new part started once it reaches this many bytes.
    pub part_bytes: u64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            accounts: 1,
            platform: Choice::Mixed,
            size: Size::Posts(200),
            violations: 0.03,
            zip: false,
            seed: 42,
            part_bytes: 256 << 20,
        }
    }
}

/// What was written for one account, in the terms `jejak` reports.
#[derive(Debug, Clone, Default)]
pub struct AccountReport {
    pub index: usize,
    pub platform: Option<Platform>,
    /// The folder or `.zip` written.
    pub path: PathBuf,
    pub handle: String,
    /// Items per `jejak` kind (`post`, `reply`, `repost`, `quote`, `comment`, `like`, …).
    pub items: BTreeMap<&'static str, u64>,
    /// Items with own words that could violate (the denominator of the violation share).
    pub authored: u64,
    /// Violating items per category.
    pub violations: BTreeMap<Category, u64>,
    /// Uncompressed bytes written.
    pub bytes: u64,
    /// Posts files written with their item counts (parts when split).
    pub post_files: Vec<(String, u64)>,
}

impl AccountReport {
    pub fn violating(&self) -> u64 {
        self.violations.values().sum()
    }

    pub fn total_items(&self) -> u64 {
        self.items.values().sum()
    }

    fn count(&mut self, kind: &'static str) {
        *self.items.entry(kind).or_default() += 1;
    }
}

/// Generates every account of `config` under `dir`; accounts run in parallel (each has its
/// own seeded stream, so the result does not depend on the scheduling).
pub fn generate(config: &Config, dir: &Path) -> io::Result<Vec<AccountReport>> {
    use rayon::prelude::*;
    std::fs::create_dir_all(dir)?;
    (0..config.accounts)
        .into_par_iter()
        .map(|index| generate_account(config, dir, index))
        .collect()
}

pub fn platform_of(config: &Config, index: usize) -> Platform {
    match config.platform {
        Choice::One(platform) => platform,
        Choice::Mixed => [Platform::X, Platform::Facebook, Platform::Instagram][index % 3],
    }
}

pub fn generate_account(config: &Config, dir: &Path, index: usize) -> io::Result<AccountReport> {
    let platform = platform_of(config, index);
    // The platform is part of the stream, so runs of one platform each with the same seed
    // give different people (one batch can then hold them all without clashing handles).
    let salt = match platform {
        Platform::X => 0,
        Platform::Facebook => 0x0FAC_EB00_C000,
        Platform::Instagram => 0x1257_A000_0000,
    };
    let mut rng = Rng::for_account(config.seed ^ salt, index as u64);
    let person = Person::new(&mut rng);
    let name = match platform {
        Platform::X => format!("twitter-2025-11-01-{index:04}{}", rng.token(12)),
        Platform::Facebook => format!(
            "facebook-{}-2025-11-01-{index:04}",
            person.handle.replace(['.', '_'], "")
        ),
        Platform::Instagram => format!("instagram-{}-2025-11-01-{index:04}", person.handle),
    };
    let (path, mut out) = if config.zip {
        let path = dir.join(format!("{name}.zip"));
        let large = config.part_bytes > (3 << 30);
        let out = Out::zip(&path, large)?;
        (path, out)
    } else {
        let path = dir.join(&name);
        let out = Out::folder(&path)?;
        (path, out)
    };
    let mut report = AccountReport {
        index,
        platform: Some(platform),
        path,
        handle: person.handle.clone(),
        ..AccountReport::default()
    };
    let mut run = Run {
        config,
        rng,
        person,
        report: &mut report,
    };
    match platform {
        Platform::X => twitter::write(&mut run, &mut out)?,
        Platform::Facebook => facebook::write(&mut run, &mut out)?,
        Platform::Instagram => instagram::write(&mut run, &mut out)?,
    }
    report.bytes = out.bytes;
    out.finish()?;
    Ok(report)
}

/// The account being generated.
#[derive(Clone)]
pub(crate) struct Person {
    pub name: String,
    pub handle: String,
    pub id: u64,
}

impl Person {
    fn new(rng: &mut Rng) -> Person {
        let name = text::person(rng);
        let sep: &&str = rng.pick(&["_", ".", ""]);
        let handle = format!(
            "{}{}",
            name.to_lowercase().replace(' ', sep),
            rng.range(1, 999)
        );
        Person {
            name,
            handle,
            id: rng.range(100_000_000, 1_500_000_000_000_000_000),
        }
    }
}

/// One account's generation state, handed to the platform writers.
pub(crate) struct Run<'a> {
    pub config: &'a Config,
    pub rng: Rng,
    pub person: Person,
    pub report: &'a mut AccountReport,
}

/// Own words for one item: a violation with the configured probability, else harmless.
pub(crate) struct Words {
    pub text: String,
    pub violation: Option<violations::Violation>,
}

impl Run<'_> {
    /// Decides and records whether this authored item violates; `harmless` makes the text
    /// when it does not. `pinnable`: the writer can attach coordinates to this item.
    pub fn words(&mut self, pinnable: bool, harmless: impl FnOnce(&mut Rng) -> String) -> Words {
        self.report.authored += 1;
        if self.rng.chance(self.config.violations) {
            let violation = violations::violation(&mut self.rng, pinnable);
            *self
                .report
                .violations
                .entry(violation.category)
                .or_default() += 1;
            Words {
                text: violation.text.clone(),
                violation: Some(violation),
            }
        } else {
            Words {
                text: harmless(&mut self.rng),
                violation: None,
            }
        }
    }

    pub fn count(&mut self, kind: &'static str) {
        self.report.count(kind);
    }

    /// Whether another post is wanted, given `written` posts and `bytes` of posts so far.
    pub fn more(&self, written: u64, bytes: u64) -> bool {
        match self.config.size {
            Size::Posts(n) => written < n,
            Size::Bytes(b) => bytes < b,
        }
    }

    /// How many posts the account will get, for spreading dates: exact for `Posts`; for
    /// `Bytes`, estimated by rendering 200 posts with `render` on a copy of the stream (the
    /// real stream is untouched, so the archive does not depend on the estimate's cost).
    pub fn expected_posts(
        &self,
        mut render: impl FnMut(&mut Run, &mut Timeline, &mut String),
    ) -> u64 {
        const PROBE: u64 = 200;
        let target = match self.config.size {
            Size::Posts(n) => return n.max(1),
            Size::Bytes(b) => b,
        };
        let mut scratch = AccountReport::default();
        let mut probe = Run {
            config: self.config,
            rng: self.rng.clone(),
            person: self.person.clone(),
            report: &mut scratch,
        };
        let mut timeline = Timeline::new(1000);
        let mut buf = String::new();
        let mut bytes = 0;
        for _ in 0..PROBE {
            buf.clear();
            render(&mut probe, &mut timeline, &mut buf);
            bytes += buf.len() as u64 + 2;
        }
        let per_post = bytes as f64 / PROBE as f64;
        // 3 % over: a short estimate would leave the last posts without room in time.
        ((target as f64 * 1.03 / per_post) as u64).max(1)
    }

    /// The posts of a Meta export: JSON arrays in `{prefix}_1.json`, `{prefix}_2.json`, … (a
    /// new part once a file passes the configured part size), one post rendered by `post`.
    /// Records the part files and returns how many posts were written.
    pub fn write_post_parts(
        &mut self,
        out: &mut Out,
        prefix: &str,
        mut post: impl FnMut(&mut Run, &mut Timeline, &mut String),
    ) -> io::Result<u64> {
        let mut timeline = Timeline::new(self.expected_posts(&mut post));
        let mut buf = String::with_capacity(8 << 10);
        let mut files = Vec::new();
        let mut part = 1u32;
        let mut in_file = 0u64;
        let mut written = 0u64;
        let mut post_bytes = 0u64;
        out.start(&format!("{prefix}_{part}.json"))?;
        out.write_all(b"[\n")?;
        while self.more(written, post_bytes) {
            if in_file > 0 && out.file_bytes >= self.config.part_bytes {
                out.write_all(b"\n]\n")?;
                files.push((format!("{prefix}_{part}.json"), in_file));
                part += 1;
                in_file = 0;
                out.start(&format!("{prefix}_{part}.json"))?;
                out.write_all(b"[\n")?;
            }
            buf.clear();
            if in_file > 0 {
                buf.push_str(",\n");
            }
            post(self, &mut timeline, &mut buf);
            self.count("post");
            out.write_all(buf.as_bytes())?;
            post_bytes += buf.len() as u64;
            in_file += 1;
            written += 1;
        }
        out.write_all(b"\n]\n")?;
        files.push((format!("{prefix}_{part}.json"), in_file));
        self.report.post_files = files;
        Ok(written)
    }

    /// A count of secondary items (likes, follows…) proportional to the posts, bounded.
    pub fn scaled(&mut self, posts: u64, per_post: f64, min: u64, max: u64) -> u64 {
        let base = (posts as f64 * per_post) as u64;
        (base + self.rng.below(base / 5 + 2)).clamp(min, max)
    }
}

/// Dates from late 2025 back to 2014, newest first as the exports list them, at times of day
/// people in Indonesia post (05–23 WIB).
pub(crate) struct Timeline {
    expected: u64,
    next: u64,
}

pub(crate) const START: i64 = 1_388_534_400; // 2014-01-01 UTC
pub(crate) const END: i64 = 1_761_868_800; // 2025-10-31 UTC

impl Timeline {
    pub fn new(expected: u64) -> Timeline {
        Timeline { expected, next: 0 }
    }

    pub fn next(&mut self, rng: &mut Rng) -> i64 {
        let span = (END - START) as f64;
        let i = self.next as f64 + rng.unit();
        self.next += 1;
        let t = if self.next <= self.expected {
            END - (i * span / self.expected as f64) as i64
        } else {
            // More posts than estimated: the oldest month, so the order stays near newest first.
            START + rng.below(30 * 86_400) as i64
        };
        at_wib_daytime(rng, t)
    }
}

/// Moves `t` to a random time between 05:00 and 23:59 WIB (UTC+7) of its day.
pub(crate) fn at_wib_daytime(rng: &mut Rng, t: i64) -> i64 {
    let wib_day = (t + 7 * 3600).div_euclid(86_400);
    let seconds = rng.range(5 * 3600, 24 * 3600 - 1) as i64;
    let t = wib_day * 86_400 + seconds - 7 * 3600;
    // Past the end of the period: the same time a day earlier, rather than one clamped instant.
    if t > END {
        t - 86_400
    } else {
        t.max(START)
    }
}

/// The date of an item: a violation's window when it has one, else the timeline's next.
pub(crate) fn date_for(rng: &mut Rng, timeline: &mut Timeline, words: &Words) -> i64 {
    let t = timeline.next(rng);
    match words.violation.as_ref().and_then(|v| v.window) {
        Some((start, end)) => {
            let t = start + rng.below((end - start) as u64) as i64;
            at_wib_daytime(rng, t)
        }
        None => t,
    }
}
