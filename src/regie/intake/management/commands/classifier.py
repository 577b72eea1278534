"""`regie classifier evaluate` (accuracy and macro-F1 on a held-out split) and `regie classifier train`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from regie.intake.classifier.model import evaluate, load_examples
from regie.intake.classifier.service import classifier_train, correction_examples


class Command(BaseCommand):
    help = (
        "Classificatie van signalen: 'evaluate' meet accuracy en macro-F1 op een achtergehouden deel; "
        "'train' traint opnieuw met de correcties van medewerkers."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["evaluate", "train"])
        parser.add_argument(
            "--test-size", type=float, default=0.25, help="deel dat wordt achtergehouden (0-1)"
        )
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument(
            "--with-corrections", action="store_true", help="evalueer ook met de opgeslagen correcties"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "train":
            report = classifier_train()
            self.stdout.write(
                f"Getraind op {report.examples} voorbeelden, waarvan {report.corrections} correcties van "
                f"medewerkers. Model opgeslagen in {report.path}."
            )
            return
        examples = load_examples()
        if options["with_corrections"]:
            examples += correction_examples()
        result = evaluate(examples, test_size=options["test_size"], seed=options["seed"])
        self.stdout.write(
            f"Evaluatie op een achtergehouden deel: {result.n_train} teksten om te trainen, "
            f"{result.n_test} teksten die het model nooit zag (gestratificeerd, seed {options['seed']})."
        )
        self.stdout.write(f"accuracy: {result.accuracy:.3f}")
        self.stdout.write(f"macro-F1: {result.macro_f1:.3f}")
        self.stdout.write("F1 per categorie:")
        for code, score in result.per_category.items():
            self.stdout.write(f"  {code:<24} {score:.3f}")
