"""The application layer, without Qt: what the windows display and act on.

:class:`~samu_desktop.app.state.AppState` owns the one live copy of the
settings; :class:`~samu_desktop.app.session.ReportSession` owns the report
being written. The GUI only displays them and subscribes to their changes.
"""
