//! Lexicon patterns: one line of a vocabulary file stands for every phrase English builds
//! from it.
//!
//! Input: a pattern (`<seize|take:past> [its|their] [full] control {of|over}`) and the
//! irregular verbs of `data/lexicon/verbs.csv`. Output: its phrases, lowercase, single
//! spaces ("seized control of", "took their full control over", …), or a
//! [`PatternError`] saying what is malformed.
//!
//! - `<capture>`: a verb by lemma, in all five forms: the base ("capture"), the third
//!   person ("captures"), the past ("captured"), the participle and the gerund
//!   ("capturing"). `<a|b>` gives several lemmas; `<fall:s+past>` only the forms listed
//!   (`base`, `s`, `past`, `pp`, `ing`), for verbs whose other forms are nouns or adjectives
//!   ("a storm", "a secure area").
//! - `{of|over}`: one of the alternatives; `[full|complete]`: one of them or nothing.
//!   Alternatives may hold spaces, verbs and further groups.
//! - Anything else is literal. A space at the start or the end of the whole pattern is kept
//!   (" after " must have spaces around it in the text).
//!
//! Regular inflection is a rule here (add "s"/"es", "ed"/"d", "ing", "y" to "ie", drop a
//! final "e"); a verb that does otherwise (irregular, or doubling its last consonant:
//! "expel", "expelled") is a row of `verbs.csv`. The rule never doubles, so a verb the table
//! lacks is still spelled plausibly, never wrongly doubled ("entered", not "enterred").

use std::collections::HashMap;

/// The bundled irregular verbs.
pub const VERBS_CSV: &str = include_str!("../../data/lexicon/verbs.csv");

/// The five forms of an English verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "capture"
    Base,
    /// "captures"
    S,
    /// "captured"
    Past,
    /// "captured" (the participle; "taken")
    Pp,
    /// "capturing"
    Ing,
}

impl Form {
    const ALL: [Form; 5] = [Form::Base, Form::S, Form::Past, Form::Pp, Form::Ing];

    fn parse(s: &str) -> Option<Form> {
        Some(match s {
            "base" => Form::Base,
            "s" => Form::S,
            "past" => Form::Past,
            "pp" => Form::Pp,
            "ing" => Form::Ing,
            _ => return None,
        })
    }
}

/// A pattern that cannot be expanded, or a verbs.csv row that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct PatternError(pub String);

/// The verbs whose forms the rule would get wrong, by lemma: `[s, past, pp, ing]`.
#[derive(Debug, Clone, Default)]
pub struct Verbs {
    irregular: HashMap<String, [String; 4]>,
}

impl Verbs {
    /// The bundled table.
    pub fn bundled() -> Result<Verbs, (usize, PatternError)> {
        Verbs::parse(VERBS_CSV)
    }

    /// Parses `lemma,s,past,pp,ing,note` rows (`#` comments; an empty cell keeps the
    /// rule's form). An error comes with its 1-based line.
    pub fn parse(text: &str) -> Result<Verbs, (usize, PatternError)> {
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .comment(Some(b'#'))
            .from_reader(text.as_bytes());
        let mut verbs = Verbs::default();
        let lines = Lines::new(text);
        for rec in rdr.records() {
            let rec = rec.map_err(|e| (lines.of(e.position()), PatternError(e.to_string())))?;
            let line = lines.of(rec.position());
            let cell = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
            let lemma = cell(0);
            let bad = |m: String| Err((line, PatternError(m)));
            if lemma.is_empty() || !is_lower_word(&lemma) {
                return bad(format!("lemma {lemma:?} is not a lowercase word"));
            }
            let mut forms = [cell(1), cell(2), cell(3), cell(4)];
            for (k, form) in forms.iter_mut().enumerate() {
                if form.is_empty() {
                    *form = regular(&lemma, Form::ALL[k + 1]);
                } else if !is_lower_word(form) {
                    return bad(format!(
                        "form {form:?} of {lemma:?} is not a lowercase word"
                    ));
                }
            }
            if verbs.irregular.insert(lemma.clone(), forms).is_some() {
                return bad(format!("verb {lemma:?} is listed twice"));
            }
        }
        Ok(verbs)
    }

