"""Dashboard pages for links and branded domains, at the product's paths (D44)."""

from django.urls import path

from shortener import views

app_name = "links"

urlpatterns = [
    path("user/links", views.link_list, name="list"),
    path("user/links/new", views.link_create, name="create"),
    path("user/links/<int:pk>/edit", views.link_edit, name="edit"),
    path("user/links/<int:pk>/delete", views.link_delete, name="delete"),
    path("user/domains", views.domain_list, name="domains"),
    path("user/domains/<int:pk>/edit", views.domain_edit, name="domain_edit"),
    path("user/domains/<int:pk>/delete", views.domain_delete, name="domain_delete"),
]
