//! Whole-word phrase lists, matched by their first word.
//!
//! Takes lowercase phrases with a value each and, given ASCII-lowercased text, gives the
//! [`Hit`]s: leftmost, longest first, never overlapping, on whole words only ("took" is
//! not found in "overtook" or "tooks"). A phrase that begins or ends with a space
//! (" after ") needs that space in the text; one that begins with punctuation (";",
//! "— ", "% of") may start anywhere.
//!
//! Several lists can share one set ([`PhraseSet::listed`]): the extractor matches
//! triggers, actors and every marker list in one walk over an article, one word lookup
//! each, and each list still gets the hits it would get alone.
//!
//! Why not an Aho-Corasick automaton per list (the first design): phrases start at word
//! starts, so one walk over an article's words serves every list at once (and hands the
//! words to the date scanner), a bit filter answers most words without a probe, and
//! the matches are whole-word leftmost-longest by construction rather than filtered after
//! the fact (an automaton's leftmost match can begin inside a word, "took" in "overtook",
//! and hide a whole-word match that overlaps it).

use super::lexicon::Hit;
use crate::swar;
use rustc_hash::FxHashMap;

/// One phrase as matched.
#[derive(Debug, Clone)]
struct Phrase<T> {
    /// The phrase from its first non-space byte.
    text: Box<str>,
    /// Did the phrase begin with a space (which the text must have before `text`)?
    space_before: bool,
    /// Does it begin with a letter or digit (so it must start a word)?
    starts_word: bool,
    /// Does it end with one (so it must end a word)?
    ends_word: bool,
    /// The list it belongs to (see [`PhraseSet::listed`]).
    list: u8,
    value: T,
}

/// A phrase that may match where a word (or byte) starts.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// The phrase's first eight bytes (little-endian, zero-padded) and which of them
    /// count: one compare rejects most candidates before the byte-wise one.
    head: u64,
    head_mask: u64,
    phrase: u32,
}

/// The candidates of one first word (or first byte): a run of `candidates`.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    first: u32,
    len: u32,
    /// Which bytes may come second after the first word ([`follow_bit`]): "the army" and
    /// "the regime" start with "the", yet most words after a "the" begin with neither
    /// 'a' nor 'r', and the candidates need not be tried. All bits when a candidate is
    /// the word alone (or ends within one byte of it).
    follow: u32,
    /// Is the word one of the set's tagged words?
    tagged: bool,
}

/// The bit of [`Run::follow`] for byte `c` (lowercase letters get a bit each).
#[inline]
fn follow_bit(c: u8) -> u32 {
    1 << (c & 31)
}

/// A set of phrase lists; build once, match many texts.
///
/// Each list is matched leftmost-longest without overlaps on its own, as if alone: lists
/// share the walk over the text and the lookup of each word, not their matches.
#[derive(Debug, Clone)]
pub(crate) struct PhraseSet<T> {
    phrases: Vec<Phrase<T>>,
    /// Candidates grouped by first word (or first byte), longest phrase first.
    candidates: Vec<Candidate>,
    /// Open addressing on [`word_key`] (0 marks an empty slot; no key is 0): the first
    /// ASCII word of a phrase at `keys[i]`, its run at `runs[i]`. Most words of a text
    /// find an empty slot at the first probe; the keys alone (8 KiB for the lexicon) stay
    /// in the L1 cache.
    keys: Box<[u64]>,
    runs: Box<[Run]>,
    /// `64 - log2(keys.len())`: the multiply-shift hash keeps the top bits.
    shift: u32,
    /// Per value of the hash's top `log2(keys.len()) + FILTER_EXTRA_BITS` bits: the
    /// union of the [`Run::follow`] bits of the keys with that value, and [`TAGGED_BIT`]
    /// when one of them is tagged. Most words (no phrase starts with them, or none that
    /// the next word can continue) are answered from this one load, without probing the
    /// table: the probe's hit-or-miss is the branch a CPU mispredicts most in this scan.
    filter: Box<[u32]>,
    /// `64 -` that many bits.
    filter_shift: u32,
    /// First byte → run of candidates for phrases beginning with anything but an ASCII
    /// letter or digit.
    by_byte: Vec<(u8, Run)>,
    /// What each byte can begin: the scan asks this of every byte between words.
    byte_class: [ByteClass; 256],
}

