"""`python -m service` serves the app on port 8000 of every interface."""

import os

import uvicorn


def run() -> None:
    uvicorn.run("service.main:app", host="0.0.0.0", port=int(os.environ.get("PORT", "8000")))


if __name__ == "__main__":
    run()
