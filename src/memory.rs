//! How the process asks the C allocator for memory.
//!
//! glibc serves a block of 128 KiB or more with its own `mmap` and gives it back when freed,
//! but each time such a block is freed it raises that threshold to the block's size, up to
//! 32 MiB. A run frees many such blocks: the texts of an account's files (a 24 MB comments
//! file, a 20 MB stories file) and the batches of items. Once the threshold has risen, every
//! later block below it comes from the threads' arenas, whose freed space is rarely at their
//! top and so is kept: four heavy Instagram accounts peaked 45 MB higher (347 against
//! 302 MB), four heavy Facebook accounts 28 MB higher, for no gain in time.
//! A fixed threshold switches that rise off. 1 MiB rather than glibc's 128 KiB keeps blocks
//! of a few hundred KiB (small files' texts, growing lists) out of `mmap`'s system calls at
//! the same peaks (measured: 302 and 303 MB on the four Instagram accounts, 315 and 314 MB
//! on the four Facebook ones); 4 MiB let 10 MB back into the arenas.

/// Fixes glibc's mmap threshold at `MMAP_THRESHOLD`; true when the allocator took it.
///
/// # Safety
/// No other thread may be running: glibc's `mallopt` is not thread-safe (it locks only the
/// main arena while threads on other arenas read the threshold). `main` calls it first.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub unsafe fn return_large_blocks_to_the_system() -> bool {
    // SAFETY: `mallopt` takes two integers and touches no memory of ours; the caller
    // guarantees that no other thread is allocating meanwhile.
    unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1 }
}

/// Other C libraries (musl, macOS, Windows) keep no such rising threshold.
///
/// # Safety
/// Nothing to uphold; `unsafe` only to match the glibc version.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub unsafe fn return_large_blocks_to_the_system() -> bool {
    false
}

/// Blocks of this size or more go straight to the system and back.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 1 << 20;
