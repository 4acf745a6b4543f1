//! Which places a trigger is about.
//!
//! Takes a clause and the place mentions of its sentence and gives the object places:
//! the mentions after an active trigger (before a passive one) whose role is "object".
//! The role comes from the last deciding preposition between the trigger (or the last
//! comma) and the place: "in", "near", "towards", "to", "at", "between", ... make it a
//! container or a direction; "including", "across", "over" make it an object; "of" is
//! transparent ("most of the center of Aleppo") unless a direction or region word comes
//! before it ("west of Aleppo", "the countryside of Idlib"); "from" is an object only for
//! withdrawals. A list ("Tibas, Rezuz and Qasr al-Hayr") shares the role of its first
//! member. Site nouns turn a town into its site ("the airport in Damascus", "Sasa prison")
//! when the gazetteer has one.

use super::lexicon::{Mark, Trigger};
use super::{find_word, ArticleState, Clause, Extraction, Extractor, Unresolved};
use crate::gazetteer::matcher::{
    is_list_gap, is_list_gap_through_names, names_part_before, TOWN_PART_NOUNS,
};
use crate::gazetteer::Mention;
use crate::model::{PlaceKind, Span};
use crate::text::Sentence;

/// How a text names a governorate's capital by its role.
const PROVINCIAL_CENTRES: [&str; 3] = [
    "provincial center",
    "provincial centre",
    "provincial capital",
];

/// One object place of a clause.
#[derive(Debug, Clone, Copy)]
pub(super) struct Object {
    pub place: u32,
    pub span: Span,
    pub partial: bool,
}

/// Prepositions that make the place after them context, not an object (asked of every
/// word of every gap, hence a `match`).
fn is_context_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "near"
            | "outside"
            | "towards"
            | "toward"
            | "to"
            | "at"
            | "between"
            | "around"
            | "via"
            | "through"
            | "beyond"
            | "against"
            | "inside"
            | "within"
            | "into"
            | "from"
            | "across"
            | "including"
            | "over"
            | "like"
            | "of"
            | "amid"
            | "by"
            | "for"
            // "as the rebels advanced on Homs": a direction.
            | "on"
            // "a hill overlooking Hama", "villages bordering Turkey": a landmark.
            | "overlooking"
            | "overlooks"
            | "bordering"
            | "facing"
            | "surrounding"
            // "took dozens of towns since capturing Aleppo, including ...": the aside's.
            | "since"
    )
}
/// Words before "of" that make the place a reference point, not the object.
const REFERENCE_NOUNS: &[&str] = &[
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
    "borders",
    "edge",
    "governor",
    "people",
    "residents",
    "heart",
    "front",
];
/// Words before "of" that make the gain partial.
const PARTIAL_NOUNS: &[&str] = &[
    "outskirts",
    "suburbs",
    "parts",
    "part",
    "neighbourhoods",
    "neighborhoods",
    "areas",
    "edges",
    "percent",
    "side",
    "half",
    "section",
    "sections",
];
/// The longest site noun `rest` starts with ("international airport" over "airport").
fn site_noun_at(rest: &str) -> Option<&'static str> {
    let first = *rest.as_bytes().first()?;
    SITE_NOUNS
        .iter()
        .copied()
        // The first byte rules out most nouns without a string compare.
        .filter(|n| n.as_bytes()[0] == first && rest.starts_with(n))
        .max_by_key(|n| n.len())
}

/// What a side withdraws from "in X".
/// Do the gap words (last first) name military positions not the subject's own ("army
/// positions", "positions vacated by the army"; not "its positions")?
fn takes_others_positions<'a>(mut words: impl Iterator<Item = &'a str>) -> bool {
    while let Some(w) = words.next() {
        if MILITARY_POSITION_NOUNS.contains(&w) {
            return !matches!(words.next(), Some("its" | "their" | "his" | "our"));
        }
    }
    false
}

/// The military part of [`POSITION_NOUNS`]: taken, they are a foothold in the place, not
/// the place (villages or areas "in Hama" may be the province's).
const MILITARY_POSITION_NOUNS: &[&str] = &["positions", "posts", "points", "barracks", "bases"];

/// Plural nouns of places and positions ("villages", "positions"): what a side takes "in
/// X" or withdraws from.
pub(super) const POSITION_NOUNS: &[&str] = &[
    "positions",
    "bases",
    "areas",
    "settlements",
    "villages",
    "neighbourhoods",
    "neighborhoods",
    "posts",
    "points",
    "barracks",
    "towns",
];
/// Site nouns: "X airport", "the airport in X", "the military academy".
const SITE_NOUNS: &[&str] = &[
    "international airport",
    "military airport",
    "airport",
    "airbase",
    "air base",
    "military academy",
    "central prison",
    "prison",
    "citadel",
    "dam",
    "oil field",
    "gas field",
    "border crossing",
    "crossing",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Object { partial: bool },
    Context,
}

/// Is `c` part of a word of a gap ("50%" is one word)?
fn is_gap_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '%'
}

/// The words of a gap ([`is_gap_word_char`] runs), last first. Read byte-wise from the
/// end: the role of most places is decided by the word right before them.
#[derive(Clone)]
struct GapWordsBack<'a> {
    gap: &'a str,
    end: usize,
}

impl GapWordsBack<'_> {
    /// Where the char ending at byte `i` starts, and whether it is a word char.
    fn char_before(&self, i: usize) -> (usize, bool) {
        let c = self.gap.as_bytes()[i - 1];
        if c.is_ascii() {
            return (i - 1, c.is_ascii_alphanumeric() || c == b'%');
        }
        let ch = self.gap[..i].chars().next_back().expect("a char ends here");
        (i - ch.len_utf8(), is_gap_word_char(ch))
    }

    /// Moves back from `i` over chars that are (`word`) or are not word chars.
    fn back_over(&self, mut i: usize, word: bool) -> usize {
        while i > 0 {
            let (start, is_word) = self.char_before(i);
            if is_word != word {
                break;
            }
            i = start;
        }
        i
    }
}

impl<'a> Iterator for GapWordsBack<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let end = self.back_over(self.end, false);
        let start = self.back_over(end, true);
        self.end = start;
        (start < end).then(|| &self.gap[start..end])
    }
}

fn gap_words_back(gap: &str) -> GapWordsBack<'_> {
    GapWordsBack {
        gap,
        end: gap.len(),
    }
}

/// The role a place gets from the words between `anchor` and it (`gap`, which the caller
/// has ASCII-lowercased): the nearest telling word before the place decides.
/// Words after which the next names are the ends of a road or a line ("the highway
/// linking Amman and Damascus", "the road connecting Homs to Hama").
const ROUTE_WORDS: &[&str] = &[
    "linking",
    "connecting",
    "connects",
    "links",
    "linked",
    "between",
];

/// Is the name after `gap` an end of a route ([`ROUTE_WORDS`])? Its pair ("and B") is too.
fn opens_route(gap: &str) -> bool {
    gap_words_back(gap.rsplit(',').next().unwrap_or(gap))
        .take(3)
        .any(|w| ROUTE_WORDS.contains(&w))
}

