//! Ranking the places that share a key, and resolving a single name.
//!
//! Takes the (place, exact spelling?) hits of one key plus a [`Cue`] and gives
//! [`Candidate`]s best first. The score is: exact spelling 1.0 (else 0.75 for a skeleton
//! match, lower for a fuzzy one) + kind fit for the cue (up to 1.0) + a population prior
//! (≤ 0.1), less [`REGISTER_PENALTY`] for a place known only from a national register
//! ([`Place::needs_cue`](super::Place::needs_cue)): of two hamlets and a curated
//! neighbourhood called "Mashhad", the one a source put in the gazetteer for itself
//! comes first. Ties fall to the id, so the ranking is deterministic.

use super::matcher::Cue;
use super::normalize::NameKey;
use super::Gazetteer;
use crate::model::PlaceKind;

/// A place that fits a name, with its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// Index into [`Gazetteer::places`].
    pub place: u32,
    /// Higher is better; comparable only within one name.
    pub score: f64,
}

fn kind_fit(cue: Cue, kind: PlaceKind) -> f64 {
    use PlaceKind::*;
    match (cue, kind) {
        (Cue::Governorate, Governorate) => 1.0,
        (Cue::Governorate, District) => 0.4,
        (Cue::Governorate, _) => 0.0,
        (Cue::District, District) => 1.0,
        (Cue::District, City | Town) => 0.5,
        (Cue::District, _) => 0.0,
        (_, Governorate | District) => 0.0,
        (_, City | Town) => 0.5,
        (_, Village | Neighbourhood | Site) => 0.45,
    }
}

/// What a register-only place loses against an equal match (less than any spelling or
/// kind difference, more than the population prior of a small place).
pub const REGISTER_PENALTY: f64 = 0.05;

pub(super) fn prior(population: u64) -> f64 {
    ((population as f64) + 1.0).ln() / 150.0
}

/// What ranking needs of one place.
#[derive(Debug, Clone, Copy)]
pub(super) struct RankKey {
    kind: PlaceKind,
    /// The population prior ([`prior`]), less [`REGISTER_PENALTY`] where it applies.
    prior: f64,
    /// The place's position in id order: ties between equal scores go to the smaller id.
    id_order: u32,
}

impl RankKey {
    /// The keys of `places`, by index.
    pub(super) fn all(places: &[super::Place]) -> Vec<RankKey> {
        let mut by_id: Vec<u32> = (0..places.len() as u32).collect();
        by_id.sort_by(|&a, &b| places[a as usize].id.cmp(&places[b as usize].id));
        let mut keys: Vec<RankKey> = places
            .iter()
            .map(|p| RankKey {
                kind: p.kind,
                prior: prior(p.population) - if p.needs_cue() { REGISTER_PENALTY } else { 0.0 },
                id_order: 0,
            })
            .collect();
        for (order, &i) in by_id.iter().enumerate() {
            keys[i as usize].id_order = order as u32;
        }
        keys
    }
}

/// Ranks `hits` (place, exact spelling) for `cue`; one candidate per place.
pub(crate) fn rank(g: &Gazetteer, hits: &[(u32, bool)], cue: Cue) -> Vec<Candidate> {
    rank_scored(
        g,
        hits.iter()
            .map(|&(p, exact)| (p, if exact { 1.0 } else { 0.75 })),
        cue,
    )
}

fn rank_scored(g: &Gazetteer, hits: impl Iterator<Item = (u32, f64)>, cue: Cue) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(hits.size_hint().0);
    for (place, spelling) in hits {
        let key = &g.rank_keys[place as usize];
        let score = spelling + kind_fit(cue, key.kind) + key.prior;
        match out.iter_mut().find(|c| c.place == place) {
            Some(c) => c.score = c.score.max(score),
            None => out.push(Candidate { place, score }),
        }
    }
    let id_order = |c: &Candidate| g.rank_keys[c.place as usize].id_order;
    out.sort_unstable_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| id_order(a).cmp(&id_order(b)))
    });
    out
}

