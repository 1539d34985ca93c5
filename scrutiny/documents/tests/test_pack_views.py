"""Staff pages for agenda packs: the permission ladder, building, the status page and downloads."""

import datetime
import io

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from scrutiny.accounts.tests.helpers import build_ladder
from scrutiny.documents import tasks
from scrutiny.documents.choices import BuildStatus, PackKind
from scrutiny.documents.models import PackBuild
from scrutiny.documents.tests.factories import PaperFactory
from scrutiny.meetings import workflow
from scrutiny.meetings.tests.factories import LONDON, AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

VIEWERS = ["officer", "member", "pcc_office", "administrator"]


@pytest.fixture
def ladder():
    return build_ladder()


@pytest.fixture
def meeting(ladder):
    meeting = MeetingFactory(panel=ladder.panel, start=datetime.datetime(2023, 9, 19, 11, 0, tzinfo=LONDON))
    item = AgendaItemFactory(meeting=meeting, number="5", title="Performance report")
    PaperFactory(agenda_item=item, title="Police and Crime Plan Activity")
    return meeting


def packs_url(meeting):
    return reverse("packs:meeting_packs", kwargs={"panel_slug": meeting.panel.slug, "meeting_slug": meeting.slug})


def build_url(meeting):
    return reverse("packs:pack_build_create", kwargs={"panel_slug": meeting.panel.slug, "meeting_slug": meeting.slug})


def done_build(meeting, kind=PackKind.PUBLIC) -> PackBuild:
    build = PackBuild(meeting=meeting, kind=kind, status=BuildStatus.DONE, progress=100, page_count=1)
    build.file.save(f"{kind}.pdf", ContentFile(b"%PDF-1.4 stored"), save=False)
    build.html_file.save(f"{kind}.html", ContentFile(b"<h1>Agenda</h1>"), save=False)
    build.save()
    return build


class TestMeetingPacks:
    def test_anonymous_is_sent_to_sign_in(self, ladder, meeting):
        response = ladder.client("anonymous").get(packs_url(meeting))
        assert response.status_code == 302

    def test_a_user_without_a_role_is_refused(self, ladder, meeting):
        assert ladder.client("outsider").get(packs_url(meeting)).status_code == 403

    def test_another_panels_officer_finds_nothing(self, ladder, meeting):
        assert ladder.client("other_officer").get(packs_url(meeting)).status_code == 404

    @pytest.mark.parametrize("rung", VIEWERS)
    def test_staff_see_the_builds(self, ladder, meeting, rung):
        done_build(meeting)
        response = ladder.client(rung).get(packs_url(meeting))
        assert response.status_code == 200
        assert "Agenda pack" in response.text
        assert ("Build a pack" in response.text) == (rung in ("officer", "administrator"))

    def test_the_pcc_office_does_not_see_restricted_builds(self, ladder, meeting):
        done_build(meeting, PackKind.RESTRICTED)
        assert "Restricted pack" not in ladder.client("pcc_office").get(packs_url(meeting)).text
        assert "Restricted pack" in ladder.client("member").get(packs_url(meeting)).text

    def test_the_list_takes_a_fixed_number_of_queries(self, ladder, meeting, django_assert_max_num_queries):
        client = ladder.client("officer")
        for _ in range(5):
            done_build(meeting)
        with django_assert_max_num_queries(12):
            assert client.get(packs_url(meeting)).status_code == 200


class TestBuild:
    @pytest.mark.parametrize("rung", ["member", "pcc_office"])
    def test_only_officers_build(self, ladder, meeting, rung):
        response = ladder.client(rung).post(build_url(meeting), {"kind": "public"})
        assert response.status_code == 403
        assert not PackBuild.objects.exists()

    def test_another_panels_officer_cannot_build(self, ladder, meeting):
        assert ladder.client("other_officer").post(build_url(meeting), {"kind": "public"}).status_code == 404

    def test_get_is_not_allowed(self, ladder, meeting):
        assert ladder.client("officer").get(build_url(meeting)).status_code == 405

    def test_an_unknown_kind_is_refused(self, ladder, meeting):
        response = ladder.client("officer").post(build_url(meeting), {"kind": "supplementary"})
        assert response.status_code == 302
        assert not PackBuild.objects.exists()

    def test_an_officer_builds_and_downloads_the_pack(self, ladder, meeting, django_capture_on_commit_callbacks):
        client = ladder.client("officer")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(build_url(meeting), {"kind": "public"})
        build = PackBuild.objects.get()
        assert response.status_code == 302
        assert response.url == reverse("packs:pack_build_detail", kwargs={"build_id": build.pk})
        assert build.status == BuildStatus.DONE
        assert build.requested_by == ladder.officer

        page = client.get(response.url)
        assert page.status_code == 200
        assert 'http-equiv="refresh"' not in page.text
        assert "100%" in page.text
        assert "Download the PDF" in page.text

        pdf = client.get(reverse("packs:pack_build_download", kwargs={"build_id": build.pk}))
        assert pdf["Content-Type"] == "application/pdf"
        reader = PdfReader(io.BytesIO(b"".join(pdf.streaming_content)))
        assert "POLICE AND CRIME PLAN ACTIVITY" in "".join(p.extract_text() for p in reader.pages)

        html = client.get(reverse("packs:pack_build_html", kwargs={"build_id": build.pk}))
        assert "attachment" in html["Content-Disposition"]
        assert b"Police and Crime Plan Activity" in b"".join(html.streaming_content)