fn role_from_gap(gap: &str, trigger: Trigger) -> Role {
    let gap = gap.rsplit(',').next().unwrap_or(gap);
    let lose = matches!(
        trigger,
        Trigger::Lose | Trigger::Flee | Trigger::LosePassive | Trigger::Handover
    );
    let expel = trigger == Trigger::Expel;
    let mut partial = gap.contains('%') && gap_words_back(gap).any(|w| w.ends_with('%'));
    // From the place back to the anchor; `before` yields the words before `w`.
    let mut before = gap_words_back(gap).peekable();
    while let Some(w) = before.next() {
        let prev = before.peek().copied().unwrap_or("");
        match w {
            "of" if REFERENCE_NOUNS.contains(&prev) => return Role::Context,
            // "the city centre in Hama": the centre of that place.
            "in" if matches!(prev, "centre" | "center" | "downtown") => {
                return Role::Object { partial }
            }
            "of" if PARTIAL_NOUNS.contains(&prev) => partial = true,
            "of" => {}
            // "the highway linking Amman and Damascus": a route's ends, not places taken.
            w if ROUTE_WORDS.contains(&w) => return Role::Context,
            "including" | "across" | "over" | "like" => return Role::Object { partial },
            // "along with surrounding areas such as Al-Sukhnah": examples of the object.
            "as" if prev == "such" => return Role::Object { partial },
            // "took Hama on Monday, followed by Homs a day later": the next in a sequence.
            "by" if prev == "followed" => return Role::Object { partial },
            "into" if trigger == Trigger::Enter => return Role::Object { partial: true },
            // "pushed HTS away from Hama" names where they were kept from, not a place left.
            // "evacuated its diplomats from Damascus": people left, not the place.
            "from" if lose && before.clone().any(is_non_combatant) => return Role::Context,
            "from" if (lose || expel) && prev != "away" => return Role::Object { partial },
            // Withdrawing from "positions in X" leaves X; "towards Syria in Damascus" does not.
            "in" | "around" if lose && before.clone().any(|w| POSITION_NOUNS.contains(&w)) => {
                return Role::Object { partial }
            }
            // Taking "positions vacated by the army in X" is a foothold in X ("secured its
            // positions in X" holds what it had).
            "in" | "around" if !lose && takes_others_positions(before.clone()) => {
                return Role::Object { partial: true }
            }
            w if is_context_preposition(w) => return Role::Context,
            "rural" => return Role::Context,
            // "By Saturday Homs had fallen": a preposition before a day governs the day.
            w if super::dates::is_calendar_word(w) => return Role::Object { partial },
            _ => {}
        }
    }
    Role::Object { partial }
}

/// "Aleppo's countryside", "Aleppo-Hama direction": the name qualifies something else.
/// `lower` is the ASCII-lowercased sentence.
fn is_qualifier(lower: &str, m: &Mention) -> bool {
    qualifies_next(&lower[m.span.end..])
}

/// Does `rest`, the lowercase text right after a name, make the name a qualifier?
fn qualifies_next(rest: &str) -> bool {
    if rest.starts_with('-') {
        return true;
    }
    // Within the next 28 chars: "rural" right after the name (and its "'s"), or a word
    // starting "countryside" among its next three ("Aleppo's western countryside").
    let near = match rest.get(..28) {
        Some(head) if head.is_ascii() => head,
        _ => rest
            .char_indices()
            .nth(28)
            .map_or(rest, |(i, _)| &rest[..i]),
    };
    let lower = after_possessive(near).trim_start();
    if lower.starts_with("rural") {
        return true;
    }
    if lower.starts_with("and its ") {
        return false; // "Salamiyah and its countryside": the town, and more
    }
    if lower.is_ascii() {
        qualifies_next_ascii(lower)
    } else {
        qualifies_next_chars(lower)
    }
}

/// The rest of [`qualifies_next`], char-wise: `lower` is the text after the name and its
/// possessive.
fn qualifies_next_chars(lower: &str) -> bool {
    // "the Aleppo-Damascus highway", "the Hama front": a road or a front, not the town;
    // "Hama's governor", "Aleppo's water supply": its people and services.
    let next_word = lower.split(|c: char| !c.is_alphanumeric()).next();
    if next_word.is_some_and(is_road_noun) {
        return true;
    }
    // The next two words, before any punctuation ("the Idlib police chief"; not "Hama,
    // residents said").
    let mut words = lower.split(' ');
    let first = words.next().unwrap_or("");
    let whole = |w: &str| w.bytes().all(|c| c.is_ascii_alphanumeric());
    let mut second = || words.next().filter(|w| whole(w)).unwrap_or("");
    if whole(first) && (is_owned_noun(first) || is_owned_noun(second())) {
        return true;
    }
    // "... key Hama towns." : the noun may end the clause.
    let ending = first.trim_end_matches(['.', ',', ';', ':']);
    if ending.len() < first.len() && !ending.is_empty() && is_owned_noun(ending) {
        return true;
    }
    lower
        .split_whitespace()
        .take(3)
        .any(|w| w.starts_with("countryside"))
}

/// The rest of [`qualifies_next`] for ASCII text (`lower`, after the possessive),
/// byte-wise: asked of every place named in a clause.
fn qualifies_next_ascii(lower: &str) -> bool {
    let b = lower.as_bytes();
    let end_from = |from: usize, stop: fn(&u8) -> bool| {
        b[from..]
            .iter()
            .position(stop)
            .map_or(b.len(), |i| from + i)
    };
    let next_word = end_from(0, |c| !c.is_ascii_alphanumeric());
    if is_road_noun(&lower[..next_word]) {
        return true;
    }
    // The first two space-separated words; the second counts only if all letters and
    // digits (which every owned noun is).
    let first_end = end_from(0, |&c| c == b' ');
    let first = &lower[..first_end];
    if next_word == first_end {
        let second = match first_end < b.len() {
            true => &lower[first_end + 1..end_from(first_end + 1, |&c| c == b' ')],
            false => "",
        };
        if is_owned_noun(first) || is_owned_noun(second) {
            return true;
        }
    }
    let ending = first.trim_end_matches(['.', ',', ';', ':']);
    if ending.len() < first.len() && !ending.is_empty() && is_owned_noun(ending) {
        return true;
    }
    b.split(|&c| crate::text::is_space_byte(c))
        .filter(|w| !w.is_empty())
        .take(3)
        .any(|w| w.starts_with(b"countryside"))
}

/// One row of `data/lexicon/descriptions.csv`.
#[derive(Debug, serde::Deserialize)]
pub(super) struct Description {
    /// Lowercase, straight apostrophes.
    pub phrase: String,
    /// Gazetteer id of the place it names.
    pub place: String,
}

/// Damascus, which "the capital" names unless "of" another place follows.
const DAMASCUS: &str = "gn:170654";

/// The bundled descriptions, each also with a curly apostrophe where it has a straight one.
pub(super) fn descriptions() -> &'static [Description] {
    static ROWS: std::sync::OnceLock<Vec<Description>> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| {
        let text = include_str!("../../data/lexicon/descriptions.csv");
        let mut rdr = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(text.as_bytes());
        let mut rows: Vec<Description> = rdr.deserialize().filter_map(Result::ok).collect();
        let curly: Vec<Description> = rows
            .iter()
            .filter(|d| d.phrase.contains('\''))
            .map(|d| Description {
                phrase: d.phrase.replace('\'', "\u{2019}"),
                place: d.place.clone(),
            })
            .collect();
        rows.extend(curly);
        rows
    })
}

/// The bundled non-combatant nouns (`data/lexicon/non-combatants.txt`).
const NON_COMBATANTS_TXT: &str = include_str!("../../data/lexicon/non-combatants.txt");

/// Is `w` a noun of people whose leaving a place changes no control ("diplomats")?
fn is_non_combatant(w: &str) -> bool {
    static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| list_entries(NON_COMBATANTS_TXT).collect())
        .contains(&w)
}

/// The entries of a one-entry-a-line list file (blank lines and `#` comments skipped).
fn list_entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The bundled name heads (`data/lexicon/name-heads.txt`).
const NAME_HEADS_TXT: &str = include_str!("../../data/lexicon/name-heads.txt");

fn name_heads() -> &'static [String] {
    static HEADS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    HEADS.get_or_init(|| list_entries(NAME_HEADS_TXT).map(str::to_string).collect())
}

