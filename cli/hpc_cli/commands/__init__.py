"""One module per HPC Pack noun (job, task, node, session...), each exposing a Typer `app`."""
