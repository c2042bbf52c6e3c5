//! `findings.jsonl`: one JSON object per finding, in the contract's field order.

use std::io::Write;

use crate::model::Finding;

/// Writes one line per finding; the caller flushes once every account is written.
pub fn write(findings: &[Finding], mut out: impl Write) -> std::io::Result<()> {
    for finding in findings {
        serde_json::to_writer(&mut out, finding)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
