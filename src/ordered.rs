//! Independent items mapped on every core, their results delivered in input order.
//!
//! Takes an iterator of items (articles) and a function (extract and serialise one) and
//! gives the function's results, in the items' order, to a sink. Items are taken
//! [`BATCH`] at a time, so memory holds one batch whatever the stream's length; the sink
//! sees the same results in the same order for any number of threads, so output is
//! byte-identical to a one-thread run.

use rayon::prelude::*;

/// Items mapped together: enough to keep every core busy between two ordered writes,
/// few enough that a batch of long articles stays small in memory.
pub const BATCH: usize = 256;

/// A pool of `threads` workers (0: one per core).
pub fn pool(threads: usize) -> Result<rayon::ThreadPool, rayon::ThreadPoolBuildError> {
    rayon::ThreadPoolBuilder::new().num_threads(threads).build()
}

/// Maps `items` with `f` on `pool`, handing each result to `sink` in input order; stops at
/// the sink's first error.
pub fn map_in_order<T, R, E>(
    pool: &rayon::ThreadPool,
    items: impl Iterator<Item = T>,
    f: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    let mut items = items.peekable();
    while items.peek().is_some() {
        let batch: Vec<T> = items.by_ref().take(BATCH).collect();
        let results: Vec<R> = pool.install(|| batch.into_par_iter().map(&f).collect());
        for r in results {
            sink(r)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_arrive_in_input_order_for_any_number_of_threads() {
        let items = 0..(3 * BATCH as u64 + 7);
        let want: Vec<u64> = items.clone().map(|i| i * i).collect();
        for threads in [1, 2, 4] {
            let mut got = Vec::new();
            let slow_square = |i: u64| {
                // Early items take longest, so a pool that delivered in completion order
                // would reorder them.
                std::thread::sleep(std::time::Duration::from_micros(
                    (BATCH as u64 - i % BATCH as u64) / 8,
                ));
                i * i
            };
            map_in_order(&pool(threads).unwrap(), items.clone(), slow_square, |r| {
                got.push(r);
                Ok::<(), ()>(())
            })
            .unwrap();
            assert_eq!(got, want, "{threads} threads");
        }
    }

    #[test]
    fn the_sinks_first_error_stops_the_run() {
        let mut seen = 0;
        let r = map_in_order(
            &pool(2).unwrap(),
            0..1000,
            |i| i,
            |i| {
                seen += 1;
                if i == 10 {
                    Err(i)
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!((r, seen), (Err(10), 11));
    }
}
