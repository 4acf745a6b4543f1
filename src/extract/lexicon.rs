//! The words of control change: actor names (from `data/factions.csv`), trigger phrases
//! and the markers that qualify them (claims, attempts, partial gains).
//!
//! Takes a text (the extractor gives a whole article, ASCII-lowercased) and gives its
//! [`Marks`]: every trigger, actor and marker as a [`Hit`] with byte ranges into the text.
//! All lists are one phrase set matched case-insensitively on whole words, longest phrase
//! first, each list as if alone ([`super::phrases`]), in one pass; adding a phrase costs
//! nothing at run time. The same pass flags the date scanner's cue words.

use super::dates::CUE_WORDS;
use super::factions::Senses;
pub use super::factions::{parse_factions, ActorRow, FactionsFile, Reading, FACTIONS_CSV};
use super::patterns::{Lines, Verbs};
use super::phrases::PhraseSet;
use crate::model::Faction;

/// How a trigger relates its actor and its places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// "X took Y": actor before (new controller), places after.
    Take,
    /// "Y fell to X", "Y came under the control of X": places before, new controller after.
    TakePassive,
    /// "Y fell", "Y has fallen": places before and no side named; the place went to the
    /// side attacking in the article (the last side other than the government named).
    Fall,
    /// "X entered Y", "X advanced into Y": a partial gain.
    Enter,
    /// "X withdrew from Y", "X lost control of Y": actor before is the loser, places after.
    Lose,
    /// "X fled Y": a withdrawal like `Lose`, but only when X is a side named in the
    /// sentence ("thousands of residents fled Aleppo" is no change of control).
    Flee,
    /// "Y escapes the control of X", "Y evacuated by X": places before, loser after.
    LosePassive,
    /// "X handed Y over to Z": loser before, places after, new controller after "to".
    Handover,
    /// "the capture of Y", "the fall of Y": places after, actor from context.
    Nominal,
    /// "X claimed control over Y": like `Take`, but a claim.
    ClaimTake,
    /// "X drove regime forces out of Y", "X expelled the SDF from Y": like `Take`, but the
    /// place follows "from" / "out of" and the side before it is the loser.
    Expel,
    /// A phrase that contains a trigger word but states no change ("lost ground",
    /// "took part"): matched so that the shorter trigger inside it is not.
    Ignore,
}

impl Trigger {
    /// Are the places of this trigger before it ("Hama fell to", "Hama fell")?
    pub fn places_before(self) -> bool {
        matches!(
            self,
            Trigger::TakePassive | Trigger::LosePassive | Trigger::Fall
        )
    }
}

impl Trigger {
    /// The frame named `name` in `data/lexicon/triggers.csv`.
    fn from_frame(name: &str) -> Option<Trigger> {
        Some(match name {
            "take" => Trigger::Take,
            "take_passive" => Trigger::TakePassive,
            "fall" => Trigger::Fall,
            "enter" => Trigger::Enter,
            "lose" => Trigger::Lose,
            "flee" => Trigger::Flee,
            "lose_passive" => Trigger::LosePassive,
            "handover" => Trigger::Handover,
            "nominal" => Trigger::Nominal,
            "claim_take" => Trigger::ClaimTake,
            "expel" => Trigger::Expel,
            "ignore" => Trigger::Ignore,
            _ => return None,
        })
    }
}

/// The bundled trigger frames.
pub const TRIGGERS_CSV: &str = include_str!("../../data/lexicon/triggers.csv");
/// The bundled markers.
pub const MARKERS_CSV: &str = include_str!("../../data/lexicon/markers.csv");

/// Does actor hit `noun` continue `side` (a generic side noun after spaces only)?
fn qualifies_noun<T>(lower: &str, side: &Hit<Faction>, noun: &Hit<T>, generic: &[String]) -> bool {
    let gap = &lower[side.end..noun.start.max(side.end)];
    !gap.is_empty()
        && gap.bytes().all(|b| b == b' ')
        && generic.iter().any(|g| *g == lower[noun.start..noun.end])
}

