"""The confidentiality review: the scanner (state secrets, personal data), its phrase data,
the admin's keyword rules and the reviewer's resolutions of findings.

CONTRACT §7: ``bulletins.confidentiality.scan(text)``.
"""

from bulletins.confidentiality.scanner import (
    KINDS,
    SEVERITY_BLOCK,
    SEVERITY_WARN,
    Finding,
    Rule,
    Scanner,
    scan,
)

__all__ = ["KINDS", "SEVERITY_BLOCK", "SEVERITY_WARN", "Finding", "Rule", "Scanner", "scan"]
