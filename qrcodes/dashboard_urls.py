"""Dashboard pages for QR codes, at the product's paths (D44)."""

from django.urls import path

from qrcodes import views

app_name = "qr"

urlpatterns = [
    path("user/qr", views.qr_list, name="list"),
    path("user/qr/new", views.qr_create, name="create"),
    path("user/qr/preview", views.qr_preview, name="preview"),
    path("user/qr/<int:pk>", views.qr_detail, name="detail"),
    path("user/qr/<int:pk>/edit", views.qr_edit, name="edit"),
    path("user/qr/<int:pk>/delete", views.qr_delete, name="delete"),
]
