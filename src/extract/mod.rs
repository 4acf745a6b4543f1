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

pub mod dates;
pub mod lexicon;
mod record;

pub use record::{EventRecord, PlaceRecord, UnresolvedRecord};

use crate::article::Article;
use crate::gazetteer::{Gazetteer, Mention};
use crate::model::{Faction, PlaceKind, Span};
use crate::text::{self, Sentence};
use chrono::{Datelike, Duration, NaiveDate};
use dates::{Anaphor, DateBasis, DateMention};
use lexicon::{Hit, Lexicon, Trigger};

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

/// Extracts events; build once, share across threads.
#[derive(Debug)]
pub struct Extractor<'g> {
    gaz: &'g Gazetteer,
    lex: Lexicon,
}

/// Running state of one article while its sentences are read in order.
#[derive(Debug, Default)]
struct ArticleState {
    published: Option<NaiveDate>,
    /// The last day any date expression resolved to.
    last_day: Option<(NaiveDate, DateBasis)>,
    /// The day the previous sentence talked about, and its paragraph.
    carried: Option<(NaiveDate, DateBasis, usize)>,
    /// The last side named as a subject.
    last_actor: Option<(Faction, String)>,
    /// Mentions of each side in the whole article (for withdrawals with no named taker).
    counts: [usize; 7],
    /// The last place mentioned (for "the provincial center").
    last_place: Option<u32>,
}

/// A trigger with everything decided about it.
struct Clause<'s> {
    trigger: Hit<Trigger>,
    /// Where the trigger's clause starts and ends (sentence-relative).
    start: usize,
    end: usize,
    s: &'s str,
}

const BOUNDARIES: &[&str] = &[
    ";",
    " after ",
    " while ",
    " when ",
    " where ",
    " which ",
    " who ",
    " but ",
    " following ",
    " since ",
    " amid ",
    " to prepare",
    " in order to",
    " — ",
    " – ",
    " as they ",
    " whose ",
];

