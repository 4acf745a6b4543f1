//! The sides an article named last, for clauses that name none ("they took", "Hama fell").
//!
//! Takes each sentence's actor names and triggers as the sentence is read, and the sides
//! of events as they are found; gives the last side named as a subject and the last one
//! other than the government. Most clauses name their own side and never ask, so a
//! sentence is only read for its subjects when a later clause asks: newest sentence
//! first, and only until the answer asked for is found (judging a name's position is the
//! costly part, and most sentences would be judged for nothing).

use super::lexicon::{Hit, Trigger};
use super::sides;
use crate::model::{Faction, Span};
use std::ops::Range;

/// A side as remembered: its faction and its name as written.
pub(super) type Side = (Faction, String);

/// The last sides named, with the sentences read since each was last brought up to date.
#[derive(Debug, Default)]
pub(super) struct SideMemory {
    last_actor: Option<Side>,
    last_attacker: Option<Side>,
    /// Sentences with actor names, oldest first, read since the answers were last brought
    /// up to date; their names and triggers (sentence-relative) are in the two buffers.
    pending: Vec<Pending>,
    actors: Vec<Hit<Faction>>,
    triggers: Vec<Hit<Trigger>>,
    /// How many of `pending` each answer has taken in already (a government event sets
    /// the last actor but not the last attacker).
    actor_from: usize,
    attacker_from: usize,
}

#[derive(Debug)]
struct Pending {
    span: Span,
    actors: Range<usize>,
    triggers: Range<usize>,
}

/// Which answer.
#[derive(Clone, Copy)]
enum Slot {
    Actor,
    Attacker,
}

impl SideMemory {
    /// Starts a new article, keeping the buffers.
    pub(super) fn clear(&mut self) {
        self.last_actor = None;
        self.last_attacker = None;
        self.forget_pending();
    }

    fn forget_pending(&mut self) {
        self.pending.clear();
        self.actors.clear();
        self.triggers.clear();
        self.actor_from = 0;
        self.attacker_from = 0;
    }

    /// Notes a sentence that has been read (`span` in the article), with its actor names
    /// and triggers (relative to the sentence).
    pub(super) fn read(&mut self, span: Span, actors: &[Hit<Faction>], triggers: &[Hit<Trigger>]) {
        if actors.is_empty() {
            return; // names no side: changes nothing
        }
        let (a, t) = (self.actors.len(), self.triggers.len());
        self.actors.extend_from_slice(actors);
        self.triggers.extend_from_slice(triggers);
        self.pending.push(Pending {
            span,
            actors: a..self.actors.len(),
            triggers: t..self.triggers.len(),
        });
    }

    /// Notes the side of an event just found: the last side named from now on, and the
    /// last attacker unless it is the government.
    pub(super) fn note(&mut self, f: Faction, name: &str, trigger: Trigger) {
        note_side(&mut self.last_actor, f, name);
        if !attacks(Some(trigger), f) {
            // The attacker may still be one of the sentences read before.
            self.actor_from = self.pending.len();
        } else {
            note_side(&mut self.last_attacker, f, name);
            self.forget_pending();
        }
    }

    /// The last side named as a subject (`text`: the article).
    pub(super) fn last_actor(&mut self, text: &str) -> Option<Side> {
        self.bring_up_to_date(Slot::Actor, text);
        self.last_actor.clone()
    }

    /// The last side other than the government named as a subject.
    pub(super) fn last_attacker(&mut self, text: &str) -> Option<Side> {
        self.bring_up_to_date(Slot::Attacker, text);
        self.last_attacker.clone()
    }

