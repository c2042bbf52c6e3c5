//! glibc takes the fixed mmap threshold (`src/memory.rs`). Its own test binary without the
//! test harness, because `mallopt` may only be called while no other thread runs, and the
//! harness runs tests on threads of its own.

fn main() {
    // SAFETY: this binary's only thread.
    let taken = unsafe { jejak::memory::return_large_blocks_to_the_system() };
    // Elsewhere there is no glibc and nothing to take it.
    if cfg!(all(target_os = "linux", target_env = "gnu")) {
        assert!(taken, "glibc refused the mmap threshold");
        println!("memory_threshold: glibc took it");
    }
}
