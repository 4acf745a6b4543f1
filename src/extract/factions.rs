//! `data/factions.csv`: the names of the sides, and what each name means by period and by
//! outlet.
//!
//! Input: the file's text (`alias,faction,note,colour,label,from,until,outlets`). Output: a
//! [`FactionsFile`], and for the lexicon the [`Senses`] of each alias, from which a
//! [`Reading`] (the article's publication day and outlet) picks one faction.
//!
//! A name means different sides in different years and outlets: HTS is the opposition
//! until the factions were dissolved into the state on 29 January 2025 and the government
//! after; "interim government" is the Turkish-backed opposition's Syrian Interim
//! Government before December 2024 and al-Sharaa's after (like HTS, the opposition until
//! the dissolution, the government from then on); "terrorists" are the
//! SDF in Turkish state media and the rebels in Syrian and Russian state media. A row with
//! `from`/`until` (inclusive days) holds only for articles published within them; a row
//! with `outlets` (web hosts, `|`-separated) only for articles from those hosts, and it
//! wins over a row without. An article with no day takes the rows without `from`.

use super::lexicon::LexiconError;
use super::patterns::Lines;
use crate::model::Faction;
use chrono::NaiveDate;

/// The bundled actor lexicon.
pub const FACTIONS_CSV: &str = include_str!("../../data/factions.csv");

/// One way of naming a side, with where and when it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRow {
    /// The alias, lowercase.
    pub alias: String,
    /// The faction it names.
    pub faction: Faction,
    /// First publication day the row holds for (inclusive).
    pub from: Option<NaiveDate>,
    /// Last publication day the row holds for (inclusive).
    pub until: Option<NaiveDate>,
    /// Web hosts the row holds for ("aa.com.tr"); empty: every outlet.
    pub outlets: Vec<String>,
    /// The file's line, for messages.
    pub line: usize,
}

impl ActorRow {
    /// A row that holds everywhere and always.
    pub fn new(alias: &str, faction: Faction) -> ActorRow {
        ActorRow {
            alias: alias.to_lowercase(),
            faction,
            from: None,
            until: None,
            outlets: Vec::new(),
            line: 0,
        }
    }

    fn holds_on(&self, day: Option<NaiveDate>) -> bool {
        match day {
            Some(d) => self.from.is_none_or(|f| f <= d) && self.until.is_none_or(|u| d <= u),
            None => self.from.is_none(),
        }
    }

    fn holds_for(&self, outlet: Option<&str>) -> bool {
        self.outlets.is_empty()
            || outlet.is_some_and(|o| {
                // The host or a subdomain of it, any case: "en.aa.com.tr", not "baa.com.tr".
                self.outlets.iter().any(|h| {
                    let Some(cut) = o.len().checked_sub(h.len()) else {
                        return false;
                    };
                    o.is_char_boundary(cut)
                        && o[cut..].eq_ignore_ascii_case(h)
                        && (cut == 0 || o.as_bytes()[cut - 1] == b'.')
                })
            })
    }

    /// Do this row and `other` (the same alias) hold for some article together?
    fn overlaps(&self, other: &ActorRow) -> bool {
        let before = |a: &ActorRow, b: &ActorRow| match (a.until, b.from) {
            (Some(u), Some(f)) => u < f,
            _ => false,
        };
        let shared_outlet = self.outlets.is_empty() == other.outlets.is_empty()
            && (self.outlets.is_empty() || self.outlets.iter().any(|h| other.outlets.contains(h)));
        shared_outlet && !before(self, other) && !before(other, self)
    }
}

/// What a text is, for what its names mean: its publication day and its outlet's host.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Reading<'a> {
    /// Publication day.
    pub published: Option<NaiveDate>,
    /// The outlet's web host, lowercase, without "www." ("aa.com.tr").
    pub outlet: Option<&'a str>,
}

impl<'a> Reading<'a> {
    /// The host of `url` (`https://www.aa.com.tr/en/...` gives `aa.com.tr`).
    pub fn host_of(url: &str) -> Option<&str> {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest.split(['/', '?', '#', ':']).next()?;
        let host = host.strip_prefix("www.").unwrap_or(host);
        (!host.is_empty() && host.contains('.')).then_some(host)
    }
}

