"""The month's bulletin as a Word document: progress-YYYY-MM.docx, laid out from the report's
bulletin (bulletin.py), as an office hands it up.

The title and its period, the issuer and date line, the opening, 一、总体情况 with the lead
paragraph and the table, 二、主要指标完成情况 with a paragraph per goal, 三、需要关注的问题, and
the 注 line. Every paragraph has a named Word style (Title, Subtitle, Body Text, Heading 1,
Caption, Footer, and the bulletin's own table and note styles) and the table is a real table
with its header row repeated on every page, so an office can edit the document and restyle it.
The page, fonts and sizes are the language's (locales.toml `[<code>.document]`: for Chinese,
GB/T 9704's A4 page, 小标宋 title, 仿宋_GB2312 body, 黑体 headings, 宋体 table, "— 1 —"
page numbers); fonts a machine may lack carry their stand-ins in the font table.

An office's own `bulletin.docx` in the --templates folder is the document's template: its page
setup, headers and footers, and every style it defines by name are kept as they are; its body
is replaced by the bulletin. python-docx writes every text as a text run: nothing a user wrote
becomes a field, a link or markup.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..model import Report
from ..words import N_
from ..words.words import DocumentLayout, TextStyle, Words
from .bulletin import Bulletin, balanced_lines, build_bulletin, one_line
from .view import build_view

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.section import Section
    from docx.styles.style import BaseStyle, ParagraphStyle
    from docx.table import _Row
    from docx.text.paragraph import Paragraph

TEMPLATE_NAME = "bulletin.docx"
MAX_TEMPLATE_BYTES = 10 * 1024**2
# A .docx is a zip: what it unpacks to is capped too, so a small file cannot fill the memory.
MAX_UNPACKED_BYTES = 100 * 1024**2

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Each part of the bulletin and its style's name: Word's built-in styles by their built-in
# names (Word and WPS show them in the reader's language: 标题, 副标题, 正文文本, 标题 1, 题注,
# 页脚), and the bulletin's own styles by a name in the reader's words.
BUILT_IN = {
    "normal": "Normal",
    "title": "Title",
    "subtitle": "Subtitle",
    "body": "Body Text",
    "heading": "Heading 1",
    "caption": "Caption",
    "footer": "Footer",
}
OWN = {
    "table": N_("Table text"),
    "table_heading": N_("Table heading"),
    "note": N_("Note"),
}
TABLE_STYLE = "Table Grid"
# A Latin character's width in ems in a title (Times New Roman figures, Calibri words: about
# half), for its balanced lines.
TITLE_LATIN = 0.5
# A table cell's margins, left and right, in pt (0.1 cm each side: Word's 0.19 cm leaves an
# eight-column table on A4 portrait too little room for its figures).
CELL_MARGIN = 2.85
CELL_PADDING = 2 * CELL_MARGIN

# Characters XML 1.0 cannot hold; a text from a user's file never carries them into the
# document (python-docx would refuse the whole document).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _element(name: str) -> BaseOxmlElement:
    from docx.oxml import OxmlElement

    return OxmlElement(f"w:{name}")


def _sub(parent: BaseOxmlElement, name: str) -> BaseOxmlElement:
    child = _element(name)
    parent.append(child)
    return child


# -- the office's template -----------------------------------------------------------------


def template_path(templates: Path | None) -> Path | None:
    """The office's bulletin.docx in the --templates folder, if there is one; refused when
    it is not a regular file inside the folder of at most MAX_TEMPLATE_BYTES."""
    if templates is None:
        return None
    path = templates / TEMPLATE_NAME
    if not path.exists() and not path.is_symlink():
        return None
    resolved = path.resolve()
    folder = templates.resolve()
    if (
        folder not in resolved.parents
        or not resolved.is_file()
        or resolved.stat().st_size > MAX_TEMPLATE_BYTES
    ):
        raise InputError(
            code="docx_template_not_file", file=path, limit=MAX_TEMPLATE_BYTES // 1024**2
        )
    return resolved


def _open(template: Path | None) -> Document:
    """A new document: python-docx's own (then dressed in the language's layout) or the
    office's template, read once and checked."""
    import docx

    if template is None:
        return docx.Document()
    data = template.read_bytes()
    if len(data) > MAX_TEMPLATE_BYTES:  # it grew since it was checked
        raise InputError(
            code="docx_template_not_file", file=template, limit=MAX_TEMPLATE_BYTES // 1024**2
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise ValueError(f"unpacks to more than {MAX_UNPACKED_BYTES // 1024**2} MB")
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # a zip, a package, a part or its XML: any of them may be broken
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise InputError(code="docx_template_invalid", file=template, detail=detail) from None


def _clear_body(document: Document) -> None:
    """Everything of the body but its last section's properties (the page, its headers and
    footers)."""
    body = document.element.body
    for child in list(body):
        if child.tag != _w("sectPr"):
            body.remove(child)


# -- styles ------------------------------------------------------------------------------


def _fonts(rPr: BaseOxmlElement, style: TextStyle, layout: DocumentLayout) -> None:
    """The run properties' fonts (east-Asian and Latin, no theme fonts) and languages."""
    fonts = rPr.find(_w("rFonts"))
    if fonts is None:
        fonts = _sub(rPr, "rFonts")
        rPr.insert(0, fonts)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(_w(theme), None)
    for slot in ("ascii", "hAnsi", "cs"):
        fonts.set(_w(slot), style.latin)
    fonts.set(_w("eastAsia"), style.east_asian)
    lang = rPr.find(_w("lang"))
    if lang is None:
        lang = _sub(rPr, "lang")
    lang.set(_w("val"), layout.language)
    lang.set(_w("eastAsia"), layout.east_asian_language)


def _dress(style: ParagraphStyle, spec: TextStyle, layout: DocumentLayout) -> None:
    """Give a paragraph style the language's fonts, size, weight and spacing, replacing
    whatever python-docx's default template gave it (theme fonts, colours, borders)."""
    from docx.enum.text import WD_LINE_SPACING, WD_PARAGRAPH_ALIGNMENT
    from docx.shared import Pt, RGBColor

    element = style.element
    for old in element.findall(_w("pPr")) + element.findall(_w("rPr")):
        element.remove(old)
    font = style.font
    font.size = Pt(spec.size)
    font.bold = spec.bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    _fonts(element.get_or_add_rPr(), spec, layout)
    paragraph = style.paragraph_format
    paragraph.alignment = {
        "left": WD_PARAGRAPH_ALIGNMENT.LEFT,
        "center": WD_PARAGRAPH_ALIGNMENT.CENTER,
        "right": WD_PARAGRAPH_ALIGNMENT.RIGHT,
        "justify": WD_PARAGRAPH_ALIGNMENT.JUSTIFY,
    }[spec.align]
    paragraph.space_before = Pt(spec.before)
    paragraph.space_after = Pt(spec.after)
    if spec.line:
        paragraph.line_spacing = Pt(spec.line)
        paragraph.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    else:
        paragraph.line_spacing_rule = WD_LINE_SPACING.SINGLE
    paragraph.first_line_indent = Pt(spec.indent * spec.size)
    if spec.indent:  # in characters too, as Chinese Word sets it (首行缩进 2 字符)
        ind = element.get_or_add_pPr().find(_w("ind"))
        if ind is not None:
            ind.set(_w("firstLineChars"), str(round(spec.indent * 100)))


def _styles(
    document: Document, layout: DocumentLayout, words: Words, templated: bool
) -> dict[str, str]:
    """Each part's style name, every style made ready: the template's own styles as they are,
    the others made (or python-docx's defaults re-dressed) in the language's layout."""
    from docx.enum.style import WD_STYLE_TYPE

    styles = document.styles
    # Every style by its name, in one pass: `name in styles` and `styles[name]` each look
    # through all of the template's styles (python-docx's default has 160).
    existing = {style.name: style for style in styles}
    names: dict[str, str] = {}
    for role, spec in layout.styles.items():
        name = BUILT_IN.get(role) or words(OWN[role])
        names[role] = name
        if name in existing:
            if templated:
                continue  # the office's style, as the office set it
            style = existing[name]
        else:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            if role != "normal":
                style.base_style = existing["Normal"]
            style.quick_style = True
        _dress(style, spec, layout)
        if role in ("table", "table_heading"):
            _no_autospace(style)
        _dress_linked(document, style)
    if TABLE_STYLE not in existing:
        _grid_style(document)
    return names


def _no_autospace(style: BaseStyle) -> None:
    """No space added between Chinese and Latin text (Word's default, 自动调整中文与西文的
    间距) in the table: the column rule measures the text as it is, and with the space Word
    and LibreOffice broke 超8.3个百分点 as "超 8.3 个百分" / "点" in a column made for it."""
    pPr = style.element.get_or_add_pPr()
    for tag in ("autoSpaceDE", "autoSpaceDN"):
        element = _element(tag)
        element.set(_w("val"), "0")
        pPr.insert_element_before(element, *_AFTER_AUTOSPACE)


# What follows w:autoSpaceDN in a paragraph's properties (ECMA-376 CT_PPrBase's order).
_AFTER_AUTOSPACE = (
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _dress_linked(document: Document, style: BaseStyle) -> None:
    """The character style Word links to a paragraph style (Title Char: what a part of a
    paragraph gets in that style) takes the paragraph style's fonts, not the default
    template's theme fonts and colours."""
    link = style.element.find(_w("link"))
    if link is None:
        return
    for linked in document.styles.element.findall(_w("style")):
        if linked.get(_w("styleId")) == link.get(_w("val")):
            for old in linked.findall(_w("rPr")):
                linked.remove(old)
            rPr = style.element.find(_w("rPr"))
            if rPr is not None:
                linked.append(copy.deepcopy(rPr))


def _grid_style(document: Document) -> None:
    """A table style with single black borders, for a template that has none."""
    from docx.enum.style import WD_STYLE_TYPE

    style = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    tblPr = _sub(style.element, "tblPr")
    borders = _sub(tblPr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = _sub(borders, side)
        border.attrib.update({_w("val"): "single", _w("sz"): "4", _w("space"): "0"})
        border.set(_w("color"), "000000")


def _defaults(document: Document, layout: DocumentLayout) -> None:
    """python-docx's default template speaks US English with Japanese theme fonts: the
    document's defaults become the language's body font, its languages and no spacing."""
    styles = document.styles.element
    defaults = styles.find(_w("docDefaults"))
    if defaults is not None:
        rPr = defaults.find(f"{_w('rPrDefault')}/{_w('rPr')}")
        if rPr is not None:
            _fonts(rPr, layout.styles["normal"], layout)
            for size in ("sz", "szCs"):
                element = rPr.find(_w(size))
                if element is not None:
                    element.set(_w("val"), str(round(layout.styles["normal"].size * 2)))
        spacing = defaults.find(f"{_w('pPrDefault')}/{_w('pPr')}/{_w('spacing')}")
        if spacing is not None:
            spacing.attrib.clear()
            spacing.attrib.update({_w("after"): "0", _w("line"): "240", _w("lineRule"): "auto"})
    settings = document.settings.element
    theme_lang = settings.find(_w("themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(_w("val"), layout.language)
        theme_lang.set(_w("eastAsia"), layout.east_asian_language)


def _font_table(document: Document, layout: DocumentLayout) -> None:
    """Every font the styles name, in the font table: an east-Asian one with its character
    set, and the stand-in Word and WPS use on a machine without it (w:altName)."""
    parts = [
        rel.target_part
        for rel in document.part.rels.values()
        if not rel.is_external and rel.reltype.endswith("/fontTable")
    ]
    if not parts:
        return
    part = parts[0]
    from docx.opc.oxml import serialize_part_xml
    from docx.oxml.parser import parse_xml

    table = parse_xml(part.blob)  # python-docx's parser: no entities, no network
    known = {font.get(_w("name")) for font in table.findall(_w("font"))}
    east_asian = {s.east_asian for s in layout.styles.values()}
    latin = {s.latin for s in layout.styles.values()}
    for name in sorted(east_asian | latin):
        if name in known:
            continue
        font = _sub(table, "font")
        font.set(_w("name"), name)
        if name in layout.fallbacks:
            _sub(font, "altName").set(_w("val"), layout.fallbacks[name])
        if name in east_asian:
            _sub(font, "charset").set(_w("val"), layout.east_asian_charset)
        _sub(font, "family").set(_w("val"), "auto")
        _sub(font, "pitch").set(_w("val"), "variable")
    part._blob = serialize_part_xml(table)


# -- the page ----------------------------------------------------------------------------


def _page(section: Section, layout: DocumentLayout) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    page = layout.page
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(page["width"]), Mm(page["height"])
    section.top_margin, section.bottom_margin = Mm(page["top"]), Mm(page["bottom"])
    section.left_margin, section.right_margin = Mm(page["left"]), Mm(page["right"])
    section.header_distance, section.footer_distance = Mm(page["header"]), Mm(page["footer"])
    section.gutter = Mm(0)


def _page_field(paragraph: Paragraph) -> None:
    """A PAGE field (its instruction a constant), showing 1 until the page is laid out: one
    run per part, as Word writes a field."""
    for part in ("begin", " PAGE ", "separate", "1", "end"):
        run = paragraph.add_run()._r
        if part in ("begin", "separate", "end"):
            _sub(run, "fldChar").set(_w("fldCharType"), part)
        elif part == " PAGE ":
            instruction = _sub(run, "instrText")
            instruction.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instruction.text = part
        else:
            _sub(run, "t").text = part


def _page_numbers(document: Document, layout: DocumentLayout, style: str, templated: bool) -> None:
    """Page numbers in the footer: "— 1 —" one character in from the outer edge (odd pages
    right, even pages left) or centred, as the language sets them. A template's own footer is
    kept; one without footers gets the numbers centred, unless it has no header either."""
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
    from docx.shared import Pt

    section = document.sections[-1]
    if templated and not section.footer.is_linked_to_previous:
        return
    outside = layout.page_number_position == "outside" and not (
        templated and not section.header.is_linked_to_previous
    )
    size = Pt(layout.styles["footer"].size)
    before, _, after = layout.page_number.partition("{}")
    footers = [(section.footer, "right")]
    if outside:
        document.settings.odd_and_even_pages_header_footer = True
        footers.append((section.even_page_footer, "left"))
    for footer, side in footers:
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.style = document.styles[style]
        if not outside:
            paragraph.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
        elif side == "right":
            paragraph.alignment = WD_PARAGRAPH_ALIGNMENT.RIGHT
            paragraph.paragraph_format.right_indent = size
        else:
            paragraph.alignment = WD_PARAGRAPH_ALIGNMENT.LEFT
            paragraph.paragraph_format.left_indent = size
        paragraph.add_run(before)
        _page_field(paragraph)
        paragraph.add_run(after)


# -- the table ---------------------------------------------------------------------------


def _repeat_header(row: _Row) -> None:
    """The header row repeated at the top of every page the table runs onto."""
    _sub(row._tr.get_or_add_trPr(), "tblHeader")


def _line_width(document: Document) -> float:
    """The width of a line of the page in pt, between its margins."""
    from docx.shared import Length, Mm

    section = document.sections[-1]
    width = Length(
        (section.page_width or Mm(210)) - (section.left_margin or 0) - (section.right_margin or 0)
    )
    return float(width.pt)


def _table(
    document: Document, bulletin: Bulletin, names: dict[str, str], layout: DocumentLayout
) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
    from docx.shared import Pt

    size, pad, latin = layout.styles["table"].size, CELL_PADDING + 3, layout.table_latin
    widths = bulletin.column_widths(size, _line_width(document), pad, latin)
    headings = bulletin.heading_lines(one_line(widths, size, pad, latin))
    # each goal's row, its Chinese cells broken into lines as the workbook's first sheet and
    # the printed page break them (Word broke 待期末数据，暂 / 无法预判 and 数据待核 / 实）)
    texts = bulletin.broken(widths, size, pad, latin)
    grouped = any(bulletin.region_headings)
    table = document.add_table(rows=3 if grouped else 2, cols=len(bulletin.keys))
    table.style = document.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for grid, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid.w = Pt(width)
    margins = _element("tblCellMar")
    look = table._tbl.tblPr.find(_w("tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        table._tbl.tblPr.append(margins)
    for side in ("left", "right"):
        margin = _sub(margins, side)
        margin.attrib.update({_w("w"): str(round(CELL_MARGIN * 20)), _w("type"): "dxa"})
    table_width = table._tbl.tblPr.find(_w("tblW"))
    if table_width is not None:
        table_width.set(_w("type"), "dxa")
        table_width.set(_w("w"), str(round(sum(widths) * 20)))
    # The header row, and one row laid out as every goal's row is; each goal's row is a copy
    # of it with its texts set (lxml escapes them): python-docx's setters would take seconds
    # for a province's two thousand rows.
    header, model = table.rows[0], table.rows[-1]
    for n, row in enumerate((header, model)):
        style_id = document.styles[names["table" if n else "table_heading"]].style_id
        for i, cell in enumerate(row.cells):
            cell.width = Pt(widths[i])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            paragraph._p.style = style_id  # as in render_docx: no scan of every style per cell
            if n and bulletin.centred[i]:
                paragraph.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
            # one w:t each (a heading on two lines: its w:br between two)
            paragraph.add_run(_text(headings[i]) if not n else "-")
    _repeat_header(header)
    for row in (header, model):
        row._tr.get_or_add_trPr().insert(0, _element("cantSplit"))
    model_row = model._tr
    # A province's table: a heading row per region across the table, its goals under it.
    region_row = _region_row(table.rows[1], names["table"], document) if grouped else None
    for region, row_texts in zip(bulletin.region_headings, texts, strict=True):
        if region_row is not None and region:
            heading = copy.deepcopy(region_row)
            for t in heading.iter(_w("t")):
                t.text = _text(region)
            model_row.addprevious(heading)
        copied = copy.deepcopy(model_row)
        for t, text in zip(list(copied.iter(_w("t"))), row_texts, strict=True):
            first, *more = _text(text).split("\n")
            t.text = first
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            for line in more:  # a line break, then the next line, in the cell's one run
                t.addnext(_element("br"))
                t = t.getnext()
                t.addnext(_element("t"))
                t = t.getnext()
                t.text = line
        model_row.addprevious(copied)
    model_row.getparent().remove(model_row)
    if region_row is not None:
        region_row.getparent().remove(region_row)


def _region_row(row: _Row, style: str, document: Document) -> BaseOxmlElement:
    """The model of a region's heading row: one cell across the table, bold, kept with the
    goal's row after it."""
    cell = row.cells[0].merge(row.cells[-1])
    paragraph = cell.paragraphs[0]
    paragraph._p.style = document.styles[style].style_id
    paragraph.add_run("-").bold = True
    tr = row._tr
    properties = tr.get_or_add_trPr()
    properties.insert(0, _element("cantSplit"))
    paragraph.paragraph_format.keep_with_next = True
    return tr


# -- the document ------------------------------------------------------------------------


def _properties(document: Document, bulletin: Bulletin, words: Words) -> None:
    props = document.core_properties
    props.title = _text(bulletin.title)[:255]
    props.subject = _text(bulletin.period)
    props.author = _text(bulletin.issuer)[:255] or "sockprogress"
    props.last_modified_by = "sockprogress"
    # the reader's language (zh-CN), not the Latin runs' (w:lang, en-US in a Chinese document)
    props.language = words.html_lang
    props.keywords = ""
    props.comments = ""
    props.revision = 1
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    props.created = props.modified = now


def render_docx(report: Report, words: Words, templates: Path | None = None) -> bytes:
    """The bulletin as .docx bytes in the reader's `words`, ready for an atomic write; on the
    office's bulletin.docx when the --templates folder holds one."""
    template = template_path(templates)
    bulletin = build_bulletin(build_view(report, words))
    layout = words.locale.document
    document = _open(template)
    templated = template is not None
    _clear_body(document)
    if not templated:
        _page(document.sections[-1], layout)
        _defaults(document, layout)
    names = _styles(document, layout, words, templated)
    _font_table(document, layout)
    _page_numbers(document, layout, names["footer"], templated)
    _properties(document, bulletin, words)

    # Each style's id, found once: python-docx looks a style object up among all the styles
    # for every paragraph given one (a millisecond each, hundreds of paragraphs for a province).
    ids = {role: document.styles[name].style_id for role, name in names.items()}

    def paragraph(text: str, role: str, heads: bool = False) -> Paragraph:
        """A paragraph in the style of `role`; one that `heads` what follows (a heading, a
        table's caption, the notes' 注 line) is never left alone at the foot of a page."""
        added = document.add_paragraph(_text(text))
        added._p.style = ids[role]  # the pStyle python-docx's own setter writes
        if heads or role in ("heading", "caption"):
            added.paragraph_format.keep_with_next = True
        return added

    # a title too long for a line in lines as even as its breaks allow (balanced_lines), not a
    # last character alone on the second ("…目标完成情" / "况")
    lines = balanced_lines(
        bulletin.title, _line_width(document) / layout.styles["title"].size, TITLE_LATIN
    )
    paragraph(lines[0], "title")
    title = document.paragraphs[-1]
    for more in lines[1:]:
        title.add_run().add_break()
        title.add_run(_text(more))
    # the period on a line of its own under the title, never broken inside (（2026年1" / "—11月）)
    title.add_run().add_break()
    title.add_run(_text(bulletin.heading_period))
    paragraph(bulletin.issuer_line, "subtitle")
    paragraph(bulletin.opening, "body")
    paragraph(bulletin.overall_heading, "heading")
    paragraph(words.sentence_gap.join(bulletin.lead), "body")
    paragraph(bulletin.table_heading, "caption")
    _table(document, bulletin, names, layout)
    if bulletin.table_note:
        # the table's 注 on one page: split, its second sentence (what 基本达到进度要求 means)
        # opened page 2 without its 注
        paragraph(bulletin.table_note, "note").paragraph_format.keep_together = True
    for part in bulletin.sections:
        paragraph(part.heading, "heading")
        for text in part.paragraphs:
            paragraph(text, "body")
    if bulletin.notes:
        # the 注 line with its first note: it was left alone at the foot of page 2 (a
        # newcomer's find)
        paragraph(bulletin.note_in_document, "note", heads=True)
        for line in bulletin.notes:
            paragraph(line, "note")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
