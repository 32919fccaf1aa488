"""Run the command line: ``python -m taikai``."""

from taikai.cli import main

if __name__ == "__main__":
    main()
