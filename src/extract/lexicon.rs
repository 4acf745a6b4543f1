//! The words of control change: actor names (from `data/factions.csv`), trigger phrases
//! and the markers that qualify them (claims, attempts, partial gains).
//!
//! Takes a text (the extractor gives a whole article, ASCII-lowercased) and gives its
//! [`Marks`]: every trigger, actor and marker as a [`Hit`] with byte ranges into the text.
//! All lists are one phrase set matched case-insensitively on whole words, longest phrase
//! first, each list as if alone ([`super::phrases`]), in one pass; adding a phrase costs
//! nothing at run time. The same pass flags the date scanner's cue words.

use super::dates::CUE_WORDS;
use super::phrases::PhraseSet;
use crate::model::Faction;

/// The bundled actor lexicon.
pub const FACTIONS_CSV: &str = include_str!("../../data/factions.csv");

/// How a trigger relates its actor and its places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// "X took Y": actor before (new controller), places after.
    Take,
    /// "Y fell to X", "Y came under the control of X": places before, new controller after.
    TakePassive,
    /// "Y fell", "Y has fallen": places before and no side named; the place went to the
    /// side attacking in the article (the last side other than the government named).
    Fall,
    /// "X entered Y", "X advanced into Y": a partial gain.
    Enter,
    /// "X withdrew from Y", "X lost control of Y": actor before is the loser, places after.
    Lose,
    /// "X fled Y": a withdrawal like `Lose`, but only when X is a side named in the
    /// sentence ("thousands of residents fled Aleppo" is no change of control).
    Flee,
    /// "Y escapes the control of X", "Y evacuated by X": places before, loser after.
    LosePassive,
    /// "X handed Y over to Z": loser before, places after, new controller after "to".
    Handover,
    /// "the capture of Y", "the fall of Y": places after, actor from context.
    Nominal,
    /// "X claimed control over Y": like `Take`, but a claim.
    ClaimTake,
    /// "X drove regime forces out of Y", "X expelled the SDF from Y": like `Take`, but the
    /// place follows "from" / "out of" and the side before it is the loser.
    Expel,
    /// A phrase that contains a trigger word but states no change ("lost ground",
    /// "took part"): matched so that the shorter trigger inside it is not.
    Ignore,
}

impl Trigger {
    /// Are the places of this trigger before it ("Hama fell to", "Hama fell")?
    pub fn places_before(self) -> bool {
        matches!(
            self,
            Trigger::TakePassive | Trigger::LosePassive | Trigger::Fall
        )
    }
}

