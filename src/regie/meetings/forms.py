"""Forms of the case-meeting pages: parse and check input; the services decide and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from regie.access.case_access import organisations_taking_part
from regie.accounts.models import Municipality, Organisation, User
from regie.cases.extensions import agenda_proposals
from regie.cases.models import DataCategory
from regie.core.html.forms import REQUIRED
from regie.meetings.models import Cadence, MeetingSeries

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MOMENT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
MOMENT_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"]
TEXT = forms.Textarea(attrs={"rows": 3})


class UserChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        organisation = f" ({obj.organisation})" if obj.organisation_id else ""
        return f"{obj}{organisation}"


class MeetingsForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages.update(REQUIRED)
            field.error_messages["invalid_choice"] = "Kies een van de mogelijkheden."
        for name in ("starts_at", "ends_at"):
            if name in self.fields:
                self.fields[name].error_messages["invalid"] = (
                    "Geef een datum en tijd, bijvoorbeeld 14-01-2027 10:00."
                )
        if "due_date" in self.fields:
            self.fields["due_date"].error_messages["invalid"] = "Geef een datum, bijvoorbeeld 14-01-2027."


def _people(municipality: Municipality) -> QuerySet[User]:
    return (
        User.objects.filter(is_active=True, organisation__municipality=municipality)
        .exclude(role__in=["analist", "beheerder", "privacy", ""])
        .select_related("organisation")
        .order_by("last_name", "first_name")
    )


class SeriesForm(MeetingsForm):
    name = forms.CharField(label="Naam van het overleg", max_length=120)
    purpose = forms.CharField(label="Doel", widget=TEXT, max_length=4000)
    legal_basis = forms.CharField(
        label="Grondslag",
        widget=TEXT,
        max_length=4000,
        help_text="Bijvoorbeeld: WGS, AVG art. 6 lid 1 sub e.",
    )
    covenant = forms.CharField(label="Convenant", widget=TEXT, max_length=4000, required=False)
    cadence = forms.ChoiceField(label="Frequentie", choices=Cadence.choices)
    chair = UserChoice(label="Voorzitter", queryset=User.objects.none())
    secretary = UserChoice(label="Secretaris", queryset=User.objects.none(), required=False)
    organisations = forms.ModelMultipleChoiceField(
        label="Convenantpartners",
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text="De organisaties die het convenant tekenden; houd Ctrl of Cmd ingedrukt om er meer te kiezen.",
    )
    agenda_sources = forms.MultipleChoiceField(
        label="Voorstellen voor de agenda",
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 3}),
        help_text="Naast de casussen die hun coördinator aanmeldt om te bespreken.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agenda_sources"].choices = [(s.key, s.label) for s in agenda_proposals]  # type: ignore[attr-defined]
        people = _people(municipality)
        self.fields["chair"].queryset = people  # type: ignore[attr-defined]
        self.fields["secretary"].queryset = people  # type: ignore[attr-defined]
        self.fields["organisations"].queryset = organisations_taking_part(  # type: ignore[attr-defined]
            municipality.pk
        ).order_by("name")


class MeetingForm(MeetingsForm):
    starts_at = forms.DateTimeField(label="Datum en aanvang", widget=MOMENT, input_formats=MOMENT_FORMATS)
    place = forms.CharField(label="Plaats", max_length=200, required=False)
    online_link = forms.URLField(
        label="Link voor online deelname",
        required=False,
        error_messages={"invalid": "Geef een volledige link, beginnend met https://."},
    )


class AttendeeForm(MeetingsForm):
    user = UserChoice(label="Deelnemer", queryset=User.objects.none())
    reason = forms.CharField(
        label="Reden van de uitnodiging",
        widget=TEXT,
        max_length=2000,
        required=False,
        help_text="Nodig voor wie niet bij een convenantpartner hoort (een deelnemer voor één casus).",
    )

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = _people(municipality)  # type: ignore[attr-defined]


class ItemForm(MeetingsForm):
    case_number = forms.CharField(label="Casusnummer", max_length=20, required=False)
    question = forms.CharField(label="Vraag aan het overleg", widget=TEXT, max_length=2000, required=False)
    title = forms.CharField(
        label="Of: onderwerp van een vrij agendapunt",
        max_length=200,
        required=False,
        help_text="Zonder persoonsgegevens, bijvoorbeeld 'Evaluatie van het convenant'.",
    )


class GrantForm(MeetingsForm):
    user = UserChoice(label="Deelnemer", queryset=User.objects.none())
    reason = forms.CharField(label="Reden", widget=TEXT, max_length=2000)
    categories = forms.MultipleChoiceField(
        label="Gegevenscategorieën",
        choices=DataCategory.choices,
        widget=forms.SelectMultiple(attrs={"size": 3}),
    )
    ends_at = forms.DateTimeField(label="Geldig tot", widget=MOMENT, input_formats=MOMENT_FORMATS)

    def __init__(self, *args: Any, attendees: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = attendees  # type: ignore[attr-defined]
        self.fields["categories"].error_messages["required"] = "Kies ten minste één gegevenscategorie."


class MinutesForm(MeetingsForm):
    text = forms.CharField(label="Verslag", widget=forms.Textarea(attrs={"rows": 6}), max_length=20000)
    category = forms.ChoiceField(label="Gegevenscategorie", choices=DataCategory.choices)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AgreementForm(MeetingsForm):
    title = forms.CharField(label="Afspraak", max_length=200)
    owner = UserChoice(label="Uitvoerder", queryset=User.objects.none())
    due_date = forms.DateField(label="Uiterlijk op", widget=DATE, input_formats=["%Y-%m-%d", "%d-%m-%Y"])

    def __init__(self, *args: Any, people: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people  # type: ignore[attr-defined]


class ConfirmForm(MeetingsForm):
    confirm = forms.BooleanField(
        label="Ik heb de verklaring gelezen en houd mij eraan",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["confirm"].error_messages["required"] = "Bevestig de verklaring om de agenda te zien."


class SeriesChoice(forms.ModelChoiceField):
    def to_python(self, value: Any) -> Any:
        try:
            return super().to_python(value)
        except forms.ValidationError:  # not an id at all: the same Dutch answer as an unknown one
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class DiscussionRequestForm(MeetingsForm):
    series = SeriesChoice(label="Overleg", queryset=MeetingSeries.objects.none())
    question = forms.CharField(label="Vraag aan het overleg", widget=TEXT, max_length=2000)

    def __init__(self, *args: Any, series: QuerySet[MeetingSeries], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = series  # type: ignore[attr-defined]


class ApproveForm(MeetingsForm):
    seen = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["seen"].error_messages["required"] = (
            "Het formulier is onvolledig; laad de pagina opnieuw."
        )
        self.fields["seen"].error_messages["invalid"] = "Het formulier is onvolledig; laad de pagina opnieuw."
