//! Independent jobs spread over the cores: loading and checking checklist files, each on its
//! own. `std::thread::scope` is enough for this (a crate such as rayon would add a thread
//! pool to every start of a short-lived command for one loop).

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// Fewer items than this per extra thread are done on the calling thread alone: starting a
/// thread costs about as much as parsing a small file.
const MIN_ITEMS_PER_THREAD: usize = 8;

/// `f` applied to every item, results in the items' order, on as many threads as there
/// are cores (the calling thread is one of them). Items are handed out one at a time from
/// a shared counter, so one slow file does not hold up a whole share of the others. A
/// panic in `f` is raised again here, as if `f` had run on this thread.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    // Asked only when there is work to share: the question reads the cgroup's files.
    let most = items.len() / MIN_ITEMS_PER_THREAD;
    let cores = || thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let threads = if most < 2 { 1 } else { cores().min(most) };
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let mut results = thread::scope(|scope| {
        // A thread the system refuses to start is not needed: the others take its share.
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| thread::Builder::new().spawn_scoped(scope, work).ok())
            .collect();
        let mut results = work();
        for helper in helpers {
            match helper.join() {
                Ok(done) => results.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        results
    });
    results.sort_unstable_by_key(|&(i, _)| i);
    results.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_items_order_whatever_thread_did_them() {
        let items: Vec<u64> = (0..1_000).collect();
        let squares = super::map(&items, |&n| {
            // Uneven work, so that the threads finish out of order.
            if n % 7 == 0 {
                std::thread::sleep(std::time::Duration::from_micros(50));
            }
            n * n
        });
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
    }

    #[test]
    #[should_panic(expected = "item 500")]
    fn a_panic_in_a_job_is_raised_in_the_caller() {
        let items: Vec<u32> = (0..1_000).collect();
        super::map(&items, |&n| assert_ne!(n, 500, "item {n}"));
    }

    #[test]
    fn few_items_stay_on_the_calling_thread() {
        let me = std::thread::current().id();
        let ids = super::map(&[1, 2, 3], |_| std::thread::current().id());
        assert!(ids.iter().all(|&id| id == me));
        assert!(super::map(&[] as &[u8], |&b| b).is_empty());
    }
}
