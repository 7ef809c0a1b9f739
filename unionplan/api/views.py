"""The API's endpoints: thin, each over the function its page uses.

Scoping is the pages' own: ``orgs.access`` decides what a person sees (anything else is
404, never 403), ``review.services`` takes every workflow step with its rules, and the
board is ``review.board``. A refusal is a 400 with the same Chinese sentence the page shows.
"""

from csp.decorators import csp_update
from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from unionplan.api import serializers as s
from unionplan.orgs.access import visible_organizations
from unionplan.plans.models import Plan, ScheduleItem, Section, Target
from unionplan.plans.views import get_plan_or_404
from unionplan.review import board as board_lib
from unionplan.review import notify, services
from unionplan.review import statistics as statistics_lib
from unionplan.review.access import Refused, federation_for_board
from unionplan.vocab import PLAN_STATUSES

_PLAN_STATUS_CODES = {code for code, _label in PLAN_STATUSES}


def _int_param(request: Request, name: str) -> int | None:
    raw = request.query_params.get(name, "").strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise ValidationError({name: f"{name} 应为整数，而不是“{raw[:20]}”"}) from None


@extend_schema(summary="可见的工会组织", tags=["组织"])
class OrganizationList(generics.ListAPIView):
    """The organizations the person may see: those they hold a role on and all below."""

    serializer_class = s.OrganizationSerializer

    def get_queryset(self):
        return visible_organizations(self.request.user).order_by("path")


@extend_schema(summary="一个工会组织", tags=["组织"])
class OrganizationDetail(generics.RetrieveAPIView):
    serializer_class = s.OrganizationSerializer

    def get_queryset(self):
        return visible_organizations(self.request.user)


@extend_schema(
    summary="可见的年度工作计划",
    tags=["计划"],
    parameters=[
        OpenApiParameter("organization", int, description="只列这个工会的计划"),
        OpenApiParameter("year", int, description="年度"),
        OpenApiParameter("status", str, description="状态：draft、submitted、approved…"),
    ],
)
class PlanList(generics.ListAPIView):
    """Plans of the organizations the person may see, newest year first."""

    serializer_class = s.PlanSerializer

    def get_queryset(self):
        plans = Plan.objects.filter(
            organization__in=visible_organizations(self.request.user)
        ).select_related("organization")
        organization, year = (
            _int_param(self.request, "organization"),
            _int_param(self.request, "year"),
        )
        wanted = self.request.query_params.get("status", "").strip()
        if wanted and wanted not in _PLAN_STATUS_CODES:
            raise ValidationError({"status": f"没有“{wanted[:20]}”这种计划状态"})
        if organization is not None:
            plans = plans.filter(organization_id=organization)
        if year is not None:
            plans = plans.filter(year=year)
        if wanted:
            plans = plans.filter(status=wanted)
        return plans.order_by("-year", "organization__path", "title", "id")


@extend_schema(summary="一份计划：章节、目标和活动", tags=["计划"])
class PlanDetail(generics.RetrieveAPIView):
    """A plan with its sections (a tree by ``parent``), targets and activities, in order."""

    serializer_class = s.PlanDetailSerializer

    def get_object(self):
        plan = get_plan_or_404(self.request.user, self.kwargs["pk"])
        return (
            Plan.objects.select_related("organization")
            .prefetch_related(
                Prefetch("sections", Section.objects.order_by("order", "id")),
                Prefetch("targets", Target.objects.order_by("order", "id")),
                Prefetch("items", ScheduleItem.objects.order_by("order", "id")),
            )
            .get(pk=plan.pk)
        )


class PlanHistory(APIView):
    """The plan's review steps, oldest first (as ``unionplan plan history --json``)."""

    @extend_schema(summary="审批记录", tags=["审批"], responses=s.StepSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        plan = get_plan_or_404(request.user, pk)
        return Response(s.StepSerializer(services.history(plan), many=True).data)


class PlanSubmit(APIView):
    """Send the plan up for review (the union's chair, or a role the operator grants)."""

    @extend_schema(
        summary="提交上级工会审批",
        tags=["审批"],
        request=s.SubmitSerializer,
        responses={201: s.StepSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        plan = get_plan_or_404(request.user, pk)
        data = _valid(s.SubmitSerializer, request)
        step = services.submit(plan, request.user, data["comment"], site=notify.site_of(request))
        return _step(step)


class PlanReview(APIView):
    """Approve or return a submitted plan (a chair or staff of a federation above it)."""

    @extend_schema(
        summary="审批：通过或退回",
        tags=["审批"],
        request=s.ReviewSerializer,
        responses={201: s.StepSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        plan = get_plan_or_404(request.user, pk)
        data = _valid(s.ReviewSerializer, request)
        step = services.review(
            plan,
            request.user,
            approve=data["decision"] == "approve",
            comment=data["comment"],
            meeting_date=data["meeting_date"],
            seen_version=data["version"],
            site=notify.site_of(request),
        )
        return _step(step)


def _valid(serializer_class, request: Request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _step(step) -> Response:
    """The step just taken, as the history lists it (it is the latest)."""
    row = services.history(step.plan)[-1]
    return Response(s.StepSerializer(row).data, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="审批看板：下级工会的计划进度",
    tags=["审批"],
    parameters=[
        OpenApiParameter("state", str, description="只列这种状态：none、draft、submitted…")
    ],
    responses=s.BoardSerializer,
)
class Board(APIView):
    """The federation's board for a year: every union below it and how far its plan is."""

    def get(self, request: Request, pk: int, year: int) -> Response:
        try:
            federation = federation_for_board(request.user, pk, year)
        except Refused as error:
            raise PermissionDenied(str(error)) from None
        state = request.query_params.get("state", "").strip()
        if state and state not in board_lib.STATE_CODES:
            raise ValidationError({"state": f"没有“{state[:20]}”这种计划状态"})
        data = board_lib.board(federation, year)
        return Response(s.BoardSerializer(data, context={"state": state}).data)


@extend_schema(
    summary="工作统计：本级及下级工会的年度统计",
    tags=["审批"],
    responses=s.StatisticsSerializer,
)
class Statistics(APIView):
    """The figures of the statistics page (and its .xlsx): unions, members, 入会率,
    activities, participants and welfare money of the federation's subtree for a year."""

    def get(self, request: Request, pk: int, year: int) -> Response:
        try:
            federation = federation_for_board(request.user, pk, year)
        except Refused as error:
            raise PermissionDenied(str(error)) from None
        lines, total = statistics_lib.statistics(federation, year)
        data = {"organization": federation.pk, "year": year, "lines": lines, "total": total}
        return Response(s.StatisticsSerializer(data).data)


# Swagger UI styles itself with inline styles (its page and the elements it draws): this page
# alone allows inline styles. Its scripts stay 'self' only — the split view serves its
# starter script as a file, not inline.
docs = csp_update({"style-src": ["'unsafe-inline'"]})(
    SpectacularSwaggerSplitView.as_view(url_name="api:schema")
)