    /// Reads the sentences `slot` has not taken in, newest first, until one answers it: a
    /// newer sentence's subject replaces an older one's.
    fn bring_up_to_date(&mut self, slot: Slot, text: &str) {
        let from = match slot {
            Slot::Actor => self.actor_from,
            Slot::Attacker => self.attacker_from,
        };
        let found = self.pending[from..].iter().rev().find_map(|p| {
            let s = &text[p.span.start..p.span.end];
            let actors = &self.actors[p.actors.clone()];
            let (actor, attacker) = subjects(s, actors, &self.triggers[p.triggers.clone()]);
            let k = match slot {
                Slot::Actor => actor,
                Slot::Attacker => attacker,
            }?;
            Some((actors[k].what, &s[actors[k].start..actors[k].end]))
        });
        let (answer, from) = match slot {
            Slot::Actor => (&mut self.last_actor, &mut self.actor_from),
            Slot::Attacker => (&mut self.last_attacker, &mut self.attacker_from),
        };
        if let Some((f, name)) = found {
            note_side(answer, f, name);
        }
        *from = self.pending.len();
        if self.actor_from == self.pending.len() && self.attacker_from == self.pending.len() {
            self.forget_pending();
        }
    }
}

/// The sentence's last side in subject position and its last attacker (indices into
/// `actors`), read back from the end. A side right after a trigger is its object
/// ("expelled regime forces"), not a subject.
fn subjects(
    s: &str,
    actors: &[Hit<Faction>],
    triggers: &[Hit<Trigger>],
) -> (Option<usize>, Option<usize>) {
    let mut actor = None;
    for k in (0..actors.len()).rev() {
        let first = sides::first_conjunct(s, actors, k);
        let a = &actors[first];
        if !sides::is_subject_position(s, a) || sides::is_trigger_object(s, triggers, a) {
            continue;
        }
        // "Rebels advanced on Hama, a Syrian army source said": a source tagged on after
        // the clause tells of it and takes no part in it.
        if sides::is_source_tag(s, a) {
            continue;
        }
        actor = actor.or(Some(first));
        // Its verb: a trigger before the next side named ("Rebels advanced after regime
        // forces pulled out": "pulled out" is the regime's).
        let next_side = actors[k + 1..].first().map_or(s.len(), |n| n.start);
        let verb = trigger_after(triggers, a.end).filter(|t| t.start < next_side);
        if attacks(verb.map(|t| t.what), a.what) {
            return (actor, Some(first));
        }
    }
    (actor, None)
}

/// Is side `f`, the subject of `trigger`, the side attacking? The subject of a gain is,
/// whichever side it is ("the army retook Hama", and in 2026 "government forces seized
/// Tabqa"); the subject of a loss is not ("the SDF withdrew"). A subject of neither is the
/// attacker unless it is the state, the side most of the war's reports tell defending.
fn attacks(trigger: Option<Trigger>, f: Faction) -> bool {
    use Trigger::*;
    match trigger {
        Some(Take | TakePassive | Fall | Enter | Expel | ClaimTake | Nominal) => true,
        Some(Lose | Flee | Handover | LosePassive) => false,
        Some(Ignore) | None => f != Faction::Government,
    }
}

/// The first trigger (not an ignored phrase) at or after byte `at`.
fn trigger_after(triggers: &[Hit<Trigger>], at: usize) -> Option<&Hit<Trigger>> {
    triggers
        .iter()
        .find(|t| t.start >= at && t.what != Trigger::Ignore)
}

