"""The registry of processing-log actions: every action code declared once, with its Dutch label.

The processing log is evidence (architecture rule 3): an entry's action must mean something to the privacy officer
who reads it, and it must belong to a processing activity. `log_processing` refuses a code that is not declared here
(a programming error). Codes are namespaced `<object>.<event>`; a code is never renamed or reused once entries carry
it, since the log is append-only.

`names_persons`: the entry must name the persons it is about (`persons=` given to `log_processing`, possibly empty
when the object concerns no one, e.g. a case without persons). `log_processing` refuses such an entry without it.

`activity`: the processing activity (verwerkingsactiviteit) the action belongs to, by its short Dutch name, until a
privacy register exists.
"""

from __future__ import annotations

from dataclasses import dataclass

# Processing activities (verwerkingsactiviteiten), by short Dutch name.
CASUSREGIE = "Casusregie zorg en veiligheid"
SIGNALEN = "Signalen en meldingen"
HANDHAVING = "Handhaving"
VAKANTIEPARKEN = "Aanpak vakantiepark (permanente bewoning)"
REGISTRATIE = "Registratie van personen, adressen en bedrijven"
BEVEILIGING = "Informatiebeveiliging en toegangsbeheer"
TOEZICHT = "Toezicht op de verwerking (AVG)"
BEHEER = "Functioneel beheer"
# The theme apps' activities: each theme declares its own actions in `<app>/log_actions.py` (imported by its
# AppConfig), under one of these.
PGA = "Persoonsgerichte aanpak (PGA)"
OVERLEGGEN = "Casusoverleggen"
ONDERMIJNING = "Aanpak ondermijning"
DIGITAAL = "Digitale veiligheid"
MONITORING = "Monitoring en verantwoording"


class UnknownAction(LookupError):
    """An action code that is not declared in the registry: a programming error, never user input."""


@dataclass(frozen=True)
class Action:
    code: str
    label: str
    object_type: str
    names_persons: bool
    activity: str


_REGISTRY: dict[str, Action] = {}


def register(activity: str, object_type: str, *declared: tuple[str, str, bool]) -> None:
    """Declare actions of one activity and object type: (code, Dutch label, names persons)."""
    for code, label, names_persons in declared:
        if code in _REGISTRY:
            raise ValueError(f"Handelingscode {code!r} is twee keer gedeclareerd.")
        _REGISTRY[code] = Action(code, label, object_type, names_persons, activity)


def get_action(code: str) -> Action:
    try:
        return _REGISTRY[code]
    except KeyError:
        raise UnknownAction(
            f"Onbekende handelingscode {code!r} voor het verwerkingslog: declareer haar in "
            "regie.processing_log.actions."
        ) from None


def label_for(code: str) -> str:
    """The Dutch label of a code; the code itself for one no longer declared (old entries stay readable)."""
    action = _REGISTRY.get(code)
    return action.label if action else code


# What a log entry is about, in the privacy officer's words (the object_type codes the registry declares).
OBJECT_TYPE_LABELS = {
    "address": "Adres",
    "api_token": "API-token",
    "break_the_glass": "Noodtoegang",
    "business": "Bedrijf",
    "case": "Casus",
    "case_type": "Casustype",
    "classifier_setting": "Classificatie-instelling",
    "damocles_policy": "Damoclesbeleid",
    "deadline": "Termijn",
    "document": "Document",
    "hit_check": "Bekend-check",
    "letter_template": "Briefsjabloon",
    "mandate": "Mandaatregister",
    "location": "Locatie",
    "log_checkpoint": "Controlepunt verwerkingslog",
    "processing_log": "Verwerkingslog",
    "note": "Notitie",
    "organisation": "Organisatie",
    "outgoing_mail": "Uitgaande e-mail",
    "park": "Vakantiepark",
    "park_indicator_policy": "Indicatoren voor hoofdverblijf",
    "park_inspection": "Inspectie vakantiepark",
    "park_lot": "Kavel",
    "park_round": "Inspectieronde",
    "person": "Persoon",
    "procedure": "Procedure",
    "routing_rule": "Routeringsregel",
    "search": "Zoekvraag",
    "signal": "Signaal",
    "signal_attachment": "Bijlage bij signaal",
    "signal_category": "Signaalcategorie",
    "task": "Taak",
    "user": "Gebruiker",
}


