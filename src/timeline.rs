//! The timeline stage: event mentions → fused events → who controls what, day by day.
//!
//! Takes the [`EventRecord`]s of `frontline extract` plus a [`Baseline`] and gives a
//! [`Timeline`]: the fused events of each day and the control state at the end of each
//! day, from the first to the last event day (or a requested range). Pure and
//! deterministic: the mentions are put in a canonical order first, so the result does not
//! depend on the order of the input files.
//!
//! Rules (see also DESIGN.md):
//! - **Fusion.** Mentions of the same place and new faction form one event as long as each
//!   lies within [`FUSION_WINDOW_DAYS`] of the one before it. Its action is the strongest
//!   one stated (capture > handover > withdrawal > partial > claimed); its day comes from
//!   the mentions of that action: the best date basis (explicit > relative > publication),
//!   then the earliest day. Mentions without a day are not placed in time.
//! - **Confidence** starts from the best basis (explicit 0.6, relative 0.55, publication
//!   0.45), adds 0.15 per further independent article (capped at 0.95); a partial gain is
//!   capped at 0.6 and a claim at 0.35.
//! - **Contested.** Two events at the same place on the same day with different factions
//!   are both marked `contested`; the control state follows the more confident one.
//! - **Control.** The baseline, then each day's events: a governorate-wide event sets
//!   every place of that governorate that has no more specific event that day (and a
//!   city's, its neighbourhoods within [`NEIGHBOURHOOD_KM`]); a
//!   capture, handover or withdrawal sets the controller; a partial gain marks the place
//!   contested for that day; a claim changes nothing.

use crate::article::parse_iso_prefix;
use crate::extract::dates::DateBasis;
use crate::extract::{Action, EventRecord};
use crate::gazetteer::Gazetteer;
use crate::model::{Faction, PlaceKind};
use chrono::{Duration, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// A mention this many days or fewer after the previous one of its place and faction
/// fuses with it.
pub const FUSION_WINDOW_DAYS: i64 = 3;

/// Where a fused event was read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Source {
    /// Article id.
    pub article: String,
    /// The sentence.
    pub sentence: String,
    /// Bytes of the place in the article.
    pub span: [usize; 2],
    /// How the mention's day was established.
    pub date_basis: DateBasis,
}

/// One change of control, fused from its mentions.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FusedEvent {
    /// Stable id: `YYYY-MM-DD:<place id>:<faction>`.
    pub id: String,
    /// The day of the change.
    pub date: NaiveDate,
    /// How that day was established (the best basis among the deciding mentions).
    pub date_basis: DateBasis,
    /// Gazetteer id of the place.
    pub place: String,
    /// The new controller.
    pub faction: Faction,
    /// The loser, when a mention names it.
    pub previous_faction: Option<Faction>,
    /// The strongest action stated.
    pub action: Action,
    /// Actors as written, distinct, in source order.
    pub actors: Vec<String>,
    /// 0..1, see the module docs.
    pub confidence: f64,
    /// Another faction is reported for the same place and day.
    pub contested: bool,
    /// Best (lowest) ACLED geographic precision among the sources.
    pub geo_precision: u8,
    /// Best (lowest) ACLED time precision among the sources.
    pub time_precision: u8,
    /// Independent reports among the sources: articles, with syndicated copies (the same
    /// sentence in several articles) counted once.
    pub independent: usize,
    /// Every mention, in canonical order.
    pub sources: Vec<Source>,
}

/// How many sources a layer shows per event; `events.jsonl` keeps every mention.
pub const SHOWN_SOURCES: usize = 5;

impl FusedEvent {
    /// The sources the layers show: one per article first (in canonical order), then
    /// the others, at most [`SHOWN_SOURCES`]. An event reported by fifty copies of one
    /// wire story shows five different articles, and a layer's size grows with events,
    /// not with their mentions.
    pub fn shown_sources(&self) -> Vec<&Source> {
        let mut seen = BTreeSet::new();
        let (first, rest): (Vec<&Source>, Vec<&Source>) = self
            .sources
            .iter()
            .partition(|s| seen.insert(s.article.as_str()));
        first.into_iter().chain(rest).take(SHOWN_SOURCES).collect()
    }
}

/// One row of a baseline file.
#[derive(Debug, Clone, PartialEq)]
pub struct BaselineRow {
    /// Controller.
    pub faction: Faction,
    /// The day the row describes.
    pub as_of: NaiveDate,
    /// Where it comes from.
    pub source: String,
}

/// The starting map: place id → controller.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Baseline {
    /// Rows by place id.
    pub rows: BTreeMap<String, BaselineRow>,
    /// Rows skipped because the gazetteer lacks their place.
    pub skipped: usize,
}

/// A baseline file that could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{file} line {line}: {message}")]
pub struct BaselineError {
    /// The file.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The bundled baseline (the eve of the offensive).
pub const BUNDLED_BASELINE: &str = include_str!("../data/baseline-2024-11-26.csv");

impl Baseline {
    /// Parses a baseline CSV (`place_id,faction,as_of,source`); every place id must be in
    /// the gazetteer.
    pub fn parse(file: &str, data: &str, gaz: &Gazetteer) -> Result<Baseline, BaselineError> {
        Self::parse_with(file, data, gaz, UnknownPlaces::Reject)
    }

