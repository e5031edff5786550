"""Visitors' submissions to `/overlay/<id>/submit`: stored once, checked, limited."""

import pytest
from django.core import mail
from django.test import Client

from overlays.models import ContactMessage, PollVote, Subscriber
from tests.analytics.visits import visit

CONTACT = {"name": "Ada", "email": "ada@example.org", "message": "Hello there"}


def submit(client: Client, overlay, link, **data: object):
    return visit(
        client,
        f"/overlay/{overlay.pk}/submit",
        "post",
        {"link": link.pk, "website": "", **data},
    )


def test_a_contact_message_is_kept_and_mailed_to_the_owner(
    client, owner, overlay_link, django_capture_on_commit_callbacks
):
    overlay, link = overlay_link(owner, "contact")

    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, overlay, link, **CONTACT)

    assert response.status_code == 200
    assert "Thank you, your message has been sent." in response.content.decode()
    message = ContactMessage.objects.get()
    assert (message.overlay, message.name, message.email, message.message) == (
        overlay,
        "Ada",
        "ada@example.org",
        "Hello there",
    )
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [owner.email]
    assert sent.reply_to == ["ada@example.org"]
    assert sent.subject == 'New message from your overlay "My contact"'
    assert "Hello there" in sent.body
    assert "Ada" in sent.body


def test_the_owner_may_choose_where_messages_go(
    client, owner, overlay_link, django_capture_on_commit_callbacks
):
    overlay, link = overlay_link(
        owner, "contact", settings={"heading": "Hi", "email": "desk@example.com"}
    )

    with django_capture_on_commit_callbacks(execute=True):
        submit(client, overlay, link, **CONTACT)

    assert mail.outbox[0].to == ["desk@example.com"]


def test_an_invalid_contact_message_is_refused(client, owner, overlay_link):
    overlay, link = overlay_link(owner, "contact")

    response = submit(client, overlay, link, name="", email="not-an-address")

    assert response.status_code == 400
    assert "Please correct the errors below." in response.content.decode()
    assert not ContactMessage.objects.exists()
    assert mail.outbox == []


def test_a_filled_honeypot_is_thanked_and_nothing_is_kept(client, owner, overlay_link):
    overlay, link = overlay_link(owner, "contact")

    response = submit(client, overlay, link, **{**CONTACT, "website": "spam.example"})

    assert response.status_code == 200
    assert not ContactMessage.objects.exists()
    assert mail.outbox == []


def test_the_sixth_submission_in_a_minute_is_refused(client, owner, overlay_link):
    overlay, link = overlay_link(owner, "newsletter")
    for n in range(5):
        assert submit(client, overlay, link, email=f"a{n}@example.org").status_code == (
            200
        )

    response = submit(client, overlay, link, email="late@example.org")

    assert response.status_code == 429
    assert "Too many submissions" in response.content.decode()
    assert not Subscriber.objects.filter(email="late@example.org").exists()
    assert Subscriber.objects.count() == 5


def test_a_link_that_does_not_use_the_overlay_is_refused(client, owner, overlay_link):
    overlay, _link = overlay_link(owner, "newsletter")
    _other, other_link = overlay_link(owner, "contact")

    response = submit(client, overlay, other_link, email="a@example.org")

    assert response.status_code == 404
    assert not Subscriber.objects.exists()


def test_a_newsletter_address_is_kept_once(client, owner, overlay_link):
    overlay, link = overlay_link(owner, "newsletter")

    submit(client, overlay, link, email="Ada@Example.org")
    response = submit(client, overlay, link, email="ada@example.org")

    assert response.status_code == 200
    assert "Thank you for subscribing!" in response.content.decode()
    assert list(Subscriber.objects.values_list("email", flat=True)) == [
        "ada@example.org"
    ]


def test_a_visitor_votes_once_then_sees_the_results(client, owner, overlay_link):
    overlay, link = overlay_link(owner, "poll")

    first = submit(client, overlay, link, option=1)
    submit(client, overlay, link, option=0)

    assert first.status_code == 200
    assert list(PollVote.objects.values_list("option", flat=True)) == [1]
    content = visit(client, f"/{link.alias}").content.decode()
    assert "Coffee — 100% (1 vote)" in content
    assert "Tea — 0% (0 votes)" in content
    assert 'name="option"' not in content


@pytest.mark.parametrize("option", ["3", "-1", "x"])
def test_a_vote_for_no_option_is_refused(client, owner, overlay_link, option):
    overlay, link = overlay_link(owner, "poll")

    response = submit(client, overlay, link, option=option)

    assert response.status_code == 400
    assert not PollVote.objects.exists()


def test_submissions_need_the_csrf_token(owner, overlay_link):
    overlay, link = overlay_link(owner, "contact")
    client = Client(enforce_csrf_checks=True)

    response = submit(client, overlay, link, **CONTACT)

    assert response.status_code == 403
    assert not ContactMessage.objects.exists()
