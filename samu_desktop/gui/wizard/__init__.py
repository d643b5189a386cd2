"""The report wizard, generated from the procedure catalogue."""
