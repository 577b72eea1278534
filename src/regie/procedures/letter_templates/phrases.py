"""Phrases the shipped letters share (build.py and collection.py): the closing with its signatory, the
objection clause, the premises of a 13b closure. Merge fields as {{ naam }}, as in build.py."""

from __future__ import annotations

# The signatory comes from the mandate register (who signs what for the college or the mayor); the contact
# person is the one point of contact for the procedure and is named in the letter, not as its signatory.
# "namens deze(n)" only when an official signs under mandate: the mayor signing a 13b letter in his own right
# signs for nobody (the field `namens` is empty then and the paragraph is left out).
CLOSING = (
    "Met vriendelijke groet,",
    "{{ bestuursorgaan }} van {{ plaatsnaam }},",
    "{%p if namens %}",
    "{{ namens }}",
    "{%p endif %}",
    "",
    "{{ ondertekenaar_naam }}",
    "{{ ondertekenaar_functie }}",
    "({{ mandaat }})",
)
VIEWS = "{% if zienswijzen_beantwoord %}{{ zienswijzen_beantwoord }}{% endif %}"
# The weighing of interests (Awb 3:4): what the decision recorded, else the fixed reasoning of the enforcement policy.
PROPORTIONALITY_PR = (
    "{% if evenredigheid %}{{ evenredigheid }}{% else %}Wij hebben uw belangen afgewogen tegen het algemeen belang "
    "bij handhaving. Bij een overtreding van een wettelijk voorschrift moet de gemeente in de regel handhavend "
    "optreden (beginselplicht tot handhaving). Er is geen concreet zicht op legalisatie, en wij zien geen bijzondere "
    "omstandigheden die handhaving onevenredig maken.{% endif %}"
)
PROPORTIONALITY_13B = (
    "{% if evenredigheid %}Afweging van de evenredigheid: {{ evenredigheid }}{% else %}De burgemeester heeft "
    "beoordeeld of deze maatregel in dit geval noodzakelijk en evenredig is. Er zijn geen omstandigheden gebleken, "
    "zoals minderjarige kinderen, medische zorg of een eigenaar die van niets wist, die de maatregel onevenredig "
    "maken.{% endif %}"
)
OBJECTION = (("Bezwaar", True), "{{ bezwaarclausule }}")
QUESTIONS = (
    "Heeft u vragen? Neem contact op met uw vaste aanspreekpunt {{ contactpersoon_naam }}: "
    "{{ contactpersoon_telefoon }}, {{ contactpersoon_email }}."
)
# Article 13b Opiumwet speaks of "woningen of lokalen dan wel ... bij woningen of zodanige lokalen behorende erven":
# the premises type is a woning, or a lokaal (with its yard). Never "de lokaal".
PAND = "{{ 'de woning' if soort_pand == 'Woning' else 'het lokaal' }}"
IN_PAND = (
    "{{ 'in de woning' if soort_pand == 'Woning' else 'in het lokaal of op het daarbij behorende erf' }}"
)
PAND_CAPITAL = PAND.replace("'de woning'", "'De woning'").replace("'het lokaal'", "'Het lokaal'")
FOUND_13B = (
    "Op {{ datum_doorzoeking }} heeft de politie " + IN_PAND + " op het adres {{ object_adres }} het "
    "volgende aangetroffen: {{ aangetroffen_middelen }}. Het is de {{ overtreding_nummer }}e overtreding op dit adres "
    "binnen de recidivetermijn."
)
