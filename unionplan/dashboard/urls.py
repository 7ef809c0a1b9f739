from django.urls import path

from unionplan.dashboard import views

app_name = "dashboard"
urlpatterns = [path("org/<int:pk>/", views.org, name="org")]
