import sys

from hatch_cli.cli import main

sys.exit(main())
