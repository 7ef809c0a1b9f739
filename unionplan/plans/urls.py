from django.urls import path

from unionplan.plans import editor, views

app_name = "plans"
urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
    path("new/<int:org_pk>/", views.create, name="create"),
    path("<int:pk>/block/<str:name>/", views.block, name="block"),
    path("<int:pk>/export/<str:fmt>/", views.export, name="export"),
    path("<int:pk>/header/edit/", editor.edit_header, name="header_edit"),
]

# The same four editing URLs for each part of a plan: sections_add, targets_edit, …
for kind in editor.KINDS:
    urlpatterns += [
        path(f"<int:pk>/{kind}/add/", editor.add, {"kind": kind}, name=f"{kind}_add"),
        path(
            f"<int:pk>/{kind}/<int:row_pk>/edit/", editor.edit, {"kind": kind}, name=f"{kind}_edit"
        ),
        path(
            f"<int:pk>/{kind}/<int:row_pk>/move/<str:direction>/",
            editor.move,
            {"kind": kind},
            name=f"{kind}_move",
        ),
        path(
            f"<int:pk>/{kind}/<int:row_pk>/delete/",
            editor.delete,
            {"kind": kind},
            name=f"{kind}_delete",
        ),
    ]
