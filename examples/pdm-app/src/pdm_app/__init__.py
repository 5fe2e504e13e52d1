"""pdm-app: counts the words of a text and shows them in a table."""

__version__ = "0.2.0"
