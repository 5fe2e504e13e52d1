"""A small FastAPI service managed with pipenv (an application, not a package)."""
