from django.urls import path

from unionplan.welfare import views

app_name = "welfare"
urlpatterns = [
    path("org/<int:pk>/", views.register, name="register"),
    path("org/<int:pk>/give/", views.give, name="give"),
    path("member/<int:pk>/", views.member_year, name="member"),
    path("rules/", views.rules, name="rules"),
]
