from django.urls import path

from unionplan.plans import views

app_name = "plans"
urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
    path("new/<int:org_pk>/", views.create, name="create"),
]
