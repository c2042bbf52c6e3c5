//! Writes a corpus of invented, realistic social-media archives for benchmarks and tests.
//! See README.md beside this file.

mod gen;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "corpus",
    about = "Generate invented X / Facebook / Instagram archives"
)]
struct Args {
    /// Folder to write the archives into (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Number of accounts (one archive each).
    #[arg(long, value_name = "N")]
    accounts: usize,
    #[arg(long, value_enum, default_value = "mixed")]
    platform: PlatformArg,
    /// Own posts per account.
    #[arg(long, value_name = "N", conflicts_with = "target_bytes")]
    posts_per_account: Option<u64>,
    /// Size of each account's posts files, e.g. 2G, 50M, 800K (other files come on top).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    target_bytes: Option<u64>,
    /// Share of authored items that carry a violation, 0..=1.
    #[arg(long, default_value_t = 0.03)]
    violations: f64,
    /// One .zip per account instead of a folder.
    #[arg(long)]
    zip: bool,
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Size at which a posts file is closed and the next part begun (X: tweets-part1.js…).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "256M")]
    part_bytes: u64,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum PlatformArg {
    X,
    Facebook,
    Instagram,
    Mixed,
}

/// `2G`, `50M`, `800K`, `1.5G` or plain bytes; binary units, as file sizes are shown.
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (number, unit) = match text.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((at, _)) => (&text[..at], text[at..].to_ascii_uppercase()),
        None => (text, String::new()),
    };
    let factor: u64 = match unit.trim_end_matches(['B', 'I']) {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        "T" => 1 << 40,
        _ => return Err(format!("unknown unit in `{text}` (use K, M, G)")),
    };
    let value: f64 = number
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a size such as 2G or 50M"))?;
    if !value.is_finite() || value <= 0.0 {
        return Err(format!("`{text}` must be positive"));
    }
    Ok((value * factor as f64) as u64)
}

fn main() -> ExitCode {
    let args = Args::parse();
    if !(0.0..=1.0).contains(&args.violations) {
        eprintln!("--violations must be between 0 and 1");
        return ExitCode::from(2);
    }
    let size = match (args.posts_per_account, args.target_bytes) {
        (_, Some(bytes)) => gen::Size::Bytes(bytes),
        (Some(posts), None) => gen::Size::Posts(posts),
        (None, None) => gen::Size::Posts(200),
    };
    let platform = match args.platform {
        PlatformArg::X => gen::Choice::One(gen::Platform::X),
        PlatformArg::Facebook => gen::Choice::One(gen::Platform::Facebook),
        PlatformArg::Instagram => gen::Choice::One(gen::Platform::Instagram),
        PlatformArg::Mixed => gen::Choice::Mixed,
    };
    let config = gen::Config {
        accounts: args.accounts,
        platform,
        size,
        violations: args.violations,
        zip: args.zip,
        seed: args.seed,
        part_bytes: args.part_bytes.max(1),
    };
    let started = Instant::now();
    let reports = match gen::generate(&config, &args.out) {
        Ok(reports) => reports,
        Err(error) => {
            eprintln!("corpus: {error}");
            return ExitCode::FAILURE;
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    let mut bytes = 0;
    for r in &reports {
        bytes += r.bytes;
        let violations: Vec<String> = r
            .violations
            .iter()
            .map(|(c, n)| format!("{}={n}", c.name()))
            .collect();
        let items: Vec<String> = r.items.iter().map(|(k, n)| format!("{k}={n}")).collect();
        println!(
            "{}\t{}\t@{}\t{} bytes\titems: {}\tauthored={}\tviolations={} ({})",
            r.path.display(),
            r.platform.map_or("?", |p| p.jejak_name()),
            r.handle,
            r.bytes,
            items.join(" "),
            r.authored,
            r.violating(),
            violations.join(" "),
        );
    }
    eprintln!(
        "{} archives, {:.1} MiB uncompressed, in {seconds:.1} s ({:.0} MiB/s)",
        reports.len(),
        bytes as f64 / (1 << 20) as f64,
        bytes as f64 / (1 << 20) as f64 / seconds.max(1e-9)
    );
    ExitCode::SUCCESS
}
