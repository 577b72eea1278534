"""Monitoring: figures per month in rollup tables, the runs that computed them, and the council's reports."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from regie.core.models import BaseModel


class RollupValue(models.Model):
    """One figure of one indicator in one month (a total or one member of a breakdown; the municipality or an
    area), as the last rollup run computed it. Pages and the API read only these rows."""

    indicator = models.CharField(max_length=80)
    theme = models.CharField(max_length=20)
    month = models.DateField()  # the first day of the month
    area = models.CharField(max_length=120, blank=True, default="")
    dimension = models.CharField(max_length=60, blank=True, default="")
    member = models.CharField(max_length=160, blank=True, default="")
    value = models.FloatField()
    base = models.IntegerField()
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "month", "area", "dimension", "member"], name="rollup_one_figure"
            )
        ]
        indexes = [models.Index(fields=["theme", "area", "month"], name="rollup_theme_month")]

    def __str__(self) -> str:
        return f"{self.indicator} {self.month:%Y-%m} {self.dimension} {self.member}".strip()


class RunStatus(models.TextChoices):
    RUNNING = "bezig", "Bezig"
    DONE = "klaar", "Klaar"
    FAILED = "mislukt", "Mislukt"


class RollupRun(BaseModel):
    """One computation of the rollups from a month up to the current one, with its progress."""

    from_month = models.DateField()
    to_month = models.DateField()
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.RUNNING)
    months_total = models.PositiveIntegerField(default=0)
    months_done = models.PositiveIntegerField(default=0)
    figures = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    requested_by = models.CharField(max_length=150, blank=True)  # a username, or empty for the nightly job
    # The job that runs it: when its worker dies and the job runs again (core.retry_stalled_jobs), the new run
    # takes over from this one instead of waiting for it (issue 19, item 6).
    job_id = models.BigIntegerField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The areas with figures per theme when the run finished (theme → sorted list), so a dashboard's filter
    # needs no scan of the rollup table.
    areas = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]


class ReportKind(models.TextChoices):
    QUARTER = "kwartaal", "Kwartaalrapportage"
    YEAR = "jaar", "Jaarrapportage"


class ReportStatus(models.TextChoices):
    WAITING = "wacht", "Wacht op verwerking"
    RUNNING = "bezig", "Wordt gemaakt"
    DONE = "klaar", "Klaar"
    FAILED = "mislukt", "Mislukt"


class CouncilReport(BaseModel):
    """A progress report for the council over a quarter or a year, as PDF; a new version for the same period
    keeps the earlier ones."""

    kind = models.CharField(max_length=10, choices=ReportKind.choices)
    year = models.PositiveIntegerField()
    quarter = models.PositiveSmallIntegerField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    texts = models.JSONField(
        default=dict, blank=True
    )  # the municipality's own text per theme, and "inleiding"
    status = models.CharField(max_length=10, choices=ReportStatus.choices, default=ReportStatus.WAITING)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    pages = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-year", "-quarter", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "year", "quarter", "version"], name="report_one_version", nulls_distinct=False
            ),
        ]

    @property
    def period_label(self) -> str:
        return (
            f"{self.quarter}e kwartaal {self.year}"
            if self.kind == ReportKind.QUARTER
            else f"jaar {self.year}"
        )

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_label} (versie {self.version})"
