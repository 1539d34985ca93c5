from django.db.models import Q
from django.utils import timezone

from scrutiny.core.models import TombstoneQuerySet


class MeetingQuerySet(TombstoneQuerySet):
    def upcoming(self):
        return self.live().filter(start__gte=timezone.now()).order_by("start")

    def past(self):
        return self.live().filter(start__lt=timezone.now()).order_by("-start")

    def in_year(self, year: int):
        return self.live().filter(start__year=year)


class AgendaItemQuerySet(TombstoneQuerySet):
    def public(self):
        """Items the public may read in full: not exempt, or exempt and since released."""
        return self.live().filter(Q(exempt=False) | Q(released_at__isnull=False))


class MinuteItemQuerySet(TombstoneQuerySet):
    def public(self):
        return self.live().filter(
            Q(agenda_item__isnull=True) | Q(agenda_item__exempt=False) | Q(agenda_item__released_at__isnull=False)
        )
