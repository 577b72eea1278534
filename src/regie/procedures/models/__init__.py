"""Models of the procedures app, split by noun."""

from regie.procedures.models.damocles import DamoclesPolicy, DamoclesRule, DrugType, PremisesType, Sanction
from regie.procedures.models.letters import Letter, LetterTemplate, Mandate, MandateAuthority
from regie.procedures.models.procedure import (
    Addressee,
    AddresseeRole,
    Deadline,
    DeadlineKind,
    DeadlineStatus,
    Procedure,
    ProcedureDefinition,
    ProcedureStatus,
    Transition,
)

__all__ = [
    "Addressee",
    "AddresseeRole",
    "DamoclesPolicy",
    "DamoclesRule",
    "Deadline",
    "DeadlineKind",
    "DeadlineStatus",
    "DrugType",
    "Letter",
    "LetterTemplate",
    "Mandate",
    "MandateAuthority",
    "PremisesType",
    "Procedure",
    "ProcedureDefinition",
    "ProcedureStatus",
    "Sanction",
    "Transition",
]
