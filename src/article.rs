//! The ingest stage: files, folders, JSON Lines and stdin → [`Article`]s.
//!
//! Takes input paths (a folder is walked recursively for `.txt`, `.md`, `.json`, `.jsonl`;
//! `-` is stdin) and gives one `Result<Article, IngestError>` per article, in a stable
//! order (paths sorted, JSON Lines records in file order), so one bad file never stops the
//! others. The publication date comes from the ` date YYYY-MM-DD` first line, else the JSON
//! record's `date`/`published`, else a dateline near the top of the text, else the caller's
//! fallback; [`Article::published_from`] says which. A dateline without a year is dated
//! in the year of the run's other articles ([`settle_run_years`]).
//!
//! Invariant: every byte span produced downstream indexes [`Article::text`], the article
//! exactly as read (after lossy UTF-8 decoding), header line included.

use chrono::NaiveDate;
use serde::Deserialize;
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Replaces HTML tags (`<a href=...>`, `</a>`) by spaces of the same byte length, so that
/// markup never reaches the extractor and every byte offset still indexes the file.
pub fn blank_markup(text: &mut String) {
    if !text.contains('<') {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(open) = rest.find('<') {
        let tag_end = rest[open..].find('>').map(|e| open + e + 1);
        let is_tag = tag_end.is_some_and(|e| {
            let inner = &rest[open + 1..e - 1];
            inner.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
                && !inner.contains('<')
                && !inner.contains('\n')
        });
        match (is_tag, tag_end) {
            (true, Some(e)) => {
                out.push_str(&rest[..open]);
                out.extend(std::iter::repeat_n(' ', e - open));
                rest = &rest[e..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    *text = out;
}

/// Where an article's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedFrom {
    /// The ` date YYYY-MM-DD` first line.
    Header,
    /// The JSON record's `date` or `published` field.
    Record,
    /// A dateline in the text ("Dec 02, 2024", "29 nov. 2024", "2024-12-02T13:24").
    Dateline,
    /// The `--published` fallback.
    Fallback,
    /// A dateline without a year ("DUBAI, December 9."), in the year most articles of the
    /// run were published ([`RunYears`]).
    RunYear,
    /// Nothing: relative dates in this article are not resolved.
    Unknown,
}

/// One news article.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The path as given (or `path:line` for a JSON Lines record, `-` for stdin).
    pub id: String,
    /// The record's own id, URL and title, when it has them.
    pub meta: Meta,
    /// Publication day, if known.
    pub published: Option<NaiveDate>,
    /// Where `published` came from.
    pub published_from: PublishedFrom,
    /// The text exactly as read (lossily decoded).
    pub text: String,
    /// Bytes of `text` that are the ` date` header, to be skipped by the text stage.
    pub header_len: usize,
    /// Non-fatal problems (lossy decoding, ...).
    pub warnings: Vec<String>,
    /// Month and day of a dateline without a year, when nothing else dates the article.
    pub dateline_day: Option<(u32, u32)>,
}

impl Article {
    /// The outlet's web host, lowercase, without "www.": the record's `outlet`, else the
    /// host of its `url`.
    pub fn outlet(&self) -> Option<&str> {
        match &self.meta.outlet {
            Some(o) => Some(o.strip_prefix("www.").unwrap_or(o)),
            None => self
                .meta
                .url
                .as_deref()
                .and_then(crate::extract::lexicon::Reading::host_of),
        }
    }
}

/// Optional metadata of a JSON Lines record.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Meta {
    /// The record's id.
    #[serde(default)]
    pub id: Option<String>,
    /// The article's URL.
    #[serde(default)]
    pub url: Option<String>,
    /// The article's title.
    #[serde(default)]
    pub title: Option<String>,
    /// The outlet's web host ("aa.com.tr"), when the record names it; else the host of
    /// `url` is used. It decides what some names mean (`data/factions.csv`, `outlets`).
    #[serde(default)]
    pub outlet: Option<String>,
}

/// An input that could not be read as an article.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file or folder could not be read.
    #[error("{}: {source}", crate::printable::printable(path))]
    Io {
        /// The path.
        path: String,
        /// The OS error.
        source: io::Error,
    },
    /// The file is empty or only whitespace.
    #[error("{}: empty article, skipped", crate::printable::printable(path))]
    Empty {
        /// The path.
        path: String,
    },
    /// The file looks binary (NUL bytes).
    #[error("{}: binary file, skipped", crate::printable::printable(path))]
    Binary {
        /// The path.
        path: String,
    },
    /// A JSON Lines record that is not an article.
    #[error("{} line {line}: {message}", crate::printable::printable(path))]
    Record {
        /// The path.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

#[derive(Debug, Deserialize)]
struct Record {
    text: String,
    #[serde(default)]
    date: Option<RecordDate>,
    #[serde(default)]
    published: Option<RecordDate>,
    #[serde(flatten)]
    meta: Meta,
}

/// A record's date as scrapers write it: text ("2024-12-09", "Mon, 09 Dec 2024 10:00:00
/// GMT") or a Unix time in seconds (milliseconds when it is too large for seconds).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RecordDate {
    Text(String),
    Unix(i64),
}

impl RecordDate {
    /// The text of the date (a Unix time as its UTC day, ISO).
    fn text(self) -> String {
        match self {
            RecordDate::Text(s) => s,
            RecordDate::Unix(t) => {
                // Seconds reach 1e11 only in the year 5138; scrapers' milliseconds pass it.
                let secs = if t.unsigned_abs() >= 100_000_000_000 {
                    t / 1000
                } else {
                    t
                };
                chrono::DateTime::from_timestamp(secs, 0)
                    .map(|d| d.date_naive().to_string())
                    .unwrap_or_default()
            }
        }
    }
}

/// Reading options.
#[derive(Debug, Clone, Copy, Default)]
pub struct IngestOptions {
    /// Publication date for articles that give none.
    pub fallback_published: Option<NaiveDate>,
}

/// Expands `inputs` into the files to read: folders recursively (sorted), `-` kept. A
/// folder reached twice (a symlink loop such as `d/l -> .`) is walked once.
pub fn expand(inputs: &[PathBuf]) -> Vec<Result<PathBuf, IngestError>> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in inputs {
        if p.as_os_str() == "-" || !p.is_dir() {
            out.push(Ok(p.clone()));
            continue;
        }
        let mut files = Vec::new();
        walk(p, &mut files, &mut out, &mut seen);
        files.sort();
        out.extend(files.into_iter().map(Ok));
    }
    out
}

fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<Result<PathBuf, IngestError>>,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    if let Ok(real) = fs::canonicalize(dir) {
        if !seen.insert(real) {
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            errors.push(Err(IngestError::Io {
                path: dir.display().to_string(),
                source,
            }));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files, errors, seen);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "md" | "json" | "jsonl")
        ) {
            files.push(path);
        }
    }
}