const TRIGGERS: &[(&str, Trigger)] = &[
    // active captures
    ("took control of", Trigger::Take),
    ("took control over", Trigger::Take),
    ("taken control of", Trigger::Take),
    ("taken control over", Trigger::Take),
    ("taking control of", Trigger::Take),
    ("take control of", Trigger::Take),
    ("gained control over", Trigger::Take),
    ("gained control of", Trigger::Take),
    ("gained control across", Trigger::Take),
    ("gaining control of", Trigger::Take),
    ("seized control of", Trigger::Take),
    ("seized control over", Trigger::Take),
    ("seizing control of", Trigger::Take),
    ("seized", Trigger::Take),
    // "secured Hama", "secured the city of Hama"; the object must be a place ("secured
    // the release of" names none).
    ("secured", Trigger::Take),
    ("seizing", Trigger::Take),
    ("seize", Trigger::Take),
    ("captured", Trigger::Take),
    ("capturing", Trigger::Take),
    ("recaptured", Trigger::Take),
    ("recapturing", Trigger::Take),
    ("retook", Trigger::Take),
    ("retaken", Trigger::Take),
    ("retaking", Trigger::Take),
    ("took over", Trigger::Take),
    ("taken over", Trigger::Take),
    ("taking over", Trigger::Take),
    ("took", Trigger::Take),
    ("taking", Trigger::Take),
    // Headlines and timelines write the present: "Rebels take Aleppo".
    ("take", Trigger::Take),
    ("takes", Trigger::Take),
    ("taken", Trigger::Take),
    ("overran", Trigger::Take),
    ("overrun", Trigger::Take),
    ("stormed", Trigger::Take),
    ("liberated", Trigger::Take),
    ("liberating", Trigger::Take),
    // "Talbisah and Al-Rastan were freed", "fighters freed the town": liberation's plain
    // verb; what is freed must be a place ("freed detainees" names none).
    ("freed", Trigger::Take),
    ("established control over", Trigger::Take),
    ("established control of", Trigger::Take),
    ("established full control over", Trigger::Take),
    ("established dominance across", Trigger::Take),
    ("established dominance over", Trigger::Take),
    ("secured control over", Trigger::Take),
    ("secured control of", Trigger::Take),
    ("secured full control of", Trigger::Take),
    ("securing full control of", Trigger::Take),
    ("cleared", Trigger::Take),
    ("cleansed", Trigger::Take),
    ("purged", Trigger::Take),
    ("restored control over", Trigger::Take),
    // Syrian state media: "the army restored security and stability to X".
    ("restored security to", Trigger::Take),
    ("restored stability to", Trigger::Take),
    ("restored security and stability to", Trigger::Take),
    ("restored stability and security to", Trigger::Take),
    ("restoring security to", Trigger::Take),
    ("restoring security and stability to", Trigger::Take),
    ("recovered", Trigger::Take),
    ("reclaimed", Trigger::Take),
    ("restored control of", Trigger::Take),
    ("restored", Trigger::Take),
    ("regained control of", Trigger::Take),
    ("regained", Trigger::Take),
    ("won back", Trigger::Take),
    ("win back", Trigger::Take),
    ("clawed back", Trigger::Take),
    ("now control", Trigger::Take),
    ("now controls", Trigger::Take),
    ("now hold", Trigger::Take),
    ("now holds", Trigger::Take),
    ("fully controls", Trigger::Take),
    ("now fully controls", Trigger::Take),
    ("currently controls", Trigger::Take),
    ("wrested control of", Trigger::Take),
    ("wrested", Trigger::Take),
    ("wresting", Trigger::Take),
    ("wrests", Trigger::Take),
    ("in control of", Trigger::Take),
    ("in full control of", Trigger::Take),
    ("in complete control of", Trigger::Take),
    ("won control of", Trigger::Take),
    // The present tense of headlines and live reports ("Rebels capture Hama"); "to
    // capture" is an intent (`Clause::is_intended`).
    ("capture", Trigger::Take),
    ("captures", Trigger::Take),
    ("seizes", Trigger::Take),
    ("recapture", Trigger::Take),
    ("recaptures", Trigger::Take),
    ("retake", Trigger::Take),
    ("retakes", Trigger::Take),
    ("take over", Trigger::Take),
    ("takes over", Trigger::Take),
    ("takes control of", Trigger::Take),
    ("take full control of", Trigger::Take),
    ("takes full control of", Trigger::Take),
    ("seize control of", Trigger::Take),
    ("seizes control of", Trigger::Take),
    ("gain control of", Trigger::Take),
    ("gains control of", Trigger::Take),
    ("overruns", Trigger::Take),
    ("storms", Trigger::Take),
    ("liberate", Trigger::Take),
    ("liberates", Trigger::Take),
    ("announced control of", Trigger::Take),
    ("announced their control of", Trigger::Take),
    ("announced its control of", Trigger::Take),
    ("announced their control over", Trigger::Take),
    ("announced its control over", Trigger::Take),
    ("announced full control of", Trigger::Take),
    ("announced full control over", Trigger::Take),
    ("announced their full control of", Trigger::Take),
    ("announced its full control of", Trigger::Take),
    ("announced their full control over", Trigger::Take),
    ("announced its full control over", Trigger::Take),
    ("announced complete control of", Trigger::Take),
    ("announced complete control over", Trigger::Take),
    ("declared full control of", Trigger::Take),
    // The control announced, with words between: "announced on Saturday its control
    // over", "declared late on Sunday full control of" (`is_bare_control` in the extractor).
    ("its control of", Trigger::Take),
    ("its control over", Trigger::Take),
    ("their control of", Trigger::Take),
    ("their control over", Trigger::Take),
    ("full control of", Trigger::Take),
    ("full control over", Trigger::Take),
    ("its full control of", Trigger::Take),
    ("its full control over", Trigger::Take),
    ("their full control of", Trigger::Take),
    ("their full control over", Trigger::Take),
    ("complete control of", Trigger::Take),
    ("complete control over", Trigger::Take),
    // "declared Damascus free", "declared the city liberated" (a declaration without those
    // words, "declared Hama a military zone", is none: `Clause::is_plain_declaration`).
    ("declared", Trigger::Take),
    ("declares", Trigger::Take),
    ("declare", Trigger::Take),
    ("declared full control over", Trigger::Take),
    ("assumed control of", Trigger::Take),
    ("assumed control over", Trigger::Take),
    ("assuming control of", Trigger::Take),
    ("expanded control to", Trigger::Take),
    ("expanded their control to", Trigger::Take),
    ("expanded its control to", Trigger::Take),
    ("extended control to", Trigger::Take),
    ("extended their control to", Trigger::Take),
    ("extended its control to", Trigger::Take),
    ("extended control over", Trigger::Take),
    ("extended their control over", Trigger::Take),
    ("extended its control over", Trigger::Take),
    ("imposed control over", Trigger::Take),
    ("imposed their control over", Trigger::Take),
    ("imposed its control over", Trigger::Take),
    ("imposed full control over", Trigger::Take),
    // Translated from Arabic: "imposed their control on", "managed to control".
    ("imposed control on", Trigger::Take),
    ("imposed their control on", Trigger::Take),
    ("imposed its control on", Trigger::Take),
    ("managed to control", Trigger::Take),
    ("succeeded in controlling", Trigger::Take),
    ("completed control of", Trigger::Take),
    ("completed their control of", Trigger::Take),
    ("completed its control of", Trigger::Take),
    ("completed their control over", Trigger::Take),
    ("completed its control over", Trigger::Take),
    // Kurdish outlets' word for captures by Turkey and the SNA; the adjective ("the
    // occupied Golan", "Turkish-occupied Afrin") is no change.
    (" occupied", Trigger::Take),
    ("occupying", Trigger::Take),
    // passive captures
    ("fell to", Trigger::TakePassive),
    // A perfect before "fallen to" would otherwise start the match at "has"/"had".
    ("has fallen to", Trigger::TakePassive),
    ("had fallen to", Trigger::TakePassive),
    ("have fallen to", Trigger::TakePassive),
    ("has fallen into the hands of", Trigger::TakePassive),
    ("had fallen into the hands of", Trigger::TakePassive),
    ("have fallen into the hands of", Trigger::TakePassive),
    ("has fallen under", Trigger::TakePassive),
    ("had fallen under", Trigger::TakePassive),
    ("fell", Trigger::Fall),
    ("falls", Trigger::Fall),
    ("has fallen", Trigger::Fall),
    ("had fallen", Trigger::Fall),
    ("have fallen", Trigger::Fall),
    ("falls to", Trigger::TakePassive),
    ("fall to", Trigger::TakePassive),
    ("fallen to", Trigger::TakePassive),
    // A possessive with its agent: "Hama's capture by the rebels", "Aleppo's fall to".
    ("'s capture by", Trigger::TakePassive),
    ("\u{2019}s capture by", Trigger::TakePassive),
    ("'s seizure by", Trigger::TakePassive),
    ("\u{2019}s seizure by", Trigger::TakePassive),
    ("'s fall to", Trigger::TakePassive),
    ("\u{2019}s fall to", Trigger::TakePassive),
    // "Hama's fall follows ...": a fall named as a noun, with the place before.
    ("'s fall", Trigger::Fall),
    ("\u{2019}s fall", Trigger::Fall),
    // "with Rastan and Talbiseh falling to the rebels on Thursday"
    ("falling to", Trigger::TakePassive),
    ("fell under", Trigger::TakePassive),
    ("came under the control of", Trigger::TakePassive),
    ("came under the full control of", Trigger::TakePassive),
    ("came under control of", Trigger::TakePassive),
    ("under the control of", Trigger::TakePassive),
    ("came under", Trigger::TakePassive),
    ("comes under", Trigger::TakePassive),
    // "returned to government control", "is back under regime control": only with a side
    // right after ("returned to Aleppo" is none: `Clause::is_under_no_side`).
    ("returned to", Trigger::TakePassive),
    ("restored to", Trigger::TakePassive),
    ("back under", Trigger::TakePassive),
    // "the city was back in rebel hands": the side is inside the phrase. Only sides whose
    // first letter seldom follows "in" (not "the", "Aleppo", "Syria", "Hama", "Idlib"):
    // every "in" followed by one of these letters is tried against the phrases.
    ("in rebel hands", Trigger::TakePassive),
    ("in rebels' hands", Trigger::TakePassive),
    ("in opposition hands", Trigger::TakePassive),
    ("in government hands", Trigger::TakePassive),
    ("in regime hands", Trigger::TakePassive),
    ("in kurdish hands", Trigger::TakePassive),
    ("in jihadist hands", Trigger::TakePassive),
    ("is now under", Trigger::TakePassive),
    // Present states: "Hama is under rebel control", "has been under HTS control since
    // Thursday" (a side must follow: "is under fire" is none).
    ("is under", Trigger::TakePassive),
    ("are under", Trigger::TakePassive),
    ("has been under", Trigger::TakePassive),
    ("have been under", Trigger::TakePassive),
    ("are now under", Trigger::TakePassive),
    ("is in the hands of", Trigger::TakePassive),
    ("are in the hands of", Trigger::TakePassive),
    ("now in the hands of", Trigger::TakePassive),
    ("fell into the hands of", Trigger::TakePassive),
    ("fallen into the hands of", Trigger::TakePassive),
    ("was captured by", Trigger::TakePassive),
    ("were captured by", Trigger::TakePassive),
    ("been captured by", Trigger::TakePassive),
    ("was taken by", Trigger::TakePassive),
    ("were taken by", Trigger::TakePassive),
    ("was seized by", Trigger::TakePassive),
    ("were seized by", Trigger::TakePassive),
    // expulsions
    ("expelled", Trigger::Expel),
    ("expelling", Trigger::Expel),
    ("drove", Trigger::Expel),
    ("driven", Trigger::Expel),
    ("ousted", Trigger::Expel),
    ("pushed out", Trigger::Expel),
    ("kicked out", Trigger::Expel),
    ("forced out", Trigger::Expel),
    ("routed", Trigger::Expel),
    ("chased", Trigger::Expel),
    // "pushed the rebels out of Suran", "kicked the SDF out of", "evicted ... from": the
    // place follows "out of" / "from" ("pushed towards Hama" names a direction).
    ("pushed", Trigger::Expel),
    ("kicked", Trigger::Expel),
    ("evicted", Trigger::Expel),
    // more passives
    ("now controlled by", Trigger::TakePassive),
    ("fully controlled by", Trigger::TakePassive),
    ("entirely controlled by", Trigger::TakePassive),
    ("passed to", Trigger::TakePassive),
    ("passed into the hands of", Trigger::TakePassive),
    ("passed into", Trigger::TakePassive),
    ("now held by", Trigger::TakePassive),
    // partial gains
    ("entered", Trigger::Enter),
    ("reached", Trigger::Enter),
    ("reach", Trigger::Enter),
    ("reaches", Trigger::Enter),
    ("infiltrated", Trigger::Enter),
    ("infiltrate", Trigger::Enter),
    ("penetrated", Trigger::Enter),
    ("pushed deep into", Trigger::Enter),
    ("made their way into", Trigger::Enter),
    ("made its way into", Trigger::Enter),
    ("stormed into", Trigger::Enter),
    ("enter", Trigger::Enter),
    ("enters", Trigger::Enter),
    ("marched into", Trigger::Enter),
    ("rolled into", Trigger::Enter),
    ("swept into", Trigger::Enter),
    ("swept through", Trigger::Enter),
    ("poured into", Trigger::Enter),
    ("moved into", Trigger::Enter),
    ("moves into", Trigger::Enter),
    ("move into", Trigger::Enter),
    ("entering", Trigger::Enter),
    ("advanced into", Trigger::Enter),
    ("advanced to the outskirts of", Trigger::Enter),
    ("advanced to the edges of", Trigger::Enter),
    ("advanced to the northern outskirts of", Trigger::Enter),
    ("advanced to the southern outskirts of", Trigger::Enter),
    ("advanced to the eastern outskirts of", Trigger::Enter),
    ("advanced to the western outskirts of", Trigger::Enter),
    ("made gains in", Trigger::Enter),
    ("gained ground in", Trigger::Enter),
    ("pushed into", Trigger::Enter),
    ("broke into", Trigger::Enter),
    ("breached", Trigger::Enter),
    // losses
    ("withdrew from", Trigger::Lose),
    ("withdraws from", Trigger::Lose),
    ("pulls out of", Trigger::Lose),
    ("pull out of", Trigger::Lose),
    ("loses control of", Trigger::Lose),
    ("lose control of", Trigger::Lose),
    ("withdrawn from", Trigger::Lose),
    ("withdrawing from", Trigger::Lose),
    ("withdrawal from", Trigger::Lose),
    // "the withdrawal of regime forces from Hama": the side after "of" left the place
    // after "from" (`sides::nominal_loser`).
    ("withdrawal of", Trigger::Lose),
    ("retreat of", Trigger::Lose),
    ("pullout of", Trigger::Lose),
    ("withdraw from", Trigger::Lose),
    ("withdrew its forces from", Trigger::Lose),
    ("withdrew its fighters from", Trigger::Lose),
    ("withdrew its troops from", Trigger::Lose),
    ("withdrew their forces from", Trigger::Lose),
    ("withdrew their fighters from", Trigger::Lose),
    ("withdrew their troops from", Trigger::Lose),
    ("withdrew forces from", Trigger::Lose),
    ("withdrew troops from", Trigger::Lose),
    ("withdrew fighters from", Trigger::Lose),
    ("pulled its forces out of", Trigger::Lose),
    ("pulled its troops out of", Trigger::Lose),
    ("pulled its fighters out of", Trigger::Lose),
    ("pulled their forces out of", Trigger::Lose),
    ("pulled their troops out of", Trigger::Lose),
    ("pulled their fighters out of", Trigger::Lose),
    ("pulled troops out of", Trigger::Lose),
    ("pulled its forces from", Trigger::Lose),
    ("pulled its troops from", Trigger::Lose),
    ("pulled their forces from", Trigger::Lose),
    ("pulled their troops from", Trigger::Lose),
    ("pulled forces from", Trigger::Lose),
    ("pulled troops from", Trigger::Lose),
    ("pulled forces out of", Trigger::Lose),
    // The Syrian defence ministry's word for a withdrawal.
    ("redeployed outside", Trigger::Lose),
    ("redeployed from", Trigger::Lose),
    ("redeploying from", Trigger::Lose),
    ("repositioned from", Trigger::Lose),
    ("redeploy outside", Trigger::Lose),
    ("redeployment outside", Trigger::Lose),
    ("redeployed its forces outside", Trigger::Lose),
    ("redeployed its units outside", Trigger::Lose),
    ("redeployed its troops outside", Trigger::Lose),
    ("redeployed forces outside", Trigger::Lose),
    ("redeployment of its forces outside", Trigger::Lose),
    ("redeployment of its units outside", Trigger::Lose),
    ("redeployment of forces outside", Trigger::Lose),
    ("redeployment of units outside", Trigger::Lose),
    ("repositioned outside", Trigger::Lose),
    ("repositioned its forces outside", Trigger::Lose),
    ("redeployed to positions outside", Trigger::Lose),
    ("repositioned to positions outside", Trigger::Lose),
    ("redeployed to the outskirts of", Trigger::Lose),
    ("pulled out of", Trigger::Lose),
    ("pulling out of", Trigger::Lose),
    ("pulled back from", Trigger::Lose),
    ("fell back from", Trigger::Lose),
    ("retreated from", Trigger::Lose),
    // After "forced to" / "had to" (an intent, "plans to retreat from", is blocked).
    ("retreat from", Trigger::Lose),
    ("retreating from", Trigger::Lose),
    ("evacuated", Trigger::Lose),
    ("abandoned", Trigger::Lose),
    ("vacated", Trigger::Lose),
    ("vacating", Trigger::Lose),
    // "positions vacated by the army": what another verb took, not a clause of its own;
    // but "Manbij was vacated by the SDF" is the place left.
    ("vacated by", Trigger::Ignore),
    ("was vacated by", Trigger::LosePassive),
    ("were vacated by", Trigger::LosePassive),
    ("lost control of", Trigger::Lose),
    ("lost all control of", Trigger::Lose),
    ("lost control over", Trigger::Lose),
    ("lost", Trigger::Lose),
    ("relinquished", Trigger::Lose),
    // "gave up Hama", "gave up control of": a place must follow ("gave up hope" names none).
    ("gave up", Trigger::Lose),
    ("given up", Trigger::Lose),
    ("giving up", Trigger::Lose),
    // "gave up on retaking Hama": no loss, and (as a blocker too) no retaking.
    ("gave up on", Trigger::Ignore),
    ("given up on", Trigger::Ignore),
    ("giving up on", Trigger::Ignore),
    ("fled", Trigger::Flee),
    ("fled from", Trigger::Flee),
    ("fleeing", Trigger::Flee),
    ("flee", Trigger::Flee),
    ("flees", Trigger::Flee),
    ("escapes the control of", Trigger::LosePassive),
    ("escaped the control of", Trigger::LosePassive),
    ("slipped out of the control of", Trigger::LosePassive),
    ("evacuated by", Trigger::LosePassive),
    ("abandoned by", Trigger::LosePassive),
    // handovers
    ("handed over", Trigger::Handover),
    ("hands over", Trigger::Handover),
    ("handing over", Trigger::Handover),
    ("handed", Trigger::Handover),
    ("ceded", Trigger::Handover),
    ("surrendered", Trigger::Handover),
    ("turned over", Trigger::Handover),
    // nominal
    ("capture of", Trigger::Nominal),
    ("fall of", Trigger::Nominal),
    ("seizure of", Trigger::Nominal),
    ("takeover of", Trigger::Nominal),
    ("liberation of", Trigger::Nominal),
    ("restoration of control over", Trigger::Nominal),
    ("restoration of control of", Trigger::Nominal),
    // claims
    ("claimed control over", Trigger::ClaimTake),
    ("claimed control of", Trigger::ClaimTake),
    ("claim control of", Trigger::ClaimTake),
    ("claimed the seizure of", Trigger::ClaimTake),
    ("claimed the capture of", Trigger::ClaimTake),
    // not changes of control
    ("lost ground", Trigger::Ignore),
    // Repelled, not expelled: "were driven back from Hama" leaves Hama as it was.
    ("driven back", Trigger::Ignore),
    ("drove back", Trigger::Ignore),
    ("drove them back", Trigger::Ignore),
    ("driving back", Trigger::Ignore),
    ("pushed back", Trigger::Ignore),
    ("forced back", Trigger::Ignore),
    ("beaten back", Trigger::Ignore),
    ("the occupied", Trigger::Ignore),
    ("israeli-occupied", Trigger::Ignore),
    ("turkish-occupied", Trigger::Ignore),
    ("occupied territories", Trigger::Ignore),
    ("occupied territory", Trigger::Ignore),
    ("occupied areas", Trigger::Ignore),
    ("occupied golan", Trigger::Ignore),
    ("occupied syrian", Trigger::Ignore),
    ("took part", Trigger::Ignore),
    ("taking part", Trigger::Ignore),
    ("taking a toll", Trigger::Ignore),
    ("took a toll", Trigger::Ignore),
    ("taken a toll", Trigger::Ignore),
    ("took a heavy toll", Trigger::Ignore),
    ("taking a heavy toll", Trigger::Ignore),
    ("taking place", Trigger::Ignore),
    ("taking cover", Trigger::Ignore),
    ("taking advantage", Trigger::Ignore),
    ("taking into account", Trigger::Ignore),
    ("taking steps", Trigger::Ignore),
    ("taking measures", Trigger::Ignore),
    ("taking shelter", Trigger::Ignore),
    ("taking refuge", Trigger::Ignore),
    ("taking office", Trigger::Ignore),
    ("taking aim", Trigger::Ignore),
    ("taking responsibility", Trigger::Ignore),
    ("took refuge", Trigger::Ignore),
    ("took shelter", Trigger::Ignore),
    ("took cover", Trigger::Ignore),
    ("took advantage", Trigger::Ignore),
    ("took steps", Trigger::Ignore),
    ("took aim", Trigger::Ignore),
    ("take part", Trigger::Ignore),
    ("takes part", Trigger::Ignore),
    ("take place", Trigger::Ignore),
    ("takes place", Trigger::Ignore),
    ("take cover", Trigger::Ignore),
    ("take refuge", Trigger::Ignore),
    ("takes refuge", Trigger::Ignore),
    ("take shelter", Trigger::Ignore),
    ("take advantage", Trigger::Ignore),
    ("takes advantage", Trigger::Ignore),
    ("take steps", Trigger::Ignore),
    ("take measures", Trigger::Ignore),
    ("take aim", Trigger::Ignore),
    ("take responsibility", Trigger::Ignore),
    ("takes responsibility", Trigger::Ignore),
    ("take office", Trigger::Ignore),
    ("takes office", Trigger::Ignore),
    ("take into account", Trigger::Ignore),
    ("take to the streets", Trigger::Ignore),
    ("take a toll", Trigger::Ignore),
    ("takes a toll", Trigger::Ignore),
    ("take hold", Trigger::Ignore),
    ("takes hold", Trigger::Ignore),
    ("take time", Trigger::Ignore),
    ("take days", Trigger::Ignore),
    ("take weeks", Trigger::Ignore),
    ("take months", Trigger::Ignore),
    ("took responsibility", Trigger::Ignore),
    ("taken part", Trigger::Ignore),
    ("took place", Trigger::Ignore),
    ("taken place", Trigger::Ignore),
    ("took office", Trigger::Ignore),
    ("took a flight", Trigger::Ignore),
    ("taken into account", Trigger::Ignore),
    ("entered into force", Trigger::Ignore),
    ("entered into", Trigger::Ignore),
    ("enter into", Trigger::Ignore),
    ("enters into", Trigger::Ignore),
    ("lost their lives", Trigger::Ignore),
    ("lost his life", Trigger::Ignore),
    ("lost contact", Trigger::Ignore),
    ("cleared the way", Trigger::Ignore),
    ("taken hostage", Trigger::Ignore),
    ("taken prisoner", Trigger::Ignore),
    ("took to the streets", Trigger::Ignore),
    ("fall of the regime", Trigger::Ignore),
    ("fall of the assad", Trigger::Ignore),
    ("fall of assad", Trigger::Ignore),
    ("fall of bashar", Trigger::Ignore),
];

