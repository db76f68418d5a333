"""Every table of Loa, registered in one place (plain SQLAlchemy, no Flask import).

Importing ``bulletins.models`` makes ``Base.metadata`` complete: the web layer hands it to
Flask-SQLAlchemy and Flask-Migrate, tests create it, backups walk it. Times are naive UTC;
text columns hold NFC text. Feature packages import their tables from here.
"""

from bulletins.models.audit import AuditHead, AuditLog
from bulletins.models.base import NAMING, Base
from bulletins.models.bulletin import (
    AudioFile,
    Bulletin,
    Finding,
    Revision,
    Topic,
    Unit,
    WorkflowEvent,
)
from bulletins.models.desk import BulletinTemplate, Comment, KeyDate
from bulletins.models.people import ApiToken, User, UserRole
from bulletins.models.radio import (
    PLAN_ATTRIBUTES,
    PROGRAM_STATES,
    AirPlan,
    Broadcast,
    BroadcastItem,
    Program,
    ProgramItem,
    Slot,
)
from bulletins.models.receivers import Receiver, ReceiverSchedule
from bulletins.models.settings import (
    AllowEntry,
    LexiconEntry,
    Notification,
    NotificationSettings,
    ScanRule,
)
from bulletins.models.tenancy import Commune, Province

__all__ = [
    "NAMING", "PLAN_ATTRIBUTES", "PROGRAM_STATES", "AirPlan", "AllowEntry", "ApiToken",
    "AudioFile", "AuditHead", "AuditLog", "Base", "Broadcast", "BroadcastItem", "Bulletin",
    "BulletinTemplate", "Comment", "Commune", "Finding", "KeyDate", "LexiconEntry",
    "Notification", "NotificationSettings", "Program", "ProgramItem", "Province", "Receiver",
    "ReceiverSchedule", "Revision", "ScanRule", "Slot", "Topic", "Unit", "User", "UserRole",
    "WorkflowEvent",
]
