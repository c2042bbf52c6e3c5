//! `findings.jsonl`: one JSON object per finding, in the contract's field order.

use crate::model::Finding;

pub fn render(findings: &[Finding]) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::with_capacity(findings.len() * 512);
    for finding in findings {
        serde_json::to_writer(&mut out, finding)?;
        out.push(b'\n');
    }
    Ok(out)
}