/// Markers that turn a following trigger into a claim.
const CLAIMS: &[&str] = &[
    "unconfirmed",
    "unverified",
    "claim to have",
    "claims to have",
    "claimed to have",
    "claiming to have",
    "claimed",
    "claims",
    "claim",
    // A hedged report is no confirmation: "appears to have withdrawn", "appeared to be in
    // control". The present without "have" is a blocker ("appears to be lost", an opinion).
    "appear to have",
    "appears to have",
    "appeared to",
    "seem to have",
    "seems to have",
    "seemed to",
];

/// Markers that, after a trigger, may leave the change unconfirmed: "…, a claim the army
/// denies", "unconfirmed", and the verbs that do so after "not" ("could not be verified").
const DOUBTS: &[&str] = &[
    "a claim",
    "unconfirmed",
    "unverified",
    "confirm",
    "confirmed",
    "verify",
    "verified",
];

/// Blockers that speak of a prospect: before a trigger they cancel it like the others,
/// and after a change named as a noun they make it a prospect too ("the fall of Homs
/// would...").
pub(super) const PROSPECTS: &[&str] = &[
    "would",
    "could",
    "might",
    "will",
    "may",
    "next target",
    "next goal",
    "next objective",
];

/// Markers that cancel a following trigger (and [`PROSPECTS`]): attempts, plans, threats, denials, negation.
const BLOCKERS: &[&str] = &[
    "failed to",
    "fail to",
    "failure to",
    "attempting to",
    "attempt to",
    "attempted to",
    "trying to",
    "tried to",
    "try to",
    "aims to",
    "aim to",
    "aiming to",
    "vowed to",
    "vow to",
    "plans to",
    "plan to",
    "planning to",
    "seeking to",
    "seek to",
    "seeks to",
    "threatened to",
    "threatens to",
    "gave up on",
    "give up on",
    "given up on",
    "giving up on",
    "denied",
    "denying",
    "denies",
    "without admitting",
    "not confirmed",
    "did not",
    "have not",
    "has not",
    "had not",
    "never",
    "prepare to",
    "preparing to",
    "ready to",
    "in order to",
    "launched an offensive",
    "launched an attack",
    "repel",
    "repelled",
    "unable to",
    "appears to",
    "appear to",
    "seems to",
    "seem to",
    "expected to",
    "likely to",
    "if",
    "previously",
    "formerly",
    "once held",
    "used to",
    // A span of years is background: "Over the following years, the opposition seized".
    "over the following years",
    "in the following years",
    "over the years",
    "in the years that followed",
    "in the years since",
    // Obligation: "rebels must take Homs to reach Damascus".
    "must",
    "need to",
    "needs to",
    "yet to",
];

