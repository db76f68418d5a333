from flask import Blueprint

bp = Blueprint("radio", __name__, url_prefix="/radio")

from app.radio import log, routes  # noqa: E402,F401  (routes attach themselves to bp)
