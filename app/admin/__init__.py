"""Administration: accounts and API tokens, scanner rules and lexicon, key dates, jingles."""

from app.admin import audio, keydates, routes, rules  # noqa: F401  (each adds its views to bp)
from app.admin.blueprint import bp

__all__ = ["bp"]
