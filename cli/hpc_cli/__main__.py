"""`python -m hpc_cli` = the `hpc` command (handy when the venv's bin is not on PATH)."""

from .main import app

app(prog_name="hpc")
