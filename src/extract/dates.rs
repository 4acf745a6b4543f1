//! Date expressions in a sentence, resolved against the publication date.
//!
//! Takes a sentence and the article's publication day and gives [`DateMention`]s with
//! sentence-relative byte spans. Rules:
//! - "Nov. 30", "November 30", "30 November", "December 1, 2024", "29 nov. 2024",
//!   "2024-12-02": explicit. Without a year, the publication year, or the year before when
//!   that would put the day more than a week after publication. "7/12/2024" and
//!   "07.12.2024" read day and month in the order that puts the day nearest publication
//!   (day first when that does not decide).
//! - A weekday ("on Thursday", "last Thursday", "Sunday morning") is the latest such day on
//!   or before the publication day; "yesterday" is the day before it; "today", "this
//!   morning", "overnight", "tonight" are the day itself; "over the weekend" is the latest
//!   Saturday (time precision 2).
//! - "on the 29th", "by the 2nd" (a day of the month alone) is the latest such day on or
//!   before publication: explicit, its month the publication's or the one before.
//! - "two days ago", "48 hours ago", "the day before yesterday" count back from
//!   publication; "last night" is the day before it; "last week" is a week before it and
//!   "Tuesday last week" that weekday of the week before (time precision 2 for "last
//!   week" and "a week ago"); "last month" is by its last day (precision 3), and "last
//!   year" is background, like a year alone.
//! - "the day before", "the night before", "the previous evening", "a day earlier", "three
//!   days earlier", "the same day", "that day", "that night", "the next day", "the
//!   following day" (or morning, evening, night) and "two days later" are anaphors: the caller resolves them against
//!   the previous date of the article. "A day after taking Idlib on Thursday" and "two
//!   days before entering Homs on Saturday" count from the next date of the sentence
//!   ([`DateMention::forward`]); with none, they date the event after them from the
//!   date before ("took Hama on Thursday, a day after seizing Idlib": Wednesday); with
//!   neither, "after" gives no day.
//! - Years alone ("in 2016", "since 2018") are reported as [`DateMention::year_only`] so
//!   that the caller can recognise background history.
//! - A month alone after "in", "early", "mid", "late", "the end of" ("in late November")
//!   is the last day of that part of the month, no later than publication (time
//!   precision 3): the change had happened by then.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// How a date was established (the `date_basis` of an event).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// Written as a calendar date.
    Explicit,
    /// A weekday, "yesterday", "the day before", ... resolved against publication.
    Relative,
    /// No date in the text: the publication day.
    Publication,
    /// No date and no publication day.
    #[default]
    Unknown,
}

/// A date given as days after the previous date of the article (before it when
/// negative): "the same day" 0, "the day before" -1, "the next day" 1, "three days
/// later" 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anaphor(pub i64);

impl Anaphor {
    /// "the same day".
    pub const SAME_DAY: Anaphor = Anaphor(0);
    /// "the day before", "the night before", "a day earlier".
    pub const DAY_BEFORE: Anaphor = Anaphor(-1);
}

/// One date expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range in the sentence.
    pub start: usize,
    /// End of the byte range in the sentence.
    pub end: usize,
    /// The day, when it could be resolved.
    pub day: Option<NaiveDate>,
    /// Explicit or relative.
    pub basis: DateBasis,
    /// ACLED time precision: 1 the day, 2 within a week.
    pub precision: u8,
    /// Set for "the same day", "the day before", "two days later" (then `day` is `None`).
    pub anaphor: Option<Anaphor>,
    /// An anaphor counted from what follows it: "a day after taking Idlib on Thursday" is
    /// the day after the next date of the sentence (with none but a date before it, it is
    /// the day of the event after it, counted from that date, and no longer `forward`;
    /// with neither, "after" gives no day and "before" counts from the article's last
    /// date, as "the day before" does).
    pub forward: bool,
    /// A bare year such as "2016" (then `day` is `None`).
    pub year_only: Option<i32>,
    /// The day of a "since" date ("in control of Hama since Thursday"): it opens a period,
    /// so `day` is `None`, but a state the clause tells of began then.
    pub opens: Option<NaiveDate>,
}

/// The month a lowercase word names: its full name or first three letters ("nov",
/// "nov.", "november"), or "sept".
fn month_of(word: &str) -> Option<u32> {
    Some(match word.trim_end_matches('.') {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    })
}

/// The words besides numbers that a date expression is anchored on: every spelling
/// [`month_of`] and [`weekday_of`] accept (without a dot) and the words
/// `Scan::relative_word` acts on (the tests check both).
pub const CUE_WORDS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "overnight",
    "morning",
    "evening",
    "weekend",
    "before",
    "after",
    "earlier",
    "later",
    "ago",
    "day",
    "night",
    "week",
    "month",
    "year",
];

/// Does "since" stand in the clause that `before` (lowercase text up to a date) ends, after
/// its last comma or stop? Then the date opens a period ("held since Thursday", "since the
/// war began ten years ago") rather than dating anything.
pub(super) fn follows_since(before: &str) -> bool {
    // Byte-wise: the stops are ASCII (asked of every date of every sentence).
    let start = before
        .bytes()
        .rposition(|c| matches!(c, b',' | b'.' | b';' | b'\n'))
        .map_or(0, |i| i + 1);
    super::has_word(&before[start..], "since")
}

/// Can a date expression start (or be anchored) at this lowercase word? The words
/// [`find_dates`] acts on: numbers and [`CUE_WORDS`]; a sentence without any has no date,
/// so its scan is skipped. (The extractor learns this from its phrase lookup instead.)
pub fn is_date_cue(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit()) || CUE_WORDS.contains(&word)
}

