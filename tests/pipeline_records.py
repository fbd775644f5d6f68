"""Helpers for tests that run whole sentences through the pipeline and look at the records."""
import rasd


def records(text, published=None):
    """The records rasd extracts from `text`."""
    return rasd.extract(text, published=published)["records"]


def kinds(recs, kind):
    """The records of one kind («event», «statement», «tally», «relation»)."""
    return [r for r in recs if r["kind"] == kind]
