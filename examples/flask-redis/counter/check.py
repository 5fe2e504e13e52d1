"""Proves a worker runs tasks: `python -m counter.check` sends add(2, 3) through the broker
and waits for the result (5) in the result backend; exit 0 when it came back."""
import sys

from .tasks import add


def main() -> int:
    result = add.delay(2, 3)
    value = result.get(timeout=60)
    print(f"add(2, 3) = {value} (task {result.id})")
    return 0 if value == 5 else 1


if __name__ == "__main__":
    sys.exit(main())
