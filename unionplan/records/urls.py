from django.urls import path

from unionplan.records import views

app_name = "records"
urlpatterns = [
    path("item/<int:pk>/", views.item_records, name="item"),
    path("item/<int:item_pk>/new/", views.create, name="create"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("attachment/<int:pk>/", views.attachment, name="attachment"),
    path("plan/<int:pk>/", views.plan_overview, name="plan"),
    path("plan/<int:pk>/ledger.xlsx", views.ledger, name="ledger"),
    path("plan/<int:pk>/summary.docx", views.summary, name="summary"),
    path("target/<int:pk>/", views.target, name="target"),
]
