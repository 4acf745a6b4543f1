//! Eight bytes at a time ("SIMD within a register"): which bytes of a little-endian
//! `u64` belong to a class, as bit 7 of each byte. The lexers use this to find where a
//! word ends without a branch per byte: the end of a word is the one branch a CPU cannot
//! predict, and a byte loop takes it once per byte.

const HIGH: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes of `b` from `i` (little-endian), when there are eight.
#[inline]
pub(crate) fn load(b: &[u8], i: usize) -> Option<u64> {
    let bytes = b.get(i..i + 8)?;
    Some(u64::from_le_bytes(bytes.try_into().expect("eight bytes")))
}

/// Bit 7 set in each byte of `x` that is ASCII and within `lo..=hi` (`hi` ASCII).
#[inline]
pub(crate) fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    debug_assert!(lo <= hi && hi < 0x80);
    // With bit 7 cleared, adding at most 0x80 to a byte never carries into the next.
    let y = x & !HIGH;
    let at_least = |v: u8| y + ONES * (0x80 - v as u64);
    at_least(lo) & !at_least(hi + 1) & !x & HIGH
}

/// Bit 7 set in each byte of `x` equal to `c` (ASCII).
#[inline]
pub(crate) fn equal(x: u64, c: u8) -> u64 {
    in_range(x, c, c)
}

/// Bit 7 set in each byte not set in `class`: the stops of a run of class bytes; the
/// first stop is at byte `stops(..).trailing_zeros() / 8`.
#[inline]
pub(crate) fn stops(class: u64) -> u64 {
    !class & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The class of each byte as the scalar test gives it, in the same form.
    fn scalar(b: [u8; 8], f: impl Fn(u8) -> bool) -> u64 {
        (0..8).fold(0, |acc, k| acc | (u64::from(f(b[k])) << (8 * k + 7)))
    }

    proptest::proptest! {
        #[test]
        fn in_range_agrees_with_the_scalar_test(b: [u8; 8], lo in 0u8..0x80, len in 0u8..0x80) {
            let hi = lo.saturating_add(len).min(0x7f);
            let x = u64::from_le_bytes(b);
            proptest::prop_assert_eq!(in_range(x, lo, hi), scalar(b, |c| (lo..=hi).contains(&c)));
            proptest::prop_assert_eq!(equal(x, lo), scalar(b, |c| c == lo));
        }
    }

    #[test]
    fn stops_mark_what_is_outside_the_class() {
        let x = u64::from_le_bytes(*b"ab1 \xc3\xa9z.");
        let letters = stops(in_range(x, b'a', b'z'));
        assert_eq!(letters.trailing_zeros() / 8, 2);
        assert_eq!(letters.count_ones(), 5); // '1', ' ', the two bytes of 'é', '.'
        assert_eq!(load(b"1234567", 0), None);
    }
}
