"""Stage packages name their one step without importing it (PEP 562).

`reader.indicators.pairs` is read by the window before its first paint; importing the package
must not pull in the linking code (and jieba's wrapper) with it. Each stage's `__init__`
lists its exports with `exports(...)`; type checkers read the same names under
`TYPE_CHECKING`.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def exports(package: str, names: dict[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` that imports `names[attr]` (a submodule of `package`) on first
    use and returns its `attr`. Raises AttributeError for any other name."""

    def __getattr__(attr: str) -> Any:
        module = names.get(attr)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {attr!r}")
        return getattr(import_module(f"{package}.{module}"), attr)

    return __getattr__
