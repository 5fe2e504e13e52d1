"""The Celery app: Redis is the broker and the result backend (`celery -A counter worker`)."""
import os

from celery import Celery

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

app = Celery(
    "counter",
    broker=os.environ.get("CELERY_BROKER_URL", REDIS_URL),
    backend=os.environ.get("CELERY_RESULT_BACKEND", REDIS_URL),
    include=["counter.tasks"],
)
app.conf.broker_connection_retry_on_startup = True