/// "Tal Melh", "Bab al-Nairab": a match of a name's first word alone (a name head, see
/// `data/lexicon/name-heads.txt`) with a capitalised word or an attached article and a
/// capital right after it is the start of a longer name the gazetteer lacks. A calendar
/// word after it is no part of a name ("took al-Bab Thursday").
fn is_truncated_name(s: &str, span: Span) -> bool {
    let name = s[span.start..span.end].to_ascii_lowercase();
    let bare = ["al-", "el-", "al ", "el "]
        .iter()
        .find_map(|a| name.strip_prefix(a))
        .unwrap_or(&name);
    if !name_heads().iter().any(|h| h == bare) {
        return false;
    }
    let rest = &s[span.end..];
    let Some(rest) = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('-')) else {
        return false;
    };
    let lower = rest.to_ascii_lowercase();
    let rest = ["al-", "el-", "as-", "ad-", "ar-", "ash-", "az-", "at-"]
        .iter()
        .find(|a| lower.starts_with(*a))
        .map_or(rest, |a| &rest[a.len()..]);
    let next: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    next.chars().next().is_some_and(char::is_uppercase)
        && !super::dates::is_calendar_word(&next.to_lowercase())
}

/// Does `rest` (the lowercase text after the last name of a list) start with the plural
/// noun the list's names share ("Souran and Morek villages")?
fn is_plural_head(rest: &str) -> bool {
    const PLURALS: &[&str] = &["villages", "towns", "cities", "settlements", "districts"];
    let rest = rest.trim_start();
    PLURALS.iter().any(|n| {
        rest.strip_prefix(n)
            .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// What a name before it only qualifies: roads and fronts named after the towns they
/// lead to or face.
fn is_road_noun(w: &str) -> bool {
    matches!(
        w,
        "highway"
            | "highways"
            | "road"
            | "roads"
            | "motorway"
            | "route"
            | "axis"
            | "front"
            | "fronts"
            | "frontline"
            | "direction"
            | "corridor"
    )
}

/// People and services of a town: taking "Hama's governor" or restoring "Aleppo's water
/// supply" is not taking the town.
fn is_owned_noun(w: &str) -> bool {
    matches!(
        w,
        "governor"
            | "mayor"
            | "residents"
            | "sources"
            | "activists"
            | "media"
            | "people"
            | "population"
            | "inhabitants"
            | "civilians"
            | "officials"
            | "chief"
            | "commander"
            | "commanders"
            | "water"
            | "electricity"
            | "power"
            | "economy"
            // "key Hama towns": towns of the province, not its capital.
            | "towns"
            | "villages"
            // "the local Suwayda 24 network": an outlet named after the town.
            | "network"
            | "news"
            | "tv"
            | "radio"
    )
}

/// Nouns for a part of a town beyond [`TOWN_PART_NOUNS`]: "Hama's outskirts" (but not
/// "the Bab Qibli outskirts": these have no names of their own).
const PART_NOUNS: &[&str] = &[
    "outskirts",
    "suburbs",
    "suburb",
    "parts",
    "edges",
    "periphery",
    "approaches",
];

/// Does `rest`, the lowercase text right after a name, make the name the owner of a part
/// ("'s outskirts", "' southern suburbs", "'s Salaheddine district"): a possessive, then a
/// part noun among its next three words?
fn names_part_of(rest: &str) -> bool {
    let Some(after) = ["'s ", "’s ", "' ", "’ "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    else {
        return false;
    };
    after
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .take_while(|w| !w.is_empty())
        .take(3)
        .any(|w| PART_NOUNS.contains(&w) || TOWN_PART_NOUNS.contains(&w))
}

/// Does `rest`, the lowercase text after a place's name, make the name the qualifier of a
/// building ("the Suwayda governorate building", "the Aleppo police headquarters")?
/// Taking one is taking part of the town (of the governorate's capital).
fn names_building_in(rest: &str) -> bool {
    const OWNERS: &[&str] = &[
        "governorate",
        "province",
        "police",
        "security",
        "municipality",
        "municipal",
        "city",
    ];
    const BUILDINGS: &[&str] = &[
        "building",
        "buildings",
        "headquarters",
        "hq",
        "palace",
        "offices",
        "compound",
        "serail",
    ];
    let (first, rest) = leading_word(rest);
    BUILDINGS.contains(&first)
        || OWNERS.contains(&first) && BUILDINGS.contains(&leading_word(rest).0)
}

/// `s` without the first of `suffixes` it ends with.
pub(super) fn strip_any_suffix<'s>(s: &'s str, suffixes: &[&str]) -> &'s str {
    suffixes.iter().find_map(|w| s.strip_suffix(w)).unwrap_or(s)
}

/// The ASCII word `s` starts with (after spaces), and what follows it.
fn leading_word(s: &str) -> (&str, &str) {
    let b = s.as_bytes();
    let start = b.iter().take_while(|&&c| c == b' ').count();
    let end = start
        + b[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
    (&s[start..end], &s[end..])
}

/// Is what stands `p` bytes after the trigger of `c` an object (judged by the words
/// between)?
fn is_object_after_trigger(c: &Clause, p: usize) -> bool {
    let t = c.trigger;
    matches!(
        role_from_gap(&c.lower[t.end..t.end + p], t.what),
        Role::Object { .. }
    )
}

/// Does `s` begin with `phrase` as whole words?
fn starts_with_word(s: &str, phrase: &str) -> bool {
    s.strip_prefix(phrase)
        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

/// `s` after the possessive it starts with, if any: the text after a name ("'s western
/// countryside", "' southern suburbs", "’s spokesman").
pub(super) fn after_possessive(s: &str) -> &str {
    ["'s", "\u{2019}s", "'", "\u{2019}"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s)
}

/// The site noun right after a mention ("Sasa Prison", "al-Shahbaa dam"), if any.
/// `lower` is the ASCII-lowercased sentence.
/// A possessive between ("Hama's military airport") is read over. Gives the noun and
/// where it ends.
fn site_noun_after(lower: &str, m: &Mention) -> Option<(&'static str, usize)> {
    let rest = after_possessive(&lower[m.span.end..]).trim_start();
    let start = lower.len() - rest.len();
    site_noun_at(rest)
        .filter(|n| !rest[n.len()..].starts_with(|c: char| c.is_alphanumeric()))
        .map(|n| (n, start + n.len()))
}

/// The site noun right before a mention ("the airport in Damascus", "the airbase at
/// Kuweires") and where the noun
/// starts, if any. `lower` is the ASCII-lowercased sentence.
fn site_noun_before(lower: &str, m: &Mention) -> Option<(&'static str, usize)> {
    let lower = lower[..m.span.start].trim_end();
    let lower = ["in", "of", "near", "at"]
        .iter()
        .find_map(|p| lower.strip_suffix(p))
        .map(str::trim_end)?;
    let noun = SITE_NOUNS.iter().copied().find(|n| lower.ends_with(n))?;
    Some((noun, lower.len() - noun.len()))
}

impl Extractor<'_> {
    /// The town a place stands for when a building there is meant: a governorate's
    /// capital, else the place itself.
    fn town_of(&self, place: u32) -> u32 {
        let p = self.gaz.place(place);
        match p.kind {
            PlaceKind::Governorate => self.gaz.capital(&p.governorate).unwrap_or(place),
            _ => place,
        }
    }

    /// The place names of sentence `s`, each name shared by several places ("Hader" in
    /// Aleppo and in Quneitra) read as the one nearest the sentence's other places, else
    /// nearest the place the article told of last.
    pub(super) fn place_mentions(&self, s: &str, st: &ArticleState) -> Vec<Mention> {
        let mut found = self.gaz.find(s);
        // The name a truncated head starts goes on through any name right after it
        // ("Bab al-Nairab" is no "al-Nairab" either).
        let mut head_end: Option<usize> = None;
        found.retain(|m| {
            let continues = head_end.is_some_and(|e| {
                s[e..m.span.start].len() <= 1
                    && s[e..m.span.start].trim_matches(['-', ' ']).is_empty()
            });
            if continues || is_truncated_name(s, m.span) {
                head_end = Some(m.span.end);
                return false;
            }
            head_end = None;
            true
        });
        // Names whose place is clear: the anchors of the others.
        let clear: Vec<(usize, u32)> = found
            .iter()
            .enumerate()
            .filter(|(_, o)| rivals(o) == 1)
            .map(|(j, o)| (j, o.place()))
            .collect();
        for (i, m) in found.iter_mut().enumerate() {
            if m.candidates.len() < 2 {
                continue;
            }
            let n = rivals(m);
            let mut anchors: Vec<u32> = clear
                .iter()
                .filter(|&&(j, _)| j != i)
                .map(|&(_, p)| p)
                .collect();
            let in_sentence = !anchors.is_empty();
            // One clear candidate and nothing nearby to weigh a namesake against.
            if n < 2 && (!in_sentence || self.is_city(m.place())) {
                continue;
            }
            if anchors.is_empty() {
                anchors.extend(st.previous_object.or_else(|| self.previous_place(st)));
            }
            let nearest = |p: u32| {
                anchors
                    .iter()
                    .map(|&a| self.km(a, p))
                    .fold(f64::INFINITY, f64::min)
            };
            let best = (0..n)
                .min_by(|&a, &b| {
                    let (pa, pb) = (m.candidates[a].place, m.candidates[b].place);
                    nearest(pa).total_cmp(&nearest(pb))
                })
                .unwrap_or(0);
            let best = if in_sentence && !self.is_city(m.candidates[best].place) {
                namesake_nearby(m, best, &nearest)
            } else {
                best
            };
            if best != 0 && !anchors.is_empty() {
                let mut ranked = m.candidates.to_vec();
                let chosen = ranked.remove(best);
                ranked.insert(0, chosen);
                m.candidates = ranked.into();
            }
        }
        found
    }

    fn is_city(&self, p: u32) -> bool {
        matches!(
            self.gaz.place(p).kind,
            crate::model::PlaceKind::City | crate::model::PlaceKind::Governorate
        )
    }

    /// Distance in km between two places (for coherence checks).
    fn km(&self, a: u32, b: u32) -> f64 {
        self.gaz.distance_km(a, b)
    }

    /// A mention followed by a site noun (`noun_after`) the gazetteer lacks ("al-Shahbaa
    /// dam") names the site, not the town, when the town lies far from every other place of
    /// the sentence.
    fn is_misread_site(&self, noun_after: Option<&str>, m: &Mention, mentions: &[Mention]) -> bool {
        noun_after.is_some()
            && mentions
                .iter()
                .any(|o| o.span != m.span && self.km(o.place(), m.place()) > 100.0)
    }

    /// The object places of a clause, in order.
    /// "Aleppo fell on Nov. 30, Hama on Dec. 5 and Homs on Dec. 7": after a passive change
    /// and its date, places listed each with a day of their own took the same change (the
    /// verb is left out, not repeated).
    pub(super) fn gapped_objects(&self, c: &Clause, mentions: &[Mention]) -> Vec<Object> {
        let t = c.trigger;
        let first = c.dates.iter().find(|d| d.start >= t.end && d.end <= c.end);
        let Some(first) = first.filter(|d| !c.lower[t.end..d.start].contains(',')) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut end = first.end;
        for m in mentions.iter().filter(|m| m.span.end <= c.end) {
            if m.span.start < end {
                continue;
            }
            let gap = &c.s[end..m.span.start];
            let Some(date) = c.own_date(m.span).filter(|_| !gap.trim().is_empty()) else {
                break;
            };
            if !is_list_gap(gap) {
                break;
            }
            out.push(Object {
                place: m.place(),
                span: m.span,
                partial: false,
            });
            end = date.end;
        }
        out
    }

    pub(super) fn objects(&self, c: &Clause, mentions: &[Mention], passive: bool) -> Vec<Object> {
        let t = c.trigger;
        let (a, b) = if passive {
            (c.start, t.start)
        } else {
            (t.end, c.end)
        };
        let mut out: Vec<Object> = Vec::new();
        let mut prev: Option<(Span, Option<bool>)> = None; // (span, accepted partial)
                                                           // Inside "linking A and B": the state of the list before the route, which a
                                                           // member after ", and" goes back to ("..., the highway linking A and B, and C").
        let mut outer: Option<Option<bool>> = None;
        for m in mentions
            .iter()
            .filter(|m| m.span.start >= a && m.span.end <= b)
        {
            // "the Damascus government", "the Deir ez-Zor Military Council": a place in a
            // side's name names the side, not a place taken.
            if c.actors
                .iter()
                .any(|h| h.start <= m.span.start && m.span.end <= h.end)
            {
                prev = Some((m.span, None));
                continue;
            }
            if piece_of_part_name(c.s, m.span) {
                prev = Some((m.span, None));
                continue;
            }
            // A list goes on through members the gazetteer lacks ("A, Palau, B").
            let listed = prev.filter(|(p, _)| {
                let gap = &c.s[p.end..m.span.start];
                is_list_gap(gap) || is_list_gap_through_names(gap)
            });
            let gap_before = &c.lower[prev.map_or(a, |(p, _)| p.end.max(a))..m.span.start];
            if opens_route(gap_before) {
                // A route's first end: context, and the list before it waits.
                if outer.is_none() {
                    outer = Some(prev.and_then(|(_, acc)| acc));
                }
                prev = Some((m.span, None));
                continue;
            }
            // The route's pair is "A and B"; a member after a comma is the outer list's.
            let listed = match (listed, outer) {
                (Some((p, _)), Some(state)) if gap_before.contains(',') => {
                    outer = None;
                    Some((p, state))
                }
                _ => listed,
            };
            // "the fall of Homs would cut Damascus off": a noun's object is its own list.
            if t.what == Trigger::Nominal && !out.is_empty() && listed.is_none() {
                break;
            }
            let anchor = prev.map_or(a, |(p, _)| p.end.max(a));
            let mut place = m.place();
            let mut span = m.span;
            let name = &c.s[m.span.start..m.span.end];
            let site_before = site_noun_before(c.lower, m)
                .filter(|&(_, at)| listed.is_none() && at >= anchor)
                .and_then(|(noun, at)| Some((self.gaz.site(name, noun)?, at)));
            let role = if let Some((site, at)) = site_before {
                place = site;
                role_from_gap(&c.lower[anchor..at], t.what)
            } else if is_qualifier(c.lower, m)
                && !(listed.is_some() && is_plural_head(&c.lower[m.span.end..]))
            {
                // Even in a list: "took Rastan, as well as the Homs countryside"; but in
                // "Souran and Morek villages" the noun is the whole list's.
                Role::Context
            } else if let Some((_, accepted)) = listed {
                accepted.map_or(Role::Context, |partial| Role::Object { partial })
            } else {
                role_from_gap(&c.lower[anchor..m.span.start], t.what)
            };
            let noun_after = site_noun_after(c.lower, m);
            if let Some((noun, noun_end)) = noun_after {
                if let Some(site) = self.gaz.site(&c.s[m.span.start..m.span.end], noun) {
                    place = site;
                    span = Span::new(m.span.start, noun_end);
                }
            }
            // "the Homs military academy" when the gazetteer has no such site: a site in
            // the town, so a part of it.
            let building = names_building_in(&c.lower[m.span.end..])
                || (noun_after.is_some() && place == m.place());
            if building || names_capital_of(&c.lower[..m.span.start]) {
                place = self.town_of(place);
            }
            let misread =
                place == m.place() && self.is_misread_site(noun_after.map(|n| n.0), m, mentions);
            let accepted = match role {
                Role::Object { partial } if !misread => {
                    let partial = partial
                        || names_part_of(&c.lower[m.span.end..])
                        || names_part_before(&c.s[..m.span.start])
                        || building
                        || (!passive && c.has(Mark::Partial, a.min(m.span.start), m.span.start));
                    out.push(Object {
                        place,
                        span,
                        partial,
                    });
                    Some(partial)
                }
                _ => None,
            };
            prev = Some((m.span, accepted));
        }
        out
    }

    /// Sites a clause names by noun only ("and the military academy", "the airport"):
    /// the site of that kind in the capital of the governorate the sentence is about.
    pub(super) fn implied_sites(
        &self,
        c: &Clause,
        mentions: &[Mention],
        st: &ArticleState,
    ) -> Vec<Object> {
        let t = c.trigger;
        let region = &c.lower[t.end..c.end];
        // "the <site noun>", from the word "the" on.
        let the_nouns = c.word_spans_within(t.end, c.end).filter_map(|(a, b)| {
            if &c.lower[a..b] != "the" {
                return None;
            }
            let noun = site_noun_at(c.lower[b..c.end].strip_prefix(' ')?)?;
            Some((a - t.end, "the ".len() + noun.len(), noun))
        });
        for (p, len, noun) in the_nouns {
            let whole = region[p + len..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            // "the airport in/of/near/at X": X's own site, read with X.
            let next_word = region[p + len..].split_whitespace().next().unwrap_or("");
            let followed_by_place = matches!(next_word, "in" | "of" | "near" | "at");
            if !whole || !is_object_after_trigger(c, p) || followed_by_place {
                continue;
            }
            // Only now look for the governorate the sentence is about: it may scan back.
            let city = self.context_capital(c, mentions, st);
            if let Some(site) = city.and_then(|c| self.gaz.site(&self.gaz.place(c).name, noun)) {
                return vec![Object {
                    place: site,
                    span: Span::new(t.end + p, t.end + p + len),
                    partial: false,
                }];
            }
        }
        Vec::new()
    }

    /// "withdrew from most of Daraa province, including the provincial capital": the
    /// capital of a governorate among the `objects`, named by its role after it.
    pub(super) fn listed_provincial_capital(
        &self,
        c: &Clause,
        objects: &[Object],
    ) -> Option<Object> {
        let is_province = |o: &&Object| self.gaz.place(o.place).kind == PlaceKind::Governorate;
        // Most clauses name no province: no search then.
        objects.iter().find(is_province)?;
        let t = c.trigger;
        let region = &c.lower[t.end..c.end];
        let (p, phrase) = PROVINCIAL_CENTRES
            .iter()
            .find_map(|phrase| Some((find_word(region, phrase)?, phrase)))?;
        let at = t.end + p;
        let province = objects
            .iter()
            .rev()
            .filter(is_province)
            .find(|o| o.span.end <= at)?;
        let capital = self
            .gaz
            .capital(&self.gaz.place(province.place).governorate)?;
        Some(Object {
            place: capital,
            span: Span::new(at, at + phrase.len()),
            partial: false,
        })
    }

    /// The capital of the governorate the sentence is about ([`Self::context_place`]).
    fn context_capital(&self, c: &Clause, mentions: &[Mention], st: &ArticleState) -> Option<u32> {
        let place = self.context_place(c, mentions, st)?;
        self.gaz.capital(&self.gaz.place(place).governorate)
    }

    /// The place a sentence is about so far: the last place named before the trigger,
    /// else the last place of the article.
    fn context_place(&self, c: &Clause, mentions: &[Mention], st: &ArticleState) -> Option<u32> {
        mentions
            .iter()
            .rev()
            .find(|m| m.span.end <= c.trigger.start)
            .map(|m| m.place())
            .or_else(|| self.previous_place(st))
    }

    /// Places a clause names without a name: "the provincial center" (the capital of the
    /// governorate named before), "the capital" (Damascus), "the city" / "the area" (the
    /// last place taken, else the last place named before the trigger).
    pub(super) fn implied(
        &self,
        c: &Clause,
        mentions: &[Mention],
        st: &ArticleState,
        passive: bool,
    ) -> Vec<Object> {
        let t = c.trigger;
        let region = &c.lower[t.end..c.end];
        let at = |p: usize, phrase: &str| {
            is_object_after_trigger(c, p).then(|| Span::new(t.end + p, t.end + p + phrase.len()))
        };
        // Most regions name none of these: one walk over the words says which to look for.
        let (mut provincial, mut city, mut capital) = (false, false, false);
        for w in c.words_within(t.end, c.end) {
            match w {
                "provincial" => provincial = true,
                "city" => city = true,
                "capital" => capital = true,
                _ => {}
            }
        }
        let centres = PROVINCIAL_CENTRES.iter().map(|&p| (p, provincial));
        for (phrase, named) in centres.chain([("city center", city), ("city centre", city)]) {
            let found = named.then(|| find_word(region, phrase)).flatten();
            let Some(span) = found.and_then(|p| at(p, phrase)) else {
                continue;
            };
            if let Some(cap) = self.context_capital(c, mentions, st) {
                return vec![Object {
                    place: cap,
                    span,
                    partial: false,
                }];
            }
        }
        // "the capital", "Syria's second-largest city": a description of one place
        // (`data/lexicon/descriptions.csv`). Every listed phrase ends in "capital" or "city".
        let capital = (capital || city)
            .then(|| {
                descriptions()
                    .iter()
                    .filter_map(|d| Some((find_word(region, &d.phrase)?, d)))
                    .min_by_key(|(p, d)| (*p, std::cmp::Reverse(d.phrase.len())))
            })
            .flatten()
            .filter(|_| !region.contains("provincial capital"));
        // "the capital of that province", "the capital of Daraa": a provincial capital, the
        // one of the governorate the text is about; never Damascus by default.
        let of_another = capital.is_some_and(|(p, d)| {
            d.place == DAMASCUS
                && region[p + d.phrase.len()..]
                    .strip_prefix(" of ")
                    .is_some_and(|rest| {
                        !rest.starts_with("syria") && !rest.starts_with("the country")
                    })
        });
        if let Some((span, d)) = capital.and_then(|(p, d)| Some((at(p, &d.phrase)?, d))) {
            if of_another {
                return self
                    .context_capital(c, mentions, st)
                    .map(|place| Object {
                        place,
                        span,
                        partial: false,
                    })
                    .into_iter()
                    .collect();
            }
            if let Some(place) = self.gaz.by_id(&d.place) {
                return vec![Object {
                    place,
                    span,
                    partial: false,
                }];
            }
        }
        // "Suran, which rebels had captured on Tuesday": the relative pronoun is the object.
        if let Some(m) = relative_object(c, mentions).filter(|_| !passive) {
            return vec![Object {
                place: m.place(),
                span: m.span,
                partial: false,
            }];
        }
        // "took the city" after the trigger; "the city fell" before a passive one; "before
        // government forces recaptured it".
        // "the province": the governorate of the place meant ("took Maarat al-Numan ...
        // the complete capture of the province").
        const NOUNS: [&str; 7] = [
            "the area",
            "the town",
            "the city",
            "the district",
            "the province",
            "the governorate",
            "it",
        ];
        let lead = region.trim_start();
        let before = c.lower[c.start..t.start].trim_end();
        // "the city was back in rebel hands": the noun before the copula and its adverb.
        let before = strip_any_suffix(before, &[" back", " now", " firmly", " already", " again"]);
        let before = strip_any_suffix(before, &[" was", " is", " were", " are"]);
        let noun = if passive {
            NOUNS
                .into_iter()
                .find(|p| {
                    before.ends_with(p)
                        && !before[..before.len() - p.len()]
                            .ends_with(|c: char| c.is_alphanumeric())
                })
                .map(|p| (p, c.start + before.len() - p.len()))
        } else {
            let noun_at = |lead: &str| {
                NOUNS
                    .into_iter()
                    .find(|p| starts_with_word(lead, p))
                    .or_else(|| described_anaphor(lead))
                    .map(|p| (p, t.end + region.len() - lead.len()))
            };
            // A loss names its place after "from": "the withdrawal of the army from the city".
            let after_from = || {
                let mut words = c.word_spans_within(t.end, c.end);
                let (_, end) = words.find(|&(a, b)| matches!(&c.lower[a..b], "from" | "of"))?;
                Some(c.lower[end..c.end].trim_start())
            };
            noun_at(lead).or_else(|| {
                matches!(t.what, Trigger::Lose | Trigger::Expel)
                    .then(after_from)
                    .flatten()
                    .and_then(noun_at)
            })
        };
        if let Some((noun, noun_start)) = noun {
            let named_before = mentions.iter().rev().find(|m| {
                m.span.end <= t.start
                    && self.gaz.place(m.place()).kind != PlaceKind::Governorate
                    && !is_qualifier(c.lower, m)
            });
            let place = st.last_object.or(named_before.map(|m| m.place()));
            let province = matches!(noun, "the province" | "the governorate");
            let as_meant = |p: u32| match province {
                true => self
                    .gaz
                    .governorate(&self.gaz.place(p).governorate)
                    .unwrap_or(p),
                false => p,
            };
            if let Some(place) = place.or_else(|| self.earlier_place(st)).map(as_meant) {
                let span =
                    named_before.map_or(Span::new(noun_start, noun_start + noun.len()), |m| m.span);
                return vec![Object {
                    place,
                    span,
                    partial: false,
                }];
            }
        }
        Vec::new()
    }

    /// The place "the city" stands for when its own sentence names none: the last place
    /// the previous sentence of the paragraph told of a change of, else the one place it
    /// names ("Fighting raged around Raqqa. On Friday the SDF took the town.").
    fn earlier_place(&self, st: &ArticleState) -> Option<u32> {
        let i = st.index.checked_sub(1)?;
        let heading = || is_heading(&st.text[st.sentences[i].span.start..st.sentences[i].span.end]);
        // Across a paragraph break only from a heading ("30 November - Aleppo's capture"
        // over the paragraph that tells of it).
        if st.sentences[i].paragraph != st.sentences[st.index].paragraph && !heading() {
            return None;
        }
        if st.previous_object.is_some() {
            return st.previous_object;
        }
        let span = st.sentences[i].span;
        match self.gaz.find(&st.text[span.start..span.end]).as_slice() {
            [m] if !self.gaz.place(m.place()).kind.is_admin_area() => Some(m.place()),
            _ => None,
        }
    }

    /// Capitalised names in a clause's object region that no place or actor covers.
    pub(super) fn note_unresolved(
        &self,
        c: &Clause,
        mentions: &[Mention],
        sent: Sentence,
        out: &mut Extraction,
    ) {
        let t = c.trigger;
        if t.what.places_before() {
            return;
        }
        for (a, b) in capitalised_runs(&c.s[t.end..c.end]) {
            let (a, b) = (t.end + a, t.end + b);
            // A named part ("the Bab Qibli district") is covered only by a place of its
            // whole name: places within it are pieces of the name.
            let overlaps = mentions.iter().any(|m| m.span.start < b && a < m.span.end);
            let covered = overlaps
                && (!part_noun_follows(c.s, b)
                    || mentions
                        .iter()
                        .any(|m| m.span.start <= a && b <= m.span.end))
                || c.actors.iter().any(|h| h.start < b && a < h.end);
            // Unresolved names are in text order: only this sentence's can repeat.
            let known = out
                .unresolved
                .iter()
                .rev()
                .take_while(|u| u.span.start >= sent.span.start)
                .any(|u| u.span == Span::new(sent.span.start + a, sent.span.start + b));
            // "..., said Hassan Abdul Ghani": a speaker, not a place.
            let before = c.lower[..a].trim_end();
            let speaker = ["said", "says", "told", "according to"].iter().any(|w| {
                before
                    .strip_suffix(w)
                    .is_some_and(|h| !h.ends_with(char::is_alphanumeric))
            });
            if !covered && !known && !speaker && !is_common_capitalised(&c.s[a..b]) {
                out.unresolved.push(Unresolved {
                    text: c.s[a..b].to_string(),
                    span: Span::new(sent.span.start + a, sent.span.start + b),
                    sentence: sent.span,
                });
            }
        }
    }
}

/// The place an object relative pronoun stands for: "Suran, which rebels had captured"
/// (the place right before ", which", the trigger in the relative clause).
fn relative_object<'m>(c: &Clause, mentions: &'m [Mention]) -> Option<&'m Mention> {
    let head = &c.lower[..c.trigger.start];
    // The clause's last comma must open the relative clause: a later one closes it.
    let which = memchr::memrchr(b',', head.as_bytes())?;
    if !head[which..].starts_with(", which ") {
        return None;
    }
    mentions
        .iter()
        .rev()
        .find(|m| m.span.end <= which)
        .filter(|m| c.lower[m.span.end..which].split_whitespace().count() <= 1)
}

/// How many of a mention's best candidates differ only by size (same spelling match and
/// kind fit): the places the name may equally be.
/// Is `sentence` a heading: a line of at most twelve words without a final stop
/// ("30 November - Aleppo's capture", "Assad's forces on the retreat")?
pub(super) fn is_heading(sentence: &str) -> bool {
    let line = sentence.trim();
    !line.is_empty()
        && !line.ends_with(['.', '!', '?', '"', '”', ':', ','])
        && line.split_whitespace().count() <= 12
}

/// "the strategically located city", "the central town": a definite description of a
/// place the text has named, with up to three lowercase modifiers before its head noun.
/// Gives the phrase as [`implied`](Extractor::implied) keys it ("the city", ...). Not
/// when a name follows ("the central city of Hama" names Hama itself) or a modifier is a
/// word that starts another phrase ("the city and", "the town of").
pub(super) fn described_anaphor(lead: &str) -> Option<&'static str> {
    const HEADS: [(&str, &str); 4] = [
        ("city", "the city"),
        ("town", "the town"),
        ("area", "the area"),
        ("district", "the district"),
    ];
    let rest = lead.strip_prefix("the ")?;
    let words: Vec<&str> = rest.split(' ').take(5).collect();
    for (k, w) in words.iter().enumerate().skip(1).take(3) {
        let word = w.trim_end_matches([',', '.', ';', ':']);
        if let Some(&(_, phrase)) = HEADS.iter().find(|(h, _)| *h == word) {
            let modifiers = &words[..k];
            let plain = modifiers.iter().all(|m| {
                !m.is_empty()
                    && m.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    && !matches!(
                        *m,
                        "of" | "and" | "or" | "in" | "to" | "from" | "with" | "its" | "their"
                    )
            });
            let named_after = words.get(k + 1) == Some(&"of") && word == *w;
            return (plain && !named_after).then_some(phrase);
        }
    }
    None
}

/// How far the best-spelled place of a name may be from everything else the text names
/// before a namesake near them is what it means.
const FAR_KM: f64 = 100.0;
/// How near that namesake must be.
const NEAR_KM: f64 = 30.0;

/// Candidate `best` of `m` (a town or smaller: a city is what a reader takes its name
/// for), or, when it lies over [`FAR_KM`] from every other place of the sentence
/// (`nearest` gives the distance) and a namesake of any score lies within [`NEAR_KM`] of
/// one of them, that namesake: in a list of villages of Hama, "Sheikh Hadid" is the Hama village,
/// not the better-spelled town near Afrin. Counter-case: with no namesake near, the best
/// match stays, however far from the rest (a report that names Daraa and Qamishli).
fn namesake_nearby(m: &Mention, best: usize, nearest: &impl Fn(u32) -> f64) -> usize {
    if nearest(m.candidates[best].place) <= FAR_KM {
        return best;
    }
    (0..m.candidates.len())
        .map(|k| (nearest(m.candidates[k].place), k))
        .filter(|(d, _)| *d <= NEAR_KM)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map_or(best, |(_, k)| k)
}

fn rivals(m: &Mention) -> usize {
    /// Below any difference of spelling or kind fit; above any of population.
    const SIZE_ONLY: f64 = 0.15;
    if m.candidates.len() < 2 {
        return m.candidates.len(); // most names: no need to read the candidates
    }
    let top = m.candidates[0].score;
    m.candidates
        .iter()
        .take_while(|c| top - c.score < SIZE_ONLY)
        .count()
}

/// Is the word right after byte `end` of `s` a [`TOWN_PART_NOUNS`] noun?
fn part_noun_follows(s: &str, end: usize) -> bool {
    let word = leading_word(&s[end..]).0;
    !word.is_empty() && TOWN_PART_NOUNS.iter().any(|n| word.eq_ignore_ascii_case(n))
}

/// Is the place at `span` of `s` only a piece of a longer capitalised name of a town's
/// part? "Bab" (al-Bab) and "Qibli" in "the Bab Qibli district of Hama".
fn piece_of_part_name(s: &str, span: Span) -> bool {
    // A possessive ("Damascus' Barzeh district") ends a name: the part is the next one's.
    let is_name_word = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase())
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && !w.ends_with(['\'', '’'])
            && !w.ends_with("'s")
            && !w.ends_with("’s")
    };
    // Most places are followed by neither a name word nor a part noun: one look settles
    // them (a piece of a longer name has one of the two right after it).
    let next_word = s[span.end..].strip_prefix(' ').map_or("", |a| {
        &a[..a.find([' ', ',', '.', ';']).unwrap_or(a.len())]
    });
    if !is_name_word(next_word) && !part_noun_follows(s, span.end) {
        return false;
    }
    let mut start = span.start;
    while let Some(before) = s[..start].strip_suffix(' ') {
        let word_start = before.rfind(' ').map_or(0, |i| i + 1);
        if !is_name_word(&before[word_start..]) || word_start == 0 {
            break; // the sentence's first word is capitalised whatever it is
        }
        start = word_start;
    }
    let mut end = span.end;
    while !part_noun_follows(s, end) {
        let Some(after) = s[end..].strip_prefix(' ') else {
            break;
        };
        let len = after.find([' ', ',', '.', ';']).unwrap_or(after.len());
        if !is_name_word(&after[..len]) {
            break;
        }
        end += 1 + len;
    }
    (start, end) != (span.start, span.end) && part_noun_follows(s, end)
}

