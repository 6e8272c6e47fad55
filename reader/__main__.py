import sys

from reader.runtime import regex_cache

regex_cache.install()  # before the commands' modules compile their patterns
regex_cache.saved_on_exit()
from reader.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
