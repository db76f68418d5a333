from flask import Blueprint

bp = Blueprint("auth", __name__)

from app.auth import notifications, routes  # noqa: E402,F401  (routes attach themselves to bp)
