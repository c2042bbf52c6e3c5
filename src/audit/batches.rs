//! An account's batches, checked while its reader goes on. The reader counts each batch and
//! hands it over; the batch is checked on the other cores while the reader splits and parses
//! the next chunk or loads the next file, which it would otherwise do with the rest of the
//! machine idle. Results are put back in batch order, so the findings are the same however
//! the batches were scheduled.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;

use super::{exclusion_reason, AuditOptions};
use crate::model::{Finding, Item};
use crate::parallel::InOrder;
use crate::rules::{CheckContext, Engine};

/// Items handed over and not yet checked, across every account of the run: two of X's
/// chunks. Shared by the accounts, not given to each: accounts are read side by side, one
/// per core, and each holding batches of its own would multiply that memory by the thread
/// count. Room for three chunks was no faster on a 600 MB X account (its 256 MB part files
/// load while the two in flight are checked) and held 25–47 MB more on four heavy Facebook
/// accounts (the same on four Instagram ones).
const MAX_ITEMS_IN_FLIGHT: usize = 32 * 1024;

/// The run's room for items in flight.
static RUN_IN_FLIGHT: InFlight = InFlight::new(MAX_ITEMS_IN_FLIGHT);

/// What an account's batches add up to, counted in batch order as the reader hands them over.
#[derive(Default)]
pub(super) struct Tally {
    pub items_by_kind: BTreeMap<String, u64>,
    pub excluded: BTreeMap<String, u64>,
    pub span: DateSpan,
}

impl Tally {
    /// Counts a batch's items; returns which of them are audited (the others are counted as
    /// excluded with their reason).
    pub fn count(&mut self, items: &[Item], options: &AuditOptions) -> Vec<bool> {
        items
            .iter()
            .map(|item| {
                add_one(&mut self.items_by_kind, item.kind.as_str());
                self.span.add(item);
                match exclusion_reason(item, options) {
                    Some(reason) => {
                        add_one(&mut self.excluded, reason);
                        false
                    }
                    None => true,
                }
            })
            .collect()
    }
}

/// Counts one more `key` without allocating its name again for every item.
fn add_one(counts: &mut BTreeMap<String, u64>, key: &str) {
    match counts.get_mut(key) {
        Some(count) => *count += 1,
        None => {
            counts.insert(key.to_owned(), 1);
        }
    }
}

/// How long the reader sleeps when every batch in flight is being checked elsewhere.
const IDLE_WAIT: std::time::Duration = std::time::Duration::from_micros(100);

/// Room for items in flight, shared by whoever hands batches over.
pub(super) struct InFlight {
    items: AtomicUsize,
    capacity: usize,
}

impl InFlight {
    pub const fn new(capacity: usize) -> InFlight {
        InFlight {
            items: AtomicUsize::new(0),
            capacity,
        }
    }

    /// Room for `items` more, if there is. An account with nothing of its own in flight
    /// always goes, whatever the others hold: a batch larger than the whole room (readers
    /// that hand an archive over in one batch) would otherwise wait forever, and a reader
    /// then waits only on its own checks, which started after it, so no wait can close a
    /// circle wherever rayon runs a check (a waiting thread runs others' work). The room is
    /// exceeded by at most one batch per account being read, and no more accounts are read
    /// at once than there are threads (`audit_each`).
    fn try_take<'a>(&'a self, items: usize, own: &'a AtomicUsize) -> Option<Slot<'a>> {
        let alone = own.load(Ordering::Acquire) == 0;
        self.items
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |now| {
                (alone || now + items <= self.capacity).then_some(now + items)
            })
            .ok()?;
        own.fetch_add(1, Ordering::AcqRel);
        Some(Slot {
            room: self,
            items,
            own,
        })
    }

    /// Waits for room for `items`; the waiting thread helps with the checks meanwhile.
    fn take<'a>(&'a self, items: usize, own: &'a AtomicUsize) -> Slot<'a> {
        loop {
            if let Some(slot) = self.try_take(items, own) {
                return slot;
            }
            // Runs a waiting check (or part of one) here rather than idling; when there is
            // none to take, the running ones are in other threads' hands and take
            // milliseconds: a short sleep, not a spin that would take a core from them.
            if rayon::yield_now() != Some(rayon::Yield::Executed) {
                std::thread::sleep(IDLE_WAIT);
            }
        }
    }

    #[cfg(test)]
    fn in_flight(&self) -> usize {
        self.items.load(Ordering::Acquire)
    }
}

/// A batch's room among the items in flight, given back however its check ends: one that
/// panicked must not leave the readers waiting for room forever (the scope passes the panic
/// on when it ends).
struct Slot<'a> {
    room: &'a InFlight,
    items: usize,
    /// The account's own count of batches in flight.
    own: &'a AtomicUsize,
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        self.room.items.fetch_sub(self.items, Ordering::AcqRel);
        self.own.fetch_sub(1, Ordering::AcqRel);
    }
}

/// An account's checked items: their findings, and the audited items the account-level
/// rules look at (those with coordinates).
#[derive(Default)]
pub(super) struct Checked {
    pub findings: Vec<Finding>,
    pub located: Vec<Item>,
}

/// The checks of one account's batches, running or done.
#[derive(Default)]
pub(super) struct Checks {
    /// Finished batches, given back in reading order.
    done: InOrder<Checked>,
    /// Batches handed over so far (only the reader's thread hands them over).
    spawned: AtomicUsize,
    /// This account's batches being checked.
    running: AtomicUsize,
}