/// What a byte of the scanned text can begin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    /// A word (an ASCII letter or digit).
    Word,
    /// A phrase that begins with this byte ([`PhraseSet::by_byte`]).
    PhraseStart,
    Other,
}

/// How many lists one set can hold.
pub(crate) const MAX_LISTS: usize = 9;

/// [`PhraseSet::filter`] has `2^FILTER_EXTRA_BITS` entries per slot of the table (at
/// most one in eight entries is set).
const FILTER_EXTRA_BITS: u32 = 2;

/// The bit of a [`PhraseSet::filter`] entry that says a word with it may be tagged. It is
/// also [`follow_bit`] of a space, `@` and `` ` ``: those only make a lookup that finds
/// nothing.
const TAGGED_BIT: u32 = 1;

/// The multiply-shift hash of a [`word_key`]: the top bits index the table and the filter.
#[inline]
fn hash(key: u64) -> u64 {
    key.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// A word's first eight bytes and its length as one number. Words that share both share
/// a key; [`PhraseSet::hit_at`] compares the bytes anyway.
fn word_key(word: &[u8]) -> u64 {
    let mut head = [0u8; 8];
    let n = word.len().min(8);
    head[..n].copy_from_slice(&word[..n]);
    u64::from_le_bytes(head) ^ ((word.len() as u64) << 59)
}

/// [`word_key`] of `b[start..end]`, given the eight bytes at `start` when there are.
#[inline]
fn word_key_at(b: &[u8], start: usize, end: usize, head: Option<u64>) -> u64 {
    let n = end - start;
    match head {
        Some(head) if n >= 8 => head ^ ((n as u64) << 59),
        Some(head) => (head & ((1u64 << (8 * n)) - 1)) ^ ((n as u64) << 59),
        None => word_key(&b[start..end]),
    }
}

/// The first eight bytes of `text` as a [`Candidate`] head and mask.
fn head_of(text: &[u8]) -> (u64, u64) {
    let n = text.len().min(8);
    let mut head = [0u8; 8];
    head[..n].copy_from_slice(&text[..n]);
    (u64::from_le_bytes(head), u64::MAX >> (8 * (8 - n)))
}

/// ASCII letters and digits, as a table: the scan asks this of every byte.
const ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// The end of the run of ASCII letters and digits at `i`.
fn ascii_word_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && ALNUM[b[i] as usize] {
        i += 1;
    }
    i
}

/// [`ascii_word_end`] eight bytes at a time: a word ends at the first byte of a load
/// that is not a word byte (the scanned text is ASCII-lowercased, so those are lowercase
/// letters and digits), found without a branch per byte. Also gives the first load, the
/// word's head, for [`word_key_at`].
#[inline]
fn word_end_at(b: &[u8], start: usize) -> (usize, Option<u64>) {
    let head = swar::load(b, start);
    let (mut i, mut load) = (start, head);
    while let Some(x) = load {
        let stops = swar::stops(swar::in_range(x, b'0', b'9') | swar::in_range(x, b'a', b'z'));
        if stops != 0 {
            return (i + (stops.trailing_zeros() / 8) as usize, head);
        }
        i += 8;
        load = swar::load(b, i);
    }
    (ascii_word_end(b, i), head)
}

/// Can byte `c` begin a quote mark: `"`, or the first byte of `“` and `”` (U+201C/D)?
#[inline]
fn is_quote_byte(c: u8) -> bool {
    c == b'"' || c == 0xE2
}

/// Every [`follow_bit`] for a byte that may begin a quote mark, else none: a word with a
/// quote mark after it or after its space passes the follow filter (the filter looks at
/// one byte, not past the mark), without a branch in the scan.
const QUOTE_FOLLOW: [u32; 256] = {
    let mut t = [0; 256];
    t[b'"' as usize] = u32::MAX;
    t[0xE2] = u32::MAX;
    t
};

