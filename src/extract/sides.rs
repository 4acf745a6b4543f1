//! Who gains and who loses in a clause.
//!
//! Takes a clause and the actor names of its sentence and gives the new controller, the
//! loser when the text names one, and the actor as written. The subject of an active
//! trigger is the nearest side named before it that is not the object of a preposition
//! ("against regime forces", "from the SDF") nor an adjective ("regime-held"); of "X and Y
//! took", X; in "X, which/that took", X. A pronoun between that side and the trigger
//! ("they", "the groups") stands for the side named earlier in the sentence, else the
//! last side the article named ("the groups" never for the government). A withdrawal goes
//! to the side it is handed to, else the other side named in the sentence, else the side
//! the article names most.

use super::lexicon::{Hit, Mark, Trigger};
use super::{first_word, ArticleState, Clause, Extractor};
use crate::model::{Faction, Span};

/// Words after which an actor name is not a subject.
const NOT_SUBJECT_BEFORE: &[&str] = &[
    "against", "from", "between", "by", "with", "of", "versus", "to", "opposing", "fighting",
    "backed", "towards", "toward", "on",
];

/// The sides of one clause.
#[derive(Debug, Clone)]
pub(super) struct Sides {
    pub new: Faction,
    pub old: Option<Faction>,
    pub actor: String,
    /// Was the subject named in this sentence (not a pronoun or context)?
    pub named: bool,
    pub subject_faction: Faction,
    /// Was `new` guessed from the article's sides (a loss that names no winner)? Then
    /// the side the article saw take the place is the better guess.
    pub new_guessed: bool,
}

impl Sides {
    /// A place lost by `loser` (the subject, as written) to `new`, or when no winner is
    /// named, to the side the article sets against the loser.
    fn lost_by(
        (loser, actor, named): (Faction, String, bool),
        new: Option<Faction>,
        st: &ArticleState,
    ) -> Sides {
        Sides {
            new: new.unwrap_or_else(|| st.main_opponent(loser)),
            old: Some(loser),
            actor,
            named,
            subject_faction: loser,
            new_guessed: new.is_none(),
        }
    }
}

/// Is the word right before byte `at` one of `words` ([`word_before`])?
pub(super) fn after_word(s: &str, at: usize, words: &[&str]) -> bool {
    let last = word_before(s, at);
    words.iter().any(|w| w.eq_ignore_ascii_case(last))
}

/// The word right before byte `at`, an article "the" skipped ("from the regime") and an
/// opening quote ("had been \"liberated\"").
fn word_before(s: &str, at: usize) -> &str {
    let before = s[..at].strip_suffix(['"', '“']).unwrap_or(&s[..at]);
    let before = trim_end(before);
    let last = last_word(before);
    let rest = &before[..before.len() - last.len()];
    if matches!(last, "the" | "The") && rest.ends_with(' ') {
        return last_word(&rest[..rest.len() - 1]);
    }
    last
}

/// [`str::trim_end`], byte-wise while the text ends in ASCII (asked before every actor).
fn trim_end(s: &str) -> &str {
    let b = s.as_bytes();
    let mut end = b.len();
    while end > 0 && crate::text::is_space_byte(b[end - 1]) {
        end -= 1;
    }
    match b[..end].last() {
        Some(c) if !c.is_ascii() => s[..end].trim_end(),
        _ => &s[..end],
    }
}

/// The alphanumeric run that ends `s` (asked for every actor of every sentence: ASCII
/// bytes are read without decoding).
pub(super) fn last_word(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = b.len();
    while i > 0 {
        let c = b[i - 1];
        if c.is_ascii_alphanumeric() {
            i -= 1;
        } else if c.is_ascii() {
            break;
        } else {
            match s[..i].chars().next_back() {
                Some(ch) if ch.is_alphanumeric() => i -= ch.len_utf8(),
                _ => break,
            }
        }
    }
    &s[i..]
}

