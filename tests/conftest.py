"""Shared pytest configuration. Emulator fixtures come from the `hpc_emulator` pytest plugin."""
