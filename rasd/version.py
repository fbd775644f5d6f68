"""Versions. `EXTRACTOR_VERSION` changes whenever extraction output may change, so `rasd reprocess`
knows which stored records are stale. Bump it with any change to a stage, lexicon or model."""
__version__ = "0.1.0"
EXTRACTOR_VERSION = "0.1.0+ex8"
