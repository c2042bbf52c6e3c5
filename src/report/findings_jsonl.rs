//! `findings.jsonl`: one JSON object per finding, in the contract's field order.

use std::io::Write;

use crate::model::Finding;

/// One line per finding, as the bytes of the file, in order.
pub fn lines(findings: &[Finding]) -> std::io::Result<Vec<u8>> {
    super::bytes_on_every_core(findings, |chunk| {
        let mut out = Vec::new();
        write(chunk, &mut out)?;
        Ok(out)
    })
}

fn write(findings: &[Finding], mut out: impl Write) -> std::io::Result<()> {
    for finding in findings {
        serde_json::to_writer(&mut out, finding)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Severity;

    #[test]
    fn lines_made_on_every_core_are_one_per_finding_in_order() {
        let findings = Finding::numbered(super::super::FINDINGS_PER_CHUNK * 2 + 7, Severity::Low);
        let bytes = lines(&findings).unwrap();
        let ids: Vec<String> = bytes
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice::<Finding>(l).unwrap().item_id)
            .collect();
        let expected: Vec<String> = (0..findings.len()).map(|n| n.to_string()).collect();
        assert_eq!(ids, expected);
        assert!(bytes.ends_with(b"\n"));
    }
}
