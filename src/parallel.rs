//! Work spread over every core whose failures are still reported as a one-core run would.

use std::sync::Mutex;

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

/// Results that finish in any order, on any thread, given back in the order their work was
/// handed out.
pub struct InOrder<T> {
    done: Mutex<Vec<(usize, T)>>,
}

impl<T> Default for InOrder<T> {
    fn default() -> Self {
        InOrder {
            done: Mutex::new(Vec::new()),
        }
    }
}

impl<T> InOrder<T> {
    /// The result of the work handed out `index`-th.
    pub fn push(&self, index: usize, result: T) {
        // A panic elsewhere cannot leave the list half-written (a push either happened or
        // not); the scope that ran the work passes the panic on.
        self.done
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push((index, result));
    }

    /// Every result pushed, by index.
    pub fn into_vec(self) -> Vec<T> {
        let mut done = self
            .done
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        done.sort_unstable_by_key(|&(index, _)| index);
        done.into_iter().map(|(_, result)| result).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_pushed_from_many_threads_come_back_by_index() {
        let results = InOrder::default();
        (0..5_000usize)
            .into_par_iter()
            .rev()
            .for_each(|n| results.push(n, n * 2));
        assert_eq!(
            results.into_vec(),
            (0..5_000).map(|n| n * 2).collect::<Vec<_>>()
        );
    }

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