/// The SHA-256 and size of an input, taken from the bytes as they are read (so a FIFO or
/// `<(…)` is read once, not once to hash and again to parse).
#[derive(Debug, Default, Clone)]
pub struct InputDigest {
    hash: sha2::Sha256,
    /// Bytes read.
    pub bytes: u64,
}

impl InputDigest {
    /// The SHA-256 of the bytes read, hex.
    pub fn sha256_hex(&self) -> String {
        use sha2::Digest;
        self.hash
            .clone()
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// Shared by a reader and whoever wants the digest once the articles are consumed.
pub type SharedDigest = std::rc::Rc<std::cell::RefCell<InputDigest>>;

/// A reader that feeds every byte it gives to a [`SharedDigest`].
struct Digesting<R> {
    inner: R,
    digest: Option<SharedDigest>,
}

impl<R: Read> Read for Digesting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(d) = &self.digest {
            use sha2::Digest;
            let mut d = d.borrow_mut();
            d.hash.update(&buf[..n]);
            d.bytes += n as u64;
        }
        Ok(n)
    }
}

/// The articles of one input, read lazily: a JSON Lines file streams record by record,
/// so memory does not grow with the file.
pub type Articles = Box<dyn Iterator<Item = Result<Article, IngestError>>>;

/// Reads one expanded input into its articles (a JSON Lines file gives several).
pub fn read(path: &Path, opts: IngestOptions) -> Articles {
    read_digested(path, opts, None)
}

