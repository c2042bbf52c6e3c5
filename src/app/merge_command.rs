//! `jejak merge`: the folders of `jejak audit --shard K/N` runs become the report one run over
//! every input gives, byte for byte.

use super::audit_command::{finish, open_store};
use super::{lang_of, load_engine, say, Exit};
use crate::audit;
use crate::cli::MergeArgs;
use crate::shard;
use crate::store::FindingStore;

pub fn run(args: &MergeArgs) -> Exit {
    let mut lang = args.lang.map(lang_of).unwrap_or_default();
    let Some(store) = open_store(&args.out) else {
        return Exit::Trouble;
    };
    let mut shards = Vec::new();
    let mut problems = Vec::new();
    for dir in &args.shards {
        match shard::read(dir, &store) {
            Ok(s) => shards.push(s),
            Err(e) => problems.push(e),
        }
    }
    if problems.is_empty() {
        match shard::combine(shards, args.allow_partial) {
            Ok(combined) => {
                let shards_lang = combined.fingerprints.lang;
                match args.lang.map(lang_of) {
                    Some(asked) if asked != shards_lang => {
                        // The findings' titles were written in the shards' language.
                        eprintln!(
                            "jejak: --lang {}: the shards were audited with --lang {}; merge with that language or audit again",
                            lang_name(asked),
                            lang_name(shards_lang)
                        );
                        return Exit::Trouble;
                    }
                    _ => lang = shards_lang,
                }
                return merge(args, combined, &store, lang);
            }
            Err(found) => problems = found,
        }
    }
    eprintln!(
        "{}",
        say(
            lang,
            "jejak: folder shard tidak dapat digabung:",
            "jejak: the shard folders cannot be merged:"
        )
    );
    for p in &problems {
        eprintln!("  {p}");
    }
    Exit::Trouble
}

fn merge(
    args: &MergeArgs,
    combined: shard::Combined,
    store: &FindingStore,
    lang: crate::report::Lang,
) -> Exit {
    let Some((book, engine)) = load_engine(args.rules.rules.as_deref(), lang) else {
        return Exit::Trouble;
    };
    if shard::rules_fingerprint(&book) != combined.fingerprints.rules {
        eprintln!(
            "jejak: the shards were audited with other rules than these ({}) or with another jejak version; give merge the same --rules DIR as the shards",
            engine.origin()
        );
        return Exit::Trouble;
    }
    let outcome = audit::assemble(combined.accounts, combined.errors);
    finish(
        outcome,
        store,
        &engine,
        lang,
        &args.out,
        false,
        args.quiet,
        args.fail_on,
    )
}

fn lang_name(lang: crate::report::Lang) -> &'static str {
    match lang {
        crate::report::Lang::Id => "id",
        crate::report::Lang::En => "en",
    }
}