/// "regime-held", "Turkish-backed", "the Israeli-occupied Golan", "government positions":
/// an actor word used as an adjective.
fn is_adjective_use(s: &str, a: &Hit<Faction>) -> bool {
    // Asked of every actor name of every sentence: bytes, not chars.
    let rest = &s.as_bytes()[a.end..];
    match rest.first() {
        Some(b'-') => {
            return ["-held", "-controlled", "-run", "-occupied"]
                .iter()
                .any(|p| rest.starts_with(p.as_bytes()))
        }
        Some(b' ') => {}
        _ => return false,
    }
    // The next word, lowercased; a noun of what a side holds makes the side's name its
    // modifier ("attacked government positions", "shelled SDF areas"), not a subject.
    // Most words after a side ("forces", "fighters", "said") fail on their first letter.
    const FIRST_LETTERS: u32 =
        1 << 0 | 1 << 1 | 1 << 2 | 1 << 3 | 1 << 11 | 1 << 15 | 1 << 18 | 1 << 19;
    let first = rest.get(1).map_or(0, |c| c | 0x20);
    if !first.is_ascii_lowercase() || FIRST_LETTERS >> (first - b'a') & 1 == 0 {
        return false;
    }
    let mut word = [0u8; 11];
    let len = rest[1..]
        .iter()
        .take(word.len() + 1)
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if len > word.len() {
        return false;
    }
    word[..len].copy_from_slice(&rest[1..1 + len]);
    word.make_ascii_lowercase();
    matches!(
        &word[..len],
        b"positions"
            | b"position"
            | b"areas"
            | b"territory"
            | b"territories"
            | b"lines"
            | b"strongholds"
            | b"stronghold"
            | b"bases"
            | b"base"
            | b"checkpoints"
            | b"posts"
            | b"targets"
            | b"sites"
            | b"defences"
            | b"defenses"
    )
}

/// Nouns that make "X of/from <actor>" a subject: "fighters from the Military Operations
/// Command", "units of the Syrian army".
const MEMBER_NOUNS: &[&str] = &[
    "fighters",
    "members",
    "units",
    "elements",
    "troops",
    "forces",
    "militants",
    "soldiers",
    "commanders",
    "gunmen",
    "brigades",
    "factions",
    "groups",
    "formations",
    "detachments",
    "battalions",
];

/// Can this actor name be a subject where it stands?
pub(super) fn is_subject_position(s: &str, a: &Hit<Faction>) -> bool {
    if is_adjective_use(s, a) {
        return false;
    }
    // "the Russian-backed Syrian army": the backer is an adjective, the side the subject
    // (unlike "rebels backed by the army").
    let before = &s.as_bytes()[..a.start];
    if before.ends_with(b"-backed ") || before.ends_with(b"-led ") {
        return true;
    }
    let word = word_before(s, a.start);
    if !NOT_SUBJECT_BEFORE
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
    {
        // "the advancing rebels", "the defeated army": after a determiner the participle
        // is an adjective of the side, not a verb with the side as its object.
        let at = word.as_ptr() as usize - s.as_ptr() as usize;
        // So is the tail of a compound ("Iranian-funded militias", "self-proclaimed") and a
        // participle after an adverb ("newly formed", "heavily armed").
        let adjective = || {
            let previous = last_word(trim_end(&s[..at]));
            s[..at].ends_with('-')
                || previous.ends_with("ly")
                || matches!(
                    previous,
                    "the" | "The" | "a" | "an" | "its" | "their" | "his"
                )
        };
        return !is_past_verb(word) || adjective();
    }
    // "fighters from the X": the preposition joins the actor to a member noun.
    member_noun_before(s, a).is_some()
}

/// "fighters from the X", "the factions of the \"Military Operations Command\"": the member
/// noun ([`MEMBER_NOUNS`]) a preposition joins side `a` to.
fn member_noun_before<'s>(s: &'s str, a: &Hit<Faction>) -> Option<&'s str> {
    let before = s[..a.start].trim_end_matches(['"', '\u{201c}', '\'', ' ']);
    let before = before.strip_suffix(" the").unwrap_or(before).trim_end();
    let rest = ["from", "of"].iter().find_map(|p| before.strip_suffix(p))?;
    let noun = rest
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    MEMBER_NOUNS
        .iter()
        .any(|m| m.eq_ignore_ascii_case(noun))
        .then_some(noun)
}

