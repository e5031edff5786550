"""Dashboard pages for pixels, at the product's paths (D44)."""

from django.urls import path

from pixels import views

app_name = "pixels"

urlpatterns = [
    path("user/pixels", views.pixel_list, name="list"),
    path("user/pixels/<int:pk>/edit", views.pixel_edit, name="edit"),
    path("user/pixels/<int:pk>/delete", views.pixel_delete, name="delete"),
]
