//! Pictures of the map: a PNG of one day, an animated GIF of every day.
//!
//! Takes the timeline and gives RGBA pixmaps (tiny-skia), one per day: Syria's
//! governorates (Natural Earth), the control of each place as a dot in its faction's
//! colour (places that changed that day larger and outlined), a legend, the date and the
//! attribution. Text is drawn with the embedded DejaVu Sans (fontdue), so the pictures do
//! not depend on the fonts of the machine. The projection is equirectangular around
//! Syria's mean latitude: [lon, lat] degrees → pixels.

use super::geojson::{Palette, GOVERNORATES_GEOJSON};
use crate::gazetteer::Gazetteer;
use crate::model::Faction;
use crate::timeline::{ControlCell, Timeline};
use chrono::NaiveDate;
use std::io::{self, Write};
use std::sync::OnceLock;
use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Rect, Stroke, Transform};

/// Picture size in pixels.
pub const WIDTH: u32 = 1000;
/// Picture height in pixels.
pub const HEIGHT: u32 = 760;

const FONT_BYTES: &[u8] = include_bytes!("../../vendor/fonts/DejaVuSans.ttf");
/// Degrees shown: west, south, east, north.
const VIEW: (f64, f64, f64, f64) = (35.4, 32.2, 42.6, 37.5);
const MAP_TOP: f32 = 60.0;

fn font() -> &'static fontdue::Font {
    static FONT: OnceLock<fontdue::Font> = OnceLock::new();
    FONT.get_or_init(|| {
        fontdue::Font::from_bytes(FONT_BYTES, fontdue::FontSettings::default())
            .expect("the embedded font parses")
    })
}

/// Degrees → pixels.
fn project(lon: f64, lat: f64) -> (f32, f32) {
    let (w, s, e, n) = VIEW;
    let k = ((s + n) / 2.0).to_radians().cos();
    let across = f64::from(WIDTH) / ((e - w) * k);
    let down = (f64::from(HEIGHT) - f64::from(MAP_TOP) - 10.0) / (n - s);
    let scale = across.min(down);
    (
        ((lon - w) * k * scale) as f32,
        (f64::from(MAP_TOP) + (n - lat) * scale) as f32,
    )
}

fn hex(c: &str) -> Color {
    let v = u32::from_str_radix(c.trim_start_matches('#'), 16).unwrap_or(0x99_99_99);
    Color::from_rgba8((v >> 16) as u8, (v >> 8) as u8, v as u8, 255)
}

fn paint(c: Color) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color(c);
    p.anti_alias = true;
    p
}