/// The phrases of `data/lexicon/triggers.csv` and `markers.csv`, expanded
/// (`src/extract/patterns.rs`).
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Every trigger phrase with its frame.
    pub triggers: Vec<(String, Trigger)>,
    /// Every marker phrase with its mark.
    pub marks: Vec<(String, Mark)>,
    /// Nouns that name a side only by what it is ("militants"): right after a side's name
    /// ("Islamic State militants") they are that side's, and the two make one actor.
    pub generic_side_nouns: Vec<String>,
    /// Phrases that make the noun before them a side's ("fighters loyal to the
    /// government", "tribes allied with the SDF").
    pub allegiances: Vec<String>,
    /// Words that cancel a trigger only right before it: continuity ("remains", "still"),
    /// nearness ("close to", "nearly") and prospect ("in preparation for"). Read by
    /// comparing the text before a trigger, not matched in every text: some are common
    /// words ("for").
    pub close_blockers: Vec<String>,
}

/// One `class,pattern,note` file's phrases: (phrase, class, line). A pattern must be
/// lowercase and not empty.
pub(super) fn read_patterns(
    file: &'static str,
    text: &str,
    verbs: &Verbs,
) -> Result<Vec<(String, String, usize)>, LexiconError> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .comment(Some(b'#'))
        .trim(csv::Trim::None)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let lines = Lines::new(text);
    for rec in rdr.records() {
        let rec =
            rec.map_err(|e| LexiconError::new(file, lines.of(e.position()), e.to_string()))?;
        let line = lines.of(rec.position());
        let class = rec.get(0).unwrap_or("").trim().to_string();
        let pattern = rec.get(1).unwrap_or("");
        let err = |message: String| LexiconError::new(file, line, message);
        if pattern.trim().is_empty() {
            return Err(err("empty phrase".into()));
        }
        if pattern != pattern.to_lowercase() {
            return Err(err(format!("{:?} is not lowercase", pattern.trim())));
        }
        let phrases = verbs
            .expand(pattern)
            .map_err(|e| LexiconError::new(file, line, e.0))?;
        out.extend(phrases.into_iter().map(|p| (p, class.clone(), line)));
    }
    Ok(out)
}

/// Refuses a phrase that two lines of one list make: the second would never apply (or
/// apply with another frame), a sign the file was edited without being read.
fn refuse_repeats<'a>(
    file: &'static str,
    rows: impl Iterator<Item = (&'a str, usize, usize)>,
) -> Result<(), LexiconError> {
    let mut seen: std::collections::HashMap<(&str, usize), usize> = Default::default();
    for (phrase, list, line) in rows {
        if let Some(first) = seen.insert((phrase, list), line) {
            if first != line {
                let message = format!("{phrase:?} is also made by line {first}");
                return Err(LexiconError::new(file, line, message));
            }
        }
    }
    Ok(())
}

impl Vocabulary {
    /// The bundled files.
    pub fn bundled() -> Result<Vocabulary, LexiconError> {
        let verbs =
            Verbs::bundled().map_err(|(line, e)| LexiconError::new("verbs.csv", line, e.0))?;
        Vocabulary::parse(TRIGGERS_CSV, MARKERS_CSV, &verbs)
    }

    /// Reads a triggers file and a markers file, expanding their patterns with `verbs`.
    pub fn parse(triggers: &str, markers: &str, verbs: &Verbs) -> Result<Vocabulary, LexiconError> {
        let mut vocabulary = Vocabulary::default();
        let rows = read_patterns("triggers.csv", triggers, verbs)?;
        for (phrase, frame, line) in rows.iter() {
            let trigger = Trigger::from_frame(frame).ok_or_else(|| {
                LexiconError::new("triggers.csv", *line, format!("unknown frame {frame:?}"))
            })?;
            vocabulary.triggers.push((phrase.clone(), trigger));
        }
        refuse_repeats(
            "triggers.csv",
            rows.iter().map(|(p, _, l)| (p.as_str(), 0, *l)),
        )?;
        let rows = read_patterns("markers.csv", markers, verbs)?;
        let mut lists = Vec::new();
        for (phrase, class, line) in rows.iter() {
            // Word lists outside the phrase set, each its own list for repeats.
            let word_list = match class.as_str() {
                "generic_side_noun" => Some((&mut vocabulary.generic_side_nouns, usize::MAX)),
                "allegiance" => Some((&mut vocabulary.allegiances, usize::MAX - 1)),
                "close_blocker" => Some((&mut vocabulary.close_blockers, usize::MAX - 2)),
                _ => None,
            };
            if let Some((list, number)) = word_list {
                list.push(phrase.clone());
                lists.push((phrase.as_str(), number, *line));
                continue;
            }
            let mark = Mark::from_class(class).ok_or_else(|| {
                LexiconError::new("markers.csv", *line, format!("unknown mark {class:?}"))
            })?;
            vocabulary.marks.push((phrase.clone(), mark));
            lists.push((phrase.as_str(), Entry::Mark(mark).list(), *line));
        }
        refuse_repeats("markers.csv", lists.into_iter())?;
        Ok(vocabulary)
    }

