"""The person's page of tokens: make one (its key shown once), list, revoke."""

from django.urls import reverse

from unionplan.api.models import ApiToken


def test_making_a_token_shows_its_key_once(client, tree):
    client.force_login(tree.school_chair)
    made = client.post(reverse("api:tokens"), {"name": "OA系统对接"})
    assert made.status_code == 200 and made["Cache-Control"] == "no-store"
    page = made.content.decode()
    token = ApiToken.objects.get(user=tree.school_chair)
    key = page.split('<code class="token-key">', 1)[1].split("<", 1)[0]
    assert key.startswith(token.prefix) and len(key) > 40
    again = client.get(reverse("api:tokens")).content.decode()
    assert key not in again and "OA系统对接" in again and token.prefix in again


def test_a_token_without_a_purpose_is_refused_and_nothing_made(client, tree):
    client.force_login(tree.school_chair)
    page = client.post(reverse("api:tokens"), {"name": " "}, follow=True).content.decode()
    assert "请填写令牌的用途" in page
    assert not ApiToken.objects.exists()


def test_revoking_from_the_page(client, tree):
    client.force_login(tree.school_chair)
    client.post(reverse("api:tokens"), {"name": "OA系统对接"})
    token = ApiToken.objects.get()
    page = client.post(reverse("api:revoke", args=[token.pk]), follow=True).content.decode()
    assert "已吊销" in page
    token.refresh_from_db()
    assert not token.active
    assert client.get(reverse("api:revoke", args=[token.pk])).status_code == 405


def test_one_person_cannot_revoke_another_s_token(client, tree):
    client.force_login(tree.school_chair)
    client.post(reverse("api:tokens"), {"name": "OA系统对接"})
    token = ApiToken.objects.get()
    client.force_login(tree.other_chair)
    assert client.post(reverse("api:revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.active
    assert "OA系统对接" not in client.get(reverse("api:tokens")).content.decode()


def test_the_page_needs_a_login(client, tree):
    assert client.get(reverse("api:tokens")).status_code == 302