const NOT_SUBJECT_BEFORE: &[&str] = &[
    "against", "from", "between", "by", "with", "of", "versus", "on",
];

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
    pub fn extract(&self, article: &Article) -> Extraction {
        let mut st = ArticleState {
            published: article.published,
            ..Default::default()
        };
        for h in self.lex.actors(&article.text) {
            st.counts[h.what as usize] += 1;
        }
        let mut out = Extraction::default();
        for sentence in text::sentences(&article.text, article.header_len) {
            self.sentence(&article.text, sentence, &mut st, &mut out);
        }
        out
    }

    fn sentence(&self, text: &str, sent: Sentence, st: &mut ArticleState, out: &mut Extraction) {
        let s = &text[sent.span.start..sent.span.end];
        let dates = resolve_dates(dates::find_dates(s, st.published), st);
        let mentions = self.gaz.find(s);
        let historical = is_background(&dates, st.published);
        let triggers = self.lex.triggers(s);
        let sentence_day = dates
            .iter()
            .rev()
            .find_map(|d| d.day.map(|day| (day, d.basis)));
        let carried = st
            .carried
            .filter(|c| c.2 == sent.paragraph)
            .map(|c| (c.0, c.1));
        if !historical {
            for (k, t) in triggers.iter().enumerate() {
                let clause = clause_of(s, &triggers, k);
                let day = nearest_day(&dates, t).or(carried);
                self.clause(&clause, &mentions, day, sent, st, out);
            }
        }
        self.remember(s, &mentions, st);
        st.carried = sentence_day
            .or(carried)
            .map(|(d, b)| (d, b, sent.paragraph));
    }

    fn remember(&self, s: &str, mentions: &[Mention], st: &mut ArticleState) {
        if let Some(m) = mentions.last() {
            st.last_place = Some(m.place());
        }
        if let Some(a) = self
            .lex
            .actors(s)
            .into_iter()
            .rev()
            .find(|a| !after_word(s, a.start, NOT_SUBJECT_BEFORE))
        {
            st.last_actor = Some((a.what, s[a.start..a.end].to_string()));
        }
    }

    fn clause(
        &self,
        c: &Clause,
        mentions: &[Mention],
        day: Option<(NaiveDate, DateBasis)>,
        sent: Sentence,
        st: &mut ArticleState,
        out: &mut Extraction,
    ) {
        let t = c.trigger;
        let before = &c.s[c.start.max(t.start.saturating_sub(90))..t.start];
        if self.lex.has_blocker(before) {
            return;
        }
        let passive = matches!(t.what, Trigger::TakePassive | Trigger::LosePassive)
            || is_passive_take(c.s, &t);
        let places = self.objects(c, mentions, passive);
        let places = if places.is_empty() {
            self.implied(c, mentions, st)
        } else {
            places
        };
        if places.is_empty() {
            self.note_unresolved(c, mentions, sent, out);
            return;
        }
        let Some(side) = self.sides(c, passive, st) else {
            return;
        };
        let claimed = t.what == Trigger::ClaimTake || self.lex.has_claim(before);
        let (date, basis, tp) = match (day, st.published) {
            (Some((d, b)), _) => (Some(d), b, if b == DateBasis::Publication { 2 } else { 1 }),
            (None, Some(p)) => (Some(p), DateBasis::Publication, 2),
            (None, None) => (None, DateBasis::Unknown, 3),
        };
        for obj in places {
            let partial = t.what == Trigger::Enter || obj.partial;
            let action = match (claimed, t.what, partial) {
                (true, ..) => Action::Claimed,
                (_, Trigger::Lose | Trigger::LosePassive, _) => Action::Withdrawal,
                (_, Trigger::Handover, _) => Action::Handover,
                (_, _, true) => Action::Partial,
                _ => Action::Capture,
            };
            let kind = self.gaz.place(obj.place).kind;
            let geo = if kind.is_admin_area() {
                3
            } else if partial {
                2
            } else {
                1
            };
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
                geo_precision: geo,
                faction: side.new,
                previous_faction: side.old,
                action,
                actor: side.actor.clone(),
            };
            if !out.events.iter().any(|e| {
                e.sentence == ev.sentence && e.place == ev.place && e.faction == ev.faction
            }) {
                out.events.push(ev);
            }
        }
        if side.named {
            st.last_actor = Some((side.subject_faction, side.actor.clone()));
        }
    }
}

/// One object place of a clause.
#[derive(Debug, Clone, Copy)]
struct Object {
    place: u32,
    span: Span,
    partial: bool,
}

/// The sides of one clause.
#[derive(Debug, Clone)]
struct Sides {
    new: Faction,
    old: Option<Faction>,
    actor: String,
    /// Was the subject named (not a pronoun or context)?
    named: bool,
    subject_faction: Faction,
}

fn clause_of<'s>(s: &'s str, triggers: &[Hit<Trigger>], k: usize) -> Clause<'s> {
    let t = triggers[k];
    let mut start = if k > 0 { triggers[k - 1].end } else { 0 };
    let mut end = triggers.get(k + 1).map_or(s.len(), |n| n.start);
    let lower = s.to_ascii_lowercase();
    for b in BOUNDARIES {
        if let Some(p) = lower[t.end..end].find(b) {
            end = t.end + p;
        }
        if let Some(p) = lower[start..t.start].rfind(b) {
            start = start + p + b.len();
        }
    }
    Clause {
        trigger: t,
        start,
        end,
        s,
    }
}

/// Is the word right before byte `at` one of `words`?
fn after_word(s: &str, at: usize, words: &[&str]) -> bool {
    let before = s[..at].trim_end();
    let before = before
        .strip_suffix(" the")
        .or_else(|| before.strip_suffix(" The"))
        .unwrap_or(before);
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    words.contains(&last.as_str())
}

