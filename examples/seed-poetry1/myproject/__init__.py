"""The seed's example project: says hello through a cow."""

import hello


def greet(message: str = "Hello world") -> str:
    said = hello.cow(message)
    print(said)
    return said
