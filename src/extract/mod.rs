//! The extraction stage: an [`Article`] → dated control-change [`Event`]s.
//!
//! Takes one article (its sentences from [`crate::text`], its place mentions from the
//! [`Gazetteer`]) and gives an [`Extraction`]: one [`Event`] per (sentence, place, faction,
//! action) that the text states, plus the place-like names that could not be resolved.
//!
//! A sentence yields events only around a trigger phrase ([`lexicon::Trigger`]):
//! - the **places** are its objects: after an active trigger ("took X"), before a passive
//!   one ("X fell to"); places introduced as containers or directions ("in Homs province",
//!   "towards Damascus", "west of Aleppo", "Aleppo's countryside") are not objects, and a
//!   list ("Tibas, Rezuz and Qasr al-Hayr") shares the role of its first member;
//! - the **new controller** is the subject of an active capture, the agent of a passive one,
//!   and for a withdrawal the other side named in the sentence, else the article's main
//!   non-government side; pronouns ("they", "the groups") stand for the last side named;
//! - the **day** is the date expression nearest the trigger in the sentence, else the date
//!   of the previous sentence of the paragraph, else the publication day ([`dates`]);
//! - attempts, plans, denials and negations before the trigger cancel it; claims make it
//!   `claimed`; outskirts, suburbs and entering make it `partial`; sentences about earlier
//!   years ("In August 2019, ...") are background and yield nothing.
//!
//! The words are data (`data/lexicon/`, `data/factions.csv`): `patterns` expands a
//! file's lines into phrases, [`lexicon`] compiles them into one phrase set, `factions`
//! picks what a side's name means for the article's period and outlet, and [`check`]
//! validates every file (`frontline lexicon check`).
//!
//! # Adding a rule
//!
//! A rule is a construction of English news (voice, aspect, subordination, apposition,
//! negation, reported speech, coordination), never one sentence's wording. It enters with
//! at least two invented examples besides the article that prompted it and a counter-example
//! it must not fire on, as a named table in `tests.rs`; no sentence of the dev articles is
//! copied into code or tests. Its words go into a data file (a pattern by lemma, not each
//! inflection), its mechanism here. Then the quality gate (`tests/integration/quality.rs`)
//! must hold: a change that helps one dev article and costs another is not a fix, and one
//! that only the dev set would reward is not one either.

mod background;
pub mod check;
pub mod dates;
mod days;
mod factions;
pub mod lexicon;
mod memory;
mod patterns;
mod phrases;
mod places;
mod record;
mod sides;

pub use record::{EventRecord, PlaceRecord, UnresolvedRecord};

use crate::article::Article;
use crate::gazetteer::{Gazetteer, Mention};
use crate::model::{Faction, Span};
use crate::text::{self, Sentence};
use chrono::NaiveDate;
use dates::{DateBasis, DateMention, Word};
use days::{is_background, nearest_day, resolve_dates, since_day};
use lexicon::{Hit, Lexicon, Mark, Marks, Trigger};
use memory::SideMemory;
use std::cell::{OnceCell, RefCell};

/// What kind of change an event states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// The place was taken.
    Capture,
    /// The holder left it.
    Withdrawal,
    /// The holder handed it to another side.
    Handover,
    /// Part of it was taken or entered.
    Partial,
    /// A side claims it; not confirmed.
    Claimed,
}

/// One stated change of control of one place.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Index of the place in the gazetteer.
    pub place: u32,
    /// The place as written.
    pub place_text: String,
    /// Bytes of `place_text` in the article (for an implied place, of the phrase implying it).
    pub span: Span,
    /// Bytes of the sentence in the article.
    pub sentence: Span,
    /// The day of the change, when known.
    pub date: Option<NaiveDate>,
    /// How `date` was established.
    pub date_basis: DateBasis,
    /// ACLED time precision: 1 the day, 2 within a week, 3 vaguer.
    pub time_precision: u8,
    /// ACLED geographic precision: 1 the town, 2 part of or near it, 3 a region.
    pub geo_precision: u8,
    /// The new controller.
    pub faction: Faction,
    /// The side that lost it, when the text says.
    pub previous_faction: Option<Faction>,
    /// What changed.
    pub action: Action,
    /// The actor as written ("" when implied).
    pub actor: String,
}

/// A place-like name in an event sentence that the gazetteer does not know.
#[derive(Debug, Clone, PartialEq)]
pub struct Unresolved {
    /// The name as written.
    pub text: String,
    /// Bytes of the name in the article.
    pub span: Span,
    /// Bytes of the sentence in the article.
    pub sentence: Span,
}

/// What one article yields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// Events in text order.
    pub events: Vec<Event>,
    /// Unresolved names in text order.
    pub unresolved: Vec<Unresolved>,
}

/// An article whose extraction failed (an internal error, reported and skipped).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "{}: internal error in extraction, article skipped: {message}",
    crate::printable::printable(article)
)]
pub struct ExtractFailure {
    /// The article's id.
    pub article: String,
    /// The panic's message.
    pub message: String,
}

/// Extracts events; build once, share across threads.
#[derive(Debug)]
pub struct Extractor<'g> {
    gaz: &'g Gazetteer,
    lex: Lexicon,
}

/// A resolved day, how it was established and its ACLED time precision.
type Dated = (NaiveDate, DateBasis, u8);

/// Running state of one article while its sentences are read in order.
#[derive(Debug, Default)]
struct ArticleState<'a> {
    text: &'a str,
    /// `text`, ASCII-lowercased (same byte offsets).
    lower: &'a str,
    sentences: &'a [Sentence],
    /// The sentence being read.
    index: usize,
    published: Option<NaiveDate>,
    /// The last day any date expression resolved to.
    last_day: Option<NaiveDate>,
    /// The day the previous sentence talked about, and its paragraph.
    carried: Option<(Dated, usize)>,
    /// The day of the lede, when the lede states a change: the article's news day.
    lede_day: Option<Dated>,
    /// The last side named as a subject, and the last one other than the government.
    memory: RefCell<SideMemory>,
    /// Every side named in the article (article offsets): "the fighters" may stand for
    /// one named sentences before.
    actors: &'a [Hit<Faction>],
    /// Mentions of each side in the whole article (for withdrawals with no named taker),
    /// counted when first asked: most articles never ask.
    counts: OnceCell<[usize; 7]>,
    /// The last place an event was found for (for "the city" in a later clause).
    last_object: Option<u32>,
    /// The last place the previous sentence told of a change of.
    previous_object: Option<u32>,
    /// The article's words, and how many lie before the sentence being read.
    words: &'a [Word],
    words_before: usize,
    /// The indices of the article's cue words ([`Word::cue`]), and how many lie before
    /// the sentence being read.
    cues: &'a [usize],
    cues_before: usize,
    /// The last place named in each sentence, found when first asked for.
    last_places: &'a [OnceCell<Option<u32>>],
}

