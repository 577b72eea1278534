"""Staff pages: the figures (aggregates only), campaigns, the follow-ups residents asked for, and the content."""

from __future__ import annotations

import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from regie.access import digital_access
from regie.access.policy import has_permission, request_user, requires
from regie.core.html.form_view import handle_form
from regie.core.ids import uuid_or_404
from regie.digital.content import CHECK_KINDS
from regie.digital.forms import CampaignForm, ContentForm, FollowUpRecordForm
from regie.digital.models import Campaign, ContentKind, FollowUpStatus
from regie.digital.selectors import campaign_figures, monthly, postcode_areas, topic_averages, year_total
from regie.digital.services.campaigns import campaign_create, campaign_update
from regie.digital.services.content import content_current, content_publish
from regie.digital.services.follow_ups import follow_up_record

HOME = "/digitale-veiligheid"
FOLLOW_UPS = "/nazorg-online"
CONTENT = "/beheer/digitale-veiligheid"


def _municipality_id(request: HttpRequest) -> Any:
    user = request_user(request)
    if user.organisation is None:
        raise Http404
    return user.organisation.municipality_id


def _topic_labels(kind: str) -> dict[str, str]:
    return {t["code"]: t["label"] for t in content_current(kind).definition["topics"]}


@requires("digital.statistics")
def overview(request: HttpRequest) -> HttpResponse:
    """Self-check use per month, average topic scores and the campaigns' reach: aggregates, small numbers hidden."""
    municipality_id = _municipality_id(request)
    rows = monthly(municipality_id)
    biggest = max((r.raw_total for r in rows if not r.total.hidden), default=0) or 1
    topics = []
    for kind in CHECK_KINDS:
        count, averages = topic_averages(municipality_id, kind, since=rows[0].month)
        labels = _topic_labels(kind)
        topics.append(
            {
                "label": ContentKind(kind).label,
                # Rounded down to tens: an exact column total would give away a hidden month.
                "count": count // 10 * 10 if count >= 10 else None,
                "averages": [{"label": labels.get(a["topic"], a["topic"]), **a} for a in averages],
            }
        )
    return render(
        request,
        "digital/staff/overview.html",
        {
            "rows": rows,
            "bars": [(r, 0 if r.total.hidden else round(100 * r.raw_total / biggest)) for r in rows],
            "year_total": year_total(rows),
            "kinds": [ContentKind(k) for k in CHECK_KINDS],
            "topics": topics,
            "areas": postcode_areas(municipality_id),
            "campaigns": campaign_figures(municipality_id),
            "may_manage": has_permission(request.user, "digital.campaigns"),
            "breadcrumbs": [{"label": "Digitale veiligheid"}],
        },
    )