impl Checks {
    /// Checks `items` (those marked `audited`) in `scope`, after waiting for room among the
    /// run's items in flight.
    pub fn spawn<'s>(
        &'s self,
        scope: &rayon::Scope<'s>,
        items: Vec<Item>,
        audited: Vec<bool>,
        engine: &'s Engine,
        ctx: CheckContext<'s>,
    ) {
        let slot = RUN_IN_FLIGHT.take(items.len(), &self.running);
        let index = self.spawned.fetch_add(1, Ordering::AcqRel);
        scope.spawn(move |_| {
            let _slot = slot;
            self.done
                .push(index, check_batch(items, &audited, engine, ctx));
        });
    }

    /// Every batch's results in reading order (call after the scope has ended).
    pub fn finish(self) -> Checked {
        let mut all = Checked::default();
        for mut checked in self.done.into_vec() {
            all.findings.append(&mut checked.findings);
            all.located.append(&mut checked.located);
        }
        all
    }
}

fn check_batch(
    items: Vec<Item>,
    audited: &[bool],
    engine: &Engine,
    ctx: CheckContext<'_>,
) -> Checked {
    let findings = items
        .par_iter()
        .zip(audited)
        .filter(|(_, &audited)| audited)
        .flat_map_iter(|(item, _)| engine.check(item, ctx))
        .collect();
    // Extended, not collected: `collect` would reuse the batch's allocation in place and keep
    // the room of a whole batch for the few that have coordinates, batch after batch.
    let mut located = Vec::new();
    located.extend(
        items
            .into_iter()
            .zip(audited)
            .filter(|(item, &audited)| audited && engine.account_rules_need(item))
            .map(|(item, _)| item),
    );
    Checked { findings, located }
}

/// The earliest and latest dates seen so far; of equal instants the first seen is earliest
/// and the last seen latest, whatever the batches.
#[derive(Default)]
pub(super) struct DateSpan {
    first: Option<DateTime<FixedOffset>>,
    last: Option<DateTime<FixedOffset>>,
}

impl DateSpan {
    pub fn add(&mut self, item: &Item) {
        let Some(at) = item.created_at else { return };
        if self.first.is_none_or(|first| at < first) {
            self.first = Some(at);
        }
        if self.last.is_none_or(|last| at >= last) {
            self.last = Some(at);
        }
    }

    pub fn first(&self) -> Option<String> {
        self.first.map(|d| d.to_rfc3339())
    }

    pub fn last(&self) -> Option<String> {
        self.last.map(|d| d.to_rfc3339())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemKind, Location, LocationOrigin, Platform, SourceRef};

    #[test]
    fn a_check_that_panics_gives_its_room_back() {
        let room = InFlight::new(10);
        let own = AtomicUsize::new(0);
        let slot = room.try_take(4, &own).unwrap();
        assert_eq!((room.in_flight(), own.load(Ordering::Acquire)), (4, 1));
        let result = std::panic::catch_unwind(move || {
            let _slot = slot;
            panic!("a check that fails");
        });
        assert!(result.is_err());
        assert_eq!((room.in_flight(), own.load(Ordering::Acquire)), (0, 0));
    }

    #[test]
    fn an_account_waits_while_the_room_is_full_unless_it_has_nothing_in_flight() {
        let room = InFlight::new(10);
        let (one, other) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let first = room.try_take(6, &one).unwrap();
        let second = room.try_take(4, &one).unwrap();
        assert!(room.try_take(1, &one).is_none(), "the room holds 10 items");
        drop(first);
        assert!(
            room.try_take(7, &one).is_none(),
            "4 in flight leave room for 6"
        );
        let third = room.try_take(6, &one).unwrap();
        // Another account with nothing in flight goes even though the room is full, so it
        // never waits on checks that may be suspended beneath it.
        let others = room.try_take(5, &other).unwrap();
        assert_eq!(room.in_flight(), 15);
        assert!(room.try_take(1, &other).is_none(), "its second batch waits");
        drop((second, third, others));
        // Larger than the whole room: goes alone.
        let large = room.try_take(25, &one).unwrap();
        assert!(room.try_take(1, &one).is_none());
        drop(large);
        assert_eq!(room.in_flight(), 0);
    }

    #[test]
    fn a_checked_batch_keeps_room_for_its_located_items_only() {
        let engine = Engine::compile(&crate::rules::Rulebook::load(None).unwrap()).unwrap();
        let items: Vec<Item> = (0..4096)
            .map(|n| {
                let source = SourceRef {
                    file: "data/tweets.js".into(),
                    position: n + 1,
                };
                let mut item = Item::new(Platform::Twitter, ItemKind::Post, n.to_string(), source);
                item.text = "Rapat koordinasi berjalan lancar".into();
                if n % 1000 == 0 {
                    item.location = Some(Location {
                        lat: Some(-6.9147),
                        lon: Some(107.6098),
                        name: None,
                        origin: LocationOrigin::Geotag,
                    });
                }
                item
            })
            .collect();
        let audited = vec![true; items.len()];
        let ctx = CheckContext {
            account: "budi",
            lang: crate::report::Lang::Id,
        };
        let checked = check_batch(items, &audited, &engine, ctx);
        let ids: Vec<&str> = checked.located.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["0", "1000", "2000", "3000", "4000"]);
        // A heavy account's batches are kept this way one after another: each must not
        // hold on to the room of the whole batch.
        assert!(
            checked.located.capacity() < 64,
            "{}",
            checked.located.capacity()
        );
    }
}
