"""Figures and overviews: the plan's implementation report, its exports and charts, the calendar."""
