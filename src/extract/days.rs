//! Which day each trigger of a sentence tells of.
//!
//! Takes a sentence's date expressions ([`dates::find_dates_in`]) and its triggers, and
//! gives each trigger its day: anaphors resolved against the article's previous date
//! ("the next day"), ranges read as their last day, a date that opens a period ("since
//! Thursday") kept for the state that began then, the date nearest the trigger otherwise,
//! with dates tied to another event ("a day after taking Idlib on Thursday") given to
//! that event. Triggers about an earlier year are background ([`is_background`]).

use super::dates::{self, DateMention};
use super::lexicon::{Hit, Trigger};
use super::{ArticleState, Dated};
use chrono::{Datelike, Duration, NaiveDate};

/// Resolves anaphors in order and records every resolved day as the article's last.
/// A date introduced by "since" opens a period and is not the day of anything.
#[inline]
pub(super) fn resolve_dates(found: &mut [DateMention], lower: &str, st: &mut ArticleState) {
    for k in 0..found.len() {
        // "a day after taking Idlib on Thursday": from the next date of the sentence.
        let ahead = found[k + 1..]
            .iter()
            .find(|n| n.anaphor.is_none())
            .and_then(|n| n.day)
            .filter(|_| found[k].forward);
        // "took Khan Shaykhun on Wednesday, a day after seizing Maarat": with no date
        // ahead, the event after "after" is counted back from the date before.
        let behind = found[..k].iter().rev().find_map(|n| n.day);
        let main_clause = behind
            .is_none()
            .then(|| day_after_relative_clause(found, k, lower))
            .flatten();
        let d = &mut found[k];
        if let (Some(kind), Some(base)) = (d.anaphor, ahead) {
            d.day = Some(base + Duration::days(kind.0));
            d.anaphor = None;
        } else if let (Some(kind), Some(base), true) = (d.anaphor, behind, d.forward) {
            // The day of the event after it: an ordinary date from here on.
            d.day = Some(base - Duration::days(kind.0));
            d.anaphor = None;
            d.forward = false;
        } else if d.forward && d.anaphor.is_some_and(|kind| kind.0 > 0) {
            // "two days after the fall of Aleppo": after what, the text does not date.
            d.anaphor = None;
        }
        // "Dec. 8 - ... Homs falls to the rebels overnight": in a timeline, "today" and
        // "overnight" are the entry's day, not the day the timeline was published.
        if matches!(&lower[d.start..d.end], "today" | "tonight" | "overnight") {
            if let Some(day) = st.entry_day() {
                d.day = Some(day);
            }
        }
        if let Some(kind) = d.anaphor {
            let base = main_clause.or(st.last_day).or(st.published);
            d.day = base.map(|b| b + Duration::days(kind.0));
        }
        let opens_period = dates::follows_since(&lower[..d.start]);
        let future = matches!((d.day, st.published), (Some(day), Some(p)) if day > p);
        if opens_period && !future {
            d.opens = d.day;
        }
        if opens_period || future {
            d.day = None;
        }
        if let Some(day) = d.day {
            st.last_day = Some(day);
        }
    }
    join_ranges(found, lower);
}

/// "Rebels, who had taken Aleppo two days earlier, seized Hama on Thursday": the day of
/// the main clause, after the relative clause that anaphor `k` stands in, from which it
/// counts (rather than from the article's last date).
fn day_after_relative_clause(found: &[DateMention], k: usize, lower: &str) -> Option<NaiveDate> {
    let d = &found[k];
    d.anaphor?;
    let (_, end) = super::relative_clauses(lower).find(|&(a, b)| d.start > a && d.end <= b)?;
    found[k + 1..]
        .iter()
        .find(|n| n.start >= end && n.anaphor.is_none())?
        .day
}

/// "between November 29 and December 1", "from Nov. 29 to Dec. 1": a range is its last
/// day (the change was done by then), within a week at best; its first day dates nothing.
fn join_ranges(found: &mut [DateMention], lower: &str) {
    for k in 1..found.len() {
        let (first, last) = (found[k - 1], found[k]);
        if first.day.is_none() || last.day.is_none() || first.end > last.start {
            continue;
        }
        let joined = matches!(lower[first.end..last.start].trim(), "and" | "to" | "until");
        let opened = lower[..first.start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| matches!(w, "between" | "from"));
        if joined && opened {
            found[k - 1].day = None;
            found[k].precision = found[k].precision.max(2);
        }
    }
}

