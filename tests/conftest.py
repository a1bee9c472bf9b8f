"""Hypothesis runs without its per-example deadline: a deadline is a timing assertion, and
a loaded machine (CI, or parallel jobs) trips it with no fault in the code. Speed is
measured by bench/, not by tests."""
from hypothesis import settings

settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")