/// The buffers one article's pass fills, kept per thread and reused: articles are read one
/// after another, and allocating these afresh for each (the lowercased text is as long as
/// the article, its words take several times that) cost more than most of its sentences.
/// They keep the size of the largest article the thread has read, not of the corpus.
#[derive(Default)]
struct ArticleBuffers {
    lower: String,
    words: Vec<Word>,
    cues: Vec<usize>,
    sentences: Vec<Sentence>,
    marks: Marks,
    last_places: Vec<OnceCell<Option<u32>>>,
    memory: SideMemory,
}

thread_local! {
    static BUFFERS: std::cell::RefCell<ArticleBuffers> = Default::default();
}

/// A trigger and the stretch of its sentence it governs.
struct Clause<'s> {
    trigger: Hit<Trigger>,
    /// Where the trigger's clause starts and ends (sentence-relative bytes).
    start: usize,
    end: usize,
    s: &'s str,
    /// `s`, ASCII-lowercased (same byte offsets).
    lower: &'s str,
    /// The actor names of the sentence (sentence-relative).
    actors: &'s [Hit<Faction>],
    /// The markers of the sentence (sentence-relative).
    marks: &'s [Hit<Mark>],
    /// The triggers of the sentence (sentence-relative).
    triggers: &'s [Hit<Trigger>],
    /// The date expressions of the sentence (sentence-relative).
    dates: &'s [DateMention],
    /// Are the places before the trigger ("fell to", "was captured")?
    passive: bool,
    /// The words of the sentence, and where it starts in the article (their offsets are
    /// the article's).
    words: &'s [Word],
    base: usize,
}

