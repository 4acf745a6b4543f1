//! Criterion benchmarks over a synthetic corpus made from the seed articles
//! (`frontline::corpus`): 50 MB for extraction and the matcher, 10,000 articles for the
//! whole run. Run with `cargo bench`; figures are in the README.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use frontline::article::{parse_text, Article, IngestOptions};
use frontline::extract::{EventRecord, Extractor};
use frontline::gazetteer::Gazetteer;
use frontline::timeline::{self, Baseline};
use std::time::Duration;

/// Articles of the synthetic corpus until `bytes` of text.
fn articles(bytes: usize) -> Vec<Article> {
    let mut out = Vec::new();
    let (mut n, mut total) = (0, 0);
    while total < bytes {
        let text = format!(
            " date 2024-12-{:02} {}",
            1 + n % 9,
            frontline::corpus::variant(n)
        );
        total += text.len();
        out.push(
            parse_text(
                format!("synthetic-{n}"),
                text.as_bytes(),
                IngestOptions::default(),
            )
            .unwrap(),
        );
        n += 1;
    }
    out
}

fn gazetteer_load(c: &mut Criterion) {
    c.bench_function("gazetteer: load bundled CSV and build the matcher", |b| {
        b.iter(|| Gazetteer::bundled().unwrap())
    });
}

fn matcher_and_extraction(c: &mut Criterion) {
    let g = Gazetteer::bundled().unwrap();
    let corpus = articles(50 << 20);
    let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("50 MB corpus");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30))
        .throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("matcher: find place names", |b| {
        b.iter(|| corpus.iter().map(|a| g.find(&a.text).len()).sum::<usize>())
    });
    let ex = Extractor::new(&g);
    group.bench_function("extract: articles to event records", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|a| {
                    let records: Vec<EventRecord> = ex
                        .extract(a)
                        .events
                        .iter()
                        .map(|e| EventRecord::new(a, e, &g))
                        .collect();
                    records.len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

fn whole_run(c: &mut Criterion) {
    let g = Gazetteer::bundled().unwrap();
    let baseline = Baseline::parse("baseline", timeline::BUNDLED_BASELINE, &g).unwrap();
    let mut group = c.benchmark_group("run");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    let n = 10_000usize;
    {
        let corpus: Vec<Article> = (0..n)
            .map(|i| {
                let text = format!(
                    " date 2024-12-{:02} {}",
                    1 + i % 9,
                    frontline::corpus::variant(i)
                );
                parse_text(format!("a{i}"), text.as_bytes(), IngestOptions::default()).unwrap()
            })
            .collect();
        group.bench_with_input(
            BenchmarkId::new("articles to every layer", n),
            &corpus,
            |b, corpus| {
                b.iter(|| {
                    let ex = Extractor::new(&g);
                    let mentions: Vec<EventRecord> = corpus
                        .iter()
                        .flat_map(|a| {
                            ex.extract(a)
                                .events
                                .iter()
                                .map(|e| EventRecord::new(a, e, &g))
                                .collect::<Vec<_>>()
                        })
                        .collect();
                    let (events, _) = timeline::fuse(&mentions);
                    let tl = timeline::build(events, &baseline, &g, None, None);
                    let dir = tempfile::tempdir().unwrap();
                    frontline::export::write_all(
                        dir.path(),
                        &tl,
                        &g,
                        &mentions,
                        &[],
                        &Default::default(),
                        frontline::export::Formats {
                            gpkg: false,
                            html: false,
                            qgs: false,
                            acled: false,
                        },
                    )
                    .unwrap()
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, gazetteer_load, matcher_and_extraction, whole_run);
criterion_main!(benches);