/// Words that cancel a trigger only right before it: continuity ("remains in control of",
/// "still hold") and nearness ("close to capturing", "on the verge of taking").
pub(super) const CLOSE_BLOCKERS: &[&str] = &[
    "remain",
    "remains",
    "remained",
    "still",
    "close to",
    "on the verge of",
];

/// Phrases that end the clause of a trigger (the objects of "took" stop there).
const BOUNDARIES: &[&str] = &[
    ";",
    " after ",
    " while ",
    " when ",
    " where ",
    " which ",
    " who ",
    " but ",
    " following ",
    " since ",
    " amid ",
    " to prepare",
    " in order to",
    " — ",
    " – ",
    " as they ",
    " whose ",
    " and are ",
    " and is ",
    " and were ",
    " and was ",
    " and have ",
    " and has ",
    " closing in",
    " advancing on",
    " advancing towards",
    " advancing toward",
    " heading ",
    " as government forces",
    " as regime forces",
    " as the army",
    " except ",
    " excluding ",
    " apart from ",
    // Exclusion: "withdrew from the province, with the exception of Khan Shaykhun".
    " with the exception of ",
    " other than ",
    " save for ",
    // A reduced relative or purpose clause after the object: "lost the city seen as
    // crucial to protect the capital, Damascus".
    " seen as ",
    " regarded as ",
    " considered ",
    " in its efforts to ",
    " in their efforts to ",
    " in an effort to ",
    // "as" opening a clause with a side as its subject: "fled the province as a rebel
    // offensive dealt Damascus" (not "as well as a base").
    " as a rebel",
    " as an opposition",
    " as an insurgent",
    " as a government",
    " as an army",
];