    /// [`Baseline::parse`], choosing what a place id the gazetteer lacks means: an error in
    /// a baseline the user gave, a row skipped (and counted in [`Baseline::skipped`]) in
    /// the bundled one read against a gazetteer the user gave.
    pub fn parse_with(
        file: &str,
        data: &str,
        gaz: &Gazetteer,
        unknown: UnknownPlaces,
    ) -> Result<Baseline, BaselineError> {
        let err = |line: usize, message: String| BaselineError {
            file: file.to_string(),
            line,
            message,
        };
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(data.as_bytes());
        // A file without its header would silently lose its first row as one.
        let header = rdr.headers().map_err(|e| err(1, e.to_string()))?;
        if header.get(0).map(str::trim) != Some("place_id")
            || header.get(1).map(str::trim) != Some("faction")
        {
            return Err(err(
                1,
                "no header: the first line must be place_id,faction,as_of,source".into(),
            ));
        }
        let mut rows = BTreeMap::new();
        let mut skipped = 0;
        for rec in rdr.records() {
            let rec =
                rec.map_err(|e| err(e.position().map_or(0, |p| p.line() as usize), e.to_string()))?;
            let line = rec.position().map_or(0, |p| p.line() as usize);
            let field = |i: usize| rec.get(i).unwrap_or("").trim();
            if field(0).is_empty() || field(0).starts_with('#') {
                continue;
            }
            if gaz.by_id(field(0)).is_none() && unknown == UnknownPlaces::Skip {
                skipped += 1;
                continue;
            }
            if gaz.by_id(field(0)).is_none() {
                return Err(err(
                    line,
                    format!("place {:?} is not in the gazetteer", field(0)),
                ));
            }
            let faction = field(1).parse().map_err(|e| err(line, e))?;
            let as_of = parse_iso_prefix(field(2))
                .ok_or_else(|| err(line, format!("as_of {:?} is not YYYY-MM-DD", field(2))))?;
            rows.insert(
                field(0).to_string(),
                BaselineRow {
                    faction,
                    as_of,
                    source: field(3).to_string(),
                },
            );
        }
        Ok(Baseline { rows, skipped })
    }
}

/// What a baseline row naming a place the gazetteer lacks means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnknownPlaces {
    /// An error naming the line.
    Reject,
    /// The row is skipped.
    Skip,
}

/// The control of one place at the end of one day.
#[derive(Debug, Clone, PartialEq)]
pub struct ControlCell {
    /// Gazetteer id.
    pub place: String,
    /// Controller.
    pub faction: Faction,
    /// The day of the last change (the baseline's `as_of` when none).
    pub since: NaiveDate,
    /// True on the day of a change.
    pub changed: bool,
    /// The event behind the last change, if any.
    pub event_id: Option<String>,
    /// A partial gain or conflicting reports on this day.
    pub contested: bool,
    /// The lone contrary report that made it contested (its event id), waiting for
    /// confirmation.
    pub challenger: Option<String>,
}

/// A stretch of days during which a place had one controller.
#[derive(Debug, Clone, PartialEq)]
pub struct Interval {
    /// Gazetteer id.
    pub place: String,
    /// Controller.
    pub faction: Faction,
    /// First day (inclusive).
    pub start: NaiveDate,
    /// The day the next controller took over, or the day after the last day shown
    /// (exclusive, as QGIS's "include start, exclude end" expects).
    pub end: NaiveDate,
    /// The event that began it, if any.
    pub event_id: Option<String>,
}

/// Every layer's content.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    /// The days shown, consecutive.
    pub days: Vec<NaiveDate>,
    /// Fused events by day (only days within `days`).
    pub events: BTreeMap<NaiveDate, Vec<FusedEvent>>,
    /// Control state at the end of each day, sorted by place id.
    pub control: BTreeMap<NaiveDate, Vec<ControlCell>>,
    /// Control intervals, sorted by place id then start.
    pub intervals: Vec<Interval>,
    /// Mentions that had no day and were left out.
    pub undated: usize,
}

fn action_rank(a: Action) -> u8 {
    match a {
        Action::Capture => 0,
        Action::Handover => 1,
        Action::Withdrawal => 2,
        Action::Partial => 3,
        Action::Claimed => 4,
    }
}

fn is_change(a: Action) -> bool {
    action_rank(a) <= 2
}

/// Fuses mentions into events, sorted by (date, place, faction).
/// Returns the events and the number of mentions left out for having no day.
pub fn fuse(all: &[EventRecord]) -> (Vec<FusedEvent>, usize) {
    let mut mentions: Vec<&EventRecord> = all.iter().filter(|m| m.date.is_some()).collect();
    let undated = all.len() - mentions.len();
    mentions.sort_by(|a, b| {
        (&a.place.id, a.faction, a.date, &a.article, a.span).cmp(&(
            &b.place.id,
            b.faction,
            b.date,
            &b.article,
            b.span,
        ))
    });
    let mut events = Vec::new();
    let mut i = 0;
    while i < mentions.len() {
        let first = &mentions[i];
        // Chained: each mention within the window of the one before it.
        let mut j = i + 1;
        while j < mentions.len()
            && mentions[j].place.id == first.place.id
            && mentions[j].faction == first.faction
            && mentions[j].date.unwrap_or_default()
                <= mentions[j - 1].date.unwrap_or_default() + Duration::days(FUSION_WINDOW_DAYS)
        {
            j += 1;
        }
        events.push(fuse_cluster(&mentions[i..j]));
        i = j;
    }
    mark_contested(&mut events);
    events.sort_by(|a, b| (a.date, &a.place, a.faction).cmp(&(b.date, &b.place, b.faction)));
    (events, undated)
}