/// "was liberated", "were captured": an active capture verb used in the passive.
fn is_passive_take(s: &str, t: &Hit<Trigger>) -> bool {
    matches!(t.what, Trigger::Take)
        && after_word(s, t.start, &["was", "were", "been", "being", "is", "are"])
}

fn words_before(s: &str, at: usize, n: usize) -> Vec<String> {
    s[..at]
        .split(|c: char| !(c.is_alphanumeric() || c == '%'))
        .filter(|w| !w.is_empty())
        .rev()
        .take(n)
        .map(str::to_ascii_lowercase)
        .collect()
}

const CONTAINER_WORDS: &[&str] = &[
    "in",
    "near",
    "outside",
    "towards",
    "toward",
    "to",
    "at",
    "between",
    "around",
    "via",
    "through",
    "beyond",
    "against",
    "inside",
    "within",
    "on",
    "across from",
    "into",
];
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "countryside",
    "gates",
    "kilometres",
    "kilometers",
    "km",
    "miles",
    "region",
    "direction",
    "border",
    "rural",
    "side",
    "outside",
    "edge",
];

/// The role of a place in the words right around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Object { partial: bool },
    Context,
}

fn role(s: &str, m: &Mention, trigger: Trigger) -> Role {
    let w = words_before(s, m.span.start, 3);
    let w1 = w.first().map(String::as_str).unwrap_or("");
    let w2 = w.get(1).map(String::as_str).unwrap_or("");
    let after = s[m.span.end..]
        .trim_start_matches(['\'', '’', 's'])
        .trim_start();
    let after_lower: String = after.chars().take(30).collect::<String>().to_lowercase();
    if s[m.span.end..].starts_with('-')
        || after_lower.starts_with("countryside")
        || after_lower.contains(" countryside")
            && after_lower.find("countryside").is_some_and(|p| p < 20)
    {
        return Role::Context;
    }
    let lose = matches!(
        trigger,
        Trigger::Lose | Trigger::LosePassive | Trigger::Handover
    );
    match w1 {
        "from" if lose => Role::Object { partial: false },
        "from" => Role::Context,
        "in" if lose && matches!(w2, "positions" | "bases" | "points") => {
            Role::Object { partial: false }
        }
        "into" if trigger == Trigger::Enter => Role::Object { partial: true },
        "across" | "including" | "over" => Role::Object { partial: false },
        "of" if DIRECTIONS.contains(&w2) => Role::Context,
        "of" if matches!(
            w2,
            "outskirts"
                | "suburbs"
                | "parts"
                | "part"
                | "neighbourhoods"
                | "neighborhoods"
                | "areas"
        ) =>
        {
            Role::Object { partial: true }
        }
        "rural" => Role::Context,
        w if CONTAINER_WORDS.contains(&w) => Role::Context,
        _ => Role::Object { partial: false },
    }
}

