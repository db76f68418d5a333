"""The receivers' blueprints, apart from their package: the views import them from here.

``api`` is what loudspeaker clusters call (their own key, no session, no CSRF, no rate limit);
``bp`` holds the staff pages and the public CAP alerts and their feed.
"""

from flask import Blueprint

api = Blueprint("receiver_api", __name__, url_prefix="/api/receiver/v1", cli_group=None)
bp = Blueprint("receivers", __name__)
