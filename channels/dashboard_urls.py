"""Dashboard pages (D44)."""

app_name = "channels"

urlpatterns: list = []
