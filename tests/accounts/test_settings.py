import pytest
from django.core import mail

from accounts.forms import ProfileForm
from tests.factories import PASSWORD

SETTINGS_URL = "/user/settings"


def profile(email: str = "owner@example.com", language: str = "") -> dict[str, str]:
    return {"action": "profile", "email": email, "language": language}


def test_the_page_shows_three_forms_with_their_own_buttons(owner_client):
    html = owner_client.get(SETTINGS_URL).content.decode()

    for action in ("profile", "password", "avatar"):
        assert f'<input type="hidden" name="action" value="{action}">' in html
    assert 'value="owner@example.com"' in html
    assert '<option value="" selected>Browser default</option>' in html
    for name in ("old_password", "new_password1", "new_password2", "avatar"):
        assert f'<label for="id_{name}"' in html
    assert "Remove picture" not in html  # there is no avatar yet


def test_changing_the_email_saves_it(owner_client, owner):
    response = owner_client.post(SETTINGS_URL, profile(email="new@example.com"))

    assert response.status_code == 302
    assert response["Location"] == SETTINGS_URL
    owner.refresh_from_db()
    assert owner.email == "new@example.com"
    page = owner_client.get(SETTINGS_URL).content.decode()
    assert "Your settings have been saved." in page


def test_changing_only_the_case_of_ones_own_email_is_allowed(owner_client, owner):
    response = owner_client.post(SETTINGS_URL, profile(email="Owner@Example.com"))

    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.email == "Owner@example.com"  # Django lower-cases the domain


def test_an_email_used_by_another_account_is_refused(owner_client, owner, stranger):
    response = owner_client.post(SETTINGS_URL, profile(email="STRANGER@example.com"))

    assert response.status_code == 200
    assert (
        "An account is already associated with this email." in response.content.decode()
    )
    owner.refresh_from_db()
    assert owner.email == "owner@example.com"


@pytest.mark.parametrize(
    ("email", "error"),
    [("not-an-email", "Enter a valid email address."), ("", "This field is required.")],
)
def test_an_invalid_email_is_refused(owner_client, owner, email, error):
    response = owner_client.post(SETTINGS_URL, profile(email=email))

    assert response.status_code == 200
    assert error in response.content.decode()
    owner.refresh_from_db()
    assert owner.email == "owner@example.com"


def test_an_unknown_language_is_refused(owner_client, owner):
    response = owner_client.post(SETTINGS_URL, profile(language="de"))

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    owner.refresh_from_db()
    assert owner.language == ""


def test_choosing_french_shows_the_pages_in_french(owner_client, owner):
    response = owner_client.post(SETTINGS_URL, profile(language="fr"), follow=True)

    owner.refresh_from_db()
    assert owner.language == "fr"
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Vos paramètres ont été enregistrés." in html
    assert "<h1>Paramètres</h1>" in html
    assert owner_client.get("/user")["Content-Language"] == "fr"


def test_the_browser_default_language_clears_the_choice(owner_client, owner):
    owner.language = "it"
    owner.save()

    owner_client.post(SETTINGS_URL, profile(language=""))

    owner.refresh_from_db()
    assert owner.language == ""
    assert '<html lang="en">' in owner_client.get("/user").content.decode()


def test_saving_the_profile_does_not_undo_a_new_api_key(owner_client, owner):
    # The form's user was loaded before the key changed in another request.
    stale = type(owner).objects.get(pk=owner.pk)
    new_key = owner.regenerate_api_key()

    form = ProfileForm(profile(email="x@example.com"), instance=stale)
    assert form.is_valid()
    form.save()

    owner.refresh_from_db()
    assert owner.api_key == new_key
    assert owner.email == "x@example.com"


def password_change(old: str = PASSWORD, new: str = "new-secret") -> dict[str, str]:
    return {
        "action": "password",
        "old_password": old,
        "new_password1": new,
        "new_password2": new,
    }


def test_changing_the_password_keeps_the_session_and_sends_a_notice(
    owner_client, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(SETTINGS_URL, password_change())

    assert response.status_code == 302
    assert response["Location"] == SETTINGS_URL
    owner.refresh_from_db()
    assert owner.check_password("new-secret")
    page = owner_client.get(SETTINGS_URL)
    assert page.status_code == 200  # still logged in
    assert "Your password has been changed." in page.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["owner@example.com"]
    assert mail.outbox[0].subject == "Your Shortener password was changed"


def test_a_wrong_current_password_is_refused(
    owner_client, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(SETTINGS_URL, password_change(old="wrong"))

    assert response.status_code == 200
    assert "Your old password was entered incorrectly." in response.content.decode()
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)
    assert mail.outbox == []


def test_a_too_short_new_password_is_refused(owner_client, owner):
    response = owner_client.post(SETTINGS_URL, password_change(new="abc"))

    assert response.status_code == 200
    assert "This password is too short." in response.content.decode()
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)


def test_mismatched_new_passwords_are_refused(owner_client, owner):
    data = {**password_change(), "new_password2": "other-secret"}

    response = owner_client.post(SETTINGS_URL, data)

    assert response.status_code == 200
    assert (
        "The two password fields didn\N{RIGHT SINGLE QUOTATION MARK}t match."
        in response.content.decode()
    )
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)


def test_an_unknown_action_is_a_bad_request(owner_client):
    response = owner_client.post(SETTINGS_URL, {"action": "explode"})

    assert response.status_code == 400
    assert "Bad request" in response.content.decode()