    /// The phrases marked `mark`.
    pub fn marked(&self, mark: Mark) -> impl Iterator<Item = &str> {
        self.marks
            .iter()
            .filter(move |(_, m)| *m == mark)
            .map(|(p, _)| p.as_str())
    }
}

/// A phrase found in a text (the extractor makes an article's hits relative to their
/// sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<T> {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// What it is.
    pub what: T,
}

impl<T> Hit<T> {
    /// The same bytes, saying `what` instead.
    pub fn with<W>(&self, what: W) -> Hit<W> {
        Hit {
            start: self.start,
            end: self.end,
            what,
        }
    }
}

/// A lexicon file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{file} line {line}: {message}")]
pub struct LexiconError {
    /// The file's name ("triggers.csv").
    pub file: &'static str,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl LexiconError {
    pub(super) fn new(file: &'static str, line: usize, message: String) -> LexiconError {
        LexiconError {
            file,
            line,
            message,
        }
    }
}

/// A phrase that qualifies a trigger or bounds its clause (`data/lexicon/markers.csv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Ends a trigger's clause ("; ", " after ", " while ").
    Boundary,
    /// Cancels a following trigger: an attempt, plan, denial or negation.
    Blocker,
    /// A blocker that speaks of a prospect ("would", "next target"): after a change named
    /// as a noun it makes it a prospect too. Matched in the blockers' list.
    Prospect,
    /// Makes a following trigger a claim.
    Claim,
    /// Makes a gain partial ("outskirts", "parts of").
    Partial,
    /// Stands for a side named elsewhere ("they").
    Pronoun,
    /// Stands for the attacking side, never the state ("the groups", "the fighters").
    /// Matched in the pronouns' list.
    RebelPronoun,
    /// After a trigger, may leave it unconfirmed ("a claim", "not confirmed").
    Doubt,
}

impl Mark {
    /// The mark named `class` in `data/lexicon/markers.csv`.
    fn from_class(class: &str) -> Option<Mark> {
        Some(match class {
            "boundary" => Mark::Boundary,
            "blocker" => Mark::Blocker,
            "prospect" => Mark::Prospect,
            "claim" => Mark::Claim,
            "partial" => Mark::Partial,
            "pronoun" => Mark::Pronoun,
            "rebel_pronoun" => Mark::RebelPronoun,
            "doubt" => Mark::Doubt,
            _ => return None,
        })
    }

    /// Is this mark a `kind` (a prospect is a blocker, a rebel pronoun a pronoun)?
    pub fn is(self, kind: Mark) -> bool {
        self == kind || self.general() == kind
    }

    /// The kind whose list this mark is matched in.
    fn general(self) -> Mark {
        match self {
            Mark::Prospect => Mark::Blocker,
            Mark::RebelPronoun => Mark::Pronoun,
            m => m,
        }
    }
}

/// What a phrase of the lexicon is.
#[derive(Debug, Clone, Copy)]
enum Entry {
    Trigger(Trigger),
    /// A name with one meaning.
    Actor(Faction),
    /// A name whose meaning depends on the period or outlet: an index into
    /// `Lexicon::senses`.
    Senses(u32),
    Mark(Mark),
}

impl Entry {
    /// Its list: each list is matched as if alone ([`PhraseSet::listed`]).
    fn list(self) -> usize {
        match self {
            Entry::Trigger(_) => 0,
            Entry::Actor(_) | Entry::Senses(_) => 1,
            Entry::Mark(m) => match m.general() {
                Mark::Boundary => 2,
                Mark::Blocker => 3,
                Mark::Claim => 4,
                Mark::Partial => 5,
                Mark::Pronoun => 6,
                _ => 7,
            },
        }
    }
}

/// The phrases of a text by kind; each list in text order, byte ranges into the text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    /// Trigger phrases.
    pub triggers: Vec<Hit<Trigger>>,
    /// Actor names.
    pub actors: Vec<Hit<Faction>>,
    /// Markers (all kinds, interleaved).
    pub marks: Vec<Hit<Mark>>,
}

