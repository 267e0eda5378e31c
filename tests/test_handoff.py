# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Handing the report over: the .eml draft, mailto, SMTP against a real server, passwords."""

from __future__ import annotations

import email
import socket
import urllib.parse
from collections.abc import Iterator
from email.policy import default
from pathlib import Path

import keyring
import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from keyring.backend import KeyringBackend
from keyring.backends import fail

from finsam_desktop.document.export import docx_bytes
from finsam_desktop.document.filename import suggested_filename
from finsam_desktop.handoff.message import eml_draft, mailto_url, report_message
from finsam_desktop.handoff.passwords import NoKeyring, store_password, stored_password
from finsam_desktop.handoff.smtp import SendFailed, SmtpSender, SmtpSettings
from finsam_desktop.sample import sample_report


@pytest.fixture
def report() -> tuple[bytes, str, object]:
    name, draft = sample_report()
    return docx_bytes(draft, name)[0], suggested_filename(draft), draft


def test_the_eml_draft_parses_back_with_headers_body_and_the_exact_attachment(report) -> None:  # type: ignore[no-untyped-def]
    data, filename, draft = report
    parsed = email.message_from_bytes(eml_draft(report_message(draft, data, filename)), policy=default)
    assert parsed["To"] == "kontakt@finsamgavleborg.se"
    assert parsed["Subject"] == "Slutrapport – Steget före – samordnat stöd för unga vuxna i Ockelbo – Ockelbo kommun"
    assert parsed["X-Unsent"] == "1" and parsed["Date"] is None and parsed["Message-ID"] is None
    body = parsed.get_body(("plain",)).get_content().replace("\r\n", "\n")  # .eml lines end in CRLF
    assert body.startswith("Hej!\n\nHär kommer slutrapporten för Steget före")
    (attachment,) = list(parsed.iter_attachments())
    assert attachment.get_content() == data
    assert attachment.get_filename() == filename  # the real name, in UTF-8
    raw = eml_draft(report_message(draft, data, filename)).decode("ascii")  # the file itself is 7-bit
    assert "filename*0*=utf-8''Slutrapport%20%E2%80%93%20Steget%20f%C3%B6re" in raw  # RFC 2231, continued
    name = attachment.get_param("name")  # and in plain ASCII for older programs, one plain parameter
    assert name == "Slutrapport - Steget fore - samordnat stod for unga.docx"
    assert 'name="Slutrapport - Steget fore - samordnat stod for unga.docx"' in raw
    assert " name*0" not in raw and ";name*0" not in raw


def test_the_subject_keeps_what_the_insats_is_called(report) -> None:  # type: ignore[no-untyped-def]
    data, filename, draft = report
    draft.allmant.insatsens_namn = 'Steg 1/2: "Vägen in" – ett samarbete mellan kommunen, regionen och Arbetsförmedlingen?'
    message = email.message_from_bytes(report_message(draft, data, filename).as_bytes(), policy=default)
    assert message["Subject"] == (
        'Slutrapport – Steg 1/2: "Vägen in" – ett samarbete mellan kommunen, regionen och Arbetsförmedlingen? – Ockelbo kommun'
    )


def test_mailto_has_address_subject_and_a_reminder_to_attach(report) -> None:  # type: ignore[no-untyped-def]
    _data, filename, draft = report
    url = urllib.parse.urlsplit(mailto_url(draft, filename))
    query = urllib.parse.parse_qs(url.query)
    assert (url.scheme, url.path) == ("mailto", "kontakt@finsamgavleborg.se")
    assert query["subject"] == ["Slutrapport – Steget före – samordnat stöd för unga vuxna i Ockelbo – Ockelbo kommun"]
    assert f"Bifoga filen {filename} innan du skickar." in query["body"][0]
    assert "finns bifogad" not in query["body"][0], "it must not say the file is attached and then ask to attach it"


class Inbox:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append(envelope.content)
        return "250 Mottaget"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # type: ignore[no-any-return]


