//! Size limits that keep a hostile or broken archive (a zip bomb) from exhausting memory.

/// Limits on what is read from one archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest single entry, uncompressed, in bytes.
    pub max_entry_bytes: u64,
    /// Largest sum of all entries' uncompressed sizes, in bytes.
    pub max_total_bytes: u64,
    /// Highest uncompressed/compressed ratio accepted for entries above `ratio_floor_bytes`.
    pub max_ratio: u64,
    /// Entries smaller than this are not ratio-checked (tiny files compress very well).
    pub ratio_floor_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        const GIB: u64 = 1024 * 1024 * 1024;
        Limits {
            max_entry_bytes: 4 * GIB,
            max_total_bytes: 64 * GIB,
            // JSON text compresses 10–20×; a thousand-fold ratio is a bomb, not an export.
            max_ratio: 1000,
            ratio_floor_bytes: 16 * 1024 * 1024,
        }
    }
}