/// "the administrative center of Idlib province", "the capital of Hama province": the text
/// before a governorate (`before`, lowercase) names its capital.
fn names_capital_of(before: &str) -> bool {
    let before = before.trim_end();
    [
        "administrative center of",
        "administrative centre of",
        "capital of",
    ]
    .iter()
    .any(|p| before.ends_with(p))
}

/// Runs of capitalised words (names) in `s`, as byte ranges; lowercase articles inside a
/// run ("Qasr al-Hayr") are kept, punctuation ends it. Words end at whitespace, `,`, `.`
/// and `;`; a run ends at a word that is neither capitalised nor an article, and after
/// `,`, `.` or `;`.
fn capitalised_runs(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    let mut pos = 0;
    while pos < s.len() {
        // Outside a run only a capitalised word matters: skip to the next one.
        if run.is_none() {
            match next_capitalised_word(s, pos) {
                Some(p) => pos = p,
                None => break,
            }
        }
        let start = pos;
        let (word_end, next, punctuation) = next_word(s, pos);
        pos = next;
        let word = &s[start..word_end];
        let cap = word.chars().next().is_some_and(char::is_uppercase);
        let joiner = run.is_some()
            && (matches!(word, "al" | "el" | "ad" | "as" | "ash" | "az" | "ar")
                || word.starts_with("al-"));
        if cap || joiner {
            let a = run.map_or(start, |r| r.0);
            run = Some((a, word_end));
        } else if let Some(r) = run.take() {
            out.push(r);
        }
        if punctuation {
            out.extend(run.take());
        }
    }
    out.extend(run);
    out
}

