"""hatch-cli: greets in several languages and can check that URLs answer."""

__version__ = "0.4.1"
