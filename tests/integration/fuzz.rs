//! A fuzz loop of our own, run by `cargo test`: 6,000 generated articles, built from
//! pieces of news language, transliterations with diacritics, hyphens, marks, dates,
//! markup and raw bytes, cut and spliced at random byte positions. Extraction, the
//! matcher and the whole pipeline down to the layers must never panic on any of them.
//! The generator is seeded, so a failure names an input that reproduces.

use frontline::article::{parse_text, IngestOptions};
use frontline::extract::{EventRecord, Extractor};
use frontline::gazetteer::Gazetteer;
use frontline::timeline::{self, Baseline};

const CASES: usize = 6_000;

const PIECES: &[&str] = &[
    "Rebels took ",
    "Dāil",
    "-",
    "al-",
    "il-",
    "el-",
    "Talbisi",
    "Ḥamā",
    "Ma`arrat an Nu`man",
    "Aleppo",
    "Hama",
    "Homs",
    "Deir ez-Zor",
    "Tal Rifaat",
    " on Thursday",
    " last month",
    " the day before",
    "Nov. 30",
    "30 November",
    "2024-12-06",
    " 9999-12-31",
    " captured ",
    " seized control of ",
    " fell to ",
    " was taken by ",
    " withdrew from ",
    " the SNA ",
    " HTS ",
    " the army ",
    " regime forces ",
    " denied ",
    ", an army source said",
    "’s fall",
    ". ",
    ".\n",
    "\n\n",
    ", ",
    " and ",
    ": ",
    "\"",
    "(",
    ")",
    "<a href=x>",
    "</a>",
    "حلب",
    "İdlib",
    "ŞAM",
    "\u{200f}",
    "\u{0}",
    "\u{feff}",
    "\r\n",
    "\t",
    " ",
    "'",
    "`",
    "é",
    "ß",
    "ǅ",
    "ﬁ",
    "𝔸",
    "x",
    "A",
    "-Z",
    "Al-",
    "/*LEAFLET_JS*/",
    "__FRONTLINE_DATA__",
];

/// xorshift64*: small, seeded, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One generated input: pieces, then now and then a byte cut, a splice or a raw byte.
fn input(rng: &mut Rng) -> Vec<u8> {
    let mut b = Vec::new();
    if rng.below(2) == 0 {
        b.extend_from_slice(b" date 2024-12-06\n");
    }
    for _ in 0..rng.below(60) {
        b.extend_from_slice(PIECES[rng.below(PIECES.len())].as_bytes());
        match rng.below(20) {
            0 if !b.is_empty() => {
                let cut = rng.below(b.len());
                b.truncate(cut); // may cut inside a character: lossy decoding must cope
            }
            1 => b.push(rng.next() as u8),
            2 if b.len() > 4 => {
                let at = rng.below(b.len());
                let copy = b[at..].to_vec();
                b.extend_from_slice(&copy[..copy.len().min(12)]);
            }
            _ => {}
        }
    }
    b
}

#[test]
fn six_thousand_generated_articles_never_panic() {
    let gaz = Gazetteer::bundled().unwrap();
    let ex = Extractor::new(&gaz);
    let baseline = Baseline::parse("b.csv", timeline::BUNDLED_BASELINE, &gaz).unwrap();
    let mut rng = Rng(0x5eed_f00d_cafe_d00d);
    let mut failures = Vec::new();
    let mut mentions = Vec::new();
    for case in 0..CASES {
        let bytes = input(&mut rng);
        let Ok(article) = parse_text(format!("fuzz-{case}.txt"), &bytes, IngestOptions::default())
        else {
            continue;
        };
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let x = ex.extract(&article);
            let _ = gaz.find(&article.text);
            x.events
                .iter()
                .map(|e| EventRecord::new(&article, e, &gaz))
                .collect::<Vec<_>>()
        }));
        match outcome {
            Ok(records) => mentions.extend(records),
            Err(_) => failures.push(format!(
                "case {case}: {:?}",
                String::from_utf8_lossy(&bytes)
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} panic(s), first: {}",
        failures.len(),
        failures[0]
    );
    assert!(
        mentions.len() > 100,
        "the generator reaches the event rules ({} mentions)",
        mentions.len()
    );
    // Fusion and the daily state over everything the fuzz found.
    let (events, _) = timeline::fuse(&mentions);
    let tl = timeline::build(events, &baseline, &gaz, None, None);
    assert!(tl.days.len() < timeline::MAX_DAYS as usize);
}