/// Every phrase list, compiled into one set. `Send + Sync`; build once.
pub struct Lexicon {
    set: PhraseSet<Entry>,
    senses: Vec<Senses>,
    generic_side_nouns: Vec<String>,
    allegiances: Vec<String>,
    close_blockers: Vec<String>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("phrases", &self.set.len())
            .finish()
    }
}

impl Lexicon {
    /// The bundled lexicon.
    pub fn bundled() -> Result<Lexicon, LexiconError> {
        let vocabulary = Vocabulary::bundled()?;
        Ok(Lexicon::new(
            &vocabulary,
            &parse_factions(FACTIONS_CSV)?.actors,
        ))
    }

    /// A lexicon of `vocabulary` over `actors`.
    pub fn new(vocabulary: &Vocabulary, actors: &[ActorRow]) -> Lexicon {
        // Each alias once, with all its rows.
        let mut by_alias: Vec<(&str, Vec<ActorRow>)> = Vec::new();
        let mut index: rustc_hash::FxHashMap<&str, usize> = Default::default();
        for r in actors {
            let k = *index.entry(r.alias.as_str()).or_insert_with(|| {
                by_alias.push((r.alias.as_str(), Vec::new()));
                by_alias.len() - 1
            });
            by_alias[k].1.push(r.clone());
        }
        let mut senses = Vec::new();
        let mut names = Vec::with_capacity(by_alias.len());
        for (alias, rows) in by_alias {
            let s = Senses::new(rows);
            let entry = match s.pick(&Reading::default()) {
                Some(f) if s.is_plain() => Entry::Actor(f),
                _ => {
                    senses.push(s);
                    Entry::Senses(senses.len() as u32 - 1)
                }
            };
            names.push((alias, entry));
        }
        let triggers = (vocabulary.triggers.iter()).map(|(p, t)| (p.as_str(), Entry::Trigger(*t)));
        let marks = (vocabulary.marks.iter()).map(|(p, m)| (p.as_str(), Entry::Mark(*m)));
        let all = triggers.chain(names).chain(marks);
        Lexicon {
            set: PhraseSet::listed(all.map(|(p, e)| (p, e, e.list())), CUE_WORDS),
            senses,
            generic_side_nouns: vocabulary.generic_side_nouns.clone(),
            allegiances: vocabulary.allegiances.clone(),
            close_blockers: vocabulary.close_blockers.clone(),
        }
    }

    /// Every phrase of `lower` (ASCII-lowercase), in one pass that also calls
    /// `on_word(start, end, cue)` for each run of ASCII letters and digits, `cue` saying
    /// whether it is one of the date scanner's [`CUE_WORDS`] (the same lookup answers).
    /// A name means the side it meant for `reading` (its day and outlet).
    pub fn marks(
        &self,
        lower: &str,
        reading: &Reading,
        on_word: impl FnMut(usize, usize, bool),
    ) -> Marks {
        let mut out = Marks::default();
        self.marks_into(lower, reading, &mut out, on_word);
        out
    }

    /// [`Self::marks`] into `out`, which is cleared first (its buffers are reused).
    pub fn marks_into(
        &self,
        lower: &str,
        reading: &Reading,
        out: &mut Marks,
        on_word: impl FnMut(usize, usize, bool),
    ) {
        out.triggers.clear();
        out.actors.clear();
        out.marks.clear();
        self.set.for_each_hit(lower, on_word, |h, _| match h.what {
            Entry::Trigger(t) => out.triggers.push(h.with(t)),
            Entry::Actor(f) => self.push_actor(lower, out, h.with(f)),
            Entry::Senses(k) => {
                if let Some(f) = self.senses[k as usize].pick(reading) {
                    self.push_actor(lower, out, h.with(f));
                }
            }
            Entry::Mark(m) => out.marks.push(h.with(m)),
        });
    }

    /// Does a close blocker ([`Vocabulary::close_blockers`]) end `before` as whole words?
    pub fn ends_with_close_blocker(&self, before: &str) -> bool {
        let before = before.trim_end();
        self.close_blockers.iter().any(|w| {
            before
                .strip_suffix(w.as_str())
                .is_some_and(|head| !head.ends_with(|c: char| c.is_alphanumeric()))
        })
    }

