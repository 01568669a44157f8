"""Assess: verdicts, projections and what-it-takes for each target, plus the established progress methods.

The core (``core``, ``growth``, ``rank``, ``methods``) is pure functions over plain numbers; ``run``
is the edge that reads the store.
"""