class TestStatusPage:
    def test_a_running_build_refreshes_itself_and_shows_progress(self, ladder, meeting):
        build = PackBuild.objects.create(
            meeting=meeting, status=BuildStatus.RUNNING, progress=45, message="Laying out the papers"
        )
        response = ladder.client("member").get(reverse("packs:pack_build_detail", kwargs={"build_id": build.pk}))
        assert '<meta http-equiv="refresh" content="3">' in response.text
        assert "45%" in response.text
        assert "Laying out the papers" in response.text

    def test_a_failed_build_shows_its_message(self, ladder, meeting):
        build = PackBuild.objects.create(meeting=meeting, status=BuildStatus.FAILED, message="The build failed: boom")
        response = ladder.client("officer").get(reverse("packs:pack_build_detail", kwargs={"build_id": build.pk}))
        assert "The pack could not be built" in response.text
        assert "boom" in response.text
        assert 'http-equiv="refresh"' not in response.text
        download = reverse("packs:pack_build_download", kwargs={"build_id": build.pk})
        assert ladder.client("officer").get(download).status_code == 404

    def test_another_panels_build_is_not_found(self, ladder, meeting):
        build = done_build(meeting)
        url = reverse("packs:pack_build_detail", kwargs={"build_id": build.pk})
        assert ladder.client("other_officer").get(url).status_code == 404


class TestRestrictedDownloads:
    @pytest.mark.parametrize(
        ("rung", "status"), [("officer", 200), ("member", 200), ("administrator", 200), ("pcc_office", 403)]
    )
    def test_members_and_officers_may_download_the_restricted_pack(self, ladder, meeting, rung, status):
        build = done_build(meeting, PackKind.RESTRICTED)
        url = reverse("packs:pack_build_download", kwargs={"build_id": build.pk})
        assert ladder.client(rung).get(url).status_code == status


class TestPublicDownload:
    def url(self, meeting):
        return reverse(
            "public_site:meeting_agenda_pack",
            kwargs={"panel_slug": meeting.panel.slug, "meeting_slug": meeting.slug},
        )

    def test_anyone_may_download_the_latest_public_pack(self, ladder, meeting):
        done_build(meeting)
        response = ladder.client("anonymous").get(self.url(meeting))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"

    def test_restricted_or_unfinished_packs_are_never_public(self, ladder, meeting):
        done_build(meeting, PackKind.RESTRICTED)
        PackBuild.objects.create(meeting=meeting, kind=PackKind.PUBLIC, status=BuildStatus.RUNNING)
        assert ladder.client("anonymous").get(self.url(meeting)).status_code == 404