    /// Adds a side's name, or lengthens the name before it ("Islamic State militants"). A
    /// noun that declares allegiance to the side is part of it: in "fighters loyal to the
    /// government" the actor is the whole phrase, not "fighters" standing for another.
    fn push_actor(&self, lower: &str, out: &mut Marks, mut h: Hit<Faction>) {
        if let Some(start) = self.allegiant_noun_before(lower, h.start) {
            h.start = start;
            out.actors.retain(|a| a.end <= start);
        }
        match out.actors.last_mut() {
            Some(side) if qualifies_noun(lower, side, &h, &self.generic_side_nouns) => {
                side.end = h.end
            }
            _ => out.actors.push(h),
        }
    }

    /// Where the noun starts in "NOUN loyal to " right before byte `at` (not a verb of
    /// being: "they are loyal to" names the side "they" stand for).
    fn allegiant_noun_before(&self, lower: &str, at: usize) -> Option<usize> {
        const BEING: &[&str] = &[
            "are", "is", "was", "were", "be", "been", "remain", "remained", "stay", "stayed",
        ];
        let before = lower[..at].trim_end_matches("the ").trim_end();
        let phrase = self.allegiances.iter().find(|p| {
            before
                .strip_suffix(p.as_str())
                .is_some_and(|rest| rest.ends_with(' '))
        })?;
        let head = before[..before.len() - phrase.len()].trim_end();
        let word_start = head
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .map_or(0, |k| k + 1);
        let word = &head[word_start..];
        (!word.is_empty() && !BEING.contains(&word)).then_some(word_start)
    }

    /// [`Self::marks`] of `s`, which may have capitals, for a text of no known day.
    fn marks_of(&self, s: &str) -> Marks {
        self.marks(&s.to_ascii_lowercase(), &Reading::default(), |_, _, _| {})
    }

    /// Actor names in `s`.
    pub fn actors(&self, s: &str) -> Vec<Hit<Faction>> {
        self.marks_of(s).actors
    }

    /// Trigger phrases in `s`.
    pub fn triggers(&self, s: &str) -> Vec<Hit<Trigger>> {
        self.marks_of(s).triggers
    }

    /// Does `s` contain a marker of kind `mark`?
    pub fn has(&self, s: &str, mark: Mark) -> bool {
        self.marks_of(s).marks.iter().any(|h| h.what == mark)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::bundled().unwrap()
    }

    fn faction_of(s: &str) -> Vec<Faction> {
        lex().actors(s).into_iter().map(|h| h.what).collect()
    }

    #[test]
    fn actors_map_to_factions() {
        use Faction::*;
        let cases: &[(&str, Faction)] = &[
            ("anti-regime groups", Opposition),
            ("the rebels", Opposition),
            ("Rebels", Opposition),
            ("Hayat Tahrir al-Sham", Opposition),
            ("HTS", Opposition),
            ("insurgents", Opposition),
            ("militants", Opposition),
            ("Military Operations Command", Opposition),
            ("The Syrian Free Army", Opposition),
            ("southern factions", Opposition),
            ("local armed groups", Opposition),
            ("Druze factions", Opposition),
            ("the Military Operations Department", Opposition),
            ("the Southern Front", Opposition),
            ("anti-Assad fighters", Opposition),
            ("jihadist groups", Opposition),
            ("the National Army", Sna),
            ("Hezbollah", Government),
            ("Fatemiyoun fighters", Government),
            ("the Revolutionary Commando Army", Opposition),
            ("Arab tribal fighters", Opposition),
            ("pro-Iranian militias", Government),
            ("pro-regime militias", Government),
            ("the Syrian National Army", Sna),
            ("SNA", Sna),
            ("Turkish-backed factions", Sna),
            ("pro-Turkey factions", Sna),
            ("Turkey-backed Syrian opposition groups", Sna),
            ("Turkish-backed rebels", Sna),
            ("Türkiye-backed fighters", Sna),
            ("security forces", Government),
            ("Kurdish security forces", Sdf),
            ("US-backed fighters", Sdf),
            ("U.S.-backed forces", Sdf),
            ("Ahmed al-Sharaa's forces", Opposition),
            ("SDF", Sdf),
            ("YPG", Sdf),
            ("PKK/YPG", Sdf),
            ("Kurdish forces", Sdf),
            ("the army", Government),
            ("regime forces", Government),
            ("Assad forces", Government),
            ("government forces", Government),
            ("Syrian Armed Forces", Government),
            ("ISIS", Isis),
            ("ISIL", Isis),
            ("Daesh", Isis),
            ("Israeli forces", Israel),
            ("Israel Defense Forces", Israel),
            // Units, factions and operations by name.
            ("SAA troops", Government),
            ("loyalist forces", Government),
            ("the Tiger Forces", Government),
            ("the 4th Division", Government),
            ("the Republican Guard", Government),
            ("Jaysh al-Izza", Opposition),
            ("Ahrar al-Sham", Opposition),
            ("the National Front for Liberation", Opposition),
            ("Jolani's fighters", Opposition),
            ("the Nusra Front", Opposition),
            ("revolutionaries", Opposition),
            ("the Eighth Brigade", Opposition),
            ("the Men of Dignity movement", Opposition),
            ("Dawn of Freedom", Sna),
            ("the Sultan Murad Division", Sna),
            ("Turkish proxies", Sna),
            ("the PYD", Sdf),
            ("the Asayish", Sdf),
            ("the Manbij Military Council", Sdf),
            ("IS fighters", Isis),
            ("the IS group", Isis),
            // A foreign state's "army" or "regime" is that state's, not Syria's.
            ("the Turkish army", Sna),
            ("the Israeli regime", Israel),
            ("Zionist regime forces", Israel),
            ("the Israeli occupation army", Israel),
        ];
        for &(text, want) in cases {
            assert_eq!(faction_of(text), [want], "{text:?}");
        }
    }