/// Is `verb` (a trigger's first word) one that tells of a change ("taken", "seized"),
/// not of a state ("held", "in control of", "been under")?
fn is_change_verb(verb: &str) -> bool {
    const STEMS: &[&str] = &[
        "took", "tak", "seiz", "captur", "recaptur", "retak", "retook", "overr", "storm",
        "liberat", "gain", "wrest", "regain", "clear", "expel", "drove", "driv", "enter", "withdr",
        "evacuat", "abandon", "lost", "los", "hand", "fell", "fall",
    ];
    STEMS.iter().any(|s| verb.starts_with(s))
}

/// Distance in bytes from a date expression to a trigger (after the trigger counts one
/// more, so that a date before wins a tie).
fn distance(d: &DateMention, t: &Hit<Trigger>) -> usize {
    if d.end <= t.start {
        t.start - d.end
    } else {
        d.start.saturating_sub(t.end) + 1
    }
}

/// Is the trigger about an earlier year? ("In August 2019, ... took", "seized Manbij in
/// 2016"): the date expression nearest it is a year before publication, or a day more than
/// 60 days before it. "Pushed into Manbij on Monday, ... held since 2016" is not.
#[inline]
pub(super) fn is_background<'d>(
    dates: impl Iterator<Item = &'d DateMention>,
    t: &Hit<Trigger>,
    published: Option<NaiveDate>,
) -> bool {
    let Some(p) = published else { return false };
    let relevant = dates.filter(|d| d.day.is_some() || d.year_only.is_some());
    relevant.min_by_key(|d| distance(d, t)).is_some_and(|d| {
        d.year_only.is_some_and(|y| y < p.year())
            || d.day.is_some_and(|day| day < p - Duration::days(60))
    })
}

/// "have been in control of Hama since Thursday": the day a state began, from a "since"
/// date between trigger `k` and the next.
#[inline]
pub(super) fn since_day(
    lower: &str,
    dates: &[DateMention],
    triggers: &[Hit<Trigger>],
    k: usize,
) -> Option<Dated> {
    let t = &triggers[k];
    // Changes within a period are not its start: "had taken dozens of towns since
    // launching their offensive last Wednesday".
    let verb = super::first_word(&lower[t.start..t.end]);
    if is_change_verb(verb) {
        return None;
    }
    let before_next = triggers.get(k + 1).map_or(usize::MAX, |n| n.start);
    dates
        .iter()
        .filter(|d| d.start >= t.end && d.end <= before_next)
        .find_map(|d| Some((d.opens?, d.basis, d.precision)))
}

/// The day of trigger `k` of `triggers`: its nearest resolved date. A date before this
/// trigger is an earlier trigger's ("entered Homs on Saturday and took the city on
/// Sunday"; "30 November: Aleppo falls; the SNA takes Tal Rifaat and the airport the
/// following day") when this one has a date of its own after it. The first trigger keeps
/// a date before it: one after it may open the next clause ("On Nov. 30, rebels took
/// Aleppo, and on the same day they gained Idlib").
#[inline]
pub(super) fn nearest_day(
    lower: &str,
    dates: &[DateMention],
    triggers: &[Hit<Trigger>],
    k: usize,
) -> Option<Dated> {
    let t = &triggers[k];
    let before_next = triggers.get(k + 1).map_or(usize::MAX, |n| n.start);
    let own_after = dates
        .iter()
        .any(|d| d.day.is_some() && d.start >= t.end && d.end <= before_next);
    let tied = tied_phrase(lower, dates, triggers);
    dates
        .iter()
        .filter(|d| !(own_after && k > 0 && d.end <= t.start))
        .filter(|d| match tied {
            // The tied event's day is not the anaphor's; a later clause's is not its date.
            Some((anaphor, j, end)) => {
                !(k == j && d.start == anaphor.start
                    || t.start >= end && d.start >= anaphor.end && d.end <= end)
            }
            None => true,
        })
        .filter_map(|d| {
            d.day
                .map(|day| (distance(d, t), (day, d.basis, d.precision)))
        })
        .min_by_key(|x| x.0)
        .map(|(_, dated)| dated)
}

/// "A day after taking Idlib on Thursday, rebels took Hama": an anaphor counted from the
/// date ahead of it ([`DateMention::forward`]), right before trigger `j` (the event it is
/// tied to); gives the anaphor, `j` and where that event's phrase ends (its comma).
fn tied_phrase<'d>(
    lower: &str,
    dates: &'d [DateMention],
    triggers: &[Hit<Trigger>],
) -> Option<(&'d DateMention, usize, usize)> {
    let anaphor = dates.iter().find(|d| d.forward && d.day.is_some())?;
    let j = triggers.iter().position(|t| t.start >= anaphor.end)?;
    let t = &triggers[j];
    if !lower[anaphor.end..t.start].trim().is_empty() {
        return None;
    }
    let end = lower[t.end..].find(',').map_or(lower.len(), |c| t.end + c);
    Some((anaphor, j, end))
}
