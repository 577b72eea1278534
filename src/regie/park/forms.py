"""Forms of the park pages: parse and check input; the services decide and write."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from regie.accounts.models import User
from regie.park.indicator_selectors import indicators_in_force
from regie.park.models import EvidenceKind, Outcome, PlanningStatus, ResidenceStatus
from regie.subjects.identity import kvk_error
from regie.subjects.models import Business, Person

SORTS = (
    ("kavel", "Kavelnummer"),
    ("status", "Bewoningsstatus"),
    ("inspectie", "Laatste inspectie"),
    ("termijn", "Eerstvolgende termijn"),
)

# ISO dates: a browser's date picker ignores a value in Dutch notation (28-11-2026).
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OverviewFilter(forms.Form):
    status = forms.ChoiceField(
        label="Bewoningsstatus", required=False, choices=[("", "Alle statussen"), *ResidenceStatus.choices]
    )
    procedure = forms.ChoiceField(
        label="Procedure",
        required=False,
        choices=[
            ("", "Met en zonder procedure"),
            ("ja", "Met lopende procedure"),
            ("nee", "Zonder procedure"),
        ],
    )
    sorteer = forms.ChoiceField(label="Sorteren op", required=False, choices=SORTS)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Nieuwe bewoningsstatus", choices=ResidenceStatus.choices)
    on_date = forms.DateField(label="Datum", widget=DATE)
    evidence_kind = forms.ChoiceField(label="Soort bewijs", choices=EvidenceKind.choices)
    evidence = forms.CharField(label="Bewijs", max_length=500, widget=forms.Textarea(attrs={"rows": 3}))


class RoundForm(forms.Form):
    planned_on = forms.DateField(label="Datum van de ronde", widget=DATE)
    inspectors = forms.ModelMultipleChoiceField(
        label="Inspecteurs (gemeente en provincie)",
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies ten minste één inspecteur."},
    )
    sample_size = forms.IntegerField(
        label="Omvang van de steekproef",
        min_value=0,
        max_value=200,
        initial=5,
        help_text="Naast alle kavels met een risico: zoveel kavels willekeurig uit de rest.",
    )
    note = forms.CharField(label="Toelichting", required=False, max_length=300)

    def __init__(self, *args: Any, inspectors: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["inspectors"].queryset = inspectors if inspectors is not None else User.objects.none()  # type: ignore[attr-defined]
        self.fields["inspectors"].label_from_instance = (  # type: ignore[attr-defined]
            lambda u: f"{u.get_full_name() or u.username} ({u.organisation})"
        )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern); the service sniffs each one's content."""

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return single(data, initial)


class InspectionForm(forms.Form):
    indicators = forms.MultipleChoiceField(
        label="Aanwijzingen voor hoofdverblijf",
        required=False,
        choices=lambda: [(i.code, i.label) for i in indicators_in_force()],  # read from the table per form
        widget=forms.CheckboxSelectMultiple,
    )
    entry_consent = forms.BooleanField(label="De bewoner gaf toestemming om binnen te treden", required=False)
    findings = forms.CharField(
        label="Bevindingen",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Wat u zag en hoorde, feitelijk (dit komt in het rapport van bevindingen).",
        error_messages={"required": "Beschrijf wat u hebt gezien en gehoord (de bevindingen)."},
    )
    outcome = forms.ChoiceField(
        label="Uitkomst",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies de uitkomst van de inspectie."},
    )
    photos = MultipleFileField(
        label="Foto's",
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png", "capture": "environment"}),
        help_text="JPEG of PNG; hoogstens 10.",
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label="Toelichting",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Vul een toelichting in."},
    )


class OccupantForm(forms.Form):
    given_names = forms.CharField(label="Voornamen", required=False, max_length=120)
    name_prefix = forms.CharField(label="Tussenvoegsel", required=False, max_length=20)
    surname = forms.CharField(
        label="Achternaam", max_length=120, error_messages={"required": "Vul de achternaam in."}
    )
    birth_date = forms.DateField(label="Geboortedatum", required=False, widget=DATE)
    from_date = forms.DateField(
        label="Woont of verblijft hier vanaf",
        widget=DATE,
        error_messages={"required": "Vul de datum in vanaf wanneer deze persoon hier verblijft."},
    )
    registered_here = forms.BooleanField(label="Ingeschreven (BRP) op het adres van de kavel", required=False)