/// The rows of one alias; [`Senses::pick`] gives the faction for a reading.
#[derive(Debug, Clone, Default)]
pub struct Senses(Vec<ActorRow>);

impl Senses {
    /// The rows of one alias.
    pub fn new(rows: Vec<ActorRow>) -> Senses {
        Senses(rows)
    }

    /// Does one row hold for every article?
    pub fn is_plain(&self) -> bool {
        matches!(self.0.as_slice(), [r] if r.from.is_none() && r.until.is_none() && r.outlets.is_empty())
    }

    /// The faction of the row that holds for `reading`: one for its outlet before one for
    /// every outlet; none when no row holds (the name meant nothing then).
    pub fn pick(&self, reading: &Reading) -> Option<Faction> {
        let holds = |r: &&ActorRow| r.holds_on(reading.published) && r.holds_for(reading.outlet);
        let mut rows = self.0.iter().filter(holds);
        let first = rows.next()?;
        Some(
            std::iter::once(first)
                .chain(rows)
                .find(|r| !r.outlets.is_empty())
                .unwrap_or(first)
                .faction,
        )
    }
}

/// The contents of `data/factions.csv`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FactionsFile {
    /// Every alias row.
    pub actors: Vec<ActorRow>,
    /// Each faction's map colour (`#rrggbb`).
    pub colours: Vec<(Faction, String)>,
    /// Each faction's name in words, for legends ("Opposition (HTS-led)").
    pub labels: Vec<(Faction, String)>,
}

impl FactionsFile {
    /// Rows of one alias that hold for the same articles (the later would never apply),
    /// as (line, message).
    pub fn overlapping_rows(&self) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for (k, row) in self.actors.iter().enumerate() {
            if let Some(first) = self.actors[..k]
                .iter()
                .find(|r| r.alias == row.alias && r.overlaps(row))
            {
                let message = format!(
                    "alias {:?} is also on line {} for the same period and outlets",
                    row.alias, first.line
                );
                out.push((row.line, message));
            }
        }
        out
    }
}

fn parse_day(cell: &str, column: &str) -> Result<Option<NaiveDate>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(cell, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| format!("{column} {cell:?} is not a day (YYYY-MM-DD)"))
}

