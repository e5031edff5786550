"""The splash pages of the dashboard (D44); included before shortener.urls."""

from django.urls import path

from splash import views

app_name = "splash"

urlpatterns = [
    path("user/splash", views.page_list, name="list"),
    path("user/splash/new", views.page_create, name="create"),
    path("user/splash/<int:pk>/edit", views.page_edit, name="edit"),
    path("user/splash/<int:pk>/delete", views.page_delete, name="delete"),
]
