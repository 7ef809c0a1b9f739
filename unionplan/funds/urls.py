from django.urls import path

from unionplan.funds import views

app_name = "funds"
urlpatterns = [
    path("plan/<int:pk>/budget/", views.plan_budget, name="plan_budget"),
    path("org/<int:pk>/<int:year>/", views.accounts, name="accounts"),
    path("org/<int:pk>/<int:year>/settings/", views.finance, name="finance"),
    path("org/<int:pk>/<int:year>/adjust/", views.adjust, name="adjust"),
    path("adjustment/<int:pk>/review/", views.review_adjustment, name="review_adjustment"),
]
