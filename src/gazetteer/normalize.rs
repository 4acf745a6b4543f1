//! Transliteration-tolerant keys for place names.
//!
//! Takes a token (a word of an alias or of running text) and gives two keys:
//!
//! * the **folded** form: lowercase, accents, apostrophes and ʿayn/hamza marks removed,
//!   Arabic letter variants unified (`Ma‘arrat` → `maarrat`, `إدلب` → `ادلب`);
//! * the **skeleton**: a phonetic key built from the folded form that erases the choices
//!   transliterators make differently: every vowel (and `w`/`y` inside a word) becomes `a`,
//!   runs collapse (`Maaret`, `Maarat`, `Ma'arrat` → `marat`), `ch`/`sh` → `S` (French
//!   `Cheikh`), `kh` → `h` (Turkish `Han`), `q`/`k`/`c` → `k`, `th`/`dh`/`dj`/`ph` → `t`/`d`/`j`/`f`, and a final `h`
//!   after a vowel is dropped (`Talbiseh`, `Tallbisah` → `talbasa`).
//!
//! Article tokens (`al`, `el`, `ad`, `ash`, `ez`, ...) carry no identity and are skipped by
//! [`NameKey`], so `Deir ez-Zor` and `Dayr az Zawr` share the key `darzar`. Keys of several
//! tokens are concatenated without separators, which makes spacing and hyphenation
//! irrelevant (`Tell Bise` = `Tallbisah`). Gazetteer aliases and article text go through
//! exactly these functions, so a match is an equality of keys.

use unicode_normalization::UnicodeNormalization;

/// Article forms that transliterations attach to names (`al-`, `ash-`, `ez-`, `an`, ...).
const ARTICLES: &[&str] = &[
    "al", "el", "il", "ul", "ad", "ed", "ud", "ar", "er", "ur", "as", "es", "us", "ash", "esh",
    "at", "et", "ath", "az", "ez", "an", "en", "un", "adh", "ال",
];

/// True for a folded token that is only an Arabic definite article.
pub fn is_article(folded: &str) -> bool {
    ARTICLES.contains(&folded)
}

/// Characters that transliterations use for ʿayn, hamza and elision; they vanish.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '\'' | '`' | '´' | '‘' | '’' | 'ʿ' | 'ʾ' | 'ʻ' | 'ʼ' | 'ʽ' | 'ˈ' | '′'
    )
}

/// True for characters that belong inside a word of a place name.
pub fn is_word_char(c: char) -> bool {
    is_letter_or_digit(c) || is_mark(c)
}

/// `char::is_alphanumeric`, answered without Unicode tables for ASCII and the Arabic
/// letters (most of a gazetteer's non-ASCII text).
fn is_letter_or_digit(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ('\u{0621}'..='\u{064A}').contains(&c)
        || (!c.is_ascii() && c.is_alphanumeric())
}

fn fold_arabic(c: char) -> Option<char> {
    match c {
        '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' => None, // harakat, tatweel
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ة' => Some('ه'),
        'ى' => Some('ي'),
        'ؤ' => Some('و'),
        'ئ' => Some('ي'),
        _ => Some(c),
    }
}

fn fold_latin_special(c: char, out: &mut String) {
    match c {
        'ı' => out.push('i'),
        // Turkish: ş and ç are "sh" and "ch" (Şeyh = Sheikh), not s and c.
        'ş' | 'Ş' => out.push_str("sh"),
        'ç' | 'Ç' => out.push_str("ch"),
        'ß' => out.push_str("ss"),
        'ł' | 'Ł' => out.push('l'),
        'ø' | 'Ø' => out.push('o'),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'đ' | 'Đ' => out.push('d'),
        _ => {
            for lower in c.to_lowercase() {
                // A lowercase form can itself need folding (`ẞ` → `ß` → `ss`); folding it
                // again keeps `fold` idempotent.
                if lower == c {
                    out.push(c);
                } else {
                    fold_one(lower, out);
                }
            }
        }
    }
}

/// Appends the folded form of `token` to `out`: lowercase letters and digits only.
pub fn fold_into(token: &str, out: &mut String) {
    if token.is_ascii() {
        if token.bytes().all(|b| b.is_ascii_alphanumeric()) {
            // The common case: copy, then lowercase in place.
            let start = out.len();
            out.push_str(token);
            if let Some(tail) = out.get_mut(start..) {
                tail.make_ascii_lowercase();
            }
        } else {
            out.extend(
                token
                    .bytes()
                    .filter(u8::is_ascii_alphanumeric)
                    .map(|b| b.to_ascii_lowercase() as char),
            );
        }
        return;
    }
    for c in token.chars() {
        fold_one(c, out);
    }
}

