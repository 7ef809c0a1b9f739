from django.urls import path

from unionplan.review import cascade_views, revision_views, views

app_name = "review"
urlpatterns = [
    path("plans/<int:pk>/submit/", views.submit, name="submit"),
    path("plans/<int:pk>/review/", views.review, name="review"),
    path("plans/<int:pk>/archive/", views.archive, name="archive"),
    path("plans/<int:pk>/adjust/", revision_views.adjust, name="adjust"),
    path("plans/<int:pk>/revisions/<int:number>/", revision_views.revision, name="revision"),
    path("targets/<int:pk>/cascade/", cascade_views.split, name="cascade"),
    path("bell/", views.bell, name="bell"),
    path("notifications/", views.inbox, name="inbox"),
    path("board/<int:pk>/<int:year>/", views.board, name="board"),
    path("board/<int:pk>/<int:year>/deadline/", views.deadline, name="deadline"),
    path("board/<int:pk>/<int:year>/remind/", views.remind, name="remind"),
    path("statistics/<int:pk>/<int:year>/", views.statistics, name="statistics"),
    path("statistics/<int:pk>/<int:year>/xlsx/", views.statistics_xlsx, name="statistics_xlsx"),
]
