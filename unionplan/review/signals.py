"""What the review tells the apps above it: a plan was approved (``plan``, ``step``).

Sent inside the approval's transaction, so a receiver that fails undoes the approval; the
funds app records the plan's budget as approved (apps above review listen, review imports
none of them).
"""

from django.dispatch import Signal

plan_approved = Signal()
