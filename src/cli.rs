//! Command-line flags (clap derive): raw data only, validated in `main.rs`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Turns news reports about the war in Syria into day-by-day maps of territorial control.
#[derive(Debug, Parser)]
#[command(name = "frontline", version, about)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Where places come from.
#[derive(Debug, Args, Clone, Default)]
pub struct GazetteerArgs {
    /// Use this gazetteer CSV instead of the bundled one.
    #[arg(long, value_name = "FILE", global = true)]
    pub gazetteer: Option<PathBuf>,
    /// Add the places of this gazetteer CSV (repeatable; a known id replaces the row).
    #[arg(long = "add-gazetteer", value_name = "FILE", global = true)]
    pub add_gazetteer: Vec<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Rank the gazetteer entries for place names.
    Resolve {
        /// Names as written, e.g. "Maaret al-Numan" or "Idlib province".
        #[arg(required = true)]
        names: Vec<String>,
        /// One JSON object per name, one per line.
        #[arg(long)]
        json: bool,
        /// Runners-up to show after the best entry.
        #[arg(long, default_value_t = 4)]
        runners_up: usize,
        /// Only places in this governorate ("Hama", "Rif Dimashq").
        #[arg(long = "in", value_name = "GOVERNORATE")]
        within: Option<String>,
        /// Nearest to this place first (a name, resolved the same way, or a gazetteer id).
        #[arg(long, value_name = "PLACE")]
        near: Option<String>,
        #[command(flatten)]
        gazetteer: GazetteerArgs,
    },
    /// Vocabulary utilities.
    Lexicon {
        /// What to do.
        #[command(subcommand)]
        action: LexiconAction,
    },
    /// Gazetteer utilities.
    Gazetteer {
        /// What to do.
        #[command(subcommand)]
        action: GazetteerAction,
    },
    /// The main job: extract, fuse, build the daily control state and write every layer.
    Run(RunArgs),
    /// Draw the map of one day as a PNG, or of every day as an animated GIF.
    Render(RenderArgs),
    /// The evidence for a place's state, day by day: its baseline row, the reports about
    /// it and about the areas it lies in, with their sentences and articles.
    Explain(ExplainArgs),
    /// Extract dated control-change events as JSON Lines.
    Extract {
        /// Files and folders (.txt, .md, .json, .jsonl; folders recursively); "-" is stdin.
        #[arg(default_value = "seeds")]
        inputs: Vec<PathBuf>,
        /// Write the events here instead of stdout (atomically).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Also write unresolved place-like names here (JSON Lines).
        #[arg(long, value_name = "FILE")]
        unresolved: Option<PathBuf>,
        /// Publication date for articles that carry none (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        published: Option<String>,
        /// Do not print unresolved names and warnings on stderr.
        #[arg(short, long)]
        quiet: bool,
        /// Worker threads (0: one per core). Output is the same for any number.
        #[arg(long, default_value_t = 0, value_name = "N")]
        threads: usize,
        #[command(flatten)]
        gazetteer: GazetteerArgs,
    },
    /// Write a synthetic JSON Lines corpus of at least MB megabytes (for benchmarks).
    #[command(hide = true)]
    Corpus {
        /// Megabytes of article text.
        #[arg(long, default_value_t = 50)]
        mb: usize,
    },
    /// List the place names found in text (files, or "-" for stdin).
    Places {
        /// Text files; "-" or nothing reads stdin.
        inputs: Vec<PathBuf>,
        /// One JSON object per name instead of TSV.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        gazetteer: GazetteerArgs,
    },
}

/// Where the events come from: the flags `run` and `render` share.
#[derive(Debug, Args)]
pub struct SourceArgs {
    /// Files and folders (.txt, .md, .json, .jsonl); "-" is stdin. Default: seeds/.
    #[arg(default_value = "seeds")]
    pub inputs: Vec<PathBuf>,
    /// Starting control map (CSV: place_id, faction, as_of, source). Default: the
    /// bundled data/baseline-2024-11-26.csv.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// First day with layers (YYYY-MM-DD). Default: the first event day.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day with layers (YYYY-MM-DD). Default: the last event day, or the newest
    /// report's day when it comes within a month after it.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Publication date for articles that carry none (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// No progress bar; the summary still prints.
    #[arg(short, long)]
    pub quiet: bool,
    /// Worker threads for extraction (0: one per core). Output is the same for any number.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub threads: usize,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
}

/// The flags of `frontline run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    /// Output folder.
    #[arg(long, default_value = "out", value_name = "DIR")]
    pub out: PathBuf,
    /// Outputs besides the GeoJSON layers (comma-separated): gpkg, html, qgs (needs
    /// gpkg), acled (events-acled.csv), or none.
    #[arg(long, value_delimiter = ',', default_value = "gpkg,html,qgs,acled")]
    pub format: Vec<String>,
}

/// The flags of `frontline render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    /// The day to draw (YYYY-MM-DD); default: the last day.
    #[arg(long, value_name = "DATE", conflicts_with = "gif")]
    pub day: Option<String>,
    /// Draw every day into one animated GIF instead.
    #[arg(long)]
    pub gif: bool,
    /// The picture file. Default: out/map-DAY.png or out/frontline.gif.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `frontline explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The place: a gazetteer id ("gn:170063") or a name, resolved as `resolve` does.
    pub place: String,
    /// Only the evidence up to the end of this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub day: Option<String>,
    #[command(flatten)]
    pub source: SourceArgs,
}

/// `frontline gazetteer ...`
#[derive(Debug, Subcommand)]
pub enum GazetteerAction {
    /// Validate a gazetteer CSV (the bundled one when FILE is omitted).
    Check {
        /// The file to check.
        file: Option<PathBuf>,
    },
    /// Set every row's district and governorate by point in polygon against the bundled
    /// Who's On First polygons (used by tools/build_gazetteer.py).
    Locate {
        /// The gazetteer CSV.
        file: PathBuf,
        /// Rewrite FILE (atomically) instead of printing the result.
        #[arg(long)]
        in_place: bool,
    },
    /// Print the words of a word list (one per line) that would match a place only by
    /// sound, never by spelling (used by tools/build_english_collisions.sh).
    Collisions {
        /// The word list, e.g. /usr/share/dict/american-english.
        words: PathBuf,
    },
}

/// `frontline lexicon` subcommands.
#[derive(Debug, Subcommand)]
pub enum LexiconAction {
    /// Validate the vocabulary files (triggers, markers, verbs, background words,
    /// factions, descriptions, word lists): every error with its file and line.
    Check {
        /// The data folder to read (a checkout's `data/`). Default: `data` when it is
        /// there, else the copies built into this binary.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn resolve_takes_names_and_json() {
        let cli = Cli::try_parse_from(["frontline", "resolve", "--json", "Homs", "Hama"]).unwrap();
        match cli.command {
            Command::Resolve { names, json, .. } => {
                assert!(json);
                assert_eq!(names, ["Homs", "Hama"]);
            }
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn resolve_needs_a_name() {
        assert!(Cli::try_parse_from(["frontline", "resolve"]).is_err());
    }
}
