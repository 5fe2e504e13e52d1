"""A tiny Flask service: an application factory that gunicorn calls (`app:create_app()`)."""

import platform

from flask import Flask, jsonify


def create_app() -> Flask:
    app = Flask(__name__)

    @app.get("/")
    def index():
        return jsonify(app="pip-requirements", python=platform.python_version())

    @app.get("/health")
    def health():
        return jsonify(status="healthy")

    return app