/// "ambushed government troops", "defeated the SDF", "besieged the army": is `word`,
/// right before a side, a past-tense verb (the side its object)? Adjectives in "-ed"
/// ("allied factions", "armed groups"), verbs that report a clause ("reported government
/// forces had withdrawn") and causatives ("forced the army to withdraw") are no such verb.
fn is_past_verb(word: &str) -> bool {
    const NOT_VERBS: &[&str] = &[
        "allied",
        "armed",
        "combined",
        "unidentified",
        "unnamed",
        "embattled",
        "beleaguered",
        "exhausted",
        "united",
        "renamed",
        "so-called",
        "reported",
        "announced",
        "confirmed",
        "claimed",
        "stated",
        "added",
        "noted",
        "warned",
        "acknowledged",
        "alleged",
        "revealed",
        "indicated",
        "insisted",
        "explained",
        "emphasised",
        "emphasized",
        "stressed",
        "declared",
        "believed",
        "suspected",
        "accused",
        // Perception: "footage showed rebels entering Hama".
        "showed",
        "showing",
        "filmed",
        "pictured",
        "depicted",
        "depicting",
        // Causatives: "forced government troops to withdraw" (they withdrew).
        "forced",
        "forcing",
        "allowing",
        "prompting",
        "saying",
        // Nouns and prepositions in "-ing": "on Saturday morning rebels took".
        "morning",
        "evening",
        "during",
        "including",
        "according",
        "following",
        "ruling",
        "building",
        "compelled",
        "ordered",
        "allowed",
        "permitted",
        "prompted",
        "obliged",
    ];
    // "leaving local armed groups in control": a participle takes an object as well.
    let participle = word.len() > 4 && word.ends_with("ing");
    let past = word.len() > 3 && word.ends_with("ed") || IRREGULAR_PASTS.contains(&word);
    (past || participle)
        && word.bytes().all(|c| c.is_ascii_lowercase())
        && !NOT_VERBS.contains(&word)
}

/// Past tenses of verbs of fighting without "-ed" ("fought the army").
const IRREGULAR_PASTS: &[&str] = &["fought", "beat", "struck", "hit", "overcame", "overran"];

/// Is side `a` the object of one of `triggers` ("expelled regime forces", "drove the army
/// out of"), right after it?
pub(super) fn is_trigger_object(s: &str, triggers: &[Hit<Trigger>], a: &Hit<Faction>) -> bool {
    triggers
        .iter()
        .any(|t| t.end <= a.start && matches!(s[t.end..a.start].trim(), "" | "the" | "The"))
}

/// "was liberated", "were captured", "Suran, captured by rebels on Tuesday,": an active
/// capture verb used in the passive.
pub(super) fn is_passive_take(s: &str, t: &Hit<Trigger>) -> bool {
    // Only a participle makes a passive: "was captured", not "were in control of".
    if t.what != Trigger::Take {
        return false;
    }
    let verb = first_word(&s[t.start..t.end]);
    let reduced_relative =
        || s[..t.start].trim_end().ends_with(',') && s[t.end..].starts_with(" by ");
    is_participle(verb) && (after_passive_auxiliary(s, t.start) || reduced_relative())
}

/// A passive without its auxiliary, as headlines and timelines write it: "Hama captured
/// after government forces withdraw", "7 December: Daraa and Suwayda taken by local
/// groups". The clause so far (`head`, after a timeline's "date:") is names only, none
/// of them a side, and no object follows the participle ("Turkey captured Afrin" is
/// active).
pub(super) fn is_headline_passive(
    s: &str,
    head: Span,
    t: &Hit<Trigger>,
    actors: &[Hit<Faction>],
) -> bool {
    if t.what != Trigger::Take || !is_participle(first_word(&s[t.start..t.end])) {
        return false;
    }
    // Most clauses fail here: the word before the verb is a side or lowercase.
    let before = trim_end(&s[head.start..t.start]);
    if !is_name_word(last_word(before)) || actors.iter().any(|a| a.end == before.len() + head.start)
    {
        return false;
    }
    let from = head.start + before.rfind(':').map_or(0, |i| i + 1);
    let mut words = s[from..t.start].split([' ', ',']).filter(|w| !w.is_empty());
    let next = s[t.end..].trim_start();
    let next_word = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let no_object =
        !next.starts_with(|c: char| c.is_alphanumeric()) || ADVERBIAL_STARTS.contains(&next_word);
    words.all(|w| is_name_word(w) || matches!(w, "and" | "or"))
        && !actors.iter().any(|a| a.start < t.start && a.end > from)
        && no_object
}

/// What may follow a passive participle that has no object: an agent, a time, a cause.
const ADVERBIAL_STARTS: &[&str] = &[
    "by",
    "after",
    "on",
    "in",
    "as",
    "following",
    "amid",
    "late",
    "early",
    "overnight",
    "yesterday",
    "today",
    "at",
    "during",
    "before",
    "while",
    "from",
    "without",
    "within",
];

