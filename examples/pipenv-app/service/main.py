import platform

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI(title="pipenv-app")


class Greeting(BaseModel):
    message: str


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "healthy"}


@app.get("/")
def index() -> dict[str, str]:
    return {"app": "pipenv-app", "python": platform.python_version()}


@app.get("/hello/{name}")
def hello(name: str) -> Greeting:
    return Greeting(message=f"Hello, {name}!")
