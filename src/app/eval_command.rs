//! `jejak eval`: detection quality on a labelled CSV.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{load_engine, Exit};
use crate::cli::EvalArgs;
use crate::eval::{evaluate, preset_targets, Target};
use crate::report::Lang;

pub fn run(args: &EvalArgs, out: &mut dyn Write) -> io::Result<Exit> {
    let Some((_, engine)) = load_engine(args.rules.rules.as_deref(), Lang::Id) else {
        return Ok(Exit::Trouble);
    };
    let shown = args.file.display().to_string();
    let mut reader = match csv::Reader::from_path(&args.file) {
        Ok(reader) => reader,
        Err(e) => {
            eprintln!("jejak: {shown}: cannot be read: {e}");
            return Ok(Exit::Trouble);
        }
    };
    let columns: Vec<String> = match reader.headers() {
        Ok(h) => h
            .iter()
            .map(|c| c.trim_start_matches('\u{feff}').to_string())
            .collect(),
        Err(e) => {
            eprintln!("jejak: {shown}: has no readable header: {e}");
            return Ok(Exit::Trouble);
        }
    };
    if !columns.contains(&args.text_column) {
        eprintln!(
            "jejak: {shown}: no column {:?} (columns: {})",
            args.text_column,
            columns.join(", ")
        );
        return Ok(Exit::Trouble);
    }
    let mut targets = Vec::new();
    for spec in &args.targets {
        match Target::parse(spec) {
            Ok(t) => targets.push(t),
            Err(e) => {
                eprintln!("jejak: {e}");
                return Ok(Exit::Trouble);
            }
        }
    }
    if targets.is_empty() && !args.harmless {
        targets = preset_targets(&columns);
    }
    for t in &targets {
        let mut missing = t.column.iter().flat_map(|c| c.split('|')).map(str::trim);
        if let Some(column) = missing.find(|c| !columns.iter().any(|x| x == c)) {
            eprintln!(
                "jejak: --target {}: {shown} has no column {column:?}",
                t.name
            );
            return Ok(Exit::Trouble);
        }
    }

    let mut rows = Vec::new();
    let mut unreadable = 0;
    for (index, record) in reader.records().enumerate() {
        let Ok(record) = record else {
            unreadable += 1;
            continue;
        };
        let fields: BTreeMap<String, String> = columns
            .iter()
            .cloned()
            .zip(record.iter().map(str::to_string))
            .collect();
        let text = fields.get(&args.text_column).cloned().unwrap_or_default();
        let id = fields
            .get(&args.id_column)
            .cloned()
            .unwrap_or_else(|| (index + 1).to_string());
        rows.push((id, text, fields));
    }
    let eval = evaluate(&rows, &targets, &engine, args.time_column.as_deref());

    writeln!(
        out,
        "{shown}: {} rows{}",
        eval.rows,
        if unreadable > 0 {
            format!(" ({unreadable} unreadable, skipped)")
        } else {
            String::new()
        }
    )?;
    if targets.is_empty() {
        writeln!(out, "harmless set: every row should raise nothing")?;
    }
    for (target, c) in &eval.per_target {
        writeln!(
            out,
            "{:<28} precision {:.3}  recall {:.3}  F1 {:.3}   (TP {} FP {} FN {} TN {})",
            target.name,
            c.precision(),
            c.recall(),
            c.f1(),
            c.true_positive,
            c.false_positive,
            c.false_negative,
            c.true_negative
        )?;
    }
    let rate = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    writeln!(
        out,
        "rows with any finding: {} of {} ({:.1}%); negatives with any finding: {} of {} ({:.2}%)",
        eval.rows_with_findings,
        eval.rows,
        rate(eval.rows_with_findings, eval.rows),
        eval.negatives_with_findings,
        eval.negatives,
        rate(eval.negatives_with_findings, eval.negatives)
    )?;
    let per_category: Vec<String> = eval
        .per_category
        .iter()
        .map(|(c, n)| format!("{c} {n}"))
        .collect();
    writeln!(
        out,
        "rows flagged per category: {}",
        if per_category.is_empty() {
            "none".into()
        } else {
            per_category.join(", ")
        }
    )?;
    if !eval.alarms_by_rule.is_empty() {
        let mut by_rule: Vec<_> = eval.alarms_by_rule.iter().collect();
        by_rule.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        let top: Vec<String> = by_rule
            .iter()
            .take(10)
            .map(|(r, n)| format!("{r} {n}"))
            .collect();
        writeln!(out, "rules firing on negatives: {}", top.join(", "))?;
    }
    for m in eval.misses.iter().take(args.show_misses) {
        writeln!(out, "MISS [{}] {}: {}", m.target, m.id, one_line(&m.text))?;
    }
    for m in eval.false_alarms.iter().take(args.show_false_alarms) {
        writeln!(
            out,
            "FALSE ALARM [{}] {} ({}): {}",
            m.target,
            m.id,
            m.rules.join(", "),
            one_line(&m.text)
        )?;
    }
    Ok(Exit::Clean)
}

fn one_line(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(240) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}
