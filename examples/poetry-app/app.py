import psycopg2
from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/")
def index():
    return jsonify(status="ok", app="poetry-app")


@app.get("/versions")
def versions():
    # psycopg2's C extension needs libpq5 in the runtime image ([tool.pycrane.apt] runtime).
    return jsonify(psycopg2=psycopg2.__version__, libpq=psycopg2.extensions.libpq_version())


@app.get("/health")
def health():
    return jsonify(status="healthy")