/// [`read`], feeding every byte read to `digest` (complete once the articles are consumed).
pub fn read_digested(path: &Path, opts: IngestOptions, digest: Option<SharedDigest>) -> Articles {
    let name = path.display().to_string();
    let stdin = path.as_os_str() == "-";
    let source: Box<dyn Read> = if stdin {
        Box::new(io::stdin())
    } else {
        match fs::File::open(path) {
            Ok(f) => Box::new(f),
            Err(source) => {
                return Box::new(std::iter::once(Err(IngestError::Io { path: name, source })))
            }
        }
    };
    let mut reader = BufReader::with_capacity(
        1 << 16,
        Digesting {
            inner: source,
            digest,
        },
    );
    // Standard input has no extension: JSON Lines is recognised by its first byte.
    let is_jsonl = if stdin {
        matches!(starts_with_object(&mut reader), Ok(true))
    } else {
        matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("jsonl" | "json")
        )
    };
    if is_jsonl {
        return Box::new(JsonLines {
            name,
            reader: Box::new(reader),
            line: 0,
            buf: Vec::new(),
            opts,
        });
    }
    let mut b = Vec::new();
    Box::new(std::iter::once(match reader.read_to_end(&mut b) {
        Ok(_) => parse_text(name, &b, opts),
        Err(source) => Err(IngestError::Io { path: name, source }),
    }))
}

/// Does the input's first non-blank byte open a JSON object (JSON Lines on stdin)? Only
/// looks at what the reader has buffered, consuming nothing, so a text article's byte
/// offsets stay those of the input.
fn starts_with_object(reader: &mut impl BufRead) -> io::Result<bool> {
    let buf = reader.fill_buf()?;
    Ok(buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'))
}

/// A JSON Lines file, one article per non-empty line.
struct JsonLines {
    name: String,
    reader: Box<dyn BufRead>,
    line: usize,
    buf: Vec<u8>,
    opts: IngestOptions,
}

impl Iterator for JsonLines {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.buf.clear();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(source) => {
                    return Some(Err(IngestError::Io {
                        path: self.name.clone(),
                        source,
                    }))
                }
            }
            let text = String::from_utf8_lossy(&self.buf);
            if !text.trim().is_empty() {
                return Some(parse_record(
                    &self.name,
                    self.line,
                    text.trim_end(),
                    self.opts,
                ));
            }
        }
    }
}

/// Every article of `inputs` in order (folders expanded), an error in place of anything
/// unreadable, read lazily.
pub fn read_all(
    inputs: &[PathBuf],
    opts: IngestOptions,
) -> impl Iterator<Item = Result<Article, IngestError>> {
    expand(inputs).into_iter().flat_map(move |p| -> Articles {
        match p {
            Ok(path) => read(&path, opts),
            Err(e) => Box::new(std::iter::once(Err(e))),
        }
    })
}

/// Parses one plain-text article.
pub fn parse_text(id: String, bytes: &[u8], opts: IngestOptions) -> Result<Article, IngestError> {
    if bytes.contains(&0) {
        return Err(IngestError::Binary { path: id });
    }
    let mut warnings = Vec::new();
    let text = match String::from_utf8(bytes.to_vec()) {
        Ok(t) => t,
        Err(_) => {
            warnings.push(format!("{id}: not valid UTF-8, decoded lossily"));
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty { path: id });
    }
    let mut text = text;
    blank_markup(&mut text);
    let (header_date, header_len) = parse_header(&text);
    let mut a = Article {
        id,
        meta: Meta::default(),
        published: header_date,
        published_from: PublishedFrom::Header,
        text,
        header_len,
        warnings,
        dateline_day: None,
    };
    if a.published.is_none() {
        settle_published(&mut a, None, opts);
    }
    Ok(a)
}

