//! The repository's Merkle Search Tree: commit → `data` (root node) → nodes
//! `{l: left subtree, e: [{p: shared prefix length, k: key suffix, v: record, t: right subtree}]}`.
//! Records do not carry their own key, so the walk is what tells `collection/rkey`.

use std::collections::HashSet;

use ipld_core::cid::Cid;
use ipld_core::ipld::Ipld;

use super::car::{map_get, Car};

/// What the commit block says.
pub struct Commit {
    pub did: Option<String>,
    pub data: Cid,
}

pub fn commit(car: &Car, root: &Cid) -> Result<Commit, String> {
    let block = car.decode(root)?;
    let did = match map_get(&block, "did") {
        Some(Ipld::String(did)) => Some(did.clone()),
        _ => None,
    };
    match map_get(&block, "data") {
        Some(Ipld::Link(data)) => Ok(Commit { did, data: *data }),
        _ => Err(format!(
            "the root block {root} is not a repository commit (no `data` link)"
        )),
    }
}

/// Every (key, record CID) in key order; tree nodes that cannot be read are reported in
/// `broken` and their part of the tree is skipped.
pub fn walk(car: &Car, root: &Cid, broken: &mut Vec<String>) -> Vec<(String, Cid)> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    node(car, root, 0, &mut seen, &mut out, broken);
    out
}

/// Far deeper than any real tree (fan-out 16: depth 16 holds 2^64 keys).
const MAX_DEPTH: usize = 64;

fn node(
    car: &Car,
    cid: &Cid,
    depth: usize,
    seen: &mut HashSet<Cid>,
    out: &mut Vec<(String, Cid)>,
    broken: &mut Vec<String>,
) {
    if depth > MAX_DEPTH || !seen.insert(*cid) {
        broken.push(format!("tree node {cid} loops back or nests too deep"));
        return;
    }
    let block = match car.decode(cid) {
        Ok(block) => block,
        Err(reason) => {
            broken.push(format!("tree node: {reason}"));
            return;
        }
    };
    if let Some(Ipld::Link(left)) = map_get(&block, "l") {
        node(car, left, depth + 1, seen, out, broken);
    }
    let Some(Ipld::List(entries)) = map_get(&block, "e") else {
        broken.push(format!("tree node {cid} has no entry list `e`"));
        return;
    };
    let mut key: Vec<u8> = Vec::new();
    for entry in entries {
        let prefix = match map_get(entry, "p") {
            Some(Ipld::Integer(p)) => usize::try_from(*p).unwrap_or(usize::MAX),
            _ => 0,
        };
        let (Some(Ipld::Bytes(suffix)), Some(Ipld::Link(value))) =
            (map_get(entry, "k"), map_get(entry, "v"))
        else {
            broken.push(format!("tree node {cid} has an entry without `k` or `v`"));
            continue;
        };
        if prefix > key.len() {
            broken.push(format!(
                "tree node {cid} shares {prefix} bytes with a {}-byte key",
                key.len()
            ));
            continue;
        }
        key.truncate(prefix);
        key.extend_from_slice(suffix);
        out.push((String::from_utf8_lossy(&key).into_owned(), *value));
        if let Some(Ipld::Link(right)) = map_get(entry, "t") {
            node(car, right, depth + 1, seen, out, broken);
        }
    }
}
