//! Glue between the CLI flags and the library: one function per subcommand.

use crate::cli::{Cli, Command, GazetteerAction, GazetteerArgs, LexiconAction};
use anyhow::{Context, Result};
use frontline::article::{self, IngestOptions};
use frontline::atomic::AtomicFile;
use frontline::extract::{EventRecord, Extractor, UnresolvedRecord};
use frontline::gazetteer::{load, Gazetteer, Severity};
use frontline::model::PlaceKind;
use frontline::printable::printable;
use serde_json::json;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Runs one subcommand; `Ok` carries the exit code.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Resolve {
            names,
            json,
            runners_up,
            within,
            near,
            gazetteer,
        } => {
            let g = load_gazetteer(&gazetteer)?;
            let context = ResolveContext::new(&g, within.as_deref(), near.as_deref())?;
            resolve(&g, &names, json, runners_up, &context)
        }
        Command::Lexicon {
            action: LexiconAction::Check { data },
        } => lexicon_check(data.as_deref()),
        Command::Gazetteer {
            action: GazetteerAction::Check { file },
        } => check(file.as_deref()),
        Command::Gazetteer {
            action: GazetteerAction::Collisions { words },
        } => collisions(&words),
        Command::Gazetteer {
            action: GazetteerAction::Locate { file, in_place },
        } => locate(&file, in_place),
        Command::Places {
            inputs,
            json,
            gazetteer,
        } => places(&load_gazetteer(&gazetteer)?, &inputs, json),
        Command::Corpus { mb } => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let (n, bytes) = frontline::corpus::generate(mb << 20, &mut out)?;
            out.flush()?;
            eprintln!("frontline: {n} articles, {bytes} bytes of text");
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract {
            inputs,
            output,
            unresolved,
            published,
            quiet,
            threads,
            gazetteer,
        } => {
            let opts = ExtractArgs {
                output,
                unresolved,
                published: parse_day("--published", published.as_deref())?,
                quiet,
                threads,
            };
            extract(&load_gazetteer(&gazetteer)?, &inputs, &opts)
        }
        Command::Run(args) => crate::run::run(args),
        Command::Render(args) => crate::run::render(args),
        Command::Explain(args) => crate::run::explain(args),
    }
}

/// The gazetteer the flags ask for.
pub fn load_gazetteer(args: &GazetteerArgs) -> Result<Gazetteer> {
    let extra: Vec<&Path> = args.add_gazetteer.iter().map(PathBuf::as_path).collect();
    Gazetteer::load(args.gazetteer.as_deref(), &extra).context("loading the gazetteer")
}

/// What `resolve --in` and `--near` ask for, checked once.
struct ResolveContext {
    governorate: Option<String>,
    near: Option<u32>,
}

impl ResolveContext {
    fn new(g: &Gazetteer, within: Option<&str>, near: Option<&str>) -> Result<ResolveContext> {
        let governorate = match within {
            None => None,
            Some(w) => Some(governorate_named(g, w).ok_or_else(|| {
                anyhow::anyhow!("--in {w:?}: no such governorate (try \"Hama\" or \"Rif Dimashq\")")
            })?),
        };
        let near = match near {
            None => None,
            Some(n) => Some(
                g.by_id(n)
                    .or_else(|| g.resolve(n).candidates.first().map(|c| c.place))
                    .ok_or_else(|| anyhow::anyhow!("--near {n:?} matches no place"))?,
            ),
        };
        Ok(ResolveContext { governorate, near })
    }
}

/// The `governorate` column value that `text` names ("hama", "Hama Governorate", "Idlib
/// province").
fn governorate_named(g: &Gazetteer, text: &str) -> Option<String> {
    let governorates = || {
        g.places()
            .iter()
            .filter(|p| p.kind == PlaceKind::Governorate)
    };
    if let Some(p) = governorates().find(|p| p.governorate.eq_ignore_ascii_case(text.trim())) {
        return Some(p.governorate.clone());
    }
    let r = g.resolve(&format!("{text} governorate"));
    r.candidates
        .iter()
        .map(|c| g.place(c.place))
        .find(|p| p.kind == PlaceKind::Governorate)
        .map(|p| p.governorate.clone())
}

