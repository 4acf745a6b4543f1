//! Finding place names in running text.
//!
//! Takes `&str` (an article or a sentence) and gives [`Mention`]s in text order, each with
//! the byte span of the words it came from, the chosen place and the runners-up.
//!
//! How: the text is split into word tokens. A name may start at a capitalised or
//! Arabic-script token, or at a hyphen-attached article (`al-Bab`). From there the window
//! grows token by token (through spaces and hyphens only) while its skeleton key is a
//! prefix of some alias key; the longest window that is a whole key wins ("Deir ez-Zor"
//! over "Deir"). Short names (four letters or fewer once folded) must match an alias
//! exactly, so "Home" never becomes Hama. Words in `data/not-places.txt` (personal names,
//! ordinary words) and all-capital acronyms never start a name.
//!
//! Context then chooses between places that share the key ([`Cue`]): "X province",
//! "the province of X" → the governorate; "X district" → the district; "the city of X" or
//! nothing → the populated place. A cue written once for a list ("the provinces of Daraa
//! and Suwayda", "Rastan and Talbiseh districts") applies to every member.

use super::confirm::{confirm, Named};
use super::normalize::{fold_into, for_each_class, is_article, is_word_char, SkeletonBuilder};
use super::resolve::{rank, Candidate};
use super::Gazetteer;
use crate::model::Span;
use crate::swar;

/// What the words around a name say about its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cue {
    /// Nothing: prefer the populated place.
    #[default]
    None,
    /// "province", "governorate": the governorate.
    Governorate,
    /// "district" (but not "district's center"): the district.
    District,
    /// "city", "town", "village", "district center": the populated place.
    Populated,
}

impl Cue {
    /// The cue's name as output files write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Cue::None => "none",
            Cue::Governorate => "governorate",
            Cue::District => "district",
            Cue::Populated => "populated",
        }
    }
}

/// One place name found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Bytes of the name as written (articles included, possessive `'s` excluded).
    pub span: Span,
    /// The cue that decided between candidates.
    pub cue: Cue,
    /// Every candidate, best first (never empty). Shared: the same name in the same
    /// context ranks the same, and the ranking is made once per thread.
    pub candidates: std::sync::Arc<[Candidate]>,
}

impl Mention {
    /// Index of the chosen place.
    pub fn place(&self) -> u32 {
        self.candidates[0].place
    }
}

#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    /// Does it start with a capital (or a caseless letter, as in Arabic script)?
    starts: bool,
}

/// Strips leading and trailing marks and a possessive `'s` / `’s` from a word.
fn trim_marks(text: &str, start: usize, end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let clean_edges = b[start].is_ascii_alphanumeric() && b[end - 1].is_ascii_alphanumeric();
    // A final "s" after an apostrophe, straight or curly (its last byte is not ASCII), may
    // be a possessive.
    let possessive =
        end - start > 2 && b[end - 1] == b's' && (b[end - 2] == b'\'' || b[end - 2] >= 0x80);
    if clean_edges && !possessive {
        return (start, end); // the common case: a plain ASCII word
    }
    let w = &text[start..end];
    let lead = w.len() - w.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    let w = &w[lead..];
    let w = w
        .strip_suffix('s')
        .filter(|s| s.ends_with(|c: char| !c.is_alphanumeric()))
        .unwrap_or(w);
    let trimmed = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    (start + lead, start + lead + trimmed.len())
}

/// Is the byte an ASCII word byte (letter, digit, apostrophe or backtick)? A table,
/// because the lexer asks this of most bytes it touches.
fn ascii_word(c: u8) -> bool {
    const TABLE: [bool; 256] = {
        let mut t = [false; 256];
        let mut i = 0;
        while i < 128 {
            let c = i as u8;
            t[i] = c.is_ascii_alphanumeric() || c == b'\'' || c == b'`';
            i += 1;
        }
        t
    };
    TABLE[c as usize]
}

/// The end of the word character at `i`, or `None` when it is not one.
fn word_char_end(text: &str, i: usize) -> Option<usize> {
    let c = text.as_bytes()[i];
    if c < 0x80 {
        return ascii_word(c).then_some(i + 1);
    }
    let ch = text[i..].chars().next()?;
    is_word_char(ch).then_some(i + ch.len_utf8())
}

/// Bit 7 of each byte of `x` set where that byte is not an ASCII word byte
/// ([`ascii_word`]); every non-ASCII byte is set.
fn non_ascii_word_bytes(x: u64) -> u64 {
    // Setting bit 5 turns A-Z into a-z and nothing else into a-z.
    let letter = swar::in_range(x | 0x2020_2020_2020_2020, b'a', b'z');
    let digit = swar::in_range(x, b'0', b'9');
    swar::stops(letter | digit | swar::equal(x, b'\'') | swar::equal(x, b'`'))
}

/// The end of the run of word characters that starts at byte `start` (`start` itself
/// when there is none). ASCII bytes are tested eight at a time, without decoding a char.
fn word_end(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut end = start;
    while let Some(x) = swar::load(b, end) {
        let stops = non_ascii_word_bytes(x);
        if stops == 0 {
            end += 8;
            continue;
        }
        end += (stops.trailing_zeros() / 8) as usize;
        if b[end].is_ascii() {
            return end;
        }
        break; // a non-ASCII char: decoded below
    }
    while end < b.len() {
        if ascii_word(b[end]) {
            end += 1;
        } else if b[end] < 0x80 {
            break;
        } else {
            match word_char_end(text, end) {
                Some(e) => end = e,
                None => break,
            }
        }
    }
    end
}