fn ring_path(pb: &mut PathBuilder, ring: &serde_json::Value) {
    let pts: Vec<(f32, f32)> = ring
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| Some(project(p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
        .collect();
    if let Some((&(x, y), rest)) = pts.split_first() {
        pb.move_to(x, y);
        for &(x, y) in rest {
            pb.line_to(x, y);
        }
        pb.close();
    }
}

/// Syria's governorates as one path.
fn governorates() -> Option<tiny_skia::Path> {
    let fc: serde_json::Value = serde_json::from_str(GOVERNORATES_GEOJSON).ok()?;
    let mut pb = PathBuilder::new();
    for f in fc["features"].as_array()? {
        let g = &f["geometry"];
        let polys = match g["type"].as_str()? {
            "Polygon" => vec![g["coordinates"].clone()],
            _ => g["coordinates"].as_array()?.clone(),
        };
        for poly in polys {
            for ring in poly.as_array().into_iter().flatten() {
                ring_path(&mut pb, ring);
            }
        }
    }
    pb.finish()
}

/// Draws `text` with its baseline at (x, y).
fn text(pm: &mut Pixmap, s: &str, x: f32, y: f32, px: f32, c: (u8, u8, u8)) {
    let f = font();
    let mut pen = x;
    let (w, h) = (pm.width() as i32, pm.height() as i32);
    for ch in s.chars() {
        let (m, bitmap) = f.rasterize(ch, px);
        let ox = pen as i32 + m.xmin;
        let oy = y as i32 - m.height as i32 - m.ymin;
        for row in 0..m.height {
            for col in 0..m.width {
                let a = bitmap[row * m.width + col];
                let (px_, py) = (ox + col as i32, oy + row as i32);
                if a == 0 || px_ < 0 || py < 0 || px_ >= w || py >= h {
                    continue;
                }
                let i = (py as usize * w as usize + px_ as usize) * 4;
                let data = pm.data_mut();
                let blend = |bg: u8, fg: u8| {
                    ((u16::from(fg) * u16::from(a) + u16::from(bg) * (255 - u16::from(a))) / 255)
                        as u8
                };
                data[i] = blend(data[i], c.0);
                data[i + 1] = blend(data[i + 1], c.1);
                data[i + 2] = blend(data[i + 2], c.2);
            }
        }
        pen += m.advance_width;
    }
}

fn dot(pm: &mut Pixmap, x: f32, y: f32, r: f32, fill: Color, outline: Option<Color>) {
    let Some(circle) = PathBuilder::from_circle(x, y, r) else {
        return;
    };
    pm.fill_path(
        &circle,
        &paint(fill),
        FillRule::Winding,
        Transform::identity(),
        None,
    );
    if let Some(o) = outline {
        let stroke = Stroke {
            width: 2.0,
            ..Stroke::default()
        };
        pm.stroke_path(&circle, &paint(o), &stroke, Transform::identity(), None);
    }
}

fn legend(pm: &mut Pixmap, palette: &Palette) {
    let (x, y0) = (WIDTH as f32 - 215.0, MAP_TOP + 10.0);
    if let Some(r) = Rect::from_xywh(
        x - 10.0,
        y0 - 6.0,
        210.0,
        22.0 * Faction::ALL.len() as f32 + 14.0,
    ) {
        pm.fill_rect(
            r,
            &paint(Color::from_rgba8(255, 255, 255, 235)),
            Transform::identity(),
            None,
        );
    }
    for (i, f) in Faction::ALL.iter().enumerate() {
        let y = y0 + 10.0 + 22.0 * i as f32;
        dot(
            pm,
            x + 6.0,
            y,
            6.0,
            hex(palette.colour(*f)),
            Some(Color::from_rgba8(60, 60, 60, 255)),
        );
        text(pm, palette.label(*f), x + 20.0, y + 5.0, 15.0, (30, 30, 30));
    }
}

/// The picture of `day`.
pub fn render_day(tl: &Timeline, gaz: &Gazetteer, day: NaiveDate) -> Pixmap {
    let mut pm = Pixmap::new(WIDTH, HEIGHT).expect("a non-zero size");
    pm.fill(Color::from_rgba8(223, 233, 242, 255));
    if let Some(path) = governorates() {
        pm.fill_path(
            &path,
            &paint(Color::from_rgba8(247, 244, 238, 255)),
            FillRule::EvenOdd,
            Transform::identity(),
            None,
        );
        let stroke = Stroke {
            width: 1.0,
            ..Stroke::default()
        };
        pm.stroke_path(
            &path,
            &paint(Color::from_rgba8(110, 110, 110, 255)),
            &stroke,
            Transform::identity(),
            None,
        );
    }
    let palette = Palette::bundled();
    let cells: &[ControlCell] = tl.control.get(&day).map(Vec::as_slice).unwrap_or_default();
    // Unchanged places first, so that the day's changes are drawn on top.
    for changed in [false, true] {
        for c in cells.iter().filter(|c| c.changed == changed) {
            let Some(p) = gaz.by_id(&c.place).map(|i| gaz.place(i)) else {
                continue;
            };
            let (x, y) = project(p.lon, p.lat);
            let outline = changed.then(|| Color::from_rgba8(0, 0, 0, 255));
            dot(
                &mut pm,
                x,
                y,
                if changed { 7.0 } else { 4.0 },
                hex(palette.colour(c.faction)),
                outline,
            );
        }
    }
    if let Some(r) = Rect::from_xywh(0.0, 0.0, WIDTH as f32, MAP_TOP) {
        pm.fill_rect(r, &paint(Color::WHITE), Transform::identity(), None);
    }
    let events = tl.events.get(&day).map_or(0, Vec::len);
    text(
        &mut pm,
        &format!("Territorial control in Syria, {day}"),
        16.0,
        38.0,
        26.0,
        (20, 20, 20),
    );
    text(
        &mut pm,
        &format!("{events} event(s) that day; large outlined dots changed hands"),
        560.0,
        36.0,
        14.0,
        (80, 80, 80),
    );
    legend(&mut pm, &palette);
    let credit = "frontline. Boundaries: Natural Earth. Places: GeoNames (CC BY 4.0).";
    text(
        &mut pm,
        credit,
        12.0,
        HEIGHT as f32 - 10.0,
        13.0,
        (90, 90, 90),
    );
    pm
}

/// Writes the PNG of `day`.
pub fn write_png(
    w: &mut dyn Write,
    tl: &Timeline,
    gaz: &Gazetteer,
    day: NaiveDate,
) -> io::Result<()> {
    let bytes = render_day(tl, gaz, day)
        .encode_png()
        .map_err(io::Error::other)?;
    w.write_all(&bytes)
}

/// Writes an animated GIF with one frame per day of the timeline (0.8 s each, looping).
///
/// One global palette for every frame, built from the faction colours first (so each
/// side keeps its exact colour: a per-frame quantiser once turned Israel's blue into a teal
/// close to the opposition's green), then the commonest other colours of the frames.
pub fn write_gif(w: &mut dyn Write, tl: &Timeline, gaz: &Gazetteer) -> io::Result<()> {
    let frames: Vec<Vec<u8>> = tl
        .days
        .iter()
        .map(|&day| render_day(tl, gaz, day).data().to_vec())
        .collect();
    let palette = gif_palette(&Palette::bundled(), &frames);
    let flat: Vec<u8> = palette.iter().flatten().copied().collect();
    let mut enc =
        gif::Encoder::new(w, WIDTH as u16, HEIGHT as u16, &flat).map_err(io::Error::other)?;
    enc.set_repeat(gif::Repeat::Infinite)
        .map_err(io::Error::other)?;
    let mut nearest: rustc_hash::FxHashMap<[u8; 3], u8> = rustc_hash::FxHashMap::default();
    for rgba in &frames {
        let indices: Vec<u8> = rgba
            .chunks_exact(4)
            .map(|px| {
                let c = [px[0], px[1], px[2]];
                *nearest
                    .entry(c)
                    .or_insert_with(|| nearest_index(&palette, c))
            })
            .collect();
        let mut frame = gif::Frame::from_indexed_pixels(WIDTH as u16, HEIGHT as u16, indices, None);
        frame.delay = 80;
        enc.write_frame(&frame).map_err(io::Error::other)?;
    }
    Ok(())
}

/// At most 256 colours: every faction colour, then the commonest colours of `frames`
/// (RGBA, premultiplied over an opaque background), binned to 5 bits a channel.
fn gif_palette(palette: &Palette, frames: &[Vec<u8>]) -> Vec<[u8; 3]> {
    let mut out: Vec<[u8; 3]> = Vec::new();
    for f in Faction::ALL {
        let c = rgb_of(palette.colour(f));
        if !out.contains(&c) {
            out.push(c);
        }
    }
    let mut bins: rustc_hash::FxHashMap<u16, (u64, [u64; 3])> = rustc_hash::FxHashMap::default();
    for px in frames.iter().flat_map(|f| f.chunks_exact(4)) {
        let key =
            (u16::from(px[0] >> 3) << 10) | (u16::from(px[1] >> 3) << 5) | u16::from(px[2] >> 3);
        let bin = bins.entry(key).or_default();
        bin.0 += 1;
        for (sum, &v) in bin.1.iter_mut().zip(px) {
            *sum += u64::from(v);
        }
    }
    let mut common: Vec<(u64, [u8; 3])> = bins
        .into_values()
        .map(|(n, sum)| (n, sum.map(|s| (s / n) as u8)))
        .collect();
    // Most frequent first; the colour breaks ties, so the palette is deterministic.
    common.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, c) in common {
        if out.len() == 256 {
            break;
        }
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

fn rgb_of(hex: &str) -> [u8; 3] {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0x99_99_99);
    [(v >> 16) as u8, (v >> 8) as u8, v as u8]
}

fn nearest_index(palette: &[[u8; 3]], c: [u8; 3]) -> u8 {
    let d = |p: &[u8; 3]| -> i32 {
        (0..3)
            .map(|k| (i32::from(p[k]) - i32::from(c[k])).pow(2))
            .sum()
    };
    palette
        .iter()
        .enumerate()
        .min_by_key(|(_, p)| d(p))
        .map_or(0, |(i, _)| i as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gif_palette_keeps_every_faction_colour_exactly() {
        let palette = Palette::bundled();
        // A frame of teal-ish noise that a quantiser would merge with the factions' hues.
        let frame: Vec<u8> = (0..4096u32)
            .flat_map(|i| {
                [
                    (i % 97) as u8,
                    (100 + i % 61) as u8,
                    (120 + i % 83) as u8,
                    255,
                ]
            })
            .collect();
        let p = gif_palette(&palette, &[frame]);
        assert!(p.len() <= 256);
        for f in Faction::ALL {
            let c = rgb_of(palette.colour(f));
            assert_eq!(
                p[nearest_index(&p, c) as usize],
                c,
                "{f:?} keeps its colour"
            );
        }
    }

    #[test]
    fn projection_keeps_syria_inside_the_picture() {
        for (lon, lat) in [(35.8, 35.5), (42.3, 37.2), (36.3, 32.5), (40.9, 34.4)] {
            let (x, y) = project(lon, lat);
            assert!(
                (0.0..WIDTH as f32).contains(&x) && (MAP_TOP..HEIGHT as f32).contains(&y),
                "{lon},{lat} → {x},{y}"
            );
        }
        // North is up, east is right.
        assert!(project(37.0, 36.0).1 < project(37.0, 33.0).1);
        assert!(project(36.0, 34.0).0 < project(41.0, 34.0).0);
    }

    #[test]
    fn a_day_renders_to_a_png() {
        let g = Gazetteer::bundled().unwrap();
        let mut out = Vec::new();
        write_png(
            &mut out,
            &Timeline::default(),
            &g,
            NaiveDate::from_ymd_opt(2024, 12, 8).unwrap(),
        )
        .unwrap();
        assert_eq!(&out[..8], b"\x89PNG\r\n\x1a\n");
    }
}
