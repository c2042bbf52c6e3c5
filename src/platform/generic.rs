//! Generic CSV / JSONL reader. (Being written.)

use crate::archive::{Archive, Entry};
use crate::model::Platform;
use crate::platform::{GenericColumns, PlatformReader, Reading};

pub struct GenericReader;

impl PlatformReader for GenericReader {
    fn platform(&self) -> Platform {
        Platform::Generic
    }
    fn recognise(&self, _entries: &[Entry]) -> u32 {
        0
    }
    fn read(&self, _archive: &Archive, _columns: &GenericColumns) -> Reading {
        Reading::default()
    }
}
