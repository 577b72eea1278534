"""Extension points: how an app lower in the house lets the apps above it contribute, without importing them.

The layering (decision 0010) lets an app import only the apps below it. Where a lower app's page or answer must show
something an upper app knows — the procedures on a case's overview, the residence status of a park lot among a
case's locations, the park's project leader as a letter's contact — the lower app declares an `ExtensionPoint`
and the upper app registers its contribution when Django starts (`AppConfig.ready`). The lower app stays
ignorant of who contributes; a theme app that is not installed contributes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class ExtensionPoint(Generic[T]):
    """A named list of contributions, in the order the apps registered them (the order of INSTALLED_APPS)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._items: list[T] = []

    def register(self, item: T) -> T:
        """Add a contribution once (registering the same one again changes nothing); returns it, so it can
        decorate a function."""
        if item not in self._items:
            self._items.append(item)
        return item

    def __iter__(self) -> Iterator[T]:
        return iter(tuple(self._items))

    def __repr__(self) -> str:
        return f"ExtensionPoint({self.name!r}, {len(self._items)} bijdragen)"
