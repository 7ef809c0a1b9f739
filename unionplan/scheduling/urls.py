app_name = "scheduling"
urlpatterns: list = []
