from django.urls import path

from unionplan.members import plan_counts, views

app_name = "members"
urlpatterns = [
    path("org/<int:pk>/", views.member_list, name="list"),
    path("org/<int:pk>/add/", views.member_add, name="add"),
    path("<int:pk>/edit/", views.member_edit, name="edit"),
    path("<int:pk>/remove/", views.member_remove, name="remove"),
    path("<int:pk>/transfer/", views.member_transfer, name="transfer"),
    path("org/<int:pk>/export/", views.export_members, name="export"),
    path("org/<int:pk>/import/", views.import_upload, name="import"),
    path("org/<int:pk>/import/confirm/", views.import_confirm, name="import_confirm"),
    path("org/<int:pk>/import/review/<uuid:job_pk>/", views.import_review, name="import_review"),
    path("item/<int:pk>/participants/", views.participants, name="participants"),
    path("item/<int:pk>/participants.xlsx", views.participants_xlsx, name="participants_xlsx"),
    path(
        "plan/<int:pk>/participants/",
        plan_counts.plan_participant_counts,
        name="plan_participant_counts",
    ),
]
