from counter import create_app
from counter.tasks import add


def test_health():
    client = create_app("redis://localhost:1/0").test_client()
    assert client.get("/health").get_json() == {"status": "ok"}


def test_add_runs_eagerly():
    assert add.apply(args=(2, 3)).get() == 5
