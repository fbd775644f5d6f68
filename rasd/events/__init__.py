"""Record building (issue 7): triggers, arguments, status, attribution, tallies, merging."""
from .build import DocView, Mention, build_records

__all__ = ["DocView", "Mention", "build_records"]