/// What [`Gazetteer::resolve`] found for one name.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// Places that fit, best first; empty when nothing does.
    pub candidates: Vec<Candidate>,
    /// The closest known spellings, for a name that resolved to nothing.
    pub nearest: Vec<String>,
}

/// Splits cue words off a query: "Idlib province" → ("Idlib", Governorate).
fn strip_cue(query: &str) -> (String, Cue) {
    let words: Vec<&str> = query.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let lw: Vec<&str> = lower.iter().map(String::as_str).collect();
    let (mut a, mut b) = (0, words.len());
    let mut cue = Cue::None;
    if lw.first() == Some(&"the") && b > 1 {
        a = 1;
    }
    if b - a > 2 && lw[a + 1] == "of" {
        cue = cue_word(lw[a]);
        if cue != Cue::None {
            a += 2;
        }
    }
    if b - a > 1 && cue == Cue::None {
        cue = cue_word(lw[b - 1]);
        if cue != Cue::None {
            b -= 1;
        }
    }
    (words[a..b].join(" "), cue)
}

fn cue_word(w: &str) -> Cue {
    match w {
        "province" | "governorate" | "muhafazat" => Cue::Governorate,
        "district" => Cue::District,
        "city" | "town" | "village" => Cue::Populated,
        _ => Cue::None,
    }
}

/// Levenshtein distance over chars, stopping early above `max`.
fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        if cur.iter().min().is_some_and(|&m| m > max) {
            return max + 1;
        }
        prev = cur;
    }
    prev[b.len()]
}

impl Gazetteer {
    /// Ranks the places whose alias has the key of `name` (no fuzzy matching): the fast,
    /// strict look-up the extractor uses.
    pub fn resolve_exact(&self, name: &str) -> Vec<Candidate> {
        let (bare, cue) = strip_cue(name);
        let key = NameKey::new(&bare);
        match self.lookup(&key.skeleton) {
            Some(entries) if !self.is_not_place(&key.folded) => {
                let hits: Vec<(u32, bool)> = entries
                    .iter()
                    .map(|e| (e.place, *e.folded == *key.folded))
                    .collect();
                rank(self, &hits, cue)
            }
            _ => Vec::new(),
        }
    }

    /// Ranks the places `name` may mean. Cue words in the name count ("Homs province").
    /// Exact and skeleton matches come first; failing those, skeletons with the same first
    /// letter within one edit (8+ letters) or two (12+) are offered at a lower score.
    pub fn resolve(&self, name: &str) -> Resolution {
        let (bare, cue) = strip_cue(name);
        // "Baath City" is a name of its own, not "Baath" with a cue.
        let whole = NameKey::new(name);
        let bare_key = NameKey::new(&bare);
        let bare_is_none =
            self.lookup(&bare_key.skeleton).is_none() || self.is_not_place(&bare_key.folded);
        if cue != Cue::None && bare_is_none && self.lookup(&whole.skeleton).is_some() {
            return self.resolve_key(&whole, Cue::None);
        }
        self.resolve_key(&bare_key, cue)
    }

    /// [`Gazetteer::resolve`] with context a reader would use: only places in
    /// `governorate` (when given; matched case-insensitively against the `governorate`
    /// column), and, with `near`, the candidates nearest that place first (score breaks
    /// ties). "Suran" `--in Hama` is the town north of Hama, not the village near Azaz.
    pub fn resolve_in(
        &self,
        name: &str,
        governorate: Option<&str>,
        near: Option<u32>,
    ) -> Resolution {
        let mut r = self.resolve(name);
        if let Some(g) = governorate {
            r.candidates
                .retain(|c| self.place(c.place).governorate.eq_ignore_ascii_case(g));
        }
        if let Some(anchor) = near {
            let km = |c: &Candidate| self.distance_km(anchor, c.place);
            r.candidates.sort_by(|a, b| {
                km(a)
                    .total_cmp(&km(b))
                    .then_with(|| b.score.total_cmp(&a.score))
            });
        }
        r
    }

