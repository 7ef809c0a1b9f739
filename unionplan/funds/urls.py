from django.urls import path

from unionplan.funds import income_views, views

app_name = "funds"
urlpatterns = [
    path("plan/<int:pk>/budget/", views.plan_budget, name="plan_budget"),
    path("org/<int:pk>/<int:year>/", views.accounts, name="accounts"),
    path("org/<int:pk>/<int:year>/final/", views.final_review_page, name="final_review"),
    path("org/<int:pk>/<int:year>/final.xlsx", views.final_download, name="final_download"),
    path("org/<int:pk>/<int:year>/settings/", views.finance, name="finance"),
    path("org/<int:pk>/<int:year>/adjust/", views.adjust, name="adjust"),
    path("adjustment/<int:pk>/review/", views.review_adjustment, name="review_adjustment"),
    path("org/<int:pk>/<int:year>/reimbursements/", views.reimbursements, name="reimbursements"),
    path("org/<int:pk>/reimbursements/new/", views.reimbursement_new, name="reimbursement_new"),
    path("reimbursement/<int:pk>/", views.reimbursement, name="reimbursement"),
    path("reimbursement/<int:pk>/edit/", views.reimbursement_edit, name="reimbursement_edit"),
    path(
        "reimbursement/<int:pk>/<slug:step>/", views.reimbursement_step, name="reimbursement_step"
    ),
    path("receipt/<int:pk>/", views.receipt, name="receipt"),
    path("org/<int:pk>/<int:year>/income/", income_views.income_list, name="income"),
    path("income/<int:pk>/edit/", income_views.income_edit, name="income_edit"),
]
