app_name = "public_site"

urlpatterns = []
