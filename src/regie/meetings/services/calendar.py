"""Meetings as iCalendar (RFC 5545): one meeting, and a personal feed behind a revocable secret. Neither holds
personal data: the series' name, the time and the place or link, never a case, a person or an agenda item."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from icalendar import Calendar, Event

from regie.accounts.models import User
from regie.meetings.models import CalendarFeed, Meeting
from regie.processing_log.services import log_processing

ASSUMED_LENGTH = timedelta(hours=1, minutes=30)  # a meeting has no end time; calendars get this length
SECRET_BYTES = 32


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def calendar_of(meetings: Iterable[Meeting], *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Regie//Casusoverleggen//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for meeting in meetings:
        event = Event()
        event.add("uid", f"{meeting.pk}@regie")
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.starts_at + ASSUMED_LENGTH)
        event.add("summary", meeting.series.name)
        event.add("location", meeting.place or meeting.online_link)
        if meeting.online_link:
            event.add("url", meeting.online_link)
        event.add("description", f"{meeting.series.name}. De agenda staat in Regie.")
        calendar.add_component(event)
    return calendar.to_ical()


def feed_create(*, actor: User, request: HttpRequest | None = None) -> str:
    """A new secret for the user's feed (an existing feed is revoked); only its hash is stored. Returns the
    secret, to be shown once as part of the address."""
    secret = secrets.token_urlsafe(SECRET_BYTES)
    with transaction.atomic():
        CalendarFeed.objects.filter(user=actor, revoked_at__isnull=True).update(revoked_at=timezone.now())
        feed = CalendarFeed.objects.create(user=actor, secret_hash=_hash(secret))
        log_processing(
            action="meeting.calendar_feed_created",
            actor=actor,
            request=request,
            object_type="meeting",
            details={"feed": str(feed.pk)},
        )
    return secret


def feed_revoke(*, actor: User, request: HttpRequest | None = None) -> int:
    with transaction.atomic():
        revoked = CalendarFeed.objects.filter(user=actor, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if revoked:
            log_processing(
                action="meeting.calendar_feed_revoked",
                actor=actor,
                request=request,
                object_type="meeting",
            )
    return revoked


def has_feed(user: User) -> bool:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).exists()


def feed_user(secret: str) -> User | None:
    """The owner of a running feed with this secret, if still an active user."""
    if not secret or len(secret) > 100:
        return None
    feed = (
        CalendarFeed.objects.filter(secret_hash=_hash(secret), revoked_at__isnull=True, user__is_active=True)
        .select_related("user", "user__organisation")
        .first()
    )
    return feed.user if feed else None