impl Extractor<'_> {
    /// The object places of a clause, in order.
    fn objects(&self, c: &Clause, mentions: &[Mention], passive: bool) -> Vec<Object> {
        let t = c.trigger;
        let (a, b) = if passive {
            (c.start, t.start)
        } else {
            (t.end, c.end)
        };
        let mut out: Vec<Object> = Vec::new();
        let mut prev: Option<(Span, bool)> = None;
        for m in mentions
            .iter()
            .filter(|m| m.span.start >= a && m.span.end <= b)
        {
            let listed = prev.is_some_and(|(p, _)| is_list_gap(&c.s[p.end..m.span.start]));
            let accepted = match (listed, prev) {
                (true, Some((_, ok))) => ok,
                _ => match role(c.s, m, t.what) {
                    Role::Object { partial } => {
                        let between = &c.s[a.min(m.span.start)..m.span.start];
                        let partial = partial || (!passive && self.lex.has_partial(between));
                        out.push(Object {
                            place: m.place(),
                            span: m.span,
                            partial,
                        });
                        prev = Some((m.span, true));
                        continue;
                    }
                    Role::Context => false,
                },
            };
            if accepted {
                let partial = out.last().is_some_and(|o| o.partial);
                out.push(Object {
                    place: m.place(),
                    span: m.span,
                    partial,
                });
            }
            prev = Some((m.span, accepted));
        }
        out
    }

    /// Places a clause names without a name: "the provincial center", "the capital",
    /// "liberating the area" (the last place named before the trigger).
    fn implied(&self, c: &Clause, mentions: &[Mention], st: &ArticleState) -> Vec<Object> {
        let t = c.trigger;
        let region = c.s[t.end..c.end].to_ascii_lowercase();
        let at = |p: usize| Span::new(t.end + p, t.end + p);
        let context_gov = || {
            mentions
                .iter()
                .rev()
                .find(|m| m.span.end <= t.start)
                .map(|m| m.place())
                .or(st.last_place)
                .map(|p| self.gaz.place(p).governorate.clone())
        };
        for phrase in [
            "provincial center",
            "provincial centre",
            "provincial capital",
            "city center",
            "city centre",
        ] {
            if let Some(p) = region.find(phrase) {
                let gov = context_gov();
                if let Some(cap) = gov.and_then(|g| self.gaz.capital(&g)) {
                    return vec![Object {
                        place: cap,
                        span: span_of(at(p), phrase),
                        partial: false,
                    }];
                }
            }
        }
        if let Some(p) = region
            .find("the capital")
            .filter(|_| !region.contains("provincial capital"))
        {
            if let Some(d) = self.gaz.capital("Damascus") {
                return vec![Object {
                    place: d,
                    span: span_of(at(p), "the capital"),
                    partial: false,
                }];
            }
        }
        if ["the area", "the town", "the city"]
            .iter()
            .any(|p| region.trim_start().starts_with(p))
        {
            let named_before = mentions.iter().rev().find(|m| {
                m.span.end <= t.start
                    && self.gaz.place(m.place()).kind != PlaceKind::Governorate
                    && !c.s[m.span.end..t.start]
                        .to_ascii_lowercase()
                        .starts_with("'s countryside")
            });
            if let Some(m) = named_before {
                return vec![Object {
                    place: m.place(),
                    span: m.span,
                    partial: false,
                }];
            }
        }
        Vec::new()
    }

    /// Who gains and who loses in a clause; `None` when nobody can be named.
    fn sides(&self, c: &Clause, passive: bool, st: &ArticleState) -> Option<Sides> {
        let t = c.trigger;
        let actors = self.lex.actors(c.s);
        let agent_after = || {
            actors
                .iter()
                .find(|a| a.start >= t.end && a.start < c.end)
                .copied()
        };
        let subject = self.subject(c, &actors, st);
        match t.what {
            Trigger::TakePassive
            | Trigger::Take
            | Trigger::ClaimTake
            | Trigger::Nominal
            | Trigger::Enter
                if passive =>
            {
                let (f, text, named) = agent_after()
                    .map(|a| (a.what, c.s[a.start..a.end].to_string(), true))
                    .or(subject)?;
                Some(Sides {
                    new: f,
                    old: self.loser_after_from(c, &actors),
                    actor: text,
                    named,
                    subject_faction: f,
                })
            }
            Trigger::Take | Trigger::ClaimTake | Trigger::Nominal | Trigger::Enter => {
                let (f, text, named) = subject?;
                Some(Sides {
                    new: f,
                    old: self.loser_after_from(c, &actors),
                    actor: text,
                    named,
                    subject_faction: f,
                })
            }
            Trigger::Lose | Trigger::Handover | Trigger::LosePassive => {
                let (loser, text, named) = if t.what == Trigger::LosePassive {
                    agent_after().map(|a| (a.what, c.s[a.start..a.end].to_string(), true))?
                } else {
                    subject?
                };
                let new = actors
                    .iter()
                    .find(|a| {
                        a.what != loser && a.start > t.end && after_word(c.s, a.start, &["to"])
                    })
                    .or_else(|| {
                        actors.iter().find(|a| {
                            a.what != loser && a.what != Faction::Government
                                || a.what != loser && loser != Faction::Government
                        })
                    })
                    .map(|a| a.what)
                    .unwrap_or_else(|| st.main_opponent(loser));
                Some(Sides {
                    new,
                    old: Some(loser),
                    actor: text,
                    named,
                    subject_faction: loser,
                })
            }
            Trigger::TakePassive => unreachable!("passive handled above"),
        }
    }

    /// The subject of an active trigger: the nearest side named before it (not after
    /// "against", "from", ...), or the last side named when a pronoun stands there.
    fn subject(
        &self,
        c: &Clause,
        actors: &[Hit<Faction>],
        st: &ArticleState,
    ) -> Option<(Faction, String, bool)> {
        let t = c.trigger;
        let named = actors.iter().rev().find(|a| {
            a.end <= t.start
                && !after_word(c.s, a.start, NOT_SUBJECT_BEFORE)
                && !is_adjective_use(c.s, a)
        });
        let pronoun = self.lex.pronouns(&c.s[..t.start]).into_iter().next_back();
        match (named, pronoun) {
            (Some(a), Some(p)) if p.start > a.end => {
                st.last_actor.clone().map(|(f, s)| (f, s, false))
            }
            (Some(a), _) => Some((a.what, c.s[a.start..a.end].to_string(), true)),
            (None, _) => st.last_actor.clone().map(|(f, s)| (f, s, false)),
        }
    }

    /// "took X from regime forces": the side after "from".
    fn loser_after_from(&self, c: &Clause, actors: &[Hit<Faction>]) -> Option<Faction> {
        actors
            .iter()
            .find(|a| {
                a.start >= c.trigger.end && a.start < c.end && after_word(c.s, a.start, &["from"])
            })
            .map(|a| a.what)
    }

    fn note_unresolved(
        &self,
        c: &Clause,
        mentions: &[Mention],
        sent: Sentence,
        out: &mut Extraction,
    ) {
        let t = c.trigger;
        if matches!(t.what, Trigger::TakePassive | Trigger::LosePassive) {
            return;
        }
        let region = &c.s[t.end..c.end];
        for (a, b) in capitalised_runs(region) {
            let (a, b) = (t.end + a, t.end + b);
            let covered = mentions.iter().any(|m| m.span.start < b && a < m.span.end)
                || !self.lex.actors(&c.s[a..b]).is_empty();
            let name = &c.s[a..b];
            if !covered && !is_common_capitalised(name) {
                out.unresolved.push(Unresolved {
                    text: name.to_string(),
                    span: Span::new(sent.span.start + a, sent.span.start + b),
                    sentence: sent.span,
                });
            }
        }
    }
}