/// Does `word` (any case) name a month, in full or abbreviated ("Nov", "Sept."), or a
/// day of the week? Such words are capitalised but never a place.
pub(crate) fn is_calendar_word(word: &str) -> bool {
    // Lowercased on the stack: the clause reader asks this of every word before a place.
    // Most words are answered by their first three letters.
    const STEMS: [&[u8; 3]; 19] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
        b"dec", b"mon", b"tue", b"wed", b"thu", b"fri", b"sat", b"sun",
    ];
    let stem = match word.as_bytes() {
        [a, b, c, ..] => [a, b, c].map(|x| x.to_ascii_lowercase()),
        _ => return false,
    };
    if !STEMS.contains(&&stem) {
        return false;
    }
    let mut buf = [0u8; 10]; // "september." is the longest spelling read
    let Some(lower) = buf.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).expect("ASCII case changes keep UTF-8");
    month_of(lower).is_some() || weekday_of(lower).is_some()
}

fn weekday_of(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// A word: a run of ASCII letters and digits (and a month abbreviation's dot) in an
/// ASCII-lowercased text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    start: usize,
    end: usize,
    /// Can a date expression be anchored here ([`is_date_cue`])?
    pub(crate) cue: bool,
}

impl Word {
    /// The word `lower[start..end]`, a whole run of ASCII letters and digits;
    /// `cue_word` says whether it is one of [`CUE_WORDS`].
    #[inline]
    pub(crate) fn new(lower: &str, start: usize, end: usize, cue_word: bool) -> Word {
        let b = lower.as_bytes();
        // "Nov." keeps its dot, so that "Nov. 30" reads as one expression.
        let dotted =
            cue_word && b.get(end) == Some(&b'.') && month_of(&lower[start..end]).is_some();
        Word {
            start,
            end: end + dotted as usize,
            cue: cue_word || b[start].is_ascii_digit(),
        }
    }

    /// Where the word starts.
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    /// Where the word ends (after the dot of "Nov.").
    pub(crate) fn end(&self) -> usize {
        self.end
    }
}

/// The words of `lower`.
fn words(lower: &str) -> Vec<Word> {
    let b = lower.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        out.push(Word::new(
            lower,
            start,
            i,
            CUE_WORDS.contains(&&lower[start..i]),
        ));
    }
    out
}

fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic()); // 1st, 2nd, 30th
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(w: &str) -> Option<i32> {
    (w.len() == 4)
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// The last day of days `first..=last` of month `m` (`last` capped at the month's end),
/// no later than `published`; `None` when the part begins after it.
fn part_of_month_end(
    year: i32,
    m: u32,
    (first, last): (u32, u32),
    published: NaiveDate,
) -> Option<NaiveDate> {
    let end = NaiveDate::from_ymd_opt(year, m, last.min(month_last_day(year, m)?.day()))?;
    let begin = NaiveDate::from_ymd_opt(year, m, first)?;
    (begin <= published).then(|| end.min(published))
}

/// The last day of month `m` of `year`.
fn month_last_day(year: i32, m: u32) -> Option<NaiveDate> {
    let (y, next) = if m == 12 {
        (year + 1, 1)
    } else {
        (year, m + 1)
    };
    NaiveDate::from_ymd_opt(y, next, 1).map(|d| d - Duration::days(1))
}

/// The latest `wd` on or before `day`.
pub fn latest_weekday(day: NaiveDate, wd: Weekday) -> NaiveDate {
    let back = (7 + day.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    day - Duration::days(back as i64)
}

fn calendar(
    year: Option<i32>,
    month: u32,
    day: u32,
    published: Option<NaiveDate>,
) -> Option<NaiveDate> {
    if let Some(y) = year {
        return NaiveDate::from_ymd_opt(y, month, day);
    }
    let pubd = published?;
    let d = NaiveDate::from_ymd_opt(pubd.year(), month, day)?;
    if d > pubd + Duration::days(7) {
        NaiveDate::from_ymd_opt(pubd.year() - 1, month, day)
    } else {
        Some(d)
    }
}

/// The latest day numbered `d` on or before `day` (`None` when the month it falls in
/// has no such day: "the 31st" in early December).
fn day_of_month_at_or_before(day: NaiveDate, d: u32) -> Option<NaiveDate> {
    if d <= day.day() {
        return day.with_day(d);
    }
    let last_month = day.with_day(1)? - Duration::days(1);
    last_month.with_day(d)
}

struct Scan<'a> {
    w: &'a [Word],
    /// The text the words index.
    lower: &'a str,
    /// Where the sentence starts in it (mentions are sentence-relative).
    base: usize,
    published: Option<NaiveDate>,
    out: Vec<DateMention>,
}

impl<'a> Scan<'a> {
    fn push(
        &mut self,
        a: usize,
        b: usize,
        day: Option<NaiveDate>,
        basis: DateBasis,
        precision: u8,
    ) {
        self.out.push(DateMention {
            start: self.w[a].start - self.base,
            end: self.w[b].end - self.base,
            day,
            basis,
            precision,
            anaphor: None,
            year_only: None,
            opens: None,
            forward: false,
        });
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.w.get(i).is_some_and(|w| self.text(w) == word)
    }

    fn text(&self, w: &Word) -> &'a str {
        &self.lower[w.start..w.end]
    }

    fn word(&self, i: usize) -> &'a str {
        self.w.get(i).map_or("", |w| self.text(w))
    }

    /// Tries every rule at word `i`; returns the number of words used.
    fn at(&mut self, i: usize) -> usize {
        let lw = self.word(i);
        if let Some(m) = month_of(lw) {
            return self
                .month_first(i, m)
                .or_else(|| self.day_first(i, m))
                .or_else(|| self.month_only(i, m))
                .unwrap_or(1);
        }
        if let Some(n) = self.iso(i).or_else(|| self.numeric(i)) {
            return n;
        }
        if let Some(wd) = weekday_of(lw) {
            let day = self.published.map(|p| latest_weekday(p, wd));
            let start = if i > 0 && self.is(i - 1, "last") {
                i - 1
            } else {
                i
            };
            if i > 0 && self.is(i - 1, "next") || self.calendar_date_follows(i) {
                return 1;
            }
            if self.is(i + 1, "last") && self.is(i + 2, "week") {
                // "Tuesday last week": that weekday of the week before publication's.
                let day = self.published.map(|p| {
                    let monday = p - Duration::days(p.weekday().num_days_from_monday().into());
                    monday - Duration::days(7 - i64::from(wd.num_days_from_monday()))
                });
                self.push(i, i + 2, day, DateBasis::Relative, 1);
                return 3;
            }
            self.push(start, i, day, DateBasis::Relative, 1);
            return 1;
        }
        self.relative_word(i, lw)
    }

    /// "Saturday, Nov. 30", "Thursday 5 December": a calendar date right after weekday `i`
    /// says which one it is (read at the month), whatever the publication date.
    fn calendar_date_follows(&self, i: usize) -> bool {
        let (Some(weekday), Some(next)) = (self.w.get(i), self.w.get(i + 1)) else {
            return false;
        };
        let gap = &self.lower[weekday.end..next.start];
        matches!(gap, " " | ", ")
            && (month_of(self.word(i + 1)).is_some() && day_number(self.word(i + 2)).is_some()
                || day_number(self.word(i + 1)).is_some() && month_of(self.word(i + 2)).is_some())
    }

    fn month_first(&mut self, i: usize, m: u32) -> Option<usize> {
        self.w.get(i + 1)?;
        let d = day_number(self.word(i + 1))?;
        let year = year_number(self.word(i + 2));
        let last = if year.is_some() { i + 2 } else { i + 1 };
        let day = calendar(year, m, d, self.published);
        self.push(i, last, day, DateBasis::Explicit, 1);
        Some(last - i + 1)
    }

    /// "in November", "late November", "at the end of November 2023", "mid-December": a
    /// month with no day, read only after one of these words ("may" is a verb too). The
    /// day is the last of the part of the month named (the 10th, the 20th or the month's
    /// last), and no later than publication: by then the change had happened. Time
    /// precision 3; a part still to come is no date.
    fn month_only(&mut self, i: usize, m: u32) -> Option<usize> {
        let before = |k: usize| i.checked_sub(k).map_or("", |j| self.word(j));
        let (first, last_day) = match (before(2), before(1)) {
            (_, "early") | ("beginning" | "start", "of") => (1, 10),
            (_, "mid") | ("middle", "of") => (11, 20),
            (_, "late") | ("end", "of") => (21, 31),
            (_, "in") => (1, 31),
            _ => return None,
        };
        let start = if before(1) == "of" { i - 2 } else { i - 1 };
        let published = self.published;
        // The latest such month on or before publication.
        let recent = published.map(|p| {
            if m > p.month() {
                p.year() - 1
            } else {
                p.year()
            }
        });
        let year = year_number(self.word(i + 1));
        if year.is_some() && year != recent {
            // "In August 2019": history, which the year alone tells ([`DateMention::year_only`]).
            return None;
        }
        let last = if year.is_some() { i + 1 } else { i };
        let day = recent
            .zip(published)
            .and_then(|(year, p)| part_of_month_end(year, m, (first, last_day), p));
        self.push(start, last, day, DateBasis::Explicit, 3);
        Some(last - i + 1)
    }

    /// "30 November", "the 7th of December".
    fn day_first(&mut self, i: usize, m: u32) -> Option<usize> {
        let of = i >= 2 && self.is(i - 1, "of") && day_number(self.word(i - 2)).is_some();
        let first = if of { i - 2 } else { i.checked_sub(1)? };
        let d = day_number(self.word(first))?;
        if self
            .out
            .last()
            .is_some_and(|o| o.end + self.base > self.w[first].start)
        {
            return None;
        }
        let year = year_number(self.word(i + 1));
        let last = if year.is_some() { i + 1 } else { i };
        let day = calendar(year, m, d, self.published);
        self.push(first, last, day, DateBasis::Explicit, 1);
        Some(last - i + 1)
    }

    /// `2024-12-02` (the words are split at hyphens: 2024, 12, 02 in a row).
    fn iso(&mut self, i: usize) -> Option<usize> {
        let y = year_number(self.word(i))?;
        let (m, d) = (*self.w.get(i + 1)?, *self.w.get(i + 2)?);
        let (mt, dt) = (self.text(&m), self.text(&d));
        if m.start != self.w[i].end + 1 || d.start != m.end + 1 || mt.len() != 2 {
            return None;
        }
        let day = NaiveDate::from_ymd_opt(y, mt.parse().ok()?, dt.get(..2)?.parse().ok()?)?;
        self.push(i, i + 2, Some(day), DateBasis::Explicit, 1);
        Some(3)
    }

    /// `7/12/2024`, `07.12.2024`, `12/7/2024`: day and month in either order (the words
    /// are split at the separators). The order is the one that puts the day nearest on or
    /// before publication (a report tells of days just past); day first, as most of the
    /// world writes it, when both are as near or there is no publication date.
    fn numeric(&mut self, i: usize) -> Option<usize> {
        let (a, b, y) = (self.w[i], *self.w.get(i + 1)?, *self.w.get(i + 2)?);
        let sep = *self.lower.as_bytes().get(a.end)?;
        let joined =
            |x: &Word, next: &Word| next.start == x.end + 1 && self.lower.as_bytes()[x.end] == sep;
        if !matches!(sep, b'/' | b'.') || !joined(&a, &b) || !joined(&b, &y) {
            return None;
        }
        let small = |w: &Word| {
            let t = self.text(w);
            (1..=2).contains(&t.len()) && t.bytes().all(|c| c.is_ascii_digit())
        };
        let year = year_number(self.text(&y))?;
        if !small(&a) || !small(&b) {
            return None;
        }
        let (x, z): (u32, u32) = (self.text(&a).parse().ok()?, self.text(&b).parse().ok()?);
        let day_first = NaiveDate::from_ymd_opt(year, z, x);
        let month_first = NaiveDate::from_ymd_opt(year, x, z);
        let distance = |d: NaiveDate| {
            self.published.map_or(0, |p| {
                let back = (p - d).num_days();
                // Days after publication are unlikely; far after, impossible.
                if back < -7 {
                    i64::MAX
                } else {
                    back.abs()
                }
            })
        };
        let day = match (day_first, month_first) {
            (Some(d), Some(m)) if distance(m) < distance(d) => m,
            (Some(d), _) => d,
            (None, Some(m)) => m,
            (None, None) => return None,
        };
        self.push(i, i + 2, Some(day), DateBasis::Explicit, 1);
        Some(3)
    }

    fn relative_word(&mut self, i: usize, lw: &str) -> usize {
        let p = self.published;
        match lw {
            "yesterday" => self.push(
                i,
                i,
                p.map(|d| d - Duration::days(1)),
                DateBasis::Relative,
                1,
            ),
            // "overnight Thursday", "overnight into Friday": the weekday names the day.
            "overnight"
                if (i + 1..i + 3)
                    .any(|k| k < self.w.len() && weekday_of(self.word(k)).is_some()) => {}
            "today" | "tonight" | "overnight" => self.push(i, i, p, DateBasis::Relative, 1),
            "morning" | "evening" if i > 0 && self.is(i - 1, "this") => {
                self.push(i - 1, i, p, DateBasis::Relative, 1)
            }
            "weekend" if i > 0 && matches!(self.word(i - 1), "the" | "this" | "last") => {
                let day = p.map(|d| latest_weekday(d, Weekday::Sat));
                self.push(i - 1, i, day, DateBasis::Relative, 2)
            }
            "night" if i > 0 && self.is(i - 1, "last") => self.push(
                i - 1,
                i,
                p.map(|d| d - Duration::days(1)),
                DateBasis::Relative,
                1,
            ),
            "week" if i > 0 && self.is(i - 1, "last") => {
                let day = p.map(|d| d - Duration::days(7));
                self.push(i - 1, i, day, DateBasis::Relative, 2)
            }
            // Like "in November" when it is past: by the month's last day.
            "month" if i > 0 && self.is(i - 1, "last") => {
                let day = p.map(|d| d - Duration::days(d.day().into()));
                self.push(i - 1, i, day, DateBasis::Relative, 3)
            }
            // Like "in 2023": background history.
            "year" if i > 0 && self.is(i - 1, "last") => {
                self.push(i - 1, i, None, DateBasis::Relative, 3);
                if let Some(last) = self.out.last_mut() {
                    last.year_only = p.map(|d| d.year() - 1);
                }
            }
            // "years ago", "two years earlier", "years later": a past year, background. Not
            // after "since" ("for the first time since the war began ten years ago").
            "ago" | "earlier" | "later"
                if i > 0
                    && matches!(self.word(i - 1), "years" | "year")
                    && !self.after_since(i) =>
            {
                let first = if i > 1 && self.word(i - 2) != "the" {
                    i - 2
                } else {
                    i - 1
                };
                self.push(first, i, None, DateBasis::Relative, 3);
                if let Some(last) = self.out.last_mut() {
                    last.year_only = p.map(|d| d.year() - 1);
                }
            }
            "ago" => {
                if let Some((first, days)) = self.days_counted(i) {
                    let day = p.map(|d| d - Duration::days(days));
                    let precision = if days >= 7 { 2 } else { 1 };
                    self.push(first, i, day, DateBasis::Relative, precision);
                }
            }
            "before" if i > 1 && self.is(i - 1, "day") && self.is(i + 1, "yesterday") => {
                let day = p.map(|d| d - Duration::days(2));
                self.push(i - 2, i + 1, day, DateBasis::Relative, 1);
                return 2;
            }
            "before" | "earlier" | "later" | "after" => {
                let sign = if matches!(lw, "later" | "after") {
                    1
                } else {
                    -1
                };
                if let Some((first, days)) = self.days_counted(i) {
                    self.anaphor(first, i, Anaphor(sign * days));
                    // "two days before/after <an event>": counted from that event's day.
                    let forward = matches!(lw, "before" | "after")
                        && self.w.get(i + 1).is_some_and(|next| {
                            self.lower[self.w[i].end..next.start].trim().is_empty()
                        });
                    if let Some(last) = self.out.last_mut() {
                        last.forward = forward;
                    }
                } else if sign < 0 && i > 1 && matches!(self.word(i - 1), "day" | "night") {
                    // "the day before", "the night before"
                    self.anaphor(i - 2, i, Anaphor::DAY_BEFORE)
                }
            }
            "day" | "night" | "evening" if i > 1 && self.is(i - 1, "previous") => {
                self.anaphor(i - 2, i, Anaphor::DAY_BEFORE)
            }
            // "that day", "that evening": the day just named.
            "day" | "night" | "evening" | "morning" if i > 0 && self.is(i - 1, "that") => {
                self.anaphor(i - 1, i, Anaphor::SAME_DAY)
            }
            // "the next day", "the following morning"
            "day" | "morning" | "evening" | "night"
                if i > 0 && matches!(self.word(i - 1), "next" | "following") =>
            {
                self.anaphor(i - 1, i, Anaphor(1))
            }
            "day" | "night" if i > 0 && self.is(i - 1, "same") => {
                self.anaphor(i - 1, i, Anaphor::SAME_DAY)
            }
            // A number: a day of the month alone ("on the 29th"), else perhaps a year.
            _ if self.day_alone(i) => {}
            // "the 2011 uprising", "its 2016 offensive": a year naming a thing, not a time.
            _ if i > 0 && matches!(self.word(i - 1), "the" | "a" | "an" | "its" | "their") => {}
            _ => {
                if let Some(y) = year_number(lw) {
                    self.push(i, i, None, DateBasis::Explicit, 3);
                    if let Some(last) = self.out.last_mut() {
                        last.year_only = Some(y);
                    }
                }
            }
        }
        1
    }

    /// "on the 29th", "by the 5th": a day of the month alone, read as the latest such day
    /// on or before publication (its month is the publication's or the one before). Not
    /// "the 7th of December" (read at the month), nor a unit ("on the 4th Division").
    fn day_alone(&mut self, i: usize) -> bool {
        const UNIT_WORDS: &[&str] = &[
            "armored",
            "armoured",
            "army",
            "artillery",
            "battalion",
            "brigade",
            "commando",
            "corps",
            "division",
            "infantry",
            "mechanised",
            "mechanized",
            "regiment",
            "special",
            "tank",
            "anniversary",
            "century",
        ];
        let lw = self.word(i);
        if !lw.ends_with(|c: char| c.is_ascii_alphabetic()) {
            return false; // not an ordinal
        }
        let Some(d) = day_number(lw) else {
            return false;
        };
        let next = self.word(i + 1);
        if i < 2
            || !self.is(i - 1, "the")
            || !matches!(self.word(i - 2), "on" | "by" | "until" | "since")
            || next == "of"
            || month_of(next).is_some()
            || UNIT_WORDS.contains(&next)
        {
            return false;
        }
        let day = self.published.and_then(|p| day_of_month_at_or_before(p, d));
        self.push(i - 1, i, day, DateBasis::Explicit, 1);
        true
    }

    /// "two days", "a day", "48 hours", "a week" right before word `i`: the first word
    /// and the number of whole days.
    fn days_counted(&self, i: usize) -> Option<(usize, i64)> {
        let unit = i.checked_sub(1)?;
        let per_unit: fn(i64) -> i64 = match self.word(unit) {
            "day" | "days" => |n| n,
            "hours" => |n| n / 24,
            "week" | "weeks" => |n| 7 * n,
            _ => return None,
        };
        let count = unit.checked_sub(1)?;
        let n = match self.word(count) {
            "a" | "an" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "ten" => 10,
            w => w.parse().ok().filter(|n| (1..=60).contains(n))?,
        };
        Some((count, per_unit(n)))
    }

    /// Does "since" come before word `i` in its clause ([`follows_since`])?
    fn after_since(&self, i: usize) -> bool {
        follows_since(&self.lower[..self.w[i].start])
    }

    fn anaphor(&mut self, a: usize, b: usize, kind: Anaphor) {
        self.push(a, b, None, DateBasis::Relative, 1);
        if let Some(last) = self.out.last_mut() {
            last.anaphor = Some(kind);
        }
    }
}

