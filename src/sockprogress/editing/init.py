"""`sockprogress init DIR`: a working folder with the shipped goals and a fresh actuals workbook."""

from __future__ import annotations

import io
from importlib import resources
from pathlib import Path

from ..errors import InputError, OutputError
from ..reading import load_targets
from ..safewrite import write_all
from ..words import N_
from ..words.words import Words
from .blank import choices, new_actuals_workbook

HINT = N_("free some space or choose another folder, and run again")


def shipped_targets() -> bytes:
    """The shipped targets.toml: inside the wheel, or the repository's data/ in a checkout."""
    packaged = resources.files("sockprogress") / "data" / "targets.toml"
    if packaged.is_file():
        return packaged.read_bytes()
    return (Path(__file__).resolve().parents[3] / "data" / "targets.toml").read_bytes()


def init_folder(folder: Path, sheet: Words) -> list[Path]:
    """Write folder/data/targets.toml and folder/data/actuals.xlsx; never overwrite a file.

    The workbook's header, dropdowns and how-to sheet are in the language of `sheet`.
    """
    data = folder / "data"
    targets_path, actuals_path = data / "targets.toml", data / "actuals.xlsx"
    for path in (targets_path, actuals_path):
        if path.exists():
            raise InputError(code="init_exists", file=path)
    if folder.exists() and not folder.is_dir():
        raise OutputError(code="folder_is_file", folder=folder)
    text = shipped_targets()
    targets_path.parent.mkdir(parents=True, exist_ok=True)
    write_all({targets_path: text}, hint=HINT)
    regions, indicators = choices(load_targets(targets_path), sheet)
    buffer = io.BytesIO()
    new_actuals_workbook((), regions, indicators, sheet).save(buffer)
    write_all({actuals_path: buffer.getvalue()}, hint=HINT)
    return [targets_path, actuals_path]