/// The word that starts at byte `start`: its trimmed token and the end of the raw word.
fn token_at(text: &str, start: usize) -> Option<(Token, usize)> {
    let end = word_end(text, start);
    if end == start {
        return None;
    }
    let (s, e) = trim_marks(text, start, end);
    if s >= e {
        return Some((
            Token {
                start: s,
                end: s,
                starts: false,
            },
            end,
        ));
    }
    let first = text.as_bytes()[s];
    let starts = if first < 0x80 {
        first.is_ascii_uppercase()
    } else {
        text[s..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
    };
    Some((
        Token {
            start: s,
            end: e,
            starts,
        },
        end,
    ))
}

/// The next word at or after byte `from`.
fn next_token(text: &str, mut from: usize) -> Option<(Token, usize)> {
    let b = text.as_bytes();
    while from < b.len() {
        if b[from] < 0x80 && !ascii_word(b[from]) {
            from += 1; // spaces and punctuation, without decoding
        } else if word_char_end(text, from).is_some() {
            return token_at(text, from);
        } else {
            from += text[from..].chars().next().map_or(1, char::len_utf8);
        }
    }
    None
}

/// Can this byte begin a name: an ASCII capital, a non-ASCII byte (a capital with an
/// accent, Arabic script), or the hyphen of an attached article ("al-Bab")?
pub(crate) fn may_begin_name(c: u8) -> bool {
    c.is_ascii_uppercase() || c >= 0x80 || c == b'-'
}

/// The first byte at or after `from` that [`may_begin_name`]. Most text is lowercase
/// words, so eight bytes are tested at once, without a branch per byte.
pub(crate) fn next_name_start(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(x) = swar::load(b, i) {
        // Bit 7 of a non-ASCII byte is its own; capitals and hyphens get theirs.
        let starts =
            swar::in_range(x, b'A', b'Z') | swar::equal(x, b'-') | (x & 0x8080_8080_8080_8080);
        if starts != 0 {
            return Some(i + (starts.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b.get(i..)?
        .iter()
        .position(|&c| may_begin_name(c))
        .map(|k| i + k)
}

/// Is the character before byte `i` part of a word?
fn follows_word_char(text: &str, i: usize) -> bool {
    match text[..i].chars().next_back() {
        None => false,
        Some(c) if c.is_ascii() => ascii_word(c as u8),
        Some(c) => is_word_char(c),
    }
}

/// The first byte of the word that ends at `end` (letters, digits and marks of any script).
fn word_start_before(text: &str, end: usize) -> usize {
    text[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| {
            if c.is_ascii() {
                ascii_word(c as u8)
            } else {
                is_word_char(c)
            }
        })
        .last()
        .map_or(end, |(k, _)| k)
}

/// May a name run on from one token to the next across `gap` (a space or a hyphen)?
fn is_joining_gap(gap: &[u8]) -> bool {
    gap.len() <= 3
        && gap.iter().filter(|&&c| c == b'-').count() <= 1
        && gap.iter().all(|&c| c == b'-' || c == b' ' || c == b'\t')
}

fn is_acronym(word: &str) -> bool {
    word.len() <= 5 && word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// The longest name found at one token: where to resume, its span and its (place, exact) hits.
/// A name found: (byte to resume at, span, its (place, exact) hits as a range of
/// [`Scratch::hits`]).
type Window = (usize, Span, std::ops::Range<usize>);

/// Scratch buffers reused across calls; one per thread.
#[derive(Debug, Default)]
pub struct Scratch {
    keys: Keys,
    /// What the first word of a window gave, by capitalised word ("The", "Aleppo"): most
    /// capitalised words recur, so folding and keying them is done once per thread.
    /// Bounded by [`WORD_CACHE`].
    words: rustc_hash::FxHashMap<Box<str>, FirstWord>,
    /// The hits of the names found in the text being read, one range per name: one
    /// buffer rather than a vector per name.
    hits: Vec<(u32, bool)>,
    /// Rankings made before, by [`ranking_key`]: most mentions are of names read before,
    /// and ranking (a score per place, one place per candidate, a sort) cost more than
    /// finding the name. Bounded by [`WORD_CACHE`].
    ranked: rustc_hash::FxHashMap<u64, Vec<Ranked>>,
    /// The names found in the text being read, before ranking.
    found: Vec<Found>,
    /// The keys of each word read past the first of a window ("ez-Zor", "al-Hayr"), by
    /// word as written: folding and classing letters cost more than looking them up.
    /// Bounded by [`WORD_CACHE`].
    tokens: TokenCache,
    /// Sites by name and site noun ([`Gazetteer::site`]): keying a name costs more than
    /// a lookup, and the same few sites recur. Bounded by [`WORD_CACHE`].
    sites: rustc_hash::FxHashMap<Box<str>, Option<u32>>,
    /// The key of `sites` being looked up: name, NUL, noun.
    site_key: String,
    /// The gazetteer whose places `words`, `ranked` and `sites` hold
    /// ([`Gazetteer::identity`]).
    owner: Option<u64>,
}

impl Scratch {
    /// Forgets what another gazetteer's places gave: its indices mean other places here.
    fn serve(&mut self, gaz: &Gazetteer) {
        if self.owner != Some(gaz.identity) {
            self.words.clear();
            self.ranked.clear();
            self.sites.clear();
            self.owner = Some(gaz.identity);
        }
    }
}

/// What one word adds to a window's keys.
#[derive(Debug)]
struct TokenKeys {
    /// The word folded ([`fold_into`]).
    folded: Box<str>,
    /// Its skeleton classes ([`for_each_class`]).
    classes: Box<str>,
    article: bool,
}

/// [`TokenKeys`] by word as written: the keys in a vector, so that a word read before is
/// one hash lookup (a map of keys would need a second to hand out the reference).
#[derive(Debug, Default)]
struct TokenCache {
    index: rustc_hash::FxHashMap<Box<str>, u32>,
    keys: Vec<TokenKeys>,
}

impl TokenCache {
    /// The keys of `word`, made and kept here the first time.
    fn of(&mut self, word: &str) -> &TokenKeys {
        if let Some(&i) = self.index.get(word) {
            return &self.keys[i as usize];
        }
        if self.keys.len() >= WORD_CACHE {
            self.index.clear();
            self.keys.clear();
        }
        let mut folded = String::new();
        fold_into(word, &mut folded);
        let mut classes = String::new();
        for_each_class(&folded, |c| classes.push(c));
        self.index.insert(word.into(), self.keys.len() as u32);
        self.keys.push(TokenKeys {
            article: is_article(&folded),
            folded: folded.into(),
            classes: classes.into(),
        });
        self.keys.last().expect("just pushed")
    }
}

/// A name found, before its cue is known and its candidates ranked.
#[derive(Debug, Clone)]
struct Found {
    span: Span,
    /// Its hits in [`Scratch::hits`].
    hits: std::ops::Range<usize>,
    cue: Cue,
    /// Is the cue word after it plural ("Rastan and Talbiseh districts")?
    plural_cue: bool,
}

/// One ranking made before: what [`rank`] gave for `hits` and `cue`.
#[derive(Debug)]
struct Ranked {
    hits: Box<[(u32, bool)]>,
    cue: Cue,
    candidates: std::sync::Arc<[Candidate]>,
}

/// The hash [`Scratch::ranked`] files a ranking under.
fn ranking_key(hits: &[(u32, bool)], cue: Cue) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    hits.hash(&mut h);
    (cue as u8).hash(&mut h);
    h.finish()
}

impl Scratch {
    /// [`rank`] of `hits` for `cue`, made once per thread.
    fn ranked(
        &mut self,
        g: &Gazetteer,
        hits: std::ops::Range<usize>,
        cue: Cue,
    ) -> std::sync::Arc<[Candidate]> {
        let hits = &self.hits[hits];
        let key = ranking_key(hits, cue);
        if let Some(r) = self
            .ranked
            .get(&key)
            .and_then(|rs| rs.iter().find(|r| r.cue == cue && *r.hits == *hits))
        {
            return r.candidates.clone();
        }
        let candidates: std::sync::Arc<[Candidate]> = rank(g, hits, cue).into();
        if self.ranked.len() >= WORD_CACHE {
            self.ranked.clear();
        }
        self.ranked.entry(key).or_default().push(Ranked {
            hits: hits.into(),
            cue,
            candidates: candidates.clone(),
        });
        candidates
    }
}

/// The window state after one capitalised word, which depends on that word alone.
#[derive(Debug)]
struct FirstWord {
    folded: Box<str>,
    skeleton: SkeletonBuilder,
    /// The places the word alone names.
    hits: Option<Box<[(u32, bool)]>>,
    /// May a longer name start with it ("Deir" → "Deir ez-Zor")?
    grows: bool,
}

impl FirstWord {
    fn new(keys: &Keys, hits: Option<&[(u32, bool)]>, grows: bool) -> FirstWord {
        FirstWord {
            folded: keys.folded.as_str().into(),
            skeleton: keys.skeleton.clone(),
            hits: hits.map(Into::into),
            grows,
        }
    }

    /// Puts the window keys where they stand after this word.
    fn restore(&self, keys: &mut Keys) {
        keys.folded.clear();
        keys.folded.push_str(&self.folded);
        keys.skeleton.copy_from(&self.skeleton);
        keys.content = 1;
        keys.short_first = self.folded.chars().count() <= 2;
    }

    /// The one-word name, if the word is one (its hits appended to `buf`).
    fn window(&self, end: usize, span: Span, buf: &mut Vec<(u32, bool)>) -> Option<Window> {
        let hits = self.hits.as_ref()?;
        let start = buf.len();
        buf.extend_from_slice(hits);
        Some((end, span, start..buf.len()))
    }
}

/// Words remembered per thread before [`Scratch::words`] starts afresh.
const WORD_CACHE: usize = 100_000;

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// The keys of the window being grown.
#[derive(Debug, Default)]
struct Keys {
    folded: String,
    token: String,
    skeleton: SkeletonBuilder,
    /// Non-article tokens in the window.
    content: u8,
    /// Has a lowercase word (other than an article) joined the window?
    lowercase: bool,
    /// Is the window's first content word one or two letters ("In", "At")? A sound-alike
    /// of so short a word is another word: "In Suwayda" is no "‘Ayn as Suwayda".
    short_first: bool,
}

impl Gazetteer {
    /// Every place name in `text`, in order, without overlaps.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut scratch) => self.find_with(text, &mut scratch),
            Err(_) => self.find_with(text, &mut Scratch::default()),
        })
    }

    /// The site (`kind: site`) that `name` followed by `noun` names ("Mezzeh" "airport"),
    /// when the gazetteer has one: the best exact candidate of the whole name.
    pub fn site(&self, name: &str, noun: &str) -> Option<u32> {
        let lookup = || {
            self.resolve_exact(&format!("{name} {noun}"))
                .first()
                .map(|c| c.place)
                .filter(|&p| self.place(p).kind == crate::model::PlaceKind::Site)
        };
        SCRATCH.with(|s| {
            let Ok(mut scratch) = s.try_borrow_mut() else {
                return lookup();
            };
            let scratch = &mut *scratch;
            scratch.serve(self);
            let key = &mut scratch.site_key;
            key.clear();
            key.extend([name, "\0", noun]);
            if let Some(&site) = scratch.sites.get(key.as_str()) {
                return site;
            }
            let site = lookup();
            if scratch.sites.len() >= WORD_CACHE {
                scratch.sites.clear();
            }
            let key = scratch.site_key.as_str().into();
            scratch.sites.insert(key, site);
            site
        })
    }

    /// [`Gazetteer::find`] with caller-owned buffers (no allocation per token).
    ///
    /// Lowercase words are skipped at byte speed; tokens are lexed only from a word that
    /// can start a name (a capital, Arabic script, or an article attached by a hyphen).
    pub fn find_with(&self, text: &str, scratch: &mut Scratch) -> Vec<Mention> {
        let b = text.as_bytes();
        scratch.serve(self);
        scratch.hits.clear();
        scratch.found.clear();
        let mut i = 0;
        while i < b.len() {
            match next_name_start(b, i) {
                Some(k) => i = k,
                None => break,
            }
            let start = if b[i] == b'-' {
                // An article attached by a hyphen ("al-Bab"): the whole word before the
                // hyphen, read by characters (a non-ASCII letter belongs to the word), and
                // never reaching back into the name found last.
                let s = word_start_before(text, i);
                let floor = scratch.found.last().map_or(0, |f| f.span.end);
                if i - s > 3 || i == s || s < floor || !is_article(&text[s..i]) {
                    i += 1;
                    continue;
                }
                s
            } else if follows_word_char(text, i) {
                // A capital inside a word ("McDonald"): skip the rest of the word.
                i = next_token(text, i).map_or(b.len(), |(_, e)| e.max(i + 1));
                continue;
            } else {
                i
            };
            let Some((tok, raw_end)) = next_token(text, start) else {
                break;
            };
            match self.longest_from(text, tok, raw_end, scratch) {
                Some((end, span, hits)) => {
                    scratch.found.push(Found {
                        span,
                        hits,
                        cue: Cue::None,
                        plural_cue: false,
                    });
                    i = end;
                }
                None => i = raw_end.max(i + 1),
            }
            // Stay on a character boundary whatever the branch above did.
            while i < b.len() && !text.is_char_boundary(i) {
                i += 1;
            }
        }
        let mut found = std::mem::take(&mut scratch.found);
        list_cues(text, &mut found);
        self.confirm_register_places(text, &mut found, &mut scratch.hits);
        let mentions = found
            .iter()
            .map(|f| Mention {
                span: f.span,
                cue: f.cue,
                candidates: scratch.ranked(self, f.hits.clone(), f.cue),
            })
            .collect();
        scratch.found = found; // its buffer, for the next text
        mentions
    }

    /// Drops the hits of register-only places the text gives no cue for
    /// ([`super::confirm`]), and the names left with none.
    fn confirm_register_places(
        &self,
        text: &str,
        found: &mut Vec<Found>,
        hits: &mut [(u32, bool)],
    ) {
        let any = found.iter().any(|f| {
            hits[f.hits.clone()]
                .iter()
                .any(|h| self.needs_cue[h.0 as usize])
        });
        if !any {
            return;
        }
        let mut named: Vec<Named<'_>> = found
            .iter_mut()
            .map(|f| Named {
                span: f.span,
                cue: f.cue,
                hits: &mut f.hits,
            })
            .collect();
        let keep = confirm(text, &mut named, hits, self);
        let mut k = 0;
        found.retain(|_| {
            k += 1;
            keep[k - 1]
        });
    }

    fn may_start(&self, text: &str, t: &Token, raw_end: usize, keys: &mut Keys) -> bool {
        let word = &text[t.start..t.end];
        if word.is_empty() || is_acronym(word) {
            return false;
        }
        if t.starts {
            return true;
        }
        keys.token.clear();
        fold_into(word, &mut keys.token);
        is_article(&keys.token) && text.as_bytes().get(raw_end) == Some(&b'-')
    }

    /// The longest name starting at `first`: (byte to resume at, span, (place, exact) hits).
    fn longest_from(
        &self,
        text: &str,
        first: Token,
        first_end: usize,
        scratch: &mut Scratch,
    ) -> Option<Window> {
        let word = &text[first.start..first.end];
        let first_span = Span::new(first.start, first.end);
        match scratch.words.get(word) {
            Some(w) if !w.grows => return w.window(first_end, first_span, &mut scratch.hits),
            Some(_) => {}
            None if !self.may_start(text, &first, first_end, &mut scratch.keys) => return None,
            None => {}
        }
        let Scratch {
            keys: s,
            words,
            hits: buf,
            tokens,
            ..
        } = scratch;
        // Hits of the best window so far start here; a longer window's replace them.
        let base = buf.len();
        s.skeleton.clear();
        s.folded.clear();
        s.content = 0;
        s.lowercase = false;
        s.short_first = false;
        let mut best = None;
        let (mut t, mut raw_end) = (first, first_end);
        for k in 0..self.max_tokens {
            // The next word is lexed only when the window may grow (most names are one word).
            let mut next = None;
            let mut lex_next = |t: &Token, raw_end: usize| {
                *next.get_or_insert_with(|| {
                    next_token(text, raw_end).filter(|(n, _)| {
                        n.start > t.end && is_joining_gap(&text.as_bytes()[t.end..n.start])
                    })
                })
            };
            let known = if k == 0 { words.get(word) } else { None };
            let grows = if let Some(w) = known {
                w.restore(s);
                best = w.window(first_end, first_span, buf);
                true
            } else {
                let token = tokens.of(&text[t.start..t.end]);
                let article = token.article;
                if article && (k != 0 || lex_next(&t, raw_end).is_some()) {
                    true // articles carry no identity; a lone one is still a word
                } else {
                    s.skeleton.push_classes(&token.classes);
                    s.folded.push_str(&token.folded);
                    s.content = s.content.saturating_add(1);
                    if s.content == 1 {
                        s.short_first = token.folded.chars().count() <= 2;
                    }
                    s.lowercase |= k > 0 && !t.starts;
                    let mark = buf.len();
                    // "Homs a day later" is no "Homsa" (a romanisation GeoNames lists): a
                    // name never ends on a lowercase English function word, though one may
                    // stand inside it ("Citadel of Aleppo").
                    let ends_on_function_word =
                        k > 0 && !t.starts && is_function_word(&text[t.start..t.end]);
                    if !ends_on_function_word && self.hits(s, buf) {
                        buf.copy_within(mark.., base);
                        buf.truncate(base + (buf.len() - mark));
                        best = Some((raw_end, Span::new(first.start, t.end), base..buf.len()));
                    }
                    let grows = self.is_prefix(s.skeleton.as_str());
                    if k == 0 && first.starts && !article {
                        if words.len() >= WORD_CACHE {
                            words.clear();
                        }
                        let hits = best.as_ref().map(|b| &buf[b.2.clone()]);
                        words.insert(word.into(), FirstWord::new(s, hits, grows));
                    }
                    grows
                }
            };
            if !grows {
                break;
            }
            match lex_next(&t, raw_end) {
                Some((n, e)) => (t, raw_end) = (n, e),
                None => break,
            }
        }
        best
    }

    /// Appends the (place, exact) hits of the window keys `s` to `buf`; false if none.
    fn hits(&self, s: &Keys, buf: &mut Vec<(u32, bool)>) -> bool {
        let Some(entries) = self.lookup(s.skeleton.as_str()) else {
            return false;
        };
        if self.is_not_place(&s.folded) {
            return false;
        }
        // A skeleton-only match must be long, all capitalised, and as many words as the alias.
        let letters = s.folded.chars().count();
        // Lowercase words in a window demand an exact spelling, unless the name is long
        // enough that a sound-alike cannot be English ("Nairab military airport").
        let strict =
            (s.lowercase && letters < 12) || letters <= 4 || (s.short_first && s.content > 1);
        let before = buf.len();
        buf.extend(entries.iter().filter_map(|e| {
            let exact = *e.folded == *s.folded;
            (exact || (!strict && e.tokens == s.content)).then_some((e.place, exact))
        }));
        buf.len() > before
    }
}

/// Does `s` start with `prefix`, ignoring ASCII case?
fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Does `s` end with `suffix`, ignoring ASCII case?
fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// The cue words right after a name: (cue, is the cue word plural?).
fn cue_after(rest: &str) -> (Cue, bool) {
    let rest = rest.trim_start();
    let word_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (word, after) = rest.split_at(word_len);
    let centre = || {
        ["'s cent", "’s cent", " cent", "'s seat", " seat"]
            .iter()
            .any(|p| starts_with_ci(after, p))
    };
    let is = |w: &str| word.eq_ignore_ascii_case(w);
    if is("province") || is("governorate") || is("governorates") {
        (Cue::Governorate, false)
    } else if is("provinces") {
        (Cue::Governorate, true)
    } else if is("district") {
        (
            if centre() {
                Cue::Populated
            } else {
                Cue::District
            },
            false,
        )
    } else if is("districts") {
        (Cue::District, true)
    } else if is("city") || is("town") || is("village") {
        (Cue::Populated, false)
    } else if is("cities") || is("towns") || is("villages") {
        (Cue::Populated, true)
    } else {
        (Cue::None, false)
    }
}

/// Lowercase English words that no place name ends on.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "by"
            | "for"
            | "from"
            | "with"
            | "as"
            | "is"
            | "was"
            | "are"
            | "were"
            | "its"
            | "his"
            | "her"
    )
}

