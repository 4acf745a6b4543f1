//! `frontline run`: the main job, from articles to every layer.

use crate::cli::{GazetteerArgs, RenderArgs, RunArgs, SourceArgs};
use crate::commands::{extract_article, load_gazetteer, parse_day};
use anyhow::{Context, Result};
use chrono::NaiveDate;
use frontline::article::{self, IngestOptions};
use frontline::export::{self, InputInfo, RunInfo};
use frontline::extract::{EventRecord, Extractor, UnresolvedRecord};
use frontline::gazetteer::Gazetteer;
use frontline::timeline::{self, Baseline, UnknownPlaces};
use sha2::{Digest, Sha256};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Progress on stderr for long runs at a terminal: a bar over the input bytes.
struct Progress {
    total: u64,
    done: u64,
    shown: u64,
    enabled: bool,
}

/// Inputs below this size finish before a bar would be worth drawing.
const PROGRESS_MIN_BYTES: u64 = 4 << 20;

impl Progress {
    fn new(total: u64, quiet: bool) -> Progress {
        let enabled = !quiet && total >= PROGRESS_MIN_BYTES && std::io::stderr().is_terminal();
        Progress {
            total,
            done: 0,
            shown: 0,
            enabled,
        }
    }

    fn advance(&mut self, bytes: u64, articles: usize) {
        self.done += bytes;
        let pct = self.done * 100 / self.total.max(1);
        if self.enabled && pct > self.shown {
            self.shown = pct;
            let bar = "=".repeat((pct / 4) as usize);
            eprint!("\r[{bar:<25}] {pct:>3}%  {articles} articles");
            let _ = std::io::stderr().flush();
        }
    }

    fn finish(&self) {
        if self.enabled {
            eprintln!();
        }
    }
}

/// Everything read from the inputs.
#[derive(Default)]
struct Read {
    mentions: Vec<EventRecord>,
    unresolved: Vec<UnresolvedRecord>,
    inputs: Vec<InputInfo>,
    articles: usize,
    skipped: usize,
    /// The newest publication day among the articles read.
    newest: Option<NaiveDate>,
}

/// One article's extraction, made on a worker: what it puts on stderr, and its records
/// (none when it failed).
type Extracted = (
    String,
    Option<(Vec<EventRecord>, Vec<UnresolvedRecord>)>,
    Option<NaiveDate>,
);

fn read_inputs(
    g: &Gazetteer,
    inputs: &[PathBuf],
    opts: IngestOptions,
    a: &SourceArgs,
) -> Result<Read> {
    let quiet = a.quiet;
    let ex = Extractor::new(g);
    let pool = frontline::ordered::pool(a.threads).context("starting the worker threads")?;
    let mut r = Read::default();
    let mut files = Vec::new();
    for p in article::expand(inputs) {
        match p {
            Ok(p) => files.push(p),
            Err(e) => {
                eprintln!("frontline: {e}");
                r.skipped += 1;
            }
        }
    }
    // Sorted and deduplicated, so the order of the arguments changes nothing.
    files.sort();
    files.dedup();
    let total = files
        .iter()
        .map(|f| f.metadata().map_or(0, |m| m.len()))
        .sum();
    let mut progress = Progress::new(total, quiet);
    let extract = |a: &article::Article| -> Extracted {
        let mut log = String::new();
        let records = extract_article(&ex, a, quiet, &mut log).map(|x| {
            let events = x.events.iter().map(|e| EventRecord::new(a, e, g)).collect();
            let unresolved = x
                .unresolved
                .iter()
                .map(|u| UnresolvedRecord::new(a, u))
                .collect();
            (events, unresolved)
        });
        (log, records, a.published)
    };
    let keep = |r: &mut Read, (log, records, published): Extracted| {
        eprint!("{log}");
        match records {
            Some((events, unresolved)) => {
                r.articles += 1;
                r.newest = r.newest.max(published);
                r.mentions.extend(events);
                r.unresolved.extend(unresolved);
            }
            None => r.skipped += 1,
        }
    };
    let mut years = article::RunYears::default();
    let mut waiting = Vec::new();
    for path in &files {
        let digest = article::SharedDigest::default();
        let mut readable = true;
        // Articles waiting for the run's year are set aside; the others are extracted on
        // every core, their records kept in input order.
        let articles =
            article::read_digested(path, opts, Some(digest.clone())).filter_map(|art| match art {
                Ok(a) if years.waits(&a) => {
                    waiting.push(a);
                    None
                }
                other => Some(other),
            });
        let work = |art: Result<article::Article, article::IngestError>| art.map(|a| extract(&a));
        frontline::ordered::map_in_order(&pool, articles, work, |done| {
            match done {
                Ok(x) => keep(&mut r, x),
                Err(e) => {
                    readable &= !matches!(e, article::IngestError::Io { .. });
                    eprintln!("frontline: {e}");
                    r.skipped += 1;
                }
            }
            Ok::<(), std::convert::Infallible>(())
        })
        .unwrap_or_else(|never| match never {});
        let digest = digest.borrow();
        r.inputs.push(InputInfo {
            path: path.display().to_string(),
            sha256: readable.then(|| digest.sha256_hex()),
            bytes: digest.bytes,
        });
        let bytes = digest.bytes;
        progress.advance(bytes, r.articles);
    }
    let settled = waiting.into_iter().map(|mut a| {
        years.settle(&mut a);
        a
    });
    frontline::ordered::map_in_order(
        &pool,
        settled,
        |a| extract(&a),
        |x| {
            keep(&mut r, x);
            Ok::<(), std::convert::Infallible>(())
        },
    )
    .unwrap_or_else(|never| match never {});
    progress.finish();
    Ok(r)
}