@pytest.fixture
def tls() -> trustme.CA:
    return trustme.CA()


def server(inbox: Inbox, tls_ca: trustme.CA | None = None) -> Iterator[Controller]:
    options: dict[str, object] = {}
    if tls_ca is not None:
        context = __import__("ssl").create_default_context(__import__("ssl").Purpose.CLIENT_AUTH)
        tls_ca.issue_cert("127.0.0.1").configure_cert(context)

        def authenticator(_server, _session, _envelope, _mechanism, data):  # type: ignore[no-untyped-def]
            ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"sara", b"hemligt")
            return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535 itself

        options = {"tls_context": context, "require_starttls": True, "authenticator": authenticator, "auth_require_tls": True}
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), **options)
    controller.start()
    try:
        yield controller
    finally:
        controller.stop()


def test_smtp_delivers_the_report_to_a_real_server(report) -> None:  # type: ignore[no-untyped-def]
    data, filename, draft = report
    inbox = Inbox()
    for controller in server(inbox):
        settings = SmtpSettings("127.0.0.1", controller.port, "none")
        SmtpSender(settings, "").send(report_message(draft, data, filename, sender="sara@example.se"))
    (received,) = [email.message_from_bytes(raw, policy=default) for raw in inbox.messages]
    assert received["Subject"].startswith("Slutrapport – Steget före")
    assert next(received.iter_attachments()).get_content() == data


def test_smtp_with_starttls_and_login(report, tls: trustme.CA) -> None:  # type: ignore[no-untyped-def]
    data, filename, draft = report
    inbox = Inbox()
    client_context = __import__("ssl").create_default_context()
    tls.configure_trust(client_context)
    for controller in server(inbox, tls):
        settings = SmtpSettings("127.0.0.1", controller.port, "starttls", "sara")
        SmtpSender(settings, "hemligt", client_context).send(report_message(draft, data, filename, sender="sara@example.se"))
        with pytest.raises(SendFailed, match="godtog inte användarnamnet eller lösenordet"):
            SmtpSender(settings, "fel", client_context).send(report_message(draft, data, filename, sender="sara@example.se"))
    assert len(inbox.messages) == 1


def test_an_unreachable_server_is_said_plainly(report) -> None:  # type: ignore[no-untyped-def]
    data, filename, draft = report
    settings = SmtpSettings("127.0.0.1", free_port(), "none")
    with pytest.raises(SendFailed, match=r"Det gick inte att nå e-postservern 127\.0\.0\.1:"):
        SmtpSender(settings, "").send(report_message(draft, data, filename), timeout=5)


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps passwords in memory, for tests."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def restore_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


def test_the_password_lives_in_the_keyring_only(restore_keyring: None, tmp_path: Path) -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    assert stored_password("sara", "smtp.example.se") is None
    store_password("sara", "smtp.example.se", "hemligt")
    assert stored_password("sara", "smtp.example.se") == "hemligt"
    assert list(memory.store.values()) == ["hemligt"]


def test_without_a_keyring_the_app_says_why_it_asks_each_time(restore_keyring: None) -> None:
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(NoKeyring, match="skriva det varje gång"):
        stored_password("sara", "smtp.example.se")
    with pytest.raises(NoKeyring):
        store_password("sara", "smtp.example.se", "hemligt")


def test_a_send_can_be_cancelled_while_the_server_keeps_silent(report) -> None:  # type: ignore[no-untyped-def]
    import threading
    import time

    from finsam_desktop.handoff.smtp import SendCancelled

    data, filename, draft = report
    with socket.socket() as silent:  # accepts the connection and never says hello
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        sender = SmtpSender(SmtpSettings("127.0.0.1", silent.getsockname()[1], "none"), "")
        outcome: list[BaseException] = []

        def send() -> None:
            try:
                sender.send(report_message(draft, data, filename), timeout=60)
            except BaseException as error:
                outcome.append(error)

        worker = threading.Thread(target=send)
        worker.start()
        time.sleep(0.3)
        sender.cancel()
        worker.join(timeout=10)
    assert not worker.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], SendCancelled)
    assert str(outcome[0]) == "Skickandet avbröts. Inget skickades."


