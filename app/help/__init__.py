from flask import Blueprint

bp = Blueprint("help", __name__, url_prefix="/huong-dan")

from app.help import routes  # noqa: E402,F401  (routes attach themselves to bp)