/// Nouns for a part of a town that a name of its own precedes ("the Bab Qibli district").
pub const TOWN_PART_NOUNS: &[&str] = &[
    "district",
    "districts",
    "neighbourhood",
    "neighbourhoods",
    "neighborhood",
    "neighborhoods",
    "quarter",
    "quarters",
    "area",
];

/// Does `before`, the text before a town's name, end with a named or qualified part and
/// "of" ("the Bab Qibli district of", "the northern districts of")? Then the name is the
/// town the part is in, not the district of that name.
pub fn names_part_before(before: &str) -> bool {
    let Some(rest) = before.trim_end().strip_suffix(" of") else {
        return false;
    };
    let (rest, noun) = rest.rsplit_once(' ').unwrap_or(("", rest));
    if !TOWN_PART_NOUNS.iter().any(|n| noun.eq_ignore_ascii_case(n)) {
        return false;
    }
    // "the northern districts of Homs" are parts of the town too; "the district of" is not.
    const PART_QUALIFIERS: &[&str] = &[
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "several",
        "some",
        "many",
        "most",
        "residential",
        "old",
        "inner",
        "outer",
    ];
    let name = rest.rsplit_once(' ').map_or(rest, |(_, w)| w);
    name.starts_with(|c: char| c.is_uppercase()) && !name.eq_ignore_ascii_case("the")
        || PART_QUALIFIERS.iter().any(|q| name.eq_ignore_ascii_case(q))
}

