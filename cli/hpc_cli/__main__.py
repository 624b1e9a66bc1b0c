"""`python -m hpc_cli` = the `hpc` command (handy when the venv's bin is not on PATH)."""

from ._entry import main

main()
