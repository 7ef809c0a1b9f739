from django.urls import path

from unionplan.agenda import views

app_name = "agenda"
urlpatterns = [
    path("wizard/<int:org_pk>/", views.wizard, name="wizard"),
    path("plan/<int:pk>/month/", views.plan_grid, name="plan_grid"),
    path("plan/<int:pk>/year/", views.plan_year, name="plan_year"),
    path("subscription/<int:org_pk>/", views.feed, name="feed"),
    path("feed/<str:token>.ics", views.feed_ics, name="feed_ics"),
    path("remind/<int:org_pk>/", views.remind, name="remind"),
]