fn load_baseline(path: Option<&Path>, g: &Gazetteer) -> Result<(Baseline, String, String)> {
    let (name, text) = match path {
        Some(p) => (
            p.display().to_string(),
            std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?,
        ),
        None => (
            "data/baseline-2024-11-26.csv (bundled)".to_string(),
            timeline::BUNDLED_BASELINE.to_string(),
        ),
    };
    // The bundled baseline names places of the bundled gazetteer; against another one,
    // the rows it lacks are left out.
    let unknown = if path.is_some() {
        UnknownPlaces::Reject
    } else {
        UnknownPlaces::Skip
    };
    let b = Baseline::parse_with(&name, &text, g, unknown)?;
    if b.skipped > 0 {
        eprintln!(
            "frontline: note: {name}: {} row(s) name places this gazetteer lacks; left out",
            b.skipped
        );
    }
    let sha = sha256_hex(text.as_bytes());
    Ok((b, name, sha))
}

fn gazetteer_sha256(args: &GazetteerArgs) -> Result<String> {
    let mut h = Sha256::new();
    match &args.gazetteer {
        Some(p) => h.update(std::fs::read(p).with_context(|| format!("reading {}", p.display()))?),
        None => h.update(frontline::gazetteer::BUNDLED_CSV.as_bytes()),
    }
    for p in &args.add_gazetteer {
        h.update(std::fs::read(p).with_context(|| format!("reading {}", p.display()))?);
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// `--format gpkg,...` → the outputs to write.
fn formats(names: &[String]) -> Result<export::Formats> {
    let mut f = export::Formats {
        gpkg: false,
        html: false,
        qgs: false,
        acled: false,
    };
    for n in names {
        match n.as_str() {
            "gpkg" if cfg!(feature = "gpkg") => f.gpkg = true,
            "gpkg" => anyhow::bail!(
                "--format gpkg: this build has no GeoPackage support (feature `gpkg`)"
            ),
            "html" => f.html = true,
            "acled" => f.acled = true,
            "qgs" if cfg!(feature = "gpkg") => f.qgs = true,
            "none" | "geojson" => {}
            other => anyhow::bail!(
                "--format {other:?}: expected gpkg, html, qgs, acled, geojson or none"
            ),
        }
    }
    Ok(f)
}

/// Everything `run` and `render` build from their inputs.
struct Built {
    gazetteer: Gazetteer,
    timeline: timeline::Timeline,
    read: Read,
    baseline: (String, String),
    baseline_rows: Baseline,
}

/// Reads the inputs and builds the timeline.
fn build(a: &SourceArgs) -> Result<Built> {
    let g = load_gazetteer(&a.gazetteer)?;
    let (baseline, baseline_name, baseline_sha) = load_baseline(a.baseline.as_deref(), &g)?;
    let (from, to) = (
        parse_day("--from", a.from.as_deref())?,
        parse_day("--to", a.to.as_deref())?,
    );
    check_day_flags(from, to)?;
    let opts = IngestOptions {
        fallback_published: parse_day("--published", a.published.as_deref())?,
    };
    let mut read = read_inputs(&g, &a.inputs, opts, a)?;
    read.mentions
        .sort_by(|x, y| (&x.article, x.span, x.faction).cmp(&(&y.article, y.span, y.faction)));
    let (events, undated) = timeline::fuse(&read.mentions);
    // Layers run through the newest report (its day still shows the state), not only
    // through the last event; `--to` overrides.
    let to = to.or_else(|| timeline::through_newest_report(&events, read.newest));
    let mut tl = timeline::build(events, &baseline, &g, from, to);
    tl.undated = undated;
    Ok(Built {
        gazetteer: g,
        timeline: tl,
        read,
        baseline: (baseline_name, baseline_sha),
        baseline_rows: baseline,
    })
}

/// `frontline explain`: the evidence for one place, as text.
pub fn explain(a: crate::cli::ExplainArgs) -> Result<ExitCode> {
    let through = parse_day("--day", a.day.as_deref())?;
    let built = build(&a.source)?;
    let g = &built.gazetteer;
    let id = match g.by_id(&a.place) {
        Some(i) => g.place(i).id.clone(),
        None => {
            let r = g.resolve(&a.place);
            let best = r.candidates.first().ok_or_else(|| {
                anyhow::anyhow!("{:?} matches no place (try `frontline resolve`)", a.place)
            })?;
            g.place(best.place).id.clone()
        }
    };
    let x = frontline::explain::explain(&built.timeline, &built.baseline_rows, g, &id, through)
        .ok_or_else(|| anyhow::anyhow!("{id} is not in the gazetteer"))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    write_explanation(&mut out, &x)?;
    out.flush()?;
    Ok(exit_code(built.read.skipped))
}

/// A value's name as the output files write it (its serde name).
fn label(v: impl serde::Serialize) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn write_explanation(
    out: &mut impl Write,
    x: &frontline::explain::Explanation,
) -> std::io::Result<()> {
    let p = x.place;
    writeln!(
        out,
        "{} ({}), {}, {}, {}",
        p.name,
        p.id,
        p.kind.as_str(),
        p.governorate,
        p.district
    )?;
    match x.baseline {
        Some(b) => writeln!(
            out,
            "  baseline {}: {} ({})",
            b.as_of,
            b.faction.as_str(),
            b.source
        )?,
        None => writeln!(out, "  baseline: none names it")?,
    }
    for d in &x.days {
        let state = match d.cell {
            Some(c) => {
                let mut s = format!("{} since {}", c.faction.as_str(), c.since);
                if c.changed {
                    s.push_str(", changed");
                }
                if c.contested {
                    s.push_str(", contested");
                }
                if let Some(ch) = &c.challenger {
                    s.push_str(&format!(" (challenged by {ch})"));
                }
                s
            }
            None => "no state".to_string(),
        };
        writeln!(out, "{}  {state}", d.day)?;
        let events = d
            .own
            .iter()
            .map(|e| (None, *e))
            .chain(d.areas.iter().map(|(a, e)| (Some(*a), *e)));
        for (area, e) in events {
            let about = area.map_or(String::new(), |a| {
                format!(" (of {}, which it lies in)", a.name)
            });
            writeln!(
                out,
                "    {} by {}{about}: confidence {}, {} independent report(s), day from {}",
                label(e.action),
                e.faction.as_str(),
                e.confidence,
                e.independent,
                label(e.date_basis)
            )?;
            for src in &e.sources {
                writeln!(
                    out,
                    "      {}: {:?}",
                    frontline::printable::printable(&src.article),
                    src.sentence
                )?;
            }
        }
    }
    Ok(())
}

/// The inputs as the user gave them, for a message.
fn describe_inputs(inputs: &[PathBuf]) -> String {
    let names: Vec<String> = inputs
        .iter()
        .map(|p| frontline::printable::printable(&p.display().to_string()).into_owned())
        .collect();
    names.join(", ")
}

/// `--from` after `--to`, or a span over [`timeline::MAX_DAYS`], is a flag error.
fn check_day_flags(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<()> {
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            anyhow::bail!("--from {f} is after --to {t}");
        }
        if (t - f).num_days() >= timeline::MAX_DAYS {
            anyhow::bail!(
                "--from {f} --to {t}: {} days, more than the {} a run may draw",
                (t - f).num_days() + 1,
                timeline::MAX_DAYS
            );
        }
    }
    Ok(())
}

fn exit_code(skipped: usize) -> ExitCode {
    if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Runs the main job.
pub fn run(a: RunArgs) -> Result<ExitCode> {
    let formats = formats(&a.format)?;
    let Built {
        gazetteer: g,
        timeline: tl,
        read,
        baseline,
        ..
    } = build(&a.source)?;
    if read.articles == 0 {
        anyhow::bail!(
            "no article read from {} ({} input(s) skipped); {} left as it was. Pass files or folders of articles, e.g. `frontline run reports/ --out {}` (the default input is seeds/ in the current folder)",
            describe_inputs(&a.source.inputs),
            read.skipped,
            a.out.display(),
            a.out.display()
        );
    }
    let run = RunInfo {
        inputs: read.inputs.clone(),
        gazetteer_sha256: gazetteer_sha256(&a.source.gazetteer)?,
        gazetteer_places: g.places().len(),
        baseline,
        articles: read.articles,
        skipped: read.skipped,
    };
    let manifest = export::write_all(
        &a.out,
        &tl,
        &g,
        &read.mentions,
        &read.unresolved,
        &run,
        formats,
    )
    .with_context(|| format!("writing the layers into {}", a.out.display()))?;
    let days = match (manifest.days.first(), manifest.days.last()) {
        (Some(f), Some(l)) => format!("{} day(s), {f} to {l}", manifest.days.len()),
        _ => "no days (no dated events)".to_string(),
    };
    eprintln!(
        "frontline: {} article(s) read, {} skipped; {} mention(s) fused into {} event(s); {days}; {} unresolved name(s); layers in {}",
        read.articles,
        read.skipped,
        read.mentions.len(),
        manifest.counts["events"],
        read.unresolved.len(),
        a.out.display()
    );
    Ok(exit_code(read.skipped))
}

/// Draws one day as a PNG, or every day as an animated GIF.
pub fn render(a: RenderArgs) -> Result<ExitCode> {
    let Built {
        gazetteer: g,
        timeline: tl,
        read,
        ..
    } = build(&a.source)?;
    let Some(&last) = tl.days.last() else {
        anyhow::bail!("nothing to draw: the inputs give no dated event");
    };
    let path = |default: String| {
        a.output
            .clone()
            .unwrap_or_else(|| PathBuf::from("out").join(default))
    };
    let written = if a.gif {
        let p = path("frontline.gif".into());
        write_picture(&p, |w| export::render::write_gif(w, &tl, &g))?;
        format!("{} ({} frames)", p.display(), tl.days.len())
    } else {
        let day = parse_day("--day", a.day.as_deref())?.unwrap_or(last);
        if !tl.days.contains(&day) {
            anyhow::bail!(
                "--day {day}: outside the days of the timeline ({} to {last})",
                tl.days[0]
            );
        }
        let p = path(format!("map-{day}.png"));
        write_picture(&p, |w| export::render::write_png(w, &tl, &g, day))?;
        p.display().to_string()
    };
    eprintln!(
        "frontline: {} article(s) read, {} skipped; wrote {written}",
        read.articles, read.skipped
    );
    Ok(exit_code(read.skipped))
}

fn write_picture(
    path: &Path,
    draw: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    frontline::atomic::write_atomic(path, |w| draw(w))
        .map(|_| ())
        .with_context(|| format!("writing {}", path.display()))
}