fn fold_one(c: char, out: &mut String) {
    if matches!(c, 'ş' | 'Ş' | 'ç' | 'Ç') {
        // Turkish: NFD would split these into s/c and a cedilla; they are sh/ch.
        fold_latin_special(c, out);
        return;
    }
    for d in c.nfd() {
        fold_char(d, out);
    }
}

fn fold_char(c: char, out: &mut String) {
    if is_mark(c) || unicode_normalization::char::is_combining_mark(c) {
        return;
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        if let Some(f) = fold_arabic(c).filter(|f| f.is_alphanumeric()) {
            out.push(f);
        }
    } else if c.is_alphanumeric() {
        fold_latin_special(c, out);
    }
}

/// The folded form of one token.
pub fn fold(token: &str) -> String {
    let mut s = String::with_capacity(token.len());
    fold_into(token, &mut s);
    s
}

/// Builds a skeleton key incrementally, collapsing runs across token boundaries.
#[derive(Debug, Default, Clone)]
pub struct SkeletonBuilder {
    key: String,
    /// The last class pushed (runs collapse against it).
    last: Option<char>,
}

impl SkeletonBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// The key so far.
    pub fn as_str(&self) -> &str {
        &self.key
    }

    /// Becomes a copy of `other`, reusing this builder's buffer.
    pub fn copy_from(&mut self, other: &SkeletonBuilder) {
        self.key.clear();
        self.key.push_str(&other.key);
        self.last = other.last;
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.key.clear();
        self.last = None;
    }

    fn push(&mut self, c: char) {
        if self.last != Some(c) {
            self.key.push(c);
            self.last = Some(c);
        }
    }

    /// Appends the skeleton of one folded token.
    pub fn push_token(&mut self, folded: &str) {
        for_each_class(folded, |c| self.push(c));
    }

    /// Appends classes as [`for_each_class`] gave them for one token: the same as
    /// [`Self::push_token`] on that token.
    pub(crate) fn push_classes(&mut self, classes: &str) {
        for c in classes.chars() {
            self.push(c);
        }
    }
}

/// Calls `f` with each skeleton class of one folded token, in order, before runs collapse
/// (the builder collapses them, across tokens too).
pub(crate) fn for_each_class(folded: &str, mut f: impl FnMut(char)) {
    if !folded.is_ascii() {
        // Arabic script: the folded form without the article is already the key.
        let stem = folded.strip_prefix("ال").filter(|s| s.chars().count() >= 2);
        stem.unwrap_or(folded).chars().for_each(f);
        return;
    }
    let b = folded.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (class, used) = skeleton_class(b, i);
        if let Some(c) = class {
            f(c);
        }
        i += used;
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The skeleton class of the letter(s) at `b[i..]` and how many bytes they use.
fn skeleton_class(b: &[u8], i: usize) -> (Option<char>, usize) {
    let next = b.get(i + 1).copied();
    let prev_vowel = i > 0 && (is_vowel(b[i - 1]) || matches!(b[i - 1], b'w' | b'y'));
    match (b[i], next) {
        (b's' | b'c', Some(b'h')) => (Some('S'), 2),
        // kh and h merge: Turkish writes both خ and ح as h (Han Şeyhun = Khan Shaykhun).
        (b'k', Some(b'h')) => (Some('h'), 2),
        (b'g', Some(b'h')) => (Some('g'), 2),
        (b't', Some(b'h')) => (Some('t'), 2),
        (b'd', Some(b'h')) => (Some('d'), 2),
        (b'z', Some(b'h')) => (Some('j'), 2),
        (b'd', Some(b'j')) => (Some('j'), 2),
        (b'p', Some(b'h')) => (Some('f'), 2),
        (b'h', None) if prev_vowel && i > 1 => (None, 1),
        (b'q' | b'k' | b'c', _) => (Some('k'), 1),
        (b'w' | b'y', Some(n)) if i == 0 && is_vowel(n) => (Some(b[i] as char), 1),
        (c, _) if is_vowel(c) || c == b'w' || c == b'y' => (Some('a'), 1),
        (c, _) => (Some(c as char), 1),
    }
}

/// The keys of a whole name: article tokens skipped, tokens concatenated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKey {
    /// Folded tokens, concatenated.
    pub folded: String,
    /// Skeleton of the folded tokens.
    pub skeleton: String,
    /// Number of tokens, articles included (bounds the matcher's window).
    pub tokens: usize,
    /// Number of tokens that are not articles.
    pub content_tokens: usize,
}

/// Splits a name into its word tokens (hyphens, spaces and punctuation separate words).
pub fn words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| !is_word_char(c))
        .filter(|w| w.chars().any(is_letter_or_digit))
}

