"""The page of one job: its progress (polled by htmx), its outcome and its file.

A job is its starter's: another user — even of the same union — gets 404, because the
file it made may hold personal data exported under the starter's name.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from unionplan.core import downloads
from unionplan.errors import UserInputError
from unionplan.jobs import lifecycle
from unionplan.jobs.models import Job


def _own_job_or_404(request: HttpRequest, pk) -> Job:
    job = Job.objects.filter(pk=pk, user=request.user).defer("payload", "result").first()
    if job is None:
        raise Http404
    return job


def _context(job: Job) -> dict:
    return {"job": job, "waiting_long": lifecycle.waiting_long(job)}


@login_required
def detail(request: HttpRequest, pk) -> HttpResponse:
    lifecycle.mark_lost()
    return render(request, "jobs/job.html", _context(_own_job_or_404(request, pk)))


@login_required
def status(request: HttpRequest, pk) -> HttpResponse:
    """The progress fragment that the page polls until the job has finished."""
    lifecycle.mark_lost()
    return render(request, "jobs/_status.html", _context(_own_job_or_404(request, pk)))


@login_required
def download(request: HttpRequest, pk) -> HttpResponse:
    job = Job.objects.filter(pk=pk, user=request.user, status=Job.DONE).first()
    if job is None or job.result is None:
        raise Http404
    return downloads.download(bytes(job.result), job.result_name, content_type=job.result_type)


@login_required
@require_POST
def retry(request: HttpRequest, pk) -> HttpResponse:
    job = Job.objects.filter(pk=pk, user=request.user).first()
    if job is None:
        raise Http404
    try:
        lifecycle.retry(job)
    except UserInputError as error:
        messages.error(request, error.message)
    return redirect("jobs:detail", job.pk)
