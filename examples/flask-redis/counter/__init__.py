"""A Flask app that counts its visits in Redis; `gunicorn "counter:create_app()"` serves it."""
import os

import redis
from flask import Flask, jsonify


def create_app(redis_url=None):
    app = Flask(__name__)
    app.config["REDIS_URL"] = redis_url or os.environ.get("REDIS_URL", "redis://localhost:6379/0")
    # The client connects on first use: the app starts (and /health answers) before Redis does.
    store = redis.Redis.from_url(app.config["REDIS_URL"])

    @app.get("/health")
    def health():
        return jsonify(status="ok")

    @app.get("/count")
    def count():
        return jsonify(hits=store.incr("hits"))

    return app
