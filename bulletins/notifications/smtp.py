"""Plain-text e-mail through a configured SMTP server (smtplib; no Flask)."""

from __future__ import annotations

import email.contentmanager
import email.policy
import smtplib
import ssl
from dataclasses import dataclass
from email.header import Header
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid, parseaddr


class MailError(Exception):
    """The message could not be handed to the SMTP server."""


@dataclass(frozen=True)
class MailSettings:
    """Where and how to send; `server` empty means e-mail is off."""

    server: str
    port: int = 25
    username: str | None = None
    password: str | None = None
    starttls: bool = False
    ssl: bool = False
    sender: str = "Loa <loa@localhost>"
    #: seconds; short, so a dead server fails fast instead of holding a worker
    timeout: float = 10.0


def build(settings: MailSettings, to: str, subject: str, text: str) -> EmailMessage:
    """A UTF-8 text message with Date and Message-ID, 7-bit clean on the wire."""
    # compat32 headers: the default policy's folder (Python 3.11) drops the space at a fold
    # between two encoded words, which long Vietnamese subjects hit; Header splits correctly
    message = EmailMessage(policy=email.policy.compat32)
    name, sender = parseaddr(settings.sender)
    message["From"] = formataddr((name, sender), charset="utf-8")
    message["To"] = to
    message["Subject"] = Header(subject, "utf-8")
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "localhost")
    message.set_content(text, charset="utf-8", cte="quoted-printable",
                        content_manager=email.contentmanager.raw_data_manager)
    return message


def send(settings: MailSettings, to: str, subject: str, text: str) -> str:
    """Send one message; return its Message-ID, or raise MailError."""
    message = build(settings, to, subject, text)
    try:
        if settings.ssl:
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.server, settings.port, timeout=settings.timeout,
                context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(settings.server, settings.port, timeout=settings.timeout)
        with smtp:
            if settings.starttls and not settings.ssl:
                smtp.starttls(context=ssl.create_default_context())
            if settings.username:
                smtp.login(settings.username, settings.password or "")
            smtp.send_message(message)
    except (smtplib.SMTPException, OSError) as error:
        raise MailError(f"Không gửi được thư tới {to} qua {settings.server}:{settings.port}: "
                        f"{type(error).__name__}: {error}") from error
    return str(message["Message-ID"])
