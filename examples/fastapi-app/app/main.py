"""The service: `uvicorn app.main:app` serves it."""
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="fastapi-app")


class Item(BaseModel):
    id: int
    name: str
    price: float


ITEMS = {
    1: Item(id=1, name="crane", price=12.5),
    2: Item(id=2, name="hook", price=3.0),
}


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/items/{item_id}")
def read_item(item_id: int) -> Item:
    item = ITEMS.get(item_id)
    if item is None:
        raise HTTPException(status_code=404, detail="no such item")
    return item
