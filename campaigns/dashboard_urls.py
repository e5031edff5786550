"""Dashboard pages for campaigns, at the product's paths (D44)."""

from django.urls import path

from campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("user/campaigns", views.campaign_list, name="list"),
    path("user/campaigns/<int:pk>", views.campaign_detail, name="detail"),
    path("user/campaigns/<int:pk>/links", views.campaign_add_link, name="add_link"),
    path(
        "user/campaigns/<int:pk>/links/<int:link_pk>/remove",
        views.campaign_remove_link,
        name="remove_link",
    ),
    path("user/campaigns/<int:pk>/weights", views.campaign_weights, name="weights"),
    path("user/campaigns/<int:pk>/delete", views.campaign_delete, name="delete"),
]
