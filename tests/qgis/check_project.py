"""Loads a frontline QGIS project headless and checks what a user relies on.

Usage: python3 check_project.py PROJECT.qgs DAY PLACE_ID FACTION FRAME.png

Checks that every layer is valid, that control_timeline is temporal with start/end
fields (end excluded), that on DAY the temporal filter shows PLACE_ID with FACTION,
and renders the map of DAY to FRAME.png. Prints "ok ..." lines; exits non-zero on failure.
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsDateTimeRange, QgsFeatureRequest, QgsMapRendererSequentialJob,
                       QgsMapSettings, QgsProject, QgsVectorLayerTemporalContext,
                       QgsVectorLayerTemporalProperties, QgsWkbTypes)
from qgis.PyQt.QtCore import QDate, QDateTime, QSize, QTime, Qt

project_path, day, place_id, faction, frame = sys.argv[1:6]
app = QgsApplication([], False)
app.initQgis()
project = QgsProject.instance()
if not project.read(project_path):
    sys.exit(f"FAIL cannot read {project_path}: {project.error()}")
layers = list(project.mapLayers().values())
if len(layers) != 4:
    sys.exit(f"FAIL expected 4 layers, got {[l.name() for l in layers]}")
for layer in layers:
    if not layer.isValid():
        sys.exit(f"FAIL layer {layer.name()} is not valid")
print("ok layers valid:", ", ".join(sorted(l.name() for l in layers)))

# The project's time range is read (QGIS reads <TemporalRange>): it starts on the first day.
time_range = project.timeSettings().temporalRange()
if not time_range.begin().isValid():
    sys.exit("FAIL the project's temporal range did not load")
print("ok project time range from", time_range.begin().toString(Qt.ISODate))

control = project.mapLayer("frontline_control_timeline")
props = control.temporalProperties()
if not props.isActive():
    sys.exit("FAIL control_timeline is not temporal")
if props.mode() != QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromFields:
    sys.exit(f"FAIL control_timeline temporal mode {props.mode()}")
if (props.startField(), props.endField()) != ("start", "end"):
    sys.exit(f"FAIL fields {props.startField()}, {props.endField()}")
print("ok control_timeline temporal on start/end")
# The mixed events table is read twice: its points and its governorate-wide polygons.
for layer_id, want in [("frontline_events_timeline", QgsWkbTypes.PointGeometry),
                       ("frontline_events_timeline_areas", QgsWkbTypes.PolygonGeometry)]:
    events = project.mapLayer(layer_id)
    if not events.temporalProperties().isActive():
        sys.exit(f"FAIL {layer_id} is not temporal")
    if events.geometryType() != want:
        sys.exit(f"FAIL {layer_id} has geometry type {events.geometryType()}, expected {want}")
print("ok events read as points and as polygons")

d = QDate.fromString(day, "yyyy-MM-dd")
begin = QDateTime(d, QTime(0, 0), Qt.UTC)
day_range = QgsDateTimeRange(begin, begin.addDays(1), True, False)
context = QgsVectorLayerTemporalContext()
context.setLayer(control)
expression = props.createFilterString(context, day_range)
found = [f["faction"] for f in control.getFeatures(QgsFeatureRequest().setFilterExpression(expression))
         if f["place_id"] == place_id]
if found != [faction]:
    sys.exit(f"FAIL on {day} {place_id} shows {found}, expected [{faction}]")
print(f"ok {place_id} is {faction} on {day}")

settings = QgsMapSettings()
settings.setLayers(layers)
settings.setDestinationCrs(control.crs())
settings.setExtent(project.mapLayer("frontline_governorates").extent())
settings.setOutputSize(QSize(800, 640))
settings.setIsTemporal(True)
settings.setTemporalRange(day_range)
job = QgsMapRendererSequentialJob(settings)
job.start()
job.waitForFinished()
if not job.renderedImage().save(frame, "png"):
    sys.exit("FAIL could not save the frame")
print("ok frame", frame)
app.exitQgis()
