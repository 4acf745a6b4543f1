//! Which names of register-only places the text confirms as places.
//!
//! Takes the names the matcher found in one text (spans, cues and hits) and gives the same
//! names with the hits of places that need a cue ([`Place::needs_cue`](super::Place::needs_cue))
//! kept only where the text gives one; a name left without hits is dropped.
//!
//! A register village shares its name with words and people ("Hayat Tahrir al-Sham",
//! "Rami Abdel Rahman", "Now Deir ez-Zor is..."), so such a name counts as a place only
//!
//! - with a kind noun: "the village of Hayalin", "the Shaar neighbourhood";
//! - after a word that gives it a place role (`data/lexicon/place-role-words.txt`):
//!   "fighting in Hawar", "rebels entered Anjara";
//! - or listed with a confirmed place within [`LIST_KM`] of it: "Hawar, Anjara and Urum
//!   al-Sughra" (a list names places of one front, so a hamlet of that name across the
//!   country is not what it means);
//!
//! and never as part of a longer capitalised name: a capitalised word right after it
//! ("Hayat Tahrir"), or a capitalised word right before it that does not open its sentence
//! ("Abdel Rahman", "Mount Gurab"). The same holds for any place matched only by sound
//! ("General Oleksandr Chaiko" is no Shaqqa). A name with a prominent place among its hits is a
//! place; its register namesakes stay among the candidates, ranked after it, for context
//! to choose ("Sheikh Hadid" in a list of Hama villages).

use super::matcher::{is_list_gap, is_list_gap_through_names, Cue, TOWN_PART_NOUNS};
use std::ops::Range;
use std::sync::OnceLock;

/// The bundled place-role words.
const ROLE_WORDS_TXT: &str = include_str!("../../data/lexicon/place-role-words.txt");

/// Kind nouns after a name that make it a place ("Hawar village", "the Shaar quarter").
const KIND_NOUNS_AFTER: &[&str] = &["village", "villages", "town", "towns", "countryside"];

/// How far a register place may be from the confirmed list member that confirms it.
pub const LIST_KM: f64 = 50.0;

/// One name found in a text, as [`confirm`] reads it.
pub(super) struct Named<'a> {
    pub span: crate::model::Span,
    pub cue: Cue,
    pub hits: &'a mut Range<usize>,
}

/// The words of [`ROLE_WORDS_TXT`], parsed once.
pub fn role_words() -> &'static rustc_hash::FxHashSet<&'static str> {
    static WORDS: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        ROLE_WORDS_TXT
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Confirmed,
    Pending,
    Rejected,
}

/// Keeps, in `names`, the hits the text confirms (see the module docs); returns, per
/// name, whether it keeps any. `hits` is the matcher's buffer the ranges point into.
pub(super) fn confirm(
    text: &str,
    names: &mut [Named<'_>],
    hits: &mut [(u32, bool)],
    g: &super::Gazetteer,
) -> Vec<bool> {
    let mut state: Vec<State> = names
        .iter_mut()
        .map(|n| {
            let own = &hits[n.hits.clone()];
            let sound_alike = own.iter().all(|h| !h.1);
            if own.iter().any(|h| !g.needs_cue[h.0 as usize]) {
                if sound_alike && is_inside_a_capitalised_name(text, n.span) {
                    State::Rejected // "General Oleksandr Chaiko" is no Shaqqa
                } else {
                    State::Confirmed // its register namesakes stay, ranked after it
                }
            } else if n.hits.start == n.hits.end || continues_a_name(text, n.span) {
                State::Rejected
            } else if n.cue == Cue::Populated || has_cue(text, n.span) {
                State::Confirmed
            } else {
                State::Pending
            }
        })
        .collect();
    // A list member confirms its neighbours nearby, which confirm theirs.
    let mut changed = true;
    while changed {
        changed = false;
        for k in 0..names.len() {
            if state[k] != State::Pending {
                continue;
            }
            for j in [k.wrapping_sub(1), k + 1] {
                if j >= names.len() || state[j] != State::Confirmed {
                    continue;
                }
                let (a, b) = (names[k.min(j)].span, names[k.max(j)].span);
                let gap = &text[a.end..b.start];
                let list = is_list_gap(gap) || is_list_gap_through_names(gap);
                if gap.trim().is_empty() || !list {
                    continue;
                }
                let anchors: Vec<u32> = hits[names[j].hits.clone()].iter().map(|h| h.0).collect();
                let near = |p: u32| anchors.iter().any(|&a| g.distance_km(a, p) <= LIST_KM);
                if retain(hits, names[k].hits, near) {
                    state[k] = State::Confirmed;
                    changed = true;
                    break;
                }
            }
        }
    }
    state.into_iter().map(|s| s == State::Confirmed).collect()
}

/// Keeps, at the front of `range`, the hits whose place passes `keep`, and shrinks the
/// range to them, unless none passes (then nothing changes). True when some did.
fn retain(hits: &mut [(u32, bool)], range: &mut Range<usize>, keep: impl Fn(u32) -> bool) -> bool {
    let mut kept = range.start;
    for i in range.clone() {
        if keep(hits[i].0) {
            hits.swap(kept, i);
            kept += 1;
        }
    }
    if kept == range.start {
        return false;
    }
    *range = range.start..kept;
    true
}

/// The word right before byte `start`, across spaces only: (its start, the word).
fn word_before(text: &str, start: usize) -> Option<(usize, &str)> {
    let before = &text[..start];
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() == before.len() && !before.is_empty() {
        return None; // joined by something other than a space (a hyphen, a slash)
    }
    let word_start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '\'' || *c == '’')
        .last()
        .map(|(i, _)| i)?;
    Some((word_start, &trimmed[word_start..]))
}