def register_object_types(labels: dict[str, str]) -> None:
    """Name a theme's own object types (from its `log_actions.py`): the log shows "Vernietigingslijst", no code."""
    for code, label in labels.items():
        if OBJECT_TYPE_LABELS.get(code, label) != label:
            raise ValueError(f"Objecttype {code!r} heeft al een ander label.")
        OBJECT_TYPE_LABELS[code] = label


def object_type_label(code: str) -> str:
    """The Dutch name of an object type; the code itself for one without a label."""
    return OBJECT_TYPE_LABELS.get(code, code)


def is_registered(code: str) -> bool:
    return code in _REGISTRY


def all_actions() -> list[Action]:
    return sorted(_REGISTRY.values(), key=lambda a: a.code)


# --- cases (casusregie) ---
register(
    CASUSREGIE,
    "case",
    ("case.created", "Casus aangemaakt", True),
    ("case.changed", "Casus gewijzigd", True),
    ("case.closed", "Casus afgesloten", True),
    ("case.handed_over", "Casus overgedragen aan het zaaksysteem (Zaken API)", True),
    ("case.hand_over_failed", "Overdracht van casus aan het zaaksysteem mislukt", True),
    ("case.subject_added", "Betrokkene aan casus toegevoegd", True),
    ("case.linked", "Casussen gekoppeld", False),
    ("case.member_added", "Lid aan casusteam toegevoegd", False),
    ("case.member_changed", "Rol in casusteam gewijzigd", False),
    ("case.member_removed", "Lid uit casusteam verwijderd", False),
    ("case.break_the_glass", "Noodtoegang tot casus genomen", True),
    ("case.viewed", "Casus bekeken", True),
    ("case.listed", "Casuslijst bekeken", True),
    ("case.members_viewed", "Casusteam bekeken", True),
    ("case.documents_viewed", "Documenten van casus bekeken", True),
    ("case.notes_viewed", "Notities van casus bekeken", True),
    ("case.timeline_viewed", "Tijdlijn van casus bekeken", True),
    ("case.tasks_viewed", "Taken van casus bekeken", True),
)
register(CASUSREGIE, "note", ("case.note_added", "Notitie aan casus toegevoegd", True))
register(
    CASUSREGIE,
    "task",
    ("case.task_created", "Taak aangemaakt", False),
    ("case.task_done", "Taak afgerond", False),
)
register(
    CASUSREGIE,
    "document",
    ("case.document_added", "Document aan casus toegevoegd", False),
    ("document.downloaded", "Document gedownload", True),
)
register(CASUSREGIE, "search", ("search.performed", "Gezocht", True))
register(CASUSREGIE, "hit_check", ("hit_check.asked", "Hit/no-hit-vraag gesteld", True))

# --- procedures (handhaving) ---
register(
    HANDHAVING,
    "procedure",
    ("procedure.started", "Procedure gestart", True),
    ("procedure.moved", "Procedure naar volgende stap", True),
    ("procedure.guard_overridden", "Besluit genomen ondanks een waarschuwing (gemotiveerd)", True),
    ("procedure.addressee_added", "Geadresseerde aan procedure toegevoegd", False),
    ("procedure.viewed", "Procedure bekeken", True),
    ("procedure.listed", "Procedurelijst bekeken", True),
)
register(HANDHAVING, "deadline", ("deadline.listed", "Termijnenoverzicht bekeken", True))

# --- signals ---
register(
    SIGNALEN,
    "signal",
    ("signal.received", "Signaal ontvangen", False),
    ("signal.processed", "Signaal verwerkt", True),
    ("signal.processing_failed", "Verwerking van signaal mislukt", False),
    ("signal.reprocess_requested", "Opnieuw verwerken van signaal gevraagd", False),
    ("signal.claimed", "Signaal opgepakt", False),
    ("signal.released", "Signaal teruggelegd", False),
    ("signal.triaged", "Signaal beoordeeld (triage)", True),
    ("signal.category_corrected", "Categorie van signaal gecorrigeerd", False),
    ("signal.subject_confirmed", "Betrokkene bij signaal bevestigd", True),
    ("signal.first_action_recorded", "Eerste actie op signaal vastgelegd", False),
    ("signal.clock_checked", "Termijn van signaal bewaakt", False),
    ("signal.viewed", "Signaal bekeken", True),
    ("signal.listed", "Signalenlijst bekeken", False),
    # `signal_mail_send`: confirmation and update go to the reporter; reminder and escalation to staff.
    ("signal.reporter_mailed", "Melder gemaild", False),
    ("signal.reminder_mailed", "Herinnering over signaal gemaild", False),
    ("signal.escalation_mailed", "Escalatie over signaal gemaild", False),
)
register(
    SIGNALEN,
    "signal_attachment",
    ("signal.attachment_downloaded", "Bijlage van signaal gedownload", False),
)

