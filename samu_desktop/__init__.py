"""samu-desktop: report incidents on the SI-SAMU national tools."""

# The one version source: pyproject.toml reads it, so do --version, the About
# box and the e-mail headers.
__version__ = "0.1.0"
