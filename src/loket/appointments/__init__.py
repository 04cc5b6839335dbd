"""Appointments at the municipality's counters: locations, free slots, booking (issue 12)."""
