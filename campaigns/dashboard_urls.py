"""Dashboard pages (D44)."""

app_name = "campaigns"

urlpatterns: list = []
