"""The Django admin for users."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.forms import AdminUserAddForm, AdminUserChangeForm
from accounts.models import User
from billing.admin import SubscriptionInline
from billing.entitlements import current_subscription


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = AdminUserChangeForm
    add_form = AdminUserAddForm
    list_display = [
        "username",
        "email",
        "plan",
        "membership",
        "is_staff",
        "is_active",
        "is_banned",
        "date_joined",
    ]
    list_filter = [
        "is_staff",
        "is_superuser",
        "is_active",
        "is_banned",
        "subscription__plan",
        "language",
    ]
    list_select_related = ["subscription__plan"]
    inlines = [SubscriptionInline]
    search_fields = ["username", "email"]
    readonly_fields = ["api_key", "last_login", "date_joined"]
    actions = ["regenerate_api_keys"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (
            _("Personal info"),
            {"fields": ("first_name", "last_name", "email", "avatar", "language")},
        ),
        (_("API"), {"fields": ("api_key",)}),
        (
            _("Permissions"),
            {
                "fields": (
                    "is_active",
                    "is_banned",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ),
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "email",
                    "usable_password",
                    "password1",
                    "password2",
                ),
            },
        ),
    )

    @admin.display(description=_("plan"), ordering="subscription__plan__name")
    def plan(self, user: User) -> str:
        """The plan of the current subscription; "-" on the default plan."""
        subscription = current_subscription(user)
        return subscription.plan.name if subscription is not None else "-"

    @admin.display(description=_("membership"))
    def membership(self, user: User) -> str:
        return user.membership

    def get_inline_instances(self, request: HttpRequest, obj: User | None = None):
        # The add form only asks for the login; the plan is set once it exists.
        return super().get_inline_instances(request, obj) if obj is not None else []

    @admin.action(description=_("Regenerate API keys"))
    def regenerate_api_keys(self, request: HttpRequest, queryset: QuerySet) -> None:
        """Give each selected user a new API key; their old keys stop working."""
        users = list(queryset)
        for user in users:
            user.regenerate_api_key()
        self.message_user(
            request,
            ngettext(
                "The API key of %(count)d user was regenerated.",
                "The API keys of %(count)d users were regenerated.",
                len(users),
            )
            % {"count": len(users)},
            messages.SUCCESS,
        )