class TestPublicationPackPages:
    @pytest.fixture
    def publications(self, ladder, meeting, django_capture_on_commit_callbacks):
        """GIVEN the agenda published with its pack built, then a late paper published as a supplement whose
        build has not run yet (its job waits for a commit)."""
        officer = ladder.officer
        with django_capture_on_commit_callbacks(execute=True):
            first = workflow.agenda_publish(acting_user=officer, meeting=meeting, today=datetime.date(2023, 9, 11))
        PaperFactory(agenda_item=meeting.agenda_items.get(), title="Late annex", body="LATE-ANNEX text.")
        second = workflow.agenda_publish(
            acting_user=officer, meeting=meeting, today=datetime.date(2023, 9, 15), urgency_reason="Late."
        )
        first.refresh_from_db()
        return first, second

    def run_build(self, publication):
        build = PackBuild.objects.get(meeting=publication.meeting, kind=PackKind.SUPPLEMENTARY)
        tasks.pack_build_run.call(build.pk, publication_id=publication.pk)
        publication.refresh_from_db()
        return publication.pack

    def test_the_staff_page_shows_the_build_then_the_supplementary_pack(self, ladder, meeting, publications):
        first, second = publications
        client = ladder.client("officer")
        page = client.get(staff_meeting_url(meeting))
        rows = page.context["publication_packs"]
        assert [row.label for row in rows] == ["Agenda pack", "Supplementary pack 1"]
        assert rows[0].ready
        assert rows[0].build == first.pack
        assert rows[1].building
        assert rows[1].build.status == BuildStatus.QUEUED
        assert "Packs as published" in page.text
        assert reverse("packs:pack_build_download", args=[first.pack.pk]) in page.text
        assert "follow the build" in page.text

        supplement = self.run_build(second)
        page = client.get(staff_meeting_url(meeting))
        rows = page.context["publication_packs"]
        assert rows[1].ready
        assert rows[1].build == supplement
        link = reverse("packs:pack_build_download", args=[supplement.pk])
        assert link in page.text
        assert "LATE-ANNEX" in "".join(
            p.extract_text() for p in PdfReader(io.BytesIO(b"".join(client.get(link).streaming_content))).pages
        )

    def test_a_member_sees_the_packs_but_cannot_build_them(self, ladder, meeting, publications):
        page = ladder.client("member").get(staff_meeting_url(meeting))
        assert "Supplementary pack 1" in page.text
        assert "Build this pack" not in page.text
        _first, second = publications
        assert ladder.client("member").post(rebuild_url(second)).status_code == 403
        assert ladder.client("other_officer").post(rebuild_url(second)).status_code == 404

    def test_a_failed_build_can_be_run_again_but_a_built_pack_is_kept(
        self, ladder, meeting, publications, django_capture_on_commit_callbacks
    ):
        first, second = publications
        PackBuild.objects.filter(kind=PackKind.SUPPLEMENTARY).update(status=BuildStatus.FAILED)
        client = ladder.client("officer")
        assert "Build this pack" in client.get(staff_meeting_url(meeting)).text
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(rebuild_url(second))
        assert response.status_code == 302
        second.refresh_from_db()
        assert second.pack.status == BuildStatus.DONE
        refused = client.post(rebuild_url(first), follow=True)
        assert "never replaced" in refused.text
        assert PackBuild.objects.filter(kind=PackKind.PUBLIC).count() == 1

    def test_the_public_page_lists_the_agenda_pack_and_each_supplement(self, ladder, meeting, publications):
        _first, second = publications
        anonymous = ladder.client("anonymous")
        cache.clear()
        page = anonymous.get(meeting.get_absolute_url())
        assert "Download the agenda pack" in page.text
        assert "A supplementary pack of late papers is being prepared" in page.text

        supplement = self.run_build(second)
        cache.clear()
        page = anonymous.get(meeting.get_absolute_url())
        day = f"{timezone.localtime(second.published_at):%-d %B %Y}"
        assert f"Supplementary pack 1 issued {day} (PDF, {supplement.page_count} pages)" in page.text
        assert "being prepared" not in page.text
        link = reverse("public_site:meeting_supplementary_pack", args=[meeting.panel.slug, meeting.slug, 1])
        assert link in page.text
        response = anonymous.get(link)
        assert response.status_code == 200
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(b"".join(response.streaming_content))).pages)
        assert "LATE-ANNEX" in text
        assert "Supplementary agenda pack 1" in text

    def test_the_public_agenda_pack_is_the_one_published(self, ladder, meeting, publications):
        """A later rebuild of the public pack does not stand in for the agenda pack as published."""
        first, _second = publications
        rebuilt = done_build(meeting)
        response = ladder.client("anonymous").get(
            reverse("public_site:meeting_agenda_pack", args=[meeting.panel.slug, meeting.slug])
        )
        body = b"".join(response.streaming_content)
        assert body != b"%PDF-1.4 stored"
        first.pack.file.open("rb")
        assert body == first.pack.file.read()
        assert rebuilt.pk != first.pack_id

    def test_the_public_pack_is_not_rebuilt_once_published(
        self, ladder, meeting, publications, django_capture_on_commit_callbacks
    ):
        """GIVEN the agenda published WHEN the officer asks for the public pack again THEN she is told a changed
        paper goes out as a supplementary agenda, nothing is built, and the other packs are still offered."""
        first, _second = publications
        client = ladder.client("officer")
        page = client.get(packs_url(meeting))
        assert 'value="public"' not in page.text
        assert 'value="restricted"' in page.text
        assert "supplementary agenda" in page.text
        refused = client.post(build_url(meeting), {"kind": "public"}, follow=True)
        assert refused.redirect_chain[-1][0] == packs_url(meeting)
        assert "goes out in a supplementary agenda" in refused.text
        assert list(PackBuild.objects.filter(kind=PackKind.PUBLIC)) == [first.pack]
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(build_url(meeting), {"kind": "large_print"})
        assert response.status_code == 302
        assert PackBuild.objects.get(kind=PackKind.LARGE_PRINT).status == BuildStatus.DONE

    def test_an_unbuilt_or_unknown_publication_pack_is_not_found(self, ladder, publications):
        _first, second = publications
        anonymous = ladder.client("anonymous")
        meeting = second.meeting
        for number in (1, 2):
            url = reverse("public_site:meeting_supplementary_pack", args=[meeting.panel.slug, meeting.slug, number])
            assert anonymous.get(url).status_code == 404


def staff_meeting_url(meeting):
    return reverse("staff:meeting_detail", kwargs={"panel_slug": meeting.panel.slug, "meeting_slug": meeting.slug})


def rebuild_url(publication):
    return reverse("packs:publication_pack_build", args=[publication.pk])
