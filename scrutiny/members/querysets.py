from datetime import date

from django.db.models import Q

from scrutiny.core.models import TombstoneQuerySet


class PersonQuerySet(TombstoneQuerySet):
    pass


class MembershipQuerySet(TombstoneQuerySet):
    def current_on(self, day: date):
        """Memberships in force on `day` (a membership that ends on a day still counts that day)."""
        return (
            self.live()
            .filter(Q(start_date__lte=day) | Q(start_date__isnull=True))
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        )

    def current(self):
        return self.current_on(date.today())


class OfficeHolderQuerySet(TombstoneQuerySet):
    def current_on(self, day: date):
        return self.live().filter(start_date__lte=day).filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