@requires("digital.campaigns")
@require_http_methods(["GET", "POST"])
def campaign_new(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = CampaignForm(request.POST or None)
    return handle_form(
        request,
        form,
        action=lambda data: campaign_create(actor=user, request=request, **data),
        render=lambda status: render(
            request,
            "digital/staff/campaign_form.html",
            {
                "form": form,
                "breadcrumbs": [{"label": "Digitale veiligheid", "url": HOME}, {"label": "Nieuwe campagne"}],
            },
            status=status,
        ),
        success_url=lambda c: f"{HOME}/campagnes/{c.pk}",
        success_message=lambda c: f"Campagne {c.name} is aangemaakt.",
    )


@requires("digital.campaigns")
@require_http_methods(["GET", "POST"])
def campaign_detail(request: HttpRequest, pk: str) -> HttpResponse:
    user = request_user(request)
    campaign = Campaign.objects.filter(pk=uuid_or_404(pk), municipality_id=_municipality_id(request)).first()
    if campaign is None:
        raise Http404
    form = CampaignForm(request.POST or None, initial=CampaignForm.initial_of(campaign))
    version = campaign.version

    def save(data: dict[str, Any]) -> Campaign:
        posted = request.POST.get("version", "")
        return campaign_update(
            actor=user,
            campaign=campaign,
            version=int(posted) if posted.isdigit() else version,
            request=request,
            **data,
        )

    rows = monthly(campaign.municipality_id, campaign=campaign)
    return handle_form(
        request,
        form,
        action=save,
        render=lambda status: render(
            request,
            "digital/staff/campaign_form.html",
            {
                "form": form,
                "campaign": campaign,
                "version": version,
                "rows": rows,
                "kinds": [ContentKind(k) for k in CHECK_KINDS],
                "public_link": request.build_absolute_uri(f"/veilig-online?campagne={campaign.code}"),
                "breadcrumbs": [{"label": "Digitale veiligheid", "url": HOME}, {"label": campaign.name}],
            },
            status=status,
        ),
        success_url=f"{HOME}/campagnes/{campaign.pk}",
        success_message="De campagne is opgeslagen.",
    )


@requires("digital.follow_ups")
def follow_up_list(request: HttpRequest) -> HttpResponse:
    """The follow-ups to handle, the first-contact deadline first (a read of personal data: logged)."""
    status = request.GET.get("stand", "")
    if status not in FollowUpStatus.values:
        status = ""
    rows = digital_access.follow_up_list(user=request_user(request), request=request, status=status)
    return render(
        request,
        "digital/staff/follow_ups.html",
        {
            "rows": rows,
            "today": timezone.localdate(),
            "status": status,
            "statuses": FollowUpStatus.choices,
            "breadcrumbs": [{"label": "Nazorg online criminaliteit"}],
        },
    )


@requires("digital.follow_ups")
@require_http_methods(["GET", "POST"])
def follow_up_detail(request: HttpRequest, pk: str) -> HttpResponse:
    user = request_user(request)
    found = digital_access.follow_up_get(
        user=user, follow_up_id=pk, request=request, log=request.method != "POST"
    )
    initial = {
        "version": found.version,
        "first_contact_on": found.first_contact_on,
        "referral": found.referral,
        "second_contact_on": found.second_contact_on,
        "staff_note": found.staff_note,
    }
    form = FollowUpRecordForm(request.POST or None, initial=initial)
    guide = content_current(ContentKind.VICTIM_GUIDE).definition
    labels = {s["code"]: s["label"] for s in guide["situations"]}
    return handle_form(
        request,
        form,
        action=lambda data: follow_up_record(
            actor=user,
            follow_up=found,
            version=data["version"],
            first_contact_on=data["first_contact_on"],
            referral=data["referral"],
            second_contact_on=data["second_contact_on"],
            staff_note=data["staff_note"],
            request=request,
        ),
        render=lambda status: render(
            request,
            "digital/staff/follow_up_detail.html",
            {
                "item": found,
                "situation_label": labels.get(found.situation, found.situation),
                "form": form,
                "today": timezone.localdate(),
                "breadcrumbs": [
                    {"label": "Nazorg online criminaliteit", "url": FOLLOW_UPS},
                    {"label": found.reference},
                ],
            },
            status=status,
        ),
        success_url=f"{FOLLOW_UPS}/{found.pk}",
        success_message="De nazorg is bijgewerkt.",
    )


@requires("digital.content")
def content_list(request: HttpRequest) -> HttpResponse:
    items = [(kind, content_current(kind)) for kind in ContentKind]
    return render(
        request,
        "digital/staff/content_list.html",
        {
            "items": items,
            "breadcrumbs": [{"label": "Beheer", "url": "/beheer"}, {"label": "Inhoud digitale veiligheid"}],
        },
    )


@requires("digital.content")
@require_http_methods(["GET", "POST"])
def content_edit(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in ContentKind.values:
        raise Http404
    user = request_user(request)
    current = content_current(kind)
    initial = {"definition": json.dumps(current.definition, ensure_ascii=False, indent=2)}
    form = ContentForm(request.POST or None, initial=initial)
    return handle_form(
        request,
        form,
        action=lambda data: content_publish(
            actor=user, kind=kind, definition=data["definition"], note=data["note"], request=request
        ),
        render=lambda status: render(
            request,
            "digital/staff/content_edit.html",
            {
                "form": form,
                "kind": ContentKind(kind),
                "current": current,
                "breadcrumbs": [
                    {"label": "Beheer", "url": "/beheer"},
                    {"label": "Inhoud digitale veiligheid", "url": CONTENT},
                    {"label": ContentKind(kind).label},
                ],
            },
            status=status,
        ),
        success_url=CONTENT,
        success_message=lambda v: f"Versie {v.version} van {ContentKind(kind).label} is gepubliceerd.",
    )
