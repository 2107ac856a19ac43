"""Loading the HTML templates: a user's folder is code that runs, so it runs in Jinja's sandbox.

`--templates DIR` puts DIR before the shipped templates; a name with the prefix `default:`
(`{% extends "default:base.html" %}`) is always the shipped template, so an override can extend
the one it replaces and fill only its blocks. A user's templates are rendered in an
immutable sandbox (no attribute of the interpreter's internals, no method that changes data), and
the loader serves only files inside the folder: a `..` name or a link pointing out of it is
refused. Any error in a template (syntax, encoding, an error while rendering, an unsafe
operation) becomes one `Error:` line naming the template file and its line.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..errors import InputError

MAX_TEMPLATE_BYTES = 1024**2
SHIPPED_PREFIX = "default"  # `default:base.html` is the shipped base.html, overridden or not


class FolderLoader(FileSystemLoader):
    """A FileSystemLoader that serves only regular files, of sane size, inside its folder."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.folder = folder.resolve()

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = self._checked(environment, template)
        return source, filename, uptodate

    def _checked(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = (self.folder / template).resolve()
        if self.folder not in path.parents:
            raise TemplateNotFound(template)
        if path.exists() and (not path.is_file() or path.stat().st_size > MAX_TEMPLATE_BYTES):
            raise InputError(
                code="template_not_file", file=path, limit=MAX_TEMPLATE_BYTES // 1024**2
            )
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError as exc:
            with open(path, "rb") as fh:
                line = fh.read(exc.start).count(b"\n") + 1
            raise InputError(code="template_not_utf8", file=path, line=line) from None


class QuietBytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates that never fails the report: a cache that
    cannot be written (a full disk, a read-only home) is only a slower start next time."""

    def dump_bytecode(self, bucket: Any) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def template_cache(kind: str) -> BytecodeCache | None:
    """The compiled templates kept between runs, in the user's own cache folder (compiling
    the shipped templates is a sixth of a small report's time). Jinja checks each entry
    against its template's source, so an edited template is compiled again. None when no
    private folder can be had: the templates are then compiled every run.
    """
    if os.environ.get("SOCKPROGRESS_NO_TEMPLATE_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = (
        Path(base)
        / "sockprogress"
        / f"templates-{kind}-py{sys.version_info[0]}{sys.version_info[1]}"
    )
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
        mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        if not (mine and stat.S_ISDIR(info.st_mode)) or stat.S_IMODE(info.st_mode) & 0o022:
            return None  # another user's, or writable by others: compiled code is not read
        return QuietBytecodeCache(str(folder))
    except OSError:
        return None


def make_environment(user: Path | None, shipped: list[Path], **options: Any) -> Environment:
    """The shipped templates behind a user's folder; sandboxed whenever a user folder is given."""
    shipped_loader = ChoiceLoader([FileSystemLoader(str(d)) for d in shipped])
    by_prefix = PrefixLoader({SHIPPED_PREFIX: shipped_loader}, delimiter=":")
    if user is None:
        return Environment(
            loader=ChoiceLoader([by_prefix, shipped_loader]),
            bytecode_cache=template_cache("shipped"),
            **options,
        )
    if not user.is_dir():
        raise InputError(code="templates_not_folder", folder=user)
    loaders: list[BaseLoader] = [by_prefix, FolderLoader(user), shipped_loader]
    return ImmutableSandboxedEnvironment(
        loader=ChoiceLoader(loaders), bytecode_cache=template_cache("sandboxed"), **options
    )


def _template_line(exc: BaseException) -> tuple[str, int] | None:
    """The template file and line where exc was raised (Jinja maps its frames to templates)."""
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith((".html", ".htm", ".jinja", ".j2", ".txt")) and frame.lineno:
            found = (frame.filename, frame.lineno)
    return found


@contextlib.contextmanager
def template_errors() -> Iterator[None]:
    """Turn any error raised while loading or rendering a template into one InputError line."""
    try:
        yield
    except InputError:
        raise
    except TemplateSyntaxError as exc:
        where = exc.filename or exc.name
        raise InputError(
            code="template_syntax" if where else "template_syntax_unnamed",
            file=where or "",
            line=exc.lineno,
            reason=exc.message or "",
        ) from None
    except TemplateNotFound as exc:
        raise InputError(code="template_not_found", name=exc.name) from None
    except SecurityError as exc:
        raise _failed(exc, str(exc), "template_refused", "template_refused_unnamed") from None
    except (TemplateError, Exception) as exc:  # a template is code: any error it raises
        message = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise _failed(exc, message, "template_failed", "template_failed_unnamed") from None


def _failed(exc: BaseException, reason: str, placed: str, unplaced: str) -> InputError:
    """A template's error at the template's file and line (code `placed`), else `unplaced`;
    `reason` is Jinja's (or Python's) own words."""
    place = _template_line(exc)
    if place is None:
        return InputError(code=unplaced, reason=reason)
    return InputError(code=placed, file=place[0], line=place[1], reason=reason)
