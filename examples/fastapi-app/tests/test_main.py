from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)


def test_health():
    assert client.get("/health").json() == {"status": "ok"}


def test_item():
    assert client.get("/items/1").json() == {"id": 1, "name": "crane", "price": 12.5}
    assert client.get("/items/9").status_code == 404
