//! Items on their way from a reader to the audit, handed over a batch at a time as they are
//! made: a heavy account's items are checked and dropped while the rest of its archive is
//! read, instead of all waiting in memory for the last file.

use crate::model::Item;
use crate::platform::{Batch, Reading};

/// Items per batch: enough to keep every core busy, few enough that the batches in flight
/// stay a small part of a large file. Half of X's chunk: each account being read holds one
/// batch in the making beside those in flight (8k instead of 16k held 6–18 MB less on four
/// heavy Facebook or Instagram accounts, at the same speed).
pub const BATCH_ITEMS: usize = 8 * 1024;

pub struct Handover<'s> {
    sink: &'s mut dyn FnMut(Batch<'_>),
    pending: Vec<Item>,
    batch_items: usize,
    /// The account's handle, once the reader knows it: every batch carries it, and the
    /// reading gets it at the end.
    pub handle: Option<String>,
}

impl<'s> Handover<'s> {
    pub fn new(sink: &'s mut dyn FnMut(Batch<'_>)) -> Handover<'s> {
        Handover::with_batch_items(sink, BATCH_ITEMS)
    }

    fn with_batch_items(sink: &'s mut dyn FnMut(Batch<'_>), batch_items: usize) -> Handover<'s> {
        Handover {
            sink,
            pending: Vec::new(),
            batch_items: batch_items.max(1),
            handle: None,
        }
    }

    pub fn push(&mut self, item: Item) {
        self.pending.push(item);
        if self.pending.len() >= self.batch_items {
            self.flush();
        }
    }

    pub fn extend(&mut self, items: impl IntoIterator<Item = Item>) {
        for item in items {
            self.push(item);
        }
    }

    /// Hands over what is pending.
    pub fn flush(&mut self) {
        if !self.pending.is_empty() {
            let items = std::mem::take(&mut self.pending);
            (self.sink)(Batch {
                handle: self.handle.as_deref(),
                items,
            });
        }
    }
}

impl Drop for Handover<'_> {
    /// Nothing made is left behind when a reader returns early. Not while a panic unwinds:
    /// the audit taking the batch could panic in turn, and that would abort the process.
    fn drop(&mut self) {
        if !std::thread::panicking() {
            self.flush();
        }
    }
}

/// A reader's whole reading with its items, for `PlatformReader::read`, from its
/// `read_batches`.
pub fn read_all(read_batches: impl FnOnce(&mut dyn FnMut(Batch<'_>)) -> Reading) -> Reading {
    let mut items = Vec::new();
    let mut reading = read_batches(&mut |batch| items.extend(batch.items));
    reading.items = items;
    reading
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemKind, Platform, SourceRef};

    fn item(n: usize) -> Item {
        let source = SourceRef {
            file: "f.json".into(),
            position: n,
        };
        Item::new(
            Platform::Instagram,
            ItemKind::Post,
            format!("f#{n}"),
            source,
        )
    }

    #[test]
    fn items_go_over_in_full_batches_in_order_and_the_rest_at_the_end() {
        let mut batches: Vec<(Option<String>, Vec<usize>)> = Vec::new();
        let mut sink = |batch: Batch<'_>| {
            batches.push((
                batch.handle.map(str::to_owned),
                batch.items.iter().map(|i| i.source.position).collect(),
            ))
        };
        {
            let mut handover = Handover::new(&mut sink);
            handover.handle = Some("budi".into());
            for n in 0..BATCH_ITEMS + 3 {
                handover.push(item(n));
            }
        }
        assert_eq!(batches.len(), 2);
        assert_eq!(batches[0].1.len(), BATCH_ITEMS);
        assert_eq!(
            batches[1].1,
            (BATCH_ITEMS..BATCH_ITEMS + 3).collect::<Vec<_>>()
        );
        assert!(batches.iter().all(|b| b.0.as_deref() == Some("budi")));
        let all: Vec<usize> = batches.iter().flat_map(|b| b.1.clone()).collect();
        assert_eq!(all, (0..BATCH_ITEMS + 3).collect::<Vec<_>>());
    }
}
