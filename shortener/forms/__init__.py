"""Dashboard forms for links and branded domains.

The forms gather input and hand it over as the very parameters the API receives
(api-spec §3.3, §7), so shortener.parsing applies one set of rules and messages
to both; the services then do the work.
"""

from shortener.forms.domains import DomainForm, DomainRedirectsForm
from shortener.forms.links import LinkForm

__all__ = ["DomainForm", "DomainRedirectsForm", "LinkForm"]
