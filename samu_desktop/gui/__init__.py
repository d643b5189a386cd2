"""Everything that imports Qt. The core never imports this package."""

# PySide6's import hook inspects every module imported after it; when pydantic is
# first loaded after PySide6, the hook can reach pydantic's lazy attributes while
# pydantic is half initialised and the import fails. Loading the settings model
# (and with it pydantic) before any Qt module avoids that, whatever is imported first.
import samu_desktop.config.settings  # noqa: F401
