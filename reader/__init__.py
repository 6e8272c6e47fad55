"""Report Lens: a reader for Chinese government work reports.

Everything outside `reader.ui` is the Qt-free core.
"""

from pathlib import Path

__version__ = "0.1.0"

SAMPLE_PATH = Path(__file__).resolve().parent.parent / "resources" / "tancheng_2023.txt"