/// Parses one JSON Lines record (`line` is 1-based).
fn parse_record(
    name: &str,
    line: usize,
    json: &str,
    opts: IngestOptions,
) -> Result<Article, IngestError> {
    let err = |message: String| IngestError::Record {
        path: name.to_string(),
        line,
        message,
    };
    let rec: Record =
        serde_json::from_str(json).map_err(|e| err(format!("not an article record: {e}")))?;
    if rec.text.trim().is_empty() {
        return Err(err("empty text, skipped".into()));
    }
    let mut text = rec.text;
    blank_markup(&mut text);
    let (header_date, header_len) = parse_header(&text);
    let mut a = Article {
        id: format!("{name}:{line}"),
        meta: rec.meta,
        published: header_date,
        published_from: PublishedFrom::Header,
        text,
        header_len,
        warnings: Vec::new(),
        dateline_day: None,
    };
    if a.published.is_none() {
        let field = rec.date.or(rec.published).map(RecordDate::text);
        settle_published(&mut a, field.as_deref(), opts);
    }
    Ok(a)
}

fn settle_published(a: &mut Article, record_date: Option<&str>, opts: IngestOptions) {
    // ISO first; then any full date ("Mon, 09 Dec 2024 10:00:00 GMT", "December 9, 2024").
    let record_day =
        |d: &str| parse_iso_prefix(d).or_else(|| crate::extract::dates::first_full_date(d));
    let (date, from) = if let Some(d) = record_date.and_then(record_day) {
        (Some(d), PublishedFrom::Record)
    } else if let Some(d) = find_dateline(&a.text) {
        (Some(d), PublishedFrom::Dateline)
    } else if let Some(d) = opts.fallback_published {
        (Some(d), PublishedFrom::Fallback)
    } else {
        (None, PublishedFrom::Unknown)
    };
    a.published = date;
    a.published_from = from;
    if date.is_none() {
        a.dateline_day = crate::extract::dates::dateline_month_day(&a.text);
    }
}

/// Dates the articles whose dateline gives no year ("DUBAI, December 9.") in the year most
/// articles of the same run were published (the later of two as common): a run is one
/// story's coverage far more often than it spans a new year. Such articles wait until the
/// others are read; with no dated article in the run they stay undated.
#[derive(Debug, Default)]
pub struct RunYears {
    counts: std::collections::BTreeMap<i32, usize>,
}

impl RunYears {
    /// Notes the year of `a`; true when `a` must wait for [`RunYears::settle`].
    pub fn waits(&mut self, a: &Article) -> bool {
        match a.published {
            Some(day) => {
                *self.counts.entry(chrono::Datelike::year(&day)).or_default() += 1;
                false
            }
            None => a.dateline_day.is_some(),
        }
    }

    /// Dates `a` by its dateline in the run's most common year, with a warning.
    pub fn settle(&self, a: &mut Article) {
        let Some((month, day)) = a.dateline_day else {
            return;
        };
        let year = self.counts.iter().max_by_key(|&(y, n)| (*n, *y));
        if let Some(date) = year.and_then(|(&y, _)| NaiveDate::from_ymd_opt(y, month, day)) {
            a.published = Some(date);
            a.published_from = PublishedFrom::RunYear;
            a.warnings.push(format!(
                "{}: the dateline gives no year; published {date} taken, in the year of the run's other articles",
                a.id
            ));
        }
    }
}