/// The cue words right before a name ("the province of", "the city of", "across").
fn cue_before(before: &str) -> Cue {
    let tail = before.trim_end();
    // Every cue below ends in one of these words; most names follow none of them.
    let last_word = |words: &[&str]| words.iter().any(|w| ends_with_ci(tail, w));
    if !last_word(&["of", "across", "throughout", "entire", "whole"]) {
        return Cue::None;
    }
    // Whole words: "the fall of" does not end with "all of".
    let ends = |words: &[&str]| {
        words.iter().any(|w| {
            ends_with_ci(tail, w)
                && (tail.len() == w.len()
                    || !tail.as_bytes()[tail.len() - w.len() - 1].is_ascii_alphanumeric())
        })
    };
    // "across Idlib", "throughout Idlib", "the entire Idlib": an area, so the governorate.
    // Not "all of Aleppo", which news writes of the city ("seizing almost all of Aleppo");
    // "all of Idlib province" is the governorate by its noun.
    let area = ["across", "throughout", "the entire", "the whole"];
    if ends(&[
        "province of",
        "provinces of",
        "governorate of",
        "governorates of",
    ]) || ends(&area)
    {
        Cue::Governorate
    } else if ends(&["district of", "districts of"]) {
        if names_part_before(tail) {
            Cue::Populated // "the Bab Qibli district of Hama": a part of the town
        } else {
            Cue::District
        }
    } else if ends(&[
        "city of",
        "cities of",
        "town of",
        "towns of",
        "village of",
        "villages of",
        "center of",
        "centre of",
    ]) {
        Cue::Populated
    } else {
        Cue::None
    }
}