/// Parses `data/factions.csv`.
pub fn parse_factions(csv_text: &str) -> Result<FactionsFile, LexiconError> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(csv_text.as_bytes());
    let mut file = FactionsFile::default();
    let lines = Lines::new(csv_text);
    for rec in rdr.records() {
        let err = |line, message| LexiconError::new("factions.csv", line, message);
        let rec = rec.map_err(|e| err(lines.of(e.position()), e.to_string()))?;
        let line = lines.of(rec.position());
        let cell = |i: usize| rec.get(i).unwrap_or("").trim();
        let faction: Faction = cell(1).parse().map_err(|m| err(line, m))?;
        if !cell(3).is_empty() {
            file.colours.push((faction, cell(3).to_string()));
        }
        if !cell(4).is_empty() {
            file.labels.push((faction, cell(4).to_string()));
        }
        let from = parse_day(cell(5), "from").map_err(|m| err(line, m))?;
        let until = parse_day(cell(6), "until").map_err(|m| err(line, m))?;
        if let (Some(f), Some(u)) = (from, until) {
            if u < f {
                return Err(err(line, format!("until {u} is before from {f}")));
            }
        }
        let outlets: Vec<String> = (cell(7).split('|').map(str::trim))
            .filter(|h| !h.is_empty())
            .map(str::to_lowercase)
            .collect();
        if cell(0).is_empty() || faction == Faction::Unknown {
            continue;
        }
        file.actors.push(ActorRow {
            from,
            until,
            outlets,
            line,
            ..ActorRow::new(cell(0), faction)
        });
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    fn bundled_senses(alias: &str) -> Senses {
        let file = parse_factions(FACTIONS_CSV).unwrap();
        Senses::new(
            file.actors
                .into_iter()
                .filter(|r| r.alias == alias)
                .collect(),
        )
    }

    #[test]
    fn a_name_means_its_side_of_the_period_and_the_outlet() {
        use Faction::*;
        let at = |published: &str, outlet: Option<&'static str>| Reading {
            published: day(published),
            outlet,
        };
        let cases: &[(&str, Reading, Option<Faction>)] = &[
            ("hts", at("2024-12-05", None), Some(Opposition)),
            ("hts", at("2017-03-01", None), Some(Opposition)),
            ("hts", at("2025-03-08", None), Some(Government)),
            ("general security", at("2025-07-15", None), Some(Government)),
            ("general security", at("2022-05-01", None), Some(Opposition)),
            (
                "syrian interim government",
                at("2019-10-10", None),
                Some(Sna),
            ),
            (
                "interim government",
                at("2025-03-08", None),
                Some(Government),
            ),
            // The new state's names follow the HTS convention: opposition until the
            // dissolution of 29 Jan 2025.
            (
                "caretaker government",
                at("2024-12-12", None),
                Some(Opposition),
            ),
            ("new rulers", at("2026-01-20", None), Some(Government)),
            // A name no row gives for the period names no side.
            ("interim government", at("2016-01-01", None), None),
            ("terrorists", at("2024-12-01", Some("aa.com.tr")), Some(Sdf)),
            (
                "terrorists",
                at("2024-12-01", Some("dailysabah.com")),
                Some(Sdf),
            ),
            (
                "terrorists",
                at("2024-12-01", Some("sana.sy")),
                Some(Opposition),
            ),
            ("terrorists", at("2024-12-01", None), Some(Opposition)),
            // An article with no day takes the rows without a start.
            ("hts", Reading::default(), Some(Opposition)),
        ];
        for (alias, reading, want) in cases {
            assert_eq!(
                bundled_senses(alias).pick(reading),
                *want,
                "{alias} {reading:?}"
            );
        }
    }

    #[test]
    fn hosts_come_from_urls() {
        let cases = [
            ("https://www.aa.com.tr/en/middle-east/x", Some("aa.com.tr")),
            ("http://sana.sy:80/?p=1", Some("sana.sy")),
            ("english.news.cn/20241208/x", Some("english.news.cn")),
            ("not a url", None),
        ];
        for (url, want) in cases {
            assert_eq!(Reading::host_of(url), want, "{url}");
        }
        let row = ActorRow {
            outlets: vec!["aa.com.tr".into()],
            ..ActorRow::new("terrorists", Faction::Sdf)
        };
        assert!(row.holds_for(Some("aa.com.tr")));
        assert!(row.holds_for(Some("en.aa.com.tr")));
        assert!(!row.holds_for(Some("baa.com.tr")));
    }

    #[test]
    fn bad_rows_name_their_line() {
        let head = "alias,faction,note,colour,label,from,until,outlets\n# a comment\n";
        let cases = [
            (
                "rebels,rebel,,,,,,\n",
                "factions.csv line 3: unknown faction \"rebel\"",
            ),
            (
                "hts,government,,,,2025-13-01,,\n",
                "factions.csv line 3: from \"2025-13-01\" is not a day (YYYY-MM-DD)",
            ),
            (
                "hts,government,,,,2025-02-01,2025-01-01,\n",
                "factions.csv line 3: until 2025-01-01 is before from 2025-02-01",
            ),
        ];
        for (row, want) in cases {
            let e = parse_factions(&format!("{head}{row}")).unwrap_err();
            assert_eq!(e.to_string(), want);
        }
    }

    #[test]
    fn rows_of_one_alias_may_not_hold_for_the_same_articles() {
        let text = "alias,faction,note,colour,label,from,until,outlets\n\
                    hts,opposition,,,,,2025-01-28,\n\
                    hts,government,,,,2025-01-29,,\n\
                    terrorists,opposition,,,,,,\n\
                    terrorists,sdf,,,,,,aa.com.tr\n\
                    hts,government,,,,2025-06-01,,\n";
        let file = parse_factions(text).unwrap();
        assert_eq!(
            file.overlapping_rows(),
            [(
                6,
                "alias \"hts\" is also on line 3 for the same period and outlets".to_string()
            )]
        );
    }
}
