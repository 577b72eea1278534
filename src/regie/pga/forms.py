"""Forms of the PGA pages: parse and check input; the services decide and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from regie.accounts.models import Organisation, User
from regie.core.html.forms import REQUIRED
from regie.pga.models import Cooperation, Decision, ExitReason, Urgency
from regie.pga.screening import Checklist

# ISO dates: a browser's date picker ignores a value in Dutch notation (28-11-2026).
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})


class PgaForm(forms.Form):
    """A form whose empty required fields say so in the house's words."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.house_messages()

    def house_messages(self) -> None:
        for field in self.fields.values():
            field.error_messages.update(REQUIRED)


class ReferralForm(PgaForm):
    bsn = forms.CharField(
        label="BSN", required=False, max_length=11, help_text="Laat leeg als u het BSN niet weet."
    )
    given_names = forms.CharField(label="Voornamen", required=False, max_length=120)
    name_prefix = forms.CharField(label="Tussenvoegsel", required=False, max_length=20)
    surname = forms.CharField(label="Achternaam", required=False, max_length=120)
    birth_date = forms.DateField(label="Geboortedatum", required=False, widget=DATE)
    reason = forms.CharField(label="Reden van aanmelding", widget=TEXT, max_length=4000)
    goal = forms.CharField(label="Doel van de aanmelding", widget=TEXT, max_length=4000)
    partners_involved = forms.CharField(
        label="Partners die al betrokken zijn", required=False, widget=TEXT, max_length=2000
    )
    urgency = forms.ChoiceField(label="Urgentie", choices=Urgency.choices, initial=Urgency.NORMAL)


class SignalReferralForm(PgaForm):
    """Refer a confirmed person of a signal: the signal's description is the reason."""

    person = forms.ChoiceField(label="Persoon", widget=forms.RadioSelect)
    goal = forms.CharField(label="Doel van de aanmelding", widget=TEXT, max_length=4000)
    partners_involved = forms.CharField(
        label="Partners die al betrokken zijn", required=False, widget=TEXT, max_length=2000
    )
    urgency = forms.ChoiceField(label="Urgentie", choices=Urgency.choices, initial=Urgency.NORMAL)

    def __init__(self, *args: Any, persons: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = persons  # type: ignore[attr-defined]
        if len(persons) == 1:
            self.fields["person"].initial = persons[0][0]


class ScreeningForm(PgaForm):
    def __init__(self, *args: Any, checklist: Checklist, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.checklist = checklist
        for item in checklist.items:
            self.fields[f"criterium_{item.code}"] = forms.BooleanField(label=item.label, required=False)
        self.fields["decision"] = forms.ChoiceField(
            label="Besluit", choices=Decision.choices, widget=forms.RadioSelect
        )
        self.fields["reasons"] = forms.CharField(label="Motivering", widget=TEXT, max_length=4000)
        self.fields["advice"] = forms.CharField(
            label="Verwijsadvies bij niet opnemen",
            required=False,
            max_length=300,
            help_text="Bijvoorbeeld: sociaal wijkteam, reguliere zorg.",
        )
        self.house_messages()

    def criteria(self) -> dict[str, bool]:
        return {code: bool(self.cleaned_data.get(f"criterium_{code}")) for code in self.checklist.labels}

    def criteria_fields(self) -> list[Any]:
        return [self[f"criterium_{code}"] for code in self.checklist.labels]


class LetterForm(PgaForm):
    """Making the informing letter asks nothing: the letter is filled from the case."""


class ScoreForm(PgaForm):
    domain = forms.ChoiceField(label="Leefdomein")
    score = forms.TypedChoiceField(
        label="Score",
        coerce=int,
        choices=[
            (1, "1 — acuut probleem"),
            (2, "2 — niet zelfredzaam"),
            (3, "3 — beperkt zelfredzaam"),
            (4, "4 — voldoende zelfredzaam"),
            (5, "5 — volledig zelfredzaam"),
        ],
    )
    scored_on = forms.DateField(label="Datum van de score", widget=DATE)
    reason = forms.CharField(label="Toelichting", max_length=300)

    def __init__(self, *args: Any, domains: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["domain"].choices = domains  # type: ignore[attr-defined]


class PlanForm(PgaForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    goal = forms.CharField(label="Doel", required=False, widget=TEXT, max_length=2000)
    actions = forms.CharField(label="Afgesproken acties", required=False, widget=TEXT, max_length=4000)
    partner = forms.ModelChoiceField(
        label="Verantwoordelijke partner", required=False, queryset=Organisation.objects.none()
    )
    task_title = forms.CharField(label="Nieuwe actie als taak (optioneel)", required=False, max_length=150)
    task_owner = forms.ModelChoiceField(
        label="Uitvoerder van de taak", required=False, queryset=User.objects.none()
    )
    task_due = forms.DateField(label="Uiterste datum van de taak", required=False, widget=DATE)

    def __init__(
        self, *args: Any, partners: QuerySet[Organisation], owners: QuerySet[User], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners  # type: ignore[attr-defined]
        self.fields["task_owner"].queryset = owners  # type: ignore[attr-defined]


class EvaluationForm(PgaForm):
    held_on = forms.DateField(label="Datum evaluatie", widget=DATE)
    cooperation = forms.ChoiceField(label="Medewerking van betrokkene", choices=Cooperation.choices)
    progress = forms.CharField(label="Voortgang", widget=TEXT, max_length=4000)
    result = forms.CharField(label="Resultaat", widget=TEXT, max_length=4000)


class InformForm(PgaForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    informed_on = forms.DateField(label="Geïnformeerd op", required=False, widget=DATE)
    contra_indication = forms.CharField(
        label="Of: contra-indicatie (reden om niet te informeren)",
        required=False,
        widget=TEXT,
        max_length=2000,
    )
    review_on = forms.DateField(label="Heroverwegen op", required=False, widget=DATE)


class RolesForm(PgaForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    process_director = forms.ModelChoiceField(label="Procesregisseur", queryset=User.objects.none())
    case_director = forms.ModelChoiceField(
        label="Casusregisseur", required=False, queryset=User.objects.none()
    )

    def __init__(self, *args: Any, people: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["process_director"].queryset = people  # type: ignore[attr-defined]
        self.fields["case_director"].queryset = people  # type: ignore[attr-defined]


class ExitForm(PgaForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    kind = forms.ChoiceField(
        label="Afschalen of afsluiten",
        choices=[("afschalen", "Afschalen (naar reguliere zorg of wijkteam)"), ("afsluiten", "Afsluiten")],
        widget=forms.RadioSelect,
    )
    reason = forms.ChoiceField(label="Reden", choices=[("", "Kies een reden"), *ExitReason.choices])
    explanation = forms.CharField(label="Toelichting", required=False, widget=TEXT, max_length=2000)
    follow_up_on = forms.DateField(
        label="Nazorgcontrole op", required=False, widget=DATE, help_text="Bijvoorbeeld over zes maanden."
    )