# --- subjects ---
register(
    REGISTRATIE,
    "person",
    ("person.created", "Persoon geregistreerd", True),
    ("person.changed", "Persoon gewijzigd", True),
    ("person.imported", "Personen geïmporteerd", True),
    ("person.merged", "Personen samengevoegd", True),
    ("person.viewed", "Persoon bekeken", True),
    ("person.listed", "Personenlijst bekeken", True),
    # Issue 21: the BRP asked about a person (the persons it returned are named), or the question failed.
    ("person.brp_retrieved", "Persoon opgevraagd in de BRP", True),
    ("person.brp_failed", "BRP-bevraging over persoon mislukt", True),
)
register(
    REGISTRATIE,
    "address",
    ("address.viewed", "Adres bekeken", True),
    ("address.listed", "Adressenlijst bekeken", True),
    # Issue 21: who is registered at the address, asked in the BRP (the persons it returned are named).
    ("address.brp_residents_retrieved", "Ingeschrevenen op adres opgevraagd in de BRP", True),
    ("address.brp_failed", "BRP-bevraging over adres mislukt", True),
    ("address.bag_checked", "Adres gecontroleerd in de BAG", False),
    ("address.entered", "Adres vastgelegd", False),
)
register(
    REGISTRATIE,
    "location",
    ("location.created", "Locatie geregistreerd", False),
    ("location.viewed", "Locatie bekeken", True),
    ("location.listed", "Locatielijst bekeken", True),
)
register(
    REGISTRATIE,
    "business",
    ("business.created", "Bedrijf geregistreerd", False),
    ("business.viewed", "Bedrijf bekeken", True),
    ("business.listed", "Bedrijvenlijst bekeken", True),
)

# --- the holiday-park approach (permanent residence on a vakantiepark) ---
register(
    VAKANTIEPARKEN,
    "park",
    ("park.created", "Vakantiepark aangemaakt", False),
    ("park.updated", "Vakantiepark gewijzigd", False),
    ("park.base_map_set", "Achtergrondkaart vakantiepark vastgelegd", False),
    ("park.overview_viewed", "Overzicht vakantiepark bekeken", True),
    ("park.map_viewed", "Kaart vakantiepark bekeken", True),
    ("park.progress_viewed", "Voortgang vakantiepark bekeken", False),
    ("park.progress_exported", "Voortgang vakantiepark geëxporteerd", False),
    ("park_lot.imported", "Kavels geïmporteerd", False),
    ("park_lot_import.started", "Import van kavels gestart", False),
)
register(
    VAKANTIEPARKEN,
    "park_lot",
    ("park_lot.created", "Kavel aangemaakt", True),
    ("park_lot.occupant_added", "Bewoner van kavel vastgelegd", True),
    ("park_lot.occupancy_ended", "Bewoning van kavel beëindigd", True),
    ("park_lot.permit_added", "Vergunning voor kavel vastgelegd", True),
    ("park_lot.tolerance_added", "Gedoogbeschikking voor kavel vastgelegd", True),
    ("park_lot.status_set", "Status van kavel gezet", False),
    ("park_lot.viewed", "Kavel bekeken", True),
    ("park_lot.viewed_for_change", "Kavel bekeken om te wijzigen", True),
    ("park_lot.listed", "Kavellijst bekeken", True),
)
register(
    VAKANTIEPARKEN,
    "park_round",
    ("park_round.planned", "Controleronde gepland", False),
    ("park_round.updated", "Controleronde gewijzigd", False),
    ("park_round.cancelled", "Controleronde geannuleerd", False),
    ("park_round.viewed", "Controleronde bekeken", False),
)
register(
    VAKANTIEPARKEN,
    "park_inspection",
    ("park_inspection.submitted", "Controle van kavel ingediend", False),
    ("park_inspection.viewed", "Controle van kavel bekeken", True),
    ("park_follow_up.procedure_started", "Vervolg: procedure gestart", False),
    ("park_follow_up.care_referred", "Vervolg: doorverwezen naar zorg", False),
    ("park_follow_up.brp_referred", "Vervolg: doorgezet naar BRP-onderzoek", False),
    ("park_follow_up.brp_taken_up", "Vervolg: BRP-onderzoek opgepakt", False),
)