/// Words between a trigger and a place that make the gain partial.
const PARTIAL: &[&str] = &[
    "outskirts",
    "suburbs",
    "suburb",
    "parts of",
    "part of",
    "some neighbourhoods",
    "some neighborhoods",
    "some districts",
    "areas on",
    "edges of",
    "% of",
    "percent of",
    "neighbourhood",
    "neighborhood",
    "areas of",
];

/// Nouns that name a side only by what it is ("militants"): right after a side's name
/// ("Islamic State militants", "Turkish-backed rebels") they are that side's, and the two
/// make one actor, not a generic opposition noun after a modifier.
const GENERIC_SIDE_NOUNS: &[&str] = &[
    "rebel",
    "rebels",
    "insurgent",
    "insurgents",
    "militants",
    "gunmen",
    "terrorists",
    "mercenaries",
    "jihadists",
    "islamists",
    "opposition",
];

/// Does actor hit `noun` continue `side` ([`GENERIC_SIDE_NOUNS`] after spaces only)?
fn qualifies_noun<T>(lower: &str, side: &Hit<Faction>, noun: &Hit<T>) -> bool {
    let gap = &lower[side.end..noun.start.max(side.end)];
    !gap.is_empty()
        && gap.bytes().all(|b| b == b' ')
        && GENERIC_SIDE_NOUNS.contains(&&lower[noun.start..noun.end])
}

