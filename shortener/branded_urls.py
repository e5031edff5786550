"""URLs of a branded domain: its own root page, then everything the site answers.

KnownHostMiddleware switches a request to this URLconf when it came to a branded
domain, so `/` there is the domain's page, not the site's home page.
"""

from django.urls import path

from config import urls as site
from shortener.redirect import domain_root

urlpatterns = [path("", domain_root, name="domain-root"), *site.urlpatterns]

handler400 = site.handler400
handler404 = site.handler404
handler500 = site.handler500
