from django.urls import path

from unionplan.orgs import views

app_name = "orgs"
urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
]