/// Can `w` be part of a place's name in a headline: a capitalised word or an attached
/// article ("al-Kubra"), but no plural noun ("Areas captured by the SDF: Tal Rifaat").
fn is_name_word(w: &str) -> bool {
    let plural_noun = || {
        let extra = [
            "cities",
            "regions",
            "districts",
            "sites",
            "territories",
            "places",
        ];
        let nouns = super::places::POSITION_NOUNS.iter().chain(&extra);
        nouns.into_iter().any(|n| n.eq_ignore_ascii_case(w))
    };
    let capital = w.starts_with(|c: char| c.is_uppercase()) && !plural_noun();
    capital || w.starts_with("al-") || w.starts_with("ad-")
}

/// Does a passive auxiliary stand before byte `at`, with up to two adverbs between ("was
/// taken", "was also taken", "had since been quickly retaken")?
fn after_passive_auxiliary(s: &str, mut at: usize) -> bool {
    const AUXILIARIES: &[&str] = &["was", "were", "been", "being", "is", "are"];
    for _ in 0..3 {
        if after_word(s, at, AUXILIARIES) {
            return true;
        }
        let before = trim_end(&s[..at]);
        let word = last_word(before);
        if !is_adverb(word) {
            return false;
        }
        at = before.len() - word.len();
    }
    false
}

/// Is `w` an adverb that may stand inside a verb ("also", "then", "quickly")?
fn is_adverb(w: &str) -> bool {
    let ly = w.len() > 4 && w.ends_with("ly");
    ly || [
        "also", "then", "since", "soon", "now", "already", "later", "again", "once",
    ]
    .iter()
    .any(|a| a.eq_ignore_ascii_case(w))
}

/// Is `verb` (a trigger's first word) a past participle ("captured", "taken", "overrun")?
fn is_participle(verb: &str) -> bool {
    verb.ends_with("ed") || verb.ends_with("en") || verb == "overrun"
}

/// "X, which retook", "factions that recently seized": `a` is the relative clause's subject.
/// `lower` is the ASCII-lowercased sentence.
fn heads_relative_clause(lower: &str, a: &Hit<Faction>, trigger_start: usize) -> bool {
    let between = &lower[a.end..trigger_start];
    // "Turkish-backed fighters, who took": past the side's member noun.
    let between = match between.trim_start().split_once([' ', ',']) {
        Some((noun, rest)) if MEMBER_NOUNS.contains(&noun) => rest,
        _ => between,
    };
    let between = between.trim_start_matches([',', ' ', ')']);
    ["that ", "which ", "who "]
        .iter()
        .any(|r| between.starts_with(r))
        && between.len() < 40
}

/// Does `before`, the sentence up to a side's name, end as a reporting tag opens (a
/// comma, then an article at most)?
fn is_attribution(before: &str) -> bool {
    // Byte-wise and looking back a few bytes only: asked of every side an article names.
    let b = before.as_bytes();
    // ", the " is the longest tail read: most names have no comma that near (one load
    // tells; a text shorter than that is read byte by byte).
    let comma_near = match crate::swar::load(b, b.len().saturating_sub(8)) {
        Some(tail) => crate::swar::equal(tail, b',') != 0,
        None => b.contains(&b','),
    };
    if !comma_near {
        return false;
    }
    let space_back = |mut i: usize| {
        while i > 0 && b[i - 1] == b' ' {
            i -= 1;
        }
        i
    };
    let mut end = space_back(b.len());
    // An article ("a", "an", "the") may stand between the comma and the name.
    let word = (end.saturating_sub(4)..end)
        .rev()
        .find(|&i| !b[i].is_ascii_alphabetic())
        .map_or(end.saturating_sub(4), |i| i + 1);
    if word > 0 && b[word - 1] == b' ' {
        let w = &b[word..end];
        if [&b"a"[..], b"an", b"the"]
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a))
        {
            end = space_back(word);
        }
    }
    end > 0 && b[end - 1] == b','
}

/// "Rebels took Hama, an army source said": a side named as the source of a report
/// tagged on after a clause, which takes no part in what it tells.
pub(super) fn is_source_tag(s: &str, a: &Hit<Faction>) -> bool {
    is_attribution(&s[..a.start]) && is_speaker(s, a)
}

