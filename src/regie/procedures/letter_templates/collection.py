"""The letters of collection (issue 12): reminders (Awb 4:112) and writs (4:114) for a forfeited penalty and for the
costs of bestuursdwang, and the early lifting of a 13b closure. build.py adds them to the letters it builds."""

from __future__ import annotations

from phrases import IN_PAND, OBJECTION, PAND, PAND_CAPITAL, QUESTIONS

NO_REMEDY = (
    "Tegen {{ soort_brief }} kunt u geen bezwaar maken en geen beroep instellen (artikel 8:4, eerste lid, onder b, "
    "van de Algemene wet bestuursrecht)."
)
COLLECTION_LETTERS: dict[str, dict[str, object]] = {
    "penalty-reminder": {
        "subject": "Aanmaning: betaal {{ wat_betalen }} ({{ aan_te_manen_bedrag }})",
        "body": [
            ("AANMANING", True),
            "Bij besluit van {{ datum_invorderingsbesluit }} (kenmerk {{ kenmerk_invorderingsbesluit }}) heeft "
            "{{ bestuursorgaan }} besloten {{ wat_betalen }} bij u in te vorderen. U heeft niet binnen de "
            "betalingstermijn betaald en bent daarom in verzuim.",
            "Wij manen u aan om {{ aan_te_manen_bedrag }} te betalen binnen twee weken, gerekend vanaf de dag na "
            "die waarop deze aanmaning is verzonden (artikel 4:112, eerste lid, van de Algemene wet "
            "bestuursrecht): uiterlijk op {{ betaaltermijn_einddatum }}. Vermeld bij betaling kenmerk "
            "{{ kenmerk }}.",
            "Betaalt u niet op tijd, dan kan de betaling worden afgedwongen met invorderingsmaatregelen die op "
            "uw kosten worden uitgevoerd: wij vorderen het bedrag dan met de kosten in bij dwangbevel (artikel "
            "4:112, derde lid, en 4:114).",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            NO_REMEDY.replace("{{ soort_brief }}", "deze aanmaning"),
            QUESTIONS,
        ],
    },
    "penalty-writ": {
        "subject": "Dwangbevel, {{ object_adres }}",
        "body": [
            ("DWANGBEVEL", True),
            "{{ bestuursorgaan|capitalize }} van {{ plaatsnaam }} vaardigt dit dwangbevel uit tegen "
            "{{ geadresseerde_naam }}, {{ geadresseerde_straat }}, {{ geadresseerde_postcode_woonplaats }}.",
            "De geldschuld volgt uit het besluit van {{ datum_invorderingsbesluit }} (kenmerk "
            "{{ kenmerk_invorderingsbesluit }}) over {{ wat_betalen }}. Op de aanmaning van {{ datum_aanmaning }} "
            "is niet binnen twee weken betaald (artikel 4:112 en 4:114 van de Algemene wet bestuursrecht).",
            "Invorderbare hoofdsom: {{ hoofdsom }}. Kosten van dit dwangbevel: {{ kosten_dwangbevel }}.",
            "Dit dwangbevel kan op kosten van de schuldenaar ten uitvoer worden gelegd (artikel 4:122, eerste "
            "lid, onder e). Een gerechtsdeurwaarder betekent het aan u; het levert een executoriale titel op.",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            ("Verzet", True),
            NO_REMEDY.replace("{{ soort_brief }}", "dit dwangbevel"),
            "Bent u het niet eens met dit dwangbevel, dan kunt u in verzet komen bij de burgerlijke rechter: "
            "binnen zes weken na de dag waarop het dwangbevel aan u is betekend, door de gemeente {{ plaatsnaam }} "
            "te dagvaarden (afdeling 4.4.4 van de Algemene wet bestuursrecht).",
            QUESTIONS,
        ],
    },
    "default-notice-received": {
        "subject": "Ontvangst van uw ingebrekestelling",
        "body": [
            "Op {{ datum_ingebrekestelling }} hebben wij uw ingebrekestelling ontvangen. U stelt ons in gebreke "
            "omdat wij niet op tijd hebben beslist: {{ beslissing|lower }}.",
            "Wij beslissen zo snel mogelijk. Hebben wij niet binnen twee weken na de ontvangst van uw "
            "ingebrekestelling beslist, dan verbeuren wij aan u een dwangsom voor elke dag dat wij in gebreke "
            "zijn, vanaf {{ dwangsom_vanaf }} en ten hoogste tot en met {{ dwangsom_tot_en_met }} (42 dagen): "
            "€ 23 per dag de eerste veertien dagen, € 35 per dag de volgende veertien dagen en € 45 per dag "
            "daarna, samen ten hoogste € 1.442 (artikel 4:17 van de Algemene wet bestuursrecht). Een verbeurde "
            "dwangsom stellen wij vast bij een apart besluit (artikel 4:18).",
            "U kunt ook beroep instellen bij de rechtbank omdat wij niet tijdig beslissen (artikel 6:12), zodra "
            "twee weken na de ontvangst van uw ingebrekestelling zijn verstreken.",
            "Dit is geen besluit. U kunt er daarom geen bezwaar tegen maken.",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            QUESTIONS,
        ],
    },
    "default-penalty-decision": {
        "subject": "Besluit: dwangsom bij niet tijdig beslissen",
        "body": [
            "Op {{ datum_ingebrekestelling }} heeft u ons in gebreke gesteld omdat wij niet op tijd hadden "
            "beslist. Wij hebben niet binnen twee weken daarna beslist. Daarom hebben wij aan u een dwangsom "
            "verbeurd (artikel 4:17 van de Algemene wet bestuursrecht).",
            "Wij stellen vast dat de dwangsom verschuldigd is over {{ dwangsom_dagen }} dagen, van "
            "{{ dwangsom_vanaf }} tot en met {{ dwangsom_tot_en_met }}: € 23 per dag over de eerste veertien "
            "dagen, € 35 per dag over de volgende veertien dagen en € 45 per dag daarna. Het bedrag is "
            "{{ dwangsom_bedrag }} (artikel 4:18). Wij betalen dit bedrag binnen zes weken nadat dit besluit aan u "
            "is bekendgemaakt (artikel 4:87).",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            *OBJECTION,
            QUESTIONS,
        ],
    },
    "o13b-closure-lifted": {
        "subject": "Besluit: de sluiting wordt opgeheven, {{ object_adres }}",
        "body": [
            "Bij besluit van {{ datum_sluitingsbesluit }} (kenmerk {{ kenmerk_sluitingsbesluit }}) heeft de "
            "burgemeester besloten " + PAND + " op het adres {{ object_adres }} te sluiten voor "
            "{{ sluitingsduur }}. " + PAND_CAPITAL + " is op {{ datum_sluiting }} gesloten.",
            "De burgemeester besluit de sluiting nu, vóór het einde van de sluitingsduur, op te heffen. De grond "
            "daarvoor: {{ grond_opheffing }}.",
            ("Motivering", True),
            "{{ motivering }}",
            "De verzegeling en de sluitingsmededeling worden verwijderd. Daarna mag "
            + PAND
            + " weer worden "
            "gebruikt. Wordt "
            + IN_PAND
            + " opnieuw drugshandel of drugsproductie vastgesteld, dan kan de "
            "burgemeester opnieuw optreden (artikel 13b van de Opiumwet).",
            "Wettelijke grondslag: {{ wettelijke_grondslag }}.",
            *OBJECTION,
            QUESTIONS,
        ],
    },
}
COLLECTION_LETTERS["cost-reminder"] = COLLECTION_LETTERS["penalty-reminder"]
COLLECTION_LETTERS["cost-writ"] = {
    **COLLECTION_LETTERS["penalty-writ"],
    "subject": "Dwangbevel kosten bestuursdwang, {{ object_adres }}",
}
