"""Everything that imports Qt. The core never imports this package."""
