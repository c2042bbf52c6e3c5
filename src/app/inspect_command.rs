//! `jejak inspect`: what an archive holds, without auditing it.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::Exit;
use crate::audit::{date_range, read_account, AuditOptions};
use crate::cli::InspectArgs;
use crate::discover::discover;
use crate::platform::{FileStatus, GenericColumns};

pub fn run(args: &InspectArgs, out: &mut dyn Write) -> io::Result<Exit> {
    let options = AuditOptions {
        columns: GenericColumns {
            text: args.input.text_column.clone(),
            id: args.input.id_column.clone(),
            time: args.input.time_column.clone(),
        },
        ..AuditOptions::default()
    };
    let discovery = discover(&args.input.inputs);
    let mut trouble = !discovery.errors.is_empty();
    for e in &discovery.errors {
        writeln!(out, "error: {e}")?;
    }
    for path in &discovery.accounts {
        writeln!(out, "{}", path.display())?;
        let account = match read_account(path, &options) {
            Ok(account) => account,
            Err(e) => {
                writeln!(out, "  error: {e}")?;
                trouble = true;
                continue;
            }
        };
        let reading = &account.reading;
        writeln!(
            out,
            "  platform: {}",
            account.reader.platform().display_name()
        )?;
        writeln!(out, "  account:  {}", account.name)?;
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        for item in &reading.items {
            *kinds.entry(item.kind.as_str()).or_insert(0) += 1;
        }
        let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        writeln!(
            out,
            "  items:    {} ({})",
            reading.items.len(),
            kinds.join(", ")
        )?;
        if !reading.excluded.is_empty() {
            let excluded: Vec<String> = reading
                .excluded
                .iter()
                .map(|(reason, n)| format!("{reason} {n}"))
                .collect();
            writeln!(out, "  not audited: {}", excluded.join(", "))?;
        }
        let (first, last) = date_range(&reading.items);
        if let (Some(first), Some(last)) = (first, last) {
            writeln!(out, "  dates:    {first} .. {last}")?;
        }
        writeln!(out, "  files:")?;
        for file in &reading.files {
            let status = match &file.status {
                FileStatus::Read { items } => format!("read, {items} items"),
                FileStatus::Completes { completed, items } => {
                    format!("read, completes {completed} items, {items} items of its own")
                }
                FileStatus::Metadata => "read, account details".to_string(),
                FileStatus::Ignored { reason } => format!("ignored: {reason}"),
                FileStatus::Failed => "FAILED".to_string(),
            };
            writeln!(out, "    {:<50} {status}", file.path)?;
        }
        for e in &reading.errors {
            writeln!(out, "  error: {e}")?;
            trouble = true;
        }
        // Each account as soon as it is read: a batch of thousands takes a while.
        out.flush()?;
    }
    Ok(if trouble { Exit::Trouble } else { Exit::Clean })
}
