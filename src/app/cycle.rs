//! Stepping through a fixed list and round again: form fields, a topic's
//! kind, the edition a new one starts from.

/// The item after (or before) `now` in `all`, wrapping at either end; the
/// first one when `now` is not in the list.
pub fn cycle<T: Copy + PartialEq>(all: &[T], now: T, forward: bool) -> T {
    let n = all.len();
    let Some(i) = all.iter().position(|x| *x == now) else {
        return all.first().copied().unwrap_or(now);
    };
    let next = if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    };
    all[next]
}

#[cfg(test)]
mod tests {
    use super::cycle;

    #[test]
    fn steps_and_wraps_both_ways() {
        let all = [1, 2, 3];
        assert_eq!(cycle(&all, 1, true), 2);
        assert_eq!(cycle(&all, 3, true), 1);
        assert_eq!(cycle(&all, 1, false), 3);
        assert_eq!(cycle(&all, 9, true), 1);
        let none: [Option<usize>; 3] = [None, Some(0), Some(1)];
        assert_eq!(cycle(&none, Some(1), true), None);
        assert_eq!(cycle(&none, None, false), Some(1));
    }
}
