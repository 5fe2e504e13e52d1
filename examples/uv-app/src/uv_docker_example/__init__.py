def hello() -> None:
    print("Hello from uv-docker-example!")