/// Pronouns that in war reporting stand for the attacking side, never the state.
pub const REBEL_PRONOUNS: &[&str] = &[
    "the groups",
    "the group",
    "the fighters",
    "fighters",
    "its fighters",
    "its rebels",
    "his fighters",
    "the attackers",
    "the militants",
    "our forces",
    "we",
];

/// Pronouns that stand for whichever side was named last.
const NEUTRAL_PRONOUNS: &[&str] = &["they", "their", "their forces"];

/// A phrase found in a text (the extractor makes an article's hits relative to their
/// sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<T> {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// What it is.
    pub what: T,
}

impl<T> Hit<T> {
    /// The same bytes, saying `what` instead.
    pub fn with<W>(&self, what: W) -> Hit<W> {
        Hit {
            start: self.start,
            end: self.end,
            what,
        }
    }
}

/// Actor names as written, with their faction.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRow {
    /// The alias, lowercase.
    pub alias: String,
    /// The faction it names.
    pub faction: Faction,
}

/// An actor-lexicon file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("factions.csv line {line}: {message}")]
pub struct LexiconError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The contents of `data/factions.csv`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FactionsFile {
    /// Every alias row.
    pub actors: Vec<ActorRow>,
    /// Each faction's map colour (`#rrggbb`).
    pub colours: Vec<(Faction, String)>,
    /// Each faction's name in words, for legends ("Opposition (HTS-led)").
    pub labels: Vec<(Faction, String)>,
}

/// Parses `data/factions.csv` (alias, faction, note, colour, label).
pub fn parse_factions(csv_text: &str) -> Result<FactionsFile, LexiconError> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(csv_text.as_bytes());
    let mut rows = Vec::new();
    let mut colours = Vec::new();
    let mut labels = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| LexiconError {
            line: 0,
            message: e.to_string(),
        })?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let alias = rec.get(0).unwrap_or("").trim().to_lowercase();
        let faction: Faction = rec
            .get(1)
            .unwrap_or("")
            .trim()
            .parse()
            .map_err(|message| LexiconError { line, message })?;
        let colour = rec.get(3).unwrap_or("").trim();
        if !colour.is_empty() {
            colours.push((faction, colour.to_string()));
        }
        let label = rec.get(4).unwrap_or("").trim();
        if !label.is_empty() {
            labels.push((faction, label.to_string()));
        }
        if !alias.is_empty() && faction != Faction::Unknown {
            rows.push(ActorRow { alias, faction });
        }
    }
    Ok(FactionsFile {
        actors: rows,
        colours,
        labels,
    })
}

/// A phrase that qualifies a trigger or bounds its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Ends a trigger's clause ("; ", " after ", " while ").
    Boundary,
    /// Cancels a following trigger: an attempt, plan, denial or negation.
    Blocker,
    /// Makes a following trigger a claim.
    Claim,
    /// Makes a gain partial ("outskirts", "parts of").
    Partial,
    /// Stands for a side named elsewhere ("they", "the groups").
    Pronoun,
    /// After a trigger, may leave it unconfirmed ("a claim", "not confirmed").
    Doubt,
}

impl Mark {
    const ALL: [Mark; 6] = [
        Mark::Boundary,
        Mark::Blocker,
        Mark::Claim,
        Mark::Partial,
        Mark::Pronoun,
        Mark::Doubt,
    ];

    fn phrases(self) -> Box<dyn Iterator<Item = &'static str>> {
        let list: &'static [&'static str] = match self {
            Mark::Boundary => BOUNDARIES,
            Mark::Blocker => return Box::new(BLOCKERS.iter().chain(PROSPECTS).copied()),
            Mark::Claim => CLAIMS,
            Mark::Partial => PARTIAL,
            Mark::Doubt => DOUBTS,
            Mark::Pronoun => {
                return Box::new(NEUTRAL_PRONOUNS.iter().chain(REBEL_PRONOUNS).copied())
            }
        };
        Box::new(list.iter().copied())
    }
}

