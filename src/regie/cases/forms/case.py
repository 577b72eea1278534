"""Forms of the case list and the case itself: they translate input; services decide."""

from __future__ import annotations

from typing import Any

from django import forms

from regie.accounts.models import User
from regie.cases.case_numbers import CaseNumberField
from regie.cases.models import CaseStatus, CaseType, Priority, SubjectRole
from regie.core.html.forms import REQUIRED
from regie.core.html.widgets import LongSelect

CHOICE = {"invalid_choice": "Kies een van de mogelijkheden uit de lijst."}
OPEN_STATUSES = [(value, label) for value, label in CaseStatus.choices if value != CaseStatus.CLOSED]
PERSON_ROLES = [(value, label) for value, label in SubjectRole.choices if value != SubjectRole.LOCATION]
STATUS_ALL = "alle"
UNKNOWN_COORDINATOR = "Kies een coördinator uit de lijst."
NAME_MAX = 100  # longer than any name; a longer text is refused, not searched


class CaseFilterForm(forms.Form):
    casustype = forms.ModelChoiceField(
        label="Casustype",
        queryset=CaseType.objects.order_by("label"),
        to_field_name="code",
        required=False,
        empty_label="Alle casustypen",
        error_messages={"invalid_choice": "Kies een bestaand casustype."},
    )
    status = forms.ChoiceField(
        label="Status",
        choices=[("", "Lopend (niet gesloten)"), *CaseStatus.choices, (STATUS_ALL, "Alle statussen")],
        required=False,
        error_messages={"invalid_choice": "Kies een bestaande status."},
    )
    coordinator = forms.TypedChoiceField(
        label="Coördinator",
        coerce=int,
        required=False,
        empty_value=None,
        widget=LongSelect,
        error_messages={"invalid_choice": UNKNOWN_COORDINATOR},
    )

    def __init__(self, *args: Any, coordinators: list[tuple[int, str]] | None, **kwargs: Any) -> None:
        """With `coordinators`, the coordinator is chosen from a select of them; without (a large municipality),
        it is typed by name in `coordinator_naam` and an earlier choice travels as its id in `coordinator`."""
        super().__init__(*args, **kwargs)
        self.by_name = coordinators is None
        if coordinators is None:
            self.fields["coordinator"] = forms.IntegerField(
                required=False,
                min_value=1,
                max_value=2**63 - 1,  # a user's id is a bigint; past it the database would refuse the filter
                widget=forms.HiddenInput,
                error_messages={k: UNKNOWN_COORDINATOR for k in ("invalid", "min_value", "max_value")},
            )
            self.fields["coordinator_naam"] = forms.CharField(
                label="Coördinator",
                required=False,
                max_length=NAME_MAX,
                help_text="Typ (een deel van) de naam van een collega.",
                error_messages={"max_length": f"Een naam is hoogstens {NAME_MAX} tekens."},
            )
            return
        field = self.fields["coordinator"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Alle coördinatoren"), *coordinators]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.by_name and "coordinator" in self.errors:  # shown at the field a person can reach
            self.add_error("coordinator_naam", self.errors.pop("coordinator"))
        return data


class CaseCreateForm(forms.Form):
    case_type = forms.ModelChoiceField(
        label="Casustype",
        queryset=CaseType.objects.filter(active=True).order_by("label"),
        empty_label="— kies —",
        error_messages={**REQUIRED, "invalid_choice": "Kies een casustype dat in gebruik is."},
    )
    title = forms.CharField(
        label="Titel",
        max_length=200,
        error_messages={**REQUIRED, "max_length": "Een titel is hoogstens 200 tekens."},
        help_text="Kort en zonder gevoelige details; de titel is zichtbaar voor het hele team.",
    )
    priority = forms.ChoiceField(
        label="Prioriteit",
        choices=Priority.choices,
        initial=Priority.NORMAL,
        error_messages={**REQUIRED, "invalid_choice": "Kies een bestaande prioriteit."},
    )
    coordinator = forms.ModelChoiceField(
        label="Coördinator",
        queryset=User.objects.none(),
        empty_label="— kies —",
        error_messages={**REQUIRED, "invalid_choice": "Kies een coördinator uit de lijst."},
        help_text="Het vaste aanspreekpunt van de casus.",
    )
    surname = forms.CharField(label="Achternaam", max_length=120, required=False)
    surname_prefix = forms.CharField(label="Tussenvoegsel", max_length=20, required=False)
    given_names = forms.CharField(label="Voornamen", max_length=120, required=False)
    bsn = forms.CharField(
        label="BSN",
        max_length=11,
        required=False,
        error_messages={"max_length": "Een BSN heeft 9 cijfers."},
    )
    birth_date = forms.DateField(
        label="Geboortedatum",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige datum in (jjjj-mm-dd)."},
    )
    subject_role = forms.ChoiceField(
        label="Rol van de persoon in de casus",
        choices=PERSON_ROLES,
        initial=SubjectRole.INVOLVED,
        error_messages={**REQUIRED, "invalid_choice": "Kies een bestaande rol."},
    )

    PERSON_FIELDS = ("surname", "surname_prefix", "given_names", "bsn", "birth_date")

    def __init__(self, *args: Any, coordinators: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        coordinator_field = self.fields["coordinator"]
        assert isinstance(coordinator_field, forms.ModelChoiceField)
        coordinator_field.queryset = coordinators

    def wants_person(self) -> bool:
        return any(self.cleaned_data.get(name) for name in self.PERSON_FIELDS)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            any(data.get(n) for n in ("surname_prefix", "given_names", "bsn", "birth_date"))
            and not data.get("surname", "").strip()
        ):
            self.add_error("surname", "Vul de achternaam in van de persoon die u aan de casus koppelt.")
        return data


class _OwnIds(forms.Form):
    """Several forms share the overview page: each gets its own element ids."""

    id_prefix = "casus"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class CaseEditForm(_OwnIds):
    id_prefix = "wijzig"
    title = forms.CharField(
        label="Titel",
        max_length=200,
        error_messages={**REQUIRED, "max_length": "Een titel is hoogstens 200 tekens."},
    )
    status = forms.ChoiceField(
        label="Status",
        choices=OPEN_STATUSES,
        error_messages={**REQUIRED, "invalid_choice": "Kies een bestaande status (sluiten gaat apart)."},
    )
    priority = forms.ChoiceField(
        label="Prioriteit",
        choices=Priority.choices,
        error_messages={**REQUIRED, "invalid_choice": "Kies een bestaande prioriteit."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, error_messages=REQUIRED)


class CaseCloseForm(_OwnIds):
    id_prefix = "sluit"
    reason = forms.CharField(
        label="Reden van sluiten",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Geef een reden voor het sluiten van de casus.",
            "max_length": "De reden is hoogstens 2000 tekens.",
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput, error_messages=REQUIRED)


class CaseLinkForm(_OwnIds):
    id_prefix = "koppel"
    other = CaseNumberField(label="Casusnummer")
    reason = forms.CharField(
        label="Reden van de koppeling",
        max_length=200,
        required=False,
        error_messages={"max_length": "De reden is hoogstens 200 tekens."},
    )
