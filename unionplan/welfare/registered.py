"""Who put a welfare record on the books and when: the register's entries, the hardship files
and the campaigns all say 登记人 and 登记时间 the same way."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Registered(models.Model):
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("登记人"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    class Meta:
        abstract = True