/// Puts `f` and `name` in `slot`, reusing its string.
fn note_side(slot: &mut Option<Side>, f: Faction, name: &str) {
    match slot {
        Some((g, s)) => {
            *g = f;
            s.clear();
            s.push_str(name);
        }
        None => *slot = Some((f, name.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::Lexicon;
    use super::*;
    use proptest::strategy::Strategy;
    use std::sync::OnceLock;

    /// The sentences of the tests, one after another as an article's text.
    const SENTENCES: [&str; 6] = [
        "The army shelled Idlib.",
        "Rebels advanced on Hama.",
        "The SDF and the army clashed.",
        "Residents fled.",
        "The regime expelled rebels from Suran.",
        "Turkish-backed factions attacked Manbij.",
    ];

    fn lex() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| Lexicon::bundled().unwrap())
    }

    /// What one step does to a memory.
    #[derive(Debug, Clone)]
    enum Step {
        Read(usize),
        Note(Faction),
        Ask,
    }

    /// The article text and the span of each sentence in it.
    fn article() -> (String, Vec<Span>) {
        let mut text = String::new();
        let mut spans = Vec::new();
        for s in SENTENCES {
            spans.push(Span::new(text.len(), text.len() + s.len()));
            text.push_str(s);
            text.push(' ');
        }
        (text, spans)
    }

    /// The memory reading every sentence at once (as the extractor did before it was
    /// lazy): the reference the lazy one must agree with.
    #[derive(Default)]
    struct Eager {
        actor: Option<Side>,
        attacker: Option<Side>,
    }

    impl Eager {
        fn read(&mut self, s: &str, actors: &[Hit<Faction>], triggers: &[Hit<Trigger>]) {
            let (a, b) = subjects(s, actors, triggers);
            let name = |k: usize| {
                (
                    actors[k].what,
                    s[actors[k].start..actors[k].end].to_string(),
                )
            };
            self.actor = a.map(name).or(self.actor.take());
            self.attacker = b.map(name).or(self.attacker.take());
        }

        fn note(&mut self, f: Faction, name: &str) {
            self.actor = Some((f, name.to_string()));
            if f != Faction::Government {
                self.attacker = Some((f, name.to_string()));
            }
        }
    }

    /// Runs `steps` on a lazy memory and the eager reference; at every `Ask` and at the
    /// end, both answers of both: (lazy actor, eager actor, lazy attacker, eager attacker).
    fn run(steps: &[Step]) -> Vec<[Option<Side>; 4]> {
        let (text, spans) = article();
        let (mut lazy, mut eager) = (SideMemory::default(), Eager::default());
        let mut answers = Vec::new();
        for step in steps {
            match *step {
                Step::Read(i) => {
                    let s = SENTENCES[i];
                    let (actors, triggers) = (lex().actors(s), lex().triggers(s));
                    lazy.read(spans[i], &actors, &triggers);
                    eager.read(s, &actors, &triggers);
                }
                Step::Note(f) => {
                    lazy.note(f, "noted", Trigger::Ignore);
                    eager.note(f, "noted");
                }
                Step::Ask => answers.push([
                    lazy.last_actor(&text),
                    eager.actor.clone(),
                    lazy.last_attacker(&text),
                    eager.attacker.clone(),
                ]),
            }
        }
        answers.push([
            lazy.last_actor(&text),
            eager.actor.clone(),
            lazy.last_attacker(&text),
            eager.attacker.clone(),
        ]);
        answers
    }

    #[test]
    fn a_newer_subject_replaces_an_older_one_slot_by_slot() {
        let side = |f: Faction, name: &str| Some((f, name.to_string()));
        let mut m = SideMemory::default();
        let (text, spans) = article();
        for i in [1, 0] {
            let s = SENTENCES[i];
            m.read(spans[i], &lex().actors(s), &lex().triggers(s));
        }
        // "The army shelled Idlib" after "Rebels advanced": the army is the last side
        // named, the rebels still the last attacker.
        assert_eq!(m.last_actor(&text), side(Faction::Government, "The army"));
        assert_eq!(m.last_attacker(&text), side(Faction::Opposition, "Rebels"));
        // A government event keeps the attacker read before it.
        m.read(
            spans[5],
            &lex().actors(SENTENCES[5]),
            &lex().triggers(SENTENCES[5]),
        );
        m.note(Faction::Government, "the army", Trigger::Ignore);
        assert_eq!(
            m.last_attacker(&text),
            side(Faction::Sna, "Turkish-backed factions")
        );
    }

    proptest::proptest! {
        #[test]
        fn lazy_reading_agrees_with_reading_every_sentence(
            steps in proptest::collection::vec(
                proptest::prop_oneof![
                    (0..SENTENCES.len()).prop_map(Step::Read),
                    proptest::sample::select(vec![Faction::Government, Faction::Sdf])
                        .prop_map(Step::Note),
                    proptest::strategy::Just(Step::Ask),
                ],
                0..12,
            )
        ) {
            for [lazy_actor, actor, lazy_attacker, attacker] in run(&steps) {
                proptest::prop_assert_eq!(lazy_actor, actor);
                proptest::prop_assert_eq!(lazy_attacker, attacker);
            }
        }
    }
}
