//! Background by form: a change the sentence takes as known instead of telling it.
//!
//! Input: a [`Clause`] (its trigger, its dates, the sentence lowercased). Output: whether
//! the change is background, so that it yields no event. English news mentions old
//! changes in forms that do not assert them (the evaluation's annotation rule 2): a
//! change is background unless the text gives it a day of its own when it is
//!
//! - **dated only vaguely**: "recently captured Aleppo", "took Aleppo last week and Hama
//!   earlier this week", "have captured Hama and Aleppo within a week";
//! - **named as a noun in a role other than what is reported**: "The fall of Hama came
//!   despite shelling", "Key to their advance was the takeover of Aleppo", "With the SNA's
//!   capture of the airport, ..." (but "announced the capture of Tal Rifaat" reports it,
//!   and "Friday's capture of Daraa" has its day);
//! - **a period's summary**: "the offensive saw the opposition seize 65 towns";
//! - **presupposed by a subordinate clause**: "after HTS took control of Damascus",
//!   "since rebels seized the town", "days after capturing Aleppo" (but "After taking the
//!   airport, the SNA advanced" narrates a sequence of today's news, "after rebels took
//!   Hama on Thursday" has its day, and in "Crowds gathered on Sunday after rebels entered
//!   the capital" the clause it serves gives it one).
//!
//! The words of each construction are data (`data/lexicon/background.csv`); this module
//! holds only the mechanism.

use super::lexicon::Trigger;
use super::Clause;
use std::sync::OnceLock;

/// The bundled word classes.
pub const BACKGROUND_CSV: &str = include_str!("../../data/lexicon/background.csv");

/// The word classes of `data/lexicon/background.csv`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct BackgroundWords {
    /// Times that are no day ("recently", "last week").
    pub vague_past: Vec<String>,
    /// Durations before "after"/"since" ("days", "a week").
    pub elapsed_head: Vec<String>,
    /// Subordinators whose finite clause is presupposed ("after", "since").
    pub presupposing: Vec<String>,
    /// Verbs that report a change named as a noun ("announced").
    pub report_verb: Vec<String>,
    /// Words between a report verb and the noun ("the", "full").
    pub noun_modifier: Vec<String>,
}

/// A line of the file that is not a valid row.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("background.csv line {line}: {message}")]
pub struct BackgroundError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl BackgroundWords {
    /// Parses the file (`class,phrase,note`; `#` comments). A phrase is a pattern as in
    /// `data/lexicon/triggers.csv` (`<announce>` is every form of the verb).
    pub fn parse(text: &str) -> Result<BackgroundWords, BackgroundError> {
        let verbs = super::patterns::Verbs::bundled().map_err(|(line, e)| BackgroundError {
            line,
            message: format!("verbs.csv: {}", e.0),
        })?;
        let mut words = BackgroundWords::default();
        let mut seen = std::collections::HashMap::new();
        let rows = super::lexicon::read_patterns("background.csv", text, &verbs).map_err(|e| {
            BackgroundError {
                line: e.line,
                message: e.message,
            }
        })?;
        for (phrase, class, line) in rows {
            let err = |message: String| BackgroundError { line, message };
            let list = match class.as_str() {
                "vague_past" => &mut words.vague_past,
                "elapsed_head" => &mut words.elapsed_head,
                "presupposing" => &mut words.presupposing,
                "report_verb" => &mut words.report_verb,
                "noun_modifier" => &mut words.noun_modifier,
                other => return Err(err(format!("unknown class {other:?}"))),
            };
            if let Some(first) = seen.insert((class.clone(), phrase.clone()), line) {
                return Err(err(format!(
                    "{class} {phrase:?} again (first on line {first})"
                )));
            }
            list.push(phrase);
        }
        Ok(words)
    }

    /// The bundled file, parsed once.
    pub fn bundled() -> &'static BackgroundWords {
        static WORDS: OnceLock<BackgroundWords> = OnceLock::new();
        WORDS.get_or_init(|| {
            BackgroundWords::parse(BACKGROUND_CSV).expect("bundled background.csv is valid")
        })
    }
}

