from scrutiny.core.models import TombstoneQuerySet


class PanelQuerySet(TombstoneQuerySet):
    pass


class CouncilQuerySet(TombstoneQuerySet):
    pass
