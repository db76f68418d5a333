"""Telling staff that work waits for them: in-app notices, immediate mail and daily digests."""
