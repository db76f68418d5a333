"""Small tools run beside Loa (a receiver simulator)."""