/// "the rebels said", "X announced": the speaker of a quote.
/// "an HTS commander told", "the SDF's spokesman said": a member of the side may speak.
fn is_speaker(s: &str, a: &Hit<Faction>) -> bool {
    const MEMBERS: &[&str] = &[
        "commander",
        "commanders",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "official",
        "officials",
        "source",
        "sources",
        "fighter",
        "fighters",
        "leader",
        "statement",
        "media",
        "military",
        "field",
        "chief",
        "head",
    ];
    const VERBS: &[&str] = &["said", "say", "says", "announced", "stated", "told"];
    // "...," said HTS leader Abu Mohammed al-Jolani.
    if after_word(s, a.start, &["said", "says", "told"]) {
        return true;
    }
    // "the SDF said", "an HTS commander told", "SDF commander Mazloum Abdi said": the
    // side's member nouns and a name may come between.
    let rest = super::places::after_possessive(&s[a.end..]);
    let verb = rest
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(6)
        .find(|w| {
            let is_name = w.starts_with(|c: char| c.is_uppercase())
                || w.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("al-"));
            !(MEMBERS.iter().any(|m| m.eq_ignore_ascii_case(w)) || is_name)
        })
        .unwrap_or("");
    VERBS.iter().any(|v| verb.eq_ignore_ascii_case(v))
}

/// "a day after", "shortly before", "hours after": the preposition without the measure of
/// time before it (the words of `head` otherwise).
fn strip_time_measure(head: &str) -> &str {
    const MEASURE: &[&str] = &[
        "a",
        "an",
        "one",
        "two",
        "three",
        "four",
        "five",
        "few",
        "several",
        "day",
        "days",
        "hour",
        "hours",
        "week",
        "weeks",
        "minutes",
        "moments",
        "shortly",
        "soon",
        "just",
        "only",
        "immediately",
        "right",
        "barely",
    ];
    match head.rsplit_once(' ') {
        Some((measure, prep))
            if matches!(prep, "after" | "before" | "upon")
                && measure.split(' ').count() <= 3
                && measure.split(' ').all(|w| MEASURE.contains(&w)) =>
        {
            prep
        }
        _ => head,
    }
}

/// "After capturing Aleppo, rebels seized Hama", "Having taken Hama, the rebels...": a
/// participle that opens the sentence has the main clause's subject, after the comma.
fn fronted_subject(c: &Clause, actors: &[Hit<Faction>]) -> Option<(Faction, String, bool)> {
    let t = c.trigger;
    let verb = first_word(&c.lower[t.start..t.end]);
    let head = c.lower[..t.start].trim();
    let fronted = match strip_time_measure(head) {
        "" | "after" | "before" | "since" | "while" | "upon" | "by" => verb.ends_with("ing"),
        "having" | "after having" => true,
        _ => false,
    };
    if !fronted {
        return None;
    }
    let comma = t.end + c.lower[t.end..].find(',')?;
    actors
        .iter()
        .find(|a| a.start > comma && is_subject_position(c.s, a))
        .map(|a| named(c.s, a))
}

/// In "X and Y seized", the first conjunct X. A comma joins sides only in a list that an
/// "and" ends ("X, Y and Z seized"): in "After clashes with regime forces, rebels seized"
/// it ends a fronted phrase.
pub(super) fn first_conjunct(s: &str, actors: &[Hit<Faction>], mut k: usize) -> usize {
    let mut listed = false;
    while k > 0 {
        let gap = s[actors[k - 1].end..actors[k].start]
            .trim()
            .trim_start_matches(')')
            .trim();
        let gap = gap
            .trim_start_matches(|c: char| c == '(' || c.is_ascii_uppercase())
            .trim();
        if matches!(
            gap,
            "and" | "and other" | "and allied" | "and its allied" | "and their allied"
        ) || gap == "," && listed
        {
            listed = true;
            k -= 1;
        } else {
            break;
        }
    }
    k
}

fn named(s: &str, a: &Hit<Faction>) -> (Faction, String, bool) {
    (a.what, s[a.start..a.end].to_string(), true)
}