/// The first word start at or after byte `from` of `s` (after a delimiter of
/// [`next_word`], or at `from` itself) whose byte may begin a capital: an ASCII capital or
/// a non-ASCII char. Lowercase text is skipped sixteen bytes at a time.
fn next_capitalised_word(s: &str, from: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut pos = from;
    loop {
        let p = crate::gazetteer::matcher::next_name_start(b, pos)?;
        let word_start = p == from
            || match b[p - 1] {
                b',' | b'.' | b';' => true,
                c if c < 0x80 => crate::text::is_space_byte(c),
                _ => s[..p].chars().next_back().is_some_and(char::is_whitespace),
            };
        if word_start && b[p] != b'-' {
            return Some(p);
        }
        pos = p + 1;
        while !s.is_char_boundary(pos) {
            pos += 1;
        }
    }
}

/// From byte `pos` of `s`: where the word ends, where the next one starts (after one
/// delimiter), and whether that delimiter was `,`, `.` or `;`.
fn next_word(s: &str, pos: usize) -> (usize, usize, bool) {
    let b = s.as_bytes();
    let mut i = pos;
    while i < b.len() {
        match b[i] {
            b',' | b'.' | b';' => return (i, i + 1, true),
            c if crate::text::is_space_byte(c) => return (i, i + 1, false),
            c if c >= 0x80 => {
                let ch = s[i..].chars().next().expect("a char starts here");
                if ch.is_whitespace() {
                    return (i, i + ch.len_utf8(), false);
                }
                i += ch.len_utf8();
            }
            _ => i += 1,
        }
    }
    (i, i, false)
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
    "It",
    "This",
    "In",
    "On",
    "He",
    "She",
    "They",
    "We",
    "Observatory",
    "Human",
    "Rights",
    "Britain",
    "Great",
    "Times",
    "York",
    "New",
    "River",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Reuters",
    "AFP",
    "Anadolu",
    "Agency",
    "News",
    "Press",
    // Broadcasters and agencies quoted as sources ("the Al Arabiya TV channel reported").
    "Jazeera",
    "Arabiya",
    "Mayadeen",
    "Asharq",
    "Awsat",
    "SANA",
    "TASS",
    "Tasnim",
    "IRNA",
    "Sputnik",
    "Interfax",
    "Xinhua",
    "Rudaw",
    "Kurdistan24",
    "ANHA",
    "Enab",
    "Baladi",
    "BBC",
    "CNN",
    "Channel",
    "Television",
    // Think tanks and monitors ("the Institute for the Study of War (ISW) reported").
    "Institute",
    "Study",
    "War",
    "ISW",
    "Kyiv",
    "Independent",
    // Institutions ("the Syrian Defense Ministry", "the General Command").
    "Ministry",
    "Defense",
    "Defence",
    "Interior",
    "Foreign",
    "General",
    "Command",
    "Council",
];

