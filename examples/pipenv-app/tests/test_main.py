from fastapi.testclient import TestClient

from service.main import app

client = TestClient(app)


def test_health() -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "healthy"}


def test_hello_greets_by_name() -> None:
    response = client.get("/hello/pycrane")
    assert response.status_code == 200
    assert response.json() == {"message": "Hello, pycrane!"}