impl Extractor<'_> {
    /// Who gains and who loses; `None` when nobody can be named.
    pub(super) fn sides(&self, c: &Clause, passive: bool, st: &ArticleState) -> Option<Sides> {
        let t = c.trigger;
        let actors = c.actors;
        let agent = actors
            .iter()
            .find(|a| a.start >= t.end && a.start < c.end && !is_adjective_use(c.s, a));
        let from = self.loser_after_from(c, actors);
        let sides = |(f, actor, named): (Faction, String, bool), old| Sides {
            new: f,
            old,
            actor,
            named,
            subject_faction: f,
            new_guessed: false,
        };
        match t.what {
            Trigger::Lose | Trigger::Flee | Trigger::Handover | Trigger::LosePassive => {
                let (loser, actor, named) = if t.what == Trigger::LosePassive {
                    named(c.s, agent?)
                } else if is_nominal_loss(c.lower, &t) {
                    // "the withdrawal of regime forces from": the side after "of"; "the
                    // army reported the withdrawal of troops from": the subject's troops.
                    match agent.filter(|a| c.lower[t.end..a.start].trim() == "") {
                        Some(side) => named(c.s, side),
                        None if of_members(c.lower, &t) => self.subject(c, actors, st)?,
                        None => return None,
                    }
                } else {
                    self.subject(c, actors, st)?
                };
                let to = actors.iter().find(|a| {
                    a.what != loser && a.start > t.end && after_word(c.s, a.start, &["to"])
                });
                let other = actors
                    .iter()
                    .find(|a| a.what != loser && !is_adjective_use(c.s, a));
                let new = to.or(other).map(|a| a.what);
                Some(Sides::lost_by((loser, actor, named), new, st))
            }
            Trigger::Expel if after_word(c.s, t.start, &["was", "were", "been", "being"]) => {
                // "were driven out of Daraa": the subject lost it, to whoever the text names.
                let (loser, actor, named) = self.subject(c, actors, st)?;
                let new = agent.filter(|a| a.what != loser).map(|a| a.what);
                Some(Sides::lost_by((loser, actor, named), new, st))
            }
            Trigger::Expel => {
                // "drove regime forces out of Hama": the side after the verb lost it; with
                // none named ("pushed south from Idlib"), nobody was expelled.
                let loser = agent.map(|a| a.what).or(from)?;
                Some(sides(self.subject(c, actors, st)?, Some(loser)))
            }
            Trigger::Nominal if agent.is_some_and(|a| after_word(c.s, a.start, &["to", "by"])) => {
                // "the fall of Hama to the rebels", "the capture of Hama by rebels": the
                // side it fell to, or that took it.
                Some(sides(named(c.s, agent?), from))
            }
            Trigger::Fall if agent.is_none() => {
                // "Hama fell on Thursday": to the side attacking, never to the government
                // the article last named (it lost the place).
                let (f, actor) = st.last_attacker()?;
                Some(sides((f, actor, false), from))
            }
            _ if passive => {
                // "was liberated from the SDF by the SNA": the side after "by" took it.
                let by = side_after_word(c, actors, &["by"]);
                // "was cleansed of terrorists": the side named is the loser; the place goes
                // to the side the article sets against it.
                let agent = agent.filter(|a| Some(a.what) != from);
                if let (None, None, Some(loser)) = (by, agent, from) {
                    let named_loser = actors
                        .iter()
                        .find(|a| a.start >= t.end && a.what == loser)
                        .map(|a| named(c.s, a))?;
                    return Some(Sides::lost_by(named_loser, None, st));
                }
                // "back in rebel hands": the side named inside the phrase.
                let inside = || actors.iter().find(|a| a.start > t.start && a.end < t.end);
                let who = inside()
                    .or(by)
                    .or(agent)
                    .map(|a| named(c.s, a))
                    .or_else(|| self.subject(c, actors, st))?;
                Some(sides(who, from))
            }
            _ => {
                // "Areas captured by the opposition on Saturday: ...": a participle and its
                // agent, with no "was" before it.
                let verb = first_word(&c.lower[t.start..t.end]);
                let by_agent = agent.filter(|a| {
                    is_participle(verb) && matches!(c.lower[t.end..a.start].trim(), "by" | "by the")
                });
                match by_agent {
                    Some(a) => Some(sides(named(c.s, a), from)),
                    None => Some(sides(self.subject(c, actors, st)?, from)),
                }
            }
        }
    }

    /// The subject of an active trigger (see the module docs).
    fn subject(
        &self,
        c: &Clause,
        actors: &[Hit<Faction>],
        st: &ArticleState,
    ) -> Option<(Faction, String, bool)> {
        let t = c.trigger;
        let k = actors.iter().rposition(|a| {
            a.end <= t.start
                && (is_subject_position(c.s, a) || heads_relative_clause(c.lower, a, t.start))
                && !is_trigger_object(c.s, c.triggers, a)
        });
        // "an attack by Turkish-backed factions on Manbij, while the factions claimed they
        // had entered it": "the factions" are the side named with that noun before.
        if let Some(side) = definite_side(c, actors, k.map_or(c.start, |k| actors[k].end), st) {
            return Some(side);
        }
        // "X and Y took": X; but in "clashes between X and Y, who took", Y.
        let k = k.map(|k| {
            if heads_relative_clause(c.lower, &actors[k], t.start) {
                k
            } else {
                first_conjunct(c.s, actors, k)
            }
        });
        let pronoun = c
            .marks
            .iter()
            .rfind(|m| m.what.is(Mark::Pronoun) && m.end <= t.start)
            .copied();
        let context = |p: &Hit<Mark>| {
            let word = c.s[p.start..p.end].to_ascii_lowercase();
            if matches!(word.as_str(), "we" | "our forces") {
                // A quote: the side that "said" it.
                if let Some(a) = actors.iter().find(|a| is_speaker(c.s, a)) {
                    return Some(named(c.s, a));
                }
            }
            let rebel = p.what == Mark::RebelPronoun;
            let last = if rebel {
                st.last_attacker()
            } else {
                st.last_actor()
            };
            last.map(|(f, s)| (f, s, false))
        };
        // "Hezbollah fighters", "the army's troops": a pronoun-like noun right after the
        // side is that side's noun, not a pronoun standing for another.
        let own_noun = |k: usize, p: &Hit<Mark>| {
            matches!(c.s[actors[k].end..p.start].trim(), "" | "'s" | "’s")
        };
        match (k, pronoun) {
            (Some(k), Some(p)) if p.start > actors[k].end && !own_noun(k, &p) => {
                // "X said that they had taken": a side named earlier in the sentence.
                let earlier = actors[..=k]
                    .iter()
                    .rev()
                    .find(|a| is_subject_position(c.s, a));
                let fits = |a: &&Hit<Faction>| {
                    !(p.what == Mark::RebelPronoun && a.what == Faction::Government)
                };
                earlier
                    .filter(fits)
                    .map(|a| named(c.s, a))
                    .or_else(|| context(&p))
            }
            (Some(k), _) => Some(named(c.s, &actors[k])),
            (None, Some(p)) => context(&p),
            (None, None) => {
                fronted_subject(c, actors).or_else(|| st.last_actor().map(|(f, s)| (f, s, false)))
            }
        }
    }

    /// "took X from regime forces": the side after "from" ("cleared X of the SDF": "of").
    fn loser_after_from(&self, c: &Clause, actors: &[Hit<Faction>]) -> Option<Faction> {
        let t = c.trigger;
        let verb = &c.lower[t.start..t.end];
        let words: &[&str] = if ["cleared", "cleansed", "purged"]
            .iter()
            .any(|v| verb.starts_with(v))
        {
            &["from", "of"]
        } else {
            &["from"]
        };
        side_after_word(c, actors, words).map(|a| a.what)
    }
}