/// `articles` with [`RunYears`] applied: those that wait come after all the others, in
/// the order read.
pub fn settle_run_years(
    mut articles: impl Iterator<Item = Result<Article, IngestError>>,
) -> impl Iterator<Item = Result<Article, IngestError>> {
    let mut years = RunYears::default();
    let mut waiting = Vec::new();
    let mut settled: Option<std::vec::IntoIter<Article>> = None;
    std::iter::from_fn(move || {
        if settled.is_none() {
            for item in articles.by_ref() {
                match item {
                    Ok(a) if years.waits(&a) => waiting.push(a),
                    other => return Some(other),
                }
            }
            settled = Some(std::mem::take(&mut waiting).into_iter());
        }
        let mut a = settled.as_mut()?.next()?;
        years.settle(&mut a);
        Some(Ok(a))
    })
}

/// The ` date YYYY-MM-DD` header: its date and its length in bytes (0 when absent).
fn parse_header(text: &str) -> (Option<NaiveDate>, usize) {
    let t = text.trim_start_matches(['\u{feff}', ' ', '\t']);
    let Some(after) = t.strip_prefix("date ") else {
        return (None, 0);
    };
    let after = after.trim_start_matches(' ');
    match after.get(..10).and_then(parse_iso_prefix) {
        Some(d) => (Some(d), text.len() - after.len() + 10),
        None => (None, 0),
    }
}

