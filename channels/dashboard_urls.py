"""Dashboard pages for channels, at the product's paths (D44)."""

from django.urls import path

from channels import views

app_name = "channels"

urlpatterns = [
    path("user/channels", views.channel_list, name="list"),
    path("user/channels/items", views.channel_file_item, name="file_item_any"),
    path("user/channels/<int:pk>", views.channel_detail, name="detail"),
    path("user/channels/<int:pk>/items", views.channel_file_item, name="file_item"),
    path("user/channels/<int:pk>/edit", views.channel_edit, name="edit"),
    path("user/channels/<int:pk>/star", views.channel_star, name="star"),
    path(
        "user/channels/<int:pk>/add/<str:type_name>",
        views.channel_add_item,
        name="add_item",
    ),
    path(
        "user/channels/<int:pk>/remove/<str:type_name>/<int:item_pk>",
        views.channel_remove_item,
        name="remove_item",
    ),
    path("user/channels/<int:pk>/delete", views.channel_delete, name="delete"),
]
