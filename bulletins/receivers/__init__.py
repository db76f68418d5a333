"""Smart loudspeaker clusters: their registry and keys, the schedule they pull, what they report,
emergencies that must reach every horn, and the CAP documents of those emergencies (§10)."""