impl NameKey {
    /// Keys of `name`. A leading English "the" is ignored; a name that is only an
    /// article keeps it.
    pub fn new(name: &str) -> NameKey {
        // Folded tokens in one buffer, with their ranges: no allocation per token (the
        // bundled gazetteer keys some 40,000 aliases at every start).
        let mut buf = String::with_capacity(name.len());
        let mut toks: Vec<(usize, usize)> = Vec::with_capacity(6);
        for w in words(name) {
            let start = buf.len();
            fold_into(w, &mut buf);
            if buf.len() > start {
                toks.push((start, buf.len()));
            }
        }
        let tok = |&(a, b): &(usize, usize)| &buf[a..b];
        let start = usize::from(toks.len() > 1 && tok(&toks[0]) == "the");
        let is_content = |t: &&(usize, usize)| !is_article(tok(t));
        let any_content = toks[start..].iter().any(|t| is_content(&t));
        let mut sk = SkeletonBuilder::new();
        let mut folded = String::with_capacity(buf.len());
        let mut content_tokens = 0;
        for t in toks[start..]
            .iter()
            .filter(|t| !any_content || is_content(t))
        {
            sk.push_token(tok(t));
            folded.push_str(tok(t));
            content_tokens += 1;
        }
        NameKey {
            folded,
            skeleton: sk.key,
            tokens: toks.len() - start,
            content_tokens,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Folding works char by char, so checking every scalar value proves `fold` idempotent
    /// on every string (a random property test once found `ẞ` → `ß` → `ss`).
    #[test]
    fn fold_is_idempotent_on_every_char() {
        let mut bad = Vec::new();
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let once = fold(c.encode_utf8(&mut [0; 4]));
            if fold(&once) != once {
                bad.push(c);
            }
        }
        assert!(bad.is_empty(), "not idempotent: {bad:?}");
    }

    #[test]
    fn capital_sharp_s_folds_like_the_small_one() {
        assert_eq!(fold("STRAẞE"), "strasse");
        assert_eq!(fold("Straße"), "strasse");
    }

    macro_rules! same_key {
        ($($name:ident: $a:expr, $b:expr;)*) => {$(
            #[test]
            fn $name() {
                let (a, b) = (NameKey::new($a), NameKey::new($b));
                assert_eq!(a.skeleton, b.skeleton, "{:?} vs {:?}", $a, $b);
            }
        )*};
    }

    same_key! {
        maaret_vs_maarrat: "Maaret al-Numan", "Ma`arrat an Nu`man";
        maarat_nouman: "Maarat al-Nouman", "Ma'arrat an-Nu'man";
        khan_cheikhoun: "Khan Cheikhoun", "Khan Shaykhun";
        khan_sheikhoun: "Khan Sheikhoun", "Khān Shaykhūn";
        tallbisah_spacing: "Tallbisah", "Tell Bise";
        talbiseh_final_eh: "Talbiseh", "Tallbisah";
        deir_ez_zor: "Deir ez-Zor", "Dayr az Zawr";
        raqqa_final_h: "Raqqa", "Ar Raqqah";
        idleb: "Idleb", "Idlib";
        daraa_apostrophe: "Dara'a", "Daraa";
        hims_homs: "Hims", "Homs";
        doubled_letters: "Jarabulus", "Jarrabulus";
        suwayda: "As Suwayda", "Sweida";
        possessive_marks: "I‘zāz", "Izaz";
    }

    #[test]
    fn articles_are_skipped_but_a_bare_article_is_kept() {
        assert_eq!(NameKey::new("al-Bab").folded, "bab");
        assert_eq!(NameKey::new("Al").folded, "al");
        assert_eq!(NameKey::new("the Tishrin dam").folded, "tishrindam");
    }

    #[test]
    fn arabic_script_folds_alef_and_article() {
        assert_eq!(NameKey::new("إدلب").skeleton, NameKey::new("ادلب").skeleton);
        assert_eq!(NameKey::new("الرقة").skeleton, NameKey::new("رقه").skeleton);
        assert_eq!(
            NameKey::new("دير الزور").skeleton,
            NameKey::new("دير زور").skeleton
        );
    }

    #[test]
    fn distinct_places_stay_distinct() {
        assert_ne!(NameKey::new("Hama").skeleton, NameKey::new("Homs").skeleton);
        assert_ne!(
            NameKey::new("Idlib").skeleton,
            NameKey::new("Daraa").skeleton
        );
    }

    #[test]
    fn fold_strips_accents_and_marks() {
        assert_eq!(fold("Ma‘arrat"), "maarrat");
        assert_eq!(fold("Ḩamāh"), "hamah");
        assert_eq!(fold("Şırrın"), "shirrin"); // Turkish ş is "sh"
    }
}