    fn resolve_key(&self, key: &NameKey, cue: Cue) -> Resolution {
        if key.skeleton.is_empty() || self.is_not_place(&key.folded) {
            return Resolution {
                candidates: vec![],
                nearest: vec![],
            };
        }
        if let Some(entries) = self.lookup(&key.skeleton) {
            let hits: Vec<(u32, bool)> = entries
                .iter()
                .map(|e| (e.place, *e.folded == *key.folded))
                .collect();
            return Resolution {
                candidates: rank(self, &hits, cue),
                nearest: vec![],
            };
        }
        // Sound-alike names of different towns differ by one letter ("Sarmada", "Sarmine"),
        // so a near spelling counts only for long names, and only with the same first letter.
        let len = key.skeleton.chars().count();
        let max = match len {
            0..=7 => 0,
            8..=11 => 1,
            _ => 2,
        };
        let first = key.skeleton.chars().next();
        let mut fuzzy: Vec<(usize, &str)> = self
            .entries
            .keys()
            .map(|k| (edit_distance(&key.skeleton, k, 2), &**k))
            .filter(|&(d, k)| d <= 2 && k.chars().next() == first)
            .collect();
        fuzzy.sort();
        let close: Vec<(u32, f64)> = fuzzy
            .iter()
            .filter(|&&(d, _)| d <= max)
            .flat_map(|&(d, k)| {
                self.entries[k]
                    .iter()
                    .map(move |e| (e.place, 0.8 - 0.1 * d as f64))
            })
            .collect();
        let candidates = rank_scored(self, close.into_iter(), cue);
        let nearest = if candidates.is_empty() {
            let mut names: Vec<String> = fuzzy
                .iter()
                .flat_map(|&(_, k)| {
                    self.entries[k]
                        .iter()
                        .map(|e| self.place(e.place).name.clone())
                })
                .collect();
            names.dedup();
            names.truncate(5);
            names
        } else {
            vec![]
        };
        Resolution {
            candidates,
            nearest,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_cue_cases() {
        assert_eq!(
            strip_cue("Idlib province"),
            ("Idlib".into(), Cue::Governorate)
        );
        assert_eq!(
            strip_cue("the province of Homs"),
            ("Homs".into(), Cue::Governorate)
        );
        assert_eq!(
            strip_cue("Palmyra district"),
            ("Palmyra".into(), Cue::District)
        );
        assert_eq!(
            strip_cue("the city of Hama"),
            ("Hama".into(), Cue::Populated)
        );
        assert_eq!(strip_cue("Deir ez-Zor"), ("Deir ez-Zor".into(), Cue::None));
        assert_eq!(strip_cue("District"), ("District".into(), Cue::None));
    }

    #[test]
    fn edit_distance_cases() {
        assert_eq!(edit_distance("kitten", "sitting", 5), 3);
        assert_eq!(edit_distance("abc", "abc", 0), 0);
        assert!(edit_distance("abcdef", "x", 1) > 1);
    }

    #[test]
    fn fuzzy_resolution_finds_a_near_spelling() {
        let g = Gazetteer::bundled().unwrap();
        // One letter dropped from a long name: no exact key, but a near one.
        let r = g.resolve("Jisr al-Shugur");
        assert!(g
            .resolve("Zamalkah")
            .candidates
            .iter()
            .all(|c| g.place(c.place).kind != crate::model::PlaceKind::Site));
        assert_eq!(g.place(r.candidates[0].place).id, "gn:169023");
    }

    #[test]
    fn nonsense_gives_nothing_but_nearest_spellings_may_follow() {
        let g = Gazetteer::bundled().unwrap();
        let r = g.resolve("Xqzwv");
        assert!(r.candidates.is_empty());
    }
}