impl Clause<'_> {
    /// The day written right after the place at `span` ("Hama on December 5", "Homs late
    /// on Saturday"), with nothing but a preposition between.
    /// "Hama on Monday and Homs the next day": an anaphor counts from the day written
    /// before it in the sentence.
    fn own_day(&self, span: Span) -> Option<Dated> {
        let d = self.own_date(span)?;
        Some((self.day_of(d)?, d.basis, d.precision))
    }

    /// The date expression of [`Self::own_day`], when it resolves to a day.
    fn own_date(&self, span: Span) -> Option<&DateMention> {
        const LINKS: &[&str] = &[
            "", "on", "late on", "early on", "later on", "by", "late", "early", "the",
        ];
        let d = self.dates.iter().find(|d| d.start >= span.end)?;
        let gap = self.lower[span.end..d.start].trim_start_matches(',').trim();
        self.day_of(d)?;
        LINKS.contains(&gap).then_some(d)
    }

    /// The day of `d`: its own, or for a backward anaphor ("the next day", "a day
    /// earlier") the last day written before it in the sentence, moved by its count.
    fn day_of(&self, d: &DateMention) -> Option<chrono::NaiveDate> {
        if d.day.is_some() {
            return d.day;
        }
        let shift = d.anaphor.filter(|_| !d.forward)?;
        let before = self
            .dates
            .iter()
            .rfind(|p| p.end <= d.start && p.day.is_some())?;
        before
            .day?
            .checked_add_signed(chrono::Duration::days(shift.0))
    }

    /// "…took Hama, but the army denied it": a denial (or a doubt, [`Self::unconfirmed_later`])
    /// later in the sentence leaves the change a claim. Only "denied" / "denies" said of
    /// something ("it", "the claim", "losing"): "denying the regime a base" deprives, it
    /// does not deny.
    fn doubted_later(&self) -> bool {
        let t = self.trigger;
        self.marks.iter().any(|m| {
            m.start >= t.end
                && m.what.is(Mark::Blocker)
                && (self.is_denial(m)
                    // "…said they took Manbij, but the SDF said it had repelled the attack".
                    || self.lower[m.start..m.end] == *"repelled"
                        && self
                            .words_within(t.end, m.start)
                            .any(|w| matches!(w, "but" | "however")))
        }) || self.unconfirmed_later()
    }

    /// Is blocker `m` a denial of something ("denied it", "denies that", "denied losing"),
    /// not a deprivation ("denying the regime a base")?
    fn is_denial(&self, m: &Hit<Mark>) -> bool {
        const DENIED_OBJECTS: &[&str] = &[
            "it", "this", "that", "the", "any", "losing", "having", "reports", "claims",
        ];
        let next = self.words_within(m.end, self.lower.len()).next();
        matches!(&self.lower[m.start..m.end], "denied" | "denies")
            && next.is_none_or(|w| DENIED_OBJECTS.contains(&w))
    }

    /// "The fall of Homs would cut…", "Capturing Homs could…", "the capture of Homs is
    /// their next goal": a change named as a noun (or a gerund opening its clause) and
    /// followed by a modal or a goal is a prospect, not news.
    fn is_hypothetical(&self) -> bool {
        let t = self.trigger;
        let verb = first_word(&self.lower[t.start..t.end]);
        let gerund_subject = verb.ends_with("ing")
            && !self
                .actors
                .iter()
                .any(|a| a.end <= t.start && a.start >= self.start);
        (t.what == Trigger::Nominal || gerund_subject || self.is_possessive())
            && self
                .marks
                .iter()
                .any(|m| m.start >= t.end && m.what == Mark::Prospect)
    }

    /// Is a blocker within `from..trigger`? Background words in an aside set off by commas
    /// describe a side or a place, not the event: "fighters of the Eighth Brigade,
    /// formerly aligned with Russia, took control of Daraa". A longer claim marker at the
    /// same start is read instead ("appears to have" over "appears to").
    fn is_blocked_before(&self, from: usize) -> bool {
        const OF_A_NOUN: &[&str] = &["previously", "formerly", "once held", "used to"];
        let t = self.trigger;
        let is_claim_at = |m: &Hit<Mark>| {
            self.marks
                .iter()
                .any(|c| c.what == Mark::Claim && c.start == m.start && c.end > m.end)
        };
        self.marks
            .iter()
            .filter(|m| m.what.is(Mark::Blocker) && m.start >= from && m.end <= t.start)
            .filter(|m| !is_claim_at(m) && !self.is_denial(m))
            .any(|m| {
                // The aside may open before the clause does (" who " ends a clause).
                let Some(open) = self.lower[..m.start].rfind(',') else {
                    return true;
                };
                // A relative clause between commas is about its noun: "Rebels, who did
                // not stop, captured Hama".
                let opening = self.lower[open + 1..m.start].trim_start();
                let relative = ["who ", "which ", "whose "]
                    .iter()
                    .any(|r| opening.starts_with(r));
                let aside = (relative || OF_A_NOUN.contains(&&self.lower[m.start..m.end]))
                    && self.lower[m.end..t.start].contains(',');
                !aside
            })
    }

    /// "the army remains in control of Homs", "are close to capturing": continuity or
    /// nearness right before the trigger (the lexicon's close blockers). Further back they
    /// are about something else ("rebels, still reeling, took"; "Suran, which is close to
    /// Hama, was captured").
    fn is_continued_or_near(&self, lex: &Lexicon) -> bool {
        lex.ends_with_close_blocker(&self.lower[..self.trigger.start])
    }

    /// "Hama is now under curfew", "came under fire", "returned to Aleppo": "under",
    /// "returned to" and "restored to" state control only with a side right after them
    /// ("now under rebel control", "returned to government control"), or after "the (full)
    /// control of".
    fn is_under_no_side(&self) -> bool {
        const CONTROL_OF: &[&str] = &[
            " the control of",
            " control of",
            " the full control of",
            " full control of",
            " the complete control of",
        ];
        let t = self.trigger;
        let phrase = &self.lower[t.start..t.end];
        if !["under", "returned to", "restored to"]
            .iter()
            .any(|w| phrase.ends_with(w))
        {
            return false;
        }
        let rest = &self.lower[t.end..];
        let skip = CONTROL_OF
            .iter()
            .find(|p| rest.starts_with(*p))
            .map_or(0, |p| p.len());
        let from = t.end + skip;
        !self
            .actors
            .iter()
            .any(|a| a.start >= from && a.start <= from + " the ".len())
    }

    /// "Hama fell silent", "the town fell into chaos", "fell back to Homs": a fall with a
    /// complement is an idiom. A place that fell is followed by the end of the clause or an
    /// adverbial ("fell on Thursday", "fell within hours", "fell after a week of fighting").
    fn is_idiomatic_fall(&self) -> bool {
        const ADVERBIAL: &[&str] = &[
            "on",
            "in",
            "at",
            "within",
            "after",
            "before",
            "late",
            "early",
            "overnight",
            "yesterday",
            "today",
            "last",
            "this",
            "as",
            "when",
            "without",
            "quickly",
            "soon",
            "amid",
            "during",
            "following",
            "and",
            "but",
            "by",
            "days",
            "hours",
            "weeks",
            "the",
            "less",
            "just",
            "only",
            "shortly",
            "earlier",
            "later",
            "too",
            "next",
            "almost",
            "completely",
            "entirely",
            "swiftly",
            "rapidly",
        ];
        let t = self.trigger;
        // A possessive fall is a noun: "Hama's fall stunned Damascus".
        if t.what != Trigger::Fall || self.is_possessive() {
            return false;
        }
        let rest = self.lower[t.end..].trim_start();
        let next = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        !next.is_empty() && !ADVERBIAL.contains(&next) && !rest.starts_with(char::is_numeric)
    }

    /// Is the trigger a change named as a possessive noun ("Hama's fall", "Hama's capture
    /// by")?
    fn is_possessive(&self) -> bool {
        let phrase = &self.lower[self.trigger.start..];
        phrase.starts_with("'s ") || phrase.starts_with("\u{2019}s ")
    }

    /// "declared a curfew in Hama", "declared Hama a military zone": a declaration is a
    /// change only when it declares the place "free" or "liberated".
    fn is_plain_declaration(&self) -> bool {
        let t = self.trigger;
        // To the sentence's end: "liberated" is a trigger of its own and ends the clause.
        let verb = &self.lower[t.start..t.end];
        verb.starts_with("declar")
            && !verb.contains(' ')
            && !self
                .words_within(t.end, self.lower.len())
                .any(|w| matches!(w, "free" | "liberated"))
    }

    /// "pushed to seize Homs", "hope to enter Damascus": a trigger in the infinitive is an
    /// intent, unless what comes before says it came about ("managed to seize", "was
    /// forced to withdraw from", "went on to take", "the fourth city to fall to").
    fn is_intended(&self) -> bool {
        const CAME_ABOUT: &[&str] = &[
            "managed",
            "able",
            "forced",
            "compelled",
            "obliged",
            "on",
            "began",
            "begun",
            "started",
            "ordered",
            "city",
            "town",
            "capital",
            "first",
            "latest",
            "last",
            "second",
            "third",
            "fourth",
            "fifth",
        ];
        let t = self.trigger;
        // Most triggers follow no "to": one look at the bytes before settles them.
        let Some(head) = self.lower[..t.start].strip_suffix("to ") else {
            return false;
        };
        if head.ends_with(|c: char| c.is_alphanumeric()) {
            return false; // "into", "onto"
        }
        let verb = first_word(&self.lower[t.start..t.end]);
        let word_before = head.split_whitespace().next_back().unwrap_or("");
        // "forced government troops to withdraw": the side made to do it, done.
        let made_to = || {
            head.split_whitespace()
                .rev()
                .take(4)
                .any(|w| matches!(w, "forced" | "compelled" | "obliged"))
        };
        is_base_form(verb) && !CAME_ABOUT.contains(&word_before) && !made_to()
    }

    /// "…took Hama, a claim the army did not confirm", "…, which could not be
    /// independently verified": the change is said to be unconfirmed after it is stated.
    fn unconfirmed_later(&self) -> bool {
        let t = self.trigger;
        self.marks
            .iter()
            .filter(|m| m.what == Mark::Doubt && m.start >= t.end)
            .any(|m| match &self.lower[m.start..m.end] {
                "a claim" | "unconfirmed" | "unverified" => true,
                // A verb: only after "not" ("did not confirm", "not be independently
                // verified").
                _ => self.lower[t.end..m.start]
                    .split_whitespace()
                    .rev()
                    .take(3)
                    .any(|w| w == "not"),
            })
    }

    /// The words within bytes `from..to` of the sentence, lowercase.
    fn words_within(&self, from: usize, to: usize) -> impl Iterator<Item = &str> {
        self.word_spans_within(from, to)
            .map(|(a, b)| &self.lower[a..b])
    }

    /// The spans of [`Self::words_within`] (sentence-relative).
    fn word_spans_within(
        &self,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = (usize, usize)> + '_ {
        // Words are in order: skip to the first at `from` instead of testing each.
        let first = self.words.partition_point(|w| w.start() - self.base < from);
        self.words[first..]
            .iter()
            .map(|w| (w.start() - self.base, w.end() - self.base))
            .take_while(move |&(_, b)| b <= to)
    }

    /// Is there a marker of kind `kind` within bytes `from..to` of the sentence?
    fn has(&self, kind: Mark, from: usize, to: usize) -> bool {
        has_mark(self.marks, kind, from, to)
    }
}