/// Every date expression in `sentence`, in order.
pub fn find_dates(sentence: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    find_dates_lower(&sentence.to_ascii_lowercase(), published)
}

/// [`find_dates`] on a sentence that is already ASCII-lowercase (no copy is made).
pub fn find_dates_lower(lower: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    let words = words(lower);
    let cues = (0..words.len()).filter(|&i| words[i].cue);
    let mut out = Vec::new();
    find_dates_in(lower, &words, cues, 0, published, &mut out);
    out
}

/// [`find_dates`] on the `words` of one sentence of `lower`, which starts at byte
/// `base` (the article's words, found once for every stage); `cues` are the indices of
/// its cue words, in order. The expressions go to `out`, which is cleared first (its
/// buffer is reused).
pub(crate) fn find_dates_in(
    lower: &str,
    words: &[Word],
    cues: impl IntoIterator<Item = usize>,
    base: usize,
    published: Option<NaiveDate>,
    out: &mut Vec<DateMention>,
) {
    out.clear();
    let mut scan = Scan {
        w: words,
        lower,
        base,
        published,
        out: std::mem::take(out),
    };
    // Only a cue can anchor an expression: every rule of `Scan::at` starts at one. An
    // expression's words anchor nothing more.
    let mut next = 0;
    for i in cues {
        if i >= next {
            next = i + scan.at(i).max(1);
        }
    }
    *out = scan.out;
}

