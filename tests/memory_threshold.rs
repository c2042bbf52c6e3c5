//! glibc takes the fixed mmap threshold (`src/memory.rs`). Its own test binary without the
//! test harness, because `mallopt` may only be called while no other thread runs, and the
//! harness runs tests on threads of its own.

fn main() {
    // SAFETY: this binary's only thread.
    let taken = unsafe { jejak::memory::return_large_blocks_to_the_system() };
    if cfg!(all(target_os = "linux", target_env = "gnu")) {
        assert!(taken, "glibc refused the mmap threshold");
    } else {
        assert!(!taken, "there is no glibc to take it");
    }
    println!("memory_threshold: ok");
}