/// Is there a marker of kind `kind` within bytes `from..to`?
fn has_mark(marks: &[Hit<Mark>], kind: Mark, from: usize, to: usize) -> bool {
    marks
        .iter()
        .any(|m| m.what.is(kind) && m.start >= from && m.end <= to)
}

/// The phrases and date expressions of one sentence (sentence-relative), in buffers
/// reused across sentences.
#[derive(Default)]
struct SentenceMarks {
    /// The date expressions of the sentence (sentence-relative).
    dates: Vec<DateMention>,
    triggers: Vec<Hit<Trigger>>,
    actors: Vec<Hit<Faction>>,
    marks: Vec<Hit<Mark>>,
}

/// How many sentences count as the lede.
const LEDE_SENTENCES: usize = 2;

impl<'a> ArticleState<'a> {
    /// The words of `span` (the next sentence; spans are read in order), and the indices
    /// of its cue words among them.
    fn words_in(&mut self, span: Span) -> (&'a [Word], impl Iterator<Item = usize> + 'a) {
        let words = self.words;
        // Sentences are read in order with little between them: the first word is at
        // most a few steps on; the words of the sentence, a binary search over at most
        // as many words as a span of its length can hold (one byte and one space each).
        let mut first = self.words_before;
        while first < words.len() && words[first].start() < span.start {
            first += 1;
        }
        let most = words.len().min(first + span.len().div_ceil(2));
        let end = first + words[first..most].partition_point(|w| w.start() < span.end);
        self.words_before = end;
        // Cues up to the sentence's end are used up; those before its first word lie
        // between sentences (a header, a blank) and belong to none.
        let cues = &self.cues[self.cues_before..];
        let cues = &cues[..cues.partition_point(|&k| k < end)];
        self.cues_before += cues.len();
        let cues = &cues[cues.partition_point(|&k| k < first)..];
        let in_sentence = cues.iter().map(move |&k| k - first);
        (&words[first..end], in_sentence)
    }
}

