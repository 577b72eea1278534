"""Forms of digital safety: the self-check built from its definition, the call-back request, staff forms."""

from __future__ import annotations

import json
from typing import Any

from django import forms

from regie.digital.content import CHECK_KINDS, all_questions, options_of
from regie.digital.models import Campaign, Channel, ContentKind, TargetGroup

ANSWER_ERRORS = {
    "required": "Kies een antwoord op deze vraag.",
    "invalid_choice": "Dit antwoord hoort niet bij deze vraag. Kies een van de antwoorden.",
}


class SelfCheckForm(forms.Form):
    """One radio group per question of the version in force; the postcode area is optional."""

    postcode_area = forms.CharField(
        label="De 4 cijfers van uw postcode",
        required=False,
        max_length=4,
        help_text="Niet verplicht. Zo ziet de gemeente in welke wijk de check wordt gedaan. Alleen de cijfers, "
        "bijvoorbeeld 6971.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 6}),
    )
    campaign = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def __init__(self, definition: dict[str, Any], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.definition = definition
        for q in all_questions(definition):
            self.fields[q["code"]] = forms.ChoiceField(
                label=q["text"],
                choices=[(o["value"], o["label"]) for o in options_of(definition, q)],
                widget=forms.RadioSelect,
                error_messages=ANSWER_ERRORS,
            )
        # The postcode and the campaign last, after the questions.
        self.order_fields([q["code"] for q in all_questions(definition)] + ["postcode_area", "campaign"])

    def groups(self) -> list[tuple[dict[str, Any], list[forms.BoundField]]]:
        """The questions per topic (and the risk questions as their own group), as the page shows them."""
        out = []
        for topic in self.definition["topics"]:
            codes = [q["code"] for q in self.definition["questions"] if q["topic"] == topic["code"]]
            out.append((topic, [self[c] for c in codes]))
        risk = self.definition.get("risk")
        if risk:
            out.append(
                ({"code": "risico", "label": risk.get("title", "Risico"), "intro": risk.get("intro", "")},
                 [self[q["code"]] for q in risk["questions"]])
            )  # fmt: skip
        return out

    def answers(self) -> dict[str, str]:
        return {q["code"]: self.cleaned_data[q["code"]] for q in all_questions(self.definition)}


class FollowUpRequestForm(forms.Form):
    situation = forms.ChoiceField(label="Wat is er gebeurd?", choices=())
    story = forms.CharField(
        label="Wilt u iets vertellen over wat er is gebeurd?",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Niet verplicht. Schrijf geen wachtwoorden of pincodes op.",
    )
    given_names = forms.CharField(label="Voornaam", required=False, max_length=120)
    surname = forms.CharField(
        label="Achternaam", max_length=120, error_messages={"required": "Vul uw achternaam in."}
    )
    phone = forms.CharField(label="Telefoonnummer", required=False, max_length=30)
    email = forms.CharField(label="E-mailadres", required=False, max_length=254)
    consent = forms.BooleanField(label="Ja, ik geef hiervoor toestemming", required=False)
    website = forms.CharField(  # a trap for robots
        label="Laat dit veld leeg",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(
        self, situations: list[dict[str, Any]], consent_text: str, *args: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        situation_field = self.fields["situation"]
        assert isinstance(situation_field, forms.ChoiceField)
        situation_field.choices = [("", "Kies wat er is gebeurd")] + [
            (s["code"], s["label"]) for s in situations
        ]
        self.fields["situation"].error_messages["required"] = "Kies wat er is gebeurd."
        self.consent_text = consent_text
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "inputmode": "email"})
        self.fields["surname"].widget.attrs.update({"autocomplete": "family-name"})
        self.fields["given_names"].widget.attrs.update({"autocomplete": "given-name"})

    def clean(self) -> dict[str, Any]:
        """Every missing part at once (the service checks the same again before anything is stored)."""
        data = super().clean() or {}
        if not data.get("consent"):
            self.add_error(
                "consent",
                "Zet een vinkje als u wilt dat wij contact met u opnemen. Zonder toestemming bewaren wij niets.",
            )
        if not (data.get("phone") or "").strip() and not (data.get("email") or "").strip():
            self.add_error(
                "phone", "Vul een telefoonnummer of een e-mailadres in, zodat wij u kunnen bereiken."
            )
        return data


class FollowUpRecordForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    first_contact_on = forms.DateField(
        label="Eerste contact gehad op",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    referral = forms.CharField(
        label="Doorverwezen naar", required=False, max_length=200,
        help_text="Bijvoorbeeld: Slachtofferhulp Nederland (aangemeld met toestemming), politie, Fraudehelpdesk.",
    )  # fmt: skip
    second_contact_on = forms.DateField(
        label="Tweede contact (na 4 weken) gehad op",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    staff_note = forms.CharField(
        label="Notitie", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CampaignForm(forms.Form):
    name = forms.CharField(label="Naam", max_length=160)
    code = forms.SlugField(
        label="Campagnecode",
        max_length=40,
        help_text="Kleine letters, cijfers en streepjes. De publieke link wordt /veilig-online?campagne=<code>.",
        error_messages={"invalid": "Gebruik alleen kleine letters, cijfers en streepjes."},
    )
    description = forms.CharField(
        label="Omschrijving", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    target_group = forms.ChoiceField(label="Doelgroep", choices=TargetGroup.choices)
    channel = forms.ChoiceField(label="Kanaal", choices=Channel.choices)
    starts_on = forms.DateField(
        label="Begindatum", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    ends_on = forms.DateField(
        label="Einddatum", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    attendees = forms.IntegerField(label="Deelnemers", min_value=0, initial=0)
    leaflets = forms.IntegerField(label="Verspreide folders", min_value=0, initial=0)
    views = forms.IntegerField(
        label="Weergaven online",
        min_value=0,
        initial=0,
        help_text="Bijvoorbeeld het bereik van berichten op sociale media.",
    )
    checks = forms.MultipleChoiceField(
        label="Gekoppelde checks",
        required=False,
        choices=[(k.value, k.label) for k in ContentKind if k in CHECK_KINDS],
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "Een check die u koppelt, telt voor deze campagne in de versie die nu geldt; "
            "wordt de check later gewijzigd, dan blijft de campagne die versie tellen."
        ),
    )

    @classmethod
    def initial_of(cls, campaign: Campaign) -> dict[str, Any]:
        return {name: getattr(campaign, name) for name in cls.base_fields}


class ContentForm(forms.Form):
    definition = forms.CharField(
        label="Inhoud (JSON)",
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "false", "class": "regie-code"}),
    )
    note = forms.CharField(label="Wat is er veranderd?", max_length=300)

    def clean_definition(self) -> Any:
        try:
            return json.loads(self.cleaned_data["definition"])
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(
                f"Dit is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}): {exc.msg}."
            ) from exc