    #[test]
    fn a_side_before_a_generic_noun_names_it() {
        use Faction::*;
        let cases: &[(&str, &[Faction])] = &[
            ("Islamic State militants", &[Isis]),
            ("ISIS insurgents", &[Isis]),
            ("Turkish-backed rebels", &[Sna]),
            ("Turkey-backed opposition", &[Sna]),
            ("Kurdish-led rebels", &[Sdf]),
            ("ISIS gunmen", &[Isis]),
            ("local gunmen", &[Opposition]),
            // Not right after a side: two actors.
            ("the army and rebels", &[Government, Opposition]),
            ("ISIS, militants", &[Isis, Opposition]),
            ("SDF: rebels", &[Sdf, Opposition]),
            // Only generic nouns continue a side.
            ("ISIS Hezbollah", &[Isis, Government]),
        ];
        for &(text, want) in cases {
            assert_eq!(faction_of(text), want, "{text:?}");
        }
        let merged = lex().actors("Islamic State militants seized it");
        assert_eq!((merged[0].start, merged[0].end), (0, 23));
    }

    #[test]
    fn longest_alias_wins() {
        assert_eq!(faction_of("the Syrian National Army"), [Faction::Sna]);
        assert_eq!(faction_of("anti-regime forces"), [Faction::Opposition]);
    }

    #[test]
    fn bad_vocabulary_lines_name_file_and_line() {
        let verbs = Verbs::bundled().unwrap();
        let markers = "mark,pattern,note\n";
        let cases: &[(&str, &str, &str)] = &[
            (
                "frame,pattern,note\ntake,<seize>,\ngrab,<grab>,\n",
                markers,
                "triggers.csv line 3: unknown frame \"grab\"",
            ),
            (
                "frame,pattern,note\ntake,<seize>,\n# a comment\nlose,seized,\n",
                markers,
                "triggers.csv line 4: \"seized\" is also made by line 2",
            ),
            (
                "frame,pattern,note\ntake,{of|over,\n",
                markers,
                "triggers.csv line 2: a group lacks its closing '}'",
            ),
            (
                "frame,pattern,note\n",
                "mark,pattern,note\nblocker,<try> to,\nhedge,perhaps,\n",
                "markers.csv line 3: unknown mark \"hedge\"",
            ),
            (
                "frame,pattern,note\n",
                "mark,pattern,note\nblocker,tried to,\nprospect,<try:past> to,\n",
                "markers.csv line 3: \"tried to\" is also made by line 2",
            ),
        ];
        for (triggers, markers, want) in cases {
            let e = Vocabulary::parse(triggers, markers, &verbs).unwrap_err();
            assert_eq!(e.to_string(), *want);
        }
        // One phrase in two lists is no repeat: "unconfirmed" makes a claim and a doubt.
        let both = "mark,pattern,note\nclaim,unconfirmed,\ndoubt,unconfirmed,\n";
        assert!(Vocabulary::parse("frame,pattern,note\n", both, &verbs).is_ok());
    }