fn fuse_cluster(ms: &[&EventRecord]) -> FusedEvent {
    let action = ms
        .iter()
        .map(|m| m.action)
        .min_by_key(|a| action_rank(*a))
        .unwrap_or(Action::Claimed);
    let deciding = ms.iter().filter(|m| m.action == action);
    let (date_basis, date) = deciding
        .map(|m| (m.date_basis, m.date.unwrap_or_default()))
        .min()
        .unwrap_or_default();
    let independent = independent_reports(ms);
    let base = match date_basis {
        DateBasis::Explicit => 0.6,
        DateBasis::Relative => 0.55,
        DateBasis::Publication => 0.45,
        DateBasis::Unknown => 0.3,
    };
    let mut confidence = (base + 0.15 * (independent as f64 - 1.0)).min(0.95);
    if action == Action::Partial {
        confidence = confidence.min(0.6);
    } else if action == Action::Claimed {
        confidence = confidence.min(0.35);
    }
    let mut actors: Vec<String> = Vec::new();
    for m in ms {
        if !m.actor.is_empty() && !actors.contains(&m.actor) {
            actors.push(m.actor.clone());
        }
    }
    let first = &ms[0];
    FusedEvent {
        id: format!("{date}:{}:{}", first.place.id, first.faction),
        date,
        date_basis,
        place: first.place.id.clone(),
        faction: first.faction,
        previous_faction: ms.iter().find_map(|m| m.previous_faction),
        action,
        actors,
        confidence: (confidence * 100.0).round() / 100.0,
        contested: false,
        geo_precision: ms.iter().map(|m| m.geo_precision).min().unwrap_or(3),
        time_precision: ms.iter().map(|m| m.time_precision).min().unwrap_or(3),
        independent,
        sources: ms
            .iter()
            .map(|m| Source {
                article: m.article.clone(),
                sentence: m.sentence.clone(),
                span: m.span,
                date_basis: m.date_basis,
            })
            .collect(),
    }
}

/// How many independent reports `ms` holds: distinct articles, where articles that share a
/// sentence word for word (wire copy, syndication) are one report.
fn independent_reports(ms: &[&EventRecord]) -> usize {
    let key = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    // Union the articles that share a sentence; count the groups.
    let articles: Vec<&str> = {
        let set: BTreeSet<&str> = ms.iter().map(|m| m.article.as_str()).collect();
        set.into_iter().collect()
    };
    let index = |a: &str| articles.binary_search(&a).unwrap_or(0);
    let mut parent: Vec<usize> = (0..articles.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first_with: BTreeMap<String, usize> = BTreeMap::new();
    for m in ms {
        let a = index(&m.article);
        match first_with.get(&key(&m.sentence)) {
            Some(&b) => {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra] = rb;
            }
            None => {
                first_with.insert(key(&m.sentence), a);
            }
        }
    }
    (0..articles.len())
        .filter(|&i| root(&mut parent, i) == i)
        .count()
}

fn mark_contested(events: &mut [FusedEvent]) {
    let mut factions: BTreeMap<(NaiveDate, &str), BTreeSet<Faction>> = BTreeMap::new();
    for e in events.iter() {
        factions
            .entry((e.date, e.place.as_str()))
            .or_default()
            .insert(e.faction);
    }
    let contested: BTreeSet<(NaiveDate, String)> = factions
        .into_iter()
        .filter(|(_, f)| f.len() > 1)
        .map(|((d, p), _)| (d, p.to_string()))
        .collect();
    for e in events.iter_mut() {
        e.contested = contested.contains(&(e.date, e.place.clone()));
    }
}

/// The days to show: `from`..=`to` where given, else the span of the events.
/// The longest run of layers `--from`/`--to` may ask for (about 30 years: the whole war
/// and more, while a typo such as 0024 or 9999 is refused instead of writing millions of
/// files).
pub const MAX_DAYS: i64 = 11_000;

/// Dated events further apart than this start a new stretch of reporting; only the
/// stretch with the most events sets the layer days, so one outlier date (a Unix time of
/// 0, a year mistyped as 9999) cannot stretch a run to decades of empty layers.
const REPORTING_GAP_DAYS: i64 = 366;

