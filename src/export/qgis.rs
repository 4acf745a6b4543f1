//! `out/frontline.qgs`: a QGIS project over `frontline.gpkg` (relative paths).
//!
//! Takes the days and the faction colours and gives project XML with four layers: the
//! governorates (a base map), `timeline` (events, temporal: an instant from `date`; read
//! twice, its points and its governorate-wide polygons, as QGIS draws one geometry type
//! per layer) and
//! `control_timeline` (control, temporal: `start`/`end` fields, end excluded), both drawn
//! with a categorised renderer on `faction` in the map's colours and labelled with the
//! place name. The project's time range spans the days, one day a step, so pressing play
//! in the Temporal Controller animates them.

use super::geojson::Palette;
use crate::model::Faction;
use chrono::{Duration, NaiveDate};
use std::fmt::Write as _;
use std::io::{self, Write};

/// Escapes text for an XML attribute or element.
fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

const WGS84: &str = r#"<spatialrefsys nativeFormat="Wkt"><wkt>GEOGCRS["WGS 84",DATUM["World Geodetic System 1984",ELLIPSOID["WGS 84",6378137,298.257223563,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],CS[ellipsoidal,2],AXIS["geodetic latitude (Lat)",north,ORDER[1],ANGLEUNIT["degree",0.0174532925199433]],AXIS["geodetic longitude (Lon)",east,ORDER[2],ANGLEUNIT["degree",0.0174532925199433]],USAGE[SCOPE["Horizontal component of 3D system."],AREA["World."],BBOX[-90,-180,90,180]],ID["EPSG",4326]]</wkt><proj4>+proj=longlat +datum=WGS84 +no_defs</proj4><srsid>3452</srsid><srid>4326</srid><authid>EPSG:4326</authid><description>WGS 84</description><projectionacronym>longlat</projectionacronym><ellipsoidacronym>EPSG:7030</ellipsoidacronym><geographicflag>true</geographicflag></spatialrefsys>"#;

fn rgb(hex: &str) -> String {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0x99_99_99);
    format!("{},{},{},255", v >> 16 & 255, v >> 8 & 255, v & 255)
}

fn marker(name: &str, colour: &str, size: f32) -> String {
    format!(
        r#"<symbol type="marker" name="{name}" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleMarker" enabled="1" locked="0" pass="0"><Option type="Map"><Option type="QString" name="color" value="{c}"/><Option type="QString" name="name" value="circle"/><Option type="QString" name="outline_color" value="50,50,50,255"/><Option type="QString" name="outline_width" value="0.2"/><Option type="QString" name="size" value="{size}"/><Option type="QString" name="size_unit" value="MM"/></Option></layer></symbol>"#,
        c = rgb(colour)
    )
}

fn fill(name: &str, colour: &str) -> String {
    format!(
        r#"<symbol type="fill" name="{name}" alpha="0.35" clip_to_extent="1" force_rhr="0"><layer class="SimpleFill" enabled="1" locked="0" pass="0"><Option type="Map"><Option type="QString" name="color" value="{c}"/><Option type="QString" name="outline_color" value="{c}"/><Option type="QString" name="outline_width" value="0.6"/><Option type="QString" name="style" value="solid"/></Option></layer></symbol>"#,
        c = rgb(colour)
    )
}

/// A renderer by `faction`: markers of `size` mm, or fills when `size` is `None`.
fn categorised(palette: &Palette, size: Option<f32>) -> String {
    let mut cats = String::new();
    let mut syms = String::new();
    for (i, f) in Faction::ALL.iter().enumerate() {
        let _ = write!(
            cats,
            r#"<category render="true" symbol="{i}" value="{f}" label="{f}"/>"#
        );
        let colour = palette.colour(*f);
        syms.push_str(&match size {
            Some(size) => marker(&i.to_string(), colour, size),
            None => fill(&i.to_string(), colour),
        });
    }
    format!(
        r#"<renderer-v2 type="categorizedSymbol" attr="faction" symbollevels="0" forceraster="0" enableorderby="0"><categories>{cats}</categories><symbols>{syms}</symbols></renderer-v2>"#
    )
}

