from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in a plain English locale, whatever the machine's own locale says;
    a test that wants Chinese asks for it (--lang zh, $SOCKPROGRESS_LANG or $LANG)."""
    for name in ("SOCKPROGRESS_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(scope="session")
def template_cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache-home")


@pytest.fixture(autouse=True)
def private_template_cache(monkeypatch: pytest.MonkeyPatch, template_cache_home: Path) -> None:
    """Compiled templates are cached in a folder of the test session, not the user's ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(template_cache_home))


@pytest.fixture
def shipped(tmp_path: Path) -> tuple[Path, Path]:
    """Copies of the shipped targets.toml and actuals.xlsx (real published figures)."""
    targets = shutil.copy(ROOT / "data" / "targets.toml", tmp_path / "targets.toml")
    actuals = shutil.copy(ROOT / "data" / "actuals.xlsx", tmp_path / "actuals.xlsx")
    return Path(targets), Path(actuals)


def require_tool(name: str) -> str:
    """The tool's path; skip when missing, but fail when CI says clients are required."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("REQUIRE_REPORT_CLIENTS") == "1":
            pytest.fail(f"{name} is required (REQUIRE_REPORT_CLIENTS=1) but not installed")
        pytest.skip(f"{name} not installed")
    return path


@pytest.fixture
def soffice(tmp_path: Path) -> Callable[[Path, str], Path]:
    """Convert a file with headless LibreOffice; returns the output, fails on any error."""
    exe = require_tool("soffice")
    profile = tmp_path / "lo-profile"  # a private profile: parallel runs do not collide

    def convert(source: Path, to: str) -> Path:
        out = tmp_path / f"converted-{to.split(':')[0]}"
        result = subprocess.run(
            [
                exe,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                to,
                "--outdir",
                str(out),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        # LibreOffice exits 0 even when the conversion fails: read stderr and look for the file.
        assert "Error:" not in result.stderr, result.stderr
        target = out / f"{source.stem}.{to.split(':')[0]}"
        assert target.exists(), result.stdout + result.stderr
        return target

    return convert