impl<'g> Extractor<'g> {
    /// An extractor over `gaz` with the bundled lexicon.
    pub fn new(gaz: &'g Gazetteer) -> Extractor<'g> {
        Extractor {
            gaz,
            lex: Lexicon::bundled().expect("the bundled factions.csv is valid"),
        }
    }

    /// An extractor with a custom lexicon.
    pub fn with_lexicon(gaz: &'g Gazetteer, lex: Lexicon) -> Extractor<'g> {
        Extractor { gaz, lex }
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gaz
    }

    /// Every event and unresolved name of `article`.
    ///
    /// Triggers, actors, markers and words are found in one pass over the whole article;
    /// place matching and clause analysis run only on sentences that contain a trigger.
    pub fn extract(&self, article: &Article) -> Extraction {
        BUFFERS.with(|b| match b.try_borrow_mut() {
            Ok(mut buffers) => self.extract_with(article, &mut buffers),
            Err(_) => self.extract_with(article, &mut ArticleBuffers::default()),
        })
    }

    /// [`Extractor::extract`], with a bug in extraction contained to its article: a panic
    /// becomes an [`ExtractFailure`] naming the article, so a run skips that article and
    /// keeps every other one's results.
    pub fn try_extract(&self, article: &Article) -> Result<Extraction, ExtractFailure> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.extract(article))).map_err(
            |payload| ExtractFailure {
                article: article.id.clone(),
                message: payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into()),
            },
        )
    }

    fn extract_with(&self, article: &Article, buf: &mut ArticleBuffers) -> Extraction {
        let text = article.text.as_str();
        buf.lower.clear();
        buf.lower.push_str(text);
        buf.lower.make_ascii_lowercase(); // same byte offsets as `text`
        let lower = buf.lower.as_str();
        text::sentences_into(text, article.header_len, &mut buf.sentences);
        let sentences = buf.sentences.as_slice();
        buf.words.clear();
        buf.cues.clear();
        let (words, cues) = (&mut buf.words, &mut buf.cues);
        let reading = lexicon::Reading {
            published: article.published,
            outlet: article.outlet(),
        };
        self.lex
            .marks_into(lower, &reading, &mut buf.marks, |start, end, cue| {
                let word = Word::new(lower, start, end, cue);
                if word.cue {
                    cues.push(words.len());
                }
                words.push(word);
            });
        let marks = &buf.marks;
        buf.last_places.clear();
        buf.last_places.resize(sentences.len(), OnceCell::new());
        let mut memory = std::mem::take(&mut buf.memory);
        memory.clear();
        let mut st = ArticleState {
            published: article.published,
            text,
            lower,
            sentences,
            words: &buf.words,
            cues: &buf.cues,
            last_places: &buf.last_places,
            actors: &marks.actors,
            memory: RefCell::new(memory),
            ..Default::default()
        };
        let mut cursors = [0; 3];
        let mut sm = SentenceMarks::default();
        let mut out = Extraction::default();
        for (index, &sent) in sentences.iter().enumerate() {
            sm.read(marks, &mut cursors, sent.span);
            st.index = index;
            self.sentence(sent, &mut sm, &mut st, &mut out);
        }
        let memory = st.memory.into_inner();
        buf.memory = memory; // its buffers, for the next article
        out
    }

    fn sentence(
        &self,
        sent: Sentence,
        sm: &mut SentenceMarks,
        st: &mut ArticleState,
        out: &mut Extraction,
    ) {
        let s = &st.text[sent.span.start..sent.span.end];
        let lower = &st.lower[sent.span.start..sent.span.end];
        sm.triggers.retain(|t| !is_bare_control(lower, t));
        let (triggers, actors) = (sm.triggers.as_slice(), sm.actors.as_slice());
        let (article_lower, published) = (st.lower, st.published);
        let (words, cues) = st.words_in(sent.span);
        let base = sent.span.start;
        dates::find_dates_in(article_lower, words, cues, base, published, &mut sm.dates);
        resolve_dates(&mut sm.dates, lower, st);
        let sm = &*sm;
        let dates = &sm.dates;
        let sentence_day = dates
            .iter()
            .rev()
            .find_map(|d| d.day.map(|day| (day, d.basis, d.precision)));
        let carried = self.carried_day(lower, sent, st);
        if !triggers.is_empty() {
            // Found when a clause first needs them: blocked and background ones do not.
            let mentions = OnceCell::new();
            // Most sentences have none: no allocation then.
            let relatives: Vec<(usize, usize)> = if dates.is_empty() {
                Vec::new()
            } else {
                relative_clauses(lower).collect()
            };
            for k in 0..triggers.len() {
                let clause = clause_of((s, lower), (words, sent.span.start), triggers, k, sm);
                // "Aleppo, which the army took in 2016, fell on Saturday": the background
                // of a relative clause is its own.
                let t = &triggers[k];
                let outside_relatives = dates.iter().filter(|d| {
                    !relatives
                        .iter()
                        .any(|&(a, b)| d.start >= a && d.end <= b && !(t.start >= a && t.end <= b))
                });
                if is_background(outside_relatives, t, st.published) {
                    continue;
                }
                // "are now in control of": a present state, true on publication.
                let present = is_present_state(lower, &triggers[k]);
                let day = since_day(lower, dates, triggers, k)
                    .or_else(|| nearest_day(lower, dates, triggers, k))
                    .or(if present { None } else { carried });
                self.clause(&clause, &mentions, day, sent, st, out);
            }
            if let Some(found) = mentions.get() {
                let _ = st.last_places[st.index].set(found.last().map(Mention::place));
            }
        }
        if triggers.is_empty() && denies_what_was_said(lower, &sm.marks) {
            claim_previous_sentence(st, out);
        }
        if let Some(referent) = denied_loss(lower) {
            let named = &s[s.len() - referent.len()..];
            self.claim_denied_loss(named, st, out);
        }
        st.memory.get_mut().read(sent.span, actors, triggers);
        // "the city" reaches back one sentence at most.
        st.previous_object = st.last_object.take();
        // The lede's day is a day: "seized Aleppo last week" dates no later sentence.
        if st.index < LEDE_SENTENCES && !triggers.is_empty() && st.lede_day.is_none() {
            st.lede_day = sentence_day.filter(|d| d.2 == 1);
        }
        // A heading's day ("30 November - Aleppo's capture") is the day of the paragraph
        // under it.
        let heading_day = sentence_day.filter(|_| places::is_heading(s));
        st.carried = match heading_day {
            Some(d) => Some((d, sent.paragraph + 1)),
            None => sentence_day.or(carried).map(|d| (d, sent.paragraph)),
        };
    }

    /// The last place named before sentence `st.index` (looking back a few sentences).
    fn previous_place(&self, st: &ArticleState) -> Option<u32> {
        (st.index.saturating_sub(3)..st.index)
            .rev()
            .find_map(|i| self.last_place_in(st, i))
    }

    /// The last place named in sentence `i`.
    fn last_place_in(&self, st: &ArticleState, i: usize) -> Option<u32> {
        *st.last_places[i].get_or_init(|| {
            let span = st.sentences[i].span;
            self.gaz
                .find(&st.text[span.start..span.end])
                .last()
                .map(Mention::place)
        })
    }

    /// The day a sentence without a date expression talks about: the previous sentence's
    /// day within the paragraph, else the lede's; "Later, ..." carries nothing over.
    fn carried_day(&self, lower: &str, sent: Sentence, st: &ArticleState) -> Option<Dated> {
        let first = lower
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if matches!(
            first,
            "later" | "subsequently" | "since" | "previously" | "earlier"
        ) {
            return None;
        }
        st.carried
            .filter(|c| c.1 == sent.paragraph)
            .map(|c| c.0)
            .or(st.lede_day)
    }

    fn clause(
        &self,
        c: &Clause,
        mentions: &OnceCell<Vec<Mention>>,
        day: Option<Dated>,
        sent: Sentence,
        st: &mut ArticleState,
        out: &mut Extraction,
    ) {
        let t = c.trigger;
        let before_start = c.start.max(floor_char(c.s, t.start.saturating_sub(90)));
        if c.is_continued_or_near(&self.lex)
            || c.is_background_form()
            || c.is_blocked_before(before_start)
            || c.is_hypothetical()
            || c.is_intended()
            || c.is_under_no_side()
            || c.is_idiomatic_fall()
            || c.is_plain_declaration()
        {
            return;
        }
        let mentions = mentions.get_or_init(|| self.place_mentions(c.s, st));
        let passive = c.passive;
        let mut objects = self.objects(c, mentions, passive);
        if !passive {
            objects.extend(self.implied_sites(c, mentions, st));
        } else if !objects.is_empty() {
            objects.extend(self.gapped_objects(c, mentions));
        }
        objects.extend(self.listed_provincial_capital(c, &objects));
        if objects.is_empty() {
            objects = self.implied(c, mentions, st, passive);
        }
        self.note_unresolved(c, mentions, sent, out);
        if objects.is_empty() {
            return;
        }
        let Some(mut side) = self.sides(c, passive, st) else {
            return;
        };
        // Entering is weak evidence ("aid convoys entered Idlib"): it needs a side named in
        // its own sentence, or a pronoun standing for one.
        let pronoun = || c.has(Mark::Pronoun, c.start, t.start);
        if matches!(t.what, Trigger::Enter | Trigger::Flee) && !side.named && !pronoun() {
            return;
        }
        // "The army denied that rebels had taken Hama": what is denied is claimed.
        let denied = || {
            c.marks.iter().any(|m| {
                m.what.is(Mark::Blocker)
                    && m.start >= before_start
                    && m.end <= t.start
                    && c.is_denial(m)
            })
        };
        let claimed = t.what == Trigger::ClaimTake
            || c.has(Mark::Claim, before_start, t.start)
            || denied()
            || c.doubted_later();
        let (date, basis, tp) = match (day, st.published) {
            (Some((d, b, p)), _) => (Some(d), b, if b == DateBasis::Publication { 2 } else { p }),
            (None, Some(p)) => (Some(p), DateBasis::Publication, 2),
            (None, None) => (None, DateBasis::Unknown, 3),
        };
        // A subject read from context is the side a later "they" means too: in "fighters
        // seized Khan Shaykhun ... they captured Morek", "they" are the fighters, not the
        // side an earlier sentence named last.
        st.note_actor(side.subject_faction, &side.actor, t.what);
        let listed = objects.len() > 1;
        let last = objects.len().saturating_sub(1);
        for (n, obj) in objects.into_iter().enumerate() {
            // "took Aleppo, Hama on December 5 and Homs on Saturday": a day right after an
            // item of a list is that item's.
            let (date, basis, tp) = match c.own_day(obj.span).filter(|_| listed) {
                // "took Hama last week and Homs on Saturday": a member dated only to a
                // week is background, as a whole clause so dated is.
                Some((_, DateBasis::Relative, p)) if p > 1 => continue,
                Some((d, b, p)) => (Some(d), b, p),
                None => (date, basis, tp),
            };
            let partial = t.what == Trigger::Enter || obj.partial;
            let action = match (claimed, t.what, partial) {
                (true, ..) => Action::Claimed,
                (_, Trigger::Lose | Trigger::Flee | Trigger::LosePassive, _) => Action::Withdrawal,
                (_, Trigger::Handover, _) => Action::Handover,
                (_, _, true) => Action::Partial,
                _ => Action::Capture,
            };
            let kind = self.gaz.place(obj.place).kind;
            let ev = Event {
                place: obj.place,
                place_text: c.s[obj.span.start..obj.span.end].to_string(),
                span: Span::new(
                    sent.span.start + obj.span.start,
                    sent.span.start + obj.span.end,
                ),
                sentence: sent.span,
                date,
                date_basis: basis,
                time_precision: tp,
                geo_precision: if kind.is_admin_area() {
                    3
                } else if partial {
                    2
                } else {
                    1
                },
                faction: if side.new_guessed {
                    taker_of(&out.events, obj.place, side.old).unwrap_or(side.new)
                } else {
                    side.new
                },
                previous_faction: side.old,
                action,
                // The last event takes the name; the others copy it.
                actor: if n == last {
                    std::mem::take(&mut side.actor)
                } else {
                    side.actor.clone()
                },
            };
            // One sentence may tell of one place twice: "entered Homs on Saturday and took
            // control of the city on Sunday" is two events; a second mention of one is not.
            // Events are in text order: this sentence's are the last ones.
            let dup = out
                .events
                .iter()
                .rev()
                .take_while(|e| e.sentence == ev.sentence)
                .any(|e| {
                    e.sentence == ev.sentence
                        && e.place == ev.place
                        && e.faction == ev.faction
                        && e.action == ev.action
                        && e.date == ev.date
                });
            if !dup {
                st.last_object = Some(ev.place);
                out.events.push(ev);
            }
        }
    }
}

