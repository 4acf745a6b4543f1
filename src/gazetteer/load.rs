//! Reading and validating gazetteer CSV files.
//!
//! Takes CSV bytes (the bundled `gazetteer.csv` or a user's file) and gives `Vec<Place>`
//! plus [`Diagnostic`]s. Every problem names the file and the 1-based line. Errors
//! (malformed rows, duplicate ids, coordinates outside Syria, unknown kinds) stop a load;
//! ambiguities (one alias on two places) are only reported.

use super::normalize::NameKey;
use super::Place;
use crate::model::PlaceKind;
use std::collections::HashMap;
use std::fmt;

/// Syria's bounding box with a small margin, degrees WGS84: (min lat, max lat, min lon, max lon).
pub const SYRIA_BBOX: (f64, f64, f64, f64) = (32.2, 37.4, 35.5, 42.5);

/// The columns a gazetteer file must have (others are ignored).
pub const REQUIRED_COLUMNS: [&str; 5] = ["id", "name", "kind", "lat", "lon"];

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The file cannot be used.
    Error,
    /// The file can be used; a person should look.
    Warning,
}

/// One problem found in a gazetteer file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as given.
    pub file: String,
    /// 1-based line (the header is line 1); 0 for the file as a whole.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.line == 0 {
            write!(f, "{}: {sev}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{} line {}: {sev}: {}",
                self.file, self.line, self.message
            )
        }
    }
}

/// A gazetteer file that could not be loaded.
#[derive(Debug, thiserror::Error)]
#[error("{}", .errors.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"))]
pub struct LoadError {
    /// Every error found (not only the first).
    pub errors: Vec<Diagnostic>,
}

/// Result of reading one file: the places that parsed and everything worth saying.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Rows that parsed, in file order.
    pub places: Vec<Place>,
    /// Errors and warnings, in line order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// True when some diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

struct Columns {
    idx: rustc_hash::FxHashMap<String, usize>,
}

impl Columns {
    fn get<'r>(&self, rec: &'r csv::StringRecord, name: &str) -> &'r str {
        self.idx
            .get(name)
            .and_then(|&i| rec.get(i))
            .unwrap_or("")
            .trim()
    }
}

/// Parses gazetteer CSV `data` read from `file` (used in messages only).
pub fn parse(file: &str, data: &[u8]) -> Parsed {
    let mut out = Parsed::default();
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(data);
    let diag = |line, message: String| Diagnostic {
        severity: Severity::Error,
        file: file.to_string(),
        line,
        message,
    };
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            out.diagnostics
                .push(diag(1, format!("unreadable header: {e}")));
            return out;
        }
    };
    let cols = Columns {
        idx: headers
            .iter()
            .enumerate()
            .map(|(i, h)| (h.trim().to_string(), i))
            .collect(),
    };
    let missing: Vec<_> = REQUIRED_COLUMNS
        .iter()
        .filter(|c| !cols.idx.contains_key(**c))
        .collect();
    if !missing.is_empty() {
        out.diagnostics
            .push(diag(1, format!("missing column(s) {missing:?}")));
        return out;
    }
    let mut rec = csv::StringRecord::new();
    loop {
        let line = rdr.position().line() as usize;
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => match parse_row(&cols, &rec) {
                Ok(Some(p)) => out.places.push(p),
                Ok(None) => {}
                Err(msg) => out.diagnostics.push(diag(line, msg)),
            },
            Err(e) => out
                .diagnostics
                .push(diag(line, format!("malformed row: {e}"))),
        }
    }
    check_duplicates(file, &mut out);
    out
}

fn parse_coord(text: &str, what: &str, (lo, hi): (f64, f64)) -> Result<f64, String> {
    let v: f64 = text
        .parse()
        .map_err(|_| format!("{what} {text:?} is not a number"))?;
    if !v.is_finite() || !(-180.0..=180.0).contains(&v) || (what == "latitude" && v.abs() > 90.0) {
        return Err(format!("{what} {v} out of range"));
    }
    if !(lo..=hi).contains(&v) {
        return Err(format!("{what} {v} is outside Syria ({lo} to {hi})"));
    }
    Ok(v)
}

