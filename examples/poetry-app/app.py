from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/")
def index():
    return jsonify(status="ok", app="poetry-app")


@app.get("/health")
def health():
    return jsonify(status="healthy")
