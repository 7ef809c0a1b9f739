from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from unionplan.api import pages, views

app_name = "api"

urlpatterns = [
    path("v1/organizations/", views.OrganizationList.as_view(), name="organizations"),
    path("v1/organizations/<int:pk>/", views.OrganizationDetail.as_view(), name="organization"),
    path("v1/plans/", views.PlanList.as_view(), name="plans"),
    path("v1/plans/<int:pk>/", views.PlanDetail.as_view(), name="plan"),
    path("v1/plans/<int:pk>/history/", views.PlanHistory.as_view(), name="plan-history"),
    path("v1/plans/<int:pk>/submit/", views.PlanSubmit.as_view(), name="plan-submit"),
    path("v1/plans/<int:pk>/review/", views.PlanReview.as_view(), name="plan-review"),
    path("v1/board/<int:pk>/<int:year>/", views.Board.as_view(), name="board"),
    path("v1/statistics/<int:pk>/<int:year>/", views.Statistics.as_view(), name="statistics"),
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("v1/docs/", views.docs, name="docs"),
    path("tokens/", pages.tokens_page, name="tokens"),
    path("tokens/<int:pk>/revoke/", pages.revoke, name="revoke"),
]