def test_a_password_with_a_ring_on_the_a_gets_a_clear_message(report, tls: trustme.CA) -> None:  # type: ignore[no-untyped-def]
    data, filename, draft = report
    client_context = __import__("ssl").create_default_context()
    tls.configure_trust(client_context)
    for controller in server(Inbox(), tls):
        settings = SmtpSettings("127.0.0.1", controller.port, "starttls", "sara")
        with pytest.raises(SendFailed, match="innehåller tecken \\(som å, ä eller ö\\)"):
            SmtpSender(settings, "hemligtåäö", client_context).send(report_message(draft, data, filename, sender="sara@example.se"))


def test_an_unknown_security_setting_never_sends_in_plain_text(report) -> None:  # type: ignore[no-untyped-def]
    data, filename, draft = report
    inbox = Inbox()
    for controller in server(inbox):
        settings = SmtpSettings("127.0.0.1", controller.port, "tls1.0")  # type: ignore[arg-type]  # a hand-edited file
        with pytest.raises(SendFailed, match="okänd"):
            SmtpSender(settings, "").send(report_message(draft, data, filename, sender="sara@example.se"))
    assert inbox.messages == []


def _fake_server(behaviour: str) -> tuple[socket.socket, list[bytes]]:
    """A server on loopback that talks SMTP up to a point: ``drip`` says hello a byte at a
    time, ``drop`` takes the whole message and hangs up without answering it."""
    import threading
    import time

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    received: list[bytes] = []

    def serve() -> None:
        connection, _ = listener.accept()
        with connection:
            if behaviour == "drip":
                try:
                    for byte in b"220 hej " * 1000:
                        connection.sendall(bytes([byte]))
                        time.sleep(0.2)
                except OSError:
                    return
                return
            reader = connection.makefile("rb")
            connection.sendall(b"220 prov ESMTP\r\n")
            while line := reader.readline():
                command = line[:4].upper()
                if command in {b"EHLO", b"HELO"}:
                    connection.sendall(b"250 prov\r\n")
                elif command in {b"MAIL", b"RCPT"}:
                    connection.sendall(b"250 ok\r\n")
                elif command == b"DATA":
                    connection.sendall(b"354 skicka\r\n")
                    body = b""
                    while not body.endswith(b"\r\n.\r\n"):
                        body += reader.readline()
                    received.append(body)
                    return  # gone, with no word on the message it took

    threading.Thread(target=serve, daemon=True).start()
    return listener, received


def test_a_server_that_hangs_up_after_taking_the_message_is_not_called_unreachable(report) -> None:  # type: ignore[no-untyped-def]
    data, filename, draft = report
    listener, received = _fake_server("drop")
    with listener:
        sender = SmtpSender(SmtpSettings("127.0.0.1", listener.getsockname()[1], "none"), "")
        with pytest.raises(SendFailed) as failed:
            sender.send(report_message(draft, data, filename), timeout=10)
    assert received and str(failed.value).startswith(
        "Servern svarade inte efter att ha tagit emot meddelandet; kontrollera i Skickat innan du skickar igen."
    )


def test_a_server_that_answers_a_byte_at_a_time_is_given_up_within_the_overall_limit(report) -> None:  # type: ignore[no-untyped-def]
    data, filename, draft = report
    listener, _received = _fake_server("drip")  # each byte well within the per-read timeout
    with listener:
        sender = SmtpSender(SmtpSettings("127.0.0.1", listener.getsockname()[1], "none"), "")
        with pytest.raises(SendFailed, match="svarade för långsamt") as failed:
            sender.send(report_message(draft, data, filename), timeout=5, overall=2)
    assert "Inget skickades" in str(failed.value)
