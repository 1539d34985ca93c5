"""The staff home page leads each role to every area of its panel's work."""

import pytest
from django.urls import reverse

from scrutiny.accounts.tests.helpers import build_ladder

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rung", ["officer", "member", "pcc_office"])
def test_home_links_every_staff_area_of_the_panel(rung):
    ladder = build_ladder()
    html = ladder.client(rung).get(reverse("staff:home")).content.decode()
    slug = ladder.panel.slug
    for name in (
        "work_programme:staff_action_list",
        "work_programme:staff_recommendation_list",
        "work_programme:staff_work_programme",
        "work_programme:staff_task_group_list",
        "work_programme:staff_precept_list",
        "work_programme:staff_hearing_list",
        "performance:staff_home",
    ):
        assert f'href="{reverse(name, args=[slug])}"' in html, name
