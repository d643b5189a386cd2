"""User settings, the administrator's policy, paths and credentials."""
