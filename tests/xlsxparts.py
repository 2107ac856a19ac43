"""The parts of a written .xlsx package that openpyxl does not read, or reads only privately:
which native charts each sheet holds (and their axes and series), and the sparklines."""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import fromstring

NS = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "x14": "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
    "xm": "http://schemas.microsoft.com/office/excel/2006/main",
}


class Package:
    """A workbook's zip package, its parts parsed on demand."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))

    def names(self) -> list[str]:
        return self.zip.namelist()

    def xml(self, name: str) -> Element:
        root: Element = fromstring(self.zip.read(name))
        return root

    def text(self, name: str) -> str:
        return self.zip.read(name).decode("utf-8")

    def related(self, name: str, kind: str) -> list[str]:
        """The parts that part `name` links to with relationships of type `kind`."""
        folder, base = posixpath.split(name)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if rels not in self.names():
            return []
        return [
            posixpath.normpath(posixpath.join(folder, r.attrib["Target"]))
            for r in self.xml(rels).findall("rel:Relationship", NS)
            if r.attrib["Type"].endswith("/" + kind)
        ]

    def sheets(self) -> dict[str, str]:
        """Sheet name -> its part, in workbook order."""
        book = self.xml("xl/workbook.xml")
        rels = {
            r.attrib["Id"]: posixpath.normpath(posixpath.join("xl", r.attrib["Target"]))
            for r in self.xml("xl/_rels/workbook.xml.rels").findall("rel:Relationship", NS)
        }
        return {
            s.attrib["name"]: rels[s.attrib[f"{{{NS['r']}}}id"]]
            for s in book.findall("main:sheets/main:sheet", NS)
        }

    def charts(self) -> dict[str, list[Element]]:
        """Sheet name -> the chart parts drawn on it."""
        out: dict[str, list[Element]] = {}
        for sheet, part in self.sheets().items():
            out[sheet] = [
                self.xml(chart)
                for drawing in self.related(part, "drawing")
                for chart in self.related(drawing, "chart")
            ]
        return out

    def sparklines(self, sheet: str) -> list[tuple[str, str]]:
        """The sheet's sparklines as (data range, cell) pairs, e.g. ("Liaoyuan!B31:B32", "J8")."""
        root = self.xml(self.sheets()[sheet])
        return [
            (s.findtext("xm:f", "", NS), s.findtext("xm:sqref", "", NS))
            for s in root.iter(f"{{{NS['x14']}}}sparkline")
        ]


@dataclass(frozen=True)
class Axis:
    minimum: float
    maximum: float
    major: float | None
    number_format: str


def _attribute(node: Element, path: str, name: str = "val") -> str:
    found = node.find(path, NS)
    assert found is not None, path
    return found.attrib[name]


def x_axis(chart: Element) -> Axis:
    """The horizontal (bottom) value axis of a scatter chart."""
    for axis in chart.iter(f"{{{NS['c']}}}valAx"):
        if _attribute(axis, "c:axPos") == "b":
            major = axis.find("c:majorUnit", NS)
            return Axis(
                float(_attribute(axis, "c:scaling/c:min")),
                float(_attribute(axis, "c:scaling/c:max")),
                None if major is None else float(major.attrib["val"]),
                _attribute(axis, "c:numFmt", "formatCode"),
            )
    raise AssertionError("no bottom value axis")


@dataclass(frozen=True)
class Series:
    name: str
    x: str  # the cell range of the x values
    y: str


def series(chart: Element) -> list[Series]:
    out = []
    for ser in chart.iter(f"{{{NS['c']}}}ser"):
        name = "".join(t.text or "" for t in ser.iterfind("c:tx//c:v", NS))
        out.append(
            Series(
                name,
                ser.findtext("c:xVal/c:numRef/c:f", "", NS),
                ser.findtext("c:yVal/c:numRef/c:f", "", NS),
            )
        )
    return out


def title(chart: Element) -> str:
    """The chart's title: its text, or the cell it refers to (as `=Sheet!$A$1`)."""
    node = chart.find("c:chart/c:title", NS)
    if node is None:
        return ""
    ref = node.findtext("c:tx/c:strRef/c:f", None, NS)
    if ref is not None:
        return "=" + ref
    return "".join(t.text or "" for t in node.iter(f"{{{NS['a']}}}t"))