/// [`quoted_match`] when the plain compare of `phrase` at `b[i..]` (its first `checked`
/// bytes known equal) first differs at a quote mark; most failed compares differ at a
/// letter and end here.
#[cold]
#[inline(never)]
fn quoted_end(b: &[u8], i: usize, phrase: &[u8], checked: usize) -> Option<usize> {
    let k = (checked..phrase.len()).find(|&k| b.get(i + k) != Some(&phrase[k]))?;
    if !is_quote_byte(*b.get(i + k)?) {
        return None;
    }
    quoted_match(b, i, phrase)
}

/// The end of `phrase` matched at `b[i..]` with quote marks around its inner words: the
/// army `has "redeployed" outside` the city, `declared a "temporary withdrawal" from`
/// Aleppo. Each space of the phrase matches one space with any quote marks beside it;
/// `None` when there are none (the plain compare has failed already). The scan only asks
/// when the phrase's first eight bytes matched plainly.
fn quoted_match(b: &[u8], i: usize, phrase: &[u8]) -> Option<usize> {
    let skip_quotes = |mut j: usize| loop {
        match b.get(j..) {
            Some([b'"', ..]) => j += 1,
            Some([0xE2, 0x80, 0x9C | 0x9D, ..]) => j += 3,
            _ => return j,
        }
    };
    let (mut j, mut quotes) = (i, false);
    for &c in phrase {
        if c == b' ' {
            let before = skip_quotes(j);
            if *b.get(before)? != b' ' {
                return None;
            }
            let after = skip_quotes(before + 1);
            quotes |= before != j || after != before + 1;
            j = after;
        } else {
            if *b.get(j)? != c {
                return None;
            }
            j += 1;
        }
    }
    quotes.then_some(j)
}

/// `i`, or the byte after it when it is a space: most words end at one, and stepping
/// over it here spares the scan a turn of its loop (no phrase starts with a space).
#[inline]
fn after_space(b: &[u8], i: usize) -> usize {
    i + usize::from(b.get(i) == Some(&b' '))
}

fn is_alnum(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Is the char before byte `i` of `s` alphanumeric? ASCII is answered from its byte.
#[inline]
fn alnum_before(s: &str, i: usize) -> bool {
    match i.checked_sub(1).map(|j| s.as_bytes()[j]) {
        None => false,
        Some(c) if c < 0x80 => ALNUM[c as usize],
        Some(_) => is_alnum(s[..i].chars().next_back()),
    }
}

/// Is the char at byte `i` of `s` alphanumeric (false at the end)?
#[inline]
fn alnum_at(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i) {
        None => false,
        Some(&c) if c < 0x80 => ALNUM[c as usize],
        Some(_) => is_alnum(s.get(i..).and_then(|r| r.chars().next())),
    }
}

/// `a == b` for the short tails of phrases: a loop the compiler keeps inline, where the
/// slice compare calls `memcmp` (most tails are a few bytes).
#[inline]
pub(super) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