/// The first calendar date with a year in `text` (for datelines).
pub fn first_full_date(text: &str) -> Option<NaiveDate> {
    let lower = text.to_ascii_lowercase();
    let w = words(&lower);
    let mut scan = Scan {
        w: &w,
        lower: &lower,
        base: 0,
        published: None,
        out: Vec::new(),
    };
    let mut i = 0;
    while i < w.len() {
        i += scan.at(i).max(1);
        if let Some(d) = scan
            .out
            .iter()
            .find_map(|m| (m.basis == DateBasis::Explicit).then_some(m.day).flatten())
        {
            return Some(d);
        }
    }
    None
}

/// The month and day of a dateline that gives no year ("DUBAI, December 9. /TASS/.",
/// "BEIRUT, 7 Dec (Reuters) -"): a line of the first 1,200 bytes that opens with a place
/// in capitals and a comma, then the day. Only such a line: a day in the body tells of an
/// event, not of the publication.
pub fn dateline_month_day(text: &str) -> Option<(u32, u32)> {
    let head = &text[..super::floor_char(text, text.len().min(1200))];
    head.lines().find_map(|line| {
        let (place, rest) = line.trim_start().split_once(", ")?;
        let capitals = place.chars().filter(|c| c.is_alphabetic()).count();
        let place_like = capitals >= 3
            && place.len() <= 40
            && place
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, ' ' | '-' | '.' | '\'' | '\u{2019}'));
        if !place_like {
            return None;
        }
        // The day, or the country and then the day ("DAMASCUS, Syria, Dec. 8 (UPI)").
        let after_country = rest.split_once(", ").filter(|(c, _)| c.len() <= 20);
        [Some(rest), after_country.map(|(_, r)| r)]
            .into_iter()
            .flatten()
            .find_map(month_day_opening)
    })
}