/// [`COMMON_CAPITALISED`] as a set: asked of every word of every capitalised run of a
/// trigger sentence, and a hundred compares a word cost more than one hash.
fn common_capitalised() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| COMMON_CAPITALISED.iter().copied().collect());
    &SET
}

fn is_common_capitalised(name: &str) -> bool {
    // "Kurdish-majority", "Russian-made": an adjective, its tail a lowercase word (names
    // capitalise theirs: "Deir ez-Zor", "al-Bab" at a sentence's start).
    let adjective = !name.contains(char::is_whitespace)
        && name.rsplit_once('-').is_some_and(|(_, tail)| {
            tail.len() >= 3 && tail.bytes().all(|c| c.is_ascii_lowercase())
        });
    adjective
        || name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 3)
            .all(|w| {
                common_capitalised().contains(w)
                    || super::dates::is_calendar_word(w)
                    // Only a word with a digit can be a date of its own ("30th").
                    || w.starts_with(|c: char| c.is_ascii_digit())
                        && super::dates::find_dates(w, None)
                            .iter()
                            .any(|d| d.year_only.is_none())
            })
}

#[cfg(test)]
mod tests {
    #[test]
    fn name_heads_are_lowercase_and_listed_once() {
        let heads = super::name_heads();
        assert!(heads.len() > 10);
        for (k, h) in heads.iter().enumerate() {
            assert_eq!(h, &h.to_lowercase(), "{h}");
            assert!(!heads[..k].contains(h), "{h} twice");
        }
    }

