"""What the public sees: the one definition of published, and the RSS/Atom/podcast feeds."""
