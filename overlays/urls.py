"""Overlays: the dashboard pages (D44) and the visitors' submissions.

Included before shortener.urls, whose `/<alias>` takes what is left.
"""

from django.urls import path

from overlays import views

app_name = "overlays"

urlpatterns = [
    path("user/overlay", views.overlay_list, name="list"),
    path("user/overlay/new", views.overlay_create, name="create"),
    path("user/overlay/<int:pk>", views.overlay_detail, name="detail"),
    path("user/overlay/<int:pk>/edit", views.overlay_edit, name="edit"),
    path("user/overlay/<int:pk>/delete", views.overlay_delete, name="delete"),
    path("user/overlay/<int:pk>/subscribers.csv", views.subscribers_csv, name="csv"),
    path("overlay/<int:pk>/submit", views.submit, name="submit"),
]
