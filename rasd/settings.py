"""Settings, defined once with their defaults and help; the CLI, the API and the docs read this table.

A setting can be overridden by an environment variable (`RASD_<NAME>` upper-cased) or by passing it
explicitly; explicit values win, then the environment, then the default.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

__all__ = ["Setting", "SETTINGS", "get_setting"]


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "RASD_" + self.name.upper()


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in [
        Setting("db", "rasd.duckdb", "DuckDB database file used by ingest, events, show, reprocess."),
        Setting("max_size", 5_000_000, "Largest input accepted, in bytes of text (per file or JSON Lines row)."),
        Setting("ner_model", "fast", "Entity tagger of the pipeline: fast (CRF), accurate (BiLSTM-CRF), or a model "
                                     "folder. fast is the default because it keeps the 100 articles/s target."),
    ]
}


def get_setting(name: str, explicit: Any = None) -> Any:
    """The value of a setting: the explicit one if given, else the environment, else the default."""
    setting = SETTINGS[name]
    if explicit is not None:
        return explicit
    raw = os.environ.get(setting.env)
    if raw is None:
        return setting.default
    return type(setting.default)(raw)
