"""Rendering outputs: JSON, Excel and HTML built in memory, then written atomically."""
