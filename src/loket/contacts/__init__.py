"""KCC: contacts with citizens and businesses on every channel, parties, hand-overs, 360° view."""