/// How far before a trigger its subordinator may stand, in words (its subject between
/// them: "after the Turkish-backed Syrian National Army took"; a side's name counts as one
/// word, a relative clause between commas as none).
const SUBORDINATE_REACH: usize = 8;

impl Clause<'_> {
    /// Is this change background by its form (see the module docs)?
    pub(super) fn is_background_form(&self) -> bool {
        let words = BackgroundWords::bundled();
        self.is_vaguely_dated(words)
            || self.is_presupposed_noun(words)
            || self.is_presupposed_subordinate(words)
            || self.is_summary_of_a_period()
    }

    /// "The offensive also saw the opposition seize 65 towns", "the past week has seen
    /// rebels take Hama": a period's summary by a verb of witness and a bare infinitive,
    /// background unless the clause gives a day ("On Friday the offensive saw rebels take
    /// Hama" is news).
    fn is_summary_of_a_period(&self) -> bool {
        const WITNESS: &[&str] = &["saw", "seen", "sees", "witnessed"];
        let t = self.trigger;
        let verb = super::first_word(&self.lower[t.start..t.end]);
        if !super::is_base_form(verb) {
            return false;
        }
        // The side between the verb of witness and the trigger: "saw [the opposition] seize".
        let Some(side) = self.actors.iter().rfind(|a| a.end <= t.start) else {
            return false;
        };
        let between_is_space = self.lower[side.end..t.start].trim().is_empty();
        let before = self.lower[self.start.min(side.start)..side.start].trim_end();
        let before = before.strip_suffix("the").unwrap_or(before).trim_end();
        let witnessed = WITNESS.iter().any(|w| {
            before
                .strip_suffix(w)
                .is_some_and(|head| !head.ends_with(|c: char| c.is_alphanumeric()))
        });
        between_is_space && witnessed && !self.has_day_within(self.start, self.end)
    }

    /// Where the trigger before this one ends (0 for the first).
    fn previous_trigger_end(&self) -> usize {
        let t = self.trigger;
        self.triggers
            .iter()
            .filter(|p| p.end <= t.start)
            .map(|p| p.end)
            .max()
            .unwrap_or(0)
    }

    /// Is a day written within `from..to` (a date of precision 1, or an anaphor such as
    /// "the day before")?
    fn has_day_within(&self, from: usize, to: usize) -> bool {
        self.dates.iter().any(|d| {
            d.start >= from
                && d.end <= to
                && d.precision == 1
                && (d.day.is_some() || d.anaphor.is_some())
        })
    }

    /// "recently captured", "the recent capture of", "took Aleppo last week": a vague time
    /// in the three words before the trigger or after it in its clause, and no day.
    fn is_vaguely_dated(&self, words: &BackgroundWords) -> bool {
        let t = self.trigger;
        let floor = self.previous_trigger_end();
        let before = words_back(self.lower, floor, t.start)
            .nth(2)
            .map_or(floor, |w| w.0);
        let found = |from: usize, to: usize| {
            words.vague_past.iter().any(|p| {
                super::find_word(&self.lower[from..to], p)
                    .is_some_and(|at| !self.inside_a_day(from + at, from + at + p.len()))
            })
        };
        // "took Hama earlier this month, and on Saturday entered Homs": the day of the
        // coordinated clause after a comma is that clause's.
        let own_end = self.coordinated_clause_start().unwrap_or(self.end);
        (found(before, t.start) || found(t.end, own_end) || self.opens_vaguely(words))
            && !self.has_day_within(self.start, own_end)
    }

    /// Where ", and" opens a clause with a trigger of its own after this one, if it does.
    fn coordinated_clause_start(&self) -> Option<usize> {
        let t = self.trigger;
        let next = self
            .triggers
            .iter()
            .find(|n| n.start >= t.end && n.what != Trigger::Ignore)?;
        let at = self.lower[t.end..next.start].rfind(", and ")?;
        Some(t.end + at)
    }

    /// "Last week, rebels launched an offensive, wresting ...": a vague time that opens the
    /// sentence, set off by a comma, governs all of it.
    fn opens_vaguely(&self, words: &BackgroundWords) -> bool {
        let head = self.lower.trim_start();
        words.vague_past.iter().any(|p| {
            head.strip_prefix(p.as_str())
                .is_some_and(|rest| rest.starts_with(','))
        })
    }

    /// Does a date of precision 1 cover `from..to` ("Tuesday last week")?
    fn inside_a_day(&self, from: usize, to: usize) -> bool {
        self.dates
            .iter()
            .any(|d| d.start <= from && to <= d.end && d.precision == 1)
    }

    /// "The fall of Hama came despite ...": a change named as a noun is background unless a
    /// report verb governs it ("announced the capture of") or a day is written with it
    /// ("Friday's capture of", "the capture of Daraa on Friday").
    fn is_presupposed_noun(&self, words: &BackgroundWords) -> bool {
        let t = self.trigger;
        if t.what != Trigger::Nominal && !self.is_possessive() {
            return false;
        }
        if self.has_day_within(t.start.saturating_sub(24), t.end + 48) {
            return false;
        }
        // Back from the noun, past its determiners and modifiers and a possessor
        // ("the rebels'", "HTS's", the place of "Hama's fall"), to the word that governs it.
        let possessor = usize::from(self.is_possessive());
        let governing = words_back(self.lower, 0, t.start)
            .skip(possessor)
            .find(|&(a, b)| {
                let w = &self.lower[a..b];
                !words.noun_modifier.iter().any(|m| m == w)
                    && !w.ends_with("'s")
                    && !w.ends_with('\'')
                    && !w.ends_with("\u{2019}s")
                    && !self
                        .actors
                        .iter()
                        .any(|h| self.lower[h.start..h.end].ends_with(w))
            });
        let Some((a, b)) = governing else {
            return true;
        };
        let w = &self.lower[a..b];
        if words.report_verb.iter().any(|v| v == w) {
            return false;
        }
        // "entered Hama on Thursday following the withdrawal of the army": dated by the
        // clause it serves.
        !(words.presupposing.iter().any(|p| p == w) && self.is_dated_before(a))
    }

    /// Is a day written before `at` in the sentence ("Rebels entered Hama on Thursday
    /// after ...", "Crowds gathered on Sunday after ...")? A presupposed change is then
    /// dated by the clause it serves.
    fn is_dated_before(&self, at: usize) -> bool {
        self.has_day_within(0, at)
    }

    /// Is byte `at` a word inside a side's name, after its first ("Tahrir" in "Hayat
    /// Tahrir al-Sham")? A name counts as one word of a subject.
    fn inside_a_side_name(&self, at: usize) -> bool {
        self.actors.iter().any(|h| h.start < at && at < h.end)
    }

    /// "HTS, which was once part of al-Qaeda, quickly took": the bytes from the comma that
    /// opens a relative clause to the comma that closes it, when at most two words stand
    /// between that comma and `at`.
    fn relative_aside_before(&self, at: usize) -> Option<(usize, usize)> {
        let close = self.lower[..at].rfind(',')?;
        if self.lower[close + 1..at].split_whitespace().count() > 2 {
            return None;
        }
        let open = self.lower[..close].rfind(',')?;
        let opening = self.lower[open + 1..close].trim_start();
        ["which ", "who ", "whose "]
            .iter()
            .any(|r| opening.starts_with(r))
            .then_some((open, close + 1))
    }

    /// "after HTS took control of Damascus", "days after capturing Aleppo": the trigger in
    /// a clause opened by a presupposing subordinator a few words before it, with no
    /// comma between and no day inside the subordinate clause. A bare "after" before a
    /// participle narrates a sequence and stays news.
    fn is_presupposed_subordinate(&self, words: &BackgroundWords) -> bool {
        let t = self.trigger;
        let aside = self.relative_aside_before(t.start);
        let outside_aside = |k: &usize| aside.is_none_or(|(open, close)| *k < open || *k >= close);
        // Subordinators are clause boundaries: read back from the trigger itself, to the
        // trigger before it at most, past a relative clause between commas.
        let Some((sub_start, sub_end)) =
            words_back(self.lower, self.previous_trigger_end(), t.start)
                .filter(|(a, _)| outside_aside(a) && !self.inside_a_side_name(*a))
                .take(SUBORDINATE_REACH)
                .take_while(|&(_, b)| {
                    !self.lower[b..t.start]
                        .match_indices([',', ';', ':'])
                        .any(|(k, _)| outside_aside(&(b + k)))
                })
                .find(|&(a, b)| words.presupposing.iter().any(|p| p == &self.lower[a..b]))
        else {
            return false;
        };
        let participle = sub_end + 1 == t.start || self.lower[sub_end..t.start].trim().is_empty();
        let verb = super::first_word(&self.lower[t.start..t.end]);
        // "days after", "a week after": where the elapsed head starts, if there is one.
        // The longest head: "two days", not "days".
        let elapsed = (words.elapsed_head.iter())
            .filter_map(|h| {
                let head = self.lower[..sub_start].trim_end();
                head.strip_suffix(h.as_str())
                    .filter(|rest| !rest.ends_with(|c: char| c.is_alphanumeric()))
                    .map(|rest| rest.len())
            })
            .min();
        let bare_after_participle =
            participle && verb.ends_with("ing") && &self.lower[sub_start..sub_end] == "after";
        if bare_after_participle && elapsed.is_none() {
            return false;
        }
        // "Rebels entered Hama on Thursday after the army withdrew", "Crowds gathered on
        // Sunday after rebels entered the capital": dated by the clause it serves. An
        // elapsed head puts the change before that day.
        if elapsed.is_none() && self.is_dated_before(sub_start) {
            return false;
        }
        // The subordinate clause, with its elapsed head ("a day after", which the date
        // stage may count from a dated change), runs to the next comma after the trigger.
        let clause_end = self.lower[t.end..]
            .find([',', ';'])
            .map_or(self.lower.len(), |k| t.end + k);
        !self.has_day_within(elapsed.unwrap_or(sub_start), clause_end)
    }
}