/// The kinds of site the bundled gazetteer uses; `gazetteer check` warns of others.
pub const SITE_SUBTYPES: &[&str] = &[
    "airbase", "airport", "base", "crossing", "prison", "dam", "field", "mountain", "landmark",
];

/// A `subtype`: lowercase words, and only on a site.
fn parse_subtype(text: &str, kind: PlaceKind) -> Result<String, String> {
    if text.is_empty() {
        return Ok(String::new());
    }
    if kind != PlaceKind::Site {
        return Err(format!(
            "subtype {text:?} on a {kind} (only sites have one)"
        ));
    }
    if !text.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return Err(format!("subtype {text:?} is not a lowercase word"));
    }
    Ok(text.to_string())
}

/// A GeoNames feature code: capitals and digits, at most ten ("PPLA2", "ADM1").
fn parse_feature_code(text: &str) -> Result<String, String> {
    let ok = text.len() <= 10
        && text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if ok {
        Ok(text.to_string())
    } else {
        Err(format!(
            "feature_code {text:?} is not a GeoNames code such as PPL or PPLA2"
        ))
    }
}

/// Warnings for sites whose subtype is none of [`SITE_SUBTYPES`].
pub fn unknown_subtypes(file: &str, places: &[Place]) -> Vec<Diagnostic> {
    places
        .iter()
        .filter(|p| !p.subtype.is_empty() && !SITE_SUBTYPES.contains(&p.subtype.as_str()))
        .map(|p| Diagnostic {
            severity: Severity::Warning,
            file: file.to_string(),
            line: p.line,
            message: format!(
                "{}: subtype {:?} is none of {SITE_SUBTYPES:?}",
                p.id, p.subtype
            ),
        })
        .collect()
}

/// A yes/no column: empty, `no`, `false` or `0` is no; `yes`, `true` or `1` is yes.
fn parse_flag(text: &str) -> Result<bool, String> {
    match text.to_ascii_lowercase().as_str() {
        "" | "no" | "false" | "0" => Ok(false),
        "yes" | "true" | "1" => Ok(true),
        other => Err(format!("abandoned {other:?} is not yes or no")),
    }
}

fn parse_row(cols: &Columns, rec: &csv::StringRecord) -> Result<Option<Place>, String> {
    let id = cols.get(rec, "id");
    if id.starts_with('#') || rec.iter().all(|f| f.trim().is_empty()) {
        return Ok(None); // comment or blank line
    }
    if id.is_empty() {
        return Err("empty id".into());
    }
    let name = cols.get(rec, "name");
    if name.is_empty() {
        return Err(format!("{id}: empty name"));
    }
    let kind: PlaceKind = cols
        .get(rec, "kind")
        .parse()
        .map_err(|e| format!("{id}: {e}"))?;
    let (la0, la1, lo0, lo1) = SYRIA_BBOX;
    let lat = parse_coord(cols.get(rec, "lat"), "latitude", (la0, la1))
        .map_err(|e| format!("{id}: {e}"))?;
    let lon = parse_coord(cols.get(rec, "lon"), "longitude", (lo0, lo1))
        .map_err(|e| format!("{id}: {e}"))?;
    let population = match cols.get(rec, "population") {
        "" => 0,
        p => p
            .parse()
            .map_err(|_| format!("{id}: population {p:?} is not a whole number"))?,
    };
    let aliases = cols
        .get(rec, "aliases")
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect();
    Ok(Some(Place {
        id: id.to_string(),
        name: name.to_string(),
        kind,
        lat,
        lon,
        governorate: cols.get(rec, "governorate").to_string(),
        district: cols.get(rec, "district").to_string(),
        population,
        subtype: parse_subtype(cols.get(rec, "subtype"), kind).map_err(|e| format!("{id}: {e}"))?,
        feature_code: parse_feature_code(cols.get(rec, "feature_code"))
            .map_err(|e| format!("{id}: {e}"))?,
        abandoned: parse_flag(cols.get(rec, "abandoned")).map_err(|e| format!("{id}: {e}"))?,
        aliases,
        source: cols.get(rec, "source").to_string(),
        line: rec.position().map_or(0, |p| p.line() as usize),
    }))
}