/// `YYYY-MM-DD` at the start of `s` (a timestamp may follow).
pub fn parse_iso_prefix(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// The first full date (with a year) in the first lines of the text: a dateline.
fn find_dateline(text: &str) -> Option<NaiveDate> {
    let head: String = text.chars().take(1200).collect();
    crate::extract::dates::first_full_date(&head)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn header_line_gives_the_date_and_is_skipped() {
        let a = parse_text(
            "a.txt".into(),
            b" date 2024-12-09 The text starts here.",
            IngestOptions::default(),
        )
        .unwrap();
        assert_eq!(a.published, Some(day("2024-12-09")));
        assert_eq!(a.published_from, PublishedFrom::Header);
        assert_eq!(&a.text[a.header_len..], " The text starts here.");
    }

    #[test]
    fn dateline_is_the_second_choice() {
        let a = parse_text(
            "a.txt".into(),
            b"North Press\n29 nov. 2024\nRebels took Saraqib.",
            IngestOptions::default(),
        )
        .unwrap();
        assert_eq!(a.published, Some(day("2024-11-29")));
        assert_eq!(a.published_from, PublishedFrom::Dateline);
        let b = parse_text(
            "b.txt".into(),
            b"Beirut, Lebanon, Dec 2 (AFP) Dec 02, 2024\nText.",
            IngestOptions::default(),
        )
        .unwrap();
        assert_eq!(b.published, Some(day("2024-12-02")));
        let c = parse_text(
            "c.txt".into(),
            b"Title\n2024-12-02T13:24:07+00:00\nText.",
            IngestOptions::default(),
        )
        .unwrap();
        assert_eq!(c.published, Some(day("2024-12-02")));
    }

    #[test]
    fn a_dateline_without_a_year_takes_the_year_of_the_run() {
        let parse =
            |id: &str, text: &str| parse_text(id.into(), text.as_bytes(), IngestOptions::default());
        let undated = "Title\n\nDUBAI, December 9. /TASS/. Rebels took Jableh.";
        let run = [
            parse("a.txt", undated),
            parse("b.txt", " date 2024-12-08 Rebels took Homs."),
            parse("c.txt", ""),
            parse("d.txt", " date 2024-12-01 Rebels took Aleppo."),
            parse("e.txt", " date 2023-05-01 Nothing."),
        ];
        let got: Vec<_> = settle_run_years(run.into_iter())
            .map(|a| a.map(|a| (a.id, a.published, a.published_from)))
            .collect();
        assert_eq!(got.len(), 5);
        assert!(
            got[1].is_err(),
            "the empty article is still reported, in its place"
        );
        // The year-less one waits for the others and takes 2024, their most common year.
        let last = got[4].as_ref().unwrap();
        assert_eq!(
            last,
            &(
                "a.txt".to_string(),
                Some(day("2024-12-09")),
                PublishedFrom::RunYear
            )
        );
        // Alone, it stays undated.
        let alone: Vec<_> = settle_run_years(std::iter::once(parse("a.txt", undated))).collect();
        assert_eq!(alone[0].as_ref().unwrap().published, None);
        assert_eq!(alone[0].as_ref().unwrap().dateline_day, Some((12, 9)));
    }

    #[test]
    fn markup_is_blanked_in_place() {
        let mut t = String::from("away from <a href=\"x\">Hama city</a>. 3 < 4 > 2");
        let len = t.len();
        blank_markup(&mut t);
        assert_eq!(t.len(), len);
        assert!(t.starts_with("away from "));
        assert!(t.contains("Hama city"));
        assert!(!t.contains("href"));
        assert!(t.ends_with("3 < 4 > 2"));
    }

    #[test]
    fn fallback_then_unknown() {
        let opts = IngestOptions {
            fallback_published: Some(day("2024-12-01")),
        };
        let a = parse_text("a.txt".into(), b"No date here.", opts).unwrap();
        assert_eq!(
            (a.published, a.published_from),
            (Some(day("2024-12-01")), PublishedFrom::Fallback)
        );
        let b = parse_text("b.txt".into(), b"No date here.", IngestOptions::default()).unwrap();
        assert_eq!(
            (b.published, b.published_from),
            (None, PublishedFrom::Unknown)
        );
    }

    #[test]
    fn bad_files_are_errors_not_panics() {
        let o = IngestOptions::default();
        assert!(matches!(
            parse_text("e".into(), b"  \n", o),
            Err(IngestError::Empty { .. })
        ));
        assert!(matches!(
            parse_text("b".into(), b"ab\0cd", o),
            Err(IngestError::Binary { .. })
        ));
        let lossy = parse_text("l".into(), b"Aleppo \xff fell.", o).unwrap();
        assert_eq!(lossy.warnings.len(), 1);
    }

    #[test]
    fn jsonl_records_carry_their_date_and_errors_their_line() {
        let data = b"{\"text\":\"Rebels took Hama.\",\"date\":\"2024-12-05\",\"url\":\"u\"}\nnot json\n{\"text\":\"x\",\"published\":\"2024-12-06T10:00:00Z\"}\n";
        let out: Vec<_> = data
            .split(|&b| b == b'\n')
            .enumerate()
            .filter(|(_, l)| !l.is_empty())
            .map(|(i, l)| {
                parse_record(
                    "f.jsonl",
                    i + 1,
                    std::str::from_utf8(l).unwrap(),
                    IngestOptions::default(),
                )
            })
            .collect();
        let a = out[0].as_ref().unwrap();
        assert_eq!(
            (a.id.as_str(), a.published),
            ("f.jsonl:1", Some(day("2024-12-05")))
        );
        assert_eq!(a.meta.url.as_deref(), Some("u"));
        assert!(matches!(&out[1], Err(IngestError::Record { line: 2, .. })));
        assert_eq!(out[2].as_ref().unwrap().published, Some(day("2024-12-06")));
        // A number no calendar holds is no date, and no panic.
        for n in [i64::MIN, i64::MAX] {
            let line = format!("{{\"text\":\"x\",\"date\":{n}}}");
            let a = parse_record("f.jsonl", 1, &line, IngestOptions::default()).unwrap();
            assert_eq!(a.published, None, "{n}");
        }
        // Feeds write dates other ways too.
        for date in [
            "\"Fri, 06 Dec 2024 10:00:00 GMT\"",
            "\"December 6, 2024\"",
            "\"6 December 2024\"",
            // Unix time, in seconds and in milliseconds (2024-12-06 23:59:59 UTC).
            "1733529599",
            "1733529599000",
        ] {
            let line = format!("{{\"text\":\"x\",\"published\":{date}}}");
            let a = parse_record("f.jsonl", 1, &line, IngestOptions::default()).unwrap();
            assert_eq!(
                (a.published, a.published_from),
                (Some(day("2024-12-06")), PublishedFrom::Record),
                "{date}"
            );
        }
    }
}
