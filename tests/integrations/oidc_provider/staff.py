"""The provider's fictional staff: their password, groups and how they signed in (amr)."""

from __future__ import annotations

PASSWORD = "inlogdienst-wachtwoord"

# username: (given name, family name, e-mail, groups, amr)
STAFF: dict[str, tuple[str, str, str, list[str], list[str]]] = {
    "a.jansen": ("Anna", "Jansen", "a.jansen@lingewaard.example", ["regie-handhaving"], ["pwd", "mfa"]),
    "b.bakker": ("Bram", "Bakker", "b.bakker@lingewaard.example", ["regie-juristen"], ["pwd"]),
    "c.devries": (
        "Carla",
        "de Vries",
        "c.devries@lingewaard.example",
        ["kantine", "personeelsvereniging"],
        ["pwd", "mfa"],
    ),
    "d.visser": (
        "Dirk",
        "Visser",
        "d.visser@lingewaard.example",
        ["regie-juristen", "regie-handhaving"],
        ["pwd", "mfa"],
    ),
}
