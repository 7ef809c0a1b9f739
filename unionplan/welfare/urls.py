from django.urls import path

from unionplan.welfare import campaign_views, hardship_views, views

app_name = "welfare"
urlpatterns = [
    path("org/<int:pk>/", views.register, name="register"),
    path("org/<int:pk>/give/", views.give, name="give"),
    path("member/<int:pk>/", views.member_year, name="member"),
    path("rules/", views.rules, name="rules"),
    path("org/<int:pk>/hardship/", hardship_views.file_list, name="hardship_list"),
    path("org/<int:pk>/hardship/new/", hardship_views.intake, name="hardship_new"),
    path(
        "org/<int:pk>/hardship/publicity/",
        hardship_views.publicity_list,
        name="hardship_publicity_list",
    ),
    path("org/<int:pk>/hardship/readers/", hardship_views.readers, name="hardship_readers"),
    path("hardship/<int:pk>/", hardship_views.file_page, name="hardship_file"),
    path("hardship/<int:pk>/edit/", hardship_views.edit, name="hardship_edit"),
    path("hardship/<int:pk>/review/", hardship_views.review, name="hardship_review"),
    path("hardship/<int:pk>/publicity/", hardship_views.publicity, name="hardship_publicity"),
    path("hardship/<int:pk>/pay/", hardship_views.pay, name="hardship_pay"),
    path("hardship/<int:pk>/recheck/", hardship_views.recheck, name="hardship_recheck"),
    path("hardship/<int:pk>/exit/", hardship_views.exit_file, name="hardship_exit"),
]

urlpatterns += [
    path("org/<int:pk>/campaigns/", campaign_views.campaign_list, name="campaigns"),
    path("org/<int:pk>/campaigns/new/", campaign_views.campaign_new, name="campaign_new"),
    path("campaign/<int:pk>/", campaign_views.campaign_detail, name="campaign"),
    path("campaign/<int:pk>/edit/", campaign_views.campaign_edit, name="campaign_edit"),
    path("campaign/<int:pk>/sign/", campaign_views.campaign_sign, name="campaign_sign"),
    path(
        "campaign/<int:pk>/sign.xlsx", campaign_views.campaign_sign_xlsx, name="campaign_sign_xlsx"
    ),
    path("campaign/<int:pk>/notice/", campaign_views.campaign_notice, name="campaign_notice"),
]