    /// How many verbs the table lists.
    pub fn len(&self) -> usize {
        self.irregular.len()
    }

    /// Does the table list none?
    pub fn is_empty(&self) -> bool {
        self.irregular.is_empty()
    }

    /// `lemma` in `form`.
    pub fn inflect(&self, lemma: &str, form: Form) -> String {
        match (form, self.irregular.get(lemma)) {
            (Form::Base, _) => lemma.to_string(),
            (_, Some(forms)) => forms[form as usize - 1].clone(),
            (_, None) => regular(lemma, form),
        }
    }

    /// Every phrase of `pattern`, in order, without repeats.
    pub fn expand(&self, pattern: &str) -> Result<Vec<String>, PatternError> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut at = 0;
        let alternatives = self.sequence(&chars, &mut at, None)?;
        if at < chars.len() {
            return Err(PatternError(format!(
                "unexpected {:?} at character {}",
                chars[at],
                at + 1
            )));
        }
        let lead = if pattern.starts_with(' ') { " " } else { "" };
        let trail = if pattern.ends_with(' ') && pattern.trim() != "" {
            " "
        } else {
            ""
        };
        let mut out: Vec<String> = Vec::new();
        for phrase in alternatives {
            let words: Vec<&str> = phrase.split_whitespace().collect();
            if words.is_empty() {
                if pattern.trim().is_empty() {
                    return Err(PatternError("empty pattern".into()));
                }
                return Err(PatternError(format!("{pattern:?} can expand to nothing")));
            }
            let phrase = format!("{lead}{}{trail}", words.join(" "));
            if !out.contains(&phrase) {
                out.push(phrase);
            }
        }
        Ok(out)
    }

    /// The phrases of a sequence up to `close` (or the end).
    fn sequence(
        &self,
        chars: &[char],
        at: &mut usize,
        close: Option<&[char]>,
    ) -> Result<Vec<String>, PatternError> {
        let mut phrases = vec![String::new()];
        while *at < chars.len() {
            let c = chars[*at];
            if close.is_some_and(|cl| cl.contains(&c)) {
                break;
            }
            let piece: Vec<String> = match c {
                '<' => {
                    *at += 1;
                    self.verb(chars, at)?
                }
                '{' | '[' => {
                    let end = if c == '{' { '}' } else { ']' };
                    *at += 1;
                    let mut alts = self.group(chars, at, end)?;
                    if c == '[' {
                        alts.push(String::new());
                    }
                    alts
                }
                '}' | ']' | '>' | '|' => {
                    return Err(PatternError(format!(
                        "unexpected {c:?} at character {}",
                        *at + 1
                    )))
                }
                _ => {
                    *at += 1;
                    vec![c.to_string()]
                }
            };
            phrases = phrases
                .iter()
                .flat_map(|p| piece.iter().map(move |q| format!("{p}{q}")))
                .collect();
        }
        Ok(phrases)
    }

    /// The alternatives of a group whose opening bracket was read, through `end`.
    fn group(
        &self,
        chars: &[char],
        at: &mut usize,
        end: char,
    ) -> Result<Vec<String>, PatternError> {
        let mut alts = Vec::new();
        loop {
            alts.extend(self.sequence(chars, at, Some(&['|', end]))?);
            match chars.get(*at) {
                Some('|') => *at += 1,
                Some(&c) if c == end => {
                    *at += 1;
                    return Ok(alts);
                }
                _ => return Err(PatternError(format!("a group lacks its closing {end:?}"))),
            }
        }
    }

    /// The forms of a verb group whose `<` was read, through `>`.
    fn verb(&self, chars: &[char], at: &mut usize) -> Result<Vec<String>, PatternError> {
        let start = *at;
        while *at < chars.len() && chars[*at] != '>' {
            *at += 1;
        }
        if *at == chars.len() {
            return Err(PatternError("a verb lacks its closing '>'".into()));
        }
        let inner: String = chars[start..*at].iter().collect();
        *at += 1;
        let (lemmas, forms) = match inner.split_once(':') {
            Some((l, f)) => (l, parse_forms(f)?),
            None => (inner.as_str(), Form::ALL.to_vec()),
        };
        let mut out = Vec::new();
        for lemma in lemmas.split('|').map(str::trim) {
            if !is_lower_word(lemma) {
                return Err(PatternError(format!(
                    "verb {lemma:?} is not a lowercase word"
                )));
            }
            for &form in &forms {
                let word = self.inflect(lemma, form);
                if !out.contains(&word) {
                    out.push(word);
                }
            }
        }
        Ok(out)
    }
}