fn check_duplicates(file: &str, out: &mut Parsed) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut diags = Vec::new();
    for p in &out.places {
        if let Some(line) = first.insert(&p.id, p.line) {
            diags.push(Diagnostic {
                severity: Severity::Error,
                file: file.to_string(),
                line: p.line,
                message: format!("duplicate id {} (first on line {line})", p.id),
            });
        }
    }
    out.diagnostics.extend(diags);
    out.diagnostics.sort_by_key(|d| d.line);
}

/// Warnings for one alias (by its folded key) naming two places of the same kind family.
/// A governorate sharing its name with its capital is expected and not reported.
pub fn ambiguities(file: &str, places: &[Place]) -> Vec<Diagnostic> {
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in places.iter().enumerate() {
        let mut keys: Vec<String> = p.names().map(|n| NameKey::new(n).folded).collect();
        keys.sort();
        keys.dedup();
        for k in keys.into_iter().filter(|k| !k.is_empty()) {
            by_key.entry(k).or_default().push(i);
        }
    }
    let mut out: Vec<Diagnostic> = by_key
        .into_iter()
        .filter_map(|(key, idx)| {
            let points: Vec<usize> = idx
                .into_iter()
                .filter(|&i| !places[i].kind.is_admin_area())
                .collect();
            (points.len() > 1).then(|| {
                let (a, b) = (&places[points[0]], &places[points[1]]);
                Diagnostic {
                    severity: Severity::Warning,
                    file: file.to_string(),
                    line: b.line,
                    message: format!(
                        "ambiguous alias {key:?}: {} ({}) and {} ({}){}",
                        a.id,
                        a.name,
                        b.id,
                        b.name,
                        if points.len() > 2 {
                            format!(" and {} more", points.len() - 2)
                        } else {
                            String::new()
                        }
                    ),
                }
            })
        })
        .collect();
    out.sort_by(|a, b| (a.line, &a.message).cmp(&(b.line, &b.message)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id,name,kind,lat,lon,governorate,district,population,aliases,source\n";

    fn errors_of(body: &str) -> Vec<String> {
        let data = format!("{HEADER}{body}");
        parse("t.csv", data.as_bytes())
            .diagnostics
            .iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn good_row_parses() {
        let p = parse(
            "t.csv",
            format!("{HEADER}gn:1,Aleppo,city,36.2,37.16,Aleppo,,1602264,Halab|حلب,GeoNames\n")
                .as_bytes(),
        );
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        assert_eq!(p.places[0].aliases, ["Halab", "حلب"]);
        assert_eq!(p.places[0].line, 2);
    }

    #[test]
    fn error_messages_name_file_line_and_problem() {
        let cases = [
            (
                "gn:1,A,city,95.2,37,,,,,\n",
                "t.csv line 2: error: gn:1: latitude 95.2 out of range",
            ),
            (
                "gn:1,A,city,40.1,37,,,,,\n",
                "t.csv line 2: error: gn:1: latitude 40.1 is outside Syria (32.2 to 37.4)",
            ),
            (
                "gn:1,A,city,36,x,,,,,\n",
                "t.csv line 2: error: gn:1: longitude \"x\" is not a number",
            ),
            (
                "gn:1,A,hamlet,36,37,,,,,\n",
                "t.csv line 2: error: gn:1: unknown kind \"hamlet\"",
            ),
            (",A,city,36,37,,,,,\n", "t.csv line 2: error: empty id"),
            (
                "gn:1,,city,36,37,,,,,\n",
                "t.csv line 2: error: gn:1: empty name",
            ),
            (
                "gn:1,A,city,36,37,,,many,,\n",
                "t.csv line 2: error: gn:1: population \"many\" is not a whole number",
            ),
        ];
        for (row, want) in cases {
            assert_eq!(errors_of(row), [want], "row {row:?}");
        }
    }

    #[test]
    fn subtype_feature_code_and_abandoned_are_checked() {
        const H: &str = "id,name,kind,subtype,lat,lon,feature_code,abandoned\n";
        let ok = parse(
            "t.csv",
            format!("{H}s:1,Tabqa Dam,site,dam,35.8,38.5,,\nv:1,X,village,,36,37,PPLQ,yes\n")
                .as_bytes(),
        );
        assert!(ok.diagnostics.is_empty(), "{:?}", ok.diagnostics);
        assert_eq!(ok.places[0].subtype, "dam");
        assert!(ok.places[1].abandoned && ok.places[1].feature_code == "PPLQ");
        let cases = [
            (
                "v:1,X,village,dam,36,37,,\n",
                "v:1: subtype \"dam\" on a village (only sites have one)",
            ),
            (
                "s:1,X,site,Big Dam,36,37,,\n",
                "s:1: subtype \"Big Dam\" is not a lowercase word",
            ),
            (
                "v:1,X,village,,36,37,ppl,\n",
                "v:1: feature_code \"ppl\" is not a GeoNames code such as PPL or PPLA2",
            ),
            (
                "v:1,X,village,,36,37,PPL,maybe\n",
                "v:1: abandoned \"maybe\" is not yes or no",
            ),
        ];
        for (row, want) in cases {
            let p = parse("t.csv", format!("{H}{row}").as_bytes());
            let got: Vec<String> = p.diagnostics.iter().map(|d| d.message.clone()).collect();
            assert_eq!(got, [want], "{row}");
        }
        // An unknown subtype parses; `gazetteer check` warns of it.
        let odd = parse(
            "t.csv",
            format!("{H}s:1,X,site,helipad,36,37,,\n").as_bytes(),
        );
        assert_eq!(unknown_subtypes("t.csv", &odd.places).len(), 1);
    }

    #[test]
    fn duplicate_ids_point_to_both_lines() {
        let errs = errors_of("gn:1,A,city,36,37,,,,,\ngn:1,B,city,36,37,,,,,\n");
        assert_eq!(
            errs,
            ["t.csv line 3: error: duplicate id gn:1 (first on line 2)"]
        );
    }

    #[test]
    fn missing_columns_are_one_error() {
        let p = parse("t.csv", b"id,name\nx,y\n");
        assert_eq!(
            p.diagnostics[0].to_string(),
            "t.csv line 1: error: missing column(s) [\"kind\", \"lat\", \"lon\"]"
        );
    }

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let p = parse(
            "t.csv",
            format!("{HEADER}# note,,,,,\n\ngn:1,A,city,36,37,,,,,\n").as_bytes(),
        );
        assert!(!p.has_errors());
        assert_eq!(p.places.len(), 1);
    }

    #[test]
    fn shared_alias_is_an_ambiguity_warning() {
        let p = parse(
            "t.csv",
            format!("{HEADER}gn:1,Suran,town,36,37,,,,,\ngn:2,Souran,town,35,36.7,,,,Suran,\n")
                .as_bytes(),
        );
        let w = ambiguities("t.csv", &p.places);
        assert_eq!(w.len(), 1);
        assert_eq!(
            w[0].to_string(),
            "t.csv line 3: warning: ambiguous alias \"suran\": gn:1 (Suran) and gn:2 (Souran)"
        );
    }
}
