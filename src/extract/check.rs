//! `frontline lexicon check`: every vocabulary file validated, each error with its file
//! and line.
//!
//! Input: [`LexiconFiles`], the texts of the files under `data/` (read from a checkout, or
//! the copies compiled into the binary). Output: a [`LexiconReport`]: the errors, and what
//! each file gave (phrases, rows, words), so that an edit that silently expands to nothing
//! or to thousands of phrases shows.
//!
//! What is checked: the pattern syntax and the verbs of `triggers.csv` and `markers.csv`
//! (unknown frame or mark, malformed group, a phrase two lines make), `verbs.csv` (one row a
//! lemma, lowercase words), `background.csv` (its classes), `factions.csv` (known
//! factions, an alias listed twice), `descriptions.csv` (each place a gazetteer id) and the
//! word lists (lowercase, one entry a line, no repeats).

use super::background::BackgroundWords;
use super::lexicon::{parse_factions, Vocabulary};
use super::patterns::{Lines, Verbs};
use std::collections::HashMap;
use std::path::Path;

/// The vocabulary files, by their path under `data/`.
pub const FILES: [&str; 10] = [
    "lexicon/triggers.csv",
    "lexicon/markers.csv",
    "lexicon/verbs.csv",
    "lexicon/background.csv",
    "factions.csv",
    "lexicon/descriptions.csv",
    "lexicon/place-role-words.txt",
    "lexicon/name-heads.txt",
    "not-places.txt",
    "lexicon/non-combatants.txt",
];

/// The texts of [`FILES`], in that order.
#[derive(Debug, Clone)]
pub struct LexiconFiles {
    /// Where they came from ("data", "bundled").
    pub origin: String,
    /// The texts.
    pub texts: [String; 10],
}

impl LexiconFiles {
    /// The copies compiled into this binary.
    pub fn bundled() -> LexiconFiles {
        LexiconFiles {
            origin: "bundled".into(),
            texts: [
                super::lexicon::TRIGGERS_CSV,
                super::lexicon::MARKERS_CSV,
                super::patterns::VERBS_CSV,
                super::background::BACKGROUND_CSV,
                super::lexicon::FACTIONS_CSV,
                include_str!("../../data/lexicon/descriptions.csv"),
                include_str!("../../data/lexicon/place-role-words.txt"),
                include_str!("../../data/lexicon/name-heads.txt"),
                include_str!("../../data/not-places.txt"),
                include_str!("../../data/lexicon/non-combatants.txt"),
            ]
            .map(String::from),
        }
    }

    /// The files under `data_dir` (a checkout's `data/`).
    pub fn read(data_dir: &Path) -> std::io::Result<LexiconFiles> {
        let mut texts: [String; 10] = Default::default();
        for (text, name) in texts.iter_mut().zip(FILES) {
            let path = data_dir.join(name);
            *text = std::fs::read_to_string(&path)
                .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        }
        Ok(LexiconFiles {
            origin: data_dir.display().to_string(),
            texts,
        })
    }
}

/// What the check found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LexiconReport {
    /// "lexicon/triggers.csv line 12: unknown frame \"grab\"", one per problem.
    pub errors: Vec<String>,
    /// What each file gave: ("lexicon/triggers.csv", "2,612 phrases").
    pub contents: Vec<(&'static str, String)>,
}

/// Checks every file; the errors of one do not hide another's.
pub fn check(files: &LexiconFiles, gazetteer_ids: &dyn Fn(&str) -> bool) -> LexiconReport {
    let mut report = LexiconReport::default();
    let [triggers, markers, verbs, background, factions, descriptions, roles, heads, not_places, non_combatants] =
        &files.texts;
    let mut error = |file: &'static str, line: usize, message: String| {
        report.errors.push(format!("{file} line {line}: {message}"));
    };
    let mut contents = Vec::new();
    let verbs = match Verbs::parse(verbs) {
        Ok(v) => {
            contents.push((FILES[2], format!("{} verbs", v.len())));
            Some(v)
        }
        Err((line, e)) => {
            error(FILES[2], line, e.0);
            None
        }
    };
    if let Some(verbs) = &verbs {
        match Vocabulary::parse(triggers, markers, verbs) {
            Ok(v) => {
                contents.push((FILES[0], format!("{} phrases", v.triggers.len())));
                let marks = v.marks.len() + v.generic_side_nouns.len();
                contents.push((FILES[1], format!("{marks} phrases")));
            }
            Err(e) => {
                let file = if e.file == "triggers.csv" {
                    FILES[0]
                } else {
                    FILES[1]
                };
                error(file, e.line, e.message);
            }
        }
    }
    match BackgroundWords::parse(background) {
        Ok(_) => contents.push((FILES[3], "valid".into())),
        Err(e) => error(FILES[3], e.line, e.message),
    }
    match parse_factions(factions) {
        Ok(f) => {
            contents.push((FILES[4], format!("{} aliases", f.actors.len())));
            for (line, message) in f.overlapping_rows() {
                error(FILES[4], line, message);
            }
        }
        Err(e) => error(FILES[4], e.line, e.message),
    }
    let rows = check_descriptions(descriptions, gazetteer_ids, &mut |l, m| {
        error(FILES[5], l, m)
    });
    contents.push((FILES[5], format!("{rows} descriptions")));
    for (k, text) in [(6, roles), (7, heads), (8, not_places), (9, non_combatants)] {
        let lowercase = k != 8; // not-places.txt is folded before matching
        let words = check_word_list(text, lowercase, &mut |l, m| error(FILES[k], l, m));
        contents.push((FILES[k], format!("{words} entries")));
    }
    report.contents = contents;
    report
}

