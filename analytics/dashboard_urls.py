"""Statistics pages, under each link's dashboard path (D44)."""

from django.urls import path

from analytics import views

app_name = "stats"

urlpatterns = [
    path("user/links/<int:pk>/stats", views.link_stats, name="link"),
    path("user/links/<int:pk>/stats/clicks.csv", views.clicks_csv, name="csv"),
]
