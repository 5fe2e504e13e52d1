import sys

from myproject import greet

if __name__ == "__main__":
    greet(" ".join(sys.argv[1:]) or "Hello world")