impl<T: Copy> PhraseSet<T> {
    /// A set of several lists: each phrase comes with its list (below [`MAX_LISTS`]);
    /// phrases are lowercased here, empty ones ignored. The scan tells of each word
    /// whether it is one of `tagged` (lowercase words): the lookup it makes anyway answers.
    pub(crate) fn listed<'a>(
        phrases: impl IntoIterator<Item = (&'a str, T, usize)>,
        tagged: &[&str],
    ) -> PhraseSet<T> {
        let mut list = Vec::new();
        // First word's key (or first byte) → phrases, in the order given.
        let mut by_word: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        let mut by_byte: Vec<(u8, Vec<u32>)> = Vec::new();
        for (p, value, which) in phrases {
            assert!(which < MAX_LISTS, "phrase list {which} out of range");
            let lower = p.to_ascii_lowercase();
            let text = lower.trim_start_matches(' ');
            if text.is_empty() {
                continue;
            }
            let index = list.len() as u32;
            let b = text.as_bytes();
            let first_word = &b[..ascii_word_end(b, 0)];
            if first_word.is_empty() {
                match by_byte.iter_mut().find(|(c, _)| *c == b[0]) {
                    Some((_, l)) => l.push(index),
                    None => by_byte.push((b[0], vec![index])),
                }
            } else {
                by_word.entry(word_key(first_word)).or_default().push(index);
            }
            list.push(Phrase {
                text: text.into(),
                space_before: text.len() < lower.len(),
                starts_word: is_alnum(text.chars().next()),
                ends_word: is_alnum(text.chars().next_back()),
                list: which as u8,
                value,
            });
        }
        let mut set = PhraseSet {
            phrases: list,
            candidates: Vec::new(),
            keys: Box::new([]),
            runs: Box::new([]),
            shift: 0,
            filter: Box::new([]),
            filter_shift: 0,
            by_byte: Vec::new(),
            byte_class: std::array::from_fn(|c| {
                if ALNUM[c] {
                    ByteClass::Word
                } else {
                    ByteClass::Other
                }
            }),
        };
        for word in tagged {
            by_word.entry(word_key(word.as_bytes())).or_default();
        }
        // At most half full, so that a miss ends after one or two probes.
        let bits = (by_word.len() * 2)
            .next_power_of_two()
            .max(64)
            .trailing_zeros();
        set.keys = vec![0; 1 << bits].into_boxed_slice();
        set.runs = vec![Run::default(); 1 << bits].into_boxed_slice();
        set.shift = 64 - bits;
        let filter_bits = bits + FILTER_EXTRA_BITS;
        set.filter = vec![0; 1 << filter_bits].into_boxed_slice();
        set.filter_shift = 64 - filter_bits;
        for (key, group) in by_word {
            let mut run = set.push_group(group);
            run.tagged = tagged.iter().any(|w| word_key(w.as_bytes()) == key);
            let entry = (hash(key) >> set.filter_shift) as usize;
            set.filter[entry] |= run.follow | if run.tagged { TAGGED_BIT } else { 0 };
            let mut i = set.slot_of(key);
            while set.keys[i] != 0 {
                i = (i + 1) & (set.keys.len() - 1);
            }
            set.keys[i] = key;
            set.runs[i] = run;
        }
        for (byte, group) in by_byte {
            let run = set.push_group(group);
            set.by_byte.push((byte, run));
            set.byte_class[byte as usize] = ByteClass::PhraseStart;
        }
        set
    }

    /// Appends a group of phrases with one first word as candidates, longest first.
    fn push_group(&mut self, mut group: Vec<u32>) -> Run {
        let phrases = &self.phrases;
        group.sort_by_key(|&k| std::cmp::Reverse(phrases[k as usize].text.len()));
        let first = self.candidates.len() as u32;
        let mut follow = 0;
        for k in group {
            let text = self.phrases[k as usize].text.as_bytes();
            // Its second byte after the first word; a phrase of one byte-led group
            // (`by_byte`) has no first word and takes any.
            let word = ascii_word_end(text, 0);
            follow |= match text.get(word + 1) {
                Some(&c) if word > 0 => follow_bit(c),
                _ => u32::MAX,
            };
            let (head, head_mask) = head_of(text);
            self.candidates.push(Candidate {
                head,
                head_mask,
                phrase: k,
            });
        }
        Run {
            first,
            len: self.candidates.len() as u32 - first,
            follow,
            tagged: false,
        }
    }

    /// Where the probe for `key` starts.
    #[inline]
    fn slot_of(&self, key: u64) -> usize {
        (hash(key) >> self.shift) as usize
    }

    /// How many phrases the set holds.
    pub(crate) fn len(&self) -> usize {
        self.phrases.len()
    }

    /// The one pass over `s` (ASCII-lowercase): calls `on_word(start, end, tagged)` for
    /// every run of ASCII letters and digits, and `on_hit(hit, list)` for every hit. Hits
    /// come in order of their start; so does each list's.
    pub(crate) fn for_each_hit(
        &self,
        s: &str,
        on_word: impl FnMut(usize, usize, bool),
        mut on_hit: impl FnMut(Hit<T>, usize),
    ) {
        self.scan(s, on_word, |h, list| {
            on_hit(h, list);
            false
        });
    }

