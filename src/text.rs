//! The text stage: an article's text → sentences with byte spans.
//!
//! Takes `&str` (and the length of a header to skip) and gives [`Sentence`]s in order,
//! each a half-open byte span on char boundaries plus its paragraph number. A sentence
//! ends at `.`, `!` or `?` followed by space and a capital, digit or quote, unless the
//! word before the stop is a known abbreviation (`Nov.`, `Dec.`, `U.S.`, `Mr.`) or an
//! initial; a line break always ends a sentence, and a blank line (or a short heading
//! line) starts a new paragraph.

use crate::model::Span;

/// One sentence of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Bytes of the sentence, trimmed of surrounding space.
    pub span: Span,
    /// Paragraph number (0-based); a date carries over only within a paragraph.
    pub paragraph: usize,
}

/// Words a full stop follows without ending the sentence; lowercase, sorted.
const ABBREVIATIONS: &[&str] = &[
    "approx", "apr", "aug", "capt", "col", "dec", "dr", "e.g", "est", "etc", "feb", "gen", "gov",
    "i.e", "jan", "jr", "jul", "jun", "km", "lt", "maj", "mar", "mr", "mrs", "ms", "mt", "no",
    "nov", "oct", "prof", "rep", "sen", "sep", "sept", "sgt", "sr", "st", "u.k", "u.n", "u.s",
    "vs",
];

/// A word of at most seven bytes as one number: its bytes and its length. Asked of every
/// full stop, comparing numbers beats comparing strings.
const fn short_word_key(w: &[u8]) -> u64 {
    let mut key = w.len() as u64;
    let mut i = 0;
    while i < w.len() {
        key |= (w[i] as u64) << (8 * (i + 1));
        i += 1;
    }
    key
}

/// [`short_word_key`] of each of [`ABBREVIATIONS`].
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = short_word_key(ABBREVIATIONS[i].as_bytes());
        i += 1;
    }
    keys
};

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    // No abbreviation is longer than six bytes, nor is an initial (one char).
    if w.len() > 6 {
        return false;
    }
    let mut lower = [0u8; 6];
    let lower = &mut lower[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    ABBREVIATION_KEYS.contains(&short_word_key(lower))
        || (w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()))
}

/// Splits `text[skip..]` into sentences.
pub fn sentences(text: &str, skip: usize) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(text.len() / 128); // news sentences run 100-200 bytes
    sentences_into(text, skip, &mut out);
    out
}

/// [`sentences`] into `out`, which is cleared first (its buffer is reused).
pub fn sentences_into(text: &str, skip: usize, out: &mut Vec<Sentence>) {
    out.clear();
    let mut paragraph = 0;
    let mut offset = skip.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    let mut blank_before = false;
    let body = &text[offset..];
    let base = offset;
    let ends = memchr::memchr_iter(b'\n', body.as_bytes()).map(move |i| base + i + 1);
    // One search for stops over the whole body: a search per line pays its setup on
    // every short line.
    let mut stops = memchr::memchr3_iter(b'.', b'!', b'?', body.as_bytes())
        .map(move |i| base + i)
        .peekable();
    for line_end in ends.chain((!body.ends_with('\n')).then_some(text.len())) {
        let start = offset;
        let line = &text[start..line_end];
        offset = line_end;
        let line_stops = std::iter::from_fn(|| stops.next_if(|&i| i < line_end));
        if trimmed(text, start, line_end).is_none() {
            blank_before = true;
            continue;
        }
        if blank_before && !out.is_empty() {
            paragraph += 1;
        }
        blank_before = false;
        split_line(
            text,
            (start, start + line.len()),
            line_stops,
            paragraph,
            out,
        );
    }
}

/// Splits the line `text[start..end]` at its `stops` (byte offsets in `text` of each
/// `.`, `!` and `?` in the line, in order).
fn split_line(
    text: &str,
    (start, end): (usize, usize),
    stops: impl Iterator<Item = usize>,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let line = &text[start..end];
    let b = line.as_bytes();
    let mut sent_start = 0;
    for i in stops.map(|i| i - start) {
        // A closing quote or bracket right after the stop belongs to the sentence.
        let mut stop_end = i + 1;
        loop {
            let rest = &line[stop_end..];
            match rest.chars().next() {
                Some(c @ ('"' | '”' | '’' | '\'' | ')')) => stop_end += c.len_utf8(),
                _ => break,
            }
        }
        let mut after = line[stop_end..].chars();
        let ends = match (after.next(), after.next()) {
            (Some(n), Some(a)) if n.is_whitespace() => {
                a.is_uppercase() || a.is_ascii_digit() || matches!(a, '"' | '“' | '\'' | '‘' | '(')
            }
            (Some(n), None) => n.is_whitespace(),
            (None, _) => true,
            _ => false,
        };
        if !ends || b[i] == b'.' && is_abbreviation(last_word(&line[sent_start..i])) {
            continue;
        }
        push(text, start + sent_start, start + stop_end, paragraph, out);
        sent_start = stop_end;
    }
    push(text, start + sent_start, end, paragraph, out);
}