/// The month and day that open `s` ("December 9.", "7 Dec (Reuters)"), when no year
/// follows them.
fn month_day_opening(s: &str) -> Option<(u32, u32)> {
    let lower = s.to_ascii_lowercase();
    let mut words = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty());
    let (a, b, c) = (words.next()?, words.next()?, words.next());
    let month_day = match (month_of(a), month_of(b)) {
        (Some(m), _) => (m, day_number(b)?),
        (None, Some(m)) => (m, day_number(a)?),
        _ => return None,
    };
    // With a year it is a full date, read elsewhere.
    c.and_then(year_number).is_none().then_some(month_day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_without_a_year() {
        let cases: &[(&str, Option<(u32, u32)>)] = &[
            (
                "Title\n\nDUBAI, December 9. /TASS/. The opposition",
                Some((12, 9)),
            ),
            ("BEIRUT, 7 Dec (Reuters) - Rebels", Some((12, 7))),
            ("DEIR EZ-ZOR, Nov. 30 (AP) — Kurdish", Some((11, 30))),
            ("DAMASCUS, Syria, Dec. 8 (UPI) -- Rebels", Some((12, 8))),
            // Full dates are read as such; days in the body are events, not datelines.
            ("BEIRUT, Dec 7, 2024 (Reuters)", None),
            ("On November 27, rebels launched", None),
            ("Rebels, December 9 was the day", None),
            ("Damascus, December 9", None),
        ];
        for &(text, want) in cases {
            assert_eq!(dateline_month_day(text), want, "{text:?}");
        }
    }

    /// A cheap test: can `lower` (ASCII-lowercase) contain a date expression at all?
    fn may_contain_date(lower: &str) -> bool {
        lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(is_date_cue)
    }

    /// Every month and weekday name, from chrono (not a list of ours to keep in step).
    fn month_and_day_names() -> Vec<String> {
        let months = (1..=12).map(|m| {
            let d = NaiveDate::from_ymd_opt(2024, m, 1).unwrap();
            d.format("%B").to_string().to_ascii_lowercase()
        });
        let days = (1..=7).map(|d| {
            let d = NaiveDate::from_ymd_opt(2024, 1, d).unwrap();
            d.format("%A").to_string().to_ascii_lowercase()
        });
        months.chain(days).collect()
    }

    #[test]
    fn every_month_and_day_spelling_is_read_and_is_a_cue() {
        for name in month_and_day_names() {
            assert!(
                month_of(&name).is_some() || weekday_of(&name).is_some(),
                "{name}"
            );
            // Every shortening the rules read ("nov", "sept") must be a cue word too.
            for n in 3..=name.len() {
                let short = &name[..n];
                if month_of(short).is_some() || weekday_of(short).is_some() {
                    assert!(CUE_WORDS.contains(&short), "{short}");
                    // ... and a calendar word, in any case (its three-letter stem filter).
                    assert!(is_calendar_word(&short.to_uppercase()), "{short}");
                }
            }
        }
        assert_eq!(month_of("nov."), Some(11));
        assert_eq!(month_of("sept"), Some(9));
        assert_eq!(month_of("ma"), None);
        assert_eq!(month_of("mayor"), None);
        for w in ["SEPTEMBER.", "Wednesday", "Nov", "sept"] {
            assert!(is_calendar_word(w), "{w}");
        }
        for w in ["Novembers", "Décembre", "", "Hama", "September 1"] {
            assert!(!is_calendar_word(w), "{w}");
        }
    }

    #[test]
    fn every_cue_word_anchors_some_date() {
        // The relative expressions, each ending in the word the rule anchors on.
        let relative = [
            "yesterday",
            "today",
            "tonight",
            "overnight",
            "this morning",
            "this evening",
            "over the weekend",
            "the day before",
            "a day earlier",
            "the same day",
            "the previous night",
            "two days later",
            "two days after",
            "three days ago",
            "last week",
            "last month",
            "last year",
        ];
        for p in relative {
            assert_eq!(find_dates(p, Some(day("2024-12-08"))).len(), 1, "{p}");
        }
        let names = month_and_day_names();
        for w in CUE_WORDS {
            let read = month_of(w).is_some() || weekday_of(w).is_some();
            let anchors = relative.iter().any(|p| p.ends_with(w));
            assert!(read || anchors, "{w} is a cue word no rule acts on");
            assert!(!read || names.iter().any(|n| n.starts_with(w)), "{w}");
        }
    }

    /// Text made of date fragments, other words and arbitrary characters.
    fn datey() -> impl proptest::strategy::Strategy<Value = String> {
        super::super::text_of(
            &[
                "nov. ",
                "30 ",
                "december 1, 2024 ",
                "2024-12-02 ",
                "last thursday ",
                "the day before ",
                "this morning ",
                "since 2016 ",
                "the same day ",
                "rebels took hama ",
                "-",
                "é",
            ],
            12,
        )
    }

    proptest::proptest! {
        #[test]
        fn a_sentence_read_from_the_article_words_gives_the_same_dates(
            before in datey(),
            sentence in datey(),
            after in datey(),
        ) {
            let article = format!("{before} {sentence} {after}");
            let base = before.len() + 1;
            let words = words(&article);
            let inside: Vec<Word> = words
                .into_iter()
                .filter(|w| w.start >= base && w.start < base + sentence.len())
                .collect();
            let cues = (0..inside.len()).filter(|&i| inside[i].cue);
            let published = Some(day("2024-12-08"));
            let mut found = vec![];
            find_dates_in(&article, &inside, cues, base, published, &mut found);
            proptest::prop_assert_eq!(found, find_dates_lower(&sentence, published));
        }
    }

    /// [`find_dates_in`] as first written: a walk over every word, anchoring at cues.
    fn find_dates_by_walk(lower: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
        let w = words(lower);
        let mut scan = Scan {
            w: &w,
            lower,
            base: 0,
            published,
            out: Vec::new(),
        };
        let mut i = 0;
        while i < w.len() {
            i += if w[i].cue { scan.at(i).max(1) } else { 1 };
        }
        scan.out
    }

    proptest::proptest! {
        #[test]
        fn visiting_only_the_cues_finds_what_a_walk_over_every_word_finds(
            sentence in datey(),
        ) {
            let published = Some(day("2024-12-08"));
            proptest::prop_assert_eq!(
                find_dates_lower(&sentence, published),
                find_dates_by_walk(&sentence, published)
            );
        }
    }

    #[test]
    fn date_cues_are_whole_words() {
        for w in [
            "30",
            "2024",
            "1st",
            "yesterday",
            "day",
            "night",
            "before",
            "december",
        ] {
            assert!(is_date_cue(w), "{w}");
        }
        for w in [
            "",
            "a",
            "days",
            "nights",
            "beforehand",
            "decembers",
            "rebels",
            "novel",
        ] {
            assert!(!is_date_cue(w), "{w}");
        }
        assert!(may_contain_date("rebels took hama on the same day"));
        assert!(!may_contain_date("rebels took hama and homs"));
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// (sentence, publication day, expected first resolved day, basis)
    const CASES: &[(&str, &str, &str, DateBasis)] = &[
        (
            "rebels took Homs on the 7th of December",
            "2024-12-09",
            "2024-12-07",
            DateBasis::Explicit,
        ),
        // A weekday with its calendar date: the date says which week.
        (
            "rebels took the airport on Saturday, Nov. 30",
            "2024-12-07",
            "2024-11-30",
            DateBasis::Explicit,
        ),
        (
            "rebels took the airport on Thursday 28 November",
            "2024-12-07",
            "2024-11-28",
            DateBasis::Explicit,
        ),
        (
            "rebels took Hama on Thursday, and on Nov. 30 Aleppo",
            "2024-12-07",
            "2024-12-05",
            DateBasis::Relative,
        ),
        (
            "On Nov. 30, rebels took Aleppo",
            "2024-12-09",
            "2024-11-30",
            DateBasis::Explicit,
        ),
        (
            "Rebels took Nawa on 7/12/2024.",
            "2024-12-09",
            "2024-12-07",
            DateBasis::Explicit,
        ),
        (
            "Rebels took Nawa on 07.12.2024, the monitor said",
            "2024-12-09",
            "2024-12-07",
            DateBasis::Explicit,
        ),
        (
            "Rebels took Nawa on 12/7/2024",
            "2024-12-09",
            "2024-12-07",
            DateBasis::Explicit,
        ),
        (
            "Rebels took Nawa on 11/30/2024",
            "2024-12-09",
            "2024-11-30",
            DateBasis::Explicit,
        ),
        (
            "Rebels took Nawa on 5/12/2024",
            "2024-12-09",
            "2024-12-05",
            DateBasis::Explicit,
        ),
        (
            "on November 30 the army left",
            "2024-12-09",
            "2024-11-30",
            DateBasis::Explicit,
        ),
        (
            "on 30 November the army left",
            "2024-12-09",
            "2024-11-30",
            DateBasis::Explicit,
        ),
        (
            "December 1, 2024 was a Sunday",
            "2025-03-01",
            "2024-12-01",
            DateBasis::Explicit,
        ),
        (
            "By November 30, they had taken",
            "2024-12-06",
            "2024-11-30",
            DateBasis::Explicit,
        ),
        (
            "As early as December 1, the media",
            "2024-12-07",
            "2024-12-01",
            DateBasis::Explicit,
        ),
        (
            "on Dec. 1, Tel Rifaat fell",
            "2024-12-09",
            "2024-12-01",
            DateBasis::Explicit,
        ),
        (
            "29 nov. 2024",
            "2024-12-09",
            "2024-11-29",
            DateBasis::Explicit,
        ),
        (
            "2024-12-02T13:24:07+00:00",
            "2024-12-09",
            "2024-12-02",
            DateBasis::Explicit,
        ),
        (
            "Last Thursday, the groups took Hama",
            "2024-12-09",
            "2024-12-05",
            DateBasis::Relative,
        ),
        (
            "captured Hama on Thursday",
            "2024-12-07",
            "2024-12-05",
            DateBasis::Relative,
        ),
        (
            "on Sunday morning they lost Damascus",
            "2024-12-09",
            "2024-12-08",
            DateBasis::Relative,
        ),
        (
            "On Sunday the city fell",
            "2024-12-08",
            "2024-12-08",
            DateBasis::Relative,
        ),
        (
            "later on Saturday",
            "2024-12-09",
            "2024-12-07",
            DateBasis::Relative,
        ),
        (
            "said on Tuesday",
            "2024-12-11",
            "2024-12-10",
            DateBasis::Relative,
        ),
        (
            "yesterday the army left",
            "2024-12-09",
            "2024-12-08",
            DateBasis::Relative,
        ),
        (
            "forces overnight gained control",
            "2024-12-09",
            "2024-12-09",
            DateBasis::Relative,
        ),
        (
            "Earlier this morning, groups took Rastan",
            "2024-12-06",
            "2024-12-06",
            DateBasis::Relative,
        ),
        (
            "over the weekend",
            "2024-12-02",
            "2024-11-30",
            DateBasis::Relative,
        ),
        (
            "two days ago",
            "2024-12-03",
            "2024-12-01",
            DateBasis::Relative,
        ),
        (
            "48 hours ago",
            "2024-12-03",
            "2024-12-01",
            DateBasis::Relative,
        ),
        (
            "a week ago",
            "2024-12-10",
            "2024-12-03",
            DateBasis::Relative,
        ),
        (
            "last night",
            "2024-12-08",
            "2024-12-07",
            DateBasis::Relative,
        ),
        ("last week", "2024-12-10", "2024-12-03", DateBasis::Relative),
        (
            "last month",
            "2025-01-10",
            "2024-12-31",
            DateBasis::Relative,
        ),
        (
            "last month",
            "2024-03-05",
            "2024-02-29",
            DateBasis::Relative,
        ),
        // Publication is a Tuesday: "Tuesday last week" is a week before, not that day.
        (
            "on Tuesday last week",
            "2024-12-03",
            "2024-11-26",
            DateBasis::Relative,
        ),
        (
            "on Sunday last week",
            "2024-12-03",
            "2024-12-01",
            DateBasis::Relative,
        ),
        (
            "on Friday last week",
            "2024-12-08",
            "2024-11-29",
            DateBasis::Relative,
        ),
        (
            "fell the day before yesterday",
            "2024-12-06",
            "2024-12-04",
            DateBasis::Relative,
        ),
        // A day of the month alone: this month's, or last month's when it is still ahead.
        (
            "rebels took Maskanah on the 29th, before",
            "2024-12-03",
            "2024-11-29",
            DateBasis::Explicit,
        ),
        (
            "by the 2nd rebels held it",
            "2024-12-05",
            "2024-12-02",
            DateBasis::Explicit,
        ),
        (
            "on the 5th of November rebels took it",
            "2024-12-09",
            "2024-11-05",
            DateBasis::Explicit,
        ),
        (
            "on December 30 last year",
            "2025-01-03",
            "2024-12-30",
            DateBasis::Explicit,
        ),
        // A month alone: the last day of the part named, no later than publication.
        (
            "rebels took Hama in late November",
            "2024-12-10",
            "2024-11-30",
            DateBasis::Explicit,
        ),
        (
            "at the end of November",
            "2024-12-10",
            "2024-11-30",
            DateBasis::Explicit,
        ),
        (
            "in mid-November",
            "2024-12-10",
            "2024-11-20",
            DateBasis::Explicit,
        ),
        (
            "in early November",
            "2024-12-10",
            "2024-11-10",
            DateBasis::Explicit,
        ),
        (
            "at the beginning of December",
            "2024-12-05",
            "2024-12-05",
            DateBasis::Explicit,
        ),
        (
            "in November 2024",
            "2024-12-10",
            "2024-11-30",
            DateBasis::Explicit,
        ),
        (
            "in December",
            "2025-01-03",
            "2024-12-31",
            DateBasis::Explicit,
        ),
        (
            "in February",
            "2024-03-09",
            "2024-02-29",
            DateBasis::Explicit,
        ),
    ];

    #[test]
    fn date_expressions_resolve() {
        for &(text, pubd, want, basis) in CASES {
            let found = find_dates(text, Some(day(pubd)));
            let first = found.iter().find(|d| d.day.is_some());
            assert_eq!(
                first.map(|d| (d.day.unwrap(), d.basis)),
                Some((day(want), basis)),
                "{text:?} published {pubd}"
            );
        }
    }

    #[test]
    fn anaphors_are_marked_not_resolved() {
        for (text, kind) in [
            (
                "The day before, the rebels captured Homs",
                Anaphor::DAY_BEFORE,
            ),
            (
                "The night before, forces had taken Homs",
                Anaphor::DAY_BEFORE,
            ),
            (
                "and on the same day, they gained control",
                Anaphor::SAME_DAY,
            ),
            ("a day earlier", Anaphor::DAY_BEFORE),
            ("three days earlier", Anaphor(-3)),
            ("the next day, rebels entered", Anaphor(1)),
            ("on the following day", Anaphor(1)),
            ("the following morning, rebels entered", Anaphor(1)),
            ("the next evening the army left", Anaphor(1)),
            ("two days later, the army withdrew", Anaphor(2)),
            ("a day later", Anaphor(1)),
            ("the previous evening", Anaphor::DAY_BEFORE),
            ("later that day, rebels entered", Anaphor::SAME_DAY),
            ("that night the army left", Anaphor::SAME_DAY),
        ] {
            let d = find_dates(text, Some(day("2024-12-08")));
            assert_eq!(d.iter().find_map(|m| m.anaphor), Some(kind), "{text:?}");
        }
    }

    #[test]
    fn a_day_number_alone_needs_a_date_context() {
        for text in [
            "an attack on the 4th Division",
            "since the 25th Special Mission Forces took over",
            "the 29th was quiet",
            "on the 31st", // no 31 November
        ] {
            let d = find_dates(text, Some(day("2024-12-03")));
            assert!(d.iter().all(|m| m.day.is_none()), "{text:?}: {d:?}");
        }
    }

    #[test]
    fn a_month_alone_needs_a_word_before_it_and_a_part_that_has_begun() {
        let p = Some(day("2024-12-10"));
        for text in [
            "rebels may take Hama",
            "in late December",
            "the March offensive",
        ] {
            let found = find_dates(text, p);
            assert!(found.iter().all(|d| d.day.is_none()), "{text:?}: {found:?}");
        }
        let found = find_dates("in late November", p);
        assert_eq!(found[0].precision, 3, "a month's part is vague");
    }

    #[test]
    fn years_alone_are_reported() {
        let d = find_dates(
            "In August 2019, the regime took control of Khan Sheikhoun",
            Some(day("2024-11-30")),
        );
        assert!(d.iter().any(|m| m.year_only == Some(2019)), "{d:?}");
        // A year that names a thing is no time.
        let d = find_dates(
            "Rebels seized Daraa, the cradle of the 2011 uprising, on Friday",
            Some(day("2024-12-09")),
        );
        assert!(d.iter().all(|m| m.year_only.is_none()), "{d:?}");
    }

    #[test]
    fn without_publication_relative_dates_stay_unresolved() {
        let d = find_dates("on Thursday rebels took Hama", None);
        assert_eq!(d[0].day, None);
        let e = find_dates("on December 1, 2024 rebels took Tal Rifaat", None);
        assert_eq!(e[0].day, Some(day("2024-12-01")));
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(find_dates("they may 5 times", Some(day("2024-12-01")))
            .iter()
            .all(|d| d.day.is_none() || d.day.unwrap().month() == 5));
        assert!(find_dates("the army may withdraw", Some(day("2024-12-01"))).is_empty());
    }
}
