"""The outage flight recorder: probes, journal, transitions, timeline (no Qt here).

``endpoints.py`` turns the policy into endpoints, ``probes.py`` measures one,
``runner.py`` runs the rounds on a worker thread, ``journal.py`` keeps what was
seen, ``transitions.py`` turns it into "down" and "up", ``timeline.py`` draws it
and ``outage_report.py`` prefills the report and its attachments.
"""
