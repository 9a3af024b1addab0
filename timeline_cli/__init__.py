"""timeline-cli: a command-line timeline explorer for Chinese news."""

__version__ = "0.1.0"