# --- security and access (logins come from the login view, django-axes lockouts and the second factor) ---
register(
    BEVEILIGING,
    "user",
    ("auth.login", "Ingelogd", False),
    ("auth.login_failed", "Inloggen mislukt", False),
    ("auth.locked_out", "Account geblokkeerd na mislukte inlogpogingen", False),
    ("auth.unlocked", "Account gedeblokkeerd", False),
    ("auth.logout", "Uitgelogd", False),
    ("auth.session_expired", "Sessie verlopen", False),
    ("auth.second_factor_verified", "Tweede factor gecontroleerd", False),
    ("auth.second_factor_failed", "Tweede factor onjuist", False),
    ("auth.recovery_code_used", "Herstelcode gebruikt", False),
    ("second_factor.enrolled", "Tweede factor ingesteld", False),
    ("second_factor.reset", "Tweede factor gereset", False),
    ("user.created", "Gebruiker aangemaakt", False),
    ("user.changed", "Gebruiker gewijzigd", False),
    ("user.access_change_requested", "Toegangswijziging aangevraagd", False),
    ("user.access_change_approved", "Toegangswijziging goedgekeurd", False),
    ("user.access_change_rejected", "Toegangswijziging afgewezen", False),
)
register(
    BEVEILIGING,
    "api_token",
    ("token.created", "API-sleutel aangemaakt", False),
    ("token.revoked", "API-sleutel ingetrokken", False),
    ("token.used", "API-sleutel gebruikt", False),
)
register(
    BEVEILIGING,
    "organisation",
    ("organisation.created", "Organisatie aangemaakt", False),
    ("organisation.changed", "Organisatie gewijzigd", False),
)

# --- oversight of the processing itself ---
register(
    TOEZICHT,
    "",
    ("processing_log.viewed", "Verwerkingslog geraadpleegd", True),
)
register(
    TOEZICHT,
    "log_checkpoint",
    ("audit.checkpoint_recorded", "Controlepunt van de logketen vastgelegd", False),
    ("audit.chain_broken", "Logketen gebroken aangetroffen", False),
)
register(
    TOEZICHT,
    "processing_log",
    ("audit.log_pseudonymised", "Oude logregels gepseudonimiseerd", False),
)
register(
    TOEZICHT,
    "break_the_glass",
    ("break_the_glass.reviewed", "Noodtoegang beoordeeld", False),
)
register(
    TOEZICHT,
    "case",
    ("break_the_glass.list_viewed", "Overzicht noodtoegang bekeken", True),
)

# --- functional administration (policy tables and templates) ---
register(
    BEHEER,
    "case_type",
    ("case_type.created", "Casustype aangemaakt", False),
    ("case_type.changed", "Casustype gewijzigd", False),
    ("case_type.zaak_mapping_changed", "Zaaktypekoppeling van casustype vastgelegd", False),
)
register(BEHEER, "damocles_policy", ("damocles_policy.created", "Damoclesbeleid vastgesteld", False))
register(BEHEER, "letter_template", ("letter_template.uploaded", "Briefsjabloon geüpload", False))
register(BEHEER, "mandate", ("mandate.created", "Regel in het mandaatregister toegevoegd", False))
register(
    BEHEER,
    "park_indicator_policy",
    ("park_indicator_policy.created", "Nieuwe versie van de indicatoren voor hoofdverblijf vastgesteld", False),
)
register(
    BEHEER,
    "signal_category",
    ("intake.category_created", "Signaalcategorie aangemaakt", False),
    ("intake.category_changed", "Signaalcategorie gewijzigd", False),
)
register(
    BEHEER,
    "routing_rule",
    ("intake.routing_rule_created", "Routeringsregel aangemaakt", False),
    ("intake.routing_rule_changed", "Routeringsregel gewijzigd", False),
    ("intake.routing_rule_deleted", "Routeringsregel verwijderd", False),
)
register(
    BEHEER,
    "classifier_setting",
    ("intake.threshold_changed", "Drempel van de classificatie gewijzigd", False),
)
# The outbox (issue 21): the beheerder's page shows subjects and masked recipients, never a mail's text.
register(
    BEHEER,
    "outgoing_mail",
    ("outgoing_mail.list_viewed", "Overzicht uitgaande e-mail bekeken", False),
    ("outgoing_mail.resent", "E-mail opnieuw verstuurd", False),
    ("outgoing_mail.erased", "Niet verstuurde e-mail gewist", False),
)
register(BEHEER, "organisation", ("intake.queue_lead_set", "Leider van wachtrij aangewezen", False))