fn labels(field: &str) -> String {
    format!(
        r#"<labeling type="simple"><settings calloutType="simple"><text-style fieldName="{field}" isExpression="0" fontSize="7" fontSizeUnit="Point" textColor="30,30,30,255" fontFamily="Sans Serif" textOpacity="1" namedStyle="Regular"><text-buffer bufferDraw="1" bufferSize="0.7" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="1"/></text-style><placement placement="0" dist="1" distUnits="MM"/><rendering scaleVisibility="1" scaleMin="0" scaleMax="1500000" obstacle="1"/></settings></labeling>"#
    )
}

#[derive(Clone)]
struct LayerSpec<'a> {
    id: &'a str,
    name: &'a str,
    table: &'a str,
    /// QGIS's name of the geometry drawn; for a table of mixed geometries, the layer
    /// reads only this type (`|geometrytype=` in its source).
    geometry: &'a str,
    /// The table mixes geometry types.
    mixed: bool,
    temporal: String,
    renderer: String,
    labeling: String,
}

fn maplayer(l: &LayerSpec) -> String {
    format!(
        r#"<maplayer type="vector" geometry="{g}" labelsEnabled="{le}" autoRefreshEnabled="0" refreshOnNotifyEnabled="0" readOnly="0" simplifyDrawingHints="0" simplifyAlgorithm="0" simplifyDrawingTol="1" simplifyLocal="1" simplifyMaxScale="1" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" styleCategories="AllStyleCategories"><id>{id}</id><datasource>{src}</datasource><layername>{n}</layername><srs>{WGS84}</srs><provider encoding="UTF-8">ogr</provider>{temporal}{r}{lab}</maplayer>"#,
        g = l.geometry,
        le = u8::from(!l.labeling.is_empty()),
        id = xml(l.id),
        src = xml(&source(l)),
        n = xml(l.name),
        temporal = l.temporal,
        r = l.renderer,
        lab = l.labeling,
    )
}

/// The layer's data source in the GeoPackage.
fn source(l: &LayerSpec) -> String {
    if l.mixed {
        format!(
            "./frontline.gpkg|layername={}|geometrytype={}",
            l.table, l.geometry
        )
    } else {
        format!("./frontline.gpkg|layername={}", l.table)
    }
}

fn temporal(mode: u8, start: &str, end: &str) -> String {
    format!(
        r#"<temporal enabled="1" mode="{mode}" startField="{start}" endField="{end}" limitMode="0" durationField="" durationUnit="d" fixedDuration="0" accumulate="0" startExpression="" endExpression=""><fixedRange><start></start><end></end></fixedRange></temporal>"#
    )
}

