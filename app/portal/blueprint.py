"""The portal blueprint, apart from its package: the views import it from here."""

from flask import Blueprint

bp = Blueprint("portal", __name__)
