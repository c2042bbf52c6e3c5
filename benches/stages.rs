//! `cargo bench`: throughput of each stage of an audit, on the posts of the example archive
//! repeated to a few megabytes, so a change to one stage can be measured on its own (the
//! end-to-end comparison with ripgrep and the parse-only floor is `bench/run.sh`).
//!
//! Stages: X `tweets.js` parsing into items, normalisation of each post's text, and every
//! rule on each item. Each is run `RUNS` times; the median is printed. Parsing uses every core
//! (as the reader does); normalisation and checking run on one thread.

use std::path::Path;
use std::time::{Duration, Instant};

use jejak::archive::{Archive, Limits};
use jejak::model::Item;
use jejak::platform::{GenericColumns, PlatformReader};
use jejak::report::Lang;
use jejak::rules::{CheckContext, Engine, Rulebook};

const RUNS: usize = 5;
/// Copies of the example archive's posts: about 5 MB of tweets.js.
const COPIES: usize = 400;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = root.join("examples/x-archive-contoh");
    let tweets = std::fs::read_to_string(example.join("data/tweets.js")).expect("example tweets");
    let big = repeated_tweets(&tweets, COPIES);
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::create_dir_all(dir.path().join("data")).expect("data folder");
    std::fs::copy(
        example.join("data/account.js"),
        dir.path().join("data/account.js"),
    )
    .expect("account.js");
    std::fs::write(dir.path().join("data/tweets.js"), &big).expect("tweets.js");
    let archive = Archive::open(dir.path(), Limits::default()).expect("archive");
    let reader = jejak::platform::twitter::TwitterReader;

    let mut items: Vec<Item> = Vec::new();
    let parse = median(|| {
        items = reader.read(&archive, &GenericColumns::default()).items;
    });
    let bytes = big.len() as f64;
    let text_bytes: usize = items.iter().map(|i| i.text.len()).sum();
    report("parse (all cores)", parse, items.len(), bytes);

    let normalize = median(|| {
        for item in &items {
            std::hint::black_box(jejak::text::normalize(&item.text));
        }
    });
    report("normalise", normalize, items.len(), text_bytes as f64);

    let book = Rulebook::load(None).expect("built-in rules");
    let engine = Engine::compile(&book).expect("rules compile");
    let ctx = CheckContext {
        account: "bench",
        lang: Lang::Id,
    };
    let mut findings = 0;
    let check = median(|| {
        findings = items.iter().map(|item| engine.check(item, ctx).len()).sum();
    });
    report("check (every rule)", check, items.len(), text_bytes as f64);
    // The example archive is planted with breaches: a third of its posts are flagged, many
    // more than in a real account, so `check` is slower here than on the benchmark corpus.
    println!(
        "({} items, {findings} findings; normalise and check on one thread)",
        items.len()
    );
}

/// `tweets.js` with its array's items repeated `copies` times (ids made unique).
fn repeated_tweets(tweets: &str, copies: usize) -> String {
    let open = tweets.find('[').expect("an array");
    let close = tweets.rfind(']').expect("an array");
    let body = tweets[open + 1..close].trim();
    let mut out = String::from("window.YTD.tweets.part0 = [");
    for copy in 0..copies {
        if copy > 0 {
            out.push(',');
        }
        out.push_str(&body.replace("\"id_str\" : \"", &format!("\"id_str\" : \"{copy}")));
    }
    out.push(']');
    out
}

fn median(mut run: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn report(stage: &str, took: Duration, items: usize, bytes: f64) {
    let seconds = took.as_secs_f64();
    println!(
        "{stage:<20} {:>9.1} ms  {:>10.0} items/s  {:>7.1} MB/s",
        seconds * 1000.0,
        items as f64 / seconds,
        bytes / seconds / 1e6
    );
}