class PermitForm(forms.Form):
    holder = forms.ModelChoiceField(
        label="Houder",
        queryset=Person.objects.none(),
        error_messages={"required": "Kies de houder van de beschikking."},
    )
    granted_on = forms.DateField(label="Datum beschikking", widget=DATE)
    basis = forms.CharField(
        label="Grondslag",
        max_length=300,
        initial="Hoofdverblijf op het park sinds vóór 31 oktober 2003",
    )

    def __init__(self, *args: Any, holders: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = holders  # type: ignore[attr-defined]


class ToleranceForm(forms.Form):
    decided_on = forms.DateField(label="Datum gedoogbesluit", widget=DATE)
    ends_on = forms.DateField(label="Einddatum", widget=DATE)
    description = forms.CharField(label="Omschrijving", max_length=300)


# An <input type="date"> only takes ISO dates as its value (the Dutch input format would show it empty).
BAD_DATE = "Vul een geldige datum in (dag, maand en jaar)."


class ParkForm(forms.Form):
    """A park's register data; the KvK number is looked up among the businesses Regie knows."""

    name = forms.CharField(
        label="Naam van het park",
        max_length=160,
        error_messages={
            "required": "Vul de naam van het park in.",
            "max_length": "De naam van het park is hoogstens %(limit_value)d tekens.",
        },
    )
    planning_status = forms.ChoiceField(
        label="Planologische status",
        choices=PlanningStatus.choices,
        error_messages={
            "required": "Kies de planologische status.",
            "invalid_choice": "Kies een bestaande planologische status.",
        },
    )
    management_kvk = forms.CharField(
        label="KvK-nummer van de eigenaar of het parkbeheer",
        required=False,
        max_length=20,
        help_text="Het bedrijf moet al in Regie bekend zijn. Laat leeg als er geen eigenaar of parkbeheer is.",
        error_messages={"max_length": "Het KvK-nummer moet uit 8 cijfers bestaan."},
    )
    contact = forms.CharField(
        label="Contact parkbeheer",
        required=False,
        max_length=200,
        help_text="Bijvoorbeeld naam, adres en telefoonnummer van het parkbeheer.",
        error_messages={"max_length": "Het contact van het parkbeheer is hoogstens %(limit_value)d tekens."},
    )
    project_leader = forms.ModelChoiceField(
        label="Vast aanspreekpunt (projectleider)",
        required=False,
        queryset=User.objects.none(),
        empty_label="Nog geen vast aanspreekpunt",
        error_messages={"invalid_choice": "Kies een projectleider uit de lijst."},
    )

    def __init__(
        self,
        *args: Any,
        leaders: Any = None,
        find_business: Callable[[str], Business | None] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        # Looks a KvK number up through the park door: a business the user may not name is "not known".
        self.find_business = find_business or (lambda _kvk: None)
        field = self.fields["project_leader"]
        field.queryset = leaders if leaders is not None else User.objects.none()  # type: ignore[attr-defined]
        field.label_from_instance = lambda u: u.get_full_name() or u.username  # type: ignore[attr-defined]

    def clean_management_kvk(self) -> Business | None:
        kvk = "".join(ch for ch in self.cleaned_data["management_kvk"] if ch not in " .")
        if not kvk:
            return None
        message = kvk_error(kvk)
        if message:
            raise ValidationError(message)
        business = self.find_business(kvk)
        if business is None:
            raise ValidationError(f"Er is geen bedrijf met KvK-nummer {kvk} bekend in Regie.")
        return business


class RoundEditForm(RoundForm):
    """The changeable parts of a round that has not started."""

    planned_on = forms.DateField(
        label="Datum van de ronde",
        widget=DATE,
        error_messages={"required": "Vul de datum van de ronde in.", "invalid": BAD_DATE},
    )
    sample_size = forms.IntegerField(
        label="Omvang van de steekproef",
        min_value=0,
        max_value=200,
        help_text="De kavels met een risico blijven in de ronde; de steekproef wordt bijgewerkt naar dit aantal.",
        error_messages={
            "required": "Vul de omvang van de steekproef in (0 mag).",
            "invalid": "Vul de omvang van de steekproef in als een heel getal.",
            "min_value": "De steekproef is 0 tot en met 200 kavels.",
            "max_value": "De steekproef is 0 tot en met 200 kavels.",
        },
    )
    note = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=300,
        error_messages={"max_length": "De toelichting is hoogstens %(limit_value)d tekens."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["inspectors"].error_messages.update(
            {
                "invalid_choice": "Kies inspecteurs uit de lijst (handhavers, projectleiders of de provincie).",
                "invalid_pk_value": "Kies inspecteurs uit de lijst (handhavers, projectleiders of de provincie).",
            }
        )


class RoundCancelForm(forms.Form):
    reason = forms.CharField(
        label="Reden van de annulering",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="De ronde blijft bewaard als geannuleerd, met deze reden.",
        error_messages={
            "required": "Geef de reden waarom de ronde niet doorgaat.",
            "max_length": "De reden is hoogstens %(limit_value)d tekens.",
        },
    )


class OccupancyEndForm(forms.Form):
    to_date = forms.DateField(
        label="Laatste dag van de bewoning",
        widget=DATE,
        help_text="De dag van vertrek, vandaag of eerder; niet voor de begindatum.",
        error_messages={"required": "Vul de einddatum van de bewoning in.", "invalid": BAD_DATE},
    )


NEW_INDICATOR_ROWS = 3
ORDER_ERRORS = {
    "invalid": "Vul bij de volgorde een geheel getal in.",
    "min_value": "De volgorde is ten minste 0.",
    "max_value": "De volgorde is hoogstens 9999.",
}


class IndicatorPolicyForm(forms.Form):
    """A new version of the indicators of main residence: every indicator of the version in force (its code fixed,
    its label, order and whether it is offered changeable) and a few empty rows for new ones."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    note = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=300,
        help_text="Waarom deze versie, bijvoorbeeld het besluit waarop ze berust.",
        error_messages={"max_length": "Gebruik hoogstens 300 tekens."},
    )

    def __init__(self, *args: Any, current: Sequence[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.row_prefixes: list[tuple[str, bool]] = []
        for n, indicator in enumerate(current):
            self._add_row(f"i{n}", existing=indicator)
        for n in range(NEW_INDICATOR_ROWS):
            self._add_row(f"n{n}", existing=None)

    def _add_row(self, prefix: str, *, existing: Any) -> None:
        name = f"‘{existing.label}’" if existing is not None else f"nieuwe indicator {prefix[1:]}"
        if existing is not None:
            self.fields[f"{prefix}-code"] = forms.CharField(
                widget=forms.HiddenInput, initial=existing.code, required=False
            )
        else:
            self.fields[f"{prefix}-code"] = forms.CharField(
                label=f"Code, {name}",
                required=False,
                max_length=40,
                widget=forms.TextInput(attrs={"size": 16}),
            )
        self.fields[f"{prefix}-label"] = forms.CharField(
            label=f"Omschrijving, {name}",
            required=False,
            initial=existing.label if existing is not None else "",
            widget=forms.TextInput(attrs={"size": 48}),
        )
        self.fields[f"{prefix}-order"] = forms.IntegerField(
            label=f"Volgorde, {name}",
            required=existing is not None,
            min_value=0,
            max_value=9999,
            initial=existing.order if existing is not None else None,
            widget=forms.NumberInput(attrs={"size": 5}),
            error_messages={**ORDER_ERRORS, "required": "Vul de volgorde in."},
        )
        self.fields[f"{prefix}-active"] = forms.BooleanField(
            label=f"Aangeboden, {name}",
            required=False,
            initial=existing.active if existing is not None else True,
        )
        self.row_prefixes.append((prefix, existing is not None))

    def rows(self) -> list[dict[str, Any]]:
        """The bound fields per row, for the table."""
        return [
            {
                "existing": existing,
                **{part: self[f"{prefix}-{part}"] for part in ("code", "label", "order", "active")},
            }
            for prefix, existing in self.row_prefixes
        ]

    def indicators(self) -> list[dict[str, Any]]:
        """The filled-in rows (an empty new row is skipped), as plain values for the service."""
        data = self.cleaned_data
        found = []
        orders = [data.get(f"{p}-order") for p, _ in self.row_prefixes]
        following = max([o for o in orders if o is not None], default=0)
        for prefix, existing in self.row_prefixes:
            code = (data.get(f"{prefix}-code") or "").strip()
            label = (data.get(f"{prefix}-label") or "").strip()
            order = data.get(f"{prefix}-order")
            if not existing and not code and not label and order is None:
                continue
            if order is None:  # a new indicator without an order goes last
                following = order = min(following + 10, 9999)
            found.append(
                {
                    "code": code,
                    "label": label,
                    "order": order,
                    "active": bool(data.get(f"{prefix}-active")),
                }
            )
        return found
