"""Everything that imports Qt. The core never imports this package.

Nothing is loaded here: the application's first window needs Qt alone, and the
settings model (pydantic) loads after its first paint. Import order does not
matter (``tests/test_architecture.py`` imports each module in a fresh interpreter).
"""