/// The days with layers: `--from`/`--to`, else the span of the main stretch of dated
/// events (see [`REPORTING_GAP_DAYS`]).
fn day_range(
    events: &[FusedEvent],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Vec<NaiveDate> {
    let (first, last) = match main_stretch(events) {
        Some((a, b)) => (from.unwrap_or(a), to.unwrap_or(b)),
        None => match (from, to) {
            (Some(a), Some(b)) => (a, b),
            _ => return Vec::new(),
        },
    };
    if first > last || (last - first).num_days() >= MAX_DAYS {
        return Vec::new();
    }
    first.iter_days().take_while(|d| *d <= last).collect()
}

/// How long after the last event a report still extends the layers: a report within a
/// month of the last change tells of the state it left; one published later is a
/// retrospective, and a year of unchanged layers would say nothing.
pub const NEWEST_REPORT_DAYS: i64 = 31;

/// The last day layers should show when no `--to` is given: the newest report's day, when
/// it comes after the main stretch of events by at most [`NEWEST_REPORT_DAYS`]; `None`
/// leaves the last event day. A run whose newest article is of 13 December and whose last
/// event is of 10 December shows 11 to 13 December with the state carried on.
pub fn through_newest_report(
    events: &[FusedEvent],
    newest: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let (_, end) = main_stretch(events)?;
    let newest = newest?;
    (newest > end && (newest - end).num_days() <= NEWEST_REPORT_DAYS).then_some(newest)
}

/// The first and last day of the stretch of event days holding the most events (ties: the
/// latest stretch), where a stretch breaks at a gap over [`REPORTING_GAP_DAYS`].
fn main_stretch(events: &[FusedEvent]) -> Option<(NaiveDate, NaiveDate)> {
    let mut days: Vec<NaiveDate> = events.iter().map(|e| e.date).collect();
    days.sort_unstable();
    let mut best: Option<(usize, NaiveDate, NaiveDate)> = None;
    let mut start = 0;
    for k in 1..=days.len() {
        let breaks = k == days.len() || (days[k] - days[k - 1]).num_days() > REPORTING_GAP_DAYS;
        if breaks {
            let count = k - start;
            if best.is_none_or(|(n, _, _)| count >= n) {
                best = Some((count, days[start], days[k - 1]));
            }
            start = k;
        }
    }
    best.map(|(_, a, b)| (a, b))
}

/// Per place, every change: (day, faction, event id), oldest first.
type History = BTreeMap<String, Vec<(NaiveDate, Faction, Option<String>)>>;

#[derive(Debug, Clone)]
struct State {
    faction: Faction,
    since: NaiveDate,
    event_id: Option<String>,
    /// Independent reports behind this controller since it took over (0: the baseline).
    support: usize,
}

/// Reports a controller set by events needs before a lone contrary report stops flipping
/// it (see DESIGN.md, "Fusion").
pub const ESTABLISHED_REPORTS: usize = 2;

/// Contrary reports waiting to be confirmed, by place: (their faction, independent reports
/// so far, the latest event).
type Pending = BTreeMap<String, (Faction, usize, String)>;

/// Builds every layer's content from fused events and a baseline.
pub fn build(
    events: Vec<FusedEvent>,
    baseline: &Baseline,
    gaz: &Gazetteer,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Timeline {
    let days = day_range(&events, from, to);
    let mut state: BTreeMap<String, State> = baseline
        .rows
        .iter()
        .map(|(p, r)| {
            (
                p.clone(),
                State {
                    faction: r.faction,
                    since: r.as_of,
                    event_id: None,
                    support: 0,
                },
            )
        })
        .collect();
    let mut by_day: BTreeMap<NaiveDate, Vec<FusedEvent>> = BTreeMap::new();
    for e in events {
        by_day.entry(e.date).or_default().push(e);
    }
    let mut history: History = state
        .iter()
        .map(|(p, s)| (p.clone(), vec![(s.since, s.faction, None)]))
        .collect();
    let mut tl = Timeline {
        days: days.clone(),
        ..Default::default()
    };
    let last_day = days.last().copied();
    let mut pending = Pending::new();
    for (&day, evs) in &by_day {
        if last_day.is_some_and(|l| day > l) {
            break;
        }
        let contested = apply_day(day, evs, &mut state, &mut pending, gaz);
        for (p, s) in &state {
            if s.since == day {
                history
                    .entry(p.clone())
                    .or_default()
                    .push((day, s.faction, s.event_id.clone()));
            }
        }
        if days.binary_search(&day).is_ok() {
            tl.events.insert(day, evs.clone());
            tl.control
                .insert(day, snapshot(day, &state, &contested, &pending));
        }
    }
    for &day in &days {
        tl.control.entry(day).or_insert_with(|| {
            snapshot(
                day,
                &state_at(&history, day),
                &BTreeSet::new(),
                &Pending::new(),
            )
        });
        tl.events.entry(day).or_default();
    }
    tl.intervals = intervals(&history, last_day);
    tl
}

/// A city's neighbourhoods lie within this distance of its point.
pub const NEIGHBOURHOOD_KM: f64 = 10.0;

/// The places an event about `p` also covers: every place of a governorate or of a
/// district (its seat included); the neighbourhoods of a city.
pub(crate) fn contained<'g>(
    gaz: &'g Gazetteer,
    p: &'g crate::gazetteer::Place,
) -> Box<dyn Iterator<Item = &'g crate::gazetteer::Place> + 'g> {
    match p.kind {
        PlaceKind::Governorate => {
            Box::new(gaz.places().iter().filter(move |q| {
                q.governorate == p.governorate && q.kind != PlaceKind::Governorate
            }))
        }
        PlaceKind::District => Box::new(gaz.places().iter().filter(move |q| {
            q.district == p.name && q.governorate == p.governorate && q.id != p.id
        })),
        PlaceKind::City => Box::new(gaz.places().iter().filter(move |q| {
            q.kind == PlaceKind::Neighbourhood
                && q.governorate == p.governorate
                && crate::model::haversine_km(p.lat, p.lon, q.lat, q.lon) <= NEIGHBOURHOOD_KM
        })),
        _ => Box::new(std::iter::empty()),
    }
}

/// Applies one day's events; returns the places contested that day.
///
/// A change flips a place unless it is a lone contrary report: one independent report of a
/// new controller against one that [`ESTABLISHED_REPORTS`] reports set. That makes the
/// place contested instead, until further reports of the same side add up to as many.
/// A report of the side that already holds a place confirms it.
fn apply_day(
    day: NaiveDate,
    evs: &[FusedEvent],
    state: &mut BTreeMap<String, State>,
    pending: &mut Pending,
    gaz: &Gazetteer,
) -> BTreeSet<String> {
    let mut contested: BTreeSet<String> = evs
        .iter()
        .filter(|e| e.contested || e.action == Action::Partial)
        .map(|e| e.place.clone())
        .collect();
    // The more confident event wins a contested place; ties go to the faction order.
    let mut changes: BTreeMap<&str, &FusedEvent> = BTreeMap::new();
    for e in evs.iter().filter(|e| is_change(e.action)) {
        let keep = changes.get(e.place.as_str()).is_some_and(|c| {
            (c.confidence, std::cmp::Reverse(c.faction))
                >= (e.confidence, std::cmp::Reverse(e.faction))
        });
        if !keep {
            changes.insert(&e.place, e);
        }
    }
    let specific: BTreeSet<&str> = changes.keys().copied().collect();
    // `direct`: the event is about this place, not about an area it lies in. Only direct
    // reports establish a place's controller: "rebels took Quneitra province" says less
    // of each village than a report of that village.
    let mut set =
        |state: &mut BTreeMap<String, State>, place: &str, e: &FusedEvent, direct: bool| {
            let reports = if direct { e.independent } else { 0 };
            let new = |support| State {
                faction: e.faction,
                since: day,
                event_id: Some(e.id.clone()),
                support,
            };
            match state.get_mut(place) {
                // "rebels took Idlib" while they held it already: a confirmation, `since` stays.
                Some(cell) if cell.faction == e.faction => {
                    cell.support += reports;
                    pending.remove(place);
                }
                Some(cell)
                    if cell.support >= ESTABLISHED_REPORTS
                        && e.independent < ESTABLISHED_REPORTS =>
                {
                    let waiting = pending
                        .entry(place.to_string())
                        .and_modify(|w| {
                            if w.0 == e.faction {
                                w.1 += e.independent;
                            } else {
                                *w = (e.faction, e.independent, e.id.clone());
                            }
                            w.2 = e.id.clone();
                        })
                        .or_insert((e.faction, e.independent, e.id.clone()));
                    if waiting.1 >= ESTABLISHED_REPORTS {
                        *cell = new(waiting.1);
                        pending.remove(place);
                    } else {
                        contested.insert(place.to_string());
                    }
                }
                Some(cell) => {
                    *cell = new(reports);
                    pending.remove(place);
                }
                None => {
                    state.insert(place.to_string(), new(reports));
                }
            }
        };
    // Areas first, then the places inside them, then the places' own events.
    for (place, e) in &changes {
        let Some(idx) = gaz.by_id(place) else {
            continue;
        };
        for inside in contained(gaz, gaz.place(idx)) {
            // A register village that neither the baseline nor a report names is left to
            // the areas: thousands of them lie in each governorate, and a layer of every
            // one of them each day would grow with places × days, not with reports.
            let shown = state.contains_key(&inside.id) || !inside.needs_cue();
            if shown && !specific.contains(inside.id.as_str()) {
                set(state, &inside.id, e, false);
            }
        }
    }
    for (place, e) in &changes {
        set(state, place, e, true);
    }
    contested.retain(|p| state.contains_key(p));
    contested
}

fn snapshot(
    day: NaiveDate,
    state: &BTreeMap<String, State>,
    contested: &BTreeSet<String>,
    pending: &Pending,
) -> Vec<ControlCell> {
    state
        .iter()
        .filter(|(_, s)| s.faction != Faction::Unknown)
        .map(|(p, s)| ControlCell {
            place: p.clone(),
            faction: s.faction,
            since: s.since,
            changed: s.since == day && s.event_id.is_some(),
            event_id: s.event_id.clone(),
            contested: contested.contains(p),
            challenger: pending
                .get(p)
                .filter(|_| contested.contains(p))
                .map(|w| w.2.clone()),
        })
        .collect()
}

/// The state at the end of `day` from the change history (for days without events).
fn state_at(history: &History, day: NaiveDate) -> BTreeMap<String, State> {
    history
        .iter()
        .filter_map(|(p, h)| {
            h.iter().rev().find(|(d, ..)| *d <= day).map(|(d, f, e)| {
                (
                    p.clone(),
                    State {
                        faction: *f,
                        since: *d,
                        event_id: e.clone(),
                        support: 0, // a snapshot's state is not applied to again
                    },
                )
            })
        })
        .collect()
}

fn intervals(history: &History, last: Option<NaiveDate>) -> Vec<Interval> {
    let end_of_time = last.map(|d| d + Duration::days(1));
    let mut out = Vec::new();
    for (place, h) in history {
        for (k, (start, faction, event)) in h.iter().enumerate() {
            let end = h
                .get(k + 1)
                .map(|n| n.0)
                .or(end_of_time)
                .unwrap_or(*start + Duration::days(1));
            if *faction != Faction::Unknown && end > *start {
                out.push(Interval {
                    place: place.clone(),
                    faction: *faction,
                    start: *start,
                    end,
                    event_id: event.clone(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::PlaceRecord;
    use std::sync::OnceLock;

    fn gaz() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::bundled().unwrap())
    }

    fn day(s: &str) -> NaiveDate {
        parse_iso_prefix(s).unwrap()
    }

    fn mention(
        article: &str,
        place_id: &str,
        faction: Faction,
        action: Action,
        date: &str,
        basis: DateBasis,
    ) -> EventRecord {
        let p = gaz().place(gaz().by_id(place_id).unwrap());
        EventRecord {
            article: article.into(),
            published: None,
            date: Some(day(date)),
            date_basis: basis,
            time_precision: 1,
            faction,
            previous_faction: None,
            action,
            actor: "rebels".into(),
            place: PlaceRecord::of(p),
            place_text: p.name.clone(),
            geo_precision: 1,
            // Each article words it its own way (one sentence shared is a syndicated copy).
            sentence: format!("Report of {article}."),
            sentence_span: [0, 1],
            span: [0, 1],
        }
    }

    /// An explicitly dated capture.
    fn capture(article: &str, place: &str, faction: Faction, date: &str) -> EventRecord {
        mention(
            article,
            place,
            faction,
            Action::Capture,
            date,
            DateBasis::Explicit,
        )
    }

    const ALEPPO: &str = "gn:170063";
    const HAMA: &str = "gn:170017";

    #[test]
    fn layers_show_five_sources_one_per_article_first() {
        let mut ms: Vec<EventRecord> = (0..6)
            .map(|k| {
                let mut m = capture("a", ALEPPO, Faction::Opposition, "2024-11-30");
                m.span = [k, k + 1];
                m
            })
            .collect();
        ms.push(capture("b", ALEPPO, Faction::Opposition, "2024-11-30"));
        let (ev, _) = fuse(&ms);
        let shown = ev[0].shown_sources();
        assert_eq!(ev[0].sources.len(), 7);
        assert_eq!(shown.len(), SHOWN_SOURCES);
        assert_eq!(
            (shown[0].article.as_str(), shown[1].article.as_str()),
            ("a", "b")
        );
    }

    #[test]
    fn syndicated_copies_are_one_report() {
        let take = |article: &str| capture(article, ALEPPO, Faction::Opposition, "2024-11-30");
        let (own, _) = fuse(&[take("a"), take("b"), take("c")]);
        assert_eq!(own[0].independent, 3);
        // b and c carry a's sentence word for word (spacing and case aside): one report.
        let mut copy = take("b");
        copy.sentence = "REPORT  of a.".into();
        let mut copy2 = take("c");
        copy2.sentence = "Report of a.".into();
        let (syndicated, _) = fuse(&[take("a"), copy, copy2]);
        assert_eq!(syndicated[0].independent, 1);
        assert!(syndicated[0].confidence < own[0].confidence);
    }

    #[test]
    fn a_lone_contrary_report_contests_an_established_place_until_confirmed() {
        let baseline = Baseline::parse("b.csv", BUNDLED_BASELINE, gaz()).unwrap();
        let report = |article: &str, faction, date: &str| capture(article, ALEPPO, faction, date);
        // Two reports establish the opposition in Aleppo on 30 Nov; one misread sentence
        // gives it back to the government on 5 Dec.
        let mut ms = vec![
            report("a", Faction::Opposition, "2024-11-30"),
            report("b", Faction::Opposition, "2024-11-30"),
            report("c", Faction::Government, "2024-12-05"),
        ];
        let (ev, _) = fuse(&ms);
        let tl = build(ev, &baseline, gaz(), None, None);
        let cell = |tl: &Timeline, d: &str| {
            tl.control[&day(d)]
                .iter()
                .find(|c| c.place == ALEPPO)
                .unwrap()
                .clone()
        };
        let on_5 = cell(&tl, "2024-12-05");
        assert_eq!(on_5.faction, Faction::Opposition);
        assert!(on_5.contested);
        assert_eq!(
            on_5.challenger.as_deref(),
            Some("2024-12-05:gn:170063:government")
        );
        // A second, independent report of the government's return (after the fusion
        // window) confirms it.
        ms.push(report("d", Faction::Government, "2024-12-09"));
        let (ev, _) = fuse(&ms);
        let tl = build(ev, &baseline, gaz(), None, None);
        assert_eq!(cell(&tl, "2024-12-09").faction, Faction::Government);
        // Counter-example: a place only the baseline gives a side flips on one report.
        let (ev, _) = fuse(&[capture("a", HAMA, Faction::Opposition, "2024-12-05")]);
        let tl = build(ev, &baseline, gaz(), None, None);
        assert_eq!(faction_on(&tl, "2024-12-05", HAMA), Faction::Opposition);
    }

    #[test]
    fn layers_run_through_the_newest_report_within_a_month() {
        let (ev, _) = fuse(&[mention(
            "a",
            "gn:169387",
            Faction::Opposition,
            Action::Capture,
            "2024-12-10",
            DateBasis::Explicit,
        )]);
        assert_eq!(
            through_newest_report(&ev, Some(day("2024-12-13"))),
            Some(day("2024-12-13"))
        );
        // Counter-examples: a report before the last event, one a year later, none.
        assert_eq!(through_newest_report(&ev, Some(day("2024-12-09"))), None);
        assert_eq!(through_newest_report(&ev, Some(day("2025-12-01"))), None);
        assert_eq!(through_newest_report(&ev, None), None);
        let baseline = Baseline::parse("b.csv", BUNDLED_BASELINE, gaz()).unwrap();
        let to = through_newest_report(&ev, Some(day("2024-12-13")));
        let tl = build(ev, &baseline, gaz(), None, to);
        assert_eq!(tl.days.last(), Some(&day("2024-12-13")));
        assert_eq!(
            faction_on(&tl, "2024-12-13", "gn:169387"),
            Faction::Opposition
        );
    }

    #[test]
    fn one_outlier_date_does_not_stretch_the_layer_days() {
        use DateBasis::*;
        let at = |d: &str| {
            mention(
                "a.txt",
                ALEPPO,
                Faction::Opposition,
                Action::Capture,
                d,
                Explicit,
            )
        };
        type Case<'a> = (&'a str, Vec<&'a str>, Option<(&'a str, &'a str)>);
        let cases: [Case; 4] = [
            (
                "a Unix time of 0 before a week of reports",
                vec!["1970-01-01", "2024-11-20", "2024-12-01", "2024-12-10"],
                Some(("2024-11-20", "2024-12-10")),
            ),
            (
                "a mistyped year after them",
                vec!["2024-11-20", "2024-12-01", "9999-12-31"],
                Some(("2024-11-20", "2024-12-01")),
            ),
            (
                "a year of reports with months between them stays whole",
                vec!["2016-01-01", "2016-06-01", "2016-12-20"],
                Some(("2016-01-01", "2016-12-20")),
            ),
            ("no dated event", vec![], None),
        ];
        for (name, days, want) in cases {
            let (ev, _) = fuse(&days.iter().map(|d| at(d)).collect::<Vec<_>>());
            let got = day_range(&ev, None, None);
            let got = got
                .first()
                .zip(got.last())
                .map(|(a, b)| (a.to_string(), b.to_string()));
            assert_eq!(
                got,
                want.map(|(a, b)| (a.to_string(), b.to_string())),
                "{name}"
            );
        }
        let (ev, _) = fuse(&[at("2024-12-01")]);
        assert_eq!(
            day_range(&ev, Some(day("2024-12-05")), Some(day("2024-12-01"))),
            vec![],
            "from after to"
        );
        assert_eq!(
            day_range(&ev, Some(day("0024-01-01")), Some(day("2024-12-01"))),
            vec![],
            "over the cap"
        );
    }

    #[test]
    fn mentions_of_one_change_fuse_with_the_best_dated_day() {
        use DateBasis::*;
        let ms = vec![
            mention(
                "b.txt",
                ALEPPO,
                Faction::Opposition,
                Action::Capture,
                "2024-12-01",
                Publication,
            ),
            mention(
                "a.txt",
                ALEPPO,
                Faction::Opposition,
                Action::Capture,
                "2024-11-30",
                Explicit,
            ),
            mention(
                "c.txt",
                ALEPPO,
                Faction::Opposition,
                Action::Capture,
                "2024-11-29",
                Relative,
            ),
        ];
        let (ev, _) = fuse(&ms);
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0].date, day("2024-11-30"));
        assert_eq!(ev[0].sources.len(), 3);
        assert_eq!(ev[0].confidence, 0.9);
        assert_eq!(ev[0].id, "2024-11-30:gn:170063:opposition");
    }

    #[test]
    fn distant_days_stay_separate_and_claims_stay_claims() {
        use DateBasis::*;
        let (ev, _) = fuse(&[
            mention(
                "a",
                HAMA,
                Faction::Opposition,
                Action::Claimed,
                "2024-12-01",
                Publication,
            ),
            mention(
                "b",
                HAMA,
                Faction::Opposition,
                Action::Capture,
                "2024-12-05",
                Explicit,
            ),
        ]);
        assert_eq!(ev.len(), 2);
        assert_eq!((ev[0].action, ev[0].confidence), (Action::Claimed, 0.35));
        assert_eq!(ev[1].action, Action::Capture);
    }

    #[test]
    fn conflicting_factions_are_contested_not_resolved_silently() {
        use DateBasis::*;
        let (ev, _) = fuse(&[
            mention(
                "a",
                HAMA,
                Faction::Opposition,
                Action::Capture,
                "2024-12-05",
                Explicit,
            ),
            mention(
                "b",
                HAMA,
                Faction::Government,
                Action::Capture,
                "2024-12-05",
                Publication,
            ),
        ]);
        assert!(ev.iter().all(|e| e.contested));
        let tl = build(ev, &Baseline::default(), gaz(), None, None);
        let cell = &tl.control[&day("2024-12-05")][0];
        assert_eq!((cell.faction, cell.contested), (Faction::Opposition, true));
    }

    #[test]
    fn fusion_ignores_input_order() {
        use DateBasis::*;
        let mut ms = vec![
            mention(
                "a",
                ALEPPO,
                Faction::Opposition,
                Action::Capture,
                "2024-11-30",
                Explicit,
            ),
            mention(
                "b",
                HAMA,
                Faction::Opposition,
                Action::Capture,
                "2024-12-05",
                Relative,
            ),
            mention(
                "c",
                ALEPPO,
                Faction::Opposition,
                Action::Partial,
                "2024-11-29",
                Relative,
            ),
        ];
        let (a, _) = fuse(&ms);
        ms.reverse();
        let (b, _) = fuse(&ms);
        assert_eq!(a, b);
    }

    #[test]
    fn control_state_follows_baseline_then_events_with_no_gaps() {
        let baseline = Baseline::parse("b.csv", BUNDLED_BASELINE, gaz()).unwrap();
        let (ev, _) = fuse(&[
            mention(
                "a",
                ALEPPO,
                Faction::Opposition,
                Action::Capture,
                "2024-11-30",
                DateBasis::Explicit,
            ),
            mention(
                "b",
                HAMA,
                Faction::Opposition,
                Action::Capture,
                "2024-12-05",
                DateBasis::Explicit,
            ),
        ]);
        let tl = build(ev, &baseline, gaz(), None, None);
        assert_eq!(tl.days.len(), 6, "2024-11-30 to 2024-12-05 without gaps");
        let at = |d: &str, p: &str| {
            tl.control[&day(d)]
                .iter()
                .find(|c| c.place == p)
                .cloned()
                .unwrap()
        };
        assert_eq!(at("2024-11-30", ALEPPO).faction, Faction::Opposition);
        assert!(at("2024-11-30", ALEPPO).changed);
        assert!(!at("2024-12-01", ALEPPO).changed);
        assert_eq!(at("2024-12-04", HAMA).faction, Faction::Government);
        assert_eq!(at("2024-12-05", HAMA).faction, Faction::Opposition);
        assert!(tl.events[&day("2024-12-02")].is_empty());
        let hama: Vec<&Interval> = tl.intervals.iter().filter(|i| i.place == HAMA).collect();
        assert_eq!(hama.len(), 2);
        assert_eq!(
            (hama[0].end, hama[1].start, hama[1].end),
            (day("2024-12-05"), day("2024-12-05"), day("2024-12-06"))
        );
    }

    #[test]
    fn governorate_event_sets_its_places_unless_a_specific_event_says_otherwise() {
        let baseline = Baseline::parse("b.csv", BUNDLED_BASELINE, gaz()).unwrap();
        let (ev, _) = fuse(&[
            mention(
                "a",
                "gn:169387",
                Faction::Opposition,
                Action::Capture,
                "2024-11-30",
                DateBasis::Explicit,
            ),
            mention(
                "a",
                "gn:168325",
                Faction::Government,
                Action::Capture,
                "2024-11-30",
                DateBasis::Explicit,
            ),
        ]);
        let tl = build(ev, &baseline, gaz(), None, None);
        let at = |p: &str| faction_on(&tl, "2024-11-30", p);
        assert_eq!(
            at("gn:167611"),
            Faction::Opposition,
            "Maarat al-Numan follows the governorate"
        );
        assert_eq!(
            at("gn:168325"),
            Faction::Government,
            "Khan Shaykhun's own event wins"
        );
        // A register village of Idlib that neither the baseline nor a report names is
        // left to the areas, not given a row of its own each day.
        let named: BTreeSet<&str> = baseline.rows.keys().map(String::as_str).collect();
        let silent = gaz()
            .places()
            .iter()
            .find(|p| p.governorate == "Idlib" && p.needs_cue() && !named.contains(p.id.as_str()))
            .expect("the bundled gazetteer has register villages in Idlib");
        let cells = &tl.control[&day("2024-11-30")];
        assert!(!cells.iter().any(|c| c.place == silent.id), "{}", silent.id);
    }

    #[test]
    fn a_city_carries_its_neighbourhoods_but_not_their_own_events() {
        let baseline = Baseline::parse("b.csv", BUNDLED_BASELINE, gaz()).unwrap();
        let (ev, _) = fuse(&[
            mention(
                "a",
                ALEPPO,
                Faction::Opposition,
                Action::Capture,
                "2024-11-30",
                DateBasis::Explicit,
            ),
            mention(
                "a",
                "sy:aleppo-sheikh-maqsoud",
                Faction::Sdf,
                Action::Capture,
                "2024-11-30",
                DateBasis::Explicit,
            ),
        ]);
        let tl = build(ev, &baseline, gaz(), None, None);
        let at = |p: &str| faction_on(&tl, "2024-11-30", p);
        assert_eq!(at("sy:aleppo-new-aleppo"), Faction::Opposition);
        assert_eq!(at("sy:aleppo-sheikh-maqsoud"), Faction::Sdf);
        assert_eq!(
            at("sy:aleppo-international-airport"),
            Faction::Government,
            "sites have their own events"
        );
    }

    /// Who holds `place` at the end of `d` on `tl`.
    fn faction_on(tl: &Timeline, d: &str, place: &str) -> Faction {
        tl.control[&day(d)]
            .iter()
            .find(|c| c.place == place)
            .unwrap()
            .faction
    }

    #[test]
    fn a_district_event_carries_its_seat() {
        let baseline = Baseline::parse("b.csv", BUNDLED_BASELINE, gaz()).unwrap();
        let (ev, _) = fuse(&[mention(
            "a",
            "gn:167355",
            Faction::Sna,
            Action::Capture,
            "2024-12-09",
            DateBasis::Publication,
        )]);
        let tl = build(ev, &baseline, gaz(), None, None);
        let at = |p: &str| faction_on(&tl, "2024-12-09", p);
        assert_eq!(
            at("gn:167357"),
            Faction::Sna,
            "Manbij city follows Manbij District"
        );
    }

    #[test]
    fn a_chain_of_reports_is_one_event() {
        use DateBasis::*;
        let (ev, _) = fuse(&[
            mention(
                "a",
                ALEPPO,
                Faction::Opposition,
                Action::Partial,
                "2024-11-29",
                Relative,
            ),
            mention(
                "b",
                ALEPPO,
                Faction::Opposition,
                Action::Capture,
                "2024-11-30",
                Explicit,
            ),
            mention(
                "c",
                ALEPPO,
                Faction::Opposition,
                Action::Capture,
                "2024-12-02",
                Publication,
            ),
            mention(
                "d",
                ALEPPO,
                Faction::Opposition,
                Action::Capture,
                "2024-12-03",
                Publication,
            ),
        ]);
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0].date, day("2024-11-30"));
    }

    #[test]
    fn baseline_errors_name_the_line() {
        let e = Baseline::parse(
            "b.csv",
            "place_id,faction,as_of,source\ngn:0,government,2024-11-26,x\n",
            gaz(),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.csv line 2: place \"gn:0\" is not in the gazetteer"
        );
        let e = Baseline::parse(
            "b.csv",
            "place_id,faction,as_of,source\ngn:170063,rebels,2024-11-26,x\n",
            gaz(),
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "b.csv line 2: unknown faction \"rebels\"");
        let e = Baseline::parse("b.csv", "gn:170063,government,2024-11-26,x\n", gaz()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.csv line 1: no header: the first line must be place_id,faction,as_of,source"
        );
        let b = Baseline::parse_with(
            "b.csv",
            "place_id,faction,as_of,source\ngn:0,government,2024-11-26,x\ngn:170063,government,2024-11-26,x\n",
            gaz(),
            UnknownPlaces::Skip,
        )
        .unwrap();
        assert_eq!((b.rows.len(), b.skipped), (1, 1));
    }
}
