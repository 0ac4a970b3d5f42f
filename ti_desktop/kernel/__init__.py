"""The toolkit below every layer: the clock, atomic file writes, progress and cancel, French formatting."""
