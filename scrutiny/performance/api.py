"""API v1 for performance figures.

* POST /panels/<slug>/measurements/: the PCC's office (which supplies the figures) or the panel's scrutiny
  officer records a measurement, with a token. Another panel is "not found"; a panel member, who may read
  but not supply figures, is refused.
* GET /panels/<slug>/indicators/ and /panels/<slug>/indicators/<slug>/series/: public, as the public
  dashboard's data.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.exceptions import ValidationError as DRFValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from scrutiny.accounts.permissions import can_view_panel
from scrutiny.api.errors import ErrorSerializer
from scrutiny.panels.models import Panel

from . import periods, selectors
from .choices import Unit
from .models import Indicator, Measurement
from .permissions import can_supply_figures
from .services import measurement_record

NOT_FOUND = OpenApiResponse(ErrorSerializer, description="No such panel or indicator.")
UNAUTHORISED = OpenApiResponse(ErrorSerializer, description="No valid token was given.")
FORBIDDEN = OpenApiResponse(ErrorSerializer, description="The user may not supply figures for the panel.")
INVALID = OpenApiResponse(ErrorSerializer, description="The figure was refused; `fields` says why.")


# Serializers ---------------------------------------------------------------------------------------------


class PeriodSerializer(serializers.Serializer):
    label = serializers.CharField()
    kind = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField()


class MeasurementInputSerializer(serializers.Serializer):
    indicator = serializers.SlugField(help_text="The indicator's slug.")
    period = serializers.CharField(help_text="A period label: 'Q1 2023/24', 'June 2023', '2023/24'.")
    value = serializers.DecimalField(max_digits=14, decimal_places=3, required=False, allow_null=True)
    text_value = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")
    msg_average = serializers.DecimalField(max_digits=14, decimal_places=3, required=False, allow_null=True)
    national = serializers.DecimalField(max_digits=14, decimal_places=3, required=False, allow_null=True)
    qualifier = serializers.CharField(required=False, allow_blank=True, max_length=20, default="")
    source = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="")
    unit = serializers.ChoiceField(
        choices=Unit.choices, required=False, help_text="If given, must be the indicator's unit."
    )

    def validate_indicator(self, slug):
        indicator = selectors.indicator_get(self.context["panel"], slug)
        if indicator is None:
            raise serializers.ValidationError(f"No indicator {slug!r} on this panel.")
        return indicator

    def validate_period(self, label):
        try:
            return periods.parse_period_label(label)
        except periods.PeriodLabelError as error:
            raise serializers.ValidationError(str(error)) from error


class MeasurementSerializer(serializers.ModelSerializer):
    indicator = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    period = PeriodSerializer(read_only=True)

    class Meta:
        model = Measurement
        fields = [
            "indicator",
            "period",
            "value",
            "text_value",
            "msg_average",
            "national",
            "qualifier",
            "source",
            "note",
        ]


class SeriesPointSerializer(serializers.Serializer):
    period = PeriodSerializer()
    value = serializers.DecimalField(max_digits=14, decimal_places=3, allow_null=True)
    text_value = serializers.CharField()
    qualifier = serializers.CharField()
    msg_average = serializers.DecimalField(max_digits=14, decimal_places=3, allow_null=True)
    national = serializers.DecimalField(max_digits=14, decimal_places=3, allow_null=True)
    note = serializers.CharField()


class IndicatorSerializer(serializers.ModelSerializer):
    objective = serializers.CharField(source="objective.title", read_only=True, allow_null=True, default=None)

    class Meta:
        model = Indicator
        fields = [
            "slug",
            "name",
            "improvement_area",
            "objective",
            "unit",
            "polarity",
            "data_source",
            "frequency",
            "target_kind",
            "target_value",
            "target_text",
        ]


class IndicatorSeriesSerializer(IndicatorSerializer):
    series = SeriesPointSerializer(many=True, read_only=True)

    class Meta(IndicatorSerializer.Meta):
        fields = [*IndicatorSerializer.Meta.fields, "series"]


class ChangeSerializer(serializers.Serializer):
    absolute = serializers.DecimalField(max_digits=16, decimal_places=3)
    percent = serializers.DecimalField(max_digits=10, decimal_places=2, allow_null=True)


class ReportedChangeSerializer(serializers.Serializer):
    period = PeriodSerializer()
    change_pct = serializers.DecimalField(max_digits=8, decimal_places=2)
    compared_with = serializers.CharField()
    source = serializers.CharField()
    period_label_as_printed = serializers.CharField()


class IndicatorStatusSerializer(serializers.Serializer):
    indicator = IndicatorSerializer()
    period = PeriodSerializer(allow_null=True)
    measurement = MeasurementSerializer(allow_null=True)
    target = serializers.DecimalField(max_digits=14, decimal_places=3, allow_null=True)
    last_year = MeasurementSerializer(allow_null=True)
    previous = MeasurementSerializer(allow_null=True)
    change_on_last_year = ChangeSerializer(allow_null=True, help_text="Derived from two stored values.")
    change_on_previous = ChangeSerializer(allow_null=True, help_text="Derived from two stored values.")
    reported_changes = ReportedChangeSerializer(many=True, help_text="As the source reported them.")
    rag = serializers.CharField(allow_null=True)


# Views ---------------------------------------------------------------------------------------------------


class PanelMixin:
    def get_panel(self) -> Panel:
        return get_object_or_404(Panel.objects.live(), slug=self.kwargs["panel_slug"])


@extend_schema(tags=["performance"])
class MeasurementCreate(PanelMixin, APIView):
    """Staff only: record an indicator's figure for a period (replacing the one recorded before)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=MeasurementInputSerializer,
        responses={
            200: MeasurementSerializer,
            201: MeasurementSerializer,
            400: INVALID,
            401: UNAUTHORISED,
            403: FORBIDDEN,
            404: NOT_FOUND,
        },
    )
    def post(self, request, panel_slug):
        panel = self.get_panel()
        if not can_view_panel(request.user, panel):
            raise NotFound
        if not can_supply_figures(request.user, panel):
            raise PermissionDenied("Only the PCC's office or the panel's scrutiny officer supplies figures.")
        data = MeasurementInputSerializer(data=request.data, context={"panel": panel})
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        indicator, spec = fields.pop("indicator"), fields.pop("period")
        existed = Measurement.objects.filter(
            indicator=indicator, period__kind=spec.kind, period__start=spec.start, period__end=spec.end
        ).exists()
        try:
            # One transaction: a refused figure leaves no new period behind either.
            with transaction.atomic():
                measurement = measurement_record(
                    acting_user=request.user, indicator=indicator, period=periods.period_get_or_create(spec), **fields
                )
        except DjangoValidationError as error:
            raise DRFValidationError(error.message_dict) from error
        return Response(
            MeasurementSerializer(measurement).data, status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED
        )


@extend_schema(tags=["performance"], responses={200: IndicatorStatusSerializer(many=True), 404: NOT_FOUND})
class IndicatorList(PanelMixin, APIView):
    """The panel's indicators, each with its latest figure, comparisons, reported changes and RAG rating."""

    permission_classes = [AllowAny]

    def get(self, request, panel_slug):
        rows = selectors.performance_dashboard(self.get_panel())
        return Response(IndicatorStatusSerializer(rows, many=True).data)


@extend_schema(tags=["performance"], responses={200: IndicatorSeriesSerializer, 404: NOT_FOUND})
class IndicatorSeries(PanelMixin, APIView):
    """An indicator and its figures in period order (the public dashboard's chart data)."""

    permission_classes = [AllowAny]

    def get(self, request, panel_slug, indicator_slug):
        indicator = selectors.indicator_get(self.get_panel(), indicator_slug)
        if indicator is None:
            raise NotFound
        indicator.series = selectors.indicator_series(indicator)
        return Response(IndicatorSeriesSerializer(indicator).data)
