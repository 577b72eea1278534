"""Models of the procedures app, split by noun."""

from regie.procedures.models.damocles import DamoclesPolicy, DamoclesRule, DrugType, PremisesType, Sanction
from regie.procedures.models.letters import Letter, LetterTemplate
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
    "PremisesType",
    "Procedure",
    "ProcedureDefinition",
    "ProcedureStatus",
    "Sanction",
    "Transition",
]