/// The lines of a CSV file, for the line a record starts on. The csv crate places a record
/// after `#` comment lines at the first of them (and does not count them), which would send
/// a reader of an error message to the wrong line of every commented file.
pub(super) struct Lines<'a> {
    text: &'a str,
    /// Byte offset of each line's start.
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// The line starts of `text`, found once.
    pub(super) fn new(text: &'a str) -> Lines<'a> {
        let newlines = memchr::memchr_iter(b'\n', text.as_bytes()).map(|k| k + 1);
        Lines {
            text,
            starts: std::iter::once(0).chain(newlines).collect(),
        }
    }

    /// The 1-based line the record at `position` starts on, past any comment lines.
    pub(super) fn of(&self, position: Option<&csv::Position>) -> usize {
        let Some(p) = position else { return 0 };
        let at = (p.byte() as usize).min(self.text.len());
        let mut line = self.starts.partition_point(|&s| s <= at);
        while let Some(&start) = self.starts.get(line - 1) {
            let is_comment = self.text[start..].starts_with('#');
            if !is_comment || line >= self.starts.len() {
                break;
            }
            line += 1;
        }
        line
    }
}

fn parse_forms(list: &str) -> Result<Vec<Form>, PatternError> {
    list.split('+')
        .map(|f| {
            Form::parse(f.trim()).ok_or_else(|| {
                PatternError(format!(
                    "unknown verb form {:?} (base, s, past, pp, ing, joined by +)",
                    f.trim()
                ))
            })
        })
        .collect()
}

