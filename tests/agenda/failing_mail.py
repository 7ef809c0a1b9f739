"""A mail backend that delivers one mail (into Django's test outbox) and then fails, as an
SMTP server does when it drops the connection in the middle of a round."""

from django.core.mail.backends.locmem import EmailBackend


class FailsAfterOneBackend(EmailBackend):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.delivered = 0

    def send_messages(self, messages):
        if self.delivered >= 1:
            raise ConnectionError("mail server went away")
        self.delivered += len(messages)
        return super().send_messages(messages)
