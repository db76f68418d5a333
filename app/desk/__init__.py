from flask import Blueprint

bp = Blueprint("desk", __name__, url_prefix="/desk")

from app.desk import audio, calendar, report, revisions, routes, search, templates_views  # noqa: E402,F401  (routes attach themselves to bp)
