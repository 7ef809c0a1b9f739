from django.urls import path

from unionplan.imports import views

app_name = "imports"
urlpatterns = [
    path("<int:org_pk>/", views.upload, name="upload"),
    path("<int:org_pk>/preview/<str:token>/", views.preview, name="preview"),
]