fn is_lower_word(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The regular spelling of `lemma` in `form`.
fn regular(lemma: &str, form: Form) -> String {
    let b = lemma.as_bytes();
    let last = b.last().copied().unwrap_or(b'a');
    let before_last = b.len().checked_sub(2).map(|i| b[i]);
    let consonant_y = last == b'y' && before_last.is_some_and(|c| !is_vowel(c));
    let stem = &lemma[..lemma.len().saturating_sub(1)];
    match form {
        Form::Base => lemma.to_string(),
        Form::S if consonant_y => format!("{stem}ies"),
        Form::S
            if ["s", "x", "z", "ch", "sh", "o"]
                .iter()
                .any(|e| lemma.ends_with(e)) =>
        {
            format!("{lemma}es")
        }
        Form::S => format!("{lemma}s"),
        Form::Past | Form::Pp if consonant_y => format!("{stem}ied"),
        Form::Past | Form::Pp if last == b'e' => format!("{lemma}d"),
        Form::Past | Form::Pp => format!("{lemma}ed"),
        Form::Ing if lemma.ends_with("ie") => format!("{}ying", &lemma[..lemma.len() - 2]),
        Form::Ing if last == b'e' && !lemma.ends_with("ee") && !lemma.ends_with("ye") => {
            format!("{stem}ing")
        }
        Form::Ing => format!("{lemma}ing"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verbs() -> Verbs {
        Verbs::bundled().unwrap()
    }

    #[test]
    fn regular_verbs_inflect_by_rule() {
        let cases: &[(&str, [&str; 5])] = &[
            (
                "capture",
                ["capture", "captures", "captured", "captured", "capturing"],
            ),
            (
                "storm",
                ["storm", "storms", "stormed", "stormed", "storming"],
            ),
            (
                "reach",
                ["reach", "reaches", "reached", "reached", "reaching"],
            ),
            ("push", ["push", "pushes", "pushed", "pushed", "pushing"]),
            (
                "occupy",
                ["occupy", "occupies", "occupied", "occupied", "occupying"],
            ),
            ("deny", ["deny", "denies", "denied", "denied", "denying"]),
            (
                "enter",
                ["enter", "enters", "entered", "entered", "entering"],
            ),
            ("free", ["free", "frees", "freed", "freed", "freeing"]),
            // A vowel before "y" keeps it.
            (
                "deploy",
                ["deploy", "deploys", "deployed", "deployed", "deploying"],
            ),
        ];
        let v = Verbs::default();
        for (lemma, want) in cases {
            let got: Vec<String> = Form::ALL.iter().map(|&f| v.inflect(lemma, f)).collect();
            assert_eq!(got, want, "{lemma}");
        }
    }

    #[test]
    fn the_table_overrides_the_rule() {
        let v = verbs();
        assert_eq!(v.inflect("take", Form::Past), "took");
        assert_eq!(v.inflect("take", Form::Pp), "taken");
        assert_eq!(v.inflect("take", Form::Ing), "taking");
        assert_eq!(v.inflect("expel", Form::Past), "expelled");
        assert_eq!(v.inflect("expel", Form::S), "expels");
        assert_eq!(v.inflect("withdraw", Form::Pp), "withdrawn");
        assert_eq!(v.inflect("overrun", Form::Past), "overran");
    }

    #[test]
    fn patterns_expand_to_every_phrase() {
        let v = verbs();
        let cases: &[(&str, &[&str])] = &[
            ("fall of", &["fall of"]),
            ("<fall:s+past>", &["falls", "fell"]),
            (
                "<seize:past+ing> [its] control {of|over}",
                &[
                    "seized its control of",
                    "seized its control over",
                    "seized control of",
                    "seized control over",
                    "seizing its control of",
                    "seizing its control over",
                    "seizing control of",
                    "seizing control over",
                ],
            ),
            (
                "{<push:past> out|<kick:past> out} of",
                &["pushed out of", "kicked out of"],
            ),
            (" after ", &[" after "]),
            ("% of", &["% of"]),
            ("'s capture by", &["'s capture by"]),
            // The past and the participle of "lose" are one word, listed once.
            ("<lose:past+pp>", &["lost"]),
            ("<take|win:past> back", &["took back", "won back"]),
        ];
        for (pattern, want) in cases {
            assert_eq!(v.expand(pattern).unwrap(), *want, "{pattern}");
        }
    }

    #[test]
    fn malformed_patterns_say_why() {
        let v = verbs();
        let cases: &[(&str, &str)] = &[
            ("{of|over", "a group lacks its closing '}'"),
            ("<take", "a verb lacks its closing '>'"),
            (
                "<take:gerund>",
                "unknown verb form \"gerund\" (base, s, past, pp, ing, joined by +)",
            ),
            ("took} control", "unexpected '}' at character 5"),
            ("<Take>", "verb \"Take\" is not a lowercase word"),
            ("[full]", "\"[full]\" can expand to nothing"),
            ("  ", "empty pattern"),
        ];
        for (pattern, want) in cases {
            assert_eq!(v.expand(pattern).unwrap_err().0, *want, "{pattern}");
        }
    }

    #[test]
    fn bad_verb_rows_name_their_line() {
        let cases: &[(&str, usize, &str)] = &[
            (
                "lemma,s,past,pp,ing,note\ntake,,took,taken,,\ntake,,took,,,\n",
                3,
                "verb \"take\" is listed twice",
            ),
            (
                "lemma,s,past,pp,ing,note\nTake,,took,,,\n",
                2,
                "lemma \"Take\" is not a lowercase word",
            ),
            (
                "lemma,s,past,pp,ing,note\ntake,,took taken,,,\n",
                2,
                "form \"took taken\" of \"take\" is not a lowercase word",
            ),
        ];
        for (text, line, message) in cases {
            let (l, e) = Verbs::parse(text).unwrap_err();
            assert_eq!((l, e.0.as_str()), (*line, *message), "{text}");
        }
    }
}
