"""Every setting is documented in the README, and the environment overrides its default."""
from pathlib import Path

import pytest

from rasd.settings import SETTINGS, get_setting

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_setting_is_documented(name):
    assert f"`{name}`" in README and SETTINGS[name].env in README


def test_environment_overrides_default_and_explicit_wins(monkeypatch):
    monkeypatch.setenv("RASD_MAX_SIZE", "1234")
    assert get_setting("max_size") == 1234
    assert get_setting("max_size", 99) == 99
    monkeypatch.delenv("RASD_MAX_SIZE")
    assert get_setting("max_size") == 5_000_000
