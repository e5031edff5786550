import secrets

from django.conf import settings
from django.core.management.base import BaseCommand

from accounts.models import User

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create a demo site admin when the site has none, printing its credentials."

    def handle(self, *args, **options) -> None:
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("A site admin exists already; no demo admin created.")
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_superuser(
            username=USERNAME, email="admin@example.com", password=password
        )
        # Shown once: only the hash of the password is stored.
        self.stdout.write(
            self.style.SUCCESS("Demo admin created (shown only this once):")
            + f"\n  URL:      {settings.SITE_URL}/user/login"
            + f"\n  Admin:    {settings.SITE_URL}/admin/"
            + f"\n  Username: {user.username}"
            + f"\n  Password: {password}"
            + f"\n  API key:  {user.api_key}"
        )
