"""The `repertoires` command line."""
