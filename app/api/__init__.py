from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

import app.api.programs  # noqa: E402,F401  (the radio desk's routes)
import app.api.reports  # noqa: E402,F401  (the implementation report)
from app.api import routes  # noqa: E402,F401  (routes attach themselves to bp)
