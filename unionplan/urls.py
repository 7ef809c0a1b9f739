from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from unionplan.ops.favicon import favicon
from unionplan.ops.health import healthz
from unionplan.plans import home

urlpatterns = [
    path("", home.home, name="home"),
    path("favicon.ico", favicon, name="favicon"),
    path("healthz", healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("orgs/", include("unionplan.orgs.urls")),
    path("plans/", include("unionplan.plans.urls")),
    path("review/", include("unionplan.review.urls")),
    path("audit/", include("unionplan.audit.urls")),
    path("calendar/", include("unionplan.agenda.urls")),
    path("members/", include("unionplan.members.urls")),
    path("records/", include("unionplan.records.urls")),
    path("imports/", include("unionplan.imports.urls")),
    path("dashboard/", include("unionplan.dashboard.urls")),
    path("jobs/", include("unionplan.jobs.urls")),
    path("welfare/", include("unionplan.welfare.urls")),
    path("funds/", include("unionplan.funds.urls")),
    path("api/", include("unionplan.api.urls")),
    path("admin/", admin.site.urls),
]
