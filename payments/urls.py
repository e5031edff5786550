"""Pricing, the billing page (D44) and the provider's webhook (outside /api)."""

from django.urls import path

from payments import views

app_name = "payments"

urlpatterns = [
    path("pricing", views.pricing, name="pricing"),
    path("user/billing", views.billing, name="billing"),
    path("user/billing/checkout", views.checkout, name="checkout"),
    path("user/billing/portal", views.portal, name="portal"),
    path("billing/webhook/stripe", views.stripe_webhook, name="stripe-webhook"),
]