/// Nouns a side is named with and then referred back to: "Turkish-backed factions ...
/// the factions".
const BACK_REFERENCE_NOUNS: [&str; 5] = ["factions", "groups", "fighters", "militants", "militias"];

/// Which of [`BACK_REFERENCE_NOUNS`] side `a` is named with: the end of its name
/// ("Turkish-backed factions") or the word after it ("opposition fighters").
pub(super) fn back_reference_noun(s: &str, a: &Hit<Faction>) -> Option<usize> {
    let name = &s.as_bytes()[a.start..a.end];
    let next = s[a.end..].trim_start_matches(' ').as_bytes();
    let member = member_noun_before(s, a).unwrap_or("");
    BACK_REFERENCE_NOUNS.iter().position(|n| {
        if member.eq_ignore_ascii_case(n) {
            return true;
        }
        let n = n.as_bytes();
        let ends = name.len() >= n.len() && name[name.len() - n.len()..].eq_ignore_ascii_case(n);
        let follows = next.len() >= n.len()
            && next[..n.len()].eq_ignore_ascii_case(n)
            && !next.get(n.len()).is_some_and(|c| c.is_ascii_alphanumeric());
        ends || follows
    })
}

/// A definite noun in subject position after `from` and before the trigger ("while the
/// factions claimed"), read as the last side of the sentence named with that noun.
fn definite_side(
    c: &Clause,
    actors: &[Hit<Faction>],
    from: usize,
    st: &ArticleState,
) -> Option<(Faction, String, bool)> {
    let t = c.trigger;
    // The article's word table, not a substring search: this runs for every trigger.
    let mut the_at = None;
    let mut found = None;
    for (a, b) in c.word_spans_within(from, t.start) {
        let word = &c.lower[a..b];
        if let Some(at) = the_at {
            if let Some(i) = BACK_REFERENCE_NOUNS.iter().position(|n| *n == word) {
                found = Some((at, b, i));
            }
        }
        the_at = (word == "the").then_some(a);
    }
    let (at, end, noun) = found?;
    let probe = Hit {
        start: at,
        end,
        what: Faction::Unknown,
    };
    if !is_subject_position(c.s, &probe) || is_trigger_object(c.s, c.triggers, &probe) {
        return None;
    }
    // Named so earlier in the sentence, else in an earlier one.
    // As with a pronoun, the actor is the side as first written.
    actors
        .iter()
        .rev()
        .filter(|a| a.end <= at)
        .find(|a| back_reference_noun(c.s, a) == Some(noun))
        .map(|a| (a.what, c.s[a.start..a.end].to_string()))
        .or_else(|| {
            // Only now read back through the article: such nouns are rare.
            let start = st.sentences[st.index].span.start;
            st.actors
                .iter()
                .rev()
                .filter(|a| a.end <= start)
                .find(|a| back_reference_noun(st.text, a) == Some(noun))
                .map(|a| (a.what, st.text[a.start..a.end].to_string()))
        })
        .map(|(f, text)| (f, text, false))
}

