"""Hypothesis runs without its per-example deadline: a deadline is a timing assertion, and
a loaded machine (CI, or parallel jobs) trips it with no fault in the code. Speed is
measured by bench/, not by tests."""
import os
import tempfile

from hypothesis import settings

# The rules remember which patterns they found fast (rules.cache_dir); the tests keep
# that memory to themselves rather than in the user's cache.
os.environ.setdefault("EXTRACT_CACHE_DIR", tempfile.mkdtemp(prefix="extract-test-cache-"))

settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")