/// The word right after byte `end`, across one space or hyphen.
fn word_after(text: &str, end: usize) -> Option<&str> {
    first_word(text[end..].strip_prefix([' ', '-'])?)
}

/// The letters and digits `rest` starts with, if any.
fn first_word(rest: &str) -> Option<&str> {
    let len = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(i, _)| i);
    (len > 0).then(|| &rest[..len])
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Does the text before byte `i` end a sentence (or is there nothing before it)?
fn opens_sentence(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', ':', ';', '"', '“', '(', '\n', '—', '-'])
}

/// Is the name at `span` part of a longer capitalised name?
fn continues_a_name(text: &str, span: crate::model::Span) -> bool {
    let article_after = word_after(text, span.end).is_some_and(|w| {
        ["al", "el", "ad", "ar", "as", "ash", "at", "az"].contains(&w.to_lowercase().as_str())
            && text[span.end..].starts_with(' ')
            && text[span.end + 1 + w.len()..].starts_with('-')
    });
    is_inside_a_capitalised_name(text, span)
        || article_after
        || shares_a_capitalised_head(text, span.end)
}

/// Does a capitalised word other than a kind noun follow the name ("Hayat Tahrir",
/// "Al-Jabri Square"), or a capitalised word that does not open the sentence precede it
/// ("Oleksandr Chaiko")?
fn is_inside_a_capitalised_name(text: &str, span: crate::model::Span) -> bool {
    let after_is_name = word_after(text, span.end)
        .is_some_and(|w| is_capitalised(w) && !is_kind_noun(&w.to_lowercase()));
    let before_is_name = word_before(text, span.start).is_some_and(|(s, w)| {
        is_capitalised(w)
            && !opens_sentence(text, s)
            && !role_words().contains(w.to_lowercase().as_str())
    });
    after_is_name || before_is_name
}

/// Is the name the first of two that share a capitalised plural head after the second
/// ("the Amour and Hamad Mountains", "Baron and Faisal Streets")? Then it names one of
/// those, not a village. "Hawar and Anjara villages" has a kind noun, not a head.
fn shares_a_capitalised_head(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(" and ") else {
        return false;
    };
    let Some(second) = first_word(rest).filter(|w| is_capitalised(w)) else {
        return false;
    };
    word_after(rest, second.len()).is_some_and(|head| {
        is_capitalised(head) && head.ends_with('s') && !is_kind_noun(&head.to_lowercase())
    })
}

fn is_kind_noun(lower: &str) -> bool {
    KIND_NOUNS_AFTER.contains(&lower) || TOWN_PART_NOUNS.contains(&lower)
}

/// Does a kind noun follow the name, or a place-role word precede it?
fn has_cue(text: &str, span: crate::model::Span) -> bool {
    if word_after(text, span.end).is_some_and(|w| is_kind_noun(&w.to_lowercase())) {
        return true;
    }
    let Some((s, w)) = word_before(text, span.start) else {
        return false;
    };
    let lower = w.to_lowercase();
    if lower == "the" {
        return word_before(text, s)
            .is_some_and(|(_, w)| role_words().contains(w.to_lowercase().as_str()));
    }
    role_words().contains(lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_words_are_lowercase_single_words() {
        for w in role_words() {
            assert!(
                !w.is_empty() && w.chars().all(|c| c.is_lowercase()),
                "{w:?} in place-role-words.txt"
            );
        }
        assert!(role_words().contains("captured") && role_words().contains("in"));
    }

    fn span_of(text: &str, name: &str) -> crate::model::Span {
        let s = text.find(name).unwrap();
        crate::model::Span::new(s, s + name.len())
    }

    #[test]
    fn a_capitalised_neighbour_makes_a_longer_name() {
        let cases = [
            ("Hayat Tahrir al-Sham stormed the city.", "Hayat", true),
            ("said Rami Abdel Rahman, who heads", "Rahman", true),
            ("and Mount Gurab, a strategic location", "Gurab", true),
            ("Now Deir ez-Zor is under the control", "Now", true),
            ("Ahmad al-Sharaa spoke.", "Ahmad", true),
            ("took the Amour and Hamad Mountains from", "Amour", true),
            // Counter-examples: a sentence-opening word, a kind noun, a place-role word.
            ("In Hawar, fighting continued.", "Hawar", false),
            ("Rebels entered Hawar village.", "Hawar", false),
            ("Rebels entered Hawar and Anjara villages.", "Hawar", false),
            ("The rebels took Anjara on Friday.", "Anjara", false),
        ];
        for (text, name, want) in cases {
            assert_eq!(continues_a_name(text, span_of(text, name)), want, "{text}");
        }
    }

    #[test]
    fn a_place_role_or_kind_noun_is_a_cue() {
        let cases = [
            ("fighting in Hawar continued", "Hawar", true),
            ("rebels entered Anjara on Friday", "Anjara", true),
            ("they stormed the Shaar neighbourhood", "Shaar", true),
            ("near the Hayalin area", "Hayalin", true),
            // Counter-examples: a word with no place role, a name opening a quote.
            ("said Rahman, who heads the group", "Rahman", false),
            ("the Gharib family", "Gharib", false),
        ];
        for (text, name, want) in cases {
            assert_eq!(has_cue(text, span_of(text, name)), want, "{text}");
        }
    }
}