/// "regime-held", "Turkish-backed": an actor word used as an adjective of a place.
fn is_adjective_use(s: &str, a: &Hit<Faction>) -> bool {
    let rest = &s[a.end..];
    rest.starts_with("-held") || rest.starts_with("-controlled")
}

fn span_of(at: Span, phrase: &str) -> Span {
    Span::new(at.start, at.start + phrase.len())
}

fn is_list_gap(gap: &str) -> bool {
    let g = gap.trim().trim_end_matches(" the").trim();
    matches!(
        g,
        "," | "and"
            | ", and"
            | "&"
            | "as well as"
            | ", as well as"
            | ""
            | "and the"
            | ", and the"
            | "or"
    )
}

/// Runs of capitalised words (names) in `s`, as byte ranges.
fn capitalised_runs(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    for (i, w) in s
        .split_inclusive(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .scan(0, |pos, w| {
            let start = *pos;
            *pos += w.len();
            Some((start, w))
        })
    {
        let word = w.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == '.');
        let cap = word.chars().next().is_some_and(char::is_uppercase);
        let joiner = matches!(word, "al" | "el" | "ad" | "as" | "ash" | "az" | "ar")
            || word.starts_with("al-");
        match (cap || (joiner && run.is_some()), run) {
            (true, None) => run = Some((i, i + word.len())),
            (true, Some((a, _))) => run = Some((a, i + word.len())),
            (false, Some(r)) => {
                out.push(r);
                run = None;
            }
            _ => {}
        }
        if w.ends_with(',') || w.ends_with('.') {
            if let Some(r) = run.take() {
                out.push(r);
            }
        }
    }
    out.extend(run);
    out
}

