from __future__ import annotations

import shutil
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