/// Writes the project for `days` (the first and last set the time range).
pub fn write_project(w: &mut dyn Write, days: &[NaiveDate]) -> io::Result<()> {
    let palette = Palette::bundled();
    let (first, last) = match (days.first(), days.last()) {
        (Some(a), Some(b)) => (*a, *b),
        _ => (NaiveDate::default(), NaiveDate::default()),
    };
    let end = last + Duration::days(1);
    let base = LayerSpec {
        id: "frontline_governorates",
        name: "Governorates",
        table: "governorates",
        geometry: "Polygon",
        mixed: false,
        temporal: String::new(),
        renderer: r#"<renderer-v2 type="singleSymbol" symbollevels="0" forceraster="0" enableorderby="0"><symbols><symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleFill" enabled="1" locked="0" pass="0"><Option type="Map"><Option type="QString" name="color" value="247,244,238,255"/><Option type="QString" name="outline_color" value="110,110,110,255"/><Option type="QString" name="outline_width" value="0.26"/><Option type="QString" name="style" value="solid"/></Option></layer></symbol></symbols></renderer-v2>"#.to_string(),
        labeling: String::new(),
    };
    let control = LayerSpec {
        id: "frontline_control_timeline",
        name: "Control (animated)",
        table: "control_timeline",
        geometry: "Point",
        mixed: false,
        temporal: temporal(2, "start", "end"),
        renderer: categorised(&palette, Some(2.4)),
        labeling: labels("place"),
    };
    // The events table mixes points (places) and polygons (a governorate-wide change):
    // one layer for each, as QGIS draws one geometry type per layer.
    let events = LayerSpec {
        id: "frontline_events_timeline",
        name: "Events (animated)",
        table: "timeline",
        geometry: "Point",
        mixed: true,
        temporal: temporal(1, "date", ""),
        renderer: categorised(&palette, Some(4.5)),
        labeling: String::new(),
    };
    let province_events = LayerSpec {
        id: "frontline_events_timeline_areas",
        name: "Events, province-wide (animated)",
        geometry: "Polygon",
        renderer: categorised(&palette, None),
        ..events.clone()
    };
    let layers = [&events, &province_events, &control, &base];
    let mut tree = String::new();
    let mut order = String::new();
    let mut maps = String::new();
    for l in layers {
        let _ = write!(
            tree,
            r#"<layer-tree-layer id="{id}" name="{n}" source="{src}" providerKey="ogr" checked="Qt::Checked" expanded="1"><customproperties/></layer-tree-layer>"#,
            id = l.id,
            n = xml(l.name),
            src = xml(&source(l))
        );
        let _ = write!(order, r#"<item>{}</item>"#, l.id);
        maps.push_str(&maplayer(l));
    }
    write!(
        w,
        r#"<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis projectname="frontline" version="3.22.0-Białowieża">
<homePath path=""/>
<title>frontline: territorial control in Syria</title>
<projectCrs>{WGS84}</projectCrs>
<layer-tree-group><customproperties/>{tree}<custom-order enabled="0">{order}</custom-order></layer-tree-group>
<mapcanvas name="theMapCanvas" annotationsVisible="1"><units>degrees</units><extent><xmin>35.4</xmin><ymin>32.2</ymin><xmax>42.6</xmax><ymax>37.5</ymax></extent><rotation>0</rotation><destinationsrs>{WGS84}</destinationsrs><rendermaptile>0</rendermaptile><expressionContextScope/></mapcanvas>
<projectlayers>{maps}</projectlayers>
<ProjectTimeSettings timeStep="1" timeStepUnit="d" frameRate="1" cumulativeTemporalRange="0"><TemporalRange><start>{first}T00:00:00Z</start><end>{end}T00:00:00Z</end></TemporalRange></ProjectTimeSettings>
<properties><Paths><Absolute type="bool">false</Absolute></Paths></properties>
</qgis>
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> String {
        let days: Vec<NaiveDate> = ["2024-11-27", "2024-12-08"]
            .iter()
            .map(|d| d.parse().unwrap())
            .collect();
        let mut out = Vec::new();
        write_project(&mut out, &days).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_mixed_events_table_is_read_as_points_and_as_polygons() {
        let p = project();
        for (kind, symbol) in [("Point", "marker"), ("Polygon", "fill")] {
            let source = format!("./frontline.gpkg|layername=timeline|geometrytype={kind}");
            let at = p
                .find(&format!("<datasource>{source}</datasource>"))
                .unwrap_or_else(|| panic!("{kind}"));
            let layer_start = p[..at].rfind("<maplayer").unwrap();
            let layer =
                &p[layer_start..layer_start + p[layer_start..].find("</maplayer>").unwrap()];
            assert!(layer.contains(&format!(r#"geometry="{kind}""#)), "{kind}");
            assert!(
                layer.contains(&format!(r#"<symbol type="{symbol}""#)),
                "{kind}"
            );
        }
    }

    #[test]
    fn control_timeline_is_temporal_with_start_and_end_fields() {
        let p = project();
        assert!(
            p.contains(r#"<datasource>./frontline.gpkg|layername=control_timeline</datasource>"#)
        );
        assert!(p.contains(r#"mode="2" startField="start" endField="end" limitMode="0""#));
        assert!(p.contains("<TemporalRange><start>2024-11-27T00:00:00Z</start><end>2024-12-09T00:00:00Z</end></TemporalRange>"));
    }

    #[test]
    fn factions_are_categorised_in_the_map_colours() {
        let p = project();
        assert!(p.contains(r#"type="categorizedSymbol" attr="faction""#));
        assert!(p.contains(r#"value="government" label="government""#));
        assert!(p.contains("215,25,28,255"), "government red");
        assert!(p.contains(r#"fieldName="place""#), "place labels");
    }

    #[test]
    fn escaping() {
        assert_eq!(xml("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
