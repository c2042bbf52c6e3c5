use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use jejak::archive::{Archive, Limits};
use jejak::platform::{GenericColumns, PlatformReader};
use jejak::rules::{Engine, Rulebook};
use std::path::Path;
use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let archive = Archive::open(Path::new(&dir), Limits::default()).expect("archive");
    let items = jejak::platform::twitter::TwitterReader
        .read(&archive, &GenericColumns::default())
        .items;
    let texts: Vec<String> = items
        .iter()
        .map(|i| format!(" {} ", jejak::text::normalize(&i.text).as_str()))
        .collect();
    let engine = Engine::compile(&Rulebook::load(None).unwrap()).unwrap();
    let phrases: Vec<String> = engine.phrases().iter().map(|p| format!(" {p} ")).collect();
    for (name, kind, ci) in [
        ("dfa ci", AhoCorasickKind::DFA, true),
        ("dfa", AhoCorasickKind::DFA, false),
        ("cnfa", AhoCorasickKind::ContiguousNFA, false),
    ] {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(ci)
            .kind(Some(kind))
            .build(&phrases)
            .unwrap();
        let mut best = f64::MAX;
        let mut n = 0;
        for _ in 0..7 {
            let t = Instant::now();
            n = 0;
            for s in &texts {
                n += ac.find_overlapping_iter(s.as_str()).count();
            }
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!(
            "{name}: mem {} matches {n} {:.1} ms",
            ac.memory_usage(),
            best * 1e3
        );
    }
    // word-hash: first word -> phrases
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    println!("texts {} bytes {}", texts.len(), bytes);
}
