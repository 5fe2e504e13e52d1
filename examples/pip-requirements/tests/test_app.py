import pytest
from flask import Flask

from app import create_app


@pytest.fixture
def app() -> Flask:
    # Keep the app referenced: Flask 2.2's JSON provider holds it only weakly.
    return create_app()


def test_health(app: Flask) -> None:
    response = app.test_client().get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "healthy"}


def test_index_names_the_app(app: Flask) -> None:
    response = app.test_client().get("/")
    assert response.status_code == 200
    assert response.get_json()["app"] == "pip-requirements"
