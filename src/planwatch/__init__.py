"""planwatch: turn a policy plan into a living scorecard.

The pipeline runs one way: ``plans`` → ``store`` → ``sources`` → ``assess`` → ``compare`` → ``publish``.
Nothing heavy is imported here so that ``planwatch status`` starts fast.
"""

__version__ = "0.1.0"