impl SentenceMarks {
    /// Reads the phrases of `span` (the next sentence) from the article's `marks`.
    fn read(&mut self, marks: &Marks, cursors: &mut [usize; 3], span: Span) {
        in_sentence(&marks.triggers, &mut cursors[0], span, &mut self.triggers);
        self.triggers.retain(|t| t.what != Trigger::Ignore);
        in_sentence(&marks.actors, &mut cursors[1], span, &mut self.actors);
        in_sentence(&marks.marks, &mut cursors[2], span, &mut self.marks);
    }
}

/// Puts into `out` the hits (sorted by start) that fall inside `span`, made relative to
/// it; `cursor` walks forward through `hits` across calls for consecutive spans.
fn in_sentence<T: Copy>(hits: &[Hit<T>], cursor: &mut usize, span: Span, out: &mut Vec<Hit<T>>) {
    let first = *cursor;
    while *cursor < hits.len() && hits[*cursor].start < span.end {
        *cursor += 1;
    }
    out.clear();
    out.extend(
        hits[first..*cursor]
            .iter()
            .filter(|h| h.start >= span.start && h.end <= span.end)
            .map(|h| Hit {
                start: h.start - span.start,
                end: h.end - span.start,
                what: h.what,
            }),
    );
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn clause_of<'s>(
    (s, lower): (&'s str, &'s str),
    (words, base): (&'s [Word], usize),
    triggers: &'s [Hit<Trigger>],
    k: usize,
    sm: &'s SentenceMarks,
) -> Clause<'s> {
    // A boundary inside a blocker ("over the following years") ends nothing.
    let inside_blocker = |b: &Hit<Mark>| {
        sm.marks
            .iter()
            .any(|m| m.what.is(Mark::Blocker) && m.start <= b.start && b.end <= m.end)
    };
    // "the following areas: A, B": after a determiner, "following" is an adjective that
    // announces a list, not the subordinator of "following the army's withdrawal".
    let determined = |b: &Hit<Mark>| {
        let before = lower[..b.start].trim_end();
        ["the", "these", "those"].iter().any(|d| {
            before.ends_with(d)
                && !before[..before.len() - d.len()].ends_with(char::is_alphanumeric)
        })
    };
    let bounds = || {
        sm.marks
            .iter()
            .filter(move |m| m.what == Mark::Boundary && !inside_blocker(m) && !determined(m))
    };
    let t = triggers[k];
    let next_start = triggers.get(k + 1).map_or(s.len(), |n| n.start);
    // Where the clause of a trigger ending before `at` could start: after the last
    // boundary or trigger before `at`.
    let start_before = |at: usize| {
        let prev_end = triggers[..k]
            .iter()
            .rev()
            .find(|p| p.end <= at)
            .map_or(0, |p| p.end);
        bounds()
            .filter(|b| b.start >= prev_end && b.end <= at)
            .map(|b| b.end)
            .max()
            .unwrap_or(prev_end)
    };
    let mut start = start_before(t.start);
    // A passive's subject is what a relative pronoun stands for, or stands before the
    // relative clause: "Aleppo, which fell to the rebels", "Aleppo, which the army took in
    // 2016, fell to the rebels", "Suran, captured by rebels on Tuesday, was retaken".
    let passive = t.what.places_before()
        || sides::is_passive_take(s, &t)
        || sides::is_headline_passive(s, Span::new(start, t.start), &t, &sm.actors);
    if passive {
        let which = lower[..start]
            .strip_suffix(" which ")
            .filter(|head| head.ends_with(','))
            .map(str::len);
        let set_off = || {
            let head = lower[..t.start].trim_end();
            let head = places::strip_any_suffix(
                head,
                &["was", "were", "had been", "has been", "have been"],
            );
            let comma = head.trim_end().strip_suffix(',')?.len();
            relative_clauses(lower)
                .find(|&(_, end)| end == comma)
                .map(|(open, _)| open)
        };
        if let Some(open) = which.or_else(set_off) {
            start = start_before(open);
        }
    }
    let end_after = |from: usize| {
        bounds()
            .filter(|b| b.start >= from && b.start < next_start)
            .map(|b| (b.start, b.end))
            .min()
    };
    let end = match end_after(t.end) {
        // "had taken dozens of towns since launching their offensive last Wednesday,
        // including Maarat al-Numan": the list after the aside is the trigger's.
        Some((b, b_end)) if &lower[b..b_end] == " since " => {
            match lower[b_end..next_start].find(", including ") {
                Some(p) => end_after(b_end + p).map_or(next_start, |e| e.0),
                None => b,
            }
        }
        Some((b, _)) => b,
        None => next_start,
    };
    Clause {
        trigger: t,
        start,
        end,
        s,
        lower,
        actors: &sm.actors,
        marks: &sm.marks,
        triggers,
        dates: &sm.dates,
        passive,
        words,
        base,
    }
}

