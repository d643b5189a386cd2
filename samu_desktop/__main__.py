import sys

from samu_desktop.cli import main

sys.exit(main())