/// What a phrase of the lexicon is.
#[derive(Debug, Clone, Copy)]
enum Entry {
    Trigger(Trigger),
    Actor(Faction),
    Mark(Mark),
}

impl Entry {
    /// Its list: each list is matched as if alone ([`PhraseSet::listed`]).
    fn list(self) -> usize {
        match self {
            Entry::Trigger(_) => 0,
            Entry::Actor(_) => 1,
            Entry::Mark(m) => 2 + m as usize,
        }
    }
}

/// The phrases of a text by kind; each list in text order, byte ranges into the text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    /// Trigger phrases.
    pub triggers: Vec<Hit<Trigger>>,
    /// Actor names.
    pub actors: Vec<Hit<Faction>>,
    /// Markers (all kinds, interleaved).
    pub marks: Vec<Hit<Mark>>,
}

/// Every phrase list, compiled into one set. `Send + Sync`; build once.
pub struct Lexicon {
    set: PhraseSet<Entry>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("phrases", &self.set.len())
            .finish()
    }
}

impl Lexicon {
    /// The bundled lexicon.
    pub fn bundled() -> Result<Lexicon, LexiconError> {
        Ok(Lexicon::new(&parse_factions(FACTIONS_CSV)?.actors))
    }

    /// A lexicon over `actors`.
    pub fn new(actors: &[ActorRow]) -> Lexicon {
        let triggers = TRIGGERS.iter().map(|&(p, t)| (p, Entry::Trigger(t)));
        let actors = actors
            .iter()
            .map(|r| (r.alias.as_str(), Entry::Actor(r.faction)));
        let marks = Mark::ALL
            .into_iter()
            .flat_map(|m| m.phrases().map(move |p| (p, Entry::Mark(m))));
        let all = triggers.chain(actors).chain(marks);
        Lexicon {
            set: PhraseSet::listed(all.map(|(p, e)| (p, e, e.list())), CUE_WORDS),
        }
    }

    /// Every phrase of `lower` (ASCII-lowercase), in one pass that also calls
    /// `on_word(start, end, cue)` for each run of ASCII letters and digits, `cue` saying
    /// whether it is one of the date scanner's [`CUE_WORDS`] (the same lookup answers).
    pub fn marks(&self, lower: &str, on_word: impl FnMut(usize, usize, bool)) -> Marks {
        let mut out = Marks::default();
        self.marks_into(lower, &mut out, on_word);
        out
    }

    /// [`Self::marks`] into `out`, which is cleared first (its buffers are reused).
    pub fn marks_into(
        &self,
        lower: &str,
        out: &mut Marks,
        on_word: impl FnMut(usize, usize, bool),
    ) {
        out.triggers.clear();
        out.actors.clear();
        out.marks.clear();
        self.set.for_each_hit(lower, on_word, |h, _| match h.what {
            Entry::Trigger(t) => out.triggers.push(h.with(t)),
            Entry::Actor(f) => match out.actors.last_mut() {
                Some(side) if qualifies_noun(lower, side, &h) => side.end = h.end,
                _ => out.actors.push(h.with(f)),
            },
            Entry::Mark(m) => out.marks.push(h.with(m)),
        });
    }

    /// [`Self::marks`] of `s`, which may have capitals.
    fn marks_of(&self, s: &str) -> Marks {
        self.marks(&s.to_ascii_lowercase(), |_, _, _| {})
    }

    /// Actor names in `s`.
    pub fn actors(&self, s: &str) -> Vec<Hit<Faction>> {
        self.marks_of(s).actors
    }

    /// Trigger phrases in `s`.
    pub fn triggers(&self, s: &str) -> Vec<Hit<Trigger>> {
        self.marks_of(s).triggers
    }

    /// Does `s` contain a marker of kind `mark`?
    pub fn has(&self, s: &str, mark: Mark) -> bool {
        self.marks_of(s).marks.iter().any(|h| h.what == mark)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::bundled().unwrap()
    }

    fn faction_of(s: &str) -> Vec<Faction> {
        lex().actors(s).into_iter().map(|h| h.what).collect()
    }

    #[test]
    fn actors_map_to_factions() {
        use Faction::*;
        let cases: &[(&str, Faction)] = &[
            ("anti-regime groups", Opposition),
            ("the rebels", Opposition),
            ("Rebels", Opposition),
            ("Hayat Tahrir al-Sham", Opposition),
            ("HTS", Opposition),
            ("insurgents", Opposition),
            ("militants", Opposition),
            ("Military Operations Command", Opposition),
            ("The Syrian Free Army", Opposition),
            ("southern factions", Opposition),
            ("local armed groups", Opposition),
            ("Druze factions", Opposition),
            ("the Military Operations Department", Opposition),
            ("the Southern Front", Opposition),
            ("anti-Assad fighters", Opposition),
            ("jihadist groups", Opposition),
            ("the National Army", Sna),
            ("Hezbollah", Government),
            ("Fatemiyoun fighters", Government),
            ("the Revolutionary Commando Army", Opposition),
            ("Arab tribal fighters", Opposition),
            ("pro-Iranian militias", Government),
            ("pro-regime militias", Government),
            ("the Syrian National Army", Sna),
            ("SNA", Sna),
            ("Turkish-backed factions", Sna),
            ("pro-Turkey factions", Sna),
            ("Turkey-backed Syrian opposition groups", Sna),
            ("Turkish-backed rebels", Sna),
            ("Türkiye-backed fighters", Sna),
            ("security forces", Government),
            ("Kurdish security forces", Sdf),
            ("US-backed fighters", Sdf),
            ("U.S.-backed forces", Sdf),
            ("Ahmed al-Sharaa's forces", Opposition),
            ("SDF", Sdf),
            ("YPG", Sdf),
            ("PKK/YPG", Sdf),
            ("Kurdish forces", Sdf),
            ("the army", Government),
            ("regime forces", Government),
            ("Assad forces", Government),
            ("government forces", Government),
            ("Syrian Armed Forces", Government),
            ("ISIS", Isis),
            ("ISIL", Isis),
            ("Daesh", Isis),
            ("Israeli forces", Israel),
            ("Israel Defense Forces", Israel),
            // Units, factions and operations by name.
            ("SAA troops", Government),
            ("loyalist forces", Government),
            ("the Tiger Forces", Government),
            ("the 4th Division", Government),
            ("the Republican Guard", Government),
            ("Jaysh al-Izza", Opposition),
            ("Ahrar al-Sham", Opposition),
            ("the National Front for Liberation", Opposition),
            ("Jolani's fighters", Opposition),
            ("the Nusra Front", Opposition),
            ("revolutionaries", Opposition),
            ("the Eighth Brigade", Opposition),
            ("the Men of Dignity movement", Opposition),
            ("Dawn of Freedom", Sna),
            ("the Sultan Murad Division", Sna),
            ("Turkish proxies", Sna),
            ("the PYD", Sdf),
            ("the Asayish", Sdf),
            ("the Manbij Military Council", Sdf),
            ("IS fighters", Isis),
            ("the IS group", Isis),
            // A foreign state's "army" or "regime" is that state's, not Syria's.
            ("the Turkish army", Sna),
            ("the Israeli regime", Israel),
            ("Zionist regime forces", Israel),
            ("the Israeli occupation army", Israel),
        ];
        for &(text, want) in cases {
            assert_eq!(faction_of(text), [want], "{text:?}");
        }
    }

