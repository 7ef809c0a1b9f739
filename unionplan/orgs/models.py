"""Unions and who works in them.

Organizations form a tree (a city federation, its district federations, their grassroots
unions). Each keeps a materialised ``path`` of ancestor ids so that "everything under this
federation" is one indexed prefix query, whatever the depth.
"""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext_lazy as _

from unionplan import vocab
from unionplan.core.choices import translated


class OrganizationQuerySet(models.QuerySet):
    def subtree_of(self, org: "Organization") -> "OrganizationQuerySet":
        """``org`` and every organization below it."""
        return self.filter(path__startswith=org.path)


class Organization(models.Model):
    name = models.CharField(_("名称"), max_length=200)
    kind = models.CharField(
        _("类型"), max_length=20, choices=translated(vocab.ORG_KINDS), default="grassroots"
    )
    sector = models.CharField(
        _("行业"), max_length=20, choices=translated(vocab.SECTORS), default="other"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级工会"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    province = models.CharField(_("省份"), max_length=50, blank=True)
    # 职工人数: the people working there, members or not; 入会率 is members over it. Left
    # empty, the union is not counted in a federation's 入会率.
    employees = models.PositiveIntegerField(
        _("职工人数"), null=True, blank=True, help_text=_("用于计算入会率；不填则不计入。")
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("工会组织")
        verbose_name_plural = _("工会组织")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        """Save, keeping ``path`` (and the paths of everything below) in step with ``parent``."""
        with transaction.atomic():
            if self.pk is None:
                super().save(*args, **kwargs)  # an id is part of the path
                args, kwargs = (), {}
            old_path, new_path = self.path, self._computed_path()
            if old_path and self.parent_id and self.parent.path.startswith(old_path):
                raise ValueError("an organization cannot sit under itself")
            self.path = new_path
            super().save(*args, **kwargs)
            if old_path and old_path != new_path:
                Organization.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                    path=Concat(Value(new_path), Substr("path", len(old_path) + 1))
                )

    def _computed_path(self) -> str:
        prefix = self.parent.path if self.parent_id else ""
        return f"{prefix}{self.pk:08d}/"

    def ancestors(self) -> "OrganizationQuerySet":
        ids = [int(part) for part in self.path.split("/") if part][:-1]
        return Organization.objects.filter(pk__in=ids).order_by("path")


class Role(models.Model):
    """A user's role in an organization; a role on a federation reaches its whole subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="union_roles"
    )
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("角色"), max_length=20, choices=translated(vocab.ROLES))

    class Meta:
        verbose_name = _("角色")
        verbose_name_plural = _("角色")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_role_per_org"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization}: {self.get_role_display()}"
