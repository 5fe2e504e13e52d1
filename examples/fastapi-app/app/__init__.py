"""A small FastAPI service."""
