"""Keep the members' (and their children's) denormalised ``org_key`` / ``tree_root`` in step
when a union moves.

``Organization.save`` rewrites the paths below a moved union with one UPDATE (no signals for
the descendants), so we do the same for members: one UPDATE over the old key range. Moving a
union into another tree where one of its members' ID numbers already exists fails on the
uniqueness constraint, inside the same transaction, so the move is refused as a whole.
"""

from __future__ import annotations

from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from unionplan.members.models import ID_WIDTH, Child, Member, next_key
from unionplan.orgs.models import Organization


@receiver(pre_save, sender=Organization)
def remember_old_path(sender, instance: Organization, **kwargs) -> None:
    if instance.pk:
        old = Organization.objects.filter(pk=instance.pk).values_list("path", flat=True).first()
        instance._members_old_path = old or ""


@receiver(post_save, sender=Organization)
def move_members(sender, instance: Organization, **kwargs) -> None:
    old_path = instance.__dict__.pop("_members_old_path", "")
    if not old_path or old_path == instance.path:
        return
    old_key, new_key = old_path.replace("/", ""), instance.path.replace("/", "")
    moved_key = Concat(Value(new_key), Substr("org_key", len(old_key) + 1))
    Member.objects.filter(org_key__gte=old_key, org_key__lt=next_key(old_key)).update(
        org_key=moved_key, tree_root=int(new_key[:ID_WIDTH])
    )
    Child.objects.filter(org_key__gte=old_key, org_key__lt=next_key(old_key)).update(
        org_key=moved_key
    )