/// Is the gap between two names a list separator ("," / "and" / ", and")?
pub fn is_list_gap(gap: &str) -> bool {
    if gap.len() > 24 {
        return false; // longer than ", as well as the" with generous spacing
    }
    let g = gap.trim();
    let g = g.strip_suffix("the").map(str::trim_end).unwrap_or(g);
    matches!(
        g,
        "," | "and"
            | ", and"
            | "&"
            | "or"
            | ", or"
            | "as well as"
            | ", as well as"
            | "in addition to"
            | ", in addition to"
            | ""
    )
}

/// Is the gap between two names a list that goes on through names the gazetteer lacks
/// (", Palau, Hirdrakel, ", ", Talat al-Dabaa, and ")? Each member between must be a
/// capitalised name of at most four words (attached articles and "bin"/"ibn" allowed),
/// at most six of them. Counter-examples: ", said Bashar al-Assad, " (a lowercase word),
/// ", the monitor reported, ".
pub fn is_list_gap_through_names(gap: &str) -> bool {
    let parts: Vec<&str> = gap.split(',').map(str::trim).collect();
    if parts.len() < 3 || parts.len() > 8 {
        return false;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    let separator = |p: &str| matches!(p, "" | "and" | "or");
    let is_name = |p: &str| {
        let p = p.strip_prefix("and ").unwrap_or(p);
        let words: Vec<&str> = p.split([' ', '-']).filter(|w| !w.is_empty()).collect();
        !words.is_empty()
            && words.len() <= 5
            && words
                .iter()
                .any(|w| w.starts_with(|c: char| c.is_uppercase()))
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_uppercase())
                    || is_article(&w.to_lowercase())
                    || matches!(*w, "bin" | "ibn" | "bint")
            })
    };
    separator(first) && separator(last) && parts[1..parts.len() - 1].iter().all(|p| is_name(p))
}

