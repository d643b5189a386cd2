"""Sending a report: the MIME message, its size budget, SMTP, and the outbox.

- :mod:`.message` builds the e-mail (``build_message``) from texts and attachments;
- :mod:`.budget` shrinks screenshots until the message fits the size budget;
- :mod:`.transport` talks SMTP (STARTTLS or TLS, AUTH from the keyring), step by step;
- :mod:`.failures` turns every failure into one French sentence, temporary or not;
- :mod:`.outbox` keeps each finished report on disk until the server accepts it;
- :mod:`.sender` is the background thread that empties the outbox, with retries;
- :mod:`.cli` is ``samu-desktop outbox [list|flush]``.
"""
