from flask import Blueprint

bp = Blueprint("portal", __name__)

from app.portal import feed_views, routes  # noqa: E402,F401  (routes attach themselves to bp)