    use super::*;

    #[test]
    fn roles_from_prepositions() {
        let obj = Role::Object { partial: false };
        let cases: &[(&str, Trigger, Role)] = &[
            (" control of most of the center of ", Trigger::Take, obj),
            // A preposition before a day governs the day, not the place.
            ("by saturday ", Trigger::TakePassive, obj),
            (" on saturday the town of ", Trigger::Take, obj),
            (" on december 5 near ", Trigger::Take, Role::Context),
            (
                " some settlements in the strategically important province of ",
                Trigger::Take,
                Role::Context,
            ),
            (
                " dozens of villages from the regime forces, including the villages of ",
                Trigger::Take,
                obj,
            ),
            (" 10 km west of ", Trigger::Take, Role::Context),
            (" their positions in ", Trigger::Lose, obj),
            // Positions taken are a foothold; villages "in" a name may be the province's.
            (
                " over positions vacated by the army in ",
                Trigger::Take,
                Role::Object { partial: true },
            ),
            (" several villages in ", Trigger::Take, Role::Context),
            (
                " the southern suburbs of ",
                Trigger::Enter,
                Role::Object { partial: true },
            ),
            (" the capital, ", Trigger::Take, obj),
            (
                " advancing closer to the capital ",
                Trigger::Take,
                Role::Context,
            ),
        ];
        for &(gap, t, want) in cases {
            assert_eq!(role_from_gap(gap, t), want, "{gap:?}");
        }
    }

