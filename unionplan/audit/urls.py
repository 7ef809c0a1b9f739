from django.urls import path

from unionplan.audit import views

app_name = "audit"
urlpatterns = [path("orgs/<int:org_pk>/", views.log, name="log")]
