from decimal import Decimal as D
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from scrutiny.core.models import AuditEvent
from scrutiny.panels.tests.factories import PanelFactory
from scrutiny.performance import periods
from scrutiny.performance.choices import Unit
from scrutiny.performance.csv_import import MeasurementImportError, Problem, measurements_import
from scrutiny.performance.models import Measurement

from .factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db

HEADER = "indicator,period,value,msg_average,national,note\n"


@pytest.fixture
def panel():
    panel = PanelFactory(slug="west-mercia")
    IndicatorFactory(panel=panel, slug="calls-999", unit=Unit.PERCENTAGE)
    IndicatorFactory(panel=panel, slug="trc", unit=Unit.COUNT)
    IndicatorFactory(panel=panel, slug="vfm", unit=Unit.TEXT)
    return panel


def row_counts():
    """Rows of every performance model, and the audit trail."""
    counts = {model.__name__: model.objects.count() for model in apps.get_app_config("performance").get_models()}
    return {**counts, "AuditEvent": AuditEvent.objects.count()}


class TestImport:
    def test_all_rows_stored(self, panel):
        text = (
            HEADER
            + "calls-999,June 23,76,,71,\n"
            + "calls-999,June 2022,90,,,\n"
            + 'trc,Q1 2023/24,"12,345",,,\n'
            + "vfm,2023/24,Expected January 2024,,,awaiting audit\n"
        )
        result = measurements_import(acting_user=None, panel=panel, text=text)
        assert (result.created, result.updated) == (4, 0)
        june = Measurement.objects.get(indicator__slug="calls-999", period__label="June 2023")
        assert (june.value, june.national) == (D(76), D(71))
        assert Measurement.objects.get(indicator__slug="trc").value == D(12345)
        assert Measurement.objects.get(indicator__slug="vfm").text_value == "Expected January 2024"

    def test_a_second_import_updates(self, panel):
        MeasurementFactory(
            indicator=panel.indicators.get(slug="calls-999"), period=periods.period_get_or_create("June 2023")
        )
        result = measurements_import(acting_user=None, panel=panel, text=HEADER + "calls-999,June 2023,76,,,\n")
        assert (result.created, result.updated) == (0, 1)

    def test_a_file_with_problems_is_refused_as_a_whole_and_nothing_is_stored(self, panel):
        """GIVEN a file with good rows and every kind of bad row
        WHEN it is imported
        THEN it is refused with every problem by row and column, and no performance row is added."""
        other = IndicatorFactory(slug="other-panels")
        text = (
            HEADER
            + "calls-999,June 2023,76,,,\n"  # row 2: good
            + "unknown,June 2023,1,,,\n"  # row 3
            + "calls-999,Q1 23/23,50,,,\n"  # row 4
            + "calls-999,May 2023,lots,,,\n"  # row 5
            + "calls-999,June 23,77,,,\n"  # row 6: duplicate of row 2
            + "calls-999,April 2023,101,,,\n"  # row 7
            + "trc,Q1 2023/24,-4,,,\n"  # row 8
            + f"{other.slug},June 2023,1,,,\n"  # row 9: another panel's indicator
            + "calls-999,March 2023,50,abc,120,\n"  # row 10
        )
        before = row_counts()
        with pytest.raises(MeasurementImportError) as caught:
            measurements_import(acting_user=None, panel=panel, text=text)
        problems = {(p.row, p.column) for p in caught.value.problems}
        assert problems == {
            (3, "indicator"),
            (4, "period"),
            (5, "value"),
            (6, "period"),
            (7, "value"),
            (8, "value"),
            (9, "indicator"),
            (10, "msg_average"),
            (10, "national"),
        }
        messages = {(p.row, p.column): p.message for p in caught.value.problems}
        assert "must be consecutive" in messages[4, "period"]
        assert "already in row 2" in messages[6, "period"]
        assert "between 0 and 100" in messages[7, "value"]
        assert "not a number" in messages[5, "value"]
        assert row_counts() == before

    def test_a_missing_column_is_a_problem_of_the_file(self, panel):
        with pytest.raises(MeasurementImportError) as caught:
            measurements_import(acting_user=None, panel=panel, text="indicator,value\ncalls-999,1\n")
        assert caught.value.problems == [Problem(0, "period", "This column is missing from the header row.")]

    def test_an_empty_file_is_refused(self, panel):
        with pytest.raises(MeasurementImportError):
            measurements_import(acting_user=None, panel=panel, text=HEADER)

    def test_byte_order_mark_and_short_header(self, panel):
        result = measurements_import(
            acting_user=None, panel=panel, text="\ufeffIndicator,Period,Value\ncalls-999,June 2023,76\n"
        )
        assert result.created == 1


class TestCommand:
    def test_imports(self, panel, tmp_path):
        path = tmp_path / "m.csv"
        path.write_text(HEADER + "calls-999,June 2023,76,,,\n")
        out = StringIO()
        call_command("import_measurements", "west-mercia", str(path), stdout=out)
        assert "Imported 1 measurements" in out.getvalue()

    def test_refusal_lists_problems_and_stores_nothing(self, panel, tmp_path):
        path = tmp_path / "m.csv"
        path.write_text(HEADER + "calls-999,June 2023,76,,,\nnope,June 2023,1,,,\n")
        with pytest.raises(CommandError, match="row 3, column indicator"):
            call_command("import_measurements", "west-mercia", str(path), stdout=StringIO())
        assert not Measurement.objects.exists()

    def test_unknown_panel(self, tmp_path):
        with pytest.raises(CommandError, match="No panel"):
            call_command("import_measurements", "nowhere", str(tmp_path / "m.csv"), stdout=StringIO())
