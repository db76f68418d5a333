"""The auth blueprint, apart from its package: the views import it from here."""

from flask import Blueprint

bp = Blueprint("auth", __name__)
