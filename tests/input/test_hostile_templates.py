"""`--templates DIR` is code the user supplies: sandboxed, confined to DIR, errors in one line.

Kind 5 of issue 14, and the last-resort handling of kind 7. Every file here is synthetic.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import write_actuals

from sockprogress.cli import main

GOOD = [("Testville", "widgets", "2021", 100), ("Testville", "widgets", "2024", 150)]


def _report(tmp_path: Path, targets: Path, *extra: str) -> tuple[int, str, Path]:
    actuals = write_actuals(tmp_path / "a.xlsx", GOOD)
    out = tmp_path / "out"
    args = ["report", "--targets", str(targets), "--actuals", str(actuals), "--as-of", "2025-06"]
    result = CliRunner().invoke(main, [*args, "--out", str(out), "--format", "html", *extra])
    assert "Traceback" not in result.output
    return result.exit_code, result.output, out


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("base.html", b"<p>\n{% if %}</p>", "base.html, line 2: template syntax error"),
        ("_target.html", b"\xff\xfe{{ x }}", "_target.html, line 1: the template is not UTF-8"),
        ("base.html", b"<p>\n\n{{ 1 / 0 }}</p>", "base.html, line 3: the template failed"),
        (
            "base.html",
            b"{{ ''.__class__.__mro__[1].__subclasses__() }}",
            "base.html, line 1: refused by the template sandbox",
        ),
        (
            "base.html",
            b"{{ lipsum.__globals__['os'].popen('id').read() }}",
            "refused by the template sandbox",
        ),
        ("base.html", b'{% include "../secret.txt" %}', "template '../secret.txt' not found"),
        (
            "base.html",
            b'{% include "default:../../../secret.txt" %}',
            "template 'default:../../../secret.txt' not found",
        ),
        (
            "base.html",
            b'{% extends "default:base.html" %}{% block main %}{{ 1 / 0 }}{% endblock %}',
            "base.html, line 1: the template failed",
        ),
    ],
    ids=["syntax", "not-utf8", "runtime", "mro", "globals", "parent", "parent-shipped", "block"],
)
def test_a_bad_or_hostile_template_is_one_error_line(
    tmp_path: Path, targets: Path, name: str, content: bytes, message: str
) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("not for templates")
    (folder / name).write_bytes(content)
    code, output, out = _report(tmp_path, targets, "--templates", str(folder))
    assert code == 2, output
    assert output.startswith("Error: ") and message in output, output
    assert len(output.strip().splitlines()) == 1
    assert not out.exists() or not any(out.iterdir())  # nothing written, no temp left


def test_a_link_out_of_the_folder_is_not_served(tmp_path: Path, targets: Path) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("not for templates")
    (folder / "_x.html").symlink_to(tmp_path / "secret.txt")
    (folder / "base.html").write_text('{% include "_x.html" %}')
    code, output, _ = _report(tmp_path, targets, "--templates", str(folder))
    assert code == 2 and "template '_x.html' not found" in output


def test_an_unused_broken_file_in_the_folder_is_ignored(tmp_path: Path, targets: Path) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "notes.html").write_bytes(b"\xff{% if %}")
    (folder / "old.txt").write_text("{{")
    code, output, out = _report(tmp_path, targets, "--templates", str(folder))
    assert code == 0, output
    assert (out / "progress-2025-06.html").exists()


def test_a_user_template_still_overrides_in_the_sandbox(tmp_path: Path, targets: Path) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "base.html").write_text("<p>{{ month }} {{ targets | length }}</p>")
    code, output, out = _report(tmp_path, targets, "--templates", str(folder))
    assert code == 0, output
    assert "<p>" in (out / "progress-2025-06.html").read_text(encoding="utf-8")


def test_a_full_or_missing_temporary_folder_does_not_matter(
    tmp_path: Path, targets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every temporary file is made in the output's own folder, never the system's.
    actuals = write_actuals(tmp_path / "a.xlsx", GOOD)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-temp-folder"))
    out = tmp_path / "out"
    args = ["report", "--targets", str(targets), "--actuals", str(actuals), "--as-of", "2025-06"]
    result = CliRunner().invoke(main, [*args, "--out", str(out), "--format", "xlsx,json"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "progress-2025-06.json",
        "progress-2025-06.xlsx",
    ]


def test_a_full_disk_while_writing_is_one_error_line_and_nothing_half_written(
    tmp_path: Path, targets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fd: int, mode: str) -> None:
            self.fh = real_fdopen(fd, mode)

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *_: object) -> None:
            self.fh.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", Full)
    actuals = write_actuals(tmp_path / "a.xlsx", GOOD)
    out = tmp_path / "out"
    args = ["report", "--targets", str(targets), "--actuals", str(actuals), "--as-of", "2025-06"]
    result = CliRunner().invoke(main, [*args, "--out", str(out), "--format", "xlsx,json"])
    assert result.exit_code == 2
    assert "(No space left on device); free some space on that disk" in result.output
    assert list(out.iterdir()) == []  # no temp file left, no report half-written


def test_an_unexpected_error_is_one_line_with_exit_2(
    tmp_path: Path, targets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sockprogress import pipeline

    def broken(*_: object, **__: object) -> None:
        raise TypeError("something no check foresaw")

    monkeypatch.setattr(pipeline, "build_report", broken)
    monkeypatch.delenv("SOCKPROGRESS_DEBUG", raising=False)
    actuals = write_actuals(tmp_path / "a.xlsx", GOOD)
    args = ["report", "--targets", str(targets), "--actuals", str(actuals), "--format", "json"]
    result = CliRunner().invoke(main, [*args, "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "Error: unexpected TypeError: something no check foresaw" in result.output


def test_the_shipped_templates_render_the_same_in_the_sandbox(
    tmp_path: Path, targets: Path
) -> None:
    from sockprogress.rendering.html import template_dirs

    folder = tmp_path / "tpl"
    folder.mkdir()
    shipped = template_dirs()[0]
    (folder / "_target.html").write_bytes((shipped / "_target.html").read_bytes())
    code, output, out = _report(tmp_path, targets, "--templates", str(folder))
    assert code == 0, output
    sandboxed = (out / "progress-2025-06.html").read_bytes()
    args = ["report", "--targets", str(targets), "--actuals", str(tmp_path / "a.xlsx")]
    plain = tmp_path / "plain"
    result = CliRunner().invoke(
        main, [*args, "--as-of", "2025-06", "--out", str(plain), "--format", "html"]
    )
    assert result.exit_code == 0, result.output
    assert (plain / "progress-2025-06.html").read_bytes() == sandboxed