/// The words of `lower[from..to]`, last first, as byte spans (letters, digits and
/// apostrophes; hyphens join).
fn words_back(lower: &str, from: usize, to: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-');
    let mut end = to;
    std::iter::from_fn(move || {
        let head = &lower[from..end];
        let stop = head.trim_end_matches(|c: char| !is_word(c));
        if stop.is_empty() {
            return None;
        }
        let start = stop
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word(c))
            .last()
            .map_or(0, |(k, _)| k);
        let span = (from + start, from + stop.len());
        end = from + start;
        Some(span)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_words_check_clean_and_bad_rows_name_their_line() {
        let w = BackgroundWords::bundled();
        assert!(w.vague_past.iter().any(|p| p == "recently"));
        assert!(w.report_verb.iter().any(|p| p == "announced"));
        let cases = [
            (
                "unknown class",
                "class,phrase,note\nvague,recently,\n",
                "line 2: unknown class \"vague\"",
            ),
            (
                "duplicate",
                "class,phrase,note\nvague_past,recently,\nvague_past,recently,\n",
                "line 3: vague_past \"recently\" again (first on line 2)",
            ),
            (
                "empty",
                "class,phrase,note\nvague_past, ,\n",
                "line 2: empty phrase",
            ),
            (
                "capitals",
                "class,phrase,note\nvague_past,Recently,\n",
                "line 2: \"Recently\" is not lowercase",
            ),
        ];
        for (name, text, want) in cases {
            let e = BackgroundWords::parse(text).unwrap_err();
            assert_eq!(e.to_string(), format!("background.csv {want}"), "{name}");
        }
    }

    #[test]
    fn words_back_reads_words_last_first() {
        let s = "after the rebels' swift capture of";
        let got: Vec<&str> = words_back(s, 0, s.len()).map(|(a, b)| &s[a..b]).collect();
        assert_eq!(got, ["of", "capture", "swift", "rebels'", "the", "after"]);
        assert_eq!(words_back("  , ", 0, 4).count(), 0);
        let t = "Ḥamā-based, x";
        let got: Vec<&str> = words_back(t, 0, t.len()).map(|(a, b)| &t[a..b]).collect();
        assert_eq!(got, ["x", "Ḥamā-based"]);
    }
}