    #[test]
    fn the_bundled_vocabulary_generates_the_forms_of_its_verbs() {
        let v = Vocabulary::bundled().unwrap();
        let frame = |p: &str| v.triggers.iter().find(|(q, _)| q == p).map(|(_, t)| *t);
        let cases: &[(&str, Option<Trigger>)] = &[
            ("recaptures", Some(Trigger::Take)),
            ("wresting", Some(Trigger::Take)),
            ("retook", Some(Trigger::Take)),
            ("imposing their full control over", Some(Trigger::Take)),
            ("assumes control of", Some(Trigger::Take)),
            ("withdrawing its troops from", Some(Trigger::Lose)),
            ("falling into the hands of", Some(Trigger::TakePassive)),
            ("expels", Some(Trigger::Expel)),
            ("taking part", Some(Trigger::Ignore)),
            // Forms that are nouns or adjectives are left out.
            ("storm", None),
            ("secure", None),
            ("free", None),
            ("surrender", None),
        ];
        for (phrase, want) in cases {
            assert_eq!(frame(phrase), *want, "{phrase}");
        }
        let marked = |m| v.marked(m).collect::<Vec<_>>();
        assert!(marked(Mark::Blocker).contains(&"threatening to"));
        assert!(marked(Mark::Blocker).contains(&"sought to"));
        assert!(marked(Mark::Prospect).contains(&"would"));
        assert!(v.close_blockers.iter().any(|w| w == "remains"));
        assert!(v.generic_side_nouns.iter().any(|n| n == "militants"));
    }

    #[test]
    fn triggers_are_whole_words() {
        let l = lex();
        assert!(l.triggers("the undertaken task").is_empty());
        let t = l.triggers("rebels took control of Hama");
        assert_eq!(
            (
                t[0].what,
                &"rebels took control of Hama"[t[0].start..t[0].end]
            ),
            (Trigger::Take, "took control of")
        );
        assert_eq!(
            l.triggers("Daraa fell to the rebels")[0].what,
            Trigger::TakePassive
        );
        assert_eq!(
            l.triggers("the army withdrew from Hama")[0].what,
            Trigger::Lose
        );
    }

    #[test]
    fn markers() {
        let l = lex();
        let cases = [
            ("opposition forces claim to have taken", Mark::Claim),
            ("rebels failed to take control", Mark::Blocker),
            ("attempting to advance", Mark::Blocker),
            ("the southern suburbs of", Mark::Partial),
            ("they took", Mark::Pronoun),
            ("Hama; then", Mark::Boundary),
        ];
        for (text, mark) in cases {
            assert!(l.has(text, mark), "{text:?}");
        }
        assert!(!l.has("most of the center of", Mark::Partial));
        // Each list is matched as if alone: "claimed" is a trigger and a claim marker.
        let m = l.marks(
            "rebels claimed control of hama",
            &Reading::default(),
            |_, _, _| {},
        );
        assert_eq!(m.triggers[0].what, Trigger::ClaimTake);
        assert!(m.marks.iter().any(|h| h.what == Mark::Claim));
    }

    #[test]
    fn factions_file_has_a_colour_and_a_label_per_faction() {
        let file = parse_factions(FACTIONS_CSV).unwrap();
        for f in Faction::ALL {
            assert!(
                file.colours
                    .iter()
                    .any(|(g, c)| *g == f && c.starts_with('#')),
                "{f}"
            );
            assert!(
                file.labels
                    .iter()
                    .any(|(g, l)| *g == f && l.starts_with(|c: char| c.is_uppercase())),
                "{f} needs a legend label"
            );
        }
        let label = |f| {
            file.labels
                .iter()
                .find(|(g, _)| *g == f)
                .unwrap()
                .1
                .as_str()
        };
        assert_eq!(label(Faction::Opposition), "Opposition (HTS-led)");
    }

    #[test]
    fn bad_faction_names_the_line() {
        let e = parse_factions("alias,faction,note,colour\nrebels,rebel,,\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "factions.csv line 2: unknown faction \"rebel\""
        );
    }
}
