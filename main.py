"""Report Lens from a checkout: `python main.py [FILE]` boots the window as the installed
`report-lens` command does (reader/ui/launch.py), on FILE or the embedded sample."""

import sys

from reader.ui.launch import main

if __name__ == "__main__":
    sys.exit(main(sys.argv))
