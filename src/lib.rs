//! frontline turns news reports about the war in Syria into day-by-day maps of
//! territorial control.
//!
//! The pipeline runs one way, one module per stage:
//!
//! ```text
//! article  (files, folders, JSON Lines, stdin → Article)
//!   → text       (Article → sentences with byte spans)
//!   → gazetteer  (text → place Mentions, transliteration-tolerant)
//!   → extract    (sentences + mentions → dated control-change events)
//!   → timeline   (events → fused events and the control state per day)
//!   → export     (timeline → GeoJSON layers, manifest)
//! ```
//!
//! ```
//! let gaz = frontline::gazetteer::Gazetteer::bundled().unwrap();
//! let m = gaz.find("Rebels entered Maaret al-Numan on Saturday.");
//! assert_eq!(gaz.place(m[0].place()).id, "gn:167611");
//! ```
#![deny(missing_docs)]

pub mod areas;
pub mod article;
pub mod atomic;
pub mod corpus;
pub mod explain;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod model;
pub mod ordered;
pub mod printable;
mod swar;
pub mod text;
pub mod timeline;