const COMMON_CAPITALISED: &[&str] = &[
    "The",
    "A",
    "An",
    "Syria",
    "Syrian",
    "Syria's",
    "Turkish",
    "Turkey",
    "Türkiye",
    "Israel",
    "Israeli",
    "Kurdish",
    "Arab",
    "Russian",
    "Russia",
    "Iran",
    "Iranian",
    "Iraq",
    "Iraqi",
    "Jordan",
    "Jordanian",
    "Lebanon",
    "Lebanese",
    "US",
    "U.S",
    "UN",
    "President",
    "Bashar",
    "Assad",
    "Operation",
    "Dawn",
    "Freedom",
    "Euphrates",
    "Golan",
    "Heights",
    "M5",
    "M4",
];

fn is_common_capitalised(name: &str) -> bool {
    name.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        COMMON_CAPITALISED.contains(&w)
            || dates::find_dates(w, None)
                .iter()
                .any(|d| d.basis != DateBasis::Unknown)
            || w.len() < 3
    })
}

impl ArticleState {
    /// The side most often named in the article other than `loser` (government losses go
    /// to the attackers the article talks about).
    fn main_opponent(&self, loser: Faction) -> Faction {
        Faction::ALL
            .into_iter()
            .filter(|&f| f != loser && f != Faction::Unknown)
            .max_by_key(|&f| (self.counts[f as usize], std::cmp::Reverse(f)))
            .filter(|&f| self.counts[f as usize] > 0)
            .unwrap_or(Faction::Unknown)
    }
}

/// Resolves anaphors in order and records every resolved day as the article's last.
fn resolve_dates(mut found: Vec<DateMention>, st: &mut ArticleState) -> Vec<DateMention> {
    for d in found.iter_mut() {
        if let Some(kind) = d.anaphor {
            let base = st.last_day.map(|x| x.0).or(st.published);
            d.day = base.map(|b| {
                if kind == Anaphor::DayBefore {
                    b - Duration::days(1)
                } else {
                    b
                }
            });
        }
        // A day after publication is a misreading (a future plan): ignore it.
        if let (Some(day), Some(p)) = (d.day, st.published) {
            if day > p {
                d.day = None;
            }
        }
        if let Some(day) = d.day {
            st.last_day = Some((day, d.basis));
        }
    }
    found
}

/// A sentence about an earlier year ("In August 2019", "since 2018", "in 2016").
fn is_background(dates: &[DateMention], published: Option<NaiveDate>) -> bool {
    let Some(p) = published else { return false };
    dates.iter().any(|d| {
        d.year_only.is_some_and(|y| y < p.year())
            || d.day.is_some_and(|day| day < p - Duration::days(60))
    })
}

/// The resolved date expression nearest the trigger.
fn nearest_day(dates: &[DateMention], t: &Hit<Trigger>) -> Option<(NaiveDate, DateBasis)> {
    dates
        .iter()
        .filter(|d| d.day.is_some())
        .min_by_key(|d| {
            if d.end <= t.start {
                t.start - d.end
            } else {
                d.start.saturating_sub(t.end) + 1
            }
        })
        .map(|d| (d.day.unwrap_or_default(), d.basis))
}

#[cfg(test)]
mod tests;