fn resolve(
    g: &Gazetteer,
    names: &[String],
    json: bool,
    runners_up: usize,
    context: &ResolveContext,
) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut unresolved = 0;
    for name in names {
        let r = g.resolve_in(name, context.governorate.as_deref(), context.near);
        if r.candidates.is_empty() {
            unresolved += 1;
            let hint = if r.nearest.is_empty() {
                String::new()
            } else {
                format!("; nearest spellings: {}", r.nearest.join(", "))
            };
            eprintln!("frontline: {name:?} matches no place{hint}");
        }
        let shown = r.candidates.iter().take(runners_up + 1);
        let km = |place: u32| {
            context
                .near
                .map(|n| (g.distance_km(n, place) * 10.0).round() / 10.0)
        };
        if json {
            let matches: Vec<_> = shown
                .map(|c| {
                    let p = g.place(c.place);
                    json!({"id": p.id, "name": p.name, "kind": p.kind, "subtype": p.subtype,
                           "governorate": p.governorate, "district": p.district,
                           "feature_code": p.feature_code, "abandoned": p.abandoned,
                           "lat": p.lat, "lon": p.lon, "km": km(c.place),
                           "score": (c.score * 1000.0).round() / 1000.0})
                })
                .collect();
            writeln!(out, "{}", json!({"query": name, "matches": matches}))?;
        } else {
            writeln!(out, "{name}")?;
            for (i, c) in shown.enumerate() {
                let p = g.place(c.place);
                let mark = if i == 0 { "=>" } else { "  " };
                let kind = if p.subtype.is_empty() {
                    p.kind.as_str().to_string()
                } else {
                    format!("{} ({})", p.kind.as_str(), p.subtype)
                };
                let distance = km(c.place).map_or(String::new(), |d| format!("  {d} km away"));
                writeln!(
                    out,
                    "  {mark} {:<14} {:<32} {:<20} {:<12} {:<24} lon {:.5} lat {:.5}  score {:.3}{distance}",
                    p.id,
                    p.name,
                    kind,
                    p.governorate,
                    p.district,
                    p.lon,
                    p.lat,
                    c.score
                )?;
            }
        }
    }
    Ok(if unresolved > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn locate(file: &Path, in_place: bool) -> Result<ExitCode> {
    use frontline::gazetteer::admin::{relocate_csv, AdminAreas};
    let shown = file.display().to_string();
    let shown = printable(&shown);
    let data = std::fs::read(file).with_context(|| format!("reading {shown}"))?;
    let areas = AdminAreas::bundled().context("reading the bundled district polygons")?;
    let (out, report) = relocate_csv(&shown, &data, &areas)?;
    if in_place {
        frontline::atomic::write_atomic(file, |w| w.write_all(&out))
            .with_context(|| format!("writing {shown}"))?;
    } else {
        std::io::stdout().lock().write_all(&out)?;
    }
    eprintln!(
        "frontline: {shown}: {} row(s) given a new district or governorate; {} outside every district{}",
        report.changed,
        report.outside.len(),
        if report.outside.is_empty() {
            String::new()
        } else {
            format!(" (kept as they were: {})", report.outside.join(", "))
        }
    );
    Ok(ExitCode::SUCCESS)
}

fn check(file: Option<&Path>) -> Result<ExitCode> {
    let (name, data) = match file {
        Some(p) => (
            p.display().to_string(),
            std::fs::read(p).with_context(|| format!("reading {}", p.display()))?,
        ),
        None => (
            "gazetteer.csv (bundled)".to_string(),
            frontline::gazetteer::BUNDLED_CSV.as_bytes().to_vec(),
        ),
    };
    let parsed = load::parse(&name, &data);
    let warnings = load::ambiguities(&name, &parsed.places);
    let areas = frontline::gazetteer::admin::AdminAreas::bundled()
        .context("reading the bundled district polygons")?;
    let other: Vec<_> = load::unknown_subtypes(&name, &parsed.places)
        .into_iter()
        .chain(frontline::gazetteer::admin::disagreements(
            &name,
            &parsed.places,
            &areas,
        ))
        .collect();
    let errors = parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    for d in parsed.diagnostics.iter().chain(&warnings).chain(&other) {
        eprintln!("{d}");
    }
    eprintln!(
        "{name}: {} places, {errors} error(s), {} ambiguous alias(es), {} other warning(s)",
        parsed.places.len(),
        warnings.len(),
        other.len()
    );
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `frontline lexicon check`: the files of `data` (or of `./data`, else the bundled
/// copies), every error printed with its file and line; exit 1 on any.
fn lexicon_check(data: Option<&Path>) -> Result<ExitCode> {
    use frontline::extract::check::{check, LexiconFiles};
    let files = match data {
        Some(dir) => LexiconFiles::read(dir)?,
        None if Path::new("data/lexicon").is_dir() => LexiconFiles::read(Path::new("data"))?,
        None => LexiconFiles::bundled(),
    };
    let gaz = Gazetteer::bundled().context("loading the bundled gazetteer")?;
    let report = check(&files, &|id| gaz.by_id(id).is_some());
    for e in &report.errors {
        eprintln!("{}/{e}", files.origin);
    }
    for (file, what) in &report.contents {
        println!("{}/{file}: {what}", files.origin);
    }
    eprintln!(
        "frontline lexicon check ({}): {} error(s)",
        files.origin,
        report.errors.len()
    );
    Ok(if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `frontline places`: every place name found, as TSV with a header or JSON Lines. An
/// unreadable input is reported and skipped (exit 1); the others are still listed.
fn places(g: &Gazetteer, inputs: &[PathBuf], json: bool) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if !json {
        writeln!(
            out,
            "input\tstart\tend\ttext\tid\tname\tkind\tsubtype\tgovernorate\tdistrict\tlon\tlat\tcue"
        )?;
    }
    let stdin = [PathBuf::from("-")];
    let inputs = if inputs.is_empty() {
        &stdin[..]
    } else {
        inputs
    };
    let mut skipped = 0;
    // Folders are read as `extract` reads them (recursively, article files only).
    let files: Vec<PathBuf> = article::expand(inputs)
        .into_iter()
        .filter_map(|f| {
            f.map_err(|e| {
                eprintln!("frontline: {e}");
                skipped += 1;
            })
            .ok()
        })
        .collect();
    for p in &files {
        let bytes = if p.as_os_str() == "-" {
            let mut b = Vec::new();
            std::io::stdin().read_to_end(&mut b).map(|_| b)
        } else {
            std::fs::read(p)
        };
        let name = frontline::printable::printable(&p.display().to_string()).into_owned();
        let text = match bytes {
            Ok(b) => String::from_utf8(b)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
            Err(e) => {
                eprintln!("frontline: {name}: {e}");
                skipped += 1;
                continue;
            }
        };
        for m in g.find(&text) {
            let p = g.place(m.place());
            let written = &text[m.span.start..m.span.end];
            if json {
                let row = json!({"input": name, "span": [m.span.start, m.span.end],
                    "text": written, "id": p.id, "name": p.name, "kind": p.kind.as_str(),
                    "subtype": p.subtype, "governorate": p.governorate, "district": p.district,
                    "lon": p.lon, "lat": p.lat,
                    "cue": m.cue.as_str()});
                writeln!(out, "{row}")?;
            } else {
                writeln!(
                    out,
                    "{name}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.5}\t{:.5}\t{}",
                    m.span.start,
                    m.span.end,
                    tsv_field(written),
                    p.id,
                    p.name,
                    p.kind.as_str(),
                    p.subtype,
                    p.governorate,
                    p.district,
                    p.lon,
                    p.lat,
                    m.cue.as_str()
                )?;
            }
        }
    }
    Ok(if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A TSV field: tabs and line breaks inside a name (a name across a line break) become
/// spaces.
fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn collisions(words: &Path) -> Result<ExitCode> {
    // The bundled gazetteer without the collision list itself, so a rebuild is stable.
    let g = Gazetteer::bundled()?;
    let text =
        std::fs::read_to_string(words).with_context(|| format!("reading {}", words.display()))?;
    let mut found: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|w| !w.is_empty() && !w.contains('\''))
        .filter(|w| g.collides(w))
        .map(|w| frontline::gazetteer::normalize::NameKey::new(w).folded)
        .collect();
    found.sort();
    found.dedup();
    let mut out = std::io::stdout().lock();
    for w in found {
        writeln!(out, "{w}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One article through the extractor, as `run` and `extract` both read it: its warnings
/// (unless `quiet`) and an extraction failure go to stderr; `None` when it failed.
pub fn extract_article(
    ex: &Extractor,
    art: &frontline::article::Article,
    quiet: bool,
    log: &mut String,
) -> Option<frontline::extract::Extraction> {
    use std::fmt::Write as _;
    if !quiet {
        for warning in &art.warnings {
            let _ = writeln!(log, "frontline: warning: {}", printable(warning));
        }
    }
    ex.try_extract(art)
        .map_err(|e| {
            let _ = writeln!(log, "frontline: {e}");
        })
        .ok()
}

/// A `YYYY-MM-DD` flag value, or a clear error naming the flag.
pub fn parse_day(flag: &str, s: Option<&str>) -> Result<Option<chrono::NaiveDate>> {
    s.map(|d| {
        chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .with_context(|| format!("{flag} {d:?}: expected YYYY-MM-DD"))
    })
    .transpose()
}

struct ExtractArgs {
    output: Option<PathBuf>,
    unresolved: Option<PathBuf>,
    published: Option<chrono::NaiveDate>,
    quiet: bool,
    threads: usize,
}

/// Totals of one extraction run.
#[derive(Default)]
struct Tally {
    articles: usize,
    skipped: usize,
    events: usize,
    unresolved: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.articles += other.articles;
        self.skipped += other.skipped;
        self.events += other.events;
        self.unresolved += other.unresolved;
    }
}

/// Where events and unresolved names go.
struct Sinks<'w> {
    events: &'w mut dyn Write,
    unresolved: Option<&'w mut dyn Write>,
}

fn extract(g: &Gazetteer, inputs: &[PathBuf], a: &ExtractArgs) -> Result<ExitCode> {
    let open = |p: &PathBuf| {
        AtomicFile::create_unhashed(p).with_context(|| format!("creating {}", p.display()))
    };
    let mut events_file = a.output.as_ref().map(open).transpose()?;
    let mut unresolved_file = a.unresolved.as_ref().map(open).transpose()?;
    // One buffer in front of stdout: a record is many small writes.
    let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let sinks = Sinks {
        events: match events_file.as_mut() {
            Some(f) => f,
            None => &mut stdout,
        },
        unresolved: unresolved_file.as_mut().map(|f| f as &mut dyn Write),
    };
    let tally = extract_to(g, inputs, a, sinks)?;
    stdout.flush()?;
    for (file, path) in [(events_file, &a.output), (unresolved_file, &a.unresolved)] {
        if let (Some(f), Some(p)) = (file, path) {
            f.commit()
                .with_context(|| format!("writing {}", p.display()))?;
        }
    }
    if !a.quiet {
        eprintln!(
            "frontline: {} article(s), {} skipped, {} event mention(s), {} unresolved name(s)",
            tally.articles, tally.skipped, tally.events, tally.unresolved
        );
    }
    Ok(if tally.skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn extract_to(
    g: &Gazetteer,
    inputs: &[PathBuf],
    a: &ExtractArgs,
    mut out: Sinks,
) -> std::io::Result<Tally> {
    let ex = Extractor::new(g);
    let opts = IngestOptions {
        fallback_published: a.published,
    };
    let pool = frontline::ordered::pool(a.threads).map_err(std::io::Error::other)?;
    let mut tally = Tally::default();
    let articles = article::settle_run_years(article::read_all(inputs, opts));
    let keep_unresolved = out.unresolved.is_some();
    let render = |art| render_article(&ex, g, art, a.quiet, keep_unresolved);
    frontline::ordered::map_in_order(&pool, articles, render, |r: Rendered| {
        eprint!("{}", r.log);
        out.events.write_all(&r.events)?;
        if let Some(w) = out.unresolved.as_mut() {
            w.write_all(&r.unresolved)?;
        }
        tally.add(&r.tally);
        Ok::<(), std::io::Error>(())
    })?;
    Ok(tally)
}

/// One article's output, rendered on a worker and written in input order.
struct Rendered {
    /// Event records, JSON Lines.
    events: Vec<u8>,
    /// Unresolved-name records, JSON Lines (empty unless asked for).
    unresolved: Vec<u8>,
    /// What the article puts on stderr.
    log: String,
    tally: Tally,
}

fn render_article(
    ex: &Extractor,
    g: &Gazetteer,
    art: Result<article::Article, article::IngestError>,
    quiet: bool,
    keep_unresolved: bool,
) -> Rendered {
    use std::fmt::Write as _;
    let mut r = Rendered {
        events: Vec::new(),
        unresolved: Vec::new(),
        log: String::new(),
        tally: Tally::default(),
    };
    let art = match art {
        Ok(a) => a,
        Err(e) => {
            let _ = writeln!(r.log, "frontline: {e}");
            r.tally.skipped = 1;
            return r;
        }
    };
    let Some(x) = extract_article(ex, &art, quiet, &mut r.log) else {
        r.tally.skipped = 1;
        return r;
    };
    r.tally.articles = 1;
    if art.published.is_none() && !x.events.is_empty() && !quiet {
        let _ = writeln!(r.log, "frontline: warning: {}: no publication date; relative dates left unknown (see --published)", printable(&art.id));
    }
    for e in &x.events {
        // Writing into a Vec cannot fail; a record that would not serialise is a bug.
        serde_json::to_writer(&mut r.events, &EventRecord::new(&art, e, g))
            .expect("event record serialises");
        r.events.push(b'\n');
    }
    r.tally.events = x.events.len();
    for u in &x.unresolved {
        let rec = UnresolvedRecord::new(&art, u);
        if !quiet {
            let _ = writeln!(
                r.log,
                "frontline: unresolved: {}: {:?} in {:?}",
                printable(&rec.article),
                rec.name,
                rec.sentence
            );
        }
        if keep_unresolved {
            serde_json::to_writer(&mut r.unresolved, &rec).expect("unresolved record serialises");
            r.unresolved.push(b'\n');
        }
    }
    r.tally.unresolved = x.unresolved.len();
    r
}