/// Sets the cue of each name found, with list propagation in both directions.
fn list_cues(text: &str, found: &mut [Found]) {
    for k in 0..found.len() {
        let sp = found[k].span;
        let (after, plural) = cue_after(&text[sp.end..]);
        let listed = k > 0 && is_list_gap(&text[found[k - 1].span.end..sp.start]);
        let before = if listed {
            found[k - 1].cue
        } else {
            cue_before(&text[..sp.start])
        };
        found[k].cue = if after != Cue::None { after } else { before };
        found[k].plural_cue = plural;
    }
    // "Rastan and Talbiseh districts": a plural cue after the last member reaches back.
    for k in (1..found.len()).rev() {
        let listed = is_list_gap(&text[found[k - 1].span.end..found[k].span.start]);
        if listed && found[k].plural_cue && found[k - 1].cue == Cue::None {
            found[k - 1].cue = found[k].cue;
            found[k - 1].plural_cue = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PlaceKind;
    use std::sync::OnceLock;

    fn gaz() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::bundled().unwrap())
    }

    fn found(text: &str) -> Vec<(String, String, PlaceKind)> {
        gaz()
            .find(text)
            .into_iter()
            .map(|m| {
                let p = gaz().place(m.place());
                (
                    text[m.span.start..m.span.end].to_string(),
                    p.id.clone(),
                    p.kind,
                )
            })
            .collect()
    }

    #[test]
    fn a_name_never_ends_on_a_function_word() {
        // GeoNames lists "Homsa" for Homs: "Homs a day later" is Homs, then "a".
        let names = |t: &str| found(t).into_iter().map(|f| f.0).collect::<Vec<_>>();
        assert_eq!(names("Homs a day later"), ["Homs"]);
        assert_eq!(names("Hama and Homs"), ["Hama", "Homs"]);
        // Counter-example: inside a name, a function word is part of it.
        assert_eq!(names("the Citadel of Aleppo"), ["Citadel of Aleppo"]);
    }

    proptest::proptest! {
        #[test]
        fn word_end_agrees_with_a_char_by_char_reading(
            text in "[a-zA-Z0-9'`@\\[{ ,.\u{e9}\u{c9}\u{2019}\u{627}-]{0,30}",
            start in 0usize..30,
        ) {
            let start = (0..=start.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap();
            let want = start + text[start..]
                .chars()
                .take_while(|&c| if c.is_ascii() { ascii_word(c as u8) } else { is_word_char(c) })
                .map(char::len_utf8)
                .sum::<usize>();
            proptest::prop_assert_eq!(word_end(&text, start), want);
        }

        #[test]
        fn names_found_never_overlap(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "Dāil", "-", "al", "il", "-Talbisi", " ", "Aleppo", "ā", "Hama", "el-", ", ",
                "and ", "Ḥ", "Bab", "x", "Deir", "ez-Zor", "é", "Idlib",
            ]), 0..24),
        ) {
            let text: String = words.concat();
            let spans: Vec<_> = gaz().find(&text).iter().map(|m| m.span).collect();
            for w in spans.windows(2) {
                proptest::prop_assert!(w[0].end <= w[1].start, "{:?}: {:?}", text, spans);
            }
        }

        #[test]
        fn next_name_start_agrees_with_a_byte_by_byte_reading(
            b in proptest::collection::vec(proptest::sample::select(
                b"aZ -zA@[`{\x7f\x80\xc3\xff.9".to_vec()), 0..40),
            from in 0usize..45,
        ) {
            let want = (from..b.len()).find(|&i| may_begin_name(b[i]));
            proptest::prop_assert_eq!(next_name_start(&b, from), want);
        }
    }

    #[test]
    fn a_hyphen_after_a_non_ascii_word_starts_no_article_inside_the_name_before() {
        // "Dāil-Talbisi": the bytes "il" after "ā" are not the article "il" (a panic once:
        // the second name began inside the first).
        for text in [
            "Rebels took Dāil-Talbisi on Thursday.",
            "Rebels took Tālbisa-Rastan.",
            "Fighting in Ḥamā-al-Bab.",
        ] {
            let spans: Vec<_> = gaz().find(text).iter().map(|m| m.span).collect();
            for w in spans.windows(2) {
                assert!(w[0].end <= w[1].start, "{text}: {spans:?}");
            }
        }
        assert_eq!(found("Rebels entered al-Bab.")[0].0, "al-Bab");
    }

    #[test]
    fn longest_match_wins() {
        let f = found("Fighting near Deir ez-Zor airport and in Deir ez-Zor.");
        assert_eq!(f[0].0, "Deir ez-Zor airport");
        assert_eq!(f[0].1, "sy:deir-ez-zor-airport");
        assert_eq!(f[1].0, "Deir ez-Zor");
        assert_eq!(f[1].2, PlaceKind::City);
    }

    #[test]
    fn possessive_is_outside_the_span() {
        let f = found("Aleppo's old city and Damascus' southern suburbs");
        assert_eq!(f[0].0, "Aleppo");
        assert_eq!(f[1].0, "Damascus");
        // The curly apostrophe too: "Hama’s" is Hama, not a sound-alike of "Hamas".
        let f = found("Hama’s outskirts and Homs’s centre");
        assert_eq!((f[0].0.as_str(), f[0].1.as_str()), ("Hama", "gn:170017"));
        assert_eq!((f[1].0.as_str(), f[1].1.as_str()), ("Homs", "gn:169577"));
    }

    #[test]
    fn province_cues_choose_the_governorate() {
        for text in [
            "all of Idlib province",
            "the province of Idlib",
            "Idlib governorate",
            "the provinces of Daraa and Idlib",
        ] {
            let f = found(text);
            assert!(
                f.iter().all(|x| x.2 == PlaceKind::Governorate),
                "{text:?}: {f:?}"
            );
        }
    }

    #[test]
    fn cue_words_are_whole_words() {
        // "the fall of" ends in the letters of "all of" but is no "all of".
        for text in [
            "the fall of Homs",
            "the downfall of Homs",
            "rebels overall of Homs",
        ] {
            let f = found(text);
            assert_eq!(f[0].2, PlaceKind::City, "{text:?}: {f:?}");
        }
        assert_eq!(found("across Homs")[0].2, PlaceKind::Governorate);
        assert_eq!(found("almost all of Homs")[0].2, PlaceKind::City);
    }

    #[test]
    fn plural_cue_after_a_list_reaches_every_member() {
        let f = found("seizing Rastan and Talbiseh districts in Homs province");
        assert_eq!(f.len(), 3, "{f:?}");
        assert_eq!(f[0].2, PlaceKind::District);
        // Talbiseh is a subdistrict: no district entry, so the town it is named after.
        assert_eq!(f[1].1, "gn:163779");
        assert_eq!(f[2].2, PlaceKind::Governorate);
    }

    #[test]
    fn district_centre_is_the_town() {
        let f = found("Tel Rifaat district's center was taken");
        assert_eq!(f[0].1, "gn:163476");
    }

    #[test]
    fn no_cue_prefers_the_populated_place() {
        let f = found("Rebels entered Idlib and Hama.");
        assert_eq!(f[0].2, PlaceKind::City);
        assert_eq!(f[1].2, PlaceKind::City);
    }

    #[test]
    fn people_and_words_are_not_places() {
        for text in [
            "ITF President Hasan Turan said on X.",
            "Bashar al-Assad fled.",
            "Home Office statement on Sunday.",
            "The SDF and HTS met.",
        ] {
            assert!(found(text).is_empty(), "{text:?}: {:?}", found(text));
        }
    }

    #[test]
    fn capitals_and_marks_inside_words_never_split_a_character() {
        // Regression: skipping past a mid-word capital followed by a multi-byte mark at the
        // end of the text once landed inside the mark's UTF-8 bytes.
        for text in ["McD—", "xÉ—", "abcD’", "Hama — naïveÉ", "aB\u{2014}"] {
            let _ = found(text);
        }
        assert_eq!(found("McDonald met in Hama.")[0].0, "Hama");
    }

    #[test]
    fn a_list_goes_on_through_names_the_gazetteer_lacks() {
        let cases = [
            (", Palau, Hirdrakel, ", true),
            (", Talat al-Dabaa, Maamal al-Zaatari, ", true),
            (", Uwayjel, and ", true),
            // Counter-examples: a reporting clause, lowercase words, no list at all.
            (", said Bashar al-Assad, ", false),
            (", the monitor reported, ", false),
            (" near ", false),
            (", ", false),
        ];
        for (gap, want) in cases {
            assert_eq!(is_list_gap_through_names(gap), want, "{gap:?}");
        }
    }

    #[test]
    fn register_villages_need_a_cue() {
        // (text, the ids that must be found, in order). Hayyalin (gn:169647) is a Hama
        // village known only from GeoNames.
        let cases: &[(&str, &[&str])] = &[
            // Part of a longer name: an organisation, a person, a sentence adverb.
            ("The rebels of Hayat Tahrir al-Sham stormed it.", &[]),
            ("said Rami Abdel Rahman, who heads the monitor.", &[]),
            ("Now Deir ez-Zor is under their control.", &["gn:170794"]),
            // A kind noun, a place-role word, a list with a place nearby.
            ("They took the village of Hayalin.", &["gn:169647"]),
            ("Fighting raged in Hayalin on Monday.", &["gn:169647"]),
            (
                "They retook Karnaz and Hayalin.",
                &["gn:167739", "gn:169647"],
            ),
            // Counter-examples: no cue at all, and a list whose only place is far away.
            ("Hayalin said nothing.", &[]),
            ("Qamishli and Hayalin.", &["gn:173377"]),
            // A place matched only by sound inside a longer capitalised name is no place;
            // before an attached article it still is ("Moadamia al-Sham").
            ("It was General Oleksandr Chaiko who led them.", &[]),
            ("They reached Abdullah Al-Jabri Square.", &[]),
            ("Moadamia al-Sham fell.", &["sy:muadamiyat-al-sham"]),
            // Peoples are adjectives, not hamlets.
            ("Iraqi militias and Shi'ite fighters left.", &[]),
            // A two-letter word never starts a sound-alike ("In Suwayda" is no "Ayn ...").
            ("In Suwayda, factions seized the branch.", &["gn:172408"]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = found(text).into_iter().map(|f| f.1).collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn arabic_script_names_are_found() {
        let f = found("سيطرت الفصائل على مدينة حلب");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, "gn:170063");
    }
}