    /// [`Self::for_each_hit`] until `on_hit` returns true; returns whether it did.
    fn scan(
        &self,
        s: &str,
        mut on_word: impl FnMut(usize, usize, bool),
        mut on_hit: impl FnMut(Hit<T>, usize) -> bool,
    ) -> bool {
        let b = s.as_bytes();
        // Per list: where its last hit ended (a list's hits never overlap).
        let mut resume = [0usize; MAX_LISTS];
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            let (run, next) = match self.byte_class[c as usize] {
                ByteClass::Word => {
                    let (end, head) = word_end_at(b, i);
                    let key = word_key_at(b, i, end, head);
                    // The byte a phrase's second word would start with; none (the text
                    // ends) passes every filter, and so does a quote mark after the word
                    // (`has "redeployed" outside`: see [`quoted_match`]).
                    let follow = match b.get(end + 1) {
                        Some(&c) => {
                            follow_bit(c) | QUOTE_FOLLOW[c as usize] | QUOTE_FOLLOW[b[end] as usize]
                        }
                        None => u32::MAX,
                    };
                    let entry = self.filter[(hash(key) >> self.filter_shift) as usize];
                    if entry & (follow | TAGGED_BIT) == 0 {
                        on_word(i, end, false);
                        i = after_space(b, end);
                        continue;
                    }
                    let run = self.word_run(key);
                    on_word(i, end, run.tagged);
                    if run.follow & follow == 0 {
                        i = after_space(b, end);
                        continue;
                    }
                    (run, end)
                }
                ByteClass::PhraseStart => {
                    let run = self.by_byte.iter().find(|(b, _)| *b == c).map(|x| x.1);
                    (run.unwrap_or_default(), i + 1)
                }
                ByteClass::Other => {
                    i += 1;
                    continue;
                }
            };
            if run.len != 0 && self.hits_at(self.candidates_of(run), s, i, &mut resume, &mut on_hit)
            {
                return true;
            }
            i = next;
        }
        false
    }

    fn candidates_of(&self, run: Run) -> &[Candidate] {
        &self.candidates[run.first as usize..][..run.len as usize]
    }

    /// The run of the word with [`word_key`] `key` (an empty one when the set has no
    /// phrase starting with it and does not tag it).
    #[inline(always)]
    fn word_run(&self, key: u64) -> Run {
        let mask = self.keys.len() - 1;
        let mut i = self.slot_of(key);
        loop {
            match self.keys[i] {
                k if k == key => return self.runs[i],
                0 => return Run::default(),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Reports, for each list not inside its last hit, its longest candidate that matches
    /// at byte `i`; true when `on_hit` asks to stop.
    fn hits_at(
        &self,
        candidates: &[Candidate],
        s: &str,
        i: usize,
        resume: &mut [usize; MAX_LISTS],
        on_hit: &mut impl FnMut(Hit<T>, usize) -> bool,
    ) -> bool {
        let head = swar::load(s.as_bytes(), i);
        let mut done = 0u32;
        for c in candidates {
            // (A quote mark within a phrase's first eight bytes fails here: `took
            // "control" of` is missed, `withdrawal" from` is not.)
            if head.is_some_and(|h| h & c.head_mask != c.head) {
                continue;
            }
            let p = &self.phrases[c.phrase as usize];
            let list = p.list as usize;
            if done & (1 << list) != 0 || i < resume[list] {
                continue;
            }
            // The head compare covered the first eight bytes, when there were eight.
            let checked = if head.is_some() {
                p.text.len().min(8)
            } else {
                0
            };
            if let Some(h) = self.hit_at(s, i, p, checked) {
                done |= 1 << list;
                resume[list] = h.end;
                if on_hit(h, list) {
                    return true;
                }
            }
        }
        false
    }

    /// `p` as a whole-word match at byte `i` of `s`, if it is one; its first `checked`
    /// bytes are known to match.
    fn hit_at(&self, s: &str, i: usize, p: &Phrase<T>, checked: usize) -> Option<Hit<T>> {
        let b = s.as_bytes();
        let exact = i + p.text.len();
        let end = if b
            .get(i + checked..exact)
            .is_some_and(|t| same_bytes(t, &p.text.as_bytes()[checked..]))
        {
            exact
        } else {
            quoted_end(b, i, p.text.as_bytes(), checked)?
        };
        let start = if p.space_before {
            i.checked_sub(1).filter(|&j| b[j] == b' ')?
        } else {
            i
        };
        if p.starts_word && !p.space_before && alnum_before(s, i) {
            return None;
        }
        if p.ends_word && alnum_at(s, end) {
            return None;
        }
        Some(Hit {
            start,
            end,
            what: p.value,
        })
    }
}

/// Single-list matching of any text, for the tests of the matching rules.
#[cfg(test)]
impl<T: Copy> PhraseSet<T> {
    /// A set of one list over `phrases` (lowercased here; empty phrases are ignored).
    pub(crate) fn new<'a>(phrases: impl IntoIterator<Item = (&'a str, T)>) -> PhraseSet<T> {
        PhraseSet::listed(phrases.into_iter().map(|(p, v)| (p, v, 0)), &[])
    }

    /// Every hit in `s`, which may have capitals.
    pub(crate) fn find(&self, s: &str) -> Vec<Hit<T>> {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.find_lower(&s.to_ascii_lowercase());
        }
        self.find_lower(s)
    }

    /// Does `s`, which may have capitals, contain any phrase?
    pub(crate) fn any(&self, s: &str) -> bool {
        let any = |s: &str| self.scan(s, |_, _, _| {}, |_, _| true);
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            return any(&s.to_ascii_lowercase());
        }
        any(s)
    }

    /// Every hit in `s`, which must be ASCII-lowercase already (no copy is made).
    pub(crate) fn find_lower(&self, s: &str) -> Vec<Hit<T>> {
        let mut out = Vec::new();
        self.for_each_hit(s, |_, _, _| {}, |h, _| out.push(h));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(set: &PhraseSet<u8>, s: &str) -> Vec<(String, u8)> {
        set.find(s)
            .into_iter()
            .map(|h| (s[h.start..h.end].to_string(), h.what))
            .collect()
    }

    fn set() -> PhraseSet<u8> {
        PhraseSet::new([
            ("took", 1),
            ("took control of", 2),
            ("took over", 3),
            ("anti-regime", 4),
            ("assad’s forces", 5),
            (" after ", 6),
            (";", 7),
            ("% of", 8),
            (" — ", 9),
        ])
    }

    #[test]
    fn longest_phrase_at_a_word_wins() {
        assert_eq!(
            spans(&set(), "Rebels TOOK control of Hama; they took Homs"),
            [
                ("TOOK control of".to_string(), 2),
                (";".to_string(), 7),
                ("took".to_string(), 1)
            ]
        );
    }

    #[test]
    fn only_whole_words() {
        assert!(spans(&set(), "he overtook them, tooks, tooké, étook").is_empty());
        assert_eq!(spans(&set(), "took.").len(), 1);
        assert_eq!(spans(&set(), "(took)").len(), 1);
    }

    #[test]
    fn punctuation_inside_and_around_phrases() {
        assert_eq!(spans(&set(), "anti-regime fighters")[0].1, 4);
        assert_eq!(spans(&set(), "Assad’s forces left")[0].1, 5);
        assert_eq!(spans(&set(), "40% of Aleppo")[0].0, "% of");
        assert_eq!(spans(&set(), "Hama — then")[0].0, " — ");
    }

    #[test]
    fn spaces_in_a_phrase_are_required() {
        assert_eq!(spans(&set(), "a day after it")[0].0, " after ");
        assert!(spans(&set(), "after it").is_empty());
        assert!(spans(&set(), "the day after, it").is_empty());
    }

    #[test]
    fn lists_in_one_pass_match_each_alone() {
        let a = [("took", 1u8), ("took control of", 2), ("fell to", 3)];
        let b = [
            ("rebels", 4u8),
            ("control", 5),
            ("regime forces", 6),
            ("took", 7),
        ];
        let both = PhraseSet::listed(
            a.iter()
                .map(|&(p, v)| (p, v, 0))
                .chain(b.iter().map(|&(p, v)| (p, v, 1))),
            &["hama", "control"],
        );
        let s = "rebels took control of hama; it fell to regime forces, control";
        let (mut words, mut tagged, mut hits) = (0, Vec::new(), [Vec::new(), Vec::new()]);
        let on_word = |start, end, tag| {
            words += 1;
            if tag {
                tagged.push(&s[start..end]);
            }
        };
        both.for_each_hit(s, on_word, |h, list| hits[list].push(h));
        assert_eq!(tagged, ["control", "hama", "control"]);
        assert_eq!(words, 11);
        assert_eq!(hits[0], PhraseSet::new(a).find_lower(s));
        assert_eq!(hits[1], PhraseSet::new(b).find_lower(s));
        // "took" in list 1 is found although list 0 has a longer phrase there.
        assert_eq!((hits[0].len(), hits[1].len()), (2, 5));
    }

    #[test]
    fn the_fast_word_key_agrees_with_the_plain_one() {
        let text = b"a ab abcdefg abcdefgh abcdefghijklmnop x";
        let mut i = 0;
        while i < text.len() {
            let (end, head) = word_end_at(text, i);
            if end > i {
                assert_eq!(word_key_at(text, i, end, head), word_key(&text[i..end]));
                i = end;
            } else {
                i += 1;
            }
        }
    }

    /// Text made of phrase fragments, spaces, punctuation and arbitrary characters.
    fn phrasey() -> impl proptest::strategy::Strategy<Value = String> {
        super::super::text_of(
            &[
                "took",
                " control of ",
                "the army",
                "the ",
                " after ",
                ";",
                " — ",
                "% of",
                "assad’s forces",
                " ",
                "é",
                "-",
            ],
            30,
        )
    }

    proptest::proptest! {
        #[test]
        fn lists_in_one_set_match_as_if_alone(s in phrasey()) {
            let a = [("took", 1u8), ("took control of", 2), ("the army", 3), (" after ", 4)];
            let b = [("the", 5u8), ("army", 6), (";", 7), (" — ", 8), ("% of", 9)];
            let c = [("assad’s forces", 10u8), ("control", 11), ("took", 12)];
            let lists = [&a[..], &b[..], &c[..]];
            let set = PhraseSet::listed(
                lists
                    .iter()
                    .enumerate()
                    .flat_map(|(k, l)| l.iter().map(move |&(p, v)| (p, v, k))),
                &[],
            );
            let mut hits = vec![Vec::new(); lists.len()];
            set.for_each_hit(&s, |_, _, _| {}, |h, list| hits[list].push(h));
            for (k, l) in lists.iter().enumerate() {
                proptest::prop_assert_eq!(&hits[k], &PhraseSet::new(l.iter().copied()).find_lower(&s));
            }
        }
    }

    /// Where phrase `p` matches at `s[i..]`, spelled plainly or with quote marks around
    /// its inner spaces (`withdrawal" from`, `took “control” of`), these beyond its first
    /// eight bytes (the documented limit), by a walk over its words.
    fn naive_end(s: &str, i: usize, p: &str) -> Option<usize> {
        if s[i..].starts_with(p) {
            return Some(i + p.len());
        }
        let head = p.len().min(8);
        if !s[i..].starts_with(&p[..head]) {
            return None;
        }
        let quotes = |mut j: usize| {
            while let Some(q) = ["\"", "\u{201c}", "\u{201d}"]
                .iter()
                .find(|q| s[j..].starts_with(**q))
            {
                j += q.len();
            }
            j
        };
        let mut words = p.split(' ');
        let first = words.next()?;
        let mut j = i + first.len();
        s[i..].starts_with(first).then_some(())?;
        for w in words {
            j = quotes(j);
            s[j..].starts_with(' ').then_some(())?;
            j = quotes(j + 1);
            s[j..].starts_with(w).then_some(())?;
            j += w.len();
        }
        Some(j)
    }

    /// Leftmost-longest whole-word matching by trying every phrase at every character:
    /// what the set's word lookup, presence filter and follow filter must agree with.
    fn naive_hits(phrases: &[(&str, u8)], s: &str) -> Vec<Hit<u8>> {
        let alnum_before = |i: usize| is_alnum(s[..i].chars().next_back());
        let alnum_at = |i: usize| is_alnum(s[i..].chars().next());
        let (mut out, mut resume) = (Vec::new(), 0);
        for (i, _) in s.char_indices() {
            if i < resume {
                continue;
            }
            let best = phrases
                .iter()
                .filter_map(|&(p, what)| Some((p, what, naive_end(s, i, p)?)))
                .filter(|&(p, _, end)| {
                    let cut_start = is_alnum(p.chars().next()) && alnum_before(i);
                    let cut_end = is_alnum(p.chars().next_back()) && alnum_at(end);
                    !cut_start && !cut_end
                })
                .fold(None::<(&str, u8, usize)>, |best, c| match best {
                    Some(b) if b.0.len() >= c.0.len() => Some(b),
                    _ => Some(c),
                });
            if let Some((_, what, end)) = best {
                out.push(Hit {
                    start: i,
                    end,
                    what,
                });
                resume = end;
            }
        }
        out
    }

    #[test]
    fn quote_marks_inside_a_phrase() {
        let set = PhraseSet::new([("withdrawal from", 1u8), ("redeployed outside", 2)]);
        for (text, want) in [
            (
                "a \"temporary withdrawal\" from aleppo",
                "withdrawal\" from",
            ),
            ("it has \"redeployed\" outside hama", "redeployed\" outside"),
            ("it has “redeployed” outside hama", "redeployed” outside"),
            ("a withdrawal \"from\" it", "withdrawal \"from"),
        ] {
            let hits = set.find_lower(text);
            assert_eq!(hits.len(), 1, "{text}");
            assert_eq!(&text[hits[0].start..hits[0].end], want, "{text}");
        }
        // Quote marks are not spaces: the space stays required.
        assert!(set.find_lower("withdrawal\"from aleppo").is_empty());
        // Every mark on either side of the space, against the walk over the words.
        let phrases = [("withdrawal from", 1u8), ("the", 2)];
        let set = PhraseSet::new(phrases);
        let marks = ["", "\"", "\u{201c}", "\u{201d}", "\"\""];
        for before in marks {
            for after in marks {
                let text = format!("the withdrawal{before} {after}from it");
                assert_eq!(set.find_lower(&text), naive_hits(&phrases, &text), "{text}");
                assert_eq!(set.find_lower(&text).len(), 2, "{text}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn matches_agree_with_trying_every_phrase_everywhere(
            s in super::super::text_of(
                &["the", " ", "army", "regime", "a", "r", "took", " over", " control of", "-held",
                  "pro-turkey", "pro", "hts", ",", "é", "1", "\"", "\u{201c}", "\u{201d}",
                  "over", "control of", "withdrawal", "from"],
                24,
            )
        ) {
            let phrases = [
                ("the army", 1u8), ("the regime", 2), ("the", 3), ("took", 4),
                ("took over", 5), ("took control of", 6), ("-held", 7), ("pro-turkey", 8),
                ("hts", 9), ("army", 10), ("the army over", 11),
                // A first word that is no phrase alone (the follow filter decides) and
                // longer than a head (quote marks after it are matched).
                ("withdrawal from", 12),
            ];
            let set = PhraseSet::new(phrases.iter().copied());
            proptest::prop_assert_eq!(set.find_lower(&s), naive_hits(&phrases, &s));
        }
    }

    #[test]
    fn word_ends_eight_bytes_at_a_time() {
        let cases: &[(&str, usize)] = &[
            ("", 0),
            ("a", 1),
            ("took control", 4),
            ("abcdefgh", 8),
            ("abcdefghij klm", 10),
            ("09az/:`{@[ x", 4),
            ("idlib\u{e9}x", 5),
            ("seventeen-year", 9),
        ];
        for &(s, end) in cases {
            assert_eq!(word_end_at(s.as_bytes(), 0).0, end, "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn word_end_at_agrees_with_the_byte_loop(s in "[a-z0-9 /:@\\[`{\u{80}-\u{ff}é.-]{0,40}", i in 0usize..40) {
            let b = s.as_bytes();
            let i = i.min(b.len());
            let (end, head) = word_end_at(b, i);
            proptest::prop_assert_eq!(end, ascii_word_end(b, i));
            proptest::prop_assert_eq!(head, swar::load(b, i));
        }
    }

    #[test]
    fn any_stops_at_the_first_hit() {
        assert!(set().any("x; y"));
        assert!(!set().any("nothing here"));
    }

    #[test]
    fn non_ascii_text_never_splits_a_char() {
        for s in ["é;é", "—", "took—took", "ا took ا", "\u{2014}% of"] {
            let _ = spans(&set(), s); // must not panic
        }
        assert_eq!(spans(&set(), "took—took").len(), 2);
    }
}