impl ArticleState<'_> {
    /// The day that heads the current paragraph as a timeline entry ("Dec. 8 - Rebels
    /// enter Damascus", "December 8: ..."): an explicit day first, then a dash or colon.
    fn entry_day(&self) -> Option<NaiveDate> {
        let paragraph = self.sentences[self.index].paragraph;
        let first = self.sentences[..=self.index]
            .iter()
            .rev()
            .take_while(|s| s.paragraph == paragraph)
            .last()?;
        let head = &self.text[first.span.start..first.span.end];
        let head = &head[..floor_char(head, head.len().min(40))];
        let d = dates::find_dates(head, self.published).into_iter().next()?;
        let rest = head[d.end..].trim_start();
        let heads = d.start == 0
            && d.basis == DateBasis::Explicit
            && rest.starts_with(['-', '\u{2013}', '\u{2014}', ':']);
        d.day.filter(|_| heads)
    }

    fn note_actor(&mut self, f: Faction, name: &str, trigger: Trigger) {
        self.memory.get_mut().note(f, name, trigger);
    }

    /// The last side named as a subject ([`SideMemory::last_actor`]).
    fn last_actor(&self) -> Option<memory::Side> {
        self.memory.borrow_mut().last_actor(self.text)
    }

    /// The last side other than the government named as a subject.
    fn last_attacker(&self) -> Option<memory::Side> {
        self.memory.borrow_mut().last_attacker(self.text)
    }

    /// The side most often named in the article other than `loser` (government losses go
    /// to the attackers the article talks about).
    fn main_opponent(&self, loser: Faction) -> Faction {
        let counts = self.counts.get_or_init(|| {
            let mut counts = [0; 7];
            for h in self.actors {
                // "..., a Syrian army source said": a source is no side of the fighting.
                if !sides::is_source_tag(self.text, h) {
                    counts[h.what as usize] += 1;
                }
            }
            counts
        });
        Faction::ALL
            .into_iter()
            .filter(|&f| f != loser && f != Faction::Unknown)
            .max_by_key(|&f| (counts[f as usize], std::cmp::Reverse(f)))
            .filter(|&f| counts[f as usize] > 0)
            .unwrap_or(Faction::Unknown)
    }
}

/// "The SDF denied the claim", "The army denies this": a sentence (`lower`, with its
/// `marks`) that denies what was just said, with no change of its own.
fn denies_what_was_said(lower: &str, marks: &[Hit<Mark>]) -> bool {
    const SAID: &[&str] = &[
        "it",
        "this",
        "that",
        "the claim",
        "the claims",
        "the report",
        "the reports",
        "these claims",
        "these reports",
        "such claims",
        "such reports",
    ];
    marks.iter().any(|m| {
        let rest = lower[m.end..].trim_start();
        m.what.is(Mark::Blocker)
            && matches!(&lower[m.start..m.end], "denied" | "denies")
            && SAID
                .iter()
                .any(|w| rest.strip_prefix(w).is_some_and(ends_the_object))
    })
}

/// Does `after` (the text after a denied object) leave the object whole: the clause ends,
/// or an adverbial follows ("denied it on Monday")? Not in "denied it had bombed a
/// hospital", where "it" begins what is denied.
fn ends_the_object(after: &str) -> bool {
    const ADVERBIAL: &[&str] = &[
        "on", "in", "as", "and", "but", "saying", "later", "earlier", "late", "outright",
    ];
    let after = after.trim_start();
    match after.chars().next() {
        None => true,
        Some(c) if !c.is_alphanumeric() => true,
        Some(_) => ADVERBIAL.iter().any(|w| {
            after
                .strip_prefix(w)
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
        }),
    }
}

/// Makes the events of the sentence before `st.index` claims (it has been denied).
fn claim_previous_sentence(st: &ArticleState, out: &mut Extraction) {
    let Some(previous) = st.index.checked_sub(1).map(|i| st.sentences[i].span) else {
        return;
    };
    for e in out
        .events
        .iter_mut()
        .rev()
        .take_while(|e| e.sentence == previous)
    {
        e.action = Action::Claimed;
    }
}

/// How many sentences back a later denial reaches ("Rebels said they took Hama. Fighting
/// went on. The army denied losing the city.").
const DENIAL_REACH: usize = 3;

/// "The army denied losing the city", "dismissed reports of the fall of Hama": what
/// follows the denied loss (the lowercase sentence's tail), if the sentence denies one.
fn denied_loss(lower: &str) -> Option<&str> {
    const VERBS: &[&str] = &[
        "denied",
        "denies",
        "deny",
        "denying",
        "dismissed",
        "rejected",
    ];
    const LOSSES: &[&str] = &[
        "losing control of",
        "losing",
        "having lost",
        "the loss of",
        "reports of the fall of",
        "reports of the loss of",
        "claims of the capture of",
        "reports of the capture of",
        "the fall of",
        "the capture of",
        "withdrawing from",
        "having withdrawn from",
    ];
    // Most sentences deny nothing: a few substring tests settle them ("den" alone would
    // let every "president" and "residents" through to the word search below).
    if !["deni", "deny", "dismissed", "rejected"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return None;
    }
    VERBS.iter().find_map(|v| {
        let at = find_word(lower, v)?;
        let rest = lower[at + v.len()..].trim_start();
        LOSSES
            .iter()
            .find_map(|l| rest.strip_prefix(l))
            .filter(|r| r.starts_with(' '))
            .map(str::trim_start)
    })
}

impl Extractor<'_> {
    /// A later denial of a loss makes the changes it names claimed: the places named in
    /// `named` (the text after the denied loss), or for "the city", "it" the latest
    /// change, among the events of the last [`DENIAL_REACH`] sentences.
    fn claim_denied_loss(&self, named: &str, st: &ArticleState, out: &mut Extraction) {
        let recent: Vec<Span> = (st.index.saturating_sub(DENIAL_REACH)..st.index)
            .map(|i| st.sentences[i].span)
            .collect();
        let is_recent = |e: &Event| recent.contains(&e.sentence);
        let places: Vec<u32> = self.gaz.find(named).iter().map(Mention::place).collect();
        let lower = named.to_ascii_lowercase();
        let anaphor = [
            "the city",
            "the town",
            "the village",
            "the base",
            "it",
            "control",
        ]
        .iter()
        .any(|a| lower.starts_with(a));
        let current = st.sentences[st.index].span;
        let latest = out
            .events
            .iter()
            .rev()
            .find(|e| is_recent(e))
            .map(|e| e.place);
        let earlier = out
            .events
            .iter_mut()
            .rev()
            .skip_while(|e| e.sentence == current);
        for e in earlier.take_while(|e| is_recent(e)) {
            let named_here = places.contains(&e.place) || (anaphor && Some(e.place) == latest);
            if named_here
                && matches!(
                    e.action,
                    Action::Capture | Action::Partial | Action::Withdrawal
                )
            {
                e.action = Action::Claimed;
            }
        }
    }
}