    #[test]
    fn a_side_before_a_generic_noun_names_it() {
        use Faction::*;
        let cases: &[(&str, &[Faction])] = &[
            ("Islamic State militants", &[Isis]),
            ("ISIS insurgents", &[Isis]),
            ("Turkish-backed rebels", &[Sna]),
            ("Turkey-backed opposition", &[Sna]),
            ("Kurdish-led rebels", &[Sdf]),
            ("ISIS gunmen", &[Isis]),
            ("local gunmen", &[Opposition]),
            // Not right after a side: two actors.
            ("the army and rebels", &[Government, Opposition]),
            ("ISIS, militants", &[Isis, Opposition]),
            ("SDF: rebels", &[Sdf, Opposition]),
            // Only generic nouns continue a side.
            ("ISIS Hezbollah", &[Isis, Government]),
        ];
        for &(text, want) in cases {
            assert_eq!(faction_of(text), want, "{text:?}");
        }
        let merged = lex().actors("Islamic State militants seized it");
        assert_eq!((merged[0].start, merged[0].end), (0, 23));
    }

    #[test]
    fn longest_alias_wins() {
        assert_eq!(faction_of("the Syrian National Army"), [Faction::Sna]);
        assert_eq!(faction_of("anti-regime forces"), [Faction::Opposition]);
    }

    #[test]
    fn no_phrase_is_listed_twice() {
        // A repeat is harmless at run time but says the list was edited without being
        // read: the second entry may carry a different trigger kind that never applies.
        let lists: [(&str, Vec<&str>); 7] = [
            ("TRIGGERS", TRIGGERS.iter().map(|(p, _)| *p).collect()),
            ("CLAIMS", CLAIMS.to_vec()),
            ("DOUBTS", DOUBTS.to_vec()),
            ("PROSPECTS", PROSPECTS.to_vec()),
            ("BLOCKERS", BLOCKERS.to_vec()),
            ("BOUNDARIES", BOUNDARIES.to_vec()),
            ("PARTIAL", PARTIAL.to_vec()),
        ];
        for (name, list) in lists {
            let mut seen = std::collections::HashSet::new();
            let repeats: Vec<&str> = list.into_iter().filter(|p| !seen.insert(*p)).collect();
            assert!(repeats.is_empty(), "{name} repeats {repeats:?}");
        }
    }

    #[test]
    fn triggers_are_whole_words() {
        let l = lex();
        assert!(l.triggers("the undertaken task").is_empty());
        let t = l.triggers("rebels took control of Hama");
        assert_eq!(
            (
                t[0].what,
                &"rebels took control of Hama"[t[0].start..t[0].end]
            ),
            (Trigger::Take, "took control of")
        );
        assert_eq!(
            l.triggers("Daraa fell to the rebels")[0].what,
            Trigger::TakePassive
        );
        assert_eq!(
            l.triggers("the army withdrew from Hama")[0].what,
            Trigger::Lose
        );
    }

    #[test]
    fn markers() {
        let l = lex();
        let cases = [
            ("opposition forces claim to have taken", Mark::Claim),
            ("rebels failed to take control", Mark::Blocker),
            ("attempting to advance", Mark::Blocker),
            ("the southern suburbs of", Mark::Partial),
            ("they took", Mark::Pronoun),
            ("Hama; then", Mark::Boundary),
        ];
        for (text, mark) in cases {
            assert!(l.has(text, mark), "{text:?}");
        }
        assert!(!l.has("most of the center of", Mark::Partial));
        // Each list is matched as if alone: "claimed" is a trigger and a claim marker.
        let m = l.marks("rebels claimed control of hama", |_, _, _| {});
        assert_eq!(m.triggers[0].what, Trigger::ClaimTake);
        assert!(m.marks.iter().any(|h| h.what == Mark::Claim));
    }

    #[test]
    fn factions_file_has_a_colour_and_a_label_per_faction() {
        let file = parse_factions(FACTIONS_CSV).unwrap();
        for f in Faction::ALL {
            assert!(
                file.colours
                    .iter()
                    .any(|(g, c)| *g == f && c.starts_with('#')),
                "{f}"
            );
            assert!(
                file.labels
                    .iter()
                    .any(|(g, l)| *g == f && l.starts_with(|c: char| c.is_uppercase())),
                "{f} needs a legend label"
            );
        }
        let label = |f| {
            file.labels
                .iter()
                .find(|(g, _)| *g == f)
                .unwrap()
                .1
                .as_str()
        };
        assert_eq!(label(Faction::Opposition), "Opposition (HTS-led)");
    }

    #[test]
    fn bad_faction_names_the_line() {
        let e = parse_factions("alias,faction,note,colour\nrebels,rebel,,\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "factions.csv line 2: unknown faction \"rebel\""
        );
    }
}
