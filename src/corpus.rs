//! A synthetic corpus for benchmarks: the bundled seed articles, varied.
//!
//! Takes the seed texts and gives JSON Lines articles until a size is reached. Each copy
//! shifts the publication date (0-29 days) and swaps the names of major cities for other
//! ones, so that the matcher, the dates and the timeline see varied input rather than one
//! text repeated. Deterministic: the same size gives the same bytes.

use chrono::{Duration, NaiveDate};
use std::io::{self, Write};

/// The seed articles, compiled in (the same files as `seeds/`).
pub const SEEDS: [&str; 5] = [
    include_str!("../seeds/000_110a0582fc68850d.txt"),
    include_str!("../seeds/001_12a719be5062d1a0.txt"),
    include_str!("../seeds/002_f9b9bb9c8095ce65.txt"),
    include_str!("../seeds/003_e7e478c007f868f6.txt"),
    include_str!("../seeds/004_f430c977d6ade7d1.txt"),
];

/// Cities whose names are swapped between copies.
const CITIES: [&str; 12] = [
    "Aleppo", "Hama", "Homs", "Damascus", "Idlib", "Daraa", "Raqqa", "Latakia", "Tartus",
    "Palmyra", "Manbij", "Quneitra",
];

/// Writes JSON Lines articles (`id`, `date`, `text`) to `w` until at least `bytes` of
/// article text have been written; returns (articles, text bytes).
pub fn generate(bytes: usize, w: &mut dyn Write) -> io::Result<(usize, usize)> {
    let base = NaiveDate::from_ymd_opt(2024, 11, 28).expect("a valid date");
    let (mut n, mut written) = (0usize, 0usize);
    while written < bytes {
        let text = variant(n);
        let date = base + Duration::days((n % 30) as i64);
        let rec = serde_json::json!({"id": format!("synthetic-{n}"), "date": date.to_string(), "text": text});
        serde_json::to_writer(&mut *w, &rec)?;
        w.write_all(b"\n")?;
        written += text.len();
        n += 1;
    }
    Ok((n, written))
}

/// Copy `n`: a seed without its date header, with city names rotated.
pub fn variant(n: usize) -> String {
    let seed = SEEDS[n % SEEDS.len()];
    let body = seed
        .trim_start()
        .strip_prefix("date ")
        .map_or(seed, |r| r.get(10..).unwrap_or(r));
    let shift = n / SEEDS.len() % CITIES.len();
    if shift == 0 {
        return body.to_string();
    }
    // Two passes through placeholders so that swapped names are not swapped again.
    let mut text = body.to_string();
    for (i, c) in CITIES.iter().enumerate() {
        text = text.replace(c, &format!("\u{1}{i}\u{1}"));
    }
    for i in 0..CITIES.len() {
        text = text.replace(
            &format!("\u{1}{i}\u{1}"),
            CITIES[(i + shift) % CITIES.len()],
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_differ_and_keep_no_placeholder() {
        let (a, b) = (variant(0), variant(5));
        assert_ne!(a, b);
        assert!(!b.contains('\u{1}'));
        assert!(a.contains("Aleppo") && b.contains("Hama"));
    }

    #[test]
    fn generate_reaches_the_size_and_is_deterministic() {
        let (mut x, mut y) = (Vec::new(), Vec::new());
        let (n, bytes) = generate(100_000, &mut x).unwrap();
        generate(100_000, &mut y).unwrap();
        assert!(bytes >= 100_000 && n > 20);
        assert_eq!(x, y);
    }
}