    #[test]
    fn list_gaps() {
        for g in [", ", " and ", ", and ", " as well as ", ", and the "] {
            assert!(is_list_gap(g), "{g:?}");
        }
        assert!(!is_list_gap(" near "));
    }

    proptest::proptest! {
        #[test]
        fn gap_words_back_are_the_gap_words_reversed(gap in "[a-z0-9%,. \u{a0}é’ا-]{0,30}") {
            let mut want: Vec<&str> = gap
                .split(|c| !is_gap_word_char(c))
                .filter(|w| !w.is_empty())
                .collect();
            want.reverse();
            proptest::prop_assert_eq!(gap_words_back(&gap).collect::<Vec<_>>(), want);
        }
    }

    proptest::proptest! {
        #[test]
        fn qualifiers_ascii_path_agrees_with_the_char_path(
            lower in crate::extract::text_of(&[
                "highway", "highways ", "front", "governor", "police ", "chief", "chief.",
                "town", "towns,", "residents ", " ", "\t", "-", ",", ".", ";", "hama ",
                "countryside", "western ", "the ", "al-", "1",
            ], 8),
        ) {
            proptest::prop_assume!(lower.is_ascii());
            proptest::prop_assert_eq!(qualifies_next_ascii(&lower), qualifies_next_chars(&lower));
        }
    }

    /// [`qualifies_next`] as first written, char-wise throughout.
    fn qualifies_next_char_wise(rest: &str) -> bool {
        if rest.starts_with('-') {
            return true;
        }
        let near = rest
            .char_indices()
            .nth(28)
            .map_or(rest, |(i, _)| &rest[..i]);
        let lower = after_possessive(near).trim_start();
        if lower.starts_with("and its ") {
            return false;
        }
        [
            "countryside",
            "rural",
            "western countryside",
            "eastern countryside",
            "northern countryside",
            "southern countryside",
        ]
        .iter()
        .any(|w| lower.starts_with(w))
            || lower
                .split_whitespace()
                .take(3)
                .any(|w| w.starts_with("countryside"))
    }

    proptest::proptest! {
        #[test]
        fn qualifiers_read_byte_wise_as_char_wise(
            rest in crate::extract::text_of(&[
                "'s ", "’s ", "s ", "-", " ", "\u{b}", "\u{a0}", "\u{2003}", "é", "western ",
                "countryside", "countrysides ", "rural ", "of ", "the ", "aleppo ",
                "province ", ",", "and ", "its ",
            ], 12),
        ) {
            proptest::prop_assert_eq!(qualifies_next(&rest), qualifies_next_char_wise(&rest));
        }
    }

    #[test]
    fn qualifiers() {
        for (rest, want) in [
            ("'s countryside", true),
            ("’s western countryside", true),
            (" rural areas", true),
            ("-Hama road", true),
            ("'s western\u{b}countryside", true), // a vertical tab is whitespace
            ("'s western\u{a0}countryside", true),
            (" and its western countryside", false), // the fourth word
            (" and its countryside", false),         // the town and its countryside
            (" and then on to the far countryside", false), // beyond 28 chars
            (" province", false),
            (" countrysides", true),
        ] {
            assert_eq!(qualifies_next(&rest.to_lowercase()), want, "{rest:?}");
            assert_eq!(
                qualifies_next_char_wise(&rest.to_lowercase()),
                want,
                "{rest:?}"
            );
        }
    }

    #[test]
    fn calendar_words_and_common_words_are_not_unresolved_places() {
        for name in [
            "Nov",
            "Sept",
            "Thursday",
            "December",
            "The Syrian",
            "Dec. 5",
        ] {
            assert!(is_common_capitalised(name), "{name}");
        }
        for name in ["Novi", "Marj", "Deir Hafer", "Mar Elias"] {
            assert!(!is_common_capitalised(name), "{name}");
        }
    }

    /// [`capitalised_runs`] word by word, without skipping ahead: what the skip must
    /// agree with.
    fn capitalised_runs_word_by_word(s: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut run: Option<(usize, usize)> = None;
        let mut pos = 0;
        while pos < s.len() {
            let start = pos;
            let (word_end, next, punctuation) = next_word(s, pos);
            pos = next;
            let word = &s[start..word_end];
            let cap = word.chars().next().is_some_and(char::is_uppercase);
            let joiner = run.is_some()
                && (matches!(word, "al" | "el" | "ad" | "as" | "ash" | "az" | "ar")
                    || word.starts_with("al-"));
            if cap || joiner {
                run = Some((run.map_or(start, |r| r.0), word_end));
            } else if let Some(r) = run.take() {
                out.push(r);
            }
            if punctuation {
                out.extend(run.take());
            }
        }
        out.extend(run);
        out
    }

    proptest::proptest! {
        #[test]
        fn skipping_to_capitals_finds_the_same_runs(
            s in "[a-zA-Z ,.;()\t\\-\u{a0}\u{1E24}\u{2019}\u{2014}é]{0,40}"
        ) {
            proptest::prop_assert_eq!(capitalised_runs(&s), capitalised_runs_word_by_word(&s));
        }
    }

    #[test]
    fn capitalised_runs_keep_articles_inside_names() {
        let s = "the Tibas, Rezuz and Qasr al-Hayr settlements";
        let runs: Vec<&str> = capitalised_runs(s)
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect();
        assert_eq!(runs, ["Tibas", "Rezuz", "Qasr al-Hayr"]);
        // Non-ASCII capitals and spaces, a run ended by a full stop, one by a lowercase word.
        let s = "took \u{1E24}ama\u{a0}City and  Ma\u{2019}arrat as Sham. Then Deir ez-Zor";
        let runs: Vec<&str> = capitalised_runs(s)
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect();
        assert_eq!(
            runs,
            [
                "\u{1E24}ama\u{a0}City",
                "Ma\u{2019}arrat as Sham",
                "Then Deir" // "ez-" is no article the run keeps
            ]
        );
    }
}