/// Is the byte an ASCII char that [`char::is_whitespace`] accepts (tab to carriage return,
/// space)? Unlike `u8::is_ascii_whitespace`, this includes the vertical tab. The byte-wise
/// readers use it so that they agree with `str::trim` and `split_whitespace`.
pub(crate) fn is_space_byte(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The last whitespace-separated word of `s`.
fn last_word(s: &str) -> &str {
    // Byte-wise back to an ASCII space; a non-ASCII byte may be Unicode space, so the
    // rare text with one there takes the char-wise reading.
    match s.bytes().rposition(|b| is_space_byte(b) || b >= 0x80) {
        Some(i) if s.as_bytes()[i] >= 0x80 => {
            s.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("")
        }
        Some(i) => &s[i + 1..],
        None => s,
    }
}

/// `text[start..end]` without surrounding whitespace, as a span (`None` when blank).
fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let b = text.as_bytes();
    let (mut s, mut e) = (start, end);
    // ASCII space byte-wise; where a non-ASCII byte is met, str::trim decides.
    while s < e && is_space_byte(b[s]) {
        s += 1;
    }
    while e > s && is_space_byte(b[e - 1]) {
        e -= 1;
    }
    if s < e && (b[s] >= 0x80 || b[e - 1] >= 0x80) {
        let piece = &text[s..e];
        let t = piece.trim();
        s += piece.len() - piece.trim_start().len();
        e = s + t.len();
    }
    (s < e).then(|| Span::new(s, e))
}

/// The longest sentence read as one. News sentences run 100–300 bytes and a long list of
/// villages about 1,500; a run of text without a stop beyond this (a table flattened into
/// one line, garbage) is cut into pieces at spaces, so the work per sentence is bounded
/// and extraction stays linear in the article's length.
pub const MAX_SENTENCE_BYTES: usize = 4096;

fn push(text: &str, start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let Some(mut span) = trimmed(text, start, end) else {
        return;
    };
    while span.len() > MAX_SENTENCE_BYTES {
        let cut = piece_end(text, span.start);
        if let Some(piece) = trimmed(text, span.start, cut) {
            out.push(Sentence {
                span: piece,
                paragraph,
            });
        }
        match trimmed(text, cut, span.end) {
            Some(rest) => span = rest,
            None => return,
        }
    }
    out.push(Sentence { span, paragraph });
}

/// Where a piece of at most [`MAX_SENTENCE_BYTES`] from `start` ends: after its last space,
/// else on the last char boundary.
fn piece_end(text: &str, start: usize) -> usize {
    let mut limit = start + MAX_SENTENCE_BYTES;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    match text.as_bytes()[start..limit]
        .iter()
        .rposition(|&b| b == b' ')
    {
        Some(k) if k > 0 => start + k + 1,
        _ => limit,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_run_without_stops_is_cut_into_bounded_pieces() {
        let cases: [(&str, String); 3] = [
            ("words", "Rebels took Hama and ".repeat(1000)),
            (
                "no space at all",
                "x".repeat(3 * super::MAX_SENTENCE_BYTES + 5),
            ),
            ("multibyte letters", "ḤamāḤamā ".repeat(900)),
        ];
        for (name, text) in cases {
            let got = super::sentences(&text, 0);
            assert!(got.len() > 1, "{name}");
            let mut covered = String::new();
            for s in &got {
                assert!(s.span.len() <= super::MAX_SENTENCE_BYTES, "{name}");
                assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
                covered.extend(text[s.span.start..s.span.end].split_whitespace());
            }
            let all: String = text.split_whitespace().collect();
            assert_eq!(covered, all, "{name}: no text lost");
        }
        let ordinary = "Rebels took Hama on Thursday. The army withdrew.";
        assert_eq!(
            super::sentences(ordinary, 0).len(),
            2,
            "ordinary sentences are not cut"
        );
    }

    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        sentences(t, 0)
            .iter()
            .map(|s| &t[s.span.start..s.span.end])
            .collect()
    }

    #[test]
    fn abbreviations_fit_the_length_bound_and_are_sorted_lowercase() {
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= 6));
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(ABBREVIATIONS.iter().all(|a| *a == a.to_lowercase()));
        assert!(is_abbreviation("Sept") && is_abbreviation("(U.S") && !is_abbreviation("Sep."));
        assert!(!is_abbreviation("no\0") && !is_abbreviation("nov\0") && !is_abbreviation("ap"));
        assert!(is_abbreviation("(Capt") && is_abbreviation("É") && !is_abbreviation("Aleppo"));
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            texts("On Nov. 30, rebels took Aleppo. The U.S. said nothing. Then Hama fell."),
            [
                "On Nov. 30, rebels took Aleppo.",
                "The U.S. said nothing.",
                "Then Hama fell."
            ]
        );
    }

    #[test]
    fn lines_end_sentences_and_blank_lines_paragraphs() {
        let t = "Title line\nFirst. Second.\n\nThird";
        let s = sentences(t, 0);
        assert_eq!(texts(t), ["Title line", "First.", "Second.", "Third"]);
        assert_eq!(
            s.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
            [0, 0, 0, 1]
        );
    }

    #[test]
    fn header_is_skipped_and_spans_index_the_original() {
        let t = " date 2024-12-09 Rebels took Hama. It fell.";
        let s = sentences(t, 16);
        assert_eq!(&t[s[0].span.start..s[0].span.end], "Rebels took Hama.");
    }

    proptest::proptest! {
        #[test]
        fn byte_wise_trim_and_last_word_agree_with_str(
            s in "[a-z \t\r\n\u{b}\u{85}\u{a0}\u{2003}\u{e9}.]{0,16}",
        ) {
            let want = (!s.trim().is_empty()).then(|| {
                let start = s.len() - s.trim_start().len();
                Span::new(start, start + s.trim().len())
            });
            proptest::prop_assert_eq!(trimmed(&s, 0, s.len()), want);
            let want = s.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
            proptest::prop_assert_eq!(last_word(&s), want);
        }
    }

    #[test]
    fn quotes_and_digits_start_sentences() {
        assert_eq!(
            texts("He spoke. \"We won.\" 90% agreed."),
            ["He spoke.", "\"We won.\"", "90% agreed."]
        );
    }
}
