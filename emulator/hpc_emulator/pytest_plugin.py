"""pytest plugin registered by the `hpcpack` distribution (filled in by the emulator work)."""
