//! Work spread over every core whose failures are still reported as a one-core run would.

use rayon::prelude::*;

/// Every result, in order, or the first failure in order. rayon's own collect into a
/// `Result` stops at whichever failure a core meets first, so the error a user sees would
/// change from run to run.
pub fn collect_in_order<T: Send, E: Send>(
    results: impl ParallelIterator<Item = Result<T, E>>,
) -> Result<Vec<T>, E> {
    let all: Vec<Result<T, E>> = results.collect();
    all.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_failure_in_order_is_the_one_reported() {
        for _ in 0..20 {
            let found = collect_in_order((0..20_000u32).into_par_iter().map(|n| {
                if n == 10 || n == 19_990 {
                    Err(n)
                } else {
                    Ok(n)
                }
            }));
            assert_eq!(found, Err(10));
        }
        let all = collect_in_order((0..1000u32).into_par_iter().map(Ok::<u32, ()>)).unwrap();
        assert_eq!(all, (0..1000).collect::<Vec<_>>());
    }
}
