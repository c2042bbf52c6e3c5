//! CARv1 framing: `varint(len) header`, then `varint(len) CID block-bytes` until the end.
//! The header is DAG-CBOR `{version: 1, roots: [CID]}`.
//!
//! Why hand-written: the maintained CAR crates (`iroh-car`, `rs-car`) are async-only; the
//! framing is two varints and a CID, and `cid` (via `ipld-core`) parses the CID. Blocks are
//! decoded with `serde_ipld_dagcbor`, the IPLD project's DAG-CBOR codec.
//!
//! Block hashes are not verified: the audit reads the owner's own export, and a damaged block
//! shows up as a CBOR error or a missing block anyway.

use std::collections::HashMap;
use std::io::Cursor;

use ipld_core::cid::Cid;
use ipld_core::ipld::Ipld;

/// The blocks of one CAR file, by CID, still encoded.
#[derive(Debug)]
pub struct Car<'a> {
    pub roots: Vec<Cid>,
    pub blocks: HashMap<Cid, &'a [u8]>,
    /// Why reading stopped before the end (a cut-off download): the blocks before it are kept.
    pub damage: Option<String>,
}

/// Reads the header and indexes every block (borrowing the bytes).
pub fn read(bytes: &[u8]) -> Result<Car<'_>, String> {
    let mut at = 0;
    let header_len = varint(bytes, &mut at).ok_or("does not start with a CAR header length")?;
    let header = take(bytes, &mut at, header_len).ok_or("ends inside the CAR header (cut off?)")?;
    let header: Ipld = serde_ipld_dagcbor::from_slice(header)
        .map_err(|e| format!("has an unreadable CAR header ({e})"))?;
    match map_get(&header, "version") {
        Some(Ipld::Integer(1)) => {}
        Some(Ipld::Integer(v)) => return Err(format!("is CAR version {v}, not 1")),
        _ => return Err("has a CAR header without a version".into()),
    }
    let roots = match map_get(&header, "roots") {
        Some(Ipld::List(roots)) => roots
            .iter()
            .filter_map(|r| match r {
                Ipld::Link(cid) => Some(*cid),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut blocks = HashMap::new();
    let mut damage = None;
    while at < bytes.len() {
        let start = at;
        let Some(len) = varint(bytes, &mut at) else {
            damage = Some(format!("has a damaged block length at byte {start}"));
            break;
        };
        let Some(section) = take(bytes, &mut at, len) else {
            damage = Some(format!(
                "ends inside the block at byte {start} (cut off?); the blocks before it were read"
            ));
            break;
        };
        let mut cursor = Cursor::new(section);
        match Cid::read_bytes(&mut cursor) {
            Ok(cid) => {
                blocks.insert(cid, &section[cursor.position() as usize..]);
            }
            Err(e) => {
                damage = Some(format!(
                    "has a damaged block identifier at byte {start} ({e})"
                ));
                break;
            }
        }
    }
    Ok(Car {
        roots,
        blocks,
        damage,
    })
}

impl Car<'_> {
    /// Decodes one block, or says why it cannot be.
    pub fn decode(&self, cid: &Cid) -> Result<Ipld, String> {
        let data = self
            .blocks
            .get(cid)
            .ok_or_else(|| format!("block {cid} is missing"))?;
        serde_ipld_dagcbor::from_slice(data)
            .map_err(|e| format!("block {cid} is not DAG-CBOR ({e})"))
    }
}

pub fn map_get<'v>(value: &'v Ipld, key: &str) -> Option<&'v Ipld> {
    match value {
        Ipld::Map(map) => map.get(key),
        _ => None,
    }
}

/// Unsigned LEB128, at most 9 bytes (63 bits), as multiformats define it.
fn varint(bytes: &[u8], at: &mut usize) -> Option<usize> {
    let mut value: u64 = 0;
    for shift in 0..9 {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << (7 * shift);
        if byte & 0x80 == 0 {
            return usize::try_from(value).ok();
        }
    }
    None
}

fn take<'a>(bytes: &'a [u8], at: &mut usize, len: usize) -> Option<&'a [u8]> {
    let end = at.checked_add(len)?;
    let slice = bytes.get(*at..end)?;
    *at = end;
    Some(slice)
}

/// Test support: writes a CAR file from (CID, block) pairs.
#[cfg(test)]
pub fn write(roots: &[Cid], blocks: &[(Cid, Vec<u8>)]) -> Vec<u8> {
    use std::collections::BTreeMap;
    let header = Ipld::Map(BTreeMap::from([
        ("version".to_owned(), Ipld::Integer(1)),
        (
            "roots".to_owned(),
            Ipld::List(roots.iter().map(|c| Ipld::Link(*c)).collect()),
        ),
    ]));
    let header = serde_ipld_dagcbor::to_vec(&header).unwrap();
    let mut out = Vec::new();
    push_varint(&mut out, header.len());
    out.extend(header);
    for (cid, data) in blocks {
        let cid = cid.to_bytes();
        push_varint(&mut out, cid.len() + data.len());
        out.extend(cid);
        out.extend(data);
    }
    out
}

#[cfg(test)]
fn push_varint(out: &mut Vec<u8>, mut value: usize) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints() {
        let mut at = 0;
        assert_eq!(varint(&[0xac, 0x02, 0x05], &mut at), Some(300));
        assert_eq!(varint(&[0xac, 0x02, 0x05], &mut at), Some(5));
        assert_eq!(varint(&[0xac, 0x02, 0x05], &mut at), None);
        let mut at = 0;
        assert_eq!(varint(&[0xff; 12], &mut at), None);
    }

    #[test]
    fn damaged_files_say_where() {
        assert!(read(&[]).unwrap_err().contains("header length"));
        assert!(read(&[0x10, 1, 2]).unwrap_err().contains("cut off"));
    }
}
