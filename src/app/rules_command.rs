//! `jejak rules list | test | explain`.

use std::io::{self, Write};

use super::{lang_of, load_engine, Exit};
use crate::cli::RulesCommand;
use crate::report::Lang;
use crate::rules::examples::check_examples;
use crate::rules::schema::Example;
use crate::rules::Rulebook;

pub fn run(command: RulesCommand, out: &mut dyn Write) -> io::Result<Exit> {
    match command {
        RulesCommand::List { rules, lang } => {
            let lang = lang_of(lang);
            let Some((book, _)) = load_engine(rules.rules.as_deref(), lang) else {
                return Ok(Exit::Trouble);
            };
            for rule in &book.rules {
                writeln!(
                    out,
                    "{:<40} {:<12} {:<7} {}",
                    rule.spec.id,
                    rule.category.as_str(),
                    rule.severity.as_str(),
                    rule.spec.title.get(lang)
                )?;
            }
            writeln!(out, "{} rules", book.rules.len())?;
            Ok(Exit::Clean)
        }
        RulesCommand::Phrases { rules } => {
            let Some((_, engine)) = load_engine(rules.rules.as_deref(), Lang::Id) else {
                return Ok(Exit::Trouble);
            };
            for phrase in engine.phrases() {
                writeln!(out, "{phrase}")?;
            }
            Ok(Exit::Clean)
        }
        RulesCommand::Test { rules } => {
            let Some((book, engine)) = load_engine(rules.rules.as_deref(), Lang::Id) else {
                return Ok(Exit::Trouble);
            };
            let report = check_examples(&book, &engine);
            for failure in &report.failures {
                writeln!(out, "FAIL {failure}")?;
            }
            writeln!(
                out,
                "rule examples: {} passed, {} failed ({} rules)",
                report.checked - report.failures.len(),
                report.failures.len(),
                book.rules.len()
            )?;
            Ok(if report.failures.is_empty() {
                Exit::Clean
            } else {
                Exit::Findings
            })
        }
        RulesCommand::Explain { id, rules, lang } => {
            let lang = lang_of(lang);
            let Some((book, _)) = load_engine(rules.rules.as_deref(), lang) else {
                return Ok(Exit::Trouble);
            };
            let Some(rule) = book.rules.iter().find(|r| r.spec.id == id) else {
                eprintln!("jejak: no rule `{id}`; `jejak rules list` shows every rule id");
                return Ok(Exit::Trouble);
            };
            let spec = &rule.spec;
            writeln!(
                out,
                "{}  [{} · {}]",
                spec.id,
                rule.category.as_str(),
                rule.severity.as_str()
            )?;
            writeln!(out, "{}", spec.title.get(lang))?;
            writeln!(out)?;
            writeln!(out, "{}", spec.description.get(lang))?;
            writeln!(out)?;
            writeln!(out, "guideline:  {}", spec.guideline)?;
            writeln!(out, "regulation: {}", spec.regulation)?;
            writeln!(out, "action:     {}", spec.action.get(lang))?;
            if let Some(line) = rule.line {
                writeln!(out, "defined in: {}:{line}", rule.file)?;
            }
            if !spec.kinds.is_empty() {
                writeln!(out, "kinds:      {}", spec.kinds.join(", "))?;
            }
            if spec.election_aware {
                writeln!(
                    out,
                    "election-aware: severity follows the election calendar phase"
                )?;
            }
            print_phrases(out, "phrases", &spec.phrases, &spec.lists, &book)?;
            for p in &spec.patterns {
                writeln!(out, "pattern:    {p}")?;
            }
            for near in &spec.near {
                print_phrases(out, "near, A", &near.a, &near.a_lists, &book)?;
                print_phrases(out, "near, B", &near.b, &near.b_lists, &book)?;
                writeln!(out, "near:       A within {} words of B", near.within)?;
            }
            if !spec.signals.is_empty() {
                writeln!(
                    out,
                    "signals:    matches when the signals found weigh {} or more",
                    spec.min_score
                )?;
                for signal in &spec.signals {
                    let what = if signal.absent { "absent" } else { "found" };
                    print_phrases(
                        out,
                        &format!("  weight {} ({what})", signal.weight),
                        &signal.phrases,
                        &signal.lists,
                        &book,
                    )?;
                    for p in &signal.patterns {
                        writeln!(out, "  weight {} ({what}) pattern: {p}", signal.weight)?;
                    }
                }
            }
            if let Some(context) = &spec.context {
                print_phrases(out, "context", &context.phrases, &context.lists, &book)?;
                if let Some(within) = context.within {
                    writeln!(out, "context:    within {within} words of a trigger")?;
                }
            }
            if !spec.host_words.is_empty() {
                writeln!(out, "link hosts containing: {}", spec.host_words.join(", "))?;
            }
            if let Some(v) = &spec.validator {
                writeln!(out, "validator:  {v}")?;
            }
            if !spec.unless.is_empty() {
                writeln!(out, "unless:     {}", spec.unless.join(", "))?;
            }
            let show = |e: &Example| match e {
                Example::Text(t) => t.clone(),
                Example::Item(i) => i.text.clone(),
            };
            for e in &spec.examples.matching {
                writeln!(out, "  matches:        {}", show(e))?;
            }
            for e in &spec.examples.no_match {
                writeln!(out, "  does not match: {}", show(e))?;
            }
            Ok(Exit::Clean)
        }
    }
}

/// A rule's phrases and the words of its lists, the first 40 of them.
fn print_phrases(
    out: &mut dyn Write,
    label: &str,
    phrases: &[String],
    lists: &[String],
    book: &Rulebook,
) -> io::Result<()> {
    let mut all: Vec<&str> = phrases.iter().map(String::as_str).collect();
    for list in lists {
        if let Some(words) = book.lists.get(list) {
            all.extend(words.iter().map(String::as_str));
        }
    }
    if !all.is_empty() {
        let shown: Vec<&str> = all.iter().take(40).copied().collect();
        let more = if all.len() > 40 { ", …" } else { "" };
        writeln!(out, "{label} ({}): {}{more}", all.len(), shown.join(", "))?;
    }
    Ok(())
}
