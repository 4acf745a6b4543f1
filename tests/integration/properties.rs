//! Properties that must hold for any input.

use frontline::article::{parse_text, IngestOptions};
use frontline::extract::Extractor;
use frontline::gazetteer::normalize::{fold, NameKey};
use frontline::gazetteer::Gazetteer;
use proptest::prelude::*;
use std::sync::OnceLock;

fn gaz() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::bundled().unwrap())
}

/// Text that looks a little like news: names, articles, marks, Arabic, punctuation.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Aleppo".to_string()),
        Just("al-".to_string()),
        Just("Ma'arrat ".to_string()),
        Just(" took control of ".to_string()),
        Just("Nov. 30".to_string()),
        Just("حلب".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("’s".to_string()),
        Just("İdlib".to_string()),
        Just("rebels".to_string()),
        Just(" the day before ".to_string()),
        Just(" captured by ".to_string()),
        Just(": ".to_string()),
        Just("’s fall".to_string()),
        Just(" denied the claim".to_string()),
        Just(", an army source said".to_string()),
        Just(" last month".to_string()),
        "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn fold_is_idempotent(s in "\\PC{0,30}") {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once);
    }

    #[test]
    fn name_keys_are_stable_under_refolding(s in "[A-Za-z' -]{0,30}") {
        let k = NameKey::new(&s);
        prop_assert_eq!(NameKey::new(&k.folded).folded, k.folded);
    }

    #[test]
    fn matcher_spans_fall_on_char_boundaries(s in newsy()) {
        for m in gaz().find(&s) {
            prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
            prop_assert!(m.span.start < m.span.end && m.span.end <= s.len());
        }
    }

    #[test]
    fn extraction_never_panics_and_spans_are_valid(s in newsy(), with_header in any::<bool>()) {
        let body = if with_header { format!(" date 2024-12-08 {s}") } else { s };
        if let Ok(a) = parse_text("p.txt".into(), body.as_bytes(), IngestOptions::default()) {
            for e in Extractor::new(gaz()).extract(&a).events {
                prop_assert!(a.text.is_char_boundary(e.span.start) && a.text.is_char_boundary(e.span.end));
                prop_assert!(e.sentence.start <= e.span.start && e.span.end <= e.sentence.end);
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(a) = parse_text("b.txt".into(), &bytes, IngestOptions::default()) {
            let _ = Extractor::new(gaz()).extract(&a);
        }
    }
}