/// "the withdrawal of troops": a loss of a side's members, the side not named there.
fn of_members(lower: &str, t: &Hit<Trigger>) -> bool {
    let next = lower[t.end..]
        .trim_start()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    MEMBER_NOUNS.contains(&next)
}

/// "the withdrawal of", "the retreat of": a loss written as a noun whose loser follows.
fn is_nominal_loss(lower: &str, t: &Hit<Trigger>) -> bool {
    t.what == Trigger::Lose && lower[t.start..t.end].ends_with(" of") && {
        let noun = &lower[t.start..t.end - " of".len()];
        matches!(noun, "withdrawal" | "retreat" | "pullout")
    }
}

/// The first side named after the clause's trigger right after one of `words` ("by the
/// SNA", "from regime forces").
fn side_after_word<'a>(
    c: &Clause,
    actors: &'a [Hit<Faction>],
    words: &[&str],
) -> Option<&'a Hit<Faction>> {
    actors
        .iter()
        .find(|a| a.start >= c.trigger.end && a.start < c.end && after_word(c.s, a.start, words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_word_reads_back_over_letters_of_any_script() {
        for (s, want) in [
            ("forces of", "of"),
            ("held by", "by"),
            ("", ""),
            ("x, ", ""),
            ("near Ḥamāh", "Ḥamāh"),
            ("الجيش", "الجيش"),
            ("Assad’s", "s"),
        ] {
            assert_eq!(last_word(s), want, "{s:?}");
        }
    }

    #[test]
    fn attribution_tags_open_with_a_comma_and_an_article_at_most() {
        for (before, want) in [
            ("Rebels took Hama, ", true),
            ("Rebels took Hama, an ", true),
            ("Rebels took Hama,  The ", true),
            ("Rebels took Hama, a", true),
            ("Rebels took Hama, then ", false),
            ("Rebels took Hama with the ", false),
            ("Rebels took Hama,a ", false),
            ("the ", false),
            ("", false),
            ("é, ", true),
        ] {
            assert_eq!(is_attribution(before), want, "{before:?}");
        }
    }

    #[test]
    fn after_word_skips_the_article_and_trailing_space() {
        let s = "fighters from the SDF, units of The army, held by  the regime, the SDF";
        let at = |w: &str| s.find(w).unwrap();
        assert!(after_word(s, at("SDF"), &["from"]));
        assert!(after_word(s, at("army"), &["of"]));
        // Two spaces before "the": the word before it is no longer the one asked about.
        assert!(!after_word(s, at("regime"), &["by"]));
        assert!(!after_word(s, s.rfind("SDF").unwrap(), &["regime"]));
        let odd_space = "x then\u{a0}\u{b} SDF";
        assert!(after_word(
            odd_space,
            odd_space.find("SDF").unwrap(),
            &["then"]
        ));
        assert!(after_word("the SDF", 4, &["the"])); // no word before "the": it stays

        // Scare quotes: "had been \"liberated\"" is a passive.
        for s in ["had been \"liberated\"", "had been “liberated”"] {
            let at = s.find("liberated").unwrap();
            assert!(after_word(s, at, &["been"]), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn trim_end_agrees_with_str_trim_end(s in "[a-z \t\n\x0B\x0C\r\u{85}\u{a0}\u{2003}é]{0,12}") {
            proptest::prop_assert_eq!(trim_end(&s), s.trim_end());
        }
    }
}
