"""From article text to incidents: the sentence-to-incident model and the merge of reports.

>>> from geomap.extract import extract_text
"""


def __getattr__(name: str):
    # loaded on first use, so that importing a record module starts nothing heavy
    if name in ("extract", "extract_text"):
        from . import incidents
        return getattr(incidents, name)
    raise AttributeError(f"module 'geomap.extract' has no attribute {name!r}")