/// Checks `phrase,place,note` rows; gives how many there are.
fn check_descriptions(
    text: &str,
    known_id: &dyn Fn(&str) -> bool,
    error: &mut dyn FnMut(usize, String),
) -> usize {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut rows = 0;
    let lines = Lines::new(text);
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                error(lines.of(e.position()), e.to_string());
                continue;
            }
        };
        let line = lines.of(rec.position());
        let phrase = rec.get(0).unwrap_or("").trim();
        let place = rec.get(1).unwrap_or("").trim();
        rows += 1;
        if phrase.is_empty() || phrase != phrase.to_lowercase() {
            error(
                line,
                format!("phrase {phrase:?} must be lowercase and not empty"),
            );
        }
        if !known_id(place) {
            error(line, format!("place {place:?} is no gazetteer id"));
        }
        if let Some(first) = seen.insert(phrase.to_string(), line) {
            error(line, format!("phrase {phrase:?} is also on line {first}"));
        }
    }
    rows
}

/// Checks a one-entry-a-line list (`#` comments); gives how many entries there are.
fn check_word_list(text: &str, lowercase: bool, error: &mut dyn FnMut(usize, String)) -> usize {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (k, line) in text.lines().enumerate() {
        let entry = line.trim();
        if entry.is_empty() || entry.starts_with('#') {
            continue;
        }
        if lowercase && entry != entry.to_lowercase() {
            error(k + 1, format!("{entry:?} must be lowercase"));
        }
        if let Some(first) = seen.insert(entry.to_lowercase(), k + 1) {
            error(k + 1, format!("{entry:?} is also on line {first}"));
        }
    }
    seen.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(id: &str) -> bool {
        id.starts_with("gn:")
    }

    #[test]
    fn the_bundled_files_check_clean() {
        let gaz = crate::gazetteer::Gazetteer::bundled().unwrap();
        let report = check(&LexiconFiles::bundled(), &|id| gaz.by_id(id).is_some());
        assert_eq!(report.errors, Vec::<String>::new());
        assert_eq!(report.contents.len(), FILES.len());
    }

    #[test]
    fn each_file_reports_its_own_errors_with_its_line() {
        let mut files = LexiconFiles::bundled();
        files.texts[0] = "frame,pattern,note\n# c\ntake,<seize>,\ngrab,<grab>,\n".into();
        files.texts[4].push_str("the army,government,,,\n");
        files.texts[5] = "phrase,place,note\nthe capital,gn:1,\nThe Capital,sy:nowhere,\n".into();
        files.texts[6] = "# words\nat\nAt\n".into();
        let report = check(&files, &known);
        let lines = files.texts[4].lines().count();
        let want = [
            "lexicon/triggers.csv line 4: unknown frame \"grab\"".to_string(),
            format!("factions.csv line {lines}: alias \"the army\" is also on line "),
            "lexicon/descriptions.csv line 3: phrase \"The Capital\" must be lowercase and not empty".into(),
            "lexicon/descriptions.csv line 3: place \"sy:nowhere\" is no gazetteer id".into(),
            "lexicon/place-role-words.txt line 3: \"At\" must be lowercase".into(),
            "lexicon/place-role-words.txt line 3: \"At\" is also on line 2".into(),
        ];
        assert_eq!(report.errors.len(), want.len(), "{:#?}", report.errors);
        for (got, want) in report.errors.iter().zip(&want) {
            assert!(got.starts_with(want.as_str()), "{got} / {want}");
        }
    }
}
