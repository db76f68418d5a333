"""The radio desk: slots, the day's programs, their audio and script, the broadcast log."""