/// The side an earlier event of the article gave `place` to, other than `loser`: "rebels
/// took Deir ez-Zor ... the SDF withdrew from the city" went to the rebels.
fn taker_of(events: &[Event], place: u32, loser: Option<Faction>) -> Option<Faction> {
    // A reader remembers the last few dozen changes, not every one of a 100 MB text; the
    // bound keeps a long article linear.
    const RECALLED_EVENTS: usize = 64;
    events
        .iter()
        .rev()
        .take(RECALLED_EVENTS)
        .find(|e| {
            e.place == place
                && Some(e.faction) != loser
                && e.faction != Faction::Unknown
                && matches!(
                    e.action,
                    Action::Capture | Action::Partial | Action::Claimed
                )
        })
        .map(|e| e.faction)
}

/// "tightened its control over Hama", "has full control of": control named without a
/// verb of taking is a change only when announced or taken with words between
/// ("announced on Saturday its control over", "established late on Sunday full control
/// of"), by one of the six words before.
/// Such a phrase is dropped before clauses are cut, so that it never ends the clause of
/// the trigger before it.
fn is_bare_control(lower: &str, t: &Hit<Trigger>) -> bool {
    const ANNOUNCED_OR_TAKEN: &[&str] = &[
        "announced",
        "announces",
        "announce",
        "declared",
        "declares",
        "declare",
        "proclaimed",
        "proclaims",
        "confirmed",
        "confirms",
        // A verb of taking with words between: "established on Saturday their control
        // over", "gained late on Sunday full control of".
        "established",
        "gained",
        "imposed",
        "extended",
        "secured",
        "regained",
        "restored",
        "asserted",
        "assumed",
    ];
    let phrase = &lower[t.start..t.end];
    let bare = ["its ", "their ", "full ", "complete "]
        .iter()
        .any(|p| phrase.starts_with(p));
    bare && !lower[..t.start]
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .any(|w| ANNOUNCED_OR_TAKEN.contains(&w))
}

/// The first word of a phrase (a trigger's verb: "captured" of "captured by").
pub(super) fn first_word(phrase: &str) -> &str {
    phrase.split_once(' ').map_or(phrase, |(w, _)| w)
}

/// Does `s` contain `word` as a whole word (not inside a longer run of letters/digits)?
fn has_word(s: &str, word: &str) -> bool {
    find_word(s, word).is_some()
}

/// Byte offset of the first whole-word occurrence of `phrase` in `s`: not inside a longer
/// run of letters or digits. Asked of short regions, so candidates are found by the
/// phrase's first byte, with no searcher to set up.
pub(super) fn find_word(s: &str, phrase: &str) -> Option<usize> {
    let (b, w) = (s.as_bytes(), phrase.as_bytes());
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    memchr::memchr_iter(*w.first()?, b).find(|&i| {
        b.get(i..i + w.len())
            .is_some_and(|t| phrases::same_bytes(t, w))
            && !alnum(s[..i].chars().next_back())
            && !alnum(s[i + w.len()..].chars().next())
    })
}

/// Is `verb` (a trigger's first word) a base form ("seize", "take", "enter"), the form
/// that follows "to"? Past and present participles and third-person forms are not.
fn is_base_form(verb: &str) -> bool {
    const BASE_FORMS: &[&str] = &[
        "take",
        "seize",
        "capture",
        "recapture",
        "retake",
        "enter",
        "overrun",
        "liberate",
        "gain",
        "secure",
        "wrest",
        "establish",
        "regain",
        "restore",
        "occupy",
        "clear",
        "withdraw",
        "evacuate",
        "abandon",
        "hand",
        "cede",
        "lose",
        "assume",
        "impose",
        "extend",
        "complete",
        "announce",
        "pull",
        "drive",
        "expel",
        "oust",
        "push",
        "force",
        "kick",
        "fall",
        "win",
        "claim",
        "declare",
        "redeploy",
        "reposition",
        "retreat",
        "flee",
        "relinquish",
        "surrender",
        "turn",
        "rout",
        "chase",
        "reach",
        "infiltrate",
        "move",
        "advance",
        "storm",
    ];
    BASE_FORMS.contains(&verb)
}

/// "now controls", "is now under", "are now in control of", "are in full control of",
/// "is in the hands of": a state at publication.
fn is_present_state(lower: &str, t: &Hit<Trigger>) -> bool {
    // A trigger phrase is a few words: a byte window beats building a string searcher.
    let phrase = &lower.as_bytes()[t.start..t.end];
    let has = |word: &[u8]| phrase.windows(word.len()).any(|w| w == word);
    let before = lower[..t.start].trim_end();
    let present_be = matches!(
        sides::last_word(before),
        "is" | "are" | "remain" | "remains"
    );
    has(b"now")
        || has(b"currently")
        || before.ends_with(" now")
        || before.ends_with(" currently")
        || phrase.starts_with(b"is ")
        || phrase.starts_with(b"are ")
        || (present_be && phrase.starts_with(b"in "))
}

/// The relative clauses set off by commas in `lower` (", which the army took in 2016,",
/// ", held by the government since 2016,", ", a town held by Kurdish forces since 2016,"),
/// from the comma that opens one to the comma that closes it (or the sentence's end).
fn relative_clauses(lower: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = lower.as_bytes();
    memchr::memchr_iter(b',', b).filter_map(move |a| {
        let body = a + 1;
        let rest = b[body..].strip_prefix(b" ")?;
        let end = || memchr::memchr(b',', &b[body..]).map_or(lower.len(), |i| body + i);
        let word_end = rest.iter().position(|c| !c.is_ascii_alphabetic())?;
        let after = &rest[word_end..];
        let opens = match &rest[..word_end] {
            // A relative pronoun, or "under" saying who held the place.
            b"which" | b"who" | b"under" => true,
            // A participle saying who took or held it.
            b"held" => after.starts_with(b" by ") || after.starts_with(b" since "),
            b"controlled" | b"ruled" | b"captured" | b"seized" | b"taken" | b"recaptured"
            | b"retaken" => after.starts_with(b" by "),
            // An appositive that says so further on.
            b"a" | b"an" | b"the" => {
                let end = end();
                let segment = &lower[body..end];
                let says_who = [" by ", " since ", " under ", " which ", " who "]
                    .iter()
                    .any(|w| segment.contains(w));
                return says_who.then_some((a, end));
            }
            _ => false,
        };
        opens.then(|| (a, end()))
    })
}

#[cfg(test)]
mod tests;

/// For property tests: lowercase text made of `pieces` and, now and then, up to four
/// arbitrary characters, at most `max` parts long.
#[cfg(test)]
pub(crate) fn text_of(
    pieces: &'static [&'static str],
    max: usize,
) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let piece = proptest::sample::select(pieces).prop_map(str::to_string);
    prop::collection::vec(prop_oneof![4 => piece, 1 => "\\PC{0,4}"], 0..max)
        .prop_map(|v| v.concat().to_ascii_lowercase())
}
