"""Turning approved text into sound: synthesis jobs, people's recorded readings, jingles."""
